package paraphrase

import (
	"strings"
	"testing"
)

func knownOf(ws ...string) func(string) bool {
	m := map[string]bool{}
	for _, w := range ws {
		m[w] = true
	}
	return func(w string) bool { return m[w] }
}

// TestRewrite checks that with probability 1 every content word that has a
// WordNet synonym the base lacks gives way to one, and nothing else changes.
func TestRewrite(t *testing.T) {
	known := knownOf("who", "arrested", "the", "thieves", "in", "city", "police", "Paris")
	got, changes := Rewrite("Who arrested the thieves in Paris?", known, 1, "q1")
	if len(changes) == 0 {
		t.Fatalf("Rewrite made no change: %q", got)
	}
	for _, c := range changes {
		if known(c.To) || c.To == c.From {
			t.Errorf("change %v: the replacement must be a word the base lacks", c)
		}
		if c.From == "Paris" || c.From == "Who" || c.From == "the" {
			t.Errorf("change %v: names, the first word and stop words stay", c)
		}
	}
	if !strings.HasPrefix(got, "Who ") || !strings.HasSuffix(got, " in Paris?") {
		t.Errorf("Rewrite = %q: the rest of the question must stay as it was", got)
	}
	again, _ := Rewrite("Who arrested the thieves in Paris?", known, 1, "q1")
	if again != got {
		t.Errorf("Rewrite is not deterministic: %q then %q", got, again)
	}
}

// TestRewriteProbability checks that p = 0 changes nothing, and that a
// word whose every synonym the base has is kept.
func TestRewriteProbability(t *testing.T) {
	q := "When did the company buy the largest factory?"
	if got, ch := Rewrite(q, knownOf(), 0, "s"); got != q || len(ch) != 0 {
		t.Errorf("Rewrite with p = 0 = %q, %v; want the question unchanged", got, ch)
	}
	// Every word is known: no synonym qualifies.
	all := func(string) bool { return true }
	if got, ch := Rewrite(q, all, 1, "s"); got != q || len(ch) != 0 {
		t.Errorf("Rewrite with every word known = %q, %v; want the question unchanged", got, ch)
	}
	// Half the words, about: over many seeds the share is near p.
	n, tried := 0, 0
	for i := range 200 {
		_, ch := Rewrite("did the company buy the factory", knownOf(), 0.5, string(rune('a'+i%26))+strings.Repeat("x", i/26))
		n += len(ch)
		tried += 3 // company, buy, factory
	}
	if r := float64(n) / float64(tried); r < 0.3 || r > 0.7 {
		t.Errorf("with p = 0.5, %.2f of the words changed", r)
	}
}

// TestApply checks that the changes are made to a chat twin, on whole words.
func TestApply(t *testing.T) {
	ch := []Change{{"arrested", "collar"}, {"city", "metropolis"}}
	got := Apply("so who arrested the thieves in teh city pls, citys", ch)
	if want := "so who collar the thieves in teh metropolis pls, citys"; got != want {
		t.Errorf("Apply = %q, want %q", got, want)
	}
	if got := Apply("who arrestedx them", ch); got != "who arrestedx them" {
		t.Errorf("Apply changed part of a word: %q", got)
	}
}

// TestRewriteWords checks that a replacement is a word: no figure for a
// number word, no phrase.
func TestRewriteWords(t *testing.T) {
	for _, q := range []string{"How many two million people left?", "Which six countries signed the pact?"} {
		_, changes := Rewrite(q, knownOf(), 1, "w")
		for _, c := range changes {
			for _, r := range c.To {
				if r < 'a' || r > 'z' {
					t.Errorf("%q: change %v: want a word of lower-case letters", q, c)
					break
				}
			}
		}
	}
}

func TestOpposite(t *testing.T) {
	for _, tt := range []struct {
		q, want string
		ok      bool
	}{
		{"What is the largest city of Normandy?", "What is the smallest city of Normandy?", true},
		{"Who increased the tax?", "Who decreased the tax?", true},
		{"Which team won the first game?", "Which team won the last game?", true},
		{"Who is Xerxes?", "Who is Xerxes?", false},
	} {
		got, c, ok := Opposite(tt.q, "s")
		if ok != tt.ok {
			t.Errorf("Opposite(%q): ok = %v, want %v", tt.q, ok, tt.ok)
			continue
		}
		if got != tt.want || ok && (c.From == "" || !strings.Contains(got, c.To)) {
			t.Errorf("Opposite(%q) = %q, %+v, want %q", tt.q, got, c, tt.want)
		}
	}
}

func TestUnrelated(t *testing.T) {
	for _, tt := range []struct {
		from, to string
		want     bool
	}{
		{"bridge", "tunnel", true},
		{"bridge", "bridges", false},  // the same noun
		{"car", "automobile", false},  // synonyms
		{"bridge", "approved", false}, // no noun
	} {
		if got := Unrelated(tt.from, tt.to); got != tt.want {
			t.Errorf("Unrelated(%q, %q) = %v, want %v", tt.from, tt.to, got, tt.want)
		}
	}
}
