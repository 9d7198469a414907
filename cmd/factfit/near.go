package main

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/eval"
)

// Questions about another article are easy negatives when the article is
// about something else (a base on Chopin asked about antibiotics): most of
// their words are unknown to the base. People ask a bot about what its
// articles are about, so the negatives it meets are mostly on the same
// topic: questions about the articles nearest the base's, by their words.
// The general measure asks them apart from the others. (Fitted on as more
// negatives, they taught the confidence nothing: abstention on them and on
// the adversary's twins fell by up to 0.02 at the same false abstentions.)

// topics holds the articles of a pool as tf-idf vectors, to find an
// article's nearest neighbours.
type topics struct {
	ids  []string
	vecs []map[string]float64 // unit length
}

// newTopics builds the vectors of the articles of pool: for each word of
// three letters or more, log(1 + its count) times its idf over the pool.
func newTopics(pool []facts.Article) *topics {
	t := &topics{}
	counts := make([]map[string]int, len(pool))
	df := map[string]int{}
	for i, a := range pool {
		c := map[string]int{}
		for _, p := range append([]string{a.Title}, a.Paragraphs...) {
			for _, w := range strings.FieldsFunc(strings.ToLower(p), func(r rune) bool { return !unicode.IsLetter(r) }) {
				if len(w) >= 3 {
					c[w]++
				}
			}
		}
		for w := range c {
			df[w]++
		}
		counts[i] = c
	}
	n := float64(len(pool))
	for i, a := range pool {
		v := map[string]float64{}
		norm := 0.0
		for w, k := range counts[i] {
			x := math.Log1p(float64(k)) * math.Log(n/float64(df[w]))
			if x > 0 {
				v[w] = x
				norm += x * x
			}
		}
		norm = math.Sqrt(norm)
		for w := range v {
			v[w] /= norm
		}
		t.ids = append(t.ids, a.ID)
		t.vecs = append(t.vecs, v)
	}
	return t
}

// nearest returns the ids of the pool's articles other than base's, the
// nearest to base's first: by the cosine of each with the sum of base's
// vectors, ties by id.
func (t *topics) nearest(base []facts.Article) []string {
	in := map[string]bool{}
	sum := map[string]float64{}
	for _, a := range base {
		in[a.ID] = true
		if i := slices.Index(t.ids, a.ID); i >= 0 {
			for w, x := range t.vecs[i] {
				sum[w] += x
			}
		}
	}
	type near struct {
		id  string
		cos float64
	}
	var ns []near
	for i, id := range t.ids {
		if in[id] {
			continue
		}
		dot := 0.0
		for w, x := range t.vecs[i] {
			dot += x * sum[w]
		}
		ns = append(ns, near{id, dot})
	}
	slices.SortFunc(ns, func(a, b near) int {
		if c := cmp.Compare(b.cos, a.cos); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	ids := make([]string, len(ns))
	for i, n := range ns {
		ids[i] = n.id
	}
	return ids
}

// nearNegArticles is how many of the articles nearest a base's its
// near-topic questions come from.
const nearNegArticles = 3

// nearQuestions returns n questions about the nearNegArticles articles
// of near (nearest first), taken from each in turn, or fewer if they have
// fewer.
func nearQuestions(near []string, byArticle map[string][]eval.Question, n int) []eval.Question {
	var from [][]eval.Question
	for _, id := range near[:min(nearNegArticles, len(near))] {
		from = append(from, byArticle[id])
	}
	var qs []eval.Question
	for k := 0; len(qs) < n; k++ {
		took := false
		for _, f := range from {
			if k < len(f) && len(qs) < n {
				qs, took = append(qs, f[k]), true
			}
		}
		if !took {
			break
		}
	}
	return qs
}
