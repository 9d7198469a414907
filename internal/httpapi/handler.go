package httpapi

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/answerjson"
	"github.com/factbot/factbot/internal/metrics"
	"github.com/factbot/factbot/internal/store"
)

// Via is where /ask questions come from, in metrics and logs.
const Via = "http"

// An Engine answers questions. *live.Base and *facts.Base are Engines.
type Engine interface {
	Ask(question string) facts.Answer
}

// A ContextEngine also answers a question in the context of the turns
// before it, as /ask does when it is given context. *live.Base and
// *facts.Base are ContextEngines; an Engine that is not one answers
// questions with context as if they had none.
type ContextEngine interface {
	AskInContext(question string, turns []facts.Turn) facts.Answer
}

// maxContext is how many context questions /ask takes; the engine reads a
// follow-up with the last few only.
const maxContext = 20

// A Gate admits questions, or turns them away while the service shuts
// down. *drain.Gate is one.
type Gate interface {
	Enter() (leave func(), ok bool)
}

// A Recorder keeps the questions asked, without making the answer wait.
// *store.Writer is one.
type Recorder interface {
	Question(q store.Question) bool
}

// A Check is one readiness condition: Ready returns nil when it holds, or
// an error that says why not.
type Check struct {
	Name  string
	Ready func() error
}

// Options configure the handler. Engine is required; the rest may be left
// out.
type Options struct {
	Engine  Engine            // answers /ask
	Checks  []Check           // must all pass for /readyz; none: always ready
	Metrics *metrics.Recorder // served at /metrics, and counts /ask answers; nil: no /metrics
	Gate    Gate              // admits /ask questions; nil: all are admitted
	Logger  *slog.Logger      // nil logs nothing

	// Loaded returns an error until the Engine has a fact base to answer
	// from; until then /ask answers 503 with Retry-After. Nil: always.
	Loaded func() error

	// Details returns lines that /readyz adds below its checks, about the
	// state of the service (the fact base in service, its last rebuild,
	// the watch); they do not change its status. Nil: none.
	Details func() []string

	// Recorder keeps each /ask question; nil keeps nothing.
	Recorder Recorder

	// Admin, if set, serves /admin and the paths under it.
	Admin http.Handler
}

// retryAfter is the Retry-After of a 503 from /ask, in seconds.
const retryAfter = "5"

// NewHandler returns the side port's handler.
func NewHandler(opt Options) http.Handler {
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	h := &handler{opt}
	mux := http.NewServeMux()
	mux.Handle("/healthz", getOnly(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		writeText(w, http.StatusOK, "ok\n")
	})))
	mux.Handle("/readyz", getOnly(http.HandlerFunc(h.readyz)))
	if opt.Metrics != nil {
		mux.Handle("/metrics", getOnly(opt.Metrics.Handler()))
	}
	mux.HandleFunc("/ask", h.ask)
	if opt.Admin != nil {
		mux.Handle("/admin", opt.Admin)
		mux.Handle("/admin/", opt.Admin)
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such endpoint: "+r.URL.Path+"; try /ask?q=…, /healthz, /readyz or /metrics")
	})
	return mux
}

// handler serves the endpoints that need the options.
type handler struct{ Options }

// readyz runs every check, and reports each.
func (h *handler) readyz(w http.ResponseWriter, _ *http.Request) {
	var b strings.Builder
	status := http.StatusOK
	for _, c := range h.Checks {
		if err := c.Ready(); err != nil {
			status = http.StatusServiceUnavailable
			fmt.Fprintf(&b, "%s: %v\n", c.Name, err)
		} else {
			fmt.Fprintf(&b, "%s: ok\n", c.Name)
		}
	}
	if len(h.Checks) == 0 {
		b.WriteString("ok\n")
	}
	if h.Details != nil {
		for _, line := range h.Details() {
			b.WriteString(line + "\n")
		}
	}
	writeText(w, status, b.String())
}

// getOnly answers methods other than GET and HEAD with a JSON 405.
func getOnly(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed: use GET "+r.URL.Path)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// ask answers the question in the q parameter, in the context of the
// earlier questions in the context parameters, oldest first. The engine
// asks them again to find what they cited: /ask takes questions only.
func (h *handler) ask(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed: use GET /ask?q=…")
		return
	}
	query, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		writeError(w, http.StatusBadRequest, "malformed query: "+err.Error())
		return
	}
	q := query.Get("q")
	if strings.TrimSpace(q) == "" {
		writeError(w, http.StatusBadRequest, "missing question: pass it as /ask?q=…")
		return
	}
	if h.Gate != nil {
		leave, ok := h.Gate.Enter()
		if !ok {
			w.Header().Set("Retry-After", retryAfter)
			writeError(w, http.StatusServiceUnavailable, "shutting down: ask again shortly")
			return
		}
		defer leave()
	}
	if h.Loaded != nil {
		if err := h.Loaded(); err != nil {
			w.Header().Set("Retry-After", retryAfter)
			writeError(w, http.StatusServiceUnavailable, "not ready: the fact base is still loading; ask again shortly")
			return
		}
	}
	var turns []facts.Turn
	for _, c := range query["context"] {
		if strings.TrimSpace(c) != "" {
			turns = append(turns, facts.Turn{Question: c})
		}
	}
	if len(turns) > maxContext {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("too much context: at most %d context questions", maxContext))
		return
	}
	start := time.Now()
	var a facts.Answer
	if ce, ok := h.Engine.(ContextEngine); ok && len(turns) > 0 {
		a = ce.AskInContext(q, turns)
	} else {
		a = h.Engine.Ask(q)
	}
	took := time.Since(start)
	outcome := metrics.Outcome(a)
	h.Metrics.Question(Via, outcome, took)
	h.Logger.Info("question answered", "via", Via, "outcome", outcome,
		"confidence", a.Confidence, "took", took)
	if h.Recorder != nil {
		rec := store.Question{ID: "http-" + rand.Text()[:16], Text: q, Via: Via, Latency: took}
		rec.SetAnswer(a)
		h.Recorder.Question(rec)
	}

	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if err := answerjson.Write(w, a); err != nil {
		h.Logger.Warn("writing /ask answer", "err", err)
	}
}

// writeText writes a plain-text response that no cache keeps.
func writeText(w http.ResponseWriter, status int, text string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	fmt.Fprint(w, text)
}

// writeError writes {"error": msg} with the status: every error the side
// port answers has this one shape.
func writeError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(struct {
		Error string `json:"error"`
	}{msg})
}
