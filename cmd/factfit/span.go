package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"time"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/eval"
	"github.com/factbot/factbot/internal/fit"
	"github.com/factbot/factbot/internal/squadsplit"
)

// factfit -span fits the span model (facts/span.go): a softmax over the
// candidate spans of the fact the engine ranks first and a null
// candidate, trained on the questions whose extractors of kinds cut
// nothing: right is a span of F1 spanRight or more against a gold answer,
// or the null candidate when there is none. Its floor, the least
// probability at which the best span answers (the span's times the
// answer's confidence, that both the span and the fact are right), is the
// lowest at which spans are right at least as often as not on other
// questions.
//
// The questions are those of the fact base's articles that the ranking
// and confidence fits leave alone (squad.rest, package squadsplit): of
// every ten, the first six train, the seventh sets the floor (and the
// confidence's abstention thresholds: tuningSlice), and the other three are
// left for measuring.
//
// The confidence model reads the span model's probability of the best
// fact's best span, so the weights are fitted with the span model embedded
// at the time: from zero, run factfit, factfit -span, factfit, factfit
// -span. The ranking does not read the span model, so the second factfit
// only fits the confidence to the span model of its ranking, and the second
// -span only sets the floor again.

const (
	maxSpanTrain = 20000 // questions, for the softmax
	spanL2       = 1e-3
	// spanRight is the least F1 against a gold answer at which a span
	// counts as right, in training as in setting the floor.
	spanRight = 0.5
	// spanTrees and spanTreeDepth shape the boosted trees added to the
	// linear score, as the ranking's.
	spanTrees     = 200
	spanTreeDepth = 4
	// minFloorSpans is the fewest spans that may decide the floor.
	minFloorSpans = 50
)

// spanFile is span.json.
type spanFile struct {
	Command  []string            `json:"command"`
	Data     []dataFile          `json:"data"`
	Features []facts.NamedWeight `json:"features"`
	Trees    any                 `json:"trees"`
	Min      float64             `json:"min"`
	Fit      spanFigures         `json:"fit"`
}

// spanFigures are the fit's figures, for people.
type spanFigures struct {
	Split      string  `json:"split"`
	Train      int     `json:"train_questions"`
	Loss       float64 `json:"loss"`
	Iterations int     `json:"iterations"`
	LinearTop1 float64 `json:"train_linear_top1"`
	Trees      int     `json:"trees"`
	Depth      int     `json:"depth"`
	Top1       float64 `json:"train_top1"`
	Tune       int     `json:"floor_questions"`
	QuoteF1    float64 `json:"quote_f1"`
	F1         float64 `json:"f1"`
	Answered   float64 `json:"answered"`
	Right      float64 `json:"right"`
}

// spanQuestion is one question's candidates, with each one's F1 against
// the gold answers, and the quote's.
type spanQuestion struct {
	x       [][]float64
	f1      []float64
	quoteF1 float64
	conf    float64 // the answer's confidence
}

func fitSpan(ctx context.Context, data squad, log io.Writer) (spanFile, error) {
	start := time.Now()
	b := facts.New(data.articles, nil)
	var train, tune []spanQuestion
	for i, q := range data.rest {
		if err := ctx.Err(); err != nil {
			return spanFile{}, err
		}
		part := squadsplit.RestPart(i)
		if part == squadsplit.Measure || part == squadsplit.SpanTrain && len(train) >= maxSpanTrain {
			continue
		}
		fact, conf, extracted, spans := b.Spans(q.Q)
		if extracted != "" || len(spans) == 0 {
			continue
		}
		sq := spanQuestion{quoteF1: eval.F1(fact, q.Answers), conf: conf}
		for _, sp := range spans {
			sq.x = append(sq.x, sp.Features)
			f := -1.0 // the null candidate's
			if sp.Text != "" {
				f = eval.F1(sp.Text, q.Answers)
			}
			sq.f1 = append(sq.f1, f)
		}
		if part == squadsplit.Tuning {
			tune = append(tune, sq)
		} else {
			train = append(train, sq)
		}
	}
	groups := make([]fit.Group, len(train))
	for i, sq := range train {
		groups[i].X = sq.x
		right := slices.ContainsFunc(sq.f1, func(f float64) bool { return f >= spanRight })
		for _, f := range sq.f1 {
			// The null candidate is right when no span is.
			groups[i].Pos = append(groups[i].Pos, f >= spanRight || f < 0 && !right)
		}
	}
	w := make([]float64, len(facts.SpanFeatures))
	res, err := fit.Minimize(fit.Softmax(groups, fit.AnyRight, spanL2), w, fit.Options{GradTol: 1e-5})
	if err != nil && !errors.Is(err, fit.ErrNoConvergence) {
		return spanFile{}, fmt.Errorf("span fit: %w", err)
	}
	linear := 0
	for _, sq := range train {
		if b, _ := spanBest(w, nil, sq.x); sq.f1[b] == 1 {
			linear++
		}
	}
	// The trees score each question's shortlist (facts.SpanShortlist).
	short := make([]fit.Group, len(train))
	for i, sq := range train {
		var right bool
		for _, k := range shortlist(w, sq.x) {
			short[i].X = append(short[i].X, sq.x[k])
			short[i].Pos = append(short[i].Pos, sq.f1[k] >= spanRight)
			right = right || sq.f1[k] >= spanRight
		}
		short[i].Pos[len(short[i].Pos)-1] = !right // the null candidate
	}
	trees := fit.Boost(short, w, fit.BoostOptions{Trees: spanTrees, Depth: spanTreeDepth})
	top := 0
	for _, sq := range train {
		if b, _ := spanBest(w, trees, sq.x); sq.f1[b] == 1 {
			top++
		}
	}
	fig := spanFigures{
		Split: "questions of the fact base's articles left by the other fits: of every ten, 0-5 train, 6 sets the floor, 7-9 are left for measuring",
		Train: len(train), Loss: res.Loss, Iterations: res.Iterations,
		LinearTop1: round4(float64(linear) / float64(len(train))), Top1: round4(float64(top) / float64(len(train))),
		Trees: spanTrees, Depth: spanTreeDepth,
		Tune: len(tune),
	}
	// The floor: the lowest at which the spans are right (F1 of 0.5 or
	// more) at least as often as not, so that a span shown is better than
	// none; the quote answers under it. A span of a wrong fact counts as
	// wrong: it is what a reader would see.
	bestMin := 1.0
	for m := 0; m <= 100; m++ {
		floor := float64(m) / 100
		answered, right := 0, 0
		for _, sq := range tune {
			if i, p := spanBest(w, trees, sq.x); p*sq.conf >= floor {
				answered++
				if sq.f1[i] >= spanRight {
					right++
				}
			}
		}
		if answered >= minFloorSpans && 2*right >= answered {
			bestMin = floor
			break
		}
	}
	var quote, f1 float64
	answered, right := 0, 0
	for _, sq := range tune {
		quote += sq.quoteF1
		i, p := spanBest(w, trees, sq.x)
		if p*sq.conf < bestMin {
			f1 += sq.quoteF1
			continue
		}
		f1 += sq.f1[i]
		answered++
		if sq.f1[i] >= spanRight {
			right++
		}
	}
	n := float64(max(1, len(tune)))
	fig.QuoteF1, fig.F1 = round4(quote/n), round4(f1/n)
	fig.Answered = round4(float64(answered) / n)
	fig.Right = round4(float64(right) / float64(max(1, answered)))
	fmt.Fprintf(log, "span: %d questions, loss %.4f after %d iterations, top-1 %.3f (linear %.3f); floor %.2f on %d: F1 %.3f (quote %.3f), %.3f answered, %.3f of them right (%s)\n",
		fig.Train, fig.Loss, fig.Iterations, fig.Top1, fig.LinearTop1, bestMin, fig.Tune, fig.F1, fig.QuoteF1, fig.Answered, fig.Right, time.Since(start).Round(time.Second))
	f := spanFile{Min: bestMin, Fit: fig, Data: data.files, Trees: facts.TreesJSON(engineTrees(trees), facts.SpanFeatures[:])}
	for i, name := range facts.SpanFeatures {
		f.Features = append(f.Features, facts.NamedWeight{Name: name, Weight: round4(w[i])})
	}
	return f, nil
}

// spanBest returns the span the model picks, as the engine does: the
// candidate of the shortlist with the highest score under w and the
// trees, and its softmax probability over the shortlist.
func spanBest(w []float64, trees []fit.Tree, xs [][]float64) (int, float64) {
	best, hi := 0, math.Inf(-1)
	list := shortlist(w, xs)
	scores := make([]float64, len(list))
	for j, i := range list {
		scores[j] = dotW(w, xs[i])
		for _, t := range trees {
			scores[j] += t.Eval(xs[i])
		}
		if scores[j] > hi && i < len(xs)-1 { // the last is the null candidate
			best, hi = i, scores[j]
		}
	}
	z := 0.0
	for _, s := range scores {
		z += math.Exp(s - hi)
	}
	return best, 1 / z
}

// shortlist returns the candidates the trees score (facts.SpanShortlist).
func shortlist(w []float64, xs [][]float64) []int {
	linear := make([]float64, len(xs))
	for i, x := range xs {
		linear[i] = dotW(w, x)
	}
	return facts.SpanShortlist(linear, nil)
}

func dotW(w, x []float64) float64 {
	s := 0.0
	for k, v := range x {
		s += w[k] * v
	}
	return s
}

// encode returns the span model's file.
func (f spanFile) encode() ([]byte, error) {
	out, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

func round4(x float64) float64 { return round(x, 4) }
