package facts

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/text"
	"github.com/factbot/factbot/facts/internal/wordnet"
)

// Short answers are cut out of the best fact, verbatim: the amount, count,
// date, name or list the question asks for, with the words that qualify it
// ("approximately", "between … and …", "up to"). Things the question itself
// names are passed over: "How much did Bithumb lose?" wants the amount, not
// "Bithumb".

// An extract is the tokens of one fact, classified, for cutting answers out.
type extract struct {
	text  string
	toks  []text.Token
	words []string
	lf    []text.Lex
	cls   []text.Class
	inQ   []bool // the question matches this token (checked only for numbers, dates and names)
	// inTitle is true for a token of the article's title: the article's
	// subject is seldom what a question about it asks for.
	inTitle []bool
	focus   []bool // the token matches the thing asked about ("tank" in "which think tank")
	asked   []bool // the token matches a content word of the question
	qname   []bool // the token is one of the question's names
	role    []bool // a capitalised token the question asks in lower case ("Leader" for "who is the leader")
	fact    uint32 // the fact's index
	pos     []int  // the positional tokens (not extra forms), for spans
	// learned and titled are, for each positional token, the learned
	// table's probability of it and whether the title has it (spans).
	learned []float64
	titled  []bool
	isa     []bool // WordNet has the token as a kind of the thing asked about (isA)
	who     bool   // the question asks "who"
	measure bool   // the question asks how long, old, far…: a figure with its unit
	people  bool   // the question counts things that are no unit ("how many people"): "three years" counts none
	counts  bool   // the question counts a thing, not money ("how many times"): "$40 million" counts none
	// minFocus is the least closeness to the thing asked about that a
	// name must have to be cut (see focusName).
	minFocus int
	// ready says the extract is of fact for the question being answered:
	// search clears it, so that the confidence's span and the short answer
	// read one fact once.
	ready bool
}

// shortAnswer returns the part of fact f that answers q, or "" when the
// fact has none to cut out, or q asks for no kind of answer in particular
// and is no "which X" question with a name beside X (focusName).
func (b *Base) shortAnswer(s *scratch, q *query, cq *compiled, f uint32) string {
	a, _ := b.cutAnswer(s, q, cq, f)
	return a
}

// cutAnswer is shortAnswer, and returns the extract of f it read, or nil
// when q needed none, for the span reader to read again.
func (b *Base) cutAnswer(s *scratch, q *query, cq *compiled, f uint32) (string, *extract) {
	naming := q.want&(strictKinds|kReason) == 0 && asksNaming(q)
	if q.want&^kList == 0 && q.defines == "" && !asksWhich(q) && !naming {
		return "", nil
	}
	e := b.extractOf(s, q, cq, f)
	if q.defines != "" {
		if l := e.longForm(q.defines); l != "" {
			return l, e
		}
		if t := e.holderOf(q); t != "" {
			return t, e
		}
		if d := e.description(q.defines); d != "" {
			return d, e
		}
		// Not another name of the fact: "Who is Kim Jong-un?" is not
		// answered "Donald Trump".
		return "", e
	}
	if naming {
		if a := e.naming(); a != "" {
			return a, e
		}
	}
	if q.want&^kList == 0 {
		if q.sortOf {
			if m := e.modifier(); m != "" {
				return m, e
			}
		}
		return e.focusName(), e
	}
	return extractKind(e, q, cq), e
}

// asksWhich reports whether q asks "which X" or "what X".
func asksWhich(q *query) bool {
	return q.focusTo > q.focusFrom && (q.wh == "what" || q.wh == "which")
}

// maxModifierWords bounds the words of a modifier (see modifier).
const maxModifierWords = 3

// modifier cuts out the words right before the thing asked about that the
// question does not have, for a question that asks for a sort of it:
// "lead" of "lead pollution" for "what type of pollution", "modern
// constitutional" of "a modern constitutional monarchy".
func (e *extract) modifier() string {
	for k := 1; k < len(e.toks); k++ {
		if !e.focus[k] || e.focus[k-1] || e.cls[k]&text.ClassAux != 0 {
			continue // a joined-up form stands over its parts
		}
		start, whole := k, true
		for j := k - 1; j >= 0 && k-j <= maxModifierWords; j-- {
			if e.cls[j]&text.ClassAux != 0 {
				continue
			}
			// A hyphen joins the words of one modifier ("through-hole");
			// a comma ends it ("long-term, complex"); any other mark with
			// no space leaves a piece of a word ("4" of "4/4").
			gap := e.text[e.toks[j].End:e.toks[start].Start]
			if gap == "-" {
				start = j
				continue
			}
			if !text.SpaceBetween(e.text, e.toks[j].End, e.toks[start].Start) {
				whole = strings.ContainsFunc(gap, unicode.IsSpace)
				break
			}
			// An owner ("the city's restaurants") is no sort.
			if e.lf[j]&text.LexStop != 0 || e.asked[j] || text.Possessive(e.text, e.toks[j]) {
				break
			}
			start = j
		}
		if start < k && whole {
			return e.cut(start, k-1)
		}
	}
	return ""
}

// focusReach is how many tokens from the thing asked about a name may
// stand and still answer a question of no kind: "Qing" of "the Qing
// dynasty" for "which dynasty", "Judah" of "the tribe of Judah" for
// "which tribe".
const focusReach = 2

// focusName cuts out, for a "which X" question that asks for no kind of
// answer, the name beside X in the fact, or "" when no name is that near:
// a name farther off answers something else as often as not.
func (e *extract) focusName() string {
	e.minFocus = proxReach + 1 - focusReach
	defer func() { e.minFocus = 0 }()
	return e.nameNot(false, true)
}

// extractOf returns fact f's tokens, classified and marked against q, in
// s's extract.
func (b *Base) extractOf(s *scratch, q *query, cq *compiled, f uint32) *extract {
	e := &s.extract
	if e.ready && e.fact == f {
		return e
	}
	e.text, e.fact = b.facts[f].text, f
	e.toks = s.z.Tokenize(e.text)
	e.words, e.lf = e.words[:0], e.lf[:0]
	for _, t := range e.toks {
		w := text.Key(s.z.Word(t), t.Flags)
		e.words = append(e.words, w)
		e.lf = append(e.lf, text.LexOf(w))
	}
	e.cls = append(e.cls[:0], make([]text.Class, len(e.toks))...)
	text.Classify(e.toks, e.words, e.lf, e.cls)
	e.inQ = append(e.inQ[:0], make([]bool, len(e.toks))...)
	e.inTitle = append(e.inTitle[:0], make([]bool, len(e.toks))...)
	e.focus = append(e.focus[:0], make([]bool, len(e.toks))...)
	e.asked = append(e.asked[:0], make([]bool, len(e.toks))...)
	e.qname = append(e.qname[:0], make([]bool, len(e.toks))...)
	e.role = append(e.role[:0], make([]bool, len(e.toks))...)
	e.who = q.wh == "who"
	e.measure = measureCues[q.wh]
	e.people = q.wh == "how many" && q.focusTo > q.focusFrom && !isUnit(q.words[q.focusTo-1], unitKinds)
	e.counts = q.wh == "how many" && q.focusTo > q.focusFrom && !isUnit(q.words[q.focusTo-1], moneyUnits)
	title := b.titles[b.facts[f].article]
	for i, w := range e.words {
		answer := e.cls[i]&(text.ClassNum|text.ClassCap|text.ClassDate|text.ClassYear) != 0
		if !answer && e.lf[i]&text.LexStop != 0 {
			continue // only what could be an answer, or a word of the question, needs a look
		}
		id, ok := b.lookup(w)
		if !ok {
			continue
		}
		gi, _, inQ := cq.table.find(id)
		e.inQ[i] = inQ && answer
		e.focus[i] = inQ && cq.groups[gi].focus
		e.asked[i] = inQ && !cq.groups[gi].chatter
		e.inTitle[i] = answer && slices.Contains(title, id)
		// A name of the question, matched as such or within a phrase
		// ("Kim" of "Kim Jong-un"); not the thing asked about ("bank" of
		// "which bank", in "Bank of Montreal").
		e.qname[i] = e.cls[i]&text.ClassCap != 0 && (inQ && cq.groups[gi].name || slices.Contains(q.words, w)) && !e.focus[i]
		e.role[i] = e.qname[i] && inQ && !cq.groups[gi].name
	}
	e.markAskedParts()
	e.ready = true
	return e
}

// cut returns the verbatim text of tokens i..j, with a currency sign that
// stands before token i.
func (e *extract) cut(i, j int) string {
	start, end := int(e.toks[i].Start), int(e.toks[j].End)
	if start > 0 {
		if r, n := utf8.DecodeLastRuneInString(e.text[:start]); lang.IsCurrencySign(r) {
			start -= n
		}
	}
	// Close a bracket the cut opened: "Royal United Services Institute (RUSI)".
	if cut := e.text[start:end]; strings.Count(cut, "(") > strings.Count(cut, ")") && end < len(e.text) && e.text[end] == ')' {
		end++
	}
	return e.text[start:end]
}

// next returns the index of the positional token after i, or -1.
func (e *extract) next(i int) int {
	for i++; i < len(e.toks); i++ {
		if e.cls[i]&text.ClassAux == 0 {
			return i
		}
	}
	return -1
}

// amount cuts out the amount whose number satisfies is and is not named
// by the question, nearest the question's words (closeness), with its
// magnitude ("million"), qualifiers, and the other end of a range.
func (e *extract) amount(is func(text.Class) bool) string {
	// A figure before a number in words ("16 percent" before "several").
	for _, vague := range []bool{false, true} {
		if a := e.amountOf(is, vague); a != "" {
			return a
		}
	}
	return ""
}

// amountOf is amount over the numbers in words that give no count, or over
// the others.
func (e *extract) amountOf(is func(text.Class) bool, vague bool) string {
	var best span
	for i := 0; i < len(e.toks); i++ {
		if is(e.cls[i]) && !e.inQ[i] && e.cls[i]&text.ClassAux == 0 && (e.cls[i]&text.ClassVague != 0) == vague {
			start, end := e.amountAt(i, is)
			if e.counts && e.sumOrShare(i) || e.people && e.measured(end) {
				i = end
				continue // "$40 million" or "16 percent" counts no times, "almost three years" no people
			}
			best = e.nearer(best, start, end)
			i = end
		}
	}
	return e.cutSpan(best)
}

// sumOrShare reports whether the amount whose number is token i is a sum of
// money or a share: no count of things.
func (e *extract) sumOrShare(i int) bool {
	return e.cls[i]&text.ClassMoney != 0 || e.words[e.amountEnd(i)] == "percent"
}

// measured reports whether the amount that ends at token end is a number
// of years or miles, by the unit after it: no count of people or things.
func (e *extract) measured(end int) bool {
	j := e.next(end)
	return j > 0 && e.lf[j]&text.LexStop == 0 && isUnit(e.words[j], timeAndMeasures)
}

// moneyUnits are the units a count of money is in ("how many dollars").
var moneyUnits = []string{"monetary unit"}

// amountAt returns the first and last tokens of the amount whose number is
// token i, with its magnitude ("million"), qualifiers, and the other end
// of a range.
func (e *extract) amountAt(i int, is func(text.Class) bool) (int, int) {
	start, end := i, e.amountEnd(i)
	for k := 0; k < 3 && start > 0 && lang.Qualifiers[e.words[start-1]] && e.cls[start-1]&text.ClassAux == 0 &&
		(e.words[start-1] != "to" || start > 1 && e.words[start-2] == "up"); k++ {
		start--
	}
	if start < i && e.words[start] == "as" && start+1 == i {
		start++ // "as 5" of "such as 5" is no amount
	}
	// A range: "$545 million to $735 million", "between $30 million and $40 million".
	if j := e.next(end); j > 0 && lang.RangeJoins[e.words[j]] && text.SpaceBetween(e.text, e.toks[end].End, e.toks[j].Start) {
		if k := e.next(j); k > 0 && is(e.cls[k]) {
			end = e.amountEnd(k)
		}
	}
	return start, end
}

// percent cuts out the share the question does not name nearest its
// words: a number followed by "percent".
func (e *extract) percent() string {
	isNum := func(c text.Class) bool { return c&text.ClassNum != 0 && c&text.ClassYear == 0 }
	var best span
	for i := 0; i < len(e.toks); i++ {
		if isNum(e.cls[i]) && !e.inQ[i] && e.cls[i]&text.ClassVague == 0 {
			if j := e.next(i); j > 0 && e.words[j] == "percent" {
				start, end := e.amountAt(i, isNum)
				best = e.nearer(best, start, end)
				i = end
			}
		}
	}
	return e.cutSpan(best)
}

// amountEnd returns the last token of the amount that starts at number i:
// its magnitude and currency words.
func (e *extract) amountEnd(i int) int {
	end := i
	for j := e.next(i); j > 0 && e.cls[j]&text.ClassUnit != 0; j = e.next(j) {
		end = j
	}
	if j := e.next(end); j > 0 && e.words[j] == "percent" {
		end = j
	}
	// "hundreds of thousands", "hundreds of years" (for "how long").
	if j := e.next(end); j > 0 && e.cls[end]&text.ClassVague != 0 && e.words[j] == "of" {
		if k := e.next(j); k > 0 && (e.cls[k]&text.ClassVague != 0 || e.measure && isUnit(e.words[k], unitKinds)) {
			end = k
		}
	}
	if j := e.next(end); e.measure && j > 0 && e.cls[j]&text.ClassAux == 0 && isUnit(e.words[j], unitKinds) {
		end = j // "almost three years", not "almost three", for "how long"
	}
	return end
}

// measureCues are the questions that ask for a measure, whose answer is a
// figure and its unit.
var measureCues = map[string]bool{"how long": true, "how old": true, "how far": true, "how tall": true,
	"how big": true, "how large": true, "how high": true, "how deep": true, "how wide": true, "how heavy": true}

// unitKinds are what WordNet calls a unit: years, miles, tons, hectares.
var unitKinds = []string{"unit of measurement", "unit", "measure", "time period"}

// timeAndMeasures are the units no count of things is given in: years,
// miles, tons (but not "number ones", which are a "measure").
var timeAndMeasures = []string{"time period", "unit of measurement", "linear unit", "weight unit", "monetary unit"}

// isUnit reports whether WordNet has word as a kind of one of kinds.
func isUnit(word string, kinds []string) bool { return wordnet.IsKindOf(word, kinds) }

// date cuts out the date the question does not name nearest its words:
// "April 12", "March 2019", "2015". With year, the question asks for a
// year ("In what year…?"): only a date with one will do, not "Monday" or
// "today".
func (e *extract) date(year bool) string {
	// A year, month or day first; a word of time ("spring", "ago",
	// "century") only when the fact has none.
	for _, words := range []bool{false, true} {
		var best span
		for i := 0; i < len(e.toks); i++ {
			c := e.cls[i]
			if e.inQ[i] || c&text.ClassAux != 0 || c&(text.ClassYear|text.ClassDate) == 0 || (e.lf[i]&text.LexDateWord != 0) != words {
				continue
			}
			if year && !e.hasYear(i) {
				continue
			}
			start, end := i, i
			if words {
				// The number or name the word of time needs: "65 million
				// years ago", "the 17th century", "300 BC", "the Mesozoic Era".
				for k := 0; k < 4 && start > 0 && e.dateLead(start-1); k++ {
					start--
				}
			} else if c&text.ClassDate != 0 {
				// A month and its day, either way round: "April 12", "12 April".
				if j := e.next(end); j > 0 && e.cls[j]&text.ClassDate != 0 && (isDay(e.words[j]) || isDay(e.words[end])) {
					end = j
				}
				if j := e.next(end); j > 0 && e.cls[j]&text.ClassYear != 0 {
					end = j
				}
			}
			if j := e.next(end); j > 0 && text.Era(e.toks[j], e.words[j]) {
				end = j // "303 AD"
			}
			if !words {
				end = e.dateRange(end)
			}
			best = e.nearer(best, start, end)
			i = end
		}
		if a := e.cutSpan(best); a != "" {
			return a
		}
	}
	return ""
}

// dateRange returns the last token of the span of time that the date
// ending at token end opens, or end: "1913–15", "2008 to 2012", "1959
// and 1975".
func (e *extract) dateRange(end int) int {
	j := e.next(end)
	if j < 0 {
		return end
	}
	switch gap := strings.TrimSpace(e.text[e.toks[end].End:e.toks[j].Start]); {
	case (gap == "–" || gap == "-" || gap == "—") && e.cls[j]&(text.ClassNum|text.ClassYear) != 0:
		return j
	case gap == "" && lang.RangeJoins[e.words[j]]:
		if k := e.next(j); k > 0 && e.cls[k]&text.ClassYear != 0 && e.cls[end]&text.ClassYear != 0 {
			return k
		}
	}
	return end
}

// hasYear reports whether the date at token i is or has a year: the token
// itself, or one of the next two ("April 12, 2019", "March 2019").
func (e *extract) hasYear(i int) bool {
	for k := 0; k < 3 && i >= 0; k++ {
		if e.cls[i]&text.ClassYear != 0 {
			return true
		}
		i = e.next(i)
	}
	return false
}

// dateLead reports whether token i can open a time given by a word of
// time after it: a number, an ordinal, a name, a magnitude or a unit of
// time ("years").
func (e *extract) dateLead(i int) bool {
	if e.cls[i]&text.ClassAux != 0 {
		return false
	}
	return e.cls[i]&(text.ClassNum|text.ClassCap|text.ClassYear|text.ClassUnit) != 0 || e.toks[i].Flags&text.Ordinal != 0 ||
		lang.Magnitudes[e.words[i]] || lang.TimeUnits[e.words[i]]
}

// isDay reports whether a folded word is a day of the month: one or two digits.
func isDay(w string) bool { return len(w) <= 2 && w != "" && text.IsDigit(w[0]) }

// nameRun returns the last token of the name that starts at token i, or -1
// when no name starts there. A name is a run of capitalised words, which
// may hold "of" or "the" and open with a number ("6th Technical Bureau").
func (e *extract) nameRun(i int) int {
	if e.cls[i]&text.ClassAux != 0 {
		return -1
	}
	if e.cls[i]&text.ClassCap == 0 {
		j := e.next(i)
		if e.toks[i].Flags&(text.Ordinal|text.Number) == 0 || j < 0 || e.cls[j]&text.ClassCap == 0 {
			return -1
		}
	}
	return text.NameEnd(e.text, e.toks, e.cls, e.lf, i)
}

// titleAbbrev reports whether token i is an abbreviated title with its
// period before a capitalised word: "Dr." of "Dr. Helen Marsh", "Gen." of "Gen.
// Lee".
func (e *extract) titleAbbrev(i int) bool {
	j := e.next(i)
	return lang.Honorifics[e.words[i]] && j > 0 && e.cls[j]&text.ClassCap != 0 &&
		strings.TrimSpace(e.text[e.toks[i].End:e.toks[j].Start]) == "."
}

// name cuts out the name or list of names nearest the thing asked about,
// else nearest the question's other words, else the longest, that neither
// the question nor the article's title names; with place set, a name
// after "in", "at", "from"… if there is one. Failing those, it takes a
// name of the title.
func (e *extract) name(place bool) string {
	for _, try := range []struct{ place, title bool }{{place, true}, {false, true}, {false, false}} {
		if n := e.nameNot(try.place, try.title); n != "" {
			return n
		}
	}
	return ""
}

// placeOf returns, for "where is Bergen", the place the fact writes after
// the question's name and a comma: "Norway" of "based in Bergen, Norway",
// "Texas" of "Austin, Texas", or "".
func (e *extract) placeOf() string {
	for i := 0; i < len(e.toks); i++ {
		end := e.nameRun(i)
		if end < 0 {
			continue
		}
		if !e.questionName(i, end) {
			i = end
			continue
		}
		j := e.next(end)
		if j < 0 || !strings.HasPrefix(e.text[e.toks[end].End:], ",") || demonym(e.text[e.toks[i].Start:e.toks[end].End]) {
			return ""
		}
		k := e.nameRun(j)
		if k < 0 || e.questionName(j, k) || demonym(e.text[e.toks[j].Start:e.toks[k].End]) {
			return ""
		}
		// Not a list: "Irish, Germans, English and Greeks".
		if m := e.next(k); m > 0 && (lang.RangeJoins[e.words[m]] || strings.HasPrefix(e.text[e.toks[k].End:], ",") && e.nameRun(m) >= 0) {
			return ""
		}
		return e.text[e.toks[j].Start:e.toks[k].End]
	}
	return ""
}

// questionName reports whether every capitalised word of the name in
// tokens [i, end] is a word of a name of the question: "North Korea" for a
// question about North Korea, but not "South Korea".
func (e *extract) questionName(i, end int) bool {
	for k := i; k <= end; k++ {
		if e.cls[k]&text.ClassCap != 0 && !e.qname[k] {
			return false
		}
	}
	return true
}

func (e *extract) nameNot(place, title bool) string {
	bestStart, bestEnd := -1, -1
	var best [3]int // closeness to the thing asked about, to the question's words, then size
	for i := 0; i < len(e.toks); i++ {
		end := e.nameRun(i)
		if end < 0 {
			continue
		}
		// The acronym after a name is the same name: the name answers.
		acronym := e.acronymAfter(end)
		i = e.afterTitle(i, end)
		i = e.afterRole(i, end)
		// A name the question holds in part ("Supreme Leader Kim Jong-un"
		// for "Kim") is its subject, not its answer; so is one of the
		// article's title, unless no other name will do.
		named, other := false, false
		for k := i; k <= end; k++ {
			if e.cls[k]&text.ClassCap == 0 {
				continue
			}
			named = named || e.qname[k]
			other = other || !(title && e.inTitle[k]) && !e.inQ[k]
		}
		// A people's adjective ("British", "South Korean") names no one.
		named = named || !other || demonym(e.text[e.toks[i].Start:e.toks[end].End])
		atPlace := i > 0 && (lang.PlacePreps[e.words[i-1]] || e.words[i-1] == "of" && i > 1 && lang.PlaceWords[e.words[i-2]]) // "in Bergen", "the town of Greyford"
		if named || place && !atPlace {
			i = acronym
			continue
		}
		// A list: "YouBit and Bithumb", "the United States, South Korea, Great Britain and Japan".
		listEnd, n := end, 1
		for {
			j := e.next(listEnd)
			if j > 0 && lang.RangeJoins[e.words[j]] {
				j = e.next(j)
			} else if j > 0 && strings.HasPrefix(e.text[e.toks[listEnd].End:], ",") {
				// the next name follows a comma
			} else {
				break
			}
			if j < 0 {
				break
			}
			k := e.nameRun(j)
			if k < 0 || e.questionName(j, k) {
				break // a name the question gives ends the list
			}
			listEnd, n = k, n+1
		}
		// "Who" asks for a person, not a place or an organisation.
		if e.who && e.notPerson(i, listEnd) {
			i = max(listEnd, acronym)
			continue
		}
		// The name nearest the thing asked about wins ("which think
		// tank" → "think tank known as the Royal United Services
		// Institute"), then the one nearest the question's other words;
		// between names as near, the longest.
		near := e.closeness(i, listEnd)
		if near[0] < e.minFocus {
			i = max(listEnd, acronym)
			continue
		}
		score := [3]int{near[0], near[1], listEnd - i + n}
		if bestStart < 0 || slices.Compare(score[:], best[:]) > 0 {
			bestStart, bestEnd, best = i, listEnd, score
		}
		i = max(listEnd, acronym)
	}
	if bestStart < 0 {
		return ""
	}
	// "Gray" of "Gray's design": the possessive is no part of the name
	// ("It's" is no possessive).
	n := e.cut(bestStart, bestEnd)
	if text.Possessive(e.text, e.toks[bestEnd]) && !lang.Stopwords[e.words[bestEnd]] {
		n = n[:len(n)-len("s")]
		_, size := utf8.DecodeLastRuneInString(n)
		n = n[:len(n)-size]
	}
	return n
}

// acronymAfter returns the token of the acronym in brackets right after
// the name that ends at token end ("Erasmus Language Centre (ETC)"), which
// is the same name and no other answer, or end. An acronym the question asks about is left to
// stand alone, so that the name it stands for can answer.
func (e *extract) acronymAfter(end int) int {
	j := e.next(end)
	if j < 0 || e.toks[j].Flags&text.AllCaps == 0 || e.qname[j] || strings.TrimSpace(e.text[e.toks[end].End:e.toks[j].Start]) != "(" ||
		!strings.HasPrefix(e.text[e.toks[j].End:], ")") {
		return end
	}
	return j
}

// afterTitle returns where the name asked for starts in the name run
// i..end: after the thing asked about and the question's names before it,
// which are no part of the answer ("Martin Van Buren" of "U.S. President
// Martin Van Buren" for "which US president"), if the thing asked about is
// among them and a capitalised word follows ("Church of Scotland" for
// "which church" stays whole); else i.
func (e *extract) afterTitle(i, end int) int {
	start, focus := i, false
	for j := e.next(start); j > 0 && j <= end && (e.qname[start] || e.focus[start]); j = e.next(start) {
		focus = focus || e.focus[start]
		start = j
	}
	if r, _ := utf8.DecodeRuneInString(e.text[e.toks[start].Start:]); !focus || !unicode.IsUpper(r) {
		return i // "Executive Order 13526" stays whole too
	}
	return start
}

// afterRole returns where the name starts in the name run i..end after
// the title the question asks about in lower case: "Kim Jong-un" of
// "Supreme Leader Kim Jong-un" for "who is the leader of North Korea?".
// The title is the run's opening words that WordNet has, one of them the
// question's; a word WordNet lacks, a name, follows them. Else it returns i.
func (e *extract) afterRole(i, end int) int {
	k, role := i, false
	for k >= 0 && k <= end && e.toks[k].Flags&text.AllCaps == 0 && wordnet.IsLemma(e.words[k]) {
		role = role || e.role[k]
		k = e.next(k)
	}
	if !role || k < 0 || k > end || e.cls[k]&text.ClassCap == 0 || len(wordnet.Lemmas(e.words[k])) > 0 {
		return i // no name follows: "Idol Gives Back" stays whole
	}
	return k
}

// notPerson reports whether tokens i..j name a place or an organisation:
// they hold a country's name or a word such as "Bureau" or "Times".
func (e *extract) notPerson(i, j int) bool {
	for k := i; k <= j; k++ {
		if e.lf[k]&(text.LexCountry|text.LexOrg|text.LexPlace) != 0 || e.toks[k].Flags&text.AllCaps != 0 {
			return true
		}
	}
	return false
}

// A span is tokens start..end of a fact, a candidate answer, with its
// closeness to the question (see closeness); the zero span is none.
type span struct {
	start, end int
	near       [2]int
	ok         bool
}

// nearer returns the nearer to the question of best and tokens
// start..end; between spans as near, the first.
func (e *extract) nearer(best span, start, end int) span {
	near := e.closeness(start, end)
	if !best.ok || slices.Compare(near[:], best.near[:]) > 0 {
		return span{start, end, near, true}
	}
	return best
}

// cutSpan returns the text of sp, or "" for none.
func (e *extract) cutSpan(sp span) string {
	if !sp.ok {
		return ""
	}
	return e.cut(sp.start, sp.end)
}

// closeness says how near tokens i..j are to the thing asked about and to
// the question's other words, each proxReach+1 less the distance, or 0
// beyond proxReach: the answer is the piece of the sentence the question
// leaves out ("sued Thomson" for "who was sued", "in 1838" for "when did
// the relocation begin").
func (e *extract) closeness(i, j int) [2]int {
	var near [2]int
	for k, marked := range [][]bool{e.focus, e.asked} {
		if d := distance(marked, i, j); d <= proxReach {
			near[k] = proxReach + 1 - d
		}
	}
	return near
}

// distance returns how many tokens from tokens i..j the nearest marked
// token outside them is, or a large number when there is none.
func distance(marked []bool, i, j int) int {
	best := 1 << 20
	for k, f := range marked {
		switch {
		case !f:
		case k < i:
			best = min(best, i-k)
		case k > j:
			best = min(best, k-j)
		}
	}
	return best
}
