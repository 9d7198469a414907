package facts

import (
	"slices"
	"strings"
	"testing"

	"github.com/factbot/factbot/facts/internal/text"
)

// newExtract prepares text for cutting answers out, as shortAnswer does,
// for a question that names none of it.
func newExtract(fact string) *extract {
	z := text.NewTokenizer()
	e := &extract{text: fact, toks: z.Tokenize(fact)}
	for _, t := range e.toks {
		w := text.Key(z.Word(t), t.Flags)
		e.words = append(e.words, w)
		e.lf = append(e.lf, text.LexOf(w))
	}
	e.cls = make([]text.Class, len(e.toks))
	text.Classify(e.toks, e.words, e.lf, e.cls)
	e.inQ = make([]bool, len(e.toks))
	return e
}

func TestExtractDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"according to a paper published April 12 by the institute", "April 12"},
		{"Repairs began on March 3, 2021, after inspectors found cracks.", "March 3, 2021"},
		{"It opened on 12 April 2019 to the public.", "12 April 2019"},
		{"In 2015, South Korean intelligence estimated it.", "2015"},
		{"statements released in March by the U.N. panel", "March"},
		{"a report on Monday claiming that", "Monday"},
		{"Nothing here has a date, not even 12 things.", ""},
		// A word of time takes the number or name it needs; a year or a
		// month comes before it.
		{"Birds evolved a keener sense of smell 65 million years ago.", "65 million years ago"},
		{"The city grew in the 17th century into a trading hub.", "17th century"},
		{"It was built around 300 BC by the king.", "300 BC"},
		{"The first edict (303 AD) ordered churches destroyed.", "303 AD"},
		{"The wall was begun in AD 122 under Hadrian.", "AD 122"},
		{"The ocean dominated during the Mesozoic Era.", "Mesozoic Era"},
		{"Every spring since 1998 the village has held a fair.", "1998"},
		{"Most stations air their local news at the weekend.", "weekend"},
		// A span of years is the answer whole.
		{"He proposed the reforms in 1913–15 to the Navy.", "1913–15"},
		{"The race was held in Valencia from 2008 to 2012.", "2008 to 2012"},
		{"The war lasted between 1959 and 1975.", "1959 and 1975"},
		{"The club won in 1938-39 again.", "1938-39"},
		{"It opened in 1959 and 3 more opened later.", "1959"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := newExtract(tt.in).date(false); got != tt.want {
				t.Errorf("date(false) = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestExtractYear: a question that asks for a year takes a date with one,
// or none, and of a full date the year alone; a span of years whole.
func TestExtractYear(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Today the fort serves as a headquarters, built in 1825.", "1825"},
		{"On Friday the network resumed its broadcasts.", ""},
		{"It opened on April 12, 2019 to the public.", "2019"},
		{"It opened in March 2019 after delays.", "2019"},
		{"Repairs began on March 3, 2021, after inspectors found cracks.", "2021"},
		{"The race was held in Valencia from 2008 to 2012.", "2008 to 2012"},
		{"The edict (303 AD) ordered churches destroyed.", "303 AD"},
		{"The city grew in the 17th century.", ""},
	} {
		if got := newExtract(tt.in).date(true); got != tt.want {
			t.Errorf("%q: date(true) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestExtractAmount(t *testing.T) {
	money := func(c text.Class) bool { return c&text.ClassMoney != 0 }
	tests := []struct{ in, want string }{
		{"It is alleged that they have stolen approximately $545 million and $735 million from funds.", "approximately $545 million and $735 million"},
		{"North Korea may have already stolen between $545 million to $735 million in digital assets", "between $545 million to $735 million"},
		{"have lost between $30 million and $40 million each.", "between $30 million and $40 million"},
		{"is worth an estimated $700 million USD.", "an estimated $700 million USD"},
		{"mined coins worth nearly $4,500 at press time.", "nearly $4,500"},
		{"employs up to 6,000 experts", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := newExtract(tt.in).amount(money); got != tt.want {
				t.Errorf("amount() = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestExtractMeasure: a question that asks how long, old or far takes the
// figure with its unit; one that asks how many, the figure alone.
func TestExtractMeasure(t *testing.T) {
	isCount := func(c text.Class) bool { return c&text.ClassNum != 0 && c&text.ClassYear == 0 }
	for _, tt := range []struct{ in, measure, count string }{
		{"The debate lasted almost three years.", "almost three years", "almost three"},
		{"Fishing will stop for at least eighteen months.", "at least eighteen months", "at least eighteen"},
		{"The chick flew over 22,000 km south.", "over 22,000 km", "over 22,000"},
		{"The field covers 40 hectares of land.", "40 hectares", "40"},
		{"It was built by 300 workers.", "300", "300"}, // workers are no unit
		{"The fishery gave the town a living for hundreds of years.", "hundreds of years", "hundreds"},
		{"The strain broke the plastic down in as little as six weeks.", "as little as six weeks", "as little as six"},
	} {
		e := newExtract(tt.in)
		for _, measure := range []bool{true, false} {
			want := map[bool]string{true: tt.measure, false: tt.count}[measure]
			if e.measure = measure; e.amount(isCount) != want {
				t.Errorf("%q: amount() with measure %v = %q, want %q", tt.in, measure, e.amount(isCount), want)
			}
		}
	}
}

// TestMeasureUnits: a measure is in a unit of its kind: "how long" is no
// number of tonnes, "how far" no number of years.
func TestMeasureUnits(t *testing.T) {
	isCount := func(c text.Class) bool { return c&text.ClassNum != 0 && c&text.ClassYear == 0 }
	for _, tt := range []struct{ in, cue, want string }{
		{"It could cut the 380 million tonnes made each year, though use is a decade away.", "how long", ""},
		{"It makes 380 million tonnes, and the work took 6 years.", "how long", "6 years"},
		{"The road runs 40 km and took 3 years to build.", "how far", "40 km"},
		{"The road took 3 years to build.", "how far", ""},
	} {
		e := newExtract(tt.in)
		e.measure, e.units = true, measureUnits[tt.cue]
		if got := e.amount(isCount); got != tt.want {
			t.Errorf("%q for %q: amount %q, want %q", tt.in, tt.cue, got, tt.want)
		}
	}
}

// TestCountOfTimes: "how many times" counts no money nor share, though
// times are a unit; "how many dollars" takes money, and "how many of the
// voters" a share.
func TestCountOfTimes(t *testing.T) {
	for _, tt := range []struct{ fact, q, want string }{
		{"The exchanges lost $40 million each and were targeted three times.", "How many times were the exchanges targeted?", "three"},
		{"The exchanges were targeted and lost $40 million each.", "How many times were the exchanges targeted?", ""},
		{"The exchanges lost $40 million each and were targeted three times.", "How many dollars did the exchanges lose?", "$40 million"},
		{"In 2006 nearly 60% of Michigan voters backed the ban.", "How many of the voters backed the ban?", "nearly 60%"},
	} {
		b := New([]Article{{ID: "a", Title: "Notes", Paragraphs: []string{tt.fact}}}, nil, noSpans)
		s := b.getScratch()
		r, _ := b.search(s, tt.q)
		e := b.extractOf(s, &r.q, &r.c, 0)
		if got := extractKind(e, &r.q, &r.c); got != tt.want {
			t.Errorf("%q of %q: amount %q, want %q", tt.q, tt.fact, got, tt.want)
		}
		b.pool.Put(s)
	}
}

// TestExtractCountOfThings: "how many people" is not answered with a
// number of years or miles, a sum of money or a share, but a number of
// people or of ones still is.
func TestExtractCountOfThings(t *testing.T) {
	isCount := func(c text.Class) bool { return c&text.ClassNum != 0 && c&text.ClassYear == 0 }
	for _, tt := range []struct{ in, want string }{
		{"The debate lasted almost three years.", ""},
		{"The town lies 40 miles from the coast.", ""},
		{"Some 40,000 people cross the harbour each day.", "Some 40,000"},
		{"They had 345 number ones in 2008.", "345"},
		// A sum of money or a share counts no things.
		{"The gang launched attacks and the exchanges lost between $30 million and $40 million each.", ""},
		{"Turnout rose to 85 percent, and 47 million records were sold.", "47 million"},
		// A number in words of a number in words.
		{"Each autumn hundreds of thousands of birds funnel through the pass.", "hundreds of thousands"},
	} {
		e := newExtract(tt.in)
		e.people, e.counts = true, true
		if got := e.amount(isCount); got != tt.want {
			t.Errorf("%q: amount() for a count of people = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestShortAnswerNearest: of several answers of the kind asked, the short
// answer is the one nearest the thing asked about or the question's other
// words, not the first or the longest; a title the question asks about is
// no part of the name after it.
func TestShortAnswerNearest(t *testing.T) {
	for _, tt := range []struct{ fact, q, want string }{
		{"The bridge was finished in 1932, and the tunnel under the river opened in 1958.", "When did the tunnel under the river open?", "1958"},
		{"The club has 300 members and owns 12 sailing boats.", "How many sailing boats does the club own?", "12"},
		{"Members pay $40 a year, and the new boathouse cost $2 million to build.", "How much did the new boathouse cost?", "$2 million"},
		{"The airline will cut 1,200 jobs, about 8 percent of its workforce.", "How much of the workforce will the airline cut?", "about 8 percent"},
		{"Dr. Lena Ortiz founded the clinic in the town of Maple Falls Junction.", "Who founded the clinic?", "Lena Ortiz"},
		// A name "in" or "at" somewhere is a place, no one who did it.
		{"He began his musical career as organist in Brackley, where Tom Arden later taught.", "Who began his musical career as organist?", "Tom Arden"},
		// The thing asked about before a name is no part of it, unless
		// no name follows.
		{"In 1905 the treaty was signed by President Anna Berg in Oslo.", "Which president signed the treaty?", "Anna Berg"},
		{"In 1907 the loan came from the Bank of Montreal.", "Which bank gave the loan?", "Bank of Montreal"},
		// So is a title the question asks about with "who": the name
		// after it answers, not another name of the fact.
		{"In 2019 North Korea’s Supreme Leader Kim Jong-un offered a summit to U.S. president Donald Trump.", "Who is the leader of North Korea?", "Kim Jong-un"},
		{"In 2007 the Idol Gives Back telethon was hosted by comedians.", "who hosted the idol telethon?", "In 2007 the Idol Gives Back telethon was hosted by comedians."},
		// A name the question gives ends a list.
		{"In 1990 the exports went to Sweden and Norway by sea.", "Along with Norway, where did the exports go?", "Sweden"},
		{"The rule, Executive Order 13526, told agencies to declassify files.", "Which executive order told agencies to declassify files?", "Executive Order 13526"},
		// A possessive is no part of the name; a contraction is no possessive.
		{"In 1876 Bell used a transmitter like Gray's design.", "Bell used a transmitter like the design of who?", "Gray"},
		{`In 1992 the party ran on "It's Time", a theme.`, "Which theme did the party run on?", "It's Time"},
		// The name, not the acronym after it, answers.
		{"In 2001 the Erasmus Language Centre (ETC) opened a school in Jakarta, as the group had long planned.", "Which group opened a school in Jakarta?", "Erasmus Language Centre"},
		// "Which X" of no kind of answer: the name beside X, or none.
		{"In 1898 the battleship Maine sank in the harbor near the city.", "Which battleship sank in the harbor?", "Maine"},
		{"The trade, illegal since the Qing dynasty outlawed it in 1729, grew.", "Which dynasty outlawed the trade?", "Qing"},
		{"In 1898 the battleship sank in the harbor near Havana.", "Which battleship sank in the harbor?", "In 1898 the battleship sank in the harbor near Havana."},
		{"In 950 the plateau saw a migration of Turkic and Mongol tribes from the east.", "Which tribes saw a migration to the plateau?", "Turkic and Mongol"},
		// "What type of X": the words before X that the question lacks;
		// not a piece of a word, nor an owner.
		{"In 1990 a theory linked lead pollution to crime rates.", "What type of pollution was linked to crime rates?", "lead"},
		{"In 1990 the plant used through-hole construction for its boards.", "What kind of construction did the plant use for its boards?", "through-hole"},
		{"In 1990 the bands played 4/4 beats at the club.", "What type of beats did the bands play at the club?", "In 1990 the bands played 4/4 beats at the club."},
		{"In 1990 the city's restaurants served fish from the coast.", "What type of restaurants served fish from the coast?", "In 1990 the city's restaurants served fish from the coast."},
		// "What is X called?": the name the fact gives after a mark of
		// naming that follows a word of the question; quoted, or up to a
		// function word; none from a mark that gives none.
		{"In spring the birds narrow into preferred routes called flyways over the coast.", "What are the preferred routes of the birds called?", "flyways"},
		// Function words between the question's word and the mark are
		// not counted; names joined by "or" are one answer.
		{"In 2017 the Lazarus Group was often also called Unit 180 or Bureau 121 by experts.", "What is the Lazarus Group also called?", "Unit 180 or Bureau 121"},
		{"In spring the routes are in the end simply called flyways and used by geese.", "What are the routes called?", "flyways"},
		{`In 1019 Yaroslav, known as "the Wise", took the throne.`, "What was Yaroslav known as?", "the Wise"},
		{"In 1850 the rooms of the palace were named and decorated for visitors.", "Which room of the palace was named for visitors?", "In 1850 the rooms of the palace were named and decorated for visitors."},
		{"In 1850 monks wrote a so-called creed of the abbey.", "What so-called creed did the monks write?", "In 1850 monks wrote a so-called creed of the abbey."},
		// A joined-up form ("cyberwarfare" over "cyber-warfare") is no
		// word of its own to stand before.
		{"In 2017 the state used cyber-warfare against banks.", "What type of cyberwarfare did the state use against banks?", "In 2017 the state used cyber-warfare against banks."},
		// A function word after a quotation mark opens no name.
		{`In 1920 Noiré wrote: "For the first time we find idealism in Plotinus".`, "Who did Noiré say was the first idealist?", "Plotinus"},
	} {
		if got := askOne(tt.fact, tt.q, noSpans).Text; got != tt.want {
			t.Errorf("%q of %q: short answer %q, want %q", tt.q, tt.fact, got, tt.want)
		}
	}
}

// noSpans makes a base without the span model, to test the extractors
// alone.
func noSpans(b *Base) { b.spanModel = nil }

// noAbstain makes a base that answers whatever its confidence, to test
// ranking and short answers apart from the fitted threshold of bases of a
// sentence or two (abstention has tests of its own).
func noAbstain(b *Base) { b.weights.AbstainBelow, b.weights.AbstainBySize = 0, nil }

// askOne asks q of a base of the one fact, which answers whatever its
// confidence (noAbstain), built with opts too.
func askOne(fact, q string, opts ...Option) Answer {
	b := New([]Article{{ID: "a", Title: "Notes", Paragraphs: []string{fact}}}, nil, append(opts, noAbstain)...)
	return b.Ask(q)
}

// The span model answers what no extractor can, and never a question it
// must not: "why", "how", a yes/no question, a date. The answers depend on
// the fitted model, so the table holds clear cases.
func TestSpanAnswer(t *testing.T) {
	const (
		bridge = "In 1990 the council built a stone bridge over the river."
		ferry  = "In 1990 the council built a stone bridge over the river because the ferry had sunk."
		said   = "Mayor Ana Lindqvist said the bridge would cut travel times by half."
	)
	for _, tt := range []struct{ fact, q, want string }{
		{bridge, "What did the council build over the river?", "stone bridge"},
		{ferry, "Why did the council build a bridge over the river?", ferry},
		{bridge, "How did the council build the bridge over the river?", bridge},
		{bridge, "Did the council build a bridge over the river?", "Yes"},
		{bridge, "In what year did the council build a bridge over the river?", "1990"},
		// What someone said is a clause: the quote.
		{said, "What did Mayor Ana Lindqvist say about the bridge?", said},
	} {
		b := New([]Article{{ID: "a", Title: "Notes", Paragraphs: []string{tt.fact}}}, nil)
		if got := b.Ask(tt.q).Text; got != tt.want {
			t.Errorf("%q: short answer %q, want %q", tt.q, got, tt.want)
		}
	}
}

// The null candidate is always there, last, and no span holds a word of
// the question, opens or ends on a function word, or is a piece of a
// joined-up word.
func TestSpanCandidates(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Notes", Paragraphs: []string{"In 2017 the state used cyber-warfare against the banks of the city."}}}, nil)
	fact, _, _, spans := b.Spans("What type of cyberwarfare did the state use?")
	if fact == "" || len(spans) < 2 {
		t.Fatalf("Spans: fact %q, %d spans", fact, len(spans))
	}
	if last := spans[len(spans)-1]; last.Text != "" || last.Features[sNull] != 1 {
		t.Errorf("last span %q, null feature %v: want the null candidate", last.Text, last.Features[sNull])
	}
	var texts []string
	for _, sp := range spans[:len(spans)-1] {
		texts = append(texts, sp.Text)
		if sp.Features[sNull] != 0 {
			t.Errorf("span %q has the null feature", sp.Text)
		}
	}
	for _, bad := range []string{"state", "the banks", "banks of", "cyber", "warfare", "cyber-warfare", "2017 the state"} {
		if slices.Contains(texts, bad) {
			t.Errorf("span %q among %q", bad, texts)
		}
	}
	for _, good := range []string{"2017", "banks", "banks of the city", "city"} {
		if !slices.Contains(texts, good) {
			t.Errorf("no span %q among %q", good, texts)
		}
	}
}

// The embedded span model names every feature, in order; a file that
// names them otherwise is refused.
func TestSpanModelFile(t *testing.T) {
	m, err := parseSpanModel(spanJSON)
	if err != nil {
		t.Fatalf("span.json: %v", err)
	}
	if m.Min <= 0 || m.Min > 1 || len(m.forest.leaves) == 0 {
		t.Errorf("span.json: floor %v, %d tree leaves", m.Min, len(m.forest.leaves))
	}
	bad := strings.Replace(string(spanJSON), `"name": "len1"`, `"name": "length1"`, 1)
	if _, err := parseSpanModel([]byte(bad)); err == nil {
		t.Error("a span model with a misnamed feature was read")
	}
}

// A question that asks to spell out a short form gets the long form the
// facts give it, in either order, and not a fact where the words of its
// request ("As it stands") happen to be.
func TestLongForm(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Notes", Paragraphs: []string{
		"As it stands, the think tank has published three reports this year. " +
			"A British think tank known as the Royal United Services Institute (RUSI) released a report on Monday. " +
			"The NCAA (National Collegiate Athletic Association) sets the rules for college sport."}}}, nil)
	for _, tc := range []struct{ q, want string }{
		{"What does RUSI stand for?", "Royal United Services Institute"},
		{"what does rusi stand for", "Royal United Services Institute"},
		{"What does the acronym NCAA stand for?", "National Collegiate Athletic Association"},
		{"NCAA stands for what?", "National Collegiate Athletic Association"},
	} {
		a := b.Ask(tc.q)
		if a.Text != tc.want {
			t.Errorf("%q: short answer %q, want %q", tc.q, a.Text, tc.want)
		}
		if len(a.Citations) == 0 || strings.HasPrefix(a.Citations[0].Quote, "As it stands") {
			t.Errorf("%q: citations %+v", tc.q, a.Citations)
		}
	}
}

// TestPlaceOf: "where is" a place the fact writes before a comma and
// another place is that other place; a list of names is no such pair.
func TestPlaceOf(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Notes", Paragraphs: []string{
		"The firm is based in Bergen, Norway, and builds bridges. " +
			"Ferries sail to Oslo, Tromso, Bodo and Alta every week.",
	}}}, nil)
	for _, tt := range []struct{ q, want, not string }{
		{"Where is Bergen?", "Norway", ""},
		{"where is oslo", "", "Tromso"},
	} {
		a := b.Ask(tt.q)
		if tt.want != "" && a.Text != tt.want || tt.not != "" && a.Text == tt.not {
			t.Errorf("%q: short answer %q", tt.q, a.Text)
		}
	}
}

// TestNoEcho: a short answer that only repeats the question's words says
// nothing; the quote is shown instead.
func TestNoEcho(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Coins", Paragraphs: []string{
		"In 1518 the coins known as Joachimstalers were first minted in the valley.",
	}}}, nil)
	s := b.newScratch()
	q := parse(s.z, "Who began minting the coins known as Joachimstalers?", nil, nil)
	for _, tt := range []struct {
		answer string
		want   bool
	}{
		{"Joachimstalers", true},
		{"the coins", true},
		{"Count Schlick", false},
		{"the", false}, // nothing of content
	} {
		if got := echoes(s, &q, tt.answer); got != tt.want {
			t.Errorf("echoes(%q) = %v, want %v", tt.answer, got, tt.want)
		}
	}
	if a := b.Ask(q.text); a.Text == "Joachimstalers" {
		t.Errorf("%q: short answer %q repeats the question", q.text, a.Text)
	}
}

// TestVagueCount: a number in words answers "how many", so a fact that
// counts the thing asked about in words comes before one that has a
// number of something else.
func TestVagueCount(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Notes", Paragraphs: []string{
		"The number of operatives working for the agency has now reached over thousands.",
		"In 2015 the harbour city counted 6,000 buses on its roads.",
	}}}, nil, noSpans, noAbstain)
	ans := b.Ask("How many people work for the agency?")
	if len(ans.Citations) == 0 || !strings.Contains(ans.Citations[0].Quote, "operatives") || ans.Text != "over thousands" {
		t.Errorf("got %q citing %v, want \"over thousands\" citing the operatives", ans.Text, ans.Citations)
	}
}

// TestShortAnswerShapes checks answers of shapes a name, a place, a date
// or a verdict might take wrongly: a position in a ranking is the fact's
// ordinal, a century an ordinal and "century", a place's abbreviated title
// opens its name at the start of a sentence too, whose 's is cut only
// before a word it owns, and a choice is no yes or no.
func TestShortAnswerShapes(t *testing.T) {
	tests := []struct{ fact, q, want string }{
		{"Among the metropolitan areas of the United States, Oslo-Dade ranks seventh largest, behind Chicago.", "Where does Oslo-Dade rank among metropolitan areas?", "seventh largest"},
		{"By purchasing power, Riverton was the fifth-richest city in the world in 2010.", "Where did Riverton rank by purchasing power in 2010?", "fifth"},
		{"The board has ranked Latin second or third among the languages taught, after English.", "Where has the board ranked Latin among the languages taught?", "second or third"},
		{"The club finished the season in 4th place, behind Leeds.", "In what place was the club ranked at the end of the season?", "4th"},
		{"St. John's is one of the oldest settlements in North America.", "Which city is one of the oldest settlements in North America?", "St. John's"},
		{"The eastern end of the highway is in St. John's, the capital.", "Where is the eastern end of the highway?", "St. John's"},
		{"The prize went to Gray's design for the new bridge.", "Who designed the winning bridge?", "Gray"},
		// "What century" takes the century a fact names with an ordinal.
		{"Paper was first made in China in the 2nd century BC, from 105 AD in Europe.", "What century was paper first made in China?", "2nd century BC"},
		{"In 19th-century America, quilts were widely used as bed covers.", "In what century were quilts widely used in America?", "19th century"},
		// A choice question takes the choice the fact matches, as the
		// question writes it, not "Yes"; the quote when it matches both.
		{"Sulfonamides proved far less toxic than arsphenamine in the trials of 1936.", "Were sulfonamides more or less toxic than arsphenamine?", "less"},
		{"Portugal joined the war on Britain's side in 1762.", "Was Portugal on the side of France or Britain?", "Britain"},
		{"The city's school enrollment dropped by a fifth after 2000 and then rose.", "Has school enrollment dropped or risen since 2000?", "The city's school enrollment dropped by a fifth after 2000 and then rose."},
	}
	for _, tt := range tests {
		if got := askOne(tt.fact, tt.q).Text; got != tt.want {
			t.Errorf("%q: short answer %q, want %q", tt.q, got, tt.want)
		}
	}
}

// TestPossessiveBeforeExtraForms checks that a possessive whose word the
// tokenizer also splits ("MacDonald's": "Mac", "Donald", extra tokens
// after it) is cut without reading those tokens as the words after it: it
// once sliced the text backwards and crashed.
func TestPossessiveBeforeExtraForms(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Labour", Paragraphs: []string{
		"This caused great anger among those who felt betrayed by MacDonald's actions: he and his supporters formed a separate National Labour Organisation.",
	}}}, nil, noAbstain)
	for _, q := range []string{"what causd macdonald to form a separate party", "Which party did MacDonald form?"} {
		if a := b.Ask(q); len(a.Citations) == 0 {
			t.Errorf("%q: no citation", q)
		}
	}
}
