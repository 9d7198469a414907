package main

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
)

// seedsWith is the seed articles with the articles added from Discord
// (FACTBOT_DATA/articles) beside them, as one file system for
// facts.LoadFS: a name is the seeds' when they have it, else the added
// folder's, and the top folder lists both. A missing added folder is an
// empty one.
type seedsWith struct {
	seeds, added fs.FS
}

// Open opens name in the seeds, or else in the added folder.
func (s seedsWith) Open(name string) (fs.File, error) {
	f, err := s.seeds.Open(name)
	if err == nil || !errors.Is(err, fs.ErrNotExist) || name == "." {
		return f, err
	}
	return s.added.Open(name)
}

// ReadDir lists name in both, the seeds' entry first where both have one.
func (s seedsWith) ReadDir(name string) ([]fs.DirEntry, error) {
	seeds, serr := fs.ReadDir(s.seeds, name)
	added, aerr := fs.ReadDir(s.added, name)
	switch {
	case serr != nil && aerr != nil:
		return nil, serr
	case aerr != nil:
		return seeds, nil
	case serr != nil && name != ".":
		return added, nil
	}
	out := slices.Clone(seeds)
	for _, e := range added {
		if !slices.ContainsFunc(seeds, func(s fs.DirEntry) bool { return s.Name() == e.Name() }) && !strings.EqualFold(e.Name(), "aliases.txt") {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}
