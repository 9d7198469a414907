package facts

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
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

// Load builds a fact base from the article files (.txt, .md) in fsys and its
// subfolders, and the aliases file at its top if there is one. Hidden files
// and folders, and files of other types, are ignored. A file that cannot be
// read or parsed is skipped and reported in the base's Problems; the rest
// load. Load fails only when no article loads at all.
func Load(fsys fs.FS) (*Base, error) {
	var (
		arts     []Article
		problems []Problem
	)
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
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
		if d.IsDir() || p == AliasesFile {
			return nil
		}
		id, markdown, err := fileKind(p)
		if err != nil {
			return nil // not an article
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
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
	var aliases [][]string
	if data, err := fs.ReadFile(fsys, AliasesFile); err == nil {
		aliases = parseAliases(string(data))
	} else if !errors.Is(err, fs.ErrNotExist) {
		problems = append(problems, Problem{AliasesFile, err})
	}
	if len(arts) == 0 {
		if len(problems) > 0 {
			return nil, fmt.Errorf("%w (%d skipped; first: %v)", ErrNoArticles, len(problems), problems[0])
		}
		return nil, ErrNoArticles
	}
	slices.SortFunc(arts, func(a, b Article) int { return strings.Compare(a.ID, b.ID) })
	b := New(arts, aliases)
	b.problems = problems
	return b, nil
}

// parseAliases reads an aliases file: one group of equal names per line,
// separated by "=", with "#" comments.
func parseAliases(text string) [][]string {
	var groups [][]string
	for _, line := range strings.Split(text, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		var names []string
		for _, n := range strings.Split(line, "=") {
			if n = strings.TrimSpace(n); n != "" {
				names = append(names, n)
			}
		}
		if len(names) > 1 {
			groups = append(groups, names)
		}
	}
	return groups
}
