package live

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/factbot/factbot/facts"
)

// WatchOptions configure a Watcher.
type WatchOptions struct {
	// Debounce is how long the folder must stay quiet before a change is
	// reported, so that copying many files causes one rebuild, not one
	// each.
	Debounce time.Duration

	// Poll is how often the folder is looked at for changes when file
	// notifications are unavailable, fail, or cannot cover all of it.
	// Zero means 10 seconds.
	Poll time.Duration

	Logger *slog.Logger // nil logs nothing
}

// A WatchState says how a Watcher follows its folder.
type WatchState struct {
	Folder   string        // the folder watched, every link in its path resolved; "" while it is missing
	Notified bool          // file notifications cover the whole folder
	Polling  time.Duration // the interval of polling, when notifications do not cover it; else 0
	Reason   string        // why it is polling, if it is
}

// A Watcher reports changes to the files in an articles folder and its
// subfolders. It follows the folder through deletion and re-creation,
// through a swap by rename ("mv new articles") and, when the folder's path
// is or passes through a symbolic link, through a swap of the link (a
// Kubernetes "..data" link, a "current" release link): it also watches the
// folder's parent, resolves the path again after each change, and re-arms
// itself on whatever folder the path now names. Where notifications
// cannot cover the folder (the platform has none, the kernel's limit is
// reached, a subfolder cannot be read) it polls instead, and says so.
type Watcher struct {
	path     string // the folder as configured, absolute
	debounce time.Duration
	poll     time.Duration
	log      *slog.Logger

	w         *fsnotify.Watcher // nil when notifications are unavailable
	notifyErr error             // why w is nil

	// Used by the goroutine of Run only, and before it by NewWatcher.
	resolved  string          // the folder armed, resolved
	root      os.FileInfo     // the folder armed, to tell when it is replaced
	watched   map[string]bool // folders with a notification watch
	dirty     bool            // a watched folder moved: re-arm from scratch
	lastPrint uint64          // fingerprint of the folder, while polling

	state atomic.Pointer[WatchState]
}

// defaultPoll is the polling interval when WatchOptions leaves it at zero.
const defaultPoll = 10 * time.Second

// NewWatcher starts watching the folder dir and every folder below it,
// as facts.LoadDir reads them. It fails only if dir is not a folder.
// Changes are reported by Run, which must be called to release the watch.
func NewWatcher(dir string, opt WatchOptions) (*Watcher, error) {
	if _, err := facts.ResolveDir(dir); err != nil {
		return nil, fmt.Errorf("live: watch %s: %w", dir, err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("live: watch %s: %w", dir, err)
	}
	w := &Watcher{path: abs, debounce: opt.Debounce, poll: opt.Poll, log: opt.Logger, watched: map[string]bool{}}
	if w.poll <= 0 {
		w.poll = defaultPoll
	}
	if w.log == nil {
		w.log = slog.New(slog.DiscardHandler)
	}
	if w.w, err = fsnotify.NewWatcher(); err != nil {
		w.notifyErr = err
	}
	w.state.Store(&WatchState{})
	w.arm()
	return w, nil
}

// State returns how the Watcher follows its folder now.
func (w *Watcher) State() WatchState { return *w.state.Load() }

// Run calls changed once the folder has been quiet for the debounce after
// one or more changes, or after the path was found to name another
// folder, until ctx is done; then it releases the watch.
func (w *Watcher) Run(ctx context.Context, changed func()) {
	var (
		events <-chan fsnotify.Event
		errs   <-chan error
	)
	if w.w != nil {
		defer w.w.Close()
		events, errs = w.w.Events, w.w.Errors
	}
	quiet := time.NewTimer(time.Hour)
	quiet.Stop()
	ticker := time.NewTicker(w.poll)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-events:
			if !ok { // notifications stopped for good: poll
				events, errs = nil, nil
				w.w, w.notifyErr = nil, errors.New("file notifications stopped")
				clear(w.watched)
				w.arm()
				continue
			}
			if w.event(ev) {
				quiet.Reset(w.debounce)
			}
		case err, ok := <-errs:
			if !ok {
				errs = nil // the events channel closes too, and says so
				continue
			}
			// An overflow loses events: re-arm, and rebuild to catch up.
			w.log.Warn("watching articles", "err", err)
			w.dirty = true
			quiet.Reset(w.debounce)
		case <-ticker.C:
			before := w.resolved
			w.arm()
			if w.State().Polling == 0 {
				if w.resolved != before {
					quiet.Reset(w.debounce)
				}
				continue
			}
			if p := w.fingerprint(); p != w.lastPrint || w.resolved != before {
				w.lastPrint = p
				quiet.Reset(w.debounce)
			}
		case <-quiet.C:
			// Armed first: a change from now on is seen, and the rebuild
			// that changed starts reads everything before it.
			w.arm()
			if w.State().Polling > 0 {
				w.lastPrint = w.fingerprint()
			}
			changed()
		}
	}
}

// event takes note of one notification, and reports whether it may change
// the fact base.
func (w *Watcher) event(ev fsnotify.Event) bool {
	if dir := filepath.Dir(ev.Name); dir == filepath.Dir(w.path) && dir != w.resolved && ev.Name != w.path {
		return false // a neighbour of the folder, in the parent watched
	}
	if ev.Name == w.path || ev.Name == w.resolved {
		w.dirty = true // the folder itself, or the link to it, replaced or gone
		return true
	}
	if !relevant(ev) {
		return false
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		if w.watched[ev.Name] {
			w.dirty = true // a watched subfolder moved; its watch keeps a stale name
		}
	}
	if ev.Has(fsnotify.Create) && !hidden(filepath.Base(ev.Name)) {
		if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
			if errs := w.addTree(ev.Name); len(errs) > 0 {
				w.degrade(fmt.Sprintf("cannot watch %v", errors.Join(errs...)))
			}
		}
	}
	return true
}

// arm makes the watches cover what the path names now: the folder's
// parent, and the folder and every folder below it. What notifications
// cannot cover is polled.
func (w *Watcher) arm() {
	resolved, err := facts.ResolveDir(w.path)
	var root os.FileInfo
	if err == nil {
		root, err = os.Stat(resolved)
	}
	if err != nil {
		w.resolved, w.root = "", nil
		w.reset()
		w.addParent()
		w.degrade(fmt.Sprintf("articles folder unavailable: %v", err))
		return
	}
	if w.w == nil {
		w.resolved, w.root = resolved, root
		w.degrade(fmt.Sprintf("file notifications unavailable: %v", w.notifyErr))
		return
	}
	if w.dirty || resolved != w.resolved || w.root == nil || !os.SameFile(root, w.root) {
		if w.resolved != "" && (resolved != w.resolved || !os.SameFile(root, w.root)) {
			w.log.Info("articles folder replaced; re-arming the watch", "folder", resolved)
		}
		w.reset()
	}
	w.resolved, w.root, w.dirty = resolved, root, false
	errs := w.addParent()
	errs = append(errs, w.addTree(resolved)...)
	if len(errs) > 0 {
		w.degrade(fmt.Sprintf("cannot watch %v", errors.Join(errs...)))
		return
	}
	if old := w.State(); !old.Notified || old.Folder != resolved {
		w.log.Info("watching the articles folder", "folder", resolved, "folders", len(w.watched))
	}
	w.state.Store(&WatchState{Folder: resolved, Notified: true})
}

// reset removes every notification watch.
func (w *Watcher) reset() {
	for p := range w.watched {
		if w.w != nil {
			w.w.Remove(p) // fails for a folder gone, whose watch went with it
		}
	}
	clear(w.watched)
}

// addParent watches the folder that holds the configured path, to see the
// path deleted, created or swapped.
func (w *Watcher) addParent() []error {
	parent := filepath.Dir(w.path)
	if w.w == nil || parent == w.path || w.watched[parent] {
		return nil
	}
	if err := w.w.Add(parent); err != nil {
		return []error{fmt.Errorf("%s: %w", parent, err)}
	}
	w.watched[parent] = true
	return nil
}

// addTree watches dir and the folders below it, as facts.LoadDir walks
// them: hidden folders and links are not followed. A folder that cannot
// be watched is returned, and the rest are still watched.
func (w *Watcher) addTree(dir string) []error {
	var errs []error
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && hidden(d.Name()) {
			return fs.SkipDir
		}
		if w.watched[p] {
			return nil
		}
		if err := w.w.Add(p); err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, fmt.Errorf("%s: %w", p, err))
			}
			return fs.SkipDir
		}
		w.watched[p] = true
		return nil
	})
	return errs
}

// degrade notes that notifications do not cover the folder: it is polled.
func (w *Watcher) degrade(reason string) {
	if old := w.State(); old.Polling == 0 || old.Reason != reason {
		w.log.Warn("polling the articles folder for changes", "interval", w.poll, "reason", reason)
		if old.Polling == 0 {
			w.lastPrint = w.fingerprint()
		}
	}
	w.state.Store(&WatchState{Folder: w.resolved, Polling: w.poll, Reason: reason})
}

// relevant reports whether an event may change the fact base. Changes of
// mode alone, and changes to hidden files (editor swap files), do not.
// Names starting with ".." do: Kubernetes updates a mounted ConfigMap by
// swapping its "..data" link.
func relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	name := filepath.Base(ev.Name)
	return !hidden(name) || strings.HasPrefix(name, "..")
}

// hidden reports whether a file or folder name is hidden, as facts.Load
// sees it: it starts with a dot.
func hidden(name string) bool { return strings.HasPrefix(name, ".") }
