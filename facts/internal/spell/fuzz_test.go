package spell

import (
	"strings"
	"testing"
)

// FuzzCorrect checks, on any question, that Correct does not panic, keeps
// what it must and that its fixes account for every change it made.
func FuzzCorrect(f *testing.F) {
	for _, s := range []string{
		"wat did teh hackerss steal", "r u sure abt that", "whats the thinktank",
		"is the data base safe", "w o a trace", "81000000 b4 rn", "", "a", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
	} {
		f.Add(s, uint64(0))
	}
	c := newTest(f, base)
	f.Fuzz(func(t *testing.T, q string, mask uint64) {
		words := strings.Fields(strings.ToLower(q))
		keep := make([]bool, len(words))
		for i := range keep {
			keep[i] = i < 64 && mask&(1<<i) != 0
		}
		out, fixes := c.Correct(words, keep)
		// Replaying the fixes on words gives out.
		var replay []string
		next := 0
		for _, fx := range fixes {
			if fx.At < next || fx.N < 1 || fx.At+fx.N > len(words) {
				t.Fatalf("fix %+v out of order or range in %q", fx, words)
			}
			if got := strings.Join(words[fx.At:fx.At+fx.N], " "); got != fx.From {
				t.Fatalf("fix %+v: the words are %q", fx, got)
			}
			for i := fx.At; i < fx.At+fx.N; i++ {
				if keep[i] || c.Known(words[i]) && fx.Kind != Join {
					t.Fatalf("fix %+v changed a word it must keep", fx)
				}
			}
			if fx.From == fx.To {
				t.Fatalf("fix %+v changes nothing", fx)
			}
			replay = append(replay, words[next:fx.At]...)
			replay = append(replay, strings.Fields(fx.To)...)
			next = fx.At + fx.N
		}
		replay = append(replay, words[next:]...)
		if strings.Join(replay, " ") != strings.Join(out, " ") {
			t.Fatalf("fixes %+v replayed give %q, Correct gave %q", fixes, replay, out)
		}
	})
}
