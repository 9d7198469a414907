package wordnet

import (
	"bytes"
	"runtime"
	"testing"
)

// BenchmarkLoad reads the embedded file and reports the heap it keeps.
func BenchmarkLoad(b *testing.B) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var db *DB
	for b.Loop() {
		var err error
		db, err = Read(bytes.NewReader(compiled))
		if err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MiB-heap")
	runtime.KeepAlive(db)
}

// BenchmarkLookup is what an expander pays per question word: the word's
// lemmas and, for each, its synonyms and hypernyms.
func BenchmarkLookup(b *testing.B) {
	if _, err := Load(); err != nil {
		b.Fatal(err)
	}
	words := []string{"stolen", "purchased", "cars", "lyon", "canadian", "the", "zorblax", "think tanks"}
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			for _, l := range Lemmas(w) {
				Synonyms(l)
				Hypernyms(l)
			}
		}
	}
}
