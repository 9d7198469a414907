package main

import (
	"slices"
	"testing"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/eval"
)

func TestNearest(t *testing.T) {
	pool := []facts.Article{
		{ID: "violin", Title: "Violin", Paragraphs: []string{"The violin is a string instrument played with a bow. Violin makers carve the body from spruce."}},
		{ID: "cello", Title: "Cello", Paragraphs: []string{"The cello is a string instrument played with a bow, larger than the violin and tuned lower."}},
		{ID: "volcano", Title: "Volcano", Paragraphs: []string{"A volcano erupts when magma rises through the crust and lava flows down its slopes."}},
		{ID: "lava", Title: "Lava", Paragraphs: []string{"Lava is molten rock from a volcano; basalt lava flows far before it cools."}},
	}
	tp := newTopics(pool)
	for _, tt := range []struct {
		base []int
		want []string
	}{
		{[]int{0}, []string{"cello", "lava", "volcano"}}, // the other string instrument first
		{[]int{2}, []string{"lava", "cello", "violin"}},
	} {
		var base []facts.Article
		for _, i := range tt.base {
			base = append(base, pool[i])
		}
		if got := tp.nearest(base); !slices.Equal(got, tt.want) {
			t.Errorf("nearest(%v) = %v, want %v", tt.base, got, tt.want)
		}
	}
	// The base's own articles are never among them.
	if got := tp.nearest(pool[:2]); len(got) != 2 || slices.Contains(got, "violin") || slices.Contains(got, "cello") {
		t.Errorf("nearest(violin, cello) = %v, want lava and volcano", got)
	}
}

func TestNearQuestions(t *testing.T) {
	q := func(id string) eval.Question { return eval.Question{ID: id} }
	byArticle := map[string][]eval.Question{
		"a": {q("a1"), q("a2"), q("a3")},
		"b": {q("b1")},
		"c": {q("c1"), q("c2")},
		"d": {q("d1")}, // fourth nearest: never asked
	}
	ids := func(qs []eval.Question) []string {
		var s []string
		for _, q := range qs {
			s = append(s, q.ID)
		}
		return s
	}
	near := []string{"a", "b", "c", "d"}
	for _, tt := range []struct {
		n    int
		want []string
	}{
		{4, []string{"a1", "b1", "c1", "a2"}}, // from each in turn
		{9, []string{"a1", "b1", "c1", "a2", "c2", "a3"}},
		{0, nil},
	} {
		if got := ids(nearQuestions(near, byArticle, tt.n)); !slices.Equal(got, tt.want) {
			t.Errorf("nearQuestions(n=%d) = %v, want %v", tt.n, got, tt.want)
		}
	}
}
