package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"

	"github.com/factbot/factbot/facts"
)

// Help for the options every command that loads a fact base shares.
const (
	articlesUsage = "folder of article files (.txt, .md) to answer from, instead of the built-in seed articles"
	strictUsage   = "fail when any article file cannot be read or parsed, instead of skipping it"
)

// baseFlags are the options of every command that loads a fact base.
type baseFlags struct {
	articles string
	strict   bool
}

// newBaseFlagSet returns the flag set of a command that loads a fact base,
// with the --articles and --strict flags, writing its usage to stderr.
func newBaseFlagSet(name string, stderr io.Writer) (*flag.FlagSet, *baseFlags) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	bf := new(baseFlags)
	bf.register(fs)
	return fs, bf
}

func (f *baseFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.articles, "articles", "", articlesUsage)
	fs.BoolVar(&f.strict, "strict", false, strictUsage)
}

// load builds the fact base the flags ask for, reporting skipped files on
// stderr.
func (f *baseFlags) load(stderr io.Writer) (*facts.Base, error) {
	if f.articles == "" {
		return facts.Seeds()
	}
	b, err := loadDir(f.articles, f.strict)
	if err != nil {
		return nil, err
	}
	for _, p := range b.Problems() {
		fmt.Fprintf(stderr, "factbot: skipped %s: %v\n", p.File, p.Err)
	}
	return b, nil
}

// buildGCPercent is the garbage collector's GOGC while a fact base is built
// from a folder.
const buildGCPercent = 50

// loadDir builds a fact base from a folder. The files it skips are in the
// base's Problems; with strict, any skipped file fails the load, and the
// error lists them.
func loadDir(dir string, strict bool) (*facts.Base, error) {
	if err := checkDir(dir); err != nil {
		return nil, fmt.Errorf("articles folder %s: %w", dir, err)
	}
	// Building makes garbage fast while what it keeps grows: collecting
	// twice as often then keeps the peak of memory, which an operator
	// provisions for, well under twice the fact base.
	defer debug.SetGCPercent(debug.SetGCPercent(buildGCPercent))
	b, err := facts.Load(os.DirFS(dir))
	if err != nil {
		return nil, err
	}
	if ps := b.Problems(); strict && len(ps) > 0 {
		errs := make([]error, len(ps))
		for i, p := range ps {
			errs[i] = p
		}
		return nil, fmt.Errorf("strict: %d article files could not be loaded:\n%w", len(ps), errors.Join(errs...))
	}
	return b, nil
}

// checkDir returns an error unless dir is a folder.
func checkDir(dir string) error {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such folder")
	case err != nil:
		return err
	case !info.IsDir():
		return errors.New("not a folder")
	}
	return nil
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
