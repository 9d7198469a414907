package facts

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/factbot/factbot/facts/internal/stem"
	"github.com/factbot/factbot/facts/internal/text"
)

// expandBase is a small base whose words every expander can reach, with
// each expander at its own weight, so that a term's weight tells which
// expander proposed it.
func expandBase(t *testing.T) (*Base, Weights) {
	t.Helper()
	w := DefaultWeights()
	for i := range w.Expanders {
		w.Expanders[i] = 0.5 + float64(i)/100 // 0.50, 0.51, …: distinct, below the word's own 1
	}
	b := New([]Article{{ID: "a", Title: "Town news", Paragraphs: []string{
		"The mayor was elected in 2018 and bought a sedan from a dealer in Lyon. " +
			"A car of the council was stolen from the harbour. " +
			"The Canadian ferry firm blamed a cyberattack on the government. " +
			"France sent an envoy to Canada, and the journalist published her findings.",
	}}}, nil, WithWeights(w))
	return b, w
}

func TestExpanders(t *testing.T) {
	b, w := expandBase(t)
	for _, tc := range []struct {
		q, word  string // the question, and the concept's word in it
		src      source
		term     string // an index term the expander must propose (stemmed)
		fullSize bool   // the term is proposed at the expander's weight itself (not scaled by a sense's share)
	}{
		{"What did the publication say?", "publication", srcDerived, "publish", true},
		{"Who blamed a cyber group?", "cyber", srcPrefix, "cyberattack", true},
		{"Who stole a car from the harbuor?", "harbuor", srcTypo1, "harbour", true},
		{"What did the jorunalsit publish?", "jorunalsit", srcTypo2, "journalist", true},
		{"Who did the cncl blame?", "cncl", srcAbbrev, "council", true},
		{"Which automobile was stolen?", "automobile", srcSynonym, "car", false},
		{"Which coupe did the mayor buy?", "coupe", srcHypernym, "car", true},
		{"Who bought a car in Lyon?", "car", srcHyponym, "sedan", true},
		{"Which city of France did the mayor visit?", "france", srcMeronym, "lyon", true},
		{"What did the mayor buy in a city of France?", "france", srcMeronym, "lyon", true},
		{"Which firm from Canada was attacked?", "canada", srcPertainym, "canadian", true},
	} {
		t.Run(tc.q, func(t *testing.T) {
			g, ok := wordGroupOf(b, tc.q, tc.word)
			if !ok {
				t.Fatalf("no word %q", tc.word)
			}
			var found *alt
			for i := range g.alts {
				if b.terms[g.alts[i].term] == stem.Of(tc.term) && g.alts[i].src == tc.src {
					found = &g.alts[i]
				}
			}
			if found == nil {
				t.Fatalf("%s does not propose %q for %q: terms %v", tc.src, tc.term, tc.word, altsOf(b, g))
			}
			want := w.Expanders[tc.src]
			got := float64(found.w)
			switch {
			case got >= 1:
				t.Errorf("%q weighs %v, not below the word's own 1", tc.term, got)
			case tc.fullSize && fmt.Sprintf("%.4f", got) != fmt.Sprintf("%.4f", want):
				t.Errorf("%q weighs %v, want the %s expander's weight %v", tc.term, got, tc.src, want)
			case !tc.fullSize && (got > want || got <= 0):
				t.Errorf("%q weighs %v, want in (0, %v]: the expander's weight times the sense's share", tc.term, got, want)
			}
		})
	}
}

// wordGroupOf compiles one word of question q, without the spelling stage
// (which would mend a typo before the typo expanders see it).
func wordGroupOf(b *Base, question, word string) (group, bool) {
	s := b.getScratch()
	defer b.pool.Put(s)
	q := parse(s.z, question, nil, nil)
	for i, w := range q.words {
		if w == word {
			id, ok := b.lookup(w)
			if !ok {
				id = math.MaxUint32
			}
			return b.wordGroup(s, &q, i, id), true
		}
	}
	return group{}, false
}

func altsOf(b *Base, g group) []string {
	var out []string
	for _, a := range g.alts {
		out = append(out, fmt.Sprintf("%s %s %.2f", b.terms[a.term], a.src, a.w))
	}
	return out
}

// TestExpandersLeaveAlone: a name takes only the relations between names,
// a number and a stop word nothing.
func TestExpandersLeaveAlone(t *testing.T) {
	b, _ := expandBase(t)
	for _, tc := range []struct {
		q, word string
		not     []string // sources that must not propose anything
	}{
		// A name: no synonyms, hypernyms or hyponyms ("Sedan" is a town).
		{"Who went to Sedan?", "sedan", []string{"synonym", "hypernym", "hyponym", "derived"}},
		// A number is only itself.
		{"What happened in 2018?", "2018", allExpanders()},
	} {
		c, ok := concept(b.Explain(tc.q), tc.word)
		if !ok {
			t.Errorf("%q: no concept %q", tc.q, tc.word)
			continue
		}
		for _, term := range c.Terms {
			for _, n := range tc.not {
				if term.Source == n {
					t.Errorf("%q: %q expanded by %s to %q", tc.q, tc.word, n, term.Term)
				}
			}
		}
	}
	// A stop word is no concept at all.
	for _, c := range b.Explain("What was stolen from the harbour?").Concepts {
		if c.Word == "the" || c.Word == "from" || c.Word == "was" {
			t.Errorf("stop word %q is a concept: %v", c.Word, c.Terms)
		}
	}
}

func allExpanders() []string { return ExpanderNames[:] }

func concept(e Explanation, word string) (Concept, bool) {
	for _, c := range e.Concepts {
		if strings.EqualFold(c.Word, word) {
			return c, true
		}
	}
	return Concept{}, false
}

// TestBritishSpelling: a question in one spelling finds a fact in the
// other as the same word, not as a weaker synonym or a typo.
func TestBritishSpelling(t *testing.T) {
	b, _ := expandBase(t)
	for _, q := range []string{"Which car was stolen from the harbor?", "Which car was stolen from the harbour?"} {
		e := b.Explain(q)
		c, ok := concept(e, strings.Fields(strings.TrimSuffix(q, "?"))[6])
		if !ok || len(c.Terms) == 0 || c.Terms[0].Term != stem.Of("harbour") || c.Terms[0].Weight != 1 || c.Terms[0].Source != "word" {
			t.Errorf("%q: harbour's terms %+v, want its own term at weight 1", q, c.Terms)
		}
	}
}

// TestPhrasalVerb: a verb and the particle after it expand as the phrasal
// verb WordNet lists ("set up" → establish), not as the verb alone; a
// preposition after a verb ("called in Greece") makes none.
func TestPhrasalVerb(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Firm news", Paragraphs: []string{
		"The firm was established in 1990 and its founders later built a second plant in Greece.",
	}}}, nil)
	has := func(q, word, term string) bool {
		g, ok := wordGroupOf(b, q, word)
		if !ok {
			t.Fatalf("%q: no word %q", q, word)
		}
		for _, a := range g.alts {
			if b.terms[a.term] == stem.Of(term) {
				return true
			}
		}
		return false
	}
	if !has("Who set up the firm?", "set", "establish") {
		t.Error(`"set up" does not expand to "establish"`)
	}
	if has("Who set the firm's prices?", "set", "establish") {
		t.Error(`"set" alone expands to "establish"`)
	}
	for _, tc := range []struct{ q, particle string }{
		{"Who set up the firm?", "up"}, {"when did the report come out", "out"}, {"what was copper called in Greece", ""},
	} {
		q := parse(text.NewTokenizer(), tc.q, nil, nil)
		got := ""
		for i := range q.words {
			if p := phrasalVerb(&q, i); p != "" {
				got = p[strings.LastIndexByte(p, ' ')+1:]
			}
		}
		if got != tc.particle {
			t.Errorf("%q: phrasal particle %q, want %q", tc.q, got, tc.particle)
		}
	}
}
