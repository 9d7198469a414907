package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/factbot/factbot/facts"
)

// TestLoaderReadsAdded checks that the bot on the built-in seeds also
// answers from the articles added to FACTBOT_DATA/articles, and from the
// seeds alone while that folder is missing.
func TestLoaderReadsAdded(t *testing.T) {
	data := t.TempDir()
	c := serveConfig{}
	c.Store.DataDir = data
	seeds, err := facts.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	load := c.loader()
	b, err := load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Articles()) != len(seeds.Articles()) {
		t.Fatalf("without FACTBOT_DATA/articles: %d articles, want the %d seeds", len(b.Articles()), len(seeds.Articles()))
	}
	dir := filepath.Join(data, "articles")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	article := "Thieves Rob The Bank Of Freedonia\n\nThieves stole $5 million from the Bank of Freedonia on Monday.\n"
	if err := os.WriteFile(filepath.Join(dir, "freedonia.txt"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".add-1.tmp"), []byte("half"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err = load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Articles()) != len(seeds.Articles())+1 {
		t.Fatalf("%d articles, want the seeds and the one added", len(b.Articles()))
	}
	if _, ok := b.Article("freedonia"); !ok {
		t.Error("the added article is not in the fact base")
	}
	if a := b.Ask("How much crypto has North Korea stolen?"); a.Abstained() {
		t.Error("the seeds no longer answer")
	}
	if got := c.addedDir(); got != dir {
		t.Errorf("addedDir = %q, want %q", got, dir)
	}
	c.Articles = "/srv/articles"
	if got := c.addedDir(); got != "/srv/articles" {
		t.Errorf("with an articles folder, addedDir = %q, want it", got)
	}
}
