package facts

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factbot/factbot/internal/eval"
)

// Benchmarks of building and asking, on the seeds, on SQuAD train (~90k
// facts, read from ../shared/corpora/squad-train when it is there) and on
// ten copies of it (~900k facts). Latency percentiles and memory are
// reported as metrics:
//
//	go test ./facts -run '^$' -bench . -benchmem -count 6 | tee new.txt
//	benchstat new.txt

const squadDir = "../../shared/corpora/squad-train"

// squadArticles reads SQuAD train's articles, or skips the benchmark.
func squadArticles(tb testing.TB) []Article {
	tb.Helper()
	dir := filepath.Join(squadDir, "articles")
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("SQuAD train not found at %s: %v", dir, err)
	}
	b, err := Load(os.DirFS(dir))
	if err != nil {
		tb.Fatal(err)
	}
	return b.Articles()
}

// copies returns n copies of arts, each with new ids.
func copies(arts []Article, n int) []Article {
	out := make([]Article, 0, n*len(arts))
	for k := range n {
		for _, a := range arts {
			a.ID += "-copy" + strconv.Itoa(k)
			out = append(out, a)
		}
	}
	return out
}

// readQuestions reads the "q" of each line of a question file.
func readQuestions(tb testing.TB, path string) []string {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("questions not found: %v", err)
	}
	defer f.Close()
	qs, err := eval.ReadQuestions(f)
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, q := range qs {
		out = append(out, q.Q)
	}
	return out
}

// timeEach runs fn on each input in turn for the benchmark's iterations
// and reports the median and 99th percentile of one call.
func timeEach(b *testing.B, inputs []string, fn func(string)) {
	b.Helper()
	lat := make([]time.Duration, 0, 1<<16)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		t := time.Now()
		fn(inputs[i%len(inputs)])
		lat = append(lat, time.Since(t))
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Nanoseconds())/1e3, "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Nanoseconds())/1e3, "p99-µs")
}

// reportHeap reports the live heap, keeping x alive.
func reportHeap(b *testing.B, x any) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/1e6, "heap-MB")
	runtime.KeepAlive(x)
}

// peakRSS returns the process's peak resident set size in MB (Linux), or 0.
func peakRSS() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb float64
			fmt.Sscan(rest, &kb)
			return kb / 1e3
		}
	}
	return 0
}

func BenchmarkBuildSeeds(b *testing.B) {
	var base *Base
	for b.Loop() {
		var err error
		if base, err = Seeds(); err != nil {
			b.Fatal(err)
		}
	}
	reportHeap(b, base)
}

func BenchmarkAskSeeds(b *testing.B) {
	base, err := Seeds()
	if err != nil {
		b.Fatal(err)
	}
	qs := readQuestions(b, "testdata/seed-questions.jsonl")
	timeEach(b, qs, func(q string) { base.Ask(q) })
}

func BenchmarkBuildSquad(b *testing.B) {
	arts := squadArticles(b)
	var base *Base
	for b.Loop() {
		base = New(arts, nil)
	}
	b.ReportMetric(float64(base.Len()), "facts")
	reportHeap(b, base)
}

func BenchmarkAskSquad(b *testing.B) {
	base := New(squadArticles(b), nil)
	qs := readQuestions(b, filepath.Join(squadDir, "sample-2000.jsonl"))
	timeEach(b, qs, func(q string) { base.Ask(q) })
}

// BenchmarkSuggestSquad times autocomplete on the first words of each
// sample question, as they are typed.
func BenchmarkSuggestSquad(b *testing.B) {
	base := New(squadArticles(b), nil)
	var typed []string
	for _, q := range readQuestions(b, filepath.Join(squadDir, "sample-2000.jsonl")) {
		for n := 3; n < len(q); n += 7 {
			typed = append(typed, truncate(q, n))
		}
	}
	timeEach(b, typed, func(s string) { base.Suggest(s, 25) })
}

func BenchmarkBuildSquadX10(b *testing.B) {
	if testing.Short() {
		b.Skip("900k facts: not in -short")
	}
	arts := copies(squadArticles(b), 10)
	var base *Base
	for b.Loop() {
		base = New(arts, nil)
	}
	b.ReportMetric(float64(base.Len()), "facts")
	reportHeap(b, base)
	b.ReportMetric(peakRSS(), "peak-RSS-MB")
}

func BenchmarkAskSquadX10(b *testing.B) {
	if testing.Short() {
		b.Skip("900k facts: not in -short")
	}
	base := New(copies(squadArticles(b), 10), nil)
	qs := readQuestions(b, filepath.Join(squadDir, "sample-2000.jsonl"))
	timeEach(b, qs, func(q string) { base.Ask(q) })
}
