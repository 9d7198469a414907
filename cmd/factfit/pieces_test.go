package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/eval"
)

// A piece is a run of whole paragraphs of pieceWords words or more, the
// same every time, and the whole article when it is shorter.
func TestCutPiece(t *testing.T) {
	var paras []string
	for i := range 40 {
		paras = append(paras, strings.TrimSpace(strings.Repeat(fmt.Sprintf("word%d ", i), 90))) // 90 words each
	}
	long := facts.Article{ID: "042-long", Title: "Long", Paragraphs: paras}
	p := cutPiece(long)
	if n := p.hi - p.lo; n != 5 { // 450 words: four paragraphs are 360
		t.Errorf("piece of paragraphs [%d, %d): want 5 paragraphs of 90 words", p.lo, p.hi)
	}
	if p.article.ID != long.ID || p.article.Title != long.Title || len(p.article.Paragraphs) != p.hi-p.lo || p.article.Paragraphs[0] != paras[p.lo] {
		t.Errorf("piece %+v: want the article's id, title and paragraphs [%d, %d)", p.article, p.lo, p.hi)
	}
	if again := cutPiece(long); again.lo != p.lo || again.hi != p.hi {
		t.Errorf("cut again: [%d, %d), first [%d, %d)", again.lo, again.hi, p.lo, p.hi)
	}
	// Of any length, a piece has 5 of these paragraphs; one that starts
	// too near the article's end grows backwards.
	sawEnd := false
	for n := 6; n <= 40; n++ {
		a := facts.Article{ID: long.ID, Title: long.Title, Paragraphs: paras[:n]}
		e := cutPiece(a)
		if e.hi-e.lo != 5 {
			t.Errorf("piece of %d paragraphs [%d, %d): want 5", n, e.lo, e.hi)
		}
		if start := int(hash(a.ID+"-piece") % uint64(n)); start > n-5 {
			sawEnd = true
			if e.hi != n {
				t.Errorf("piece of %d paragraphs from %d: [%d, %d), want the last 5", n, start, e.lo, e.hi)
			}
		}
	}
	if !sawEnd {
		t.Error("no length started a piece near the end: the test tests nothing there")
	}
	short := facts.Article{ID: "043-short", Title: "Short", Paragraphs: paras[:3]}
	if s := cutPiece(short); s.lo != 0 || s.hi != 3 {
		t.Errorf("piece of a 270-word article [%d, %d): want all of it", s.lo, s.hi)
	}
}

// A piece is asked the questions about its paragraphs; of the others,
// those whose answer it does not hold are near questions, no more of
// them than of the first.
func TestPieceQuestions(t *testing.T) {
	a := facts.Article{ID: "044-town", Title: "Town", Paragraphs: []string{
		"The town was founded in 1820 by millers.",
		"Its mill burned down in 1901.",
		"The mayor, Ann Lee, was elected in 1990.",
		"A bridge over the river opened in 1950.",
		"The school has 300 pupils.",
	}}
	p := piece{article: facts.Article{ID: a.ID, Title: a.Title, Paragraphs: a.Paragraphs[1:3]}, lo: 1, hi: 3}
	q := func(id string, para int, answer string) eval.Question {
		return eval.Question{ID: id, Q: "?", Source: a.ID, Paragraph: para, Facts: []string{answer}, Answers: []string{answer}}
	}
	qs := []eval.Question{
		q("founded", 1, "1820"),
		q("burned", 2, "1901"),
		q("mayor", 3, "Ann Lee"),
		q("bridge", 4, "1950"),
		q("school", 5, "300 pupils"),
		q("mill", 1, "1901"), // about another paragraph, but the piece holds its answer
	}
	ans, near := p.questions(qs)
	ids := func(qs []eval.Question) (s []string) {
		for _, q := range qs {
			s = append(s, q.ID)
		}
		return s
	}
	if got := strings.Join(ids(ans), " "); got != "burned mayor" {
		t.Errorf("answerable %q, want those of paragraphs 2 and 3", got)
	}
	near1 := ids(near)
	if len(near1) != 2 || strings.Contains(strings.Join(near1, " "), "mill") {
		t.Errorf("near %q: want two of founded, bridge and school, never mill (answered by the piece)", near1)
	}
}
