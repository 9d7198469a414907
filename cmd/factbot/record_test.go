package main

import (
	"context"
	"testing"
	"time"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/live"
	"github.com/factbot/factbot/internal/store"
	"github.com/google/go-cmp/cmp"
)

// TestServedReports checks that the bot's report lists the articles of
// the fact base served, the uncited ones with no citations.
func TestServedReports(t *testing.T) {
	ctx := context.Background()
	db, err := store.OpenSQLite(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	base := live.New(func(context.Context) (*facts.Base, error) { return facts.Seeds() }, live.Options{})
	if err := base.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	ids := articleIDs(base.Current())
	if len(ids) != 2 {
		t.Fatalf("seed articles %v, want 2", ids)
	}
	q := store.Question{ID: "1", Text: "q", Via: "http", Answered: true, Facts: []string{store.FactID(ids[1], 1, "x")}}
	if err := db.RecordQuestion(ctx, q); err != nil {
		t.Fatal(err)
	}
	r, err := servedReports{db, base}.Report(ctx, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	want := []store.ArticleCount{{Article: ids[1], Citations: 1}, {Article: ids[0]}}
	if diff := cmp.Diff(want, r.Articles); diff != "" {
		t.Errorf("articles (-want +got):\n%s", diff)
	}
}
