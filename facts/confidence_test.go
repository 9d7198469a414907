package facts

import (
	"math"
	"testing"

	"github.com/factbot/factbot/facts/internal/spell"
)

// TestCommonWord checks that whether a word the sources lack is common
// English comes from the general-English frequencies of package spell.
func TestCommonWord(t *testing.T) {
	for _, tc := range []struct {
		w    string
		want bool
	}{
		{"supposedly", true},     // about 10 per million
		{"largest", true},        // hundreds
		{"photosynthesis", true}, // rare in news, not in general English
		{"quake", true},          // a paraphrase of earthquake
		{"nabbed", false},        // never seen in the counts, nor nab in lower case
		{"japan", false},         // a name: never seen in lower case
		{"china", false},         // a name: seen in lower case, but seldom (porcelain)
		{"beyonce", false},       // a name
		{"qwzxv", false},         // never seen
		{"metropolises", true},   // by its lemma
	} {
		if got := commonWord(tc.w); got != tc.want {
			all, lower := spell.Frequency(tc.w)
			t.Errorf("commonWord(%q) = %v, want %v (per million: %.2f, %.2f in lower case)", tc.w, got, tc.want, all, lower)
		}
	}
	// The rule is the cut on spell.Frequency, for a word that is its own lemma.
	for _, w := range []string{"the", "bridge", "collar", "stealer", "moreover", "turkey"} {
		all, lower := spell.Frequency(w)
		if want := lower >= commonPerMillion && lower*nameShare >= all; commonWord(w) != want {
			t.Errorf("commonWord(%q) = %v, want %v from per million %.2f, %.2f in lower case", w, !want, want, all, lower)
		}
	}
}

// TestUnknownInputs checks that the words no fact has count as common or
// rare by general English, and that together they are the share of the
// question's importance that no fact has.
func TestUnknownInputs(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Rivers", Paragraphs: []string{
		"The Nile is the longest river in Africa.",
		"The Amazon carries more water than any other river.",
	}}}, nil)
	for _, tc := range []struct {
		q            string
		common, rare bool
	}{
		{"Which river is supposedly the longest in Africa?", true, false},
		{"Which river is the longest in Zorblax?", false, true},
		{"Which river is the longest in Africa?", false, false},
	} {
		e := b.Explain(tc.q)
		if len(e.ConfidenceInputs) != len(ConfidenceInputs) {
			t.Fatalf("%q: no confidence inputs", tc.q)
		}
		common, rare := e.ConfidenceInputs[cUnknownCommon], e.ConfidenceInputs[cUnknownRare]
		if (common > 0) != tc.common || (rare > 0) != tc.rare {
			t.Errorf("%q: unknown-common %.3f, unknown-rare %.3f; want common %v, rare %v", tc.q, common, rare, tc.common, tc.rare)
		}
		var unknown, total float64
		for _, c := range e.Concepts {
			total += c.Importance
			if len(c.Terms) == 0 {
				unknown += c.Importance
			}
		}
		if math.Abs(common+rare-unknown/total) > 1e-4 {
			t.Errorf("%q: unknown-common + unknown-rare = %.4f, want the unknown share %.4f", tc.q, common+rare, unknown/total)
		}
	}
}
