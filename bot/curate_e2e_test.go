package bot_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/fakediscord"
	"github.com/factbot/factbot/internal/live"
)

// heist is an article an admin adds.
const heist = `Example News

Thieves Empty The Vault Of The Central Bank Of Freedonia

Thieves stole $5 million from the Central Bank of Freedonia on Monday, police said. The robbers escaped in a red van.

Police chief Anna Smith said the investigation continues.
`

// TestCuration runs the admin's curation against the fake Discord, with
// the fake's file server as Discord's CDN, a live.Base over an articles
// folder, and the real store: a good file is added, answered from at once,
// listed with who added it, and removed; broken, binary, oversized, slow
// and foreign files are refused with their reason; members without Manage
// Server are refused by Discord's model and by the bot.
func TestCuration(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	seeds := facts.SeedFS()
	err := fs.WalkDir(seeds, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(seeds, p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, filepath.Base(p)), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	base := live.New(func(ctx context.Context) (*facts.Base, error) { return facts.LoadDir(ctx, dir, facts.LoadOptions{}) }, live.Options{})
	if err := base.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	db := openStore(t)
	h := start(t, func(s *setup) {
		s.engine = base
		s.cfg.DeferAfter = 2 * time.Second
		s.withFake = func(s *setup, f *fakediscord.Server) {
			u, _ := url.Parse(f.URL)
			s.cfg.Curation = &bot.Curation{Dir: dir, Reload: base.Reload, Records: db, Hosts: []string{u.Host}, MaxBytes: 4096, Timeout: 300 * time.Millisecond}
		}
	})
	const admin, member, manageServer = "700000000000000004", "700000000000000005", "32"
	add := func(user, perms, name, fileURL string, size int) string {
		t.Helper()
		_, token := h.memberInteraction(2, map[string]any{"id": "501", "name": "factbot", "type": 1,
			"options": []any{map[string]any{"name": "add", "type": 1, "options": []any{map[string]any{"name": "file", "type": 11, "value": "800"}}}},
			"resolved": map[string]any{"attachments": map[string]any{"800": map[string]any{
				"id": "800", "filename": name, "size": size, "url": fileURL, "proxy_url": fileURL,
			}}},
		}, user, perms)
		r := decode[response](t, h.callback(token))
		checkNoMentions(t, r.Data)
		if r.Data.Flags != 64 {
			t.Errorf("add %s: flags %d, want ephemeral", name, r.Data.Flags)
		}
		return r.Data.Text()
	}

	t.Run("add", func(t *testing.T) {
		if h.fake.Permitted("factbot", 0, false) {
			t.Error("Discord would show /factbot to a member without Manage Server")
		}
		u := h.fake.AddFile("Freedonia heist.txt", []byte(heist), 0)
		if got := add(member, "2048", "Freedonia heist.txt", u, len(heist)); !strings.Contains(got, "Manage Server") {
			t.Errorf("a member without Manage Server got %q", got)
		}
		if n := h.fake.Fetches(u); n != 0 {
			t.Errorf("the file was fetched %d times for a member who may not add it", n)
		}
		got := add(admin, manageServer, "Freedonia heist.txt", u, len(heist))
		for _, want := range []string{"Added: Thieves Empty The Vault", "Example News", "Paragraphs\n2", "Facts\n3", "freedonia-heist", "It is live now", "Names I found\nAnna Smith", "Central Bank of Freedonia", "?"} {
			if !strings.Contains(got, want) {
				t.Errorf("the reply lacks %q:\n%s", want, got)
			}
		}
		if _, err := os.Stat(filepath.Join(dir, "freedonia-heist.txt")); err != nil {
			t.Errorf("the article was not written: %v", err)
		}
		// The next /ask is answered from it, cited by its id.
		id, token := h.ask(question("How much did the thieves steal from the Central Bank of Freedonia?"))
		r := decode[response](t, h.callback(token))
		if text := unescape(r.Data.Text()); !strings.Contains(text, "$5 million") || !strings.Contains(text, "Thieves Empty The Vault") {
			t.Errorf("the next /ask is answered:\n%s\nwant $5 million, from the article added", text)
		}
		// Verify shows the hash of the file as written.
		_, token = h.interaction(3, map[string]any{"custom_id": "verify:" + id, "component_type": 2}, "")
		sum := sha256.Sum256([]byte(heist))
		if text := decode[response](t, h.callback(token)).Data.Text(); !strings.Contains(text, "File SHA-256\n`"+hex.EncodeToString(sum[:])+"`") {
			t.Errorf("Verify does not show the file's SHA-256:\n%s", text)
		}
		if got := add(admin, manageServer, "freedonia_heist.txt", u, len(heist)); !strings.Contains(got, "already") {
			t.Errorf("a second file of the same name got %q", got)
		}
	})

	t.Run("paste", func(t *testing.T) {
		_, token := h.memberInteraction(2, map[string]any{"id": "501", "name": "factbot", "type": 1,
			"options": []any{map[string]any{"name": "add", "type": 1}}}, admin, manageServer)
		modal := decode[struct {
			Type int               `json:"type"`
			Data fakediscord.Modal `json:"data"`
		}](t, h.callback(token))
		if modal.Type != 9 || len(modal.Data.Components) != 3 {
			t.Fatalf("add without a file opened %+v, want a modal of three inputs", modal)
		}
		submit := func(user, perms, title, text string) string {
			_, token := h.memberInteraction(5, map[string]any{"custom_id": modal.Data.CustomID, "components": []any{
				map[string]any{"type": 1, "components": []any{map[string]any{"type": 4, "custom_id": "title", "value": title}}},
				map[string]any{"type": 1, "components": []any{map[string]any{"type": 4, "custom_id": "publisher", "value": "The Gazette"}}},
				map[string]any{"type": 1, "components": []any{map[string]any{"type": 4, "custom_id": "text", "value": text}}},
			}}, user, perms)
			r := decode[response](t, h.callback(token))
			checkNoMentions(t, r.Data)
			return r.Data.Text()
		}
		const title, text = "Floods Close The Port Of Freedonia", "Floods closed the port of Freedonia for 12 days in March.\n\nShips waited offshore."
		if got := submit(member, "0", title, text); !strings.Contains(got, "Manage Server") {
			t.Errorf("a member without Manage Server got %q", got)
		}
		if got := submit(admin, manageServer, title, text); !strings.Contains(got, "Added: "+title) || !strings.Contains(got, "The Gazette") {
			t.Errorf("the pasted article got %q", got)
		}
		if !fileExists(dir, "floods-close-the-port-of-freedonia") {
			t.Error("the pasted article was not written")
		}
		if got := submit(admin, manageServer, "!!!", text); !strings.Contains(got, "no letters or digits") {
			t.Errorf("a title without letters got %q", got)
		}
	})

	t.Run("refused", func(t *testing.T) {
		big := strings.Repeat("A paragraph of words. ", 300)
		for _, tc := range []struct {
			name, file string
			data       []byte
			size       int
			delay      time.Duration
			foreign    bool
			want       string
			fetched    bool
		}{
			{name: "binary", file: "blob.txt", data: []byte{0x7f, 'E', 'L', 'F', 0, 0xff, 0xfe}, want: "UTF-8", fetched: true},
			{name: "no body", file: "title.md", data: []byte("# Only a title\n"), want: "no body", fetched: true},
			{name: "not text", file: "photo.png", data: []byte("x"), want: "only .txt and .md"},
			{name: "too big, said", file: "big.txt", data: []byte(big), want: "over my limit"},
			{name: "too big, unsaid", file: "big2.txt", data: []byte(big), size: 10, want: "over my limit", fetched: true},
			{name: "slow", file: "slow.txt", data: []byte(heist), delay: 2 * time.Second, want: "took longer than", fetched: true},
			{name: "foreign host", file: "foreign.txt", data: []byte(heist), foreign: true, want: "not Discord's file server"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				u := h.fake.AddFile(tc.file, tc.data, tc.delay)
				fetch := u
				if tc.foreign {
					fetch = strings.Replace(u, "127.0.0.1", "localhost", 1)
				}
				size := tc.size
				if size == 0 {
					size = len(tc.data)
				}
				got := add(admin, manageServer, tc.file, fetch, size)
				if !strings.Contains(got, "I didn't add") || !strings.Contains(got, tc.want) {
					t.Errorf("got %q, want a refusal: %s", got, tc.want)
				}
				if n := h.fake.Fetches(u); (n > 0) != tc.fetched {
					t.Errorf("fetched %d times, want fetched %v", n, tc.fetched)
				}
				if id := strings.TrimSuffix(tc.file, filepath.Ext(tc.file)); fileExists(dir, id) {
					t.Errorf("a refused file was written")
				}
			})
		}
	})

	t.Run("articles", func(t *testing.T) {
		_, token := h.memberInteraction(2, map[string]any{"id": "501", "name": "factbot", "type": 1,
			"options": []any{map[string]any{"name": "articles", "type": 1}}}, admin, manageServer)
		r := decode[response](t, h.callback(token))
		checkNoMentions(t, r.Data)
		text := r.Data.Text()
		for _, want := range []string{"My articles (4)", "Thieves Empty The Vault", "3 facts · added by user" + admin, "North Korea Reportedly Stole"} {
			if !strings.Contains(text, want) {
				t.Errorf("the list lacks %q:\n%s", want, text)
			}
		}
		for perms, want := range map[string]string{manageServer: "My articles (4)", "0": "Manage Server"} {
			_, token := h.memberInteraction(3, map[string]any{"custom_id": "arts:0", "component_type": 2}, admin, perms)
			r := decode[response](t, h.callback(token))
			if !strings.Contains(r.Data.Text(), want) {
				t.Errorf("a page turned with permissions %s: %q, want %q", perms, r.Data.Text(), want)
			}
		}
	})

	t.Run("remove", func(t *testing.T) {
		_, token := h.memberInteraction(4, map[string]any{"id": "501", "name": "factbot", "type": 1,
			"options": []any{map[string]any{"name": "remove", "type": 1, "options": []any{map[string]any{"name": "article", "type": 3, "value": "vault", "focused": true}}}}}, admin, manageServer)
		r := decode[response](t, h.callback(token))
		if len(r.Data.Choices) != 1 || r.Data.Choices[0].Name != "Thieves Empty The Vault Of The Central Bank Of Freedonia" {
			t.Fatalf("autocomplete offered %+v, want the added article", r.Data.Choices)
		}
		remove := func(user, perms, id string) string {
			_, token := h.memberInteraction(2, map[string]any{"id": "501", "name": "factbot", "type": 1,
				"options": []any{map[string]any{"name": "remove", "type": 1, "options": []any{map[string]any{"name": "article", "type": 3, "value": id}}}}}, user, perms)
			r := decode[response](t, h.callback(token))
			checkNoMentions(t, r.Data)
			return r.Data.Content
		}
		if got := remove(member, "0", "freedonia-heist"); !strings.Contains(got, "Manage Server") {
			t.Errorf("a member without Manage Server got %q", got)
		}
		if got := remove(admin, manageServer, "../../etc/passwd"); !strings.Contains(got, "can remove only") {
			t.Errorf("a path got %q", got)
		}
		if got := remove(admin, manageServer, "freedonia-heist"); !strings.Contains(got, "Removed “Thieves Empty The Vault") || !strings.Contains(got, "no longer answer") {
			t.Errorf("remove got %q", got)
		}
		if fileExists(dir, "freedonia-heist") {
			t.Error("the file is still there")
		}
		if _, ok := base.Article("freedonia-heist"); ok {
			t.Error("the fact base still has the article")
		}
		if recs, err := db.AddedArticles(ctx); err != nil || len(recs) != 1 || recs[0].ID != "floods-close-the-port-of-freedonia" {
			t.Errorf("the store lists %v (%v), want the pasted article only", recs, err)
		}
	})
}

// fileExists reports whether dir holds the article id, .txt or .md.
func fileExists(dir, id string) bool {
	for _, ext := range []string{".txt", ".md"} {
		if _, err := os.Stat(filepath.Join(dir, id+ext)); err == nil {
			return true
		}
	}
	return false
}
