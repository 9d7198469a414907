package store

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// fakeStore records what it is asked to keep; block, if set, holds each
// write until it is closed.
type fakeStore struct {
	mu        sync.Mutex
	questions []Question
	votes     []Vote
	block     chan struct{}
	entered   chan struct{} // if set, gets a value as each write begins
	fail      error
}

func (f *fakeStore) RecordQuestion(ctx context.Context, q Question) error {
	if f.entered != nil {
		f.entered <- struct{}{}
	}
	if f.block != nil {
		<-f.block
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.questions = append(f.questions, q)
	return f.fail
}

func (f *fakeStore) RecordVote(ctx context.Context, v Vote) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.votes = append(f.votes, v)
	return f.fail
}

func (f *fakeStore) Report(context.Context, time.Time) (Report, error) { return Report{}, nil }
func (f *fakeStore) Purge(context.Context, time.Time) (int64, error)   { return 0, nil }
func (f *fakeStore) Forget(context.Context, string) (int64, error)     { return 0, nil }
func (f *fakeStore) Close() error                                      { return nil }

func TestWriterFlushesOnClose(t *testing.T) {
	f := &fakeStore{}
	w := NewWriter(f, WriterOptions{Snapshot: func() string { return "snap" }})
	when := time.Unix(100, 0)
	for _, id := range []string{"1", "2", "3"} {
		if !w.Question(Question{ID: id, Time: when}) {
			t.Fatalf("question %s not queued", id)
		}
	}
	w.Vote(Vote{AnswerID: "1", UserID: "u", Time: when, Helpful: true})
	if err := w.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	want := []Question{{ID: "1", Time: when, Snapshot: "snap"}, {ID: "2", Time: when, Snapshot: "snap"}, {ID: "3", Time: when, Snapshot: "snap"}}
	if diff := cmp.Diff(want, f.questions); diff != "" {
		t.Errorf("questions written (-want +got):\n%s", diff)
	}
	if len(f.votes) != 1 {
		t.Errorf("%d votes written, want 1", len(f.votes))
	}
	if w.Question(Question{ID: "late"}) || w.Dropped() != 1 {
		t.Errorf("a question after Close: dropped %d, want 1", w.Dropped())
	}
}

func TestWriterDropsWhenFull(t *testing.T) {
	tests := []struct {
		name       string
		queue, ask int
		wantDrop   int64
	}{
		{"fits", 4, 4, 0},
		{"two too many", 4, 6, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fakeStore{block: make(chan struct{}), entered: make(chan struct{}, 100)}
			var hook int64
			var mu sync.Mutex
			w := NewWriter(f, WriterOptions{Queue: tt.queue, Gather: time.Millisecond, Dropped: func() { mu.Lock(); hook++; mu.Unlock() }})
			// The writer takes the first record and blocks on it: one more
			// than the queue holds fits.
			w.Question(Question{ID: "first"})
			<-f.entered
			start := time.Now()
			for range tt.ask {
				w.Question(Question{ID: "q"})
			}
			if took := time.Since(start); took > time.Second {
				t.Errorf("queuing took %v with the store blocked", took)
			}
			close(f.block)
			if err := w.Close(context.Background()); err != nil {
				t.Fatal(err)
			}
			mu.Lock()
			defer mu.Unlock()
			if w.Dropped() != tt.wantDrop || hook != tt.wantDrop {
				t.Errorf("dropped %d (hook %d), want %d", w.Dropped(), hook, tt.wantDrop)
			}
		})
	}
}

func TestWriterCountsFailedWrites(t *testing.T) {
	f := &fakeStore{fail: errors.New("disk full")}
	w := NewWriter(f, WriterOptions{})
	w.Question(Question{ID: "1"})
	if err := w.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if w.Dropped() != 1 {
		t.Errorf("dropped %d after a failed write, want 1", w.Dropped())
	}
}

func TestWriterCloseTimesOut(t *testing.T) {
	f := &fakeStore{block: make(chan struct{})}
	defer close(f.block)
	w := NewWriter(f, WriterOptions{})
	w.Question(Question{ID: "1"})
	w.Question(Question{ID: "2"})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := w.Close(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Close with the store blocked: %v, want DeadlineExceeded", err)
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Who is the Mayor?", "who is the mayor"},
		{"  who   is the mayor ", "who is the mayor"},
		{"How much—$5 million?", "how much 5 million"},
		{"Qui est le maire ?", "qui est le maire"},
		{"???", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFactID(t *testing.T) {
	id := FactID("000_abc", 2, "It is alleged that they have stolen.")
	if got := FactArticle(id); got != "000_abc" {
		t.Errorf("FactArticle(%q) = %q", id, got)
	}
	if id != FactID("000_abc", 2, "It is alleged that they have stolen.") || id == FactID("000_abc", 2, "Another.") {
		t.Errorf("FactID is not a function of its inputs: %q", id)
	}
}
