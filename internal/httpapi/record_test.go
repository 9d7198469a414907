package httpapi

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/factbot/factbot/internal/store"
)

// keeper is a Recorder that keeps what it is given.
type keeper struct {
	mu sync.Mutex
	qs []store.Question
}

func (k *keeper) Question(q store.Question) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.qs = append(k.qs, q)
	return true
}

func TestAskRecords(t *testing.T) {
	k := &keeper{}
	h := NewHandler(Options{Engine: seeds(t), Recorder: k})
	tests := []struct {
		question string
		answered bool
	}{
		{"How much crypto has North Korea stolen?", true},
		{"What is the capital of France?", false},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			if r := do(h, http.MethodGet, "/ask?q="+url.QueryEscape(tt.question)); r.Status != http.StatusOK {
				t.Fatalf("status %d", r.Status)
			}
			q := k.qs[len(k.qs)-1]
			if q.Text != tt.question || q.Via != "http" || q.Answered != tt.answered || !strings.HasPrefix(q.ID, "http-") || q.Latency <= 0 {
				t.Errorf("recorded %+v; want the question, via http, answered %v, an http- id and a latency", q, tt.answered)
			}
			if tt.answered && len(q.Facts) == 0 {
				t.Errorf("an answer recorded with no cited facts")
			}
		})
	}
	if do(h, http.MethodGet, "/ask"); len(k.qs) != len(tests) {
		t.Errorf("%d questions recorded, want %d: a bad request is not a question", len(k.qs), len(tests))
	}
	if k.qs[0].ID == k.qs[1].ID {
		t.Errorf("two questions recorded under one id %q", k.qs[0].ID)
	}
}
