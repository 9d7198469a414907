package httpapi

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/answerjson"
	"github.com/factbot/factbot/internal/drain"
	"github.com/factbot/factbot/internal/live"
	"github.com/factbot/factbot/internal/metrics"
)

// response is what a test looks at in an HTTP response.
type response struct {
	Status      int
	ContentType string
	Allow       string
	RetryAfter  string
	Body        string
}

// do sends one request to h and records the response.
func do(h http.Handler, method, target string) response {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return response{
		Status:      rec.Code,
		ContentType: rec.Header().Get("Content-Type"),
		Allow:       rec.Header().Get("Allow"),
		RetryAfter:  rec.Header().Get("Retry-After"),
		Body:        rec.Body.String(),
	}
}

func seeds(t *testing.T) *facts.Base {
	t.Helper()
	b, err := facts.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestHealthz(t *testing.T) {
	h := NewHandler(Options{Engine: seeds(t)})
	tests := []struct {
		method string
		want   response
	}{
		{http.MethodGet, response{Status: 200, ContentType: "text/plain; charset=utf-8", Body: "ok\n"}},
		// The recorder keeps the body that a server drops for HEAD.
		{http.MethodHead, response{Status: 200, ContentType: "text/plain; charset=utf-8", Body: "ok\n"}},
		{http.MethodPost, response{Status: 405, ContentType: "application/json; charset=utf-8", Allow: "GET, HEAD",
			Body: `{"error":"method POST not allowed: use GET /healthz"}` + "\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, do(h, tt.method, "/healthz")); diff != "" {
				t.Errorf("%s /healthz (-want +got):\n%s", tt.method, diff)
			}
		})
	}
}

// TestReadyz walks a service through its life: started, fact base
// loaded, gateway connected, gateway lost and back, shutting down.
func TestReadyz(t *testing.T) {
	base := live.New(func(context.Context) (*facts.Base, error) { return facts.Seeds() }, live.Options{})
	var connected atomic.Bool
	var gate drain.Gate
	h := NewHandler(Options{
		Engine: base,
		Checks: []Check{
			{"facts", base.Ready},
			{"gateway", func() error {
				if !connected.Load() {
					return errors.New("not connected")
				}
				return nil
			}},
			{"questions", gate.Ready},
		},
	})
	steps := []struct {
		name   string
		action func()
		want   response
	}{{
		name:   "started",
		action: func() {},
		want:   response{Status: 503, Body: "facts: live: fact base not loaded yet\ngateway: not connected\nquestions: ok\n"},
	}, {
		name:   "fact base loaded",
		action: func() { base.Reload(context.Background()) },
		want:   response{Status: 503, Body: "facts: ok\ngateway: not connected\nquestions: ok\n"},
	}, {
		name:   "gateway connected",
		action: func() { connected.Store(true) },
		want:   response{Status: 200, Body: "facts: ok\ngateway: ok\nquestions: ok\n"},
	}, {
		name:   "gateway lost",
		action: func() { connected.Store(false) },
		want:   response{Status: 503, Body: "facts: ok\ngateway: not connected\nquestions: ok\n"},
	}, {
		name:   "gateway back",
		action: func() { connected.Store(true) },
		want:   response{Status: 200, Body: "facts: ok\ngateway: ok\nquestions: ok\n"},
	}, {
		name:   "shutting down",
		action: func() { gate.Close(context.Background()) },
		want:   response{Status: 503, Body: "facts: ok\ngateway: ok\nquestions: drain: shutting down\n"},
	}}
	for _, s := range steps {
		s.action()
		got := do(h, http.MethodGet, "/readyz")
		got.ContentType = ""
		if diff := cmp.Diff(s.want, got); diff != "" {
			t.Fatalf("%s: GET /readyz (-want +got):\n%s", s.name, diff)
		}
	}

	if got := do(NewHandler(Options{Engine: base}), http.MethodGet, "/readyz"); got.Status != 200 || got.Body != "ok\n" {
		t.Errorf("GET /readyz without checks = %d %q, want 200 \"ok\\n\"", got.Status, got.Body)
	}
	details := func() []string { return []string{"snapshot: 0123456789ab", "watch: off"} }
	if got := do(NewHandler(Options{Engine: base, Details: details}), http.MethodGet, "/readyz"); got.Status != 200 ||
		got.Body != "ok\nsnapshot: 0123456789ab\nwatch: off\n" {
		t.Errorf("GET /readyz with details = %d %q, want 200 and the details below the checks", got.Status, got.Body)
	}
}

func TestMetrics(t *testing.T) {
	b := seeds(t)
	rec := metrics.New(metrics.Options{Version: "test", Base: func() *facts.Base { return b }})
	h := NewHandler(Options{Engine: b, Metrics: rec})
	do(h, http.MethodGet, "/ask?q=How+much+crypto+has+North+Korea+stolen%3F")
	got := do(h, http.MethodGet, "/metrics")
	if got.Status != 200 {
		t.Fatalf("GET /metrics: status %d", got.Status)
	}
	for _, name := range []string{
		`factbot_questions_total{outcome="answered",via="http"} 1`,
		`factbot_answer_duration_seconds_bucket{via="http",le="0.0005"} `,
		`factbot_answer_duration_seconds_count{via="http"} 1`,
		"factbot_autocomplete_duration_seconds_count 0",
		`factbot_feedback_total{vote="up"} 0`,
		"factbot_facts_loaded ",
		"factbot_articles_loaded 2",
		"factbot_reloads_total 0",
		"factbot_reload_failures_total 0",
		`factbot_gateway_events_total{event="reconnect"} 0`,
		`factbot_discord_rest_errors_total{call="reply"} 0`,
		`factbot_build_info{version="test"} 1`,
		"go_goroutines ",
		"process_start_time_seconds ",
	} {
		if !strings.Contains(got.Body, "\n"+name) {
			t.Errorf("GET /metrics has no %q", name)
		}
	}

	if got := do(NewHandler(Options{Engine: b}), http.MethodGet, "/metrics"); got.Status != 404 {
		t.Errorf("GET /metrics without a Recorder: status %d, want 404", got.Status)
	}
}

func TestAsk(t *testing.T) {
	b := seeds(t)
	questions := []string{
		"How much crypto has North Korea stolen?",
		"Which think tank published the report?",
		"What is the capital of France?", // abstains
		"<script>alert(1)</script> & “Lazarus”?",
		"Who is Sergei Neverov?",
	}
	for _, q := range questions {
		t.Run(q, func(t *testing.T) {
			rec := metrics.New(metrics.Options{})
			h := NewHandler(Options{Engine: b, Metrics: rec})
			a := b.Ask(q)
			var want bytes.Buffer
			if err := answerjson.Write(&want, a); err != nil {
				t.Fatal(err)
			}
			got := do(h, http.MethodGet, "/ask?q="+url.QueryEscape(q))
			if diff := cmp.Diff(response{Status: 200, ContentType: "application/json; charset=utf-8", Body: want.String()}, got); diff != "" {
				t.Errorf("GET /ask (-want +got):\n%s", diff)
			}
			counted := `factbot_questions_total{outcome="` + metrics.Outcome(a) + `",via="http"} 1`
			if m := do(rec.Handler(), http.MethodGet, "/metrics"); !strings.Contains(m.Body, counted) {
				t.Errorf("/metrics does not count the question: no %q", counted)
			}
		})
	}
}

// countingEngine counts the questions it is asked.
type countingEngine struct{ n atomic.Int64 }

func (e *countingEngine) Ask(q string) facts.Answer {
	e.n.Add(1)
	return facts.Answer{Question: q, Citations: []facts.Citation{}}
}

func TestAskErrors(t *testing.T) {
	const json = "application/json; charset=utf-8"
	tests := []struct {
		name      string
		method    string
		target    string
		closing   bool
		notLoaded bool
		want      response
	}{{
		name: "no q", method: "GET", target: "/ask",
		want: response{Status: 400, ContentType: json, Body: `{"error":"missing question: pass it as /ask?q=…"}` + "\n"},
	}, {
		name: "empty q", method: "GET", target: "/ask?q=",
		want: response{Status: 400, ContentType: json, Body: `{"error":"missing question: pass it as /ask?q=…"}` + "\n"},
	}, {
		name: "blank q", method: "GET", target: "/ask?q=%20%09",
		want: response{Status: 400, ContentType: json, Body: `{"error":"missing question: pass it as /ask?q=…"}` + "\n"},
	}, {
		name: "POST", method: "POST", target: "/ask?q=hi",
		want: response{Status: 405, ContentType: json, Allow: "GET, HEAD", Body: `{"error":"method POST not allowed: use GET /ask?q=…"}` + "\n"},
	}, {
		name: "DELETE", method: "DELETE", target: "/ask",
		want: response{Status: 405, ContentType: json, Allow: "GET, HEAD", Body: `{"error":"method DELETE not allowed: use GET /ask?q=…"}` + "\n"},
	}, {
		name: "shutting down", method: "GET", target: "/ask?q=hi", closing: true,
		want: response{Status: 503, ContentType: json, RetryAfter: "5", Body: `{"error":"shutting down: ask again shortly"}` + "\n"},
	}, {
		name: "not loaded yet", method: "GET", target: "/ask?q=hi", notLoaded: true,
		want: response{Status: 503, ContentType: json, RetryAfter: "5",
			Body: `{"error":"not ready: the fact base is still loading; ask again shortly"}` + "\n"},
	}, {
		name: "malformed query", method: "GET", target: "/ask?q=%zz",
		want: response{Status: 400, ContentType: json, Body: `{"error":"malformed query: invalid URL escape \"%zz\""}` + "\n"},
	}, {
		name: "malformed query after a good q", method: "GET", target: "/ask?q=hi&x=%",
		want: response{Status: 400, ContentType: json, Body: `{"error":"malformed query: invalid URL escape \"%\""}` + "\n"},
	}, {
		name: "unknown path", method: "GET", target: "/asks?q=hi",
		want: response{Status: 404, ContentType: json,
			Body: `{"error":"no such endpoint: /asks; try /ask?q=…, /healthz, /readyz or /metrics"}` + "\n"},
	}, {
		name: "metrics without a recorder", method: "GET", target: "/metrics",
		want: response{Status: 404, ContentType: json,
			Body: `{"error":"no such endpoint: /metrics; try /ask?q=…, /healthz, /readyz or /metrics"}` + "\n"},
	}, {
		name: "POST /readyz", method: "POST", target: "/readyz",
		want: response{Status: 405, ContentType: json, Allow: "GET, HEAD", Body: `{"error":"method POST not allowed: use GET /readyz"}` + "\n"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e countingEngine
			var gate drain.Gate
			if tt.closing {
				gate.Close(context.Background())
			}
			opt := Options{Engine: &e, Gate: &gate}
			if tt.notLoaded {
				opt.Loaded = func() error { return errors.New("not yet") }
			}
			got := do(NewHandler(opt), tt.method, tt.target)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s %s (-want +got):\n%s", tt.method, tt.target, diff)
			}
			if n := e.n.Load(); n != 0 {
				t.Errorf("the engine was asked %d questions, want none", n)
			}
		})
	}
}

// TestAskInFlightHoldsTheGate checks that shutdown waits for an /ask
// under way, and that the answer still goes out.
func TestAskInFlightHoldsTheGate(t *testing.T) {
	var gate drain.Gate
	asked, release := make(chan struct{}), make(chan struct{})
	e := engineFunc(func(q string) facts.Answer {
		close(asked)
		<-release
		return facts.Answer{Question: q, Citations: []facts.Citation{}}
	})
	h := NewHandler(Options{Engine: e, Gate: &gate})
	answered := make(chan response, 1)
	go func() { answered <- do(h, http.MethodGet, "/ask?q=hi") }()
	<-asked

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := gate.Close(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Close with /ask in flight = %v, want it to wait until %v", err, context.DeadlineExceeded)
	}
	close(release)
	if r := <-answered; r.Status != 200 {
		t.Errorf("/ask in flight at shutdown: status %d, want 200", r.Status)
	}
	if err := gate.Close(context.Background()); err != nil {
		t.Errorf("Close once /ask is answered = %v", err)
	}
}

// engineFunc adapts a function to an Engine.
type engineFunc func(string) facts.Answer

func (f engineFunc) Ask(q string) facts.Answer { return f(q) }
