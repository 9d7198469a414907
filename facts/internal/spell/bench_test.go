package spell

import (
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
)

// vocab100k returns a vocabulary of 100,000 words: the words of the embedded
// English list, then made-up names, with made-up counts; only made-up names
// if names is set.
func vocab100k(tb testing.TB, names bool) map[string]int {
	tb.Helper()
	en, err := loadEnglish()
	if err != nil {
		tb.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	v := make(map[string]int, 100000)
	for w, e := range en.words {
		if len(v) == 100000 || names {
			break
		}
		v[w] = int(e.count) + 1
	}
	for len(v) < 100000 {
		var b strings.Builder
		for range 4 + r.IntN(8) {
			b.WriteByte(byte('a' + r.IntN(26)))
		}
		v[b.String()] = 1 + r.IntN(10)
	}
	return v
}

// BenchmarkEnglish reads and indexes the embedded English words, which New
// does once for the process, and reports the heap they take.
func BenchmarkEnglish(b *testing.B) {
	var en *english
	for b.Loop() {
		var err error
		if en, err = readEnglish(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	en = nil
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	en, _ = readEnglish()
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MiB-heap")
	runtime.KeepAlive(en)
}

// BenchmarkNew builds a Corrector on 100,000 words, English words and
// made-up names, and reports the heap it keeps.
func BenchmarkNew(b *testing.B) {
	b.Run("english", func(b *testing.B) { benchmarkNew(b, vocab100k(b, false)) })
	b.Run("names", func(b *testing.B) { benchmarkNew(b, vocab100k(b, true)) })
}

func benchmarkNew(b *testing.B, v map[string]int) {
	if _, err := loadEnglish(); err != nil {
		b.Fatal(err)
	}
	var c *Corrector
	for b.Loop() {
		c = newTest(b, v)
	}
	b.StopTimer()
	c = nil
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	c = newTest(b, v)
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MiB-heap")
	runtime.KeepAlive(c)
}

// BenchmarkCorrect corrects questions of 10 words on a vocabulary of 100,000.
func BenchmarkCorrect(b *testing.B) {
	c := newTest(b, vocab100k(b, false))
	questions := [][]string{
		strings.Fields("wat did teh hackerss stael form the goverment in nk rn"),
		strings.Fields("hwo much money did the thinktank say r u sure abt"),
		strings.Fields("what is the capital of the country that won the war"),
		strings.Fields("whats the adress of the data base thx ppl pls ok"),
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		c.Correct(questions[i%len(questions)], nil)
	}
}
