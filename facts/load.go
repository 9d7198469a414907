package facts

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"github.com/factbot/factbot/facts/internal/text"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"unsafe"
)

// AliasesFile is the name of the optional file, beside the articles, that
// lists names particular to a corpus, one group of equal names per line:
//
//	# comments and blank lines are ignored
//	North Korea = DPRK = Democratic People's Republic of Korea
//
// A question that uses one name of a group matches facts that use another.
const AliasesFile = "aliases.txt"

// ErrNoArticles is returned when a folder holds no article that could be read.
var ErrNoArticles = errors.New("facts: no readable articles")

// A Problem is a file that was skipped, and why.
type Problem struct {
	File string // path within the articles folder
	Err  error
}

func (p Problem) Error() string { return fmt.Sprintf("%s: %v", p.File, p.Err) }

func (p Problem) Unwrap() error { return p.Err }

//go:embed seeds
var seedFS embed.FS

// Seeds returns the default fact base: the seed articles embedded in the
// binary, with their aliases.
func Seeds() (*Base, error) {
	sub, err := fs.Sub(seedFS, "seeds")
	if err != nil {
		return nil, fmt.Errorf("facts: seeds: %w", err)
	}
	return Load(sub)
}

// SeedFS returns the embedded seed articles as a file system, in the layout
// Load reads.
func SeedFS() fs.FS {
	sub, _ := fs.Sub(seedFS, "seeds")
	return sub
}

// DefaultMaxArticleBytes is the size cap of one article file (and of the
// aliases file) when LoadOptions leaves it at zero.
const DefaultMaxArticleBytes = 16 << 20

// Errors that explain why a file was skipped before it was parsed. They are
// wrapped with details; test for them with errors.Is.
var (
	// ErrNotRegular is a named pipe, socket, device or folder where an
	// article file was expected. It is never opened for reading.
	ErrNotRegular = errors.New("not a regular file")
	// ErrTooLarge is a file larger than the size cap.
	ErrTooLarge = errors.New("larger than the size cap")
	// ErrOutside is a symbolic link whose target is outside the articles
	// folder, which is read only when LoadOptions.FollowSymlinks is set.
	ErrOutside = errors.New("symbolic link to a file outside the articles folder")
)

// LoadOptions configure LoadDir and LoadFS. The zero value is the safe
// default.
type LoadOptions struct {
	// MaxArticleBytes caps the size of each file read; a larger one is
	// skipped with ErrTooLarge. Zero means DefaultMaxArticleBytes.
	MaxArticleBytes int64

	// FollowSymlinks reads files that symbolic links point to outside the
	// folder. Without it such a link is skipped with ErrOutside; links
	// whose targets stay inside the folder are always read.
	FollowSymlinks bool
}

func (o LoadOptions) maxBytes() int64 {
	if o.MaxArticleBytes <= 0 {
		return DefaultMaxArticleBytes
	}
	return o.MaxArticleBytes
}

// Load builds a fact base from the article files in fsys, as LoadFS does,
// with the default options and no deadline.
func Load(fsys fs.FS) (*Base, error) {
	return LoadFS(context.Background(), fsys, LoadOptions{})
}

// LoadFS builds a fact base from the article files (.txt, .md) in fsys and
// its subfolders, and the aliases file at its top if there is one. Hidden
// files and folders, and files of other types, are ignored. A file that
// cannot be read or parsed, is not a regular file, or is larger than the
// size cap is skipped and reported in the base's Problems; the rest load.
// LoadFS fails when no article loads at all, or when ctx ends first.
//
// An fs.FS cannot open a file without blocking: a folder on disk is read
// with LoadDir, which can.
func LoadFS(ctx context.Context, fsys fs.FS, opt LoadOptions) (*Base, error) {
	open := func(name string, typ fs.FileMode) (fs.File, error) {
		if err := checkType(typ &^ fs.ModeSymlink); err != nil {
			return nil, err
		}
		info, err := fs.Stat(fsys, name) // follows a link
		if err != nil {
			return nil, err
		}
		if err := checkType(info.Mode()); err != nil {
			return nil, err
		}
		return fsys.Open(name)
	}
	return load(ctx, fsys, open, opt)
}

// LoadDir builds a fact base from the folder dir, as LoadFS does, but
// safely for a folder that others write to: only regular files are
// opened, without blocking, so that a named pipe cannot hang the load nor
// a device exhaust memory; and a symbolic link is read only if its target
// is inside the folder, unless opt.FollowSymlinks. dir itself may be a
// symbolic link: it is resolved once, at the start.
func LoadDir(ctx context.Context, dir string, opt LoadOptions) (*Base, error) {
	resolved, err := ResolveDir(dir)
	if err != nil {
		return nil, fmt.Errorf("facts: articles folder: %w", err)
	}
	root, err := os.OpenRoot(resolved)
	if err != nil {
		return nil, fmt.Errorf("facts: articles folder: %w", err)
	}
	defer root.Close()
	open := func(name string, typ fs.FileMode) (fs.File, error) {
		if typ&fs.ModeSymlink == 0 {
			if err := checkType(typ); err != nil {
				return nil, err
			}
			return root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
		}
		target, err := filepath.EvalSymlinks(filepath.Join(resolved, filepath.FromSlash(name)))
		if err != nil {
			return nil, fmt.Errorf("broken symbolic link: %w", err)
		}
		outside := !within(resolved, target)
		if outside && !opt.FollowSymlinks {
			return nil, ErrOutside
		}
		info, err := os.Stat(target)
		if err != nil {
			return nil, err
		}
		if err := checkType(info.Mode()); err != nil {
			return nil, err
		}
		if outside {
			return os.OpenFile(target, os.O_RDONLY|syscall.O_NONBLOCK, 0)
		}
		// Through the root, which refuses a link changed meanwhile to
		// point outside.
		return root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	}
	return load(ctx, root.FS(), open, opt)
}

// ResolveDir returns the absolute path of the folder dir, with every
// symbolic link in it resolved, or an error if it is not a folder.
func ResolveDir(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	resolved, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return "", err
	}
	info, err := os.Stat(resolved)
	if err != nil {
		return "", err
	}
	if !info.IsDir() {
		return "", fmt.Errorf("%s: not a folder", dir)
	}
	return resolved, nil
}

// within reports whether path is dir or below it; both are absolute and
// resolved.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// checkType returns an error wrapping ErrNotRegular, naming the kind of
// file, unless mode is a regular file's.
func checkType(mode fs.FileMode) error {
	var kind string
	switch {
	case mode.IsRegular():
		return nil
	case mode&fs.ModeNamedPipe != 0:
		kind = "a named pipe"
	case mode&fs.ModeSocket != 0:
		kind = "a socket"
	case mode&fs.ModeDevice != 0, mode&fs.ModeCharDevice != 0:
		kind = "a device"
	case mode.IsDir():
		kind = "a folder"
	case mode&fs.ModeSymlink != 0:
		kind = "a symbolic link"
	default:
		kind = "of type " + mode.Type().String()
	}
	return fmt.Errorf("%w: %s", ErrNotRegular, kind)
}

// An opener opens the file name, whose entry in its folder has type typ,
// for reading without blocking, or says why it will not.
type opener func(name string, typ fs.FileMode) (fs.File, error)

// load walks fsys and builds a fact base from what open reads.
func load(ctx context.Context, fsys fs.FS, open opener, opt LoadOptions) (*Base, error) {
	var (
		arts     []Article
		problems []Problem
		aliases  [][]string
		limit    = opt.maxBytes()
	)
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err != nil {
			if p == "." {
				return err
			}
			problems = append(problems, Problem{p, err})
			return nil
		}
		name := d.Name()
		if p != "." && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if p == AliasesFile {
			data, err := readFile(ctx, open, p, d.Type(), limit)
			if err != nil {
				problems = append(problems, Problem{p, err})
			} else {
				var bad []error
				aliases, bad = parseAliases(string(data))
				for _, err := range bad {
					problems = append(problems, Problem{p, err})
				}
			}
			return nil
		}
		id, markdown, err := fileKind(p)
		if err != nil {
			return nil // not an article
		}
		data, err := readFile(ctx, open, p, d.Type(), limit)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			problems = append(problems, Problem{p, err})
			return nil
		}
		// The articles keep their text: no copy of it is made, since
		// nothing else holds data.
		a, err := parseArticle(id, unsafe.String(unsafe.SliceData(data), len(data)), markdown)
		if err != nil {
			problems = append(problems, Problem{p, err})
			return nil
		}
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("facts: read articles: %w", err)
	}
	if len(arts) == 0 {
		if len(problems) > 0 {
			return nil, fmt.Errorf("%w (%d skipped; first: %v)", ErrNoArticles, len(problems), problems[0])
		}
		return nil, ErrNoArticles
	}
	slices.SortFunc(arts, func(a, b Article) int { return strings.Compare(a.ID, b.ID) })
	b, err := build(ctx, arts, aliases)
	if err != nil {
		return nil, err
	}
	b.problems = problems
	return b, nil
}

// build builds the base from its articles, or returns when ctx ends
// first. The build itself does not watch ctx: once abandoned it runs to
// its end in the background, and its result is dropped.
func build(ctx context.Context, arts []Article, aliases [][]string) (*Base, error) {
	built := make(chan *Base, 1)
	go func() { built <- New(arts, aliases) }()
	select {
	case b := <-built:
		return b, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("facts: build: %w", ctx.Err())
	}
}

// readChunk is how much readFile reads between two looks at its context.
const readChunk = 1 << 20

// readFile reads the file p through open, up to limit bytes: a larger one,
// whatever its size claims, fails with ErrTooLarge after limit+1 bytes have
// been read. It stops early when ctx ends.
func readFile(ctx context.Context, open opener, p string, typ fs.FileMode, limit int64) ([]byte, error) {
	f, err := open(p, typ)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	// Checked again on the open file: it may have been swapped.
	if err := checkType(info.Mode()); err != nil {
		return nil, err
	}
	if info.Size() > limit {
		return nil, fmt.Errorf("%w of %d bytes: %d bytes", ErrTooLarge, limit, info.Size())
	}
	r := io.LimitReader(f, limit+1)
	data := make([]byte, 0, min(info.Size(), limit)+1)
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):min(cap(data), len(data)+readChunk)])
		data = data[:len(data)+n]
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w of %d bytes", ErrTooLarge, limit)
	}
	return data, nil
}

// parseAliases reads an aliases file: one group of equal names per line,
// separated by "=", with "#" comments. A name that has stop words, which
// matching drops, and is left with fewer words than another name of its
// group, all among them ("S. Korea" is "korea" beside "South Korea"), would
// make every mention of those words a mention of the group: it is left out,
// and reported among the errors. ("Britain" beside "Great Britain" is kept:
// it lost nothing.)
func parseAliases(data string) ([][]string, []error) {
	var groups [][]string
	var bad []error
	z := text.NewTokenizer()
	for ln, line := range strings.Split(data, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		var names [][]string
		var kept []string
		var lost []bool // the name has stop words, which matching drops
		for _, n := range strings.Split(line, "=") {
			if n = strings.TrimSpace(n); n != "" {
				kept = append(kept, n)
				names = append(names, foldedWords(z, n))
				words := 0
				for _, t := range z.Tokenize(n) {
					if t.Flags&text.Aux == 0 {
						words++
					}
				}
				lost = append(lost, len(names[len(names)-1]) < words)
			}
		}
		out := kept[:0]
		for i, n := range kept {
			if other := widerName(names, i); lost[i] && other >= 0 {
				bad = append(bad, fmt.Errorf("line %d: %q, less its stop words, is part of %q: left out", ln+1, n, kept[other]))
				continue
			}
			out = append(out, n)
		}
		if len(out) > 1 {
			groups = append(groups, out)
		}
	}
	return groups, bad
}

// widerName returns the index of a name of names that has every word of
// names[i] and more, or -1.
func widerName(names [][]string, i int) int {
	for j, o := range names {
		if j != i && len(o) > len(names[i]) && !slices.ContainsFunc(names[i], func(w string) bool { return !slices.Contains(o, w) }) {
			return j
		}
	}
	return -1
}
