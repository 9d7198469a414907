package facts

import "math"

// The fifth stage: how sure the engine is that the first candidate answers
// the question, from what the ranking found.

// The confidence model is a logistic function of what the ranking found:
// see confInputs for its inputs and Weights for their weights.
const (
	cBias          = iota // constant 1
	cScore                // the best candidate's score
	cMargin               // its lead over the next candidate
	cCover                // share of the question's importance the best fact has
	cContext              // share only its passage and title have
	cTypedOK              // 1 if the question asks for no kind of answer, or the fact has it
	cUnknown              // share of the question's importance in words no fact has
	cNamesMiss            // share in the question's names (proper, however typed) that neither the best fact nor its passage or title has
	cLearned              // the best fact's learned-words feature
	cLogFacts             // log10 of 1 + the fact base's facts: scores mean more or less with the base's size
	cNamesAround          // share in the question's names (proper) that the best fact lacks but its passage or title has
	cNegation             // 1 if the question denies ("which did not…") and the best fact denies nothing
	cAntonym              // 1 if the best fact has the opposite of a word of the question it lacks (antonym.go)
	cUnknownCommon        // of cUnknown, the part in words general English uses often (spell.Commonness)
	cSpanAsks             // 1 if a span may answer the question (spanAsks) and the span model read the best fact
	cSpan                 // the probability the span model gives the best fact's best span, against the others and none
	cPassMargin           // the best candidate's lead over the best of another passage
	cFocusMiss            // 1 if the question says what it asks about ("which river") and the best fact has none of it
	nConfInputs
)

// ConfidenceInputs names the inputs of the confidence model, in order.
var ConfidenceInputs = [nConfInputs]string{
	cBias: "bias", cScore: "score", cMargin: "margin", cCover: "cover", cContext: "context",
	cTypedOK: "typed-ok", cUnknown: "unknown", cNamesMiss: "names-missing", cLearned: "learned",
	cLogFacts: "log-facts", cNamesAround: "names-around", cNegation: "negation",
	cAntonym: "antonym", cUnknownCommon: "unknown-common",
	cSpanAsks: "span-asks", cSpan: "span", cPassMargin: "passage-margin",
	cFocusMiss: "focus-missing",
}

func (b *Base) confInputs(r *result) [nConfInputs]float64 {
	q, c, cands := &r.q, &r.c, r.cands
	best := cands[0]
	var x [nConfInputs]float64
	x[cBias] = 1
	x[cScore] = float64(best.score)
	if len(cands) > 1 {
		x[cMargin] = max(0, float64(best.score-cands[1].score)) // a gate may put a lower score first
	}
	for _, c := range cands[1:] {
		if b.facts[c.fact].passage != b.facts[best.fact].passage {
			x[cPassMargin] = max(0, float64(best.score-c.score))
			break
		}
	}
	x[cCover] = float64(best.x[xCover])
	x[cContext] = math.Min(float64(best.x[xCtx]+best.x[xTitle]), 1-x[cCover])
	if q.want == 0 || best.typed {
		x[cTypedOK] = 1
	}
	x[cUnknown] = float64(c.unknown / c.total)
	x[cUnknownCommon] = float64(c.common / c.total)
	var miss, around float32
	focus, focusHit := false, false
	for gi, g := range c.groups {
		if g.chatter {
			continue
		}
		focus = focus || g.focus
		if gi < 64 && best.matched&(1<<gi) != 0 {
			focusHit = focusHit || g.focus
			continue
		}
		if !g.proper {
			continue
		}
		if b.around(c, best.fact, gi) {
			around += g.imp
		} else {
			miss += g.imp
		}
	}
	if focus && !focusHit {
		x[cFocusMiss] = 1
	}
	x[cNamesMiss] = float64(miss / c.total)
	x[cNamesAround] = float64(around / c.total)
	if negated(q.words) && !b.facts[best.fact].denies {
		x[cNegation] = 1
	}
	if b.contradicts(c, &best) {
		x[cAntonym] = 1
	}
	x[cLearned] = float64(best.x[xLearned])
	if r.spanRead {
		x[cSpanAsks], x[cSpan] = 1, r.spanP
	}
	x[cLogFacts] = math.Log10(1 + float64(len(b.facts)))
	return x
}

// confidence is the confidence model's output for inputs x: the
// probability that the first candidate answers.
func (w *Weights) confidence(x [nConfInputs]float64) float64 {
	return logistic(&w.Confidence, w.ConfidenceTrees, &x)
}

// answerable is the answerability model's output for inputs x: the
// probability that some fact of the base answers.
func (w *Weights) answerable(x [nConfInputs]float64) float64 {
	return logistic(&w.Answerable, w.AnswerableTrees, &x)
}

// logistic is the logistic function of the sum product of ws with x plus
// the values of the trees ts.
func logistic(ws *[nConfInputs]float64, ts []Tree, x *[nConfInputs]float64) float64 {
	z := 0.0
	for i, v := range ws {
		z += v * x[i]
	}
	for _, t := range ts {
		z += t.Value(x[:])
	}
	if math.IsNaN(z) {
		return 0 // an input out of range answers nothing rather than break the reply
	}
	return 1 / (1 + math.Exp(-z))
}

// around reports whether concept group gi of the question is in the
// passage or the article title of fact f.
func (b *Base) around(c *compiled, f uint32, gi int) bool {
	ft := &b.facts[f]
	for _, t := range b.titles[ft.article] {
		if g, _, ok := c.table.find(t); ok && g == gi {
			return true
		}
	}
	p := &b.passages[ft.passage]
	for k := p.first; k < p.first+p.nfacts; k++ {
		seq, _ := b.tokens(k)
		for _, t := range seq {
			if g, _, ok := c.table.find(t); ok && g == gi {
				return true
			}
		}
	}
	return false
}
