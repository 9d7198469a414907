package facts

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
)

// article is a small article that loads; secret is one outside the
// articles folder, which must never be quoted unless links are followed.
const (
	article = "Daily Wire\n\nHarbor Bridge Opens\n\nThe harbor bridge opened on Monday after ten years of work."
	secret  = "Secret Memo\n\nThe launch code is swordfish, the memo said."
)

// loadWithin runs LoadDir, failing the test if it takes longer than a
// generous deadline: a load that blocks must fail, not hang the suite.
func loadWithin(t testing.TB, ctx context.Context, dir string, opt LoadOptions) (*Base, error) {
	t.Helper()
	type result struct {
		b   *Base
		err error
	}
	done := make(chan result, 1)
	go func() {
		b, err := LoadDir(ctx, dir, opt)
		done <- result{b, err}
	}()
	select {
	case r := <-done:
		return r.b, r.err
	case <-time.After(10 * time.Second):
		t.Fatalf("LoadDir(%s) did not return within 10s", dir)
		return nil, nil
	}
}

// mkfile writes a file, making its folder.
func mkfile(t testing.TB, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t testing.TB, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// problemKinds maps each problem's file to the sentinel its error wraps,
// by name, so that cmp.Diff can show them.
func problemKinds(b *Base) map[string]string {
	sentinels := map[string]error{
		"ErrNotRegular": ErrNotRegular, "ErrTooLarge": ErrTooLarge, "ErrOutside": ErrOutside,
		"ErrNotExist": fs.ErrNotExist, "ErrEmpty": ErrEmpty,
	}
	got := map[string]string{}
	for _, p := range b.Problems() {
		got[p.File] = "other: " + p.Err.Error()
		for name, s := range sentinels {
			if errors.Is(p, s) {
				got[p.File] = name
			}
		}
	}
	return got
}

// hostileFolder makes an articles folder holding one good article and
// every kind of file that must not be read as one, beside a folder
// outside it that holds a secret. It returns the articles folder.
func hostileFolder(t *testing.T) string {
	t.Helper()
	top := t.TempDir()
	dir := filepath.Join(top, "articles")
	mkfile(t, filepath.Join(dir, "good.txt"), article)
	mkfile(t, filepath.Join(dir, "sub", "inner.md"), "# Rain Returns\n\nFarmers welcomed the rain on Tuesday.")
	mkfile(t, filepath.Join(top, "outside", "secret.txt"), secret)
	mkfile(t, filepath.Join(dir, "huge.txt"), "Huge Title\n\n"+strings.Repeat("Many words here. ", 100))
	for _, name := range []string{"pipe.txt", AliasesFile} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	symlink(t, "pipe.txt", filepath.Join(dir, "pipe-link.txt"))
	symlink(t, "good.txt", filepath.Join(dir, "alias-inside.txt"))
	symlink(t, "sub/inner.md", filepath.Join(dir, "inner-link.md"))
	symlink(t, filepath.Join(top, "outside", "secret.txt"), filepath.Join(dir, "secret.txt"))
	symlink(t, "../outside/secret.txt", filepath.Join(dir, "relative-secret.txt"))
	symlink(t, "/dev/zero", filepath.Join(dir, "zero.txt"))
	symlink(t, "nowhere.txt", filepath.Join(dir, "dangling.txt"))
	symlink(t, "sub", filepath.Join(dir, "folder.txt"))
	ln, err := net.Listen("unix", filepath.Join(dir, "sock.txt"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	return dir
}

func TestLoadDirSkipsWhatIsNotAnArticle(t *testing.T) {
	dir := hostileFolder(t)
	common := map[string]string{
		"pipe.txt":      "ErrNotRegular",
		"pipe-link.txt": "ErrNotRegular",
		AliasesFile:     "ErrNotRegular",
		"sock.txt":      "ErrNotRegular",
		"folder.txt":    "ErrNotRegular",
		"dangling.txt":  "ErrNotExist",
		"huge.txt":      "ErrTooLarge",
	}
	with := func(extra map[string]string) map[string]string {
		m := map[string]string{}
		for k, v := range common {
			m[k] = v
		}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	tests := []struct {
		name         string
		opt          LoadOptions
		wantArticles []string
		wantProblems map[string]string
	}{{
		name:         "links outside are skipped",
		opt:          LoadOptions{MaxArticleBytes: 1000},
		wantArticles: []string{"alias-inside", "good", "inner-link", "sub/inner"},
		wantProblems: with(map[string]string{
			"secret.txt": "ErrOutside", "relative-secret.txt": "ErrOutside", "zero.txt": "ErrOutside",
		}),
	}, {
		name:         "links outside are followed when asked, to regular files only",
		opt:          LoadOptions{MaxArticleBytes: 1000, FollowSymlinks: true},
		wantArticles: []string{"alias-inside", "good", "inner-link", "relative-secret", "secret", "sub/inner"},
		wantProblems: with(map[string]string{"zero.txt": "ErrNotRegular"}),
	}, {
		name:         "the default cap reads the big file",
		opt:          LoadOptions{},
		wantArticles: []string{"alias-inside", "good", "huge", "inner-link", "sub/inner"},
		wantProblems: with(map[string]string{
			"huge.txt": "", "secret.txt": "ErrOutside", "relative-secret.txt": "ErrOutside", "zero.txt": "ErrOutside",
		}),
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := loadWithin(t, context.Background(), dir, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, a := range b.Articles() {
				ids = append(ids, a.ID)
				for _, p := range a.Paragraphs {
					if strings.Contains(p, "swordfish") && !tt.opt.FollowSymlinks {
						t.Errorf("article %s quotes the secret outside the folder", a.ID)
					}
				}
			}
			if diff := cmp.Diff(tt.wantArticles, ids); diff != "" {
				t.Errorf("articles (-want +got):\n%s", diff)
			}
			want := map[string]string{}
			for k, v := range tt.wantProblems {
				if v != "" {
					want[k] = v
				}
			}
			if diff := cmp.Diff(want, problemKinds(b)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadDirProblemsSayWhy(t *testing.T) {
	b, err := loadWithin(t, context.Background(), hostileFolder(t), LoadOptions{MaxArticleBytes: 1000})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"pipe.txt":   "pipe.txt: not a regular file: a named pipe",
		"sock.txt":   "sock.txt: not a regular file: a socket",
		"folder.txt": "folder.txt: not a regular file: a folder",
		"huge.txt":   "huge.txt: larger than the size cap of 1000 bytes: 1712 bytes",
		"secret.txt": "secret.txt: symbolic link to a file outside the articles folder",
	}
	got := map[string]string{}
	for _, p := range b.Problems() {
		if _, ok := want[p.File]; ok {
			got[p.File] = p.Error()
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problem messages (-want +got):\n%s", diff)
	}
}

func TestLoadDirFolderIsALink(t *testing.T) {
	top := t.TempDir()
	mkfile(t, filepath.Join(top, "releases", "v1", "good.txt"), article)
	// A link inside the real folder that climbs out through the link's
	// own parent must still count as outside.
	mkfile(t, filepath.Join(top, "releases", "secret.txt"), secret)
	symlink(t, "../secret.txt", filepath.Join(top, "releases", "v1", "up.txt"))
	symlink(t, filepath.Join("releases", "v1"), filepath.Join(top, "current"))

	b, err := loadWithin(t, context.Background(), filepath.Join(top, "current"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(b.Articles()); n != 1 || b.Articles()[0].ID != "good" {
		t.Errorf("articles = %v, want good only", b.Articles())
	}
	if diff := cmp.Diff(map[string]string{"up.txt": "ErrOutside"}, problemKinds(b)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestLoadDirNotAFolder(t *testing.T) {
	dir := t.TempDir()
	mkfile(t, filepath.Join(dir, "file.txt"), article)
	for _, p := range []string{filepath.Join(dir, "missing"), filepath.Join(dir, "file.txt")} {
		if _, err := LoadDir(context.Background(), p, LoadOptions{}); err == nil || !strings.HasPrefix(err.Error(), "facts: articles folder: ") {
			t.Errorf("LoadDir(%s) = %v, want a facts: articles folder error", p, err)
		}
	}
}

// endlessFS holds one file that claims to be small and regular but never
// ends, as a device behind a lying file system would.
type endlessFS struct{ fstest.MapFS }

func (e endlessFS) Open(name string) (fs.File, error) {
	f, err := e.MapFS.Open(name)
	if err != nil || name != "endless.txt" {
		return f, err
	}
	return endlessFile{f}, nil
}

type endlessFile struct{ fs.File }

func (endlessFile) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

func TestLoadFSEndlessFileIsCapped(t *testing.T) {
	fsys := endlessFS{fstest.MapFS{
		"endless.txt": {Data: []byte("tiny")},
		"good.txt":    {Data: []byte(article)},
	}}
	b, err := LoadFS(context.Background(), fsys, LoadOptions{MaxArticleBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]string{"endless.txt": "ErrTooLarge"}, problemKinds(b)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// slowFS is a file system whose files each take a while to read, as a
// big folder on a slow disk does.
type slowFS struct {
	fstest.MapFS
	delay time.Duration
}

func (s slowFS) Open(name string) (fs.File, error) {
	f, err := s.MapFS.Open(name)
	if err != nil || !strings.HasSuffix(name, ".txt") {
		return f, err
	}
	time.Sleep(s.delay)
	return f, nil
}

func TestLoadCancelled(t *testing.T) {
	files := fstest.MapFS{}
	for i := range 1000 {
		files[fmt.Sprintf("d/%04d.txt", i)] = &fstest.MapFile{Data: []byte(article)}
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	b, err := LoadFS(ctx, slowFS{files, 10 * time.Millisecond}, LoadOptions{}) // 10 s uncancelled
	took := time.Since(start)
	if !errors.Is(err, context.Canceled) || b != nil {
		t.Errorf("LoadFS cancelled = %v, %v; want context.Canceled and no base", b, err)
	}
	if took > time.Second {
		t.Errorf("LoadFS took %v to stop after cancel, want under 1s", took)
	}

	t.Run("on disk", func(t *testing.T) {
		dir := t.TempDir()
		mkfile(t, filepath.Join(dir, "good.txt"), article)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := loadWithin(t, ctx, dir, LoadOptions{}); !errors.Is(err, context.Canceled) {
			t.Errorf("LoadDir with a cancelled context = %v, want context.Canceled", err)
		}
	})
}

// TestReadFileCapsALyingSize reads through readFile directly, with a
// reader that claims nothing of its size.
func TestReadFileCapsALyingSize(t *testing.T) {
	open := func(string, fs.FileMode) (fs.File, error) {
		f, err := fstest.MapFS{"x": {Data: nil}}.Open("x")
		return endlessFile{f}, err
	}
	_, err := readFile(context.Background(), open, "x", 0, 4096)
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("readFile of an endless file = %v, want ErrTooLarge", err)
	}
	data, err := readFile(context.Background(), func(string, fs.FileMode) (fs.File, error) {
		return fstest.MapFS{"x": {Data: []byte("12345")}}.Open("x")
	}, "x", 0, 5)
	if err != nil || string(data) != "12345" {
		t.Errorf("readFile of a file at the cap = %q, %v; want it whole", data, err)
	}
}

// FuzzLoadDir builds an articles folder from a description, three bytes
// an entry (kind, name, size), and loads it: the load must end in time,
// never quote what a link outside points to, and skip each hostile file
// for its reason.
//
//	go test ./facts -run XXX -fuzz FuzzLoadDir -fuzztime 3m
func FuzzLoadDir(f *testing.F) {
	f.Add([]byte{0, 1, 10})
	f.Add([]byte{0, 1, 10, 2, 2, 0, 4, 3, 0, 7, 4, 0})
	f.Add([]byte{0, 1, 200, 1, 2, 255, 3, 3, 1, 5, 4, 0, 6, 5, 9})
	f.Add([]byte{8, 0, 0, 0, 1, 3, 9, 2, 40, 3, 3, 0, 3, 4, 3})
	f.Add([]byte{2, 0, 0, 2, 1, 0, 7, 2, 0, 4, 3, 0})
	const limit = 2048
	f.Fuzz(func(t *testing.T, desc []byte) {
		if len(desc) > 3*24 {
			desc = desc[:3*24]
		}
		top := t.TempDir()
		dir := filepath.Join(top, "articles")
		mkfile(t, filepath.Join(top, "secret.txt"), secret)
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		want := map[string]error{} // file → the sentinel its problem must wrap; nil: any outcome
		var names []string
		for i := 0; i+2 < len(desc); i += 3 {
			kind, size := desc[i]%10, int(desc[i+2])
			name := fmt.Sprintf("f%d.txt", desc[i+1]%16)
			if desc[i+1]&16 != 0 {
				name = "sub/" + name
			}
			path := filepath.Join(dir, filepath.FromSlash(name))
			if _, err := os.Lstat(path); err == nil {
				continue
			}
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			var err error
			switch kind {
			case 0: // an article
				err = os.WriteFile(path, []byte(article+strings.Repeat(" More.", size%(limit/8))), 0o644)
				want[name] = nil
			case 1: // an article over the cap
				err = os.WriteFile(path, []byte(article+strings.Repeat(" More.", limit/6+size)), 0o644)
				want[name] = ErrTooLarge
			case 2:
				err = syscall.Mkfifo(path, 0o644)
				want[name] = ErrNotRegular
			case 3: // a link to an earlier entry, or to the folder
				target := dir
				if len(names) > 0 {
					target = filepath.Join(dir, names[size%len(names)])
				}
				err = os.Symlink(target, path)
				want[name] = nil
			case 4:
				err = os.Symlink(filepath.Join(top, "secret.txt"), path)
				want[name] = ErrOutside
			case 5:
				err = os.Symlink(filepath.Join(dir, "nowhere"), path)
				want[name] = fs.ErrNotExist
			case 6: // a link to the parent folder, through a relative path
				err = os.Symlink(strings.Repeat("../", 1+strings.Count(name, "/"))+"secret.txt", path)
				want[name] = ErrOutside
			case 7:
				err = os.Symlink("/dev/zero", path)
				want[name] = ErrOutside
			case 8: // a link to itself
				err = os.Symlink(filepath.Base(path), path)
				want[name] = nil
			case 9: // binary junk
				err = os.WriteFile(path, []byte(strings.Repeat("\x00\x7f", size)), 0o644)
				want[name] = nil
			}
			if err != nil {
				t.Fatal(err)
			}
			names = append(names, name)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		b, err := loadWithin(t, ctx, dir, LoadOptions{MaxArticleBytes: limit})
		if errors.Is(err, ErrNoArticles) {
			return
		}
		if err != nil {
			t.Fatalf("LoadDir = %v, want a base or ErrNoArticles", err)
		}
		for _, a := range b.Articles() {
			for _, p := range a.Paragraphs {
				if strings.Contains(p, "swordfish") {
					t.Errorf("article %s quotes the secret outside the folder", a.ID)
				}
				if len(p) > limit {
					t.Errorf("article %s has a paragraph of %d bytes, over the cap", a.ID, len(p))
				}
			}
		}
		for _, p := range b.Problems() {
			sentinel, ok := want[p.File]
			if !ok {
				t.Errorf("problem with %s, which was not made: %v", p.File, p.Err)
			} else if sentinel != nil && !errors.Is(p, sentinel) {
				t.Errorf("%s: %v, want %v", p.File, p.Err, sentinel)
			}
		}
		if n := len(b.Articles()) + len(b.Problems()); n > len(names) {
			t.Errorf("%d articles and problems from %d files", n, len(names))
		}
	})
}
