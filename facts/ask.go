package facts

import (
	"math"
	"strings"
)

// Citation and abstention parameters.
const (
	maxCitations   = 5
	maxSuggestions = 3
	// corroborateRatio is how close to the best fact's score another fact
	// must come to be cited beside it.
	corroborateRatio = 0.55
)

// Ask answers a question from the fact base. The answer quotes the best
// fact and every fact that says the same, or abstains, with the closest
// facts as suggestions, when its confidence is under the abstention
// threshold. Ask is deterministic and safe for concurrent use.
func (b *Base) Ask(question string) Answer {
	ans := Answer{Question: question, Citations: []Citation{}}
	if strings.TrimSpace(question) == "" || len(b.facts) == 0 {
		return ans
	}
	s := b.getScratch()
	defer b.pool.Put(s)

	q := b.analyze(s, question)
	ans.Type = q.want.String()
	total, unknown := float32(0), float32(0)
	for _, g := range q.groups {
		if g.chatter {
			continue
		}
		total += g.imp
		if len(g.alts) == 0 {
			unknown += g.imp
		}
	}
	if total == 0 {
		return ans // small talk or noise: nothing to look up
	}
	cands := b.rank(s, &q, total)
	if len(cands) == 0 {
		return ans
	}
	best := cands[0]
	ans.Confidence = confidence(features(&q, cands, total, unknown))
	if ans.Confidence < abstainBelow {
		for i := 0; i < len(cands) && len(ans.Suggestions) < maxSuggestions; i++ {
			ans.Suggestions = append(ans.Suggestions, b.citation(cands[i].fact, len(ans.Suggestions)+1))
		}
		return ans
	}
	cited := b.corroborate(&q, cands)
	for i, f := range cited {
		ans.Citations = append(ans.Citations, b.citation(f, i+1))
	}
	ans.Text = b.shortAnswer(s, &q, best.fact)
	if ans.Text == "" {
		ans.Text = b.facts[best.fact].text
	}
	return ans
}

// corroborate returns the best fact and the other candidates that say the
// same thing: close in score, with most of the best fact's concepts, and,
// when the question asks for a kind of answer, with one of that kind. Facts
// from other articles come before more facts from the same one.
func (b *Base) corroborate(q *query, cands []cand) []uint32 {
	best := cands[0]
	out := []uint32{best.fact}
	seen := map[string]bool{b.facts[best.fact].text: true}
	var same []uint32
	for _, c := range cands[1:] {
		if c.score < corroborateRatio*best.score || len(out)+len(same) >= 2*maxCitations {
			break
		}
		text := b.facts[c.fact].text
		if seen[text] || q.want != 0 && !c.typed || !covers(q, c.matched, best.matched) {
			continue
		}
		seen[text] = true
		if b.facts[c.fact].article != b.facts[best.fact].article {
			out = append(out, c.fact)
		} else {
			same = append(same, c.fact)
		}
	}
	out = append(out, same...)
	return out[:min(len(out), maxCitations)]
}

// covers reports whether the concepts in have at least half the importance
// of the concepts in want.
func covers(q *query, have, want uint64) bool {
	var w, h float32
	for gi, g := range q.groups {
		if gi >= 64 || want&(1<<gi) == 0 {
			continue
		}
		w += g.imp
		if have&(1<<gi) != 0 {
			h += g.imp
		}
	}
	return h >= 0.5*w
}

// Confidence model: a logistic function of the best candidate's features,
// fitted on SQuAD train questions and on questions asked of articles that
// do not hold their answer (see internal/calibrate).
var (
	confWeights  = [...]float64{-4.0, 5.5, 1.5, 1.0, -2.0, 1.0}
	abstainBelow = 0.35
)

// features returns the inputs of the confidence model: a constant 1, the
// share of the question's weight that the best fact itself matches, the
// share matched only around it, whether it has the kind of answer asked
// for, the share of the question's weight that no fact knows, and the
// best fact's lead over the next.
func features(q *query, cands []cand, total, unknown float32) [len(confWeights)]float64 {
	best := cands[0]
	cover := float64(best.x[xCover])
	ctx := math.Min(float64(best.x[xCtx]), 1-cover)
	typed := 0.0
	if q.want == 0 || best.typed {
		typed = 1
	}
	lead := 1.0
	if len(cands) > 1 && best.score > 0 {
		lead = float64((best.score - cands[1].score) / best.score)
	}
	return [...]float64{1, cover, ctx, typed, float64(unknown / total), lead}
}

func confidence(x [len(confWeights)]float64) float64 {
	z := 0.0
	for i, w := range confWeights {
		z += w * x[i]
	}
	return 1 / (1 + math.Exp(-z))
}
