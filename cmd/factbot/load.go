package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/factbot/factbot/facts"
)

// Help for the options every command that loads a fact base shares.
const (
	articlesUsage        = "folder of article files (.txt, .md) to answer from, instead of the built-in seed articles"
	strictUsage          = "fail when any article file cannot be read or parsed, instead of skipping it"
	maxArticleBytesUsage = "skip an article file larger than this many bytes (suffixes KiB, MiB, GiB)"
	followSymlinksUsage  = "read files that symbolic links in the articles folder point to outside it (links inside it are always read)"
	defaultMaxArticle    = "16MiB"
)

// baseFlags are the options of every command that loads a fact base.
type baseFlags struct {
	articles string
	strict   bool
	opt      facts.LoadOptions
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
	f.opt.MaxArticleBytes, _ = parseSize(defaultMaxArticle)
	// The backquotes name the flag's value in help: "-max-article-bytes SIZE".
	fs.Func("max-article-bytes", "skip an article file larger than `SIZE` bytes (suffixes KiB, MiB, GiB; default "+defaultMaxArticle+")", func(v string) (err error) {
		f.opt.MaxArticleBytes, err = parseSize(v)
		return err
	})
	fs.BoolVar(&f.opt.FollowSymlinks, "follow-symlinks", false, followSymlinksUsage)
}

// load builds the fact base the flags ask for, reporting skipped files on
// stderr. It stops, with ctx's error, when ctx ends first.
func (f *baseFlags) load(ctx context.Context, stderr io.Writer) (*facts.Base, error) {
	if f.articles == "" {
		return facts.Seeds()
	}
	b, err := loadDir(ctx, f.articles, f.strict, f.opt)
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

// loadDir builds a fact base from a folder, with opt. The files it skips
// are in the base's Problems; with strict, any skipped file fails the
// load, and the error lists them.
func loadDir(ctx context.Context, dir string, strict bool, opt facts.LoadOptions) (*facts.Base, error) {
	if err := checkDir(dir); err != nil {
		return nil, fmt.Errorf("articles folder %s: %w", dir, err)
	}
	// Building makes garbage fast while what it keeps grows: collecting
	// twice as often then keeps the peak of memory, which an operator
	// provisions for, well under twice the fact base.
	defer debug.SetGCPercent(debug.SetGCPercent(buildGCPercent))
	b, err := facts.LoadDir(ctx, dir, opt)
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

// parseSize parses a size in bytes, with an optional suffix KiB, MiB or
// GiB (or K, M, G, KB, MB, GB, taken as the same powers of two); it must
// be more than 0.
func parseSize(v string) (int64, error) {
	num := strings.TrimRight(v, "KMGiBkmgib ")
	unit := strings.ToUpper(strings.TrimSpace(v[len(num):]))
	mult, ok := map[string]int64{"": 1, "B": 1, "K": 1 << 10, "KB": 1 << 10, "KIB": 1 << 10,
		"M": 1 << 20, "MB": 1 << 20, "MIB": 1 << 20, "G": 1 << 30, "GB": 1 << 30, "GIB": 1 << 30}[unit]
	n, err := strconv.ParseInt(strings.TrimSpace(num), 10, 64)
	if !ok || err != nil || n <= 0 || n > math.MaxInt64/mult {
		return 0, errors.New("want a size of more than 0 bytes, such as 16MiB or 500000")
	}
	return n * mult, nil
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
