package metrics

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/factbot/factbot/facts"
)

// The outcomes of a question that the engine answers by itself. Callers
// may record others (a cooldown, an error) under names of their own.
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
}

// A Recorder holds factbot's metrics. Its methods are safe for concurrent
// use, and do nothing on a nil *Recorder.
type Recorder struct {
	reg            *prometheus.Registry
	questions      *prometheus.CounterVec
	latency        prometheus.Histogram
	reloads        prometheus.Counter
	reloadFailures prometheus.Counter
	readies        prometheus.Counter
	reconnects     prometheus.Counter
	restErrors     prometheus.Counter
}

// latencyBuckets span an answer from the engine alone (well under a
// millisecond) to one through Discord's REST API (up to seconds).
var latencyBuckets = []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

// New returns a Recorder with a registry of its own.
func New(opt Options) *Recorder {
	counter := func(name, help string) prometheus.Counter {
		return prometheus.NewCounter(prometheus.CounterOpts{Namespace: "factbot", Name: name, Help: help})
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
		reg: prometheus.NewRegistry(),
		questions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "factbot", Name: "questions_total",
			Help: "Questions answered, by outcome.",
		}, []string{"outcome"}),
		latency: prometheus.NewHistogram(prometheus.HistogramOpts{
			Namespace: "factbot", Name: "answer_duration_seconds",
			Help: "Time from a question to its answer.", Buckets: latencyBuckets,
		}),
		reloads:        counter("reloads_total", "Rebuilds of the fact base after the first load."),
		reloadFailures: counter("reload_failures_total", "Rebuilds of the fact base that failed; the old base stayed in service."),
		readies:        counter("gateway_ready_total", "Discord gateway sessions that became ready."),
		reconnects:     counter("gateway_reconnects_total", "Discord gateway reconnects."),
		restErrors:     counter("discord_rest_errors_total", "Discord REST calls that failed."),
	}
	buildInfo := prometheus.NewGauge(prometheus.GaugeOpts{
		Namespace: "factbot", Name: "build_info", Help: "Always 1; the version is a label.",
		ConstLabels: prometheus.Labels{"version": opt.Version},
	})
	buildInfo.Set(1)
	r.reg.MustRegister(
		r.questions, r.latency, r.reloads, r.reloadFailures, r.readies, r.reconnects, r.restErrors, buildInfo,
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

// Answered records a question with its outcome and the time it took to
// answer.
func (r *Recorder) Answered(outcome string, d time.Duration) {
	if r == nil {
		return
	}
	r.questions.WithLabelValues(outcome).Inc()
	r.latency.Observe(d.Seconds())
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

// Ready records a Discord gateway session that became ready.
func (r *Recorder) Ready() {
	if r != nil {
		r.readies.Inc()
	}
}

// Reconnected records a Discord gateway reconnect.
func (r *Recorder) Reconnected() {
	if r != nil {
		r.reconnects.Inc()
	}
}

// RESTError records a failed Discord REST call.
func (r *Recorder) RESTError() {
	if r != nil {
		r.restErrors.Inc()
	}
}
