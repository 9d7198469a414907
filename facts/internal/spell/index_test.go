package spell

import (
	"fmt"
	"slices"
	"testing"
)

// TestIndexLookup checks the bucketed lookup against a scan of every key:
// each form of each word, and forms no word has, find exactly the words
// stored under them.
func TestIndexLookup(t *testing.T) {
	for _, n := range []int{0, 1, 7, 100, 3000} {
		var words []string
		for i := range n {
			words = append(words, fmt.Sprintf("w%dx%d", i*7919%10007, i))
		}
		ix := newIndex(words)
		probe := []string{"absent", "", "zzzzzz"}
		for i := 0; i < n; i += 1 + n/50 {
			probe = append(probe, words[i])
		}
		for _, w := range probe {
			forms(w, 2, func(h uint64) {
				var got, want []uint32
				ix.lookup(h, func(id uint32) { got = append(got, id) })
				for _, k := range ix.keys {
					if k>>idBits == h>>idBits {
						want = append(want, uint32(k&(1<<idBits-1)))
					}
				}
				if !slices.Equal(got, want) {
					t.Fatalf("%d words, a form of %q: found %v, want %v", n, w, got, want)
				}
			})
		}
	}
}
