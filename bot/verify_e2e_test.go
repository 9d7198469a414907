package bot_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"strings"
	"testing"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/live"
	"github.com/factbot/factbot/internal/store"
)

// TestVerify presses Verify under an answer of the real engine on the seed
// articles, served by a live.Base: the presser alone sees the paragraph of
// the first citation with the quote in bold, the article's SHA-256 as the
// fact base holds it, the fact's id and the snapshot id; the button of
// another citation replaces it with that citation's.
func TestVerify(t *testing.T) {
	t.Parallel()
	base := live.New(func(context.Context) (*facts.Base, error) { return facts.Seeds() }, live.Options{})
	if err := base.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	want := base.Ask(crypto)
	if len(want.Citations) < 2 {
		t.Fatalf("the engine cites %d facts for %q: this test needs two", len(want.Citations), crypto)
	}
	h := start(t, func(s *setup) { s.engine = base })
	id, token := h.ask(question(crypto))
	h.callback(token)

	press := func(customID string) response { return h.press(t, customID) }
	check := func(t *testing.T, m sent, c facts.Citation) {
		t.Helper()
		if len(m.Embeds) != 1 {
			t.Fatalf("Verify showed %d embeds, want 1", len(m.Embeds))
		}
		e := m.Embeds[0]
		art, _ := base.Article(c.Source)
		bold := "**" + words(c.Quote) + "**"
		if d := unescape(e.Description); !strings.Contains(d, bold) {
			t.Errorf("description %q lacks the quote in bold", e.Description)
		}
		para := art.Paragraphs[c.Paragraph-1]
		if d := strings.ReplaceAll(unescape(e.Description), "**", ""); d != words(para) {
			t.Errorf("description, as it reads:\n%q\nwant the paragraph:\n%q", d, para)
		}
		fields := map[string]string{}
		for _, f := range e.Fields {
			fields[f.Name] = f.Value
		}
		file, err := fs.ReadFile(facts.SeedFS(), c.Source+".txt")
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(file)
		for name, want := range map[string]string{
			"File SHA-256":    "`" + hex.EncodeToString(sum[:]) + "`",
			"Article SHA-256": "`" + live.Digest(art) + "`",
			"Fact id":         "`" + store.FactID(c.Source, c.Paragraph, c.Quote) + "`",
			"Fact base":       "`" + base.Status().Snapshot + "`",
		} {
			if fields[name] != want {
				t.Errorf("field %s = %q, want %q", name, fields[name], want)
			}
		}
	}

	r := press("verify:" + id)
	if r.Type != 4 || r.Data.Flags != 64 {
		t.Errorf("Verify: response type %d flags %d, want an ephemeral message", r.Type, r.Data.Flags)
	}
	check(t, r.Data, want.Citations[0])
	ids := r.Data.CustomIDs()
	if len(ids) != min(len(want.Citations), 5) || ids[1] != "verify:"+id+"/2" {
		t.Fatalf("Verify offered %v, want a button per citation", ids)
	}
	r = press(ids[1])
	if r.Type != 7 {
		t.Errorf("[2]: response type %d, want 7, an update of the Verify message", r.Type)
	}
	check(t, r.Data, want.Citations[1])

	for customID, note := range map[string]string{
		"verify:999":          "I no longer have the sources",
		"verify:" + id + "/9": "quotes nothing to verify",
		"verify:" + id + "/x": "I no longer have the sources",
	} {
		if r := press(customID); !strings.Contains(r.Data.Content, note) {
			t.Errorf("%s: %q, want %q", customID, r.Data.Content, note)
		}
	}
}
