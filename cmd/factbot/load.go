package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/factbot/factbot/facts"
)

// baseFlags are the options of every command that loads a fact base.
type baseFlags struct {
	articles string
	strict   bool
}

func (f *baseFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.articles, "articles", "", "folder of article files (.txt, .md) to answer from, instead of the built-in seed articles")
	fs.BoolVar(&f.strict, "strict", false, "fail when any article file cannot be read or parsed, instead of skipping it")
}

// load builds the fact base the flags ask for, reporting skipped files on
// stderr.
func (f *baseFlags) load(stderr io.Writer) (*facts.Base, error) {
	if f.articles == "" {
		return facts.Seeds()
	}
	return loadDir(f.articles, f.strict, stderr)
}

// loadDir builds a fact base from a folder, reporting skipped files on w.
func loadDir(dir string, strict bool, w io.Writer) (*facts.Base, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("articles folder: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("articles folder: %s is not a folder", dir)
	}
	b, err := facts.Load(os.DirFS(dir))
	if err != nil {
		return nil, err
	}
	for _, p := range b.Problems() {
		fmt.Fprintf(w, "factbot: skipped %s: %v\n", p.File, p.Err)
	}
	if strict && len(b.Problems()) > 0 {
		return nil, fmt.Errorf("--strict: %d article files could not be loaded", len(b.Problems()))
	}
	return b, nil
}

// parseFlags parses a command's flags, turning flag errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}
