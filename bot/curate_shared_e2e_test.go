package bot_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/live"
)

// TestCurationShared runs curation with the articles shared through the
// store, as processes on one PostgreSQL do (here SQLite stands in: the
// bot's side is the same): an added article goes to the store, text and
// hash, and not to the folder; the fact base, loading the store's
// articles, answers from it; Verify shows its stored SHA-256; remove
// takes it from the store alone.
func TestCurationShared(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := openStore(t)
	base := live.New(func(ctx context.Context) (*facts.Base, error) {
		files, err := db.ArticleFiles(ctx)
		if err != nil {
			return nil, err
		}
		fsys := fstest.MapFS{}
		for name, data := range files {
			fsys[name] = &fstest.MapFile{Data: data}
		}
		seeds, err := facts.Seeds()
		if len(files) == 0 {
			return seeds, err
		}
		return facts.LoadFS(ctx, fsys, facts.LoadOptions{})
	}, live.Options{})
	if err := base.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	h := start(t, func(s *setup) {
		s.engine = base
		s.cfg.DeferAfter = 2 * time.Second
		s.cfg.Curation = &bot.Curation{Dir: dir, Reload: base.Reload, Records: db, Shared: true}
	})
	const admin, manageServer = "700000000000000004", "32"
	const id, title = "floods-close-the-port-of-freedonia", "Floods Close The Port Of Freedonia"
	const text = "Floods closed the port of Freedonia for 12 days in March.\n\nShips waited offshore."

	_, token := h.memberInteraction(5, map[string]any{"custom_id": "addtext", "components": []any{
		map[string]any{"type": 1, "components": []any{map[string]any{"type": 4, "custom_id": "title", "value": title}}},
		map[string]any{"type": 1, "components": []any{map[string]any{"type": 4, "custom_id": "publisher", "value": "The Gazette"}}},
		map[string]any{"type": 1, "components": []any{map[string]any{"type": 4, "custom_id": "text", "value": text}}},
	}}, admin, manageServer)
	if got := decode[response](t, h.callback(token)).Data.Text(); !strings.Contains(got, "Added: "+title) || !strings.Contains(got, "live now") {
		t.Fatalf("the pasted article got %q", got)
	}
	if fileExists(dir, id) {
		t.Error("the article was written to the folder, not only to the store")
	}
	if _, ok := base.Article(id); !ok {
		t.Error("the fact base does not have the article from the store")
	}
	recs, err := db.AddedArticles(ctx)
	if err != nil || len(recs) != 1 || recs[0].ID != id || recs[0].Ext != ".txt" || len(recs[0].SHA256) != 64 {
		t.Fatalf("the store lists %+v (%v), want the article with its hash", recs, err)
	}
	files, err := db.ArticleFiles(ctx)
	if err != nil || !strings.Contains(string(files[id+".txt"]), text) {
		t.Errorf("the store's file of the article = %q (%v), want its text", files[id+".txt"], err)
	}

	// Verify on an answer from it shows the SHA-256 the store keeps.
	askID, token := h.ask(question("How long did floods close the port of Freedonia?"))
	h.callback(token)
	_, token = h.interaction(3, map[string]any{"custom_id": "verify:" + askID, "component_type": 2}, "")
	verified := decode[response](t, h.callback(token)).Data
	fields := map[string]string{}
	for _, e := range verified.Embeds {
		for _, f := range e.Fields {
			fields[f.Name] = f.Value
		}
	}
	if want := "`" + recs[0].SHA256 + "`"; fields["File SHA-256"] != want {
		t.Errorf("Verify shows the file's SHA-256 as %q, want the store's %q (fields %v)", fields["File SHA-256"], want, fields)
	}

	_, token = h.memberInteraction(2, map[string]any{"id": "501", "name": "factbot", "type": 1,
		"options": []any{map[string]any{"name": "remove", "type": 1, "options": []any{map[string]any{"name": "article", "type": 3, "value": id}}}}}, admin, manageServer)
	if got := decode[response](t, h.callback(token)).Data.Content; !strings.Contains(got, "Removed “"+title) || !strings.Contains(got, "no longer answer") {
		t.Errorf("remove got %q", got)
	}
	if _, ok := base.Article(id); ok {
		t.Error("the fact base still has the article")
	}
	if recs, err := db.AddedArticles(ctx); err != nil || len(recs) != 0 {
		t.Errorf("the store still lists %+v (%v)", recs, err)
	}
}
