package facts

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// goodFiles are articles that load. Their paragraphs hold no list markers,
// so that their facts, joined, give back every word of them.
var goodFiles = map[string]string{
	"alpha.txt": "Daily Wire\n\nHarbor Bridge Opens After Ten Years\n\n" +
		"The harbor bridge opened on Monday. It cost $2.1 billion, said Mayor Ann Lee.\n\n" +
		"Work began in 2014.\nCrews worked in three shifts.",
	"sub/beta.md": "# Rain Returns To The Valley\n\nFarmers welcomed the rain.\n\n## Reactions\n\n" +
		"“It is about time,” said one farmer. Prices fell 3.5% the next day.",
	"sub/deeper/gamma.txt": "---\ntitle: Gamma Title\npublisher: Gamma Press\n---\n" +
		"A paragraph in a deep folder.\n\nAnother one, with U.S. spelling.",
}

// brokenFiles are skipped, each for its reason.
var brokenFiles = map[string]struct {
	data string
	err  error
}{
	"bad-utf8.txt":         {"Title\n\nBody \xff\xfe.", ErrNotUTF8},
	"empty.txt":            {"", ErrEmpty},
	"blank.md":             {" \n\n\t\n", ErrEmpty},
	"binary.txt":           {"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00Title\n\nBody", ErrBinary},
	"sub/frontmatter.txt":  {"---\ntitle: Never Closed\n\nBody.", ErrFrontMatter},
	"sub/title-only.txt":   {"Only A Title\n", ErrNoBody},
	"sub/deeper/latin1.md": {"Caf\xe9 Opens\n\nBody.", ErrNotUTF8},
}

func brokenData() map[string]string {
	m := map[string]string{}
	for name, f := range brokenFiles {
		m[name] = f.data
	}
	return m
}

// ignoredFiles are not articles: hidden files and folders, other types.
var ignoredFiles = map[string]string{
	".hidden.txt":           "Hidden Title\n\nHidden body.",
	".drafts/draft.txt":     "Draft Title\n\nDraft body.",
	"sub/.cache/c.md":       "# Cached\n\nCached body.",
	"notes.json":            `{"title": "not an article"}`,
	"photo.png":             "\x89PNG\r\n\x1a\n\x00",
	"README":                "Readme Title\n\nReadme body.",
	"sub/article.txt.bak":   "Backup\n\nBackup body.",
	"sub/deeper/index.html": "<html></html>",
	AliasesFile:             "# names\nHarbor Bridge = Kestrel Crossing\n",
}

func mapFS(files ...map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for _, fm := range files {
		for name, data := range fm {
			m[name] = &fstest.MapFile{Data: []byte(data)}
		}
	}
	return m
}

func TestLoad(t *testing.T) {
	b, err := Load(mapFS(goodFiles, brokenData(), ignoredFiles))
	if err != nil {
		t.Fatal(err)
	}

	var ids []string
	for _, a := range b.Articles() {
		ids = append(ids, a.ID)
	}
	if diff := cmp.Diff([]string{"alpha", "sub/beta", "sub/deeper/gamma"}, ids); diff != "" {
		t.Errorf("article ids mismatch (-want +got):\n%s", diff)
	}

	t.Run("good files keep every paragraph", func(t *testing.T) {
		for _, a := range b.Articles() {
			name := a.ID + ".txt"
			markdown := false
			if _, ok := goodFiles[name]; !ok {
				name, markdown = a.ID+".md", true
			}
			want, err := ParseArticle(a.ID, []byte(goodFiles[name]), markdown)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if diff := cmp.Diff(want, a); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
			}
		}
	})

	t.Run("facts cover every word of every paragraph", func(t *testing.T) {
		got := map[string][]string{} // "id#paragraph" → the words of its facts
		b.Facts(func(f Fact) bool {
			k := fmt.Sprintf("%s#%d", f.Article.ID, f.Paragraph)
			got[k] = append(got[k], strings.Fields(f.Text)...)
			return true
		})
		want := map[string][]string{}
		for _, a := range b.Articles() {
			for i, p := range a.Paragraphs {
				want[fmt.Sprintf("%s#%d", a.ID, i+1)] = strings.Fields(p)
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("facts mismatch (-want +got):\n%s", diff)
		}
	})

	t.Run("the aliases file is read", func(t *testing.T) {
		// "Kestrel Crossing" is only in the aliases file, as another name
		// of the Harbor Bridge: only through it does it match anything.
		e := b.Explain("Kestrel Crossing")
		if len(e.Concepts) == 0 || len(e.Concepts[0].Terms) == 0 {
			t.Errorf("Kestrel Crossing matches nothing: %+v", e.Concepts)
		}
	})

	t.Run("broken files are problems", func(t *testing.T) {
		got := map[string]error{}
		for _, p := range b.Problems() {
			got[p.File] = p.Err
			if !strings.Contains(p.Error(), p.File) {
				t.Errorf("Problem.Error() = %q does not name the file %q", p.Error(), p.File)
			}
			if !errors.Is(p, p.Err) {
				t.Errorf("Problem %v does not unwrap to its error", p)
			}
		}
		for name, f := range brokenFiles {
			if err, ok := got[name]; !ok {
				t.Errorf("%s: not reported", name)
			} else if !errors.Is(err, f.err) {
				t.Errorf("%s: error = %v, want %v", name, err, f.err)
			}
			delete(got, name)
		}
		for name, err := range got {
			t.Errorf("%s: unexpected problem %v", name, err)
		}
	})
}

// unreadableFS is a file system where one file cannot be opened.
type unreadableFS struct {
	fs.FS
	bad string
}

var errUnreadable = errors.New("permission denied")

func (u unreadableFS) Open(name string) (fs.File, error) {
	if name == u.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: errUnreadable}
	}
	return u.FS.Open(name)
}

func TestLoadUnreadable(t *testing.T) {
	fsys := unreadableFS{mapFS(goodFiles, map[string]string{"locked.txt": "Locked\n\nBody."}), "locked.txt"}
	b, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(b.Articles()); n != len(goodFiles) {
		t.Errorf("loaded %d articles, want %d", n, len(goodFiles))
	}
	ps := b.Problems()
	if len(ps) != 1 || ps[0].File != "locked.txt" || !errors.Is(ps[0], errUnreadable) {
		t.Errorf("Problems() = %v, want locked.txt: %v", ps, errUnreadable)
	}
}

func TestLoadNoArticles(t *testing.T) {
	tests := []struct {
		name string
		fsys fs.FS
	}{
		{"empty folder", fstest.MapFS{}},
		{"only broken files", mapFS(brokenData())},
		{"only files that are not articles", mapFS(ignoredFiles)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Load(tt.fsys)
			if !errors.Is(err, ErrNoArticles) {
				t.Errorf("Load() error = %v, want ErrNoArticles", err)
			}
			if b != nil {
				t.Errorf("Load() base = %v, want nil", b)
			}
		})
	}
}

func TestSeeds(t *testing.T) {
	b, err := Seeds()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range b.Articles() {
		ids = append(ids, a.ID)
	}
	if want := []string{"000_57d83770277fbe9f", "003_0b01d940f1db74a4"}; !slices.Equal(ids, want) {
		t.Errorf("Seeds() articles = %q, want %q", ids, want)
	}
	if p := b.Problems(); len(p) != 0 {
		t.Errorf("Seeds() problems = %v", p)
	}
	if b.Len() < 30 {
		t.Errorf("Seeds() has %d facts, want at least 30", b.Len())
	}
}

// TestAliasWiderName: an alias that is a part of another name of its group
// once matching drops its stop words would make every mention of that part
// a mention of the group; it is left out and reported, and the rest of its
// group stays.
func TestAliasWiderName(t *testing.T) {
	groups, bad := parseAliases("South Korea = ROK = S. Korea\n# a comment\nKim Jong-un = Kim Jong Un\n")
	want := [][]string{{"South Korea", "ROK"}, {"Kim Jong-un", "Kim Jong Un"}}
	if diff := cmp.Diff(want, groups); diff != "" {
		t.Errorf("groups (-want +got):\n%s", diff)
	}
	if len(bad) != 1 || !strings.Contains(bad[0].Error(), `"S. Korea"`) || !strings.Contains(bad[0].Error(), "line 1") {
		t.Errorf("errors = %v, want one for line 1's \"S. Korea\"", bad)
	}
	b, err := Load(mapFS(map[string]string{
		"a.txt":     "Harbour\n\nThe harbour of South Korea opened. Korea's north has ports too.",
		AliasesFile: "South Korea = S. Korea\n",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if ps := b.Problems(); len(ps) != 1 || ps[0].File != AliasesFile {
		t.Errorf("problems = %v, want one of %s", ps, AliasesFile)
	}
}
