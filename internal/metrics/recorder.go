package metrics

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/live"
)

// The outcomes of a question that the engine decides, as the bot names
// them too. The bot records others ("cooldown", "error").
const (
	Answered  = "answered"
	Abstained = "abstained"
)

// Outcome returns the outcome of an answer: Abstained when the engine
// declined to answer, else Answered.
func Outcome(a facts.Answer) string {
	if a.Abstained() {
		return Abstained
	}
	return Answered
}

// Options configure a Recorder.
type Options struct {
	// Version labels factbot_build_info.
	Version string

	// Base returns the fact base being served, or nil before the first
	// load; the facts and articles gauges read it at each scrape. Nil
	// reports zeros.
	Base func() *facts.Base

	// Status returns the state of the live fact base: its snapshot, when
	// it was loaded, whether the last rebuild failed. Nil reports an
	// empty state.
	Status func() live.Status

	// Watch returns how the articles folder is watched, and false when it
	// is not. Nil: not watched.
	Watch func() (live.WatchState, bool)

	// Shards returns the state of the gateway shards the process holds,
	// read at each scrape. Nil reports none.
	Shards func() []Shard
}

// A Recorder holds factbot's metrics. Its methods are safe for concurrent
// use, and do nothing on a nil *Recorder.
type Recorder struct {
	reg            *prometheus.Registry
	questions      *prometheus.CounterVec
	latency        *prometheus.HistogramVec
	autocomplete   prometheus.Histogram
	feedback       *prometheus.CounterVec
	reloads        prometheus.Counter
	reloadFailures prometheus.Counter
	gateway        *prometheus.CounterVec
	reconnects     *prometheus.CounterVec
	restErrors     *prometheus.CounterVec
	storeDropped   prometheus.Counter
}

// latencyBuckets span an answer from the engine alone (well under a
// millisecond) to one through Discord's REST API (up to seconds).
var latencyBuckets = []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

// New returns a Recorder with a registry of its own.
func New(opt Options) *Recorder {
	counter := func(name, help string) prometheus.Counter {
		return prometheus.NewCounter(prometheus.CounterOpts{Namespace: "factbot", Name: name, Help: help})
	}
	counters := func(name, help string, labels ...string) *prometheus.CounterVec {
		return prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: "factbot", Name: name, Help: help}, labels)
	}
	size := func(name, help string, of func(*facts.Base) int) prometheus.GaugeFunc {
		return prometheus.NewGaugeFunc(prometheus.GaugeOpts{Namespace: "factbot", Name: name, Help: help}, func() float64 {
			if opt.Base == nil {
				return 0
			}
			if b := opt.Base(); b != nil {
				return float64(of(b))
			}
			return 0
		})
	}
	r := &Recorder{
		reg:       prometheus.NewRegistry(),
		questions: counters("questions_total", "Questions, by where they were asked and how they ended.", "via", "outcome"),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: "factbot", Name: "answer_duration_seconds",
			Help: "Time from a question to its answer sent, by where it was asked.", Buckets: latencyBuckets,
		}, []string{"via"}),
		autocomplete: prometheus.NewHistogram(prometheus.HistogramOpts{
			Namespace: "factbot", Name: "autocomplete_duration_seconds",
			Help: "Time to answer an autocomplete request.", Buckets: latencyBuckets,
		}),
		feedback:       counters("feedback_total", "Feedback buttons pressed on answers: up (helpful) or down.", "vote"),
		reloads:        counter("reloads_total", "Rebuilds of the fact base after the first load."),
		reloadFailures: counter("reload_failures_total", "Rebuilds of the fact base that failed; the old base stayed in service."),
		gateway:        counters("gateway_events_total", "Discord gateway events: ready, resumed, disconnect, reconnect.", "event"),
		reconnects:     counters("shard_reconnects_total", "Reconnections of a gateway shard after its connection was lost.", "shard"),
		restErrors:     counters("discord_rest_errors_total", "Discord REST calls that failed, by call.", "call"),
		storeDropped:   counter("store_dropped_total", "Questions and votes not kept in the store: its queue was full, or the write failed."),
	}
	// Known labels start at 0, so that rates and alerts have a series
	// before the first event.
	for _, e := range []string{"ready", "resumed", "disconnect", "reconnect"} {
		r.gateway.WithLabelValues(e)
	}
	for _, call := range []string{"reply", "register", "autocomplete"} {
		r.restErrors.WithLabelValues(call)
	}
	r.feedback.WithLabelValues("up")
	r.feedback.WithLabelValues("down")
	buildInfo := prometheus.NewGauge(prometheus.GaugeOpts{
		Namespace: "factbot", Name: "build_info", Help: "Always 1; the version is a label.",
		ConstLabels: prometheus.Labels{"version": opt.Version},
	})
	buildInfo.Set(1)
	r.reg.MustRegister(stateCollectors(opt)...)
	r.reg.MustRegister(
		newShardCollector(opt.Shards), r.reconnects,
		r.questions, r.latency, r.autocomplete, r.feedback, r.reloads, r.reloadFailures, r.gateway, r.restErrors, r.storeDropped, buildInfo,
		size("facts_loaded", "Facts in the fact base being served.", (*facts.Base).Len),
		size("articles_loaded", "Articles in the fact base being served.", func(b *facts.Base) int { return len(b.Articles()) }),
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return r
}

// Handler serves the metrics in the Prometheus text format.
func (r *Recorder) Handler() http.Handler {
	if r == nil {
		return http.NotFoundHandler()
	}
	return promhttp.HandlerFor(r.reg, promhttp.HandlerOpts{Registry: r.reg})
}

// Question records a question: where it was asked (via), how it ended
// (outcome), and the time from its arrival to its answer sent.
func (r *Recorder) Question(via, outcome string, d time.Duration) {
	if r == nil {
		return
	}
	r.questions.WithLabelValues(via, outcome).Inc()
	r.latency.WithLabelValues(via).Observe(d.Seconds())
}

// Autocomplete records an autocomplete request answered in d.
func (r *Recorder) Autocomplete(d time.Duration) {
	if r != nil {
		r.autocomplete.Observe(d.Seconds())
	}
}

// Feedback records a feedback button pressed on an answer.
func (r *Recorder) Feedback(helpful bool) {
	if r == nil {
		return
	}
	vote := "down"
	if helpful {
		vote = "up"
	}
	r.feedback.WithLabelValues(vote).Inc()
}

// Reloaded records a successful rebuild of the fact base.
func (r *Recorder) Reloaded() {
	if r != nil {
		r.reloads.Inc()
	}
}

// ReloadFailed records a rebuild of the fact base that failed.
func (r *Recorder) ReloadFailed() {
	if r != nil {
		r.reloadFailures.Inc()
	}
}

// Gateway records an event of a gateway shard's connection: "ready",
// "resumed", "disconnect" or "reconnect".
func (r *Recorder) Gateway(shard int, event string) {
	if r == nil {
		return
	}
	r.gateway.WithLabelValues(event).Inc()
	if event == "reconnect" {
		r.reconnects.WithLabelValues(strconv.Itoa(shard)).Inc()
	}
}

// RESTError records a failed Discord REST call, named by call.
func (r *Recorder) RESTError(call string) {
	if r != nil {
		r.restErrors.WithLabelValues(call).Inc()
	}
}

// StoreDropped records a question or vote that the store did not keep.
func (r *Recorder) StoreDropped() {
	if r != nil {
		r.storeDropped.Inc()
	}
}
