package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/factbot/factbot/facts/internal/translate"
)

// null is the question-side word that every answer word may come from
// instead of a real question word (Brown et al.'s empty word).
const null = "\x00null"

// A pair is one training example: the stems of a question and the stems of
// the sentence that answers it.
type pair struct {
	q, s []string
}

// A model is IBM Model 1 trained on question → answer-sentence pairs: t(s |
// q), the probability that question word q generates answer word s, for
// every (q, s) that occur together in some pair, with a NULL question word.
type model struct {
	qWords, sWords []string // vocabularies, sorted; qWords[0] is null
	qCount         []int    // occurrences of each question word in the pairs
	slotQ, slotS   []int32  // the (q, s) of each co-occurring slot
	t              []float64
	pairs          []slotted
}

// slotted is a pair as slot numbers: slot[j*nq+i] is (q_i, s_j).
type slotted struct {
	nq   int
	slot []int32
}

// emOptions are the settings of EM beyond plain Model 1, both from Moore,
// "Improving IBM Word-Alignment Model 1" (ACL 2004).
type emOptions struct {
	iters int
	// nullWeight counts the NULL word this many times in each pair, so that
	// it takes more of the answer words that no question word explains
	// (common words such as "includ" or "first"); 1 is plain Model 1.
	nullWeight float64
	// smooth adds this count to every (q, s) over the answer vocabulary in
	// the M step, so that a rare question word does not take all the words
	// of its one sentence; 0 is plain Model 1.
	smooth float64
}

// train runs EM from uniform t. It reads the pairs in order and sums in a
// fixed order, so the same pairs give the same model.
func train(ctx context.Context, pairs []pair, o emOptions) (*model, error) {
	m := &model{}
	qIndex, sIndex := vocab(pairs, func(p pair) []string { return p.q }, null), vocab(pairs, func(p pair) []string { return p.s }, "")
	m.qWords, m.sWords = sortedKeys(qIndex), sortedKeys(sIndex)
	m.qCount = make([]int, len(m.qWords))
	slotOf := map[uint64]int32{}
	for _, p := range pairs {
		if len(p.s) == 0 {
			continue
		}
		qs := make([]int32, 0, len(p.q)+1)
		qs = append(qs, 0)
		for _, w := range p.q {
			qs = append(qs, qIndex[w])
			m.qCount[qIndex[w]]++
		}
		sp := slotted{nq: len(qs), slot: make([]int32, 0, len(qs)*len(p.s))}
		for _, w := range p.s {
			s := sIndex[w]
			for _, q := range qs {
				key := uint64(q)<<32 | uint64(s)
				id, ok := slotOf[key]
				if !ok {
					id = int32(len(m.slotQ))
					slotOf[key] = id
					m.slotQ = append(m.slotQ, q)
					m.slotS = append(m.slotS, s)
				}
				sp.slot = append(sp.slot, id)
			}
		}
		m.pairs = append(m.pairs, sp)
	}
	m.t = make([]float64, len(m.slotQ))
	for i := range m.t {
		m.t[i] = 1 // uniform: only ratios matter in the first E step
	}
	count := make([]float64, len(m.t))
	total := make([]float64, len(m.qWords))
	for range o.iters {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("train: %w", err)
		}
		clear(count)
		clear(total)
		for _, p := range m.pairs {
			for j := 0; j < len(p.slot); j += p.nq {
				row := p.slot[j : j+p.nq]
				z := o.nullWeight * m.t[row[0]] // row[0] is NULL
				for _, id := range row[1:] {
					z += m.t[id]
				}
				count[row[0]] += o.nullWeight * m.t[row[0]] / z
				for _, id := range row[1:] {
					count[id] += m.t[id] / z
				}
			}
		}
		for id, c := range count {
			total[m.slotQ[id]] += c
		}
		extra := o.smooth * float64(len(m.sWords))
		for id, c := range count {
			m.t[id] = (c + o.smooth) / (total[m.slotQ[id]] + extra)
		}
	}
	return m, nil
}

// vocab numbers the words of one side of the pairs in sorted order, first
// among them if it is not empty.
func vocab(pairs []pair, side func(pair) []string, first string) map[string]int32 {
	seen := map[string]bool{}
	for _, p := range pairs {
		for _, w := range side(p) {
			seen[w] = true
		}
	}
	words := make([]string, 0, len(seen))
	for w := range seen {
		if w != first {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	if first != "" {
		words = append([]string{first}, words...)
	}
	index := make(map[string]int32, len(words))
	for i, w := range words {
		index[w] = int32(i)
	}
	return index
}

func sortedKeys(index map[string]int32) []string {
	out := make([]string, len(index))
	for w, i := range index {
		out[i] = w
	}
	return out
}

// prob returns t(s | q), 0 for a pair never seen together.
func (m *model) prob(q, s string) float64 {
	for id := range m.slotQ {
		if m.qWords[m.slotQ[id]] == q && m.sWords[m.slotS[id]] == s {
			return m.t[id]
		}
	}
	return 0
}

// pruning says what of a model goes into the stored table.
type pruning struct {
	minCount    int     // a question word seen fewer times is dropped
	minArticles int     // so is one from the questions of fewer articles
	topK        int     // at most this many answer words a question word
	minP        float64 // and only those with t(s | q) at least this
}

func (p pruning) String() string {
	return fmt.Sprintf("the question words seen ≥ %d times in questions of ≥ %d articles; for each, the top %d answer stems other than itself with t(s|q) ≥ %g",
		p.minCount, p.minArticles, p.topK, p.minP)
}

// rows returns the pruned table. articles[q] counts the articles whose
// questions hold question word q.
func (m *model) rows(pr pruning, articles map[string]int) []translate.Row {
	byQ := make([][]int32, len(m.qWords))
	for id, q := range m.slotQ {
		byQ[q] = append(byQ[q], int32(id))
	}
	var out []translate.Row
	for q := 1; q < len(m.qWords); q++ {
		w := m.qWords[q]
		if m.qCount[q] < pr.minCount || articles[w] < pr.minArticles {
			continue
		}
		r := translate.Row{Q: w}
		var cand []translate.Pair
		for _, id := range byQ[q] {
			s := m.sWords[m.slotS[id]]
			if s == w {
				r.Self = float32(m.t[id])
				continue
			}
			if m.t[id] >= pr.minP {
				cand = append(cand, translate.Pair{Stem: s, P: float32(m.t[id])})
			}
		}
		slices.SortFunc(cand, func(a, b translate.Pair) int {
			if a.P != b.P {
				if a.P > b.P {
					return -1
				}
				return 1
			}
			return strings.Compare(a.Stem, b.Stem)
		})
		r.Pairs = cand[:min(len(cand), pr.topK)]
		if len(r.Pairs) > 0 || r.Self > 0 {
			out = append(out, r)
		}
	}
	return out
}

func (o emOptions) String() string {
	s := fmt.Sprintf("%d iterations of EM", o.iters)
	if o.nullWeight != 1 {
		s += fmt.Sprintf(", the NULL word counted %g times", o.nullWeight)
	}
	if o.smooth != 0 {
		s += fmt.Sprintf(", counts smoothed by adding %g", o.smooth)
	}
	return s
}
