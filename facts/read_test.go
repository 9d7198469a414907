package facts

import "testing"

// noWiderNarrower turns off the hypernym and hyponym expanders, whose
// fitted weights would otherwise decide whether "wash" stands for "work".
func noWiderNarrower(b *Base) {
	b.weights.Expanders[srcHypernym], b.weights.Expanders[srcHyponym] = 0, 0
}

// TestNeighbours checks the features of a fact's neighbours: the share of
// the question the fact lacks and the fact before (or after) it in its
// passage has, and nothing across passages or for words the fact has too.
func TestNeighbours(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Local news", Paragraphs: []string{
		"Children in the towns work in many trades. They sell goods in the streets and wash cars. The harvest was poor.",
		"Farmers grow wheat near the river.",
	}}}, nil, noWiderNarrower)
	ex := b.Explain("Where do children in the towns work?")
	got := map[string][2]float64{}
	for _, c := range ex.Candidates {
		got[c.Quote] = [2]float64{c.Features[xPrev], c.Features[xNext]}
	}
	for _, tc := range []struct {
		quote      string
		prev, next bool // whether each is above 0
	}{
		{"Children in the towns work in many trades.", false, false},
		{"They sell goods in the streets and wash cars.", true, false},
		{"The harvest was poor.", false, false},
	} {
		f, ok := got[tc.quote]
		switch {
		case !ok:
			t.Errorf("%q is not a candidate: %v", tc.quote, got)
		case f[0] > 0 != tc.prev || f[1] > 0 != tc.next:
			t.Errorf("%q: previous %.3f, next %.3f; want above 0: %v, %v", tc.quote, f[0], f[1], tc.prev, tc.next)
		}
	}
	if f, ok := got["They sell goods in the streets and wash cars."]; ok && f[0] < 0.5 {
		t.Errorf("the fact after the one with every word of the question: previous %.3f, want most of the question", f[0])
	}
}
