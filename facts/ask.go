package facts

import (
	"math"
	"slices"
	"strings"
)

// Citation and abstention parameters.
const (
	maxCitations   = 5
	maxSuggestions = 3
	// typedAlternatives is how many facts with an answer of the kind asked
	// for are cited when the best fact has none.
	typedAlternatives = 1
	// figureRatio is how close to the best fact's score another article's
	// fact must come to be cited for its own figure, when the question asks
	// for an amount.
	figureRatio = 0.4
	// corroborateRatio is how close to the best fact's score another fact
	// must come to be cited beside it.
	corroborateRatio = 0.6
)

// Ask answers a question from the fact base. The answer quotes the best
// fact and every fact that says the same, or abstains, with the closest
// facts as suggestions, when its confidence is under the abstention
// threshold. Ask is deterministic and safe for concurrent use.
func (b *Base) Ask(question string) Answer {
	ans := Answer{Question: question, Citations: []Citation{}}
	s := b.getScratch()
	defer b.pool.Put(s)
	r, ok := b.search(s, question)
	ans.Type = r.q.want.String()
	if !ok {
		return ans // empty, small talk or noise: nothing to look up
	}
	best := r.cands[0]
	ans.Confidence = r.confidence
	if ans.Confidence < b.weights.AbstainBelow {
		var shown []uint32
		for i := 0; i < len(r.cands) && len(shown) < maxSuggestions; i++ {
			if f := r.cands[i].fact; !b.quoted(shown, b.facts[f].text) {
				shown = append(shown, f)
				ans.Suggestions = append(ans.Suggestions, b.citation(f, len(shown)))
			}
		}
		return ans
	}
	for i, f := range b.corroborate(&r.q, r.cands) {
		ans.Citations = append(ans.Citations, b.citation(f, i+1))
	}
	ans.Text = b.shortAnswer(s, &r.q, best.fact)
	if ans.Text == "" {
		ans.Text = b.facts[best.fact].text
	}
	return ans
}

// A result is a ranked question: its analysis, the candidates best first,
// and what the confidence model made of them.
type result struct {
	q          query
	cands      []cand
	total      float32 // the question's total importance
	unknown    float32 // the importance of its words that no fact has
	conf       [nConfInputs]float64
	confidence float64
}

// search analyses and ranks a question. It reports false when there is
// nothing to rank: no words of content, or no fact that shares any.
func (b *Base) search(s *scratch, question string) (result, bool) {
	var r result
	if strings.TrimSpace(question) == "" || len(b.facts) == 0 {
		return r, false
	}
	r.q = b.analyze(s, question)
	for _, g := range r.q.groups {
		if g.chatter {
			continue
		}
		r.total += g.imp
		if len(g.alts) == 0 {
			r.unknown += g.imp
		}
	}
	if r.total == 0 {
		return r, false
	}
	r.cands = b.rank(s, &r.q, r.total)
	if len(r.cands) == 0 {
		return r, false
	}
	r.conf = b.confInputs(s, &r)
	r.confidence = b.weights.confidence(r.conf)
	return r, true
}

// corroborate returns the best fact and the other candidates that say the
// same thing, best first: close in score and, when the question asks for a
// kind of answer, with one of that kind. When there are more than maxCitations, each article's
// best fact still makes the list, so that every source that agrees is
// cited.
func (b *Base) corroborate(q *query, cands []cand) []uint32 {
	best := cands[0]
	out := []uint32{best.fact}
	if q.want != 0 && !best.typed {
		// The best fact has no answer of the kind asked for: the best
		// that has one is cited too, whatever its score.
		for _, c := range cands[1:] {
			if c.typed && len(out) <= typedAlternatives && !b.quoted(out, b.facts[c.fact].text) {
				out = append(out, c.fact)
			}
		}
	}
	var extra []uint32 // the best fact of articles past the cut
	for _, c := range cands[1:] {
		if c.score < corroborateRatio*best.score {
			break
		}
		f := &b.facts[c.fact]
		if q.want != 0 && !c.typed || b.quoted(out, f.text) || b.quoted(extra, f.text) || slices.Contains(out, c.fact) {
			continue
		}
		switch {
		case len(out) < maxCitations:
			out = append(out, c.fact)
		case !dupArticle(b, out, f.article) && !dupArticle(b, extra, f.article):
			extra = append(extra, c.fact)
		}
	}
	// Where another article gives its own figure, it is shown too.
	if q.want&(kMoney|kCount|kPercent) != 0 {
		for _, c := range cands[1:] {
			if c.score < figureRatio*best.score {
				break
			}
			f := &b.facts[c.fact]
			if c.typed && !dupArticle(b, out, f.article) && !dupArticle(b, extra, f.article) {
				if len(out) < maxCitations {
					out = append(out, c.fact)
				} else {
					extra = append(extra, c.fact)
				}
			}
		}
	}
	// Make room for the articles past the cut, in place of later facts of
	// articles already cited.
	for i := len(out) - 1; i > 0 && len(extra) > 0; i-- {
		if dupArticle(b, out[:i], b.facts[out[i]].article) {
			out[i], extra = extra[0], extra[1:]
		}
	}
	return out
}

// quoted reports whether one of facts says text, word for word.
func (b *Base) quoted(facts []uint32, text string) bool {
	for _, f := range facts {
		if b.facts[f].text == text {
			return true
		}
	}
	return false
}

// dupArticle reports whether one of facts is from article a.
func dupArticle(b *Base, facts []uint32, a uint32) bool {
	for _, f := range facts {
		if b.facts[f].article == a {
			return true
		}
	}
	return false
}

// The confidence model is a logistic function of what the ranking found:
// see confInputs for its inputs and Weights for their weights.
const (
	cBias      = iota // constant 1
	cScore            // the best candidate's score
	cMargin           // its lead over the next candidate
	cCover            // share of the question's importance the best fact has
	cContext          // share only its passage and title have
	cTypedOK          // 1 if the question asks for no kind of answer, or the fact has it
	cUnknown          // share of the question's importance in words no fact has
	cNamesMiss        // share in the question's names that neither the best fact nor its passage or title has
	nConfInputs
)

// ConfidenceInputs names the inputs of the confidence model, in order.
var ConfidenceInputs = [nConfInputs]string{
	cBias: "bias", cScore: "score", cMargin: "margin", cCover: "cover", cContext: "context",
	cTypedOK: "typed-ok", cUnknown: "unknown", cNamesMiss: "names-missing",
}

func (b *Base) confInputs(s *scratch, r *result) [nConfInputs]float64 {
	best := r.cands[0]
	var x [nConfInputs]float64
	x[cBias] = 1
	x[cScore] = float64(best.score)
	if len(r.cands) > 1 {
		x[cMargin] = max(0, float64(best.score-r.cands[1].score)) // a gate may put a lower score first
	}
	x[cCover] = float64(best.x[xCover])
	x[cContext] = math.Min(float64(best.x[xCtx]+best.x[xTitle]), 1-x[cCover])
	if r.q.want == 0 || best.typed {
		x[cTypedOK] = 1
	}
	x[cUnknown] = float64(r.unknown / r.total)
	var miss float32
	for gi, g := range r.q.groups {
		if g.chatter {
			continue
		}
		if g.name && (gi >= 64 || best.matched&(1<<gi) == 0) && !b.around(s, best.fact, gi) {
			miss += g.imp
		}
	}
	x[cNamesMiss] = float64(miss / r.total)
	return x
}

// confidence is the confidence model's output for inputs x.
func (w *Weights) confidence(x [nConfInputs]float64) float64 {
	z := 0.0
	for i, v := range w.Confidence {
		z += v * x[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// around reports whether concept group gi of the question is in the
// passage or the article title of fact f.
func (b *Base) around(s *scratch, f uint32, gi int) bool {
	ft := &b.facts[f]
	for _, t := range b.titles[ft.article] {
		if g, _, ok := s.table.find(t); ok && g == gi {
			return true
		}
	}
	p := &b.passages[ft.passage]
	for k := p.first; k < p.first+p.nfacts; k++ {
		seq, _ := b.tokens(k)
		for _, t := range seq {
			if g, _, ok := s.table.find(t); ok && g == gi {
				return true
			}
		}
	}
	return false
}
