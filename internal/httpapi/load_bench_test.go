package httpapi

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/factbot/factbot/internal/drain"
	"github.com/factbot/factbot/internal/metrics"
	"github.com/factbot/factbot/internal/store"
)

// loadQuestions are asked in turn: answers and abstentions.
var loadQuestions = []string{
	"How much crypto has North Korea stolen?",
	"Who is behind the hacks?",
	"What did RUSI say?",
	"When did the attacks happen?",
	"What is the capital of France?",
	"Who won the world cup?",
	"How did North Korea launder the money?",
	"What is the Lazarus Group?",
}

// BenchmarkAskLoad sends 2,000 questions through GET /ask over HTTP to a
// server with the store off and 2,000 to one with the store on (a Writer
// in front of SQLite, as serve runs it), side by side: in turns of 100
// questions, so that both see the same load from the rest of the machine.
// It reports the latency percentiles of each. Two loads:
// "paced" sends 500 questions a second, as a busy bot might get them;
// "saturated" has 8 clients ask as fast as they can, which on a small
// machine measures how the store's CPU competes with answering.
//
//	go test ./internal/httpapi -run '^$' -bench AskLoad -benchtime 3x
func BenchmarkAskLoad(b *testing.B) {
	base := seeds(&testing.T{})
	for _, load := range []struct {
		name string
		ask  func(b *testing.B, client *http.Client, url string) []time.Duration
	}{
		{"paced", func(b *testing.B, c *http.Client, u string) []time.Duration {
			return askPaced(b, c, u, turn, 2*time.Millisecond)
		}},
		{"saturated", func(b *testing.B, c *http.Client, u string) []time.Duration { return askClosed(b, c, u, turn, 8) }},
	} {
		b.Run(load.name, func(b *testing.B) {
			off, on := newLoadServer(b, base, false), newLoadServer(b, base, true)
			var latOff, latOn []time.Duration
			for range b.N {
				for range 2000 / turn {
					latOff = append(latOff, load.ask(b, off.client, off.url)...)
					latOn = append(latOn, load.ask(b, on.client, on.url)...)
				}
			}
			b.StopTimer()
			if err := on.writer.Close(context.Background()); err != nil {
				b.Fatal(err)
			}
			if n := on.writer.Dropped(); n > 0 {
				b.Errorf("%d records dropped", n)
			}
			b.ReportMetric(percentile(latOff, 0.50), "off-p50-µs")
			b.ReportMetric(percentile(latOn, 0.50), "on-p50-µs")
			b.ReportMetric(percentile(latOff, 0.99), "off-p99-µs")
			b.ReportMetric(percentile(latOn, 0.99), "on-p99-µs")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// turn is how many questions one server gets before the other's turn.
const turn = 100

// loadServer is a /ask server for the load benchmark.
type loadServer struct {
	url    string
	client *http.Client
	writer *store.Writer // nil with the store off
}

func newLoadServer(b *testing.B, base Engine, withStore bool) loadServer {
	opt := Options{Engine: base, Metrics: metrics.New(metrics.Options{}), Gate: &drain.Gate{}}
	var s loadServer
	if withStore {
		db, err := store.OpenSQLite(context.Background(), b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { db.Close() })
		s.writer = store.NewWriter(db, store.WriterOptions{})
		opt.Recorder = s.writer
	}
	srv := httptest.NewServer(NewHandler(opt))
	b.Cleanup(srv.Close)
	s.url, s.client = srv.URL, srv.Client()
	s.client.Transport.(*http.Transport).MaxIdleConnsPerHost = 64
	return s
}

// percentile returns the p-th percentile of lat in microseconds.
func percentile(lat []time.Duration, p float64) float64 {
	s := slices.Clone(lat)
	slices.Sort(s)
	return float64(s[int(p*float64(len(s)-1))].Microseconds())
}

// askOnce asks question i and returns how long it took.
func askOnce(b *testing.B, client *http.Client, base string, i int) time.Duration {
	start := time.Now()
	resp, err := client.Get(base + "/ask?q=" + url.QueryEscape(loadQuestions[i%len(loadQuestions)]))
	if err != nil {
		b.Error(err)
		return 0
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return time.Since(start)
}

// askPaced starts question i at i×every, each in a goroutine of its own.
func askPaced(b *testing.B, client *http.Client, base string, n int, every time.Duration) []time.Duration {
	lat := make([]time.Duration, n)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range n {
		time.Sleep(time.Until(start.Add(time.Duration(i) * every)))
		wg.Go(func() { lat[i] = askOnce(b, client, base, i) })
	}
	wg.Wait()
	return lat
}

// askClosed asks n questions from clients goroutines, each asking its
// next question as soon as it has its answer.
func askClosed(b *testing.B, client *http.Client, base string, n, clients int) []time.Duration {
	lat := make([]time.Duration, n)
	var wg sync.WaitGroup
	for c := range clients {
		wg.Go(func() {
			for i := c; i < n; i += clients {
				lat[i] = askOnce(b, client, base, i)
			}
		})
	}
	wg.Wait()
	return lat
}
