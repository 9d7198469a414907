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
	"time"

	"github.com/fsnotify/fsnotify"
)

// A Watcher reports changes to the files in a folder and its subfolders.
type Watcher struct {
	w        *fsnotify.Watcher
	debounce time.Duration
	log      *slog.Logger
}

// NewWatcher starts watching dir and every folder below it. Changes are
// reported by Run, which must be called to release the watch.
//
// The debounce is how long the folder must stay quiet before a change is
// reported, so that copying many files causes one rebuild, not one each.
func NewWatcher(dir string, debounce time.Duration, log *slog.Logger) (*Watcher, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("live: watch %s: %w", dir, err)
	}
	w := &Watcher{w: fw, debounce: debounce, log: log}
	if err := w.addTree(dir); err != nil {
		fw.Close()
		return nil, fmt.Errorf("live: watch %s: %w", dir, err)
	}
	return w, nil
}

// addTree watches dir and the folders below it, as facts.Load walks them.
func (w *Watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && hidden(d.Name()) {
			return fs.SkipDir
		}
		return w.w.Add(p)
	})
}

// Run calls changed once the folder has been quiet for the debounce after
// one or more changes, until ctx is done; then it releases the watch. A
// folder created below the watched one is watched too.
func (w *Watcher) Run(ctx context.Context, changed func()) {
	defer w.w.Close()
	quiet := time.NewTimer(time.Hour)
	quiet.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.w.Events:
			if !ok {
				return
			}
			if !relevant(ev) {
				continue
			}
			if ev.Has(fsnotify.Create) && !hidden(filepath.Base(ev.Name)) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					if err := w.addTree(ev.Name); err != nil && !errors.Is(err, fs.ErrNotExist) {
						w.log.Warn("cannot watch new folder", "folder", ev.Name, "err", err)
					}
				}
			}
			quiet.Reset(w.debounce)
		case err, ok := <-w.w.Errors:
			if !ok {
				return
			}
			// An overflow loses events; the rebuild it asks for catches up.
			w.log.Warn("watching articles", "err", err)
			quiet.Reset(w.debounce)
		case <-quiet.C:
			changed()
		}
	}
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
