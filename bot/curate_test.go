package bot

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
