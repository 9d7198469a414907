package live

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/syncbuf"
)

func TestRelevant(t *testing.T) {
	tests := []struct {
		ev   fsnotify.Event
		want bool
	}{
		{fsnotify.Event{Name: "a/x.txt", Op: fsnotify.Write}, true},
		{fsnotify.Event{Name: "a/x.md", Op: fsnotify.Create}, true},
		{fsnotify.Event{Name: "a/x.txt", Op: fsnotify.Remove}, true},
		{fsnotify.Event{Name: "a/x.txt", Op: fsnotify.Rename}, true},
		{fsnotify.Event{Name: "a/sub", Op: fsnotify.Create}, true},
		{fsnotify.Event{Name: "a/aliases.txt", Op: fsnotify.Write}, true},
		{fsnotify.Event{Name: "a/x.txt", Op: fsnotify.Chmod}, false},
		{fsnotify.Event{Name: "a/.x.txt.swp", Op: fsnotify.Write}, false},
		{fsnotify.Event{Name: "a/..data", Op: fsnotify.Create}, true},
	}
	for _, tt := range tests {
		t.Run(tt.ev.String(), func(t *testing.T) {
			if got := relevant(tt.ev); got != tt.want {
				t.Errorf("relevant(%v) = %v, want %v", tt.ev, got, tt.want)
			}
		})
	}
}

// watch starts a Watcher on dir that counts its reports, and stops it when
// the test ends.
func watch(t *testing.T, dir string, debounce time.Duration) *atomic.Int64 {
	t.Helper()
	w, err := NewWatcher(dir, WatchOptions{Debounce: debounce})
	if err != nil {
		t.Fatal(err)
	}
	return runWatcher(t, w)
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWatcherDebounces(t *testing.T) {
	dir := t.TempDir()
	calls := watch(t, dir, 100*time.Millisecond)
	for _, name := range []string{"a.txt", "b.txt", "c.md", "d.txt", "e.txt"} {
		write(t, filepath.Join(dir, name), comet)
	}
	eventually(t, "the watcher reports the change", func() bool { return calls.Load() > 0 })
	time.Sleep(300 * time.Millisecond) // three debounces: long enough for a second report to show
	if got := calls.Load(); got != 1 {
		t.Errorf("five files written at once were reported %d times, want once", got)
	}
}

func TestWatcherSeesNewSubfolders(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "old"), 0o755); err != nil {
		t.Fatal(err)
	}
	calls := watch(t, dir, 30*time.Millisecond)
	reported := func(what string, change func()) {
		t.Helper()
		n := calls.Load()
		change()
		eventually(t, what, func() bool { return calls.Load() > n })
	}
	reported("a change in an existing subfolder is reported", func() {
		write(t, filepath.Join(dir, "old", "a.txt"), comet)
	})
	reported("a new subfolder is reported", func() {
		if err := os.Mkdir(filepath.Join(dir, "new"), 0o755); err != nil {
			t.Fatal(err)
		}
	})
	reported("a change in the new subfolder is reported", func() {
		write(t, filepath.Join(dir, "new", "b.txt"), comet)
	})
}

func TestNewWatcherMissingFolder(t *testing.T) {
	_, err := NewWatcher(filepath.Join(t.TempDir(), "nope"), WatchOptions{Debounce: time.Millisecond})
	if err == nil || !strings.HasPrefix(err.Error(), "live: watch ") {
		t.Errorf("NewWatcher on a missing folder = %v, want a live: watch error", err)
	}
}

// TestBrokenFileDuringReload adds a broken file to the articles folder
// while a rebuild is under way, with questions coming in all along. The
// rebuild that follows skips and reports the broken file, and every other
// article keeps answering, the new one included.
func TestBrokenFileDuringReload(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "bridge.txt"), bridge)
	write(t, filepath.Join(dir, "comet.txt"), comet)

	var (
		builds   atomic.Int64
		building = make(chan struct{}) // the first rebuild has read the folder
		finish   = make(chan struct{}) // lets it swap its base in
	)
	var logs syncbuf.Buffer
	var hook fakeHook
	b := New(func(context.Context) (*facts.Base, error) {
		fb, err := facts.Load(os.DirFS(dir))
		if builds.Add(1) == 2 { // the first rebuild after the initial load
			close(building)
			<-finish
		}
		return fb, err
	}, Options{Logger: slog.New(slog.NewTextHandler(&logs, nil)), Hook: &hook})
	if err := b.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	w, err := NewWatcher(dir, WatchOptions{Debounce: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { w.Run(ctx, b.Trigger) })
	wg.Go(func() { b.Run(ctx) })

	// Questions about the articles loaded at start, all along.
	stop := make(chan struct{})
	var asked sync.WaitGroup
	for range 4 {
		asked.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				for q, src := range questions {
					if src == "orchard" {
						continue // not there at first
					}
					if a := b.Ask(q); len(a.Citations) == 0 || a.Citations[0].Source != src {
						t.Errorf("Ask(%q) = %+v, want an answer from %s", q, a, src)
						return
					}
				}
			}
		})
	}

	write(t, filepath.Join(dir, "orchard.txt"), orchard)
	<-building
	write(t, filepath.Join(dir, "broken.txt"), "binary\x00junk")
	close(finish)

	eventually(t, "a rebuild includes the broken file", func() bool {
		fb := b.Current()
		return len(fb.Problems()) == 1 && fb.Problems()[0].File == "broken.txt"
	})
	close(stop)
	asked.Wait()
	for q, src := range questions {
		if a := b.Ask(q); len(a.Citations) == 0 || a.Citations[0].Source != src {
			t.Errorf("after the reload, Ask(%q) = %+v, want an answer from %s", q, a, src)
		}
	}
	if want := `msg="skipped article file" file=broken.txt`; !strings.Contains(logs.String(), want) {
		t.Errorf("log %q does not report the broken file (%s)", logs.String(), want)
	}
	if got := hook.failed.Load(); got != 0 {
		t.Errorf("%d rebuilds failed, want none: a broken file is skipped, not fatal", got)
	}
	cancel()
	wg.Wait()
}
