package live

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/syncbuf"
)

// runWatcher runs w until the test ends, counting its reports.
func runWatcher(t *testing.T, w *Watcher) *atomic.Int64 {
	t.Helper()
	var calls atomic.Int64
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		w.Run(ctx, func() { calls.Add(1) })
		close(done)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return &calls
}

func mkdir(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(path, 0o755); err != nil {
		t.Fatal(err)
	}
}

func rename(t *testing.T, from, to string) {
	t.Helper()
	if err := os.Rename(from, to); err != nil {
		t.Fatal(err)
	}
}

func link(t *testing.T, target, path string) {
	t.Helper()
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
}

// sources returns the articles a load of dir finds.
func sources(t *testing.T, dir string) string {
	t.Helper()
	b, err := facts.LoadDir(context.Background(), dir, facts.LoadOptions{})
	if err != nil {
		return err.Error()
	}
	var ids []string
	for _, a := range b.Articles() {
		ids = append(ids, a.ID)
	}
	return strings.Join(ids, ",")
}

// TestWatcherFollowsTheFolder replaces the articles folder in each of the
// ways deploy tools do, and checks that the watcher reports it, watches
// the new folder (a file written into it afterwards is reported too), and
// that a load then reads the new folder.
func TestWatcherFollowsTheFolder(t *testing.T) {
	tests := []struct {
		name   string
		setup  func(t *testing.T, top string) string // makes the folder, holding bridge.txt; returns the path to watch
		change func(t *testing.T, top, path string)  // replaces it with one holding comet.txt
	}{{
		name: "deleted and re-created",
		setup: func(t *testing.T, top string) string {
			put(t, filepath.Join(top, "articles", "bridge.txt"), bridge)
			return filepath.Join(top, "articles")
		},
		change: func(t *testing.T, top, path string) {
			if err := os.RemoveAll(path); err != nil {
				t.Fatal(err)
			}
			time.Sleep(50 * time.Millisecond) // a deploy tool's pause; the watcher must not lose the folder
			mkdir(t, path)
			put(t, filepath.Join(path, "comet.txt"), comet)
		},
	}, {
		name: "swapped with mv",
		setup: func(t *testing.T, top string) string {
			put(t, filepath.Join(top, "articles", "bridge.txt"), bridge)
			return filepath.Join(top, "articles")
		},
		change: func(t *testing.T, top, path string) {
			put(t, filepath.Join(top, "articles.new", "comet.txt"), comet)
			rename(t, path, filepath.Join(top, "articles.old"))
			rename(t, filepath.Join(top, "articles.new"), path)
		},
	}, {
		name: "Kubernetes ..data link swapped inside the folder",
		setup: func(t *testing.T, top string) string {
			path := filepath.Join(top, "config")
			put(t, filepath.Join(path, "..2026_01", "bridge.txt"), bridge)
			link(t, "..2026_01", filepath.Join(path, "..data"))
			link(t, "..data/bridge.txt", filepath.Join(path, "bridge.txt"))
			return path
		},
		change: func(t *testing.T, top, path string) {
			put(t, filepath.Join(path, "..2026_02", "comet.txt"), comet)
			link(t, "..2026_02", filepath.Join(path, "..data_tmp"))
			rename(t, filepath.Join(path, "..data_tmp"), filepath.Join(path, "..data"))
			link(t, "..data/comet.txt", filepath.Join(path, "comet.txt"))
			if err := os.Remove(filepath.Join(path, "bridge.txt")); err != nil {
				t.Fatal(err)
			}
			if err := os.RemoveAll(filepath.Join(path, "..2026_01")); err != nil {
				t.Fatal(err)
			}
		},
	}, {
		name: "the folder is the ..data link, swapped",
		setup: func(t *testing.T, top string) string {
			put(t, filepath.Join(top, "config", "..2026_01", "bridge.txt"), bridge)
			link(t, "..2026_01", filepath.Join(top, "config", "..data"))
			return filepath.Join(top, "config", "..data")
		},
		change: func(t *testing.T, top, path string) {
			put(t, filepath.Join(top, "config", "..2026_02", "comet.txt"), comet)
			link(t, "..2026_02", filepath.Join(top, "config", "..data_tmp"))
			rename(t, filepath.Join(top, "config", "..data_tmp"), path)
		},
	}, {
		name: "the folder is a release link, swapped",
		setup: func(t *testing.T, top string) string {
			put(t, filepath.Join(top, "releases", "v1", "bridge.txt"), bridge)
			link(t, filepath.Join("releases", "v1"), filepath.Join(top, "current"))
			return filepath.Join(top, "current")
		},
		change: func(t *testing.T, top, path string) {
			put(t, filepath.Join(top, "releases", "v2", "comet.txt"), comet)
			link(t, filepath.Join("releases", "v2"), filepath.Join(top, "next"))
			rename(t, filepath.Join(top, "next"), path)
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			top := t.TempDir()
			path := tt.setup(t, top)
			if got := sources(t, path); got != "bridge" {
				t.Fatalf("before the change, the folder loads %q, want bridge", got)
			}
			w, err := NewWatcher(path, WatchOptions{Debounce: 20 * time.Millisecond, Poll: time.Hour})
			if err != nil {
				t.Fatal(err)
			}
			if st := w.State(); !st.Notified || st.Polling != 0 {
				t.Fatalf("State = %+v, want notifications", st)
			}
			calls := runWatcher(t, w)

			tt.change(t, top, path)
			eventually(t, "the change is reported", func() bool { return calls.Load() > 0 })
			if got := sources(t, path); got != "comet" {
				t.Errorf("after the change, the folder loads %q, want comet", got)
			}
			resolved, err := filepath.EvalSymlinks(path)
			if err != nil {
				t.Fatal(err)
			}
			eventually(t, "the watcher is armed on the new folder", func() bool {
				st := w.State()
				return st.Notified && st.Folder == resolved
			})

			n := calls.Load()
			time.Sleep(100 * time.Millisecond) // let the change's own events settle
			n = max(n, calls.Load())
			put(t, filepath.Join(path, "orchard.txt"), orchard)
			eventually(t, "a file written into the new folder is reported", func() bool { return calls.Load() > n })
		})
	}
}

// deepFolder makes a chain of folders below dir whose path is longer than
// the system allows, so that no watch can be put on its deepest folders,
// even by root. It returns the first folder of the chain.
func deepFolder(t *testing.T, dir string) string {
	t.Helper()
	name := strings.Repeat("d", 200)
	r, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	for range 25 { // 25 × 201 bytes: more than PATH_MAX (4096)
		if err := r.Mkdir(name, 0o755); err != nil {
			t.Fatal(err)
		}
		next, err := r.OpenRoot(name)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		r = next
	}
	r.Close()
	return filepath.Join(dir, name)
}

// TestWatcherPollsWhatItCannotWatch checks that a subfolder that cannot
// be watched does not turn watching off: the rest is still notified, the
// watcher polls, says so with its interval, and reports a change that
// only polling can see.
func TestWatcherPollsWhatItCannotWatch(t *testing.T) {
	dir := t.TempDir()
	put(t, filepath.Join(dir, "bridge.txt"), bridge)
	deepFolder(t, dir)
	var logs syncbuf.Buffer
	w, err := NewWatcher(dir, WatchOptions{
		Debounce: 10 * time.Millisecond, Poll: 50 * time.Millisecond,
		Logger: slog.New(slog.NewTextHandler(&logs, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	st := w.State()
	if st.Notified || st.Polling != 50*time.Millisecond || !strings.Contains(st.Reason, "cannot watch") {
		t.Errorf("State = %+v, want polling every 50ms because a folder cannot be watched", st)
	}
	if want := `msg="polling the articles folder for changes" interval=50ms`; !strings.Contains(logs.String(), want) {
		t.Errorf("log %q does not say %q", logs.String(), want)
	}
	calls := runWatcher(t, w)
	put(t, filepath.Join(dir, "comet.txt"), comet)
	eventually(t, "a change beside the deep folder is reported", func() bool { return calls.Load() > 0 })
}

// TestWatcherWithoutNotifications checks the fallback when the platform
// gives no notifications at all: the watcher polls, and a changed file
// (of the same size, in place) is reported.
func TestWatcherWithoutNotifications(t *testing.T) {
	dir := t.TempDir()
	put(t, filepath.Join(dir, "bridge.txt"), bridge)
	w, err := NewWatcher(dir, WatchOptions{Debounce: 10 * time.Millisecond, Poll: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	// As NewWatcher leaves it when fsnotify.NewWatcher fails.
	w.w.Close()
	w.w, w.notifyErr = nil, errors.New("too many open files")
	w.reset()
	w.arm()
	if st := w.State(); st.Polling == 0 || !strings.Contains(st.Reason, "too many open files") {
		t.Fatalf("State = %+v, want polling because notifications are unavailable", st)
	}
	calls := runWatcher(t, w)
	time.Sleep(50 * time.Millisecond) // a later modification time
	put(t, filepath.Join(dir, "bridge.txt"), bridge2)
	eventually(t, "polling reports the change", func() bool { return calls.Load() > 0 })
	n := calls.Load()
	time.Sleep(200 * time.Millisecond) // ten polls of a folder that does not change
	if got := calls.Load(); got != n {
		t.Errorf("polling reported %d changes of a quiet folder", got-n)
	}
}

// put writes a file, making its folder.
func put(t *testing.T, path, text string) {
	t.Helper()
	mkdir(t, filepath.Dir(path))
	write(t, path, text)
}

// TestWatcherIgnoresNeighbours checks that changes beside the folder, in
// the parent it watches, are not reported, while the folder is there and
// while it is missing.
func TestWatcherIgnoresNeighbours(t *testing.T) {
	top := t.TempDir()
	path := filepath.Join(top, "articles")
	put(t, filepath.Join(path, "bridge.txt"), bridge)
	w, err := NewWatcher(path, WatchOptions{Debounce: 10 * time.Millisecond, Poll: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	calls := runWatcher(t, w)
	for i := range 5 {
		put(t, filepath.Join(top, "neighbour", "x.txt"), comet)
		write(t, filepath.Join(top, "other.txt"), strings.Repeat("x", i))
	}
	time.Sleep(100 * time.Millisecond) // ten debounces
	if n := calls.Load(); n != 0 {
		t.Errorf("changes beside the folder were reported %d times, want none", n)
	}

	rename(t, path, filepath.Join(top, "gone"))
	eventually(t, "the folder's disappearance is reported", func() bool { return calls.Load() > 0 })
	time.Sleep(50 * time.Millisecond)
	n := calls.Load()
	write(t, filepath.Join(top, "other.txt"), "while the folder is missing")
	time.Sleep(100 * time.Millisecond)
	if got := calls.Load(); got != n {
		t.Errorf("a change beside the missing folder was reported %d times, want none", got-n)
	}
}

// TestWatcherNotificationsStop closes the notifications under a running
// watcher, as when the platform's watcher dies: it falls back to polling,
// and still reports a change.
func TestWatcherNotificationsStop(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "bridge.txt"), bridge)
	w, err := NewWatcher(dir, WatchOptions{Debounce: 10 * time.Millisecond, Poll: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	notify := w.w
	calls := runWatcher(t, w)
	notify.Close()
	eventually(t, "the watcher polls", func() bool { return w.State().Polling > 0 })
	if st := w.State(); st.Notified || st.Reason != "file notifications unavailable: file notifications stopped" {
		t.Errorf("State = %+v", st)
	}
	n := calls.Load()
	time.Sleep(30 * time.Millisecond) // a later modification time
	write(t, filepath.Join(dir, "comet.txt"), comet)
	eventually(t, "polling reports the change", func() bool { return calls.Load() > n })
}
