package live

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/syncbuf"
)

func TestBaseBeforeFirstLoad(t *testing.T) {
	b := New(func(context.Context) (*facts.Base, error) { return nil, errors.New("never called") }, Options{})
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
			loader := func(context.Context) (*facts.Base, error) {
				l := tt.loads[i]
				i++
				return l.base, l.err
			}
			var hook fakeHook
			var logs syncbuf.Buffer
			b := New(loader, Options{Hook: &hook, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
			for n := range tt.loads {
				err := b.Reload(context.Background())
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
	b := New(func(context.Context) (*facts.Base, error) {
		mu.Lock()
		files := corpora[n%2]
		n++
		mu.Unlock()
		return facts.Load(mapFS(files))
	}, Options{})
	if err := b.Reload(context.Background()); err != nil {
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
		if err := b.Reload(context.Background()); err != nil {
			t.Error(err)
		}
		b.Trigger() // and through Run, concurrently with the direct calls
	}
	close(stop)
	wg.Wait()
}

// slowLoader returns a loader that gives first, then blocks every later
// load until its context ends.
func slowLoader(first *facts.Base) Loader {
	var n atomic.Int64
	return func(ctx context.Context) (*facts.Base, error) {
		if n.Add(1) == 1 {
			return first, nil
		}
		<-ctx.Done()
		return nil, ctx.Err()
	}
}

func TestReloadTimesOut(t *testing.T) {
	baseA := mustLoad(t, map[string]string{"bridge.txt": bridge})
	var hook fakeHook
	var logs syncbuf.Buffer
	b := New(slowLoader(baseA), Options{Hook: &hook, Timeout: 50 * time.Millisecond, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err := b.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	err := b.Reload(context.Background())
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("a rebuild with a 50ms timeout took %v", took)
	}
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "took longer than 50ms") {
		t.Errorf("Reload = %v, want a timeout that says so", err)
	}
	if b.Current() != baseA {
		t.Error("the old base is no longer in service")
	}
	st := b.Status()
	if st.Snapshot != Snapshot(baseA) || st.Failed.IsZero() || !errors.Is(st.Err, context.DeadlineExceeded) {
		t.Errorf("Status = %+v, want baseA's snapshot and the failure", st)
	}
	if hook.failed.Load() != 1 {
		t.Errorf("%d failures counted, want 1", hook.failed.Load())
	}
	if want := "fact base reload failed; the old one stays in service"; !strings.Contains(logs.String(), want) {
		t.Errorf("log %q does not say %q", logs.String(), want)
	}
}

func TestReloadCancelled(t *testing.T) {
	baseA := mustLoad(t, map[string]string{"bridge.txt": bridge})
	var hook fakeHook
	b := New(slowLoader(baseA), Options{Hook: &hook})
	if err := b.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	start := time.Now()
	if err := b.Reload(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Reload = %v, want context.Canceled", err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("a cancelled rebuild took %v to stop", took)
	}
	if hook.failed.Load() != 0 || b.Status().Err != nil {
		t.Errorf("a rebuild stopped at shutdown counted as failed: %d, %v", hook.failed.Load(), b.Status().Err)
	}
}

func TestSnapshot(t *testing.T) {
	a1 := mustLoad(t, map[string]string{"bridge.txt": bridge, "comet.txt": comet})
	a2 := mustLoad(t, map[string]string{"comet.txt": comet, "bridge.txt": bridge})
	b := mustLoad(t, map[string]string{"bridge.txt": bridge2, "comet.txt": comet})
	if Snapshot(a1) != Snapshot(a2) {
		t.Errorf("the same articles give two snapshots: %s, %s", Snapshot(a1), Snapshot(a2))
	}
	if Snapshot(a1) == Snapshot(b) {
		t.Errorf("different articles give one snapshot %s", Snapshot(a1))
	}
	if len(Snapshot(a1)) != 12 {
		t.Errorf("Snapshot = %q, want 12 hex digits", Snapshot(a1))
	}
}
