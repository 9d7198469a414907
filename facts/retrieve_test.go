package facts

import (
	"cmp"
	"math"
	"slices"
	"testing"
)

// TestRetrieveIsExact checks that the first stage's skipping (terms taken
// most valuable first, then only the passages still in the running) finds
// the passages that scoring every passage in full would: the same best
// scores, on SQuAD 2.0 dev questions over its 35 articles.
func TestRetrieveIsExact(t *testing.T) {
	const dir = "../internal/eval/testdata/squad2"
	b := loadDir(t, dir+"/articles")
	qs := questionFile(t, dir+"/answerable.jsonl")
	s := b.newScratch()
	pruned := 0
	for _, q := range qs[:min(len(qs), 400)] {
		pq := parse(s.z, q.Q, s.toks[:0], s.words[:0])
		pq, _ = b.correct(s, pq)
		s.toks, s.words = pq.toks, pq.words
		c := b.compile(s, &pq)
		if c.total == 0 {
			continue
		}
		s.live = s.live[:0]
		got := scores(b.retrieve(s, &c))
		if len(s.live) > 0 {
			pruned++
		}
		want := exhaustiveTop(b, &c)
		if len(got) != len(want) {
			t.Fatalf("%q: %d passages, want %d", q.Q, len(got), len(want))
		}
		for i := range got {
			if math.Abs(float64(got[i]-want[i])) > 1e-4*float64(want[i]) {
				t.Errorf("%q: scores %v, scoring every passage %v", q.Q, got, want)
				break
			}
		}
	}
	if pruned == 0 {
		t.Error("no question pruned: the test does not reach the skipping")
	}
}

// scores returns the scores of top, best first.
func scores(top []scored) []float32 {
	var out []float32
	for _, p := range top {
		out = append(out, p.score)
	}
	slices.SortFunc(out, func(x, y float32) int { return cmp.Compare(y, x) })
	return out
}

// exhaustiveTop scores every passage for c in full, each group counting its
// best form present, and returns the best topPassages scores, best first.
func exhaustiveTop(b *Base, c *compiled) []float32 {
	pass := make([]float32, len(b.passages))
	arts := make([]float32, len(b.articles))
	for _, g := range c.groups {
		best := map[uint32]float32{}
		bestArt := map[uint32]float32{}
		for _, a := range g.alts {
			for _, p := range b.passPost.list(a.term) {
				best[p] = max(best[p], a.v)
			}
			for _, ar := range b.titlePost.list(a.term) {
				bestArt[ar] = max(bestArt[ar], a.v)
			}
		}
		for p, v := range best {
			pass[p] += v
		}
		for ar, v := range bestArt {
			arts[ar] += v
		}
	}
	var out []float32
	for p := range pass {
		if pass[p] > 0 {
			out = append(out, pass[p]*b.pnorm[p]+wTitle*arts[b.passArticle[p]])
		}
	}
	slices.SortFunc(out, func(x, y float32) int { return cmp.Compare(y, x) })
	return out[:min(len(out), topPassages)]
}
