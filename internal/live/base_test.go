package live

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/syncbuf"
)

func TestBaseBeforeFirstLoad(t *testing.T) {
	b := New(func() (*facts.Base, error) { return nil, errors.New("never called") }, Options{})
	if err := b.Ready(); !errors.Is(err, ErrNotLoaded) {
		t.Errorf("Ready = %v, want %v", err, ErrNotLoaded)
	}
	want := facts.Answer{Question: "who?", Citations: []facts.Citation{}}
	if diff := cmp.Diff(want, b.Ask("who?")); diff != "" {
		t.Errorf("Ask (-want +got):\n%s", diff)
	}
	if got := b.Suggest("Ta", 5); got != nil {
		t.Errorf("Suggest = %q, want none", got)
	}
}

func TestReload(t *testing.T) {
	baseA := mustLoad(t, map[string]string{"bridge.txt": bridge})
	baseB := mustLoad(t, map[string]string{"bridge.txt": bridge2})
	errDisk := errors.New("disk on fire")
	type load struct {
		base *facts.Base
		err  error
	}
	tests := []struct {
		name         string
		loads        []load // Reload fails, with the load's error, when it gives no base
		want         *facts.Base
		wantReloaded int64
		wantFailed   int64
		wantLog      string // a substring of the log, if any
	}{{
		name:    "first load",
		loads:   []load{{base: baseA}},
		want:    baseA,
		wantLog: "fact base loaded",
	}, {
		name:  "first load fails: nothing to serve, nothing counted",
		loads: []load{{err: errDisk}},
		want:  nil,
	}, {
		name:         "a rebuild swaps in the new base",
		loads:        []load{{base: baseA}, {base: baseB}},
		want:         baseB,
		wantReloaded: 1,
	}, {
		name:       "a failed rebuild keeps the old base",
		loads:      []load{{base: baseA}, {err: errDisk}},
		want:       baseA,
		wantFailed: 1,
		wantLog:    "the old one stays in service",
	}, {
		name:  "a loader that returns no base fails the rebuild",
		loads: []load{{base: baseA}, {}},
		want:  baseA, wantFailed: 1,
	}, {
		name:         "serving again after a failure",
		loads:        []load{{base: baseA}, {err: errDisk}, {base: baseB}},
		want:         baseB,
		wantReloaded: 1, wantFailed: 1,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := 0
			loader := func() (*facts.Base, error) {
				l := tt.loads[i]
				i++
				return l.base, l.err
			}
			var hook fakeHook
			var logs syncbuf.Buffer
			b := New(loader, Options{Hook: &hook, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
			for n := range tt.loads {
				err := b.Reload()
				l := tt.loads[n]
				if (err == nil) != (l.base != nil) || l.err != nil && !errors.Is(err, l.err) {
					t.Errorf("Reload %d = %v, want an error (%v) only when the loader gives no base", n+1, err, l.err)
				}
			}
			if got := b.Current(); got != tt.want {
				t.Errorf("Current = %p, want %p", got, tt.want)
			}
			got := [2]int64{hook.reloaded.Load(), hook.failed.Load()}
			if want := [2]int64{tt.wantReloaded, tt.wantFailed}; got != want {
				t.Errorf("hook (reloaded, failed) = %v, want %v", got, want)
			}
			if !strings.Contains(logs.String(), tt.wantLog) {
				t.Errorf("log %q does not say %q", logs.String(), tt.wantLog)
			}
		})
	}
}

// TestReloadUnderConcurrentQuestions rebuilds the base again and again,
// alternating between two corpora that answer differently, while
// questions come in. Every answer must be exactly one that a whole base
// gives: never an error, never a mix.
func TestReloadUnderConcurrentQuestions(t *testing.T) {
	corpora := []map[string]string{
		{"bridge.txt": bridge, "comet.txt": comet, "orchard.txt": orchard},
		{"bridge.txt": bridge2, "comet.txt": comet, "orchard.txt": orchard},
	}
	var wants [2]map[string]facts.Answer
	for i, files := range corpora {
		fb := mustLoad(t, files)
		wants[i] = map[string]facts.Answer{}
		for q, src := range questions {
			a := fb.Ask(q)
			if len(a.Citations) == 0 || a.Citations[0].Source != src {
				t.Fatalf("corpus %d does not answer %q from %s: %+v", i, q, src, a)
			}
			wants[i][q] = a
		}
	}
	if cmp.Equal(wants[0], wants[1]) {
		t.Fatal("the two corpora answer alike; the test could not see a mix")
	}

	var mu sync.Mutex
	n := 0
	b := New(func() (*facts.Base, error) {
		mu.Lock()
		files := corpora[n%2]
		n++
		mu.Unlock()
		return facts.Load(mapFS(files))
	}, Options{})
	if err := b.Reload(); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go b.Run(ctx)

	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				for q := range questions {
					got := b.Ask(q)
					if !cmp.Equal(got, wants[0][q]) && !cmp.Equal(got, wants[1][q]) {
						t.Errorf("Ask(%q) during reloads = %+v, not the answer of either whole base", q, got)
						return
					}
					if len(b.Suggest("Tal", 5)) == 0 {
						t.Errorf("Suggest during reloads gave nothing")
						return
					}
				}
			}
		})
	}
	for range 20 {
		if err := b.Reload(); err != nil {
			t.Error(err)
		}
		b.Trigger() // and through Run, concurrently with the direct calls
	}
	close(stop)
	wg.Wait()
}
