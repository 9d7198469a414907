package translate

import (
	"bytes"
	"runtime"
	"sync"
	"testing"
)

// rank returns the place (1-based) of s among the stems q predicts, 0 if
// it is not there.
func rank(q, s string) int {
	for i, p := range Lookup(q) {
		if p.Stem == s {
			return i + 1
		}
	}
	return 0
}

// TestLearned states pairs the compiled-in table learned from SQuAD, as it
// learned them: general English, each at the place it holds (or better).
// Retraining that moves one is worth a look, not necessarily a fix.
func TestLearned(t *testing.T) {
	if _, err := Default(); err != nil {
		t.Fatalf("the compiled-in table does not decode: %v", err)
	}
	tests := []struct {
		q, s   string
		within int
	}{
		{"peopl", "popul", 1},  // "how many people" → population
		{"mani", "million", 3}, // "how many" → an amount
		{"mani", "number", 10},
		{"much", "million", 2}, // "how much"
		{"much", "billion", 2},
		{"when", "centuri", 3}, // "when" → a time
		{"when", "earli", 5},
		{"when", "date", 10},
		{"who", "presid", 3}, // "who" → a title
		{"who", "leader", 5},
		{"name", "call", 1},  // "what is it named" → "it is called"
		{"die", "death", 1},  // a verb → its noun
		{"bear", "birth", 1}, // "born" is "bear" by WordNet's exceptions
		{"marri", "marriag", 1},
		{"discov", "discoveri", 1},
		{"invent", "inventor", 1},
		{"old", "age", 1}, // "how old" → age
		{"far", "km", 3},  // "how far" → a distance
		{"far", "mile", 5},
		{"tall", "ft", 1}, // "how tall" → a height
		{"tall", "height", 10},
		{"film", "director", 3}, // "who directed the film" → director
		{"film", "movi", 5},
		{"direct", "film", 6}, // after west, east, south, north, toward: "direction" stems to direct too
		{"languag", "speak", 1},
		{"speak", "languag", 1},
		{"buy", "purchas", 1}, // synonyms both ways
		{"purchas", "buy", 2}, // after acquire
		{"cost", "price", 1},
	}
	for _, tt := range tests {
		t.Run(tt.q+"→"+tt.s, func(t *testing.T) {
			if r := rank(tt.q, tt.s); r == 0 || r > tt.within {
				t.Errorf("%q is at place %d for %q, want 1 to %d; the row: %v", tt.s, r, tt.q, tt.within, Lookup(tt.q))
			}
		})
	}
}

// TestNotInTable lists words the pruning keeps out: names, numbers, stop
// words that ask nothing, and words of one article's questions.
func TestNotInTable(t *testing.T) {
	for _, q := range []string{"beyonc", "chopin", "notr", "1858", "the", "of", ""} {
		if got := Lookup(q); got != nil {
			t.Errorf("Lookup(%q) = %v, want nil", q, got)
		}
	}
}

// TestTableShape checks every row: different stems, best first, each a
// probability, and the row's mass (with Self) at most 1.
func TestTableShape(t *testing.T) {
	tab, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if tab.Len() < 1000 {
		t.Errorf("the table has %d question stems, fewer than expected", tab.Len())
	}
	for _, r := range tab.Rows() {
		sum := float64(r.Self)
		for i, p := range r.Pairs {
			if p.Stem == r.Q {
				t.Errorf("%q lists itself", r.Q)
			}
			if p.P <= 0 || p.P > 1 || i > 0 && p.P > r.Pairs[i-1].P {
				t.Errorf("%q: pair %d, %v, out of order or not a probability", r.Q, i, p)
			}
			sum += float64(p.P)
		}
		if sum > 1.001 {
			t.Errorf("%q: the row's mass is %v", r.Q, sum)
		}
	}
}

func TestLookupConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, q := range []string{"person", "mani", "film", "nosuch"} {
				_ = Lookup(q)
				_ = Self(q)
			}
		}()
	}
	wg.Wait()
}

func BenchmarkLookup(b *testing.B) {
	Lookup("")
	qs := []string{"person", "mani", "film", "when", "nosuch", "direct"}
	b.ResetTimer()
	for i := range b.N {
		_ = Lookup(qs[i%len(qs)])
	}
}

// BenchmarkDecode decodes the compiled-in table and reports the heap it
// holds afterwards (heap-B).
func BenchmarkDecode(b *testing.B) {
	var before, after runtime.MemStats
	var keep *Table
	for range b.N {
		runtime.GC()
		runtime.ReadMemStats(&before)
		t, err := Decode(bytes.NewReader(stored))
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		keep = t
	}
	b.ReportMetric(float64(after.HeapAlloc)-float64(before.HeapAlloc), "heap-B")
	runtime.KeepAlive(keep)
}
