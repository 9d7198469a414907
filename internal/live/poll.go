package live

import (
	"encoding/binary"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
)

// fingerprint sums up what polling compares: the path the folder resolves
// to, and each file and folder below it that facts.LoadDir reads (hidden
// ones left out), by name, type, size and modification time, links
// followed. A change to any of them, or an error reading one, changes it.
func (w *Watcher) fingerprint() uint64 {
	h := fnv.New64a()
	put := func(s string, n ...int64) {
		h.Write([]byte(s))
		h.Write([]byte{0})
		for _, v := range n {
			h.Write(binary.LittleEndian.AppendUint64(nil, uint64(v)))
		}
	}
	resolved, err := filepath.EvalSymlinks(w.path)
	if err != nil {
		put("error: " + err.Error())
		return h.Sum64()
	}
	put(resolved)
	filepath.WalkDir(resolved, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			put(p + ": " + err.Error())
			return nil
		}
		if p != resolved && hidden(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		info, err := os.Stat(p) // through a link, as the loader reads it
		if err != nil {
			put(p + ": " + err.Error())
			return nil
		}
		put(p, int64(info.Mode()), info.Size(), info.ModTime().UnixNano())
		return nil
	})
	return h.Sum64()
}
