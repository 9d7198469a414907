package bot

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
	"github.com/factbot/factbot/facts"
)

func TestArticleID(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Freedonia heist.txt", "freedonia-heist"},
		{"freedonia_heist.md", "freedonia-heist"},
		{"../../etc/passwd.txt", "passwd"},
		{"  Ünïcode  Title!!.txt", "n-code-title"},
		{".hidden.txt", "hidden"},
		{"!!!.txt", ""},
		{"\u202etxt.exe.md", "txt-exe"},
		{strings.Repeat("a", 100) + ".txt", strings.Repeat("a", 64)},
	} {
		if got := articleID(tc.in); got != tc.want {
			t.Errorf("articleID(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestAllowedHosts(t *testing.T) {
	for _, tc := range []struct {
		hosts []string
		raw   string
		want  bool
	}{
		{nil, "https://cdn.discordapp.com/attachments/1/2/a.txt", true},
		{nil, "https://media.discordapp.net/attachments/1/2/a.txt", true},
		{nil, "http://cdn.discordapp.com/attachments/1/2/a.txt", false},
		{nil, "https://cdn.discordapp.com.evil.example/a.txt", false},
		{nil, "https://user@cdn.discordapp.com/a.txt", false},
		{nil, "file:///etc/passwd", false},
		{[]string{"127.0.0.1:8080"}, "http://127.0.0.1:8080/attachments/a.txt", true},
		{[]string{"127.0.0.1:8080"}, "http://127.0.0.1:8081/attachments/a.txt", false},
	} {
		u, err := url.Parse(tc.raw)
		if err != nil {
			t.Fatal(err)
		}
		if got := (&Curation{Hosts: tc.hosts}).allowed(u); got != tc.want {
			t.Errorf("hosts %v: allowed(%s) = %v, want %v", tc.hosts, tc.raw, got, tc.want)
		}
	}
}

func TestWriteAtomic(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new")
	if err := writeAtomic(dir, "a.txt", []byte("hello")); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "a.txt" {
		t.Errorf("the folder holds %v, want a.txt alone (no temporary file left)", entries)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "a.txt")); string(data) != "hello" {
		t.Errorf("a.txt holds %q", data)
	}
}

func TestArticlesPages(t *testing.T) {
	var arts []facts.Article
	for i := range 25 {
		arts = append(arts, facts.Article{ID: fmt.Sprintf("a%02d", i), Title: fmt.Sprintf("Title %02d", i), Paragraphs: []string{"A sentence here."}})
	}
	b, err := New(Config{Token: "t"}, facts.New(arts, nil))
	if err != nil {
		t.Fatal(err)
	}
	req := &request{ctx: context.Background(), i: &discordgo.Interaction{}}
	for _, tc := range []struct {
		page              int
		first, last, foot string
		ids               []string
	}{
		{0, "Title 00", "Title 09", "Page 1 of 3", []string{"arts:-1", "arts:1"}},
		{2, "Title 20", "Title 24", "Page 3 of 3", []string{"arts:1", "arts:3"}},
		{7, "Title 20", "Title 24", "Page 3 of 3", []string{"arts:1", "arts:3"}},
	} {
		m := b.articlesPage(req, tc.page).msg
		e := m.embeds[0]
		lines := strings.Split(e.Description, "\n")
		if !strings.Contains(lines[0], tc.first) || !strings.Contains(lines[len(lines)-1], tc.last) || e.Footer.Text != tc.foot {
			t.Errorf("page %d: %q … %q, %q; want %s … %s, %s", tc.page, lines[0], lines[len(lines)-1], e.Footer.Text, tc.first, tc.last, tc.foot)
		}
		var ids []string
		for _, c := range m.components[0].(discordgo.ActionsRow).Components {
			ids = append(ids, c.(discordgo.Button).CustomID)
		}
		if strings.Join(ids, " ") != strings.Join(tc.ids, " ") {
			t.Errorf("page %d: buttons %v, want %v", tc.page, ids, tc.ids)
		}
		if !strings.Contains(e.Description, "1 facts") {
			t.Errorf("page %d does not count facts: %s", tc.page, e.Description)
		}
	}
}

func TestPlainName(t *testing.T) {
	for id, want := range map[string]bool{
		"freedonia-heist": true, "000_57d83770277fbe9f": true, "My Article": true,
		"": false, ".hidden": false, "../x": false, "a/b": false, `a\b`: false, "c:x": false, "x\u202e": false, "a\nb": false, "..": false,
	} {
		if got := plainName(id); got != want {
			t.Errorf("plainName(%q) = %v, want %v", id, got, want)
		}
	}
}
