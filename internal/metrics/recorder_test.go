package metrics

import (
	"bufio"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/factbot/factbot/facts"
)

// scrape returns the samples the Recorder serves, as "name{labels}" →
// value, leaving out the Go runtime's and the process's.
func scrape(t *testing.T, r *Recorder) map[string]string {
	t.Helper()
	rec := httptest.NewRecorder()
	r.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /metrics: status %d", rec.Code)
	}
	got := map[string]string{}
	sc := bufio.NewScanner(rec.Body)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "factbot_") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		got[line[:i]] = line[i+1:]
	}
	return got
}

func TestRecorder(t *testing.T) {
	tests := []struct {
		name   string
		record func(r *Recorder)
		want   map[string]string // a subset of the samples
	}{{
		name:   "nothing recorded",
		record: func(*Recorder) {},
		want: map[string]string{
			"factbot_reloads_total":                                "0",
			"factbot_reload_failures_total":                        "0",
			`factbot_gateway_events_total{event="ready"}`:          "0",
			`factbot_gateway_events_total{event="reconnect"}`:      "0",
			`factbot_feedback_total{vote="up"}`:                    "0",
			`factbot_feedback_total{vote="down"}`:                  "0",
			"factbot_autocomplete_duration_seconds_count":          "0",
			"factbot_facts_loaded":                                 "0",
			"factbot_articles_loaded":                              "0",
			`factbot_build_info{version="test"}`:                   "1",
			`factbot_questions_total{outcome="answered",via="dm"}`: "", // no question yet
		},
	}, {
		name: "questions by where and how, with their latency",
		record: func(r *Recorder) {
			r.Question("slash", Answered, 2*time.Millisecond)
			r.Question("slash", Answered, 3*time.Millisecond)
			r.Question("http", Abstained, 20*time.Millisecond)
			r.Question("mention", "cooldown", 0)
		},
		want: map[string]string{
			`factbot_questions_total{outcome="answered",via="slash"}`:         "2",
			`factbot_questions_total{outcome="abstained",via="http"}`:         "1",
			`factbot_questions_total{outcome="cooldown",via="mention"}`:       "1",
			`factbot_answer_duration_seconds_count{via="slash"}`:              "2",
			`factbot_answer_duration_seconds_bucket{via="slash",le="0.0025"}`: "1",
			`factbot_answer_duration_seconds_bucket{via="slash",le="0.005"}`:  "2",
			`factbot_answer_duration_seconds_bucket{via="http",le="0.01"}`:    "0",
			`factbot_answer_duration_seconds_bucket{via="http",le="0.025"}`:   "1",
			`factbot_answer_duration_seconds_count{via="mention"}`:            "1",
		},
	}, {
		name: "autocomplete and feedback",
		record: func(r *Recorder) {
			r.Autocomplete(time.Millisecond)
			r.Feedback(true)
			r.Feedback(true)
			r.Feedback(false)
		},
		want: map[string]string{
			"factbot_autocomplete_duration_seconds_count": "1",
			`factbot_feedback_total{vote="up"}`:           "2",
			`factbot_feedback_total{vote="down"}`:         "1",
		},
	}, {
		name: "reloads, gateway and REST",
		record: func(r *Recorder) {
			r.Reloaded()
			r.Reloaded()
			r.ReloadFailed()
			r.Gateway(0, "ready")
			r.Gateway(0, "disconnect")
			r.Gateway(0, "reconnect")
			r.Gateway(3, "resumed")
			r.Gateway(3, "disconnect")
			r.Gateway(3, "reconnect")
			r.Gateway(3, "disconnect")
			r.Gateway(3, "reconnect")
			r.RESTError("reply")
			r.RESTError("register")
			r.RESTError("reply")
		},
		want: map[string]string{
			"factbot_reloads_total":                              "2",
			"factbot_reload_failures_total":                      "1",
			`factbot_gateway_events_total{event="ready"}`:        "1",
			`factbot_gateway_events_total{event="resumed"}`:      "1",
			`factbot_gateway_events_total{event="disconnect"}`:   "3",
			`factbot_gateway_events_total{event="reconnect"}`:    "3",
			`factbot_shard_reconnects_total{shard="0"}`:          "1",
			`factbot_shard_reconnects_total{shard="3"}`:          "2",
			`factbot_discord_rest_errors_total{call="reply"}`:    "2",
			`factbot_discord_rest_errors_total{call="register"}`: "1",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(Options{Version: "test"})
			tt.record(r)
			all := scrape(t, r)
			got := map[string]string{}
			for k := range tt.want {
				got[k] = all[k]
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("samples (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRecorderShards(t *testing.T) {
	now := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)
	r := New(Options{Shards: func() []Shard {
		return []Shard{
			{ID: 2, Connected: true, HeartbeatAck: now.Add(-1500 * time.Millisecond)},
			{ID: 3, Connected: false},
		}
	}})
	all := scrape(t, r)
	got := map[string]string{}
	for k, v := range all {
		if strings.HasPrefix(k, "factbot_shard_connected") {
			got[k] = v
		}
		if strings.HasPrefix(k, "factbot_shard_heartbeat_ack_age_seconds") {
			got[k] = "present"
		}
	}
	want := map[string]string{
		`factbot_shard_connected{shard="2"}`:                 "1",
		`factbot_shard_connected{shard="3"}`:                 "0",
		`factbot_shard_heartbeat_ack_age_seconds{shard="2"}`: "present",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("shard samples (-want +got):\n%s", diff)
	}
}

func TestShardCollectorAge(t *testing.T) {
	now := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)
	c := newShardCollector(func() []Shard {
		return []Shard{{ID: 0, Connected: true, HeartbeatAck: now.Add(-1500 * time.Millisecond)}}
	})
	c.now = func() time.Time { return now }
	reg := prometheus.NewRegistry()
	reg.MustRegister(c)
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() == "factbot_shard_heartbeat_ack_age_seconds" {
			if got := mf.GetMetric()[0].GetGauge().GetValue(); got != 1.5 {
				t.Errorf("ack age = %v, want 1.5", got)
			}
			return
		}
	}
	t.Error("no factbot_shard_heartbeat_ack_age_seconds")
}

func TestRecorderSizes(t *testing.T) {
	seeds, err := facts.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	var cur *facts.Base
	r := New(Options{Base: func() *facts.Base { return cur }})
	check := func(wantFacts, wantArticles int) {
		t.Helper()
		all := scrape(t, r)
		want := []string{strconv.Itoa(wantFacts), strconv.Itoa(wantArticles)}
		got := []string{all["factbot_facts_loaded"], all["factbot_articles_loaded"]}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("facts_loaded, articles_loaded (-want +got):\n%s", diff)
		}
	}
	check(0, 0) // before the first load
	cur = seeds
	check(seeds.Len(), len(seeds.Articles()))
}

func TestNilRecorder(t *testing.T) {
	var r *Recorder
	r.Question("slash", Answered, time.Second)
	r.Autocomplete(time.Second)
	r.Feedback(true)
	r.Reloaded()
	r.ReloadFailed()
	r.Gateway(0, "ready")
	r.RESTError("reply")
	rec := httptest.NewRecorder()
	r.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("nil Recorder's /metrics: status %d, want %d", rec.Code, http.StatusNotFound)
	}
}

func TestOutcome(t *testing.T) {
	tests := []struct {
		in   facts.Answer
		want string
	}{
		{facts.Answer{Question: "q", Citations: []facts.Citation{}}, Abstained},
		{facts.Answer{Question: "q", Text: "$5", Citations: []facts.Citation{{N: 1}}}, Answered},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := Outcome(tt.in); got != tt.want {
				t.Errorf("Outcome = %q, want %q", got, tt.want)
			}
		})
	}
}
