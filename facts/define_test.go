package facts

import (
	"strings"
	"testing"
)

// Chat writes names in lower case: "who is kim jong un" asks to define a
// name the facts mention as much as "Who is Kim Jong-un?" does. The name
// is read with the capitals the facts give it (truecase).
func TestDefinedInChat(t *testing.T) {
	b := seeds(t)
	for _, tc := range []struct{ q, want string }{
		{"who is kim jong un", "Kim Jong un"},
		{"whats bithumb", "Bithumb"},
		{"what is the lazarus group", "Lazarus Group"},
		{"who is responsible", ""},                   // no name
		{"what is the price of bitcoin", ""},         // not only a name
		{"who is kim jong un and why", ""},           // more than a name
		{"Who is Sergei Neverov?", "Sergei Neverov"}, // written as a name: definedName
	} {
		s := b.getScratch()
		r, _ := b.search(s, tc.q)
		b.pool.Put(s)
		if r.q.defines != tc.want {
			t.Errorf("%q: defines %q, want %q", tc.q, r.q.defines, tc.want)
		}
	}
}

// A question that asks who or what a name is gets the fact's description
// of it (after it, or the words or the title before it), or the fact
// itself: never another name of the fact, nor a clause that only follows
// the name.
func TestDefinitionAnswer(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Notes", Paragraphs: []string{
		"Taro Kono, the foreign minister of Japan, spoke on Monday. " +
			"A summit was offered by Supreme Leader Kim Jong-un to US President Donald Trump, provided that the talks go well. " +
			"Mayor Ana Lindqvist opened the bridge. The union's chairman, Piet Vos, called it a betrayal. " +
			"The team, led by microbiologist Dr. Helen Marsh, found the microbes in a landfill near the town of Greyford. " +
			"The strain breaks down polyethylene, the most common plastic, in weeks. " +
			"The union representing cabin crew, Kabinforbundet, said it would fight the plan."}}}, nil)
	for _, tc := range []struct{ q, want, not string }{
		{"Who is Taro Kono?", "the foreign minister of Japan", ""},
		{"who is taro kono", "the foreign minister of Japan", ""},
		{"Who is Kim Jong-un?", "Supreme Leader", "Donald Trump"},
		{"who is donald trump", "US President", "provided that"},
		// Asked who holds a title, the name written after it.
		{"who is the mayor", "Ana Lindqvist", ""},
		{"Who is the Supreme Leader?", "Kim Jong-un", ""},
		// A name set off by commas stands for the words before it.
		{"who is piet vos", "The union's chairman", ""},
		// A lower-case title of one word, a kind of person, before a
		// name and its abbreviated title; not the verb after the name.
		{"who is helen marsh", "microbiologist", ""},
		// A place after "the town of".
		{"Where were the microbes found?", "Greyford", ""},
		// A word in lower case is defined as a name is.
		{"what is polyethylene", "the most common plastic", ""},
		// A verb after a name set off by commas is no description of it:
		// the words before it are.
		{"what is kabinforbundet", "The union representing cabin crew", ""},
		// "Where" is answered by no person.
		{"where is greyford", "", "Dr. Helen Marsh"},
	} {
		a := b.Ask(tc.q)
		if tc.want != "" && a.Text != tc.want {
			t.Errorf("%q: short answer %q, want %q", tc.q, a.Text, tc.want)
		}
		if tc.not != "" && (a.Text == "" || strings.HasPrefix(a.Text, tc.not)) {
			t.Errorf("%q: short answer %q (cited %d facts)", tc.q, a.Text, len(a.Citations))
		}
	}
}

// TestNoDescription: neither a relative clause after a name nor words
// before it that end in a function word or a number describe it; the fact
// is quoted.
func TestNoDescription(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Notes", Paragraphs: []string{
		"Hackers such as\u00a0Lazarus, who\u00a0 attacked banks in Asia, grew richer. " +
			"It is also called Unit 180, although experts debate it. " +
			"Thieves managed to illicitly mine roughly 70 Monero coins last year."}}}, nil)
	for _, q := range []string{"what is lazarus", "who is lazarus", "what is unit 180", "what is monero"} {
		a := b.Ask(q)
		if len(a.Citations) == 0 || a.Text != a.Citations[0].Quote {
			t.Errorf("%q: short answer %q, want the quote", q, a.Text)
		}
	}
}
