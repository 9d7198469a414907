package facts

import (
	"fmt"
	"testing"
)

// TestSmoothIDF: in a base of a few passages, where a common word and a
// rare one are each in one passage, general English tells them apart; a
// name keeps the base's own idf; and a base of many more passages than
// idfPrior that uses a word about as often as English keeps its own.
func TestSmoothIDF(t *testing.T) {
	small := New([]Article{{ID: "a", Title: "Harbour news", Paragraphs: []string{
		"The council met on Monday this year.",
		"Investigators found money laundering at the port.",
		"Brakvik Shipping denied the claims.",
		"Ferries will stop at the old pier.",
	}}}, nil)
	idf := func(b *Base, w string) float32 {
		t.Helper()
		id, ok := b.lookup(w)
		if !ok {
			t.Fatalf("%q: not in the base", w)
		}
		return b.idf[id]
	}
	n := float64(len(small.passages))
	own := idfOf(1, n)
	if y, l := idf(small, "year"), idf(small, "laundering"); y >= l {
		t.Errorf("small base: idf(year) %.3f, idf(laundering) %.3f; want the common word below the rare one", y, l)
	}
	if got := idf(small, "brakvik"); got != own {
		t.Errorf("small base: idf(brakvik) = %.3f, want the base's own %.3f: English knows nothing of a name", got, own)
	}

	// A base of many passages that uses "year" about as often as English
	// does (in about 9% of paragraphs) keeps close to its own count.
	var paras []string
	for i := range 20 * idfPrior {
		if i%10 == 0 {
			paras = append(paras, fmt.Sprintf("Ship %d docked this year.", i))
		} else {
			paras = append(paras, fmt.Sprintf("Ship %d docked at the pier.", i))
		}
	}
	large := New([]Article{{ID: "a", Title: "Harbour log", Paragraphs: paras}}, nil)
	n = float64(len(large.passages))
	own = idfOf(float64(len(paras)/10), n)
	if got := idf(large, "year"); got < 0.95*own || got > 1.05*own {
		t.Errorf("large base of %d passages: idf(year) = %.3f, want within 5%% of the base's own %.3f", len(large.passages), got, own)
	}
}
