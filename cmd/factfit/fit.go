package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/eval"
	"github.com/factbot/factbot/internal/fit"
)

// fitWeights runs the fit of the package comment on data and returns the
// weights file, all but its command line and data.
func fitWeights(ctx context.Context, c config, data squad, log io.Writer) (weightsFile, error) {
	start := time.Now()
	var wf weightsFile
	var kept []facts.Article
	for _, a := range data.articles {
		if !heldOut(a.ID) {
			kept = append(kept, a)
		}
	}
	// The candidates of a question and their features do not depend on
	// the feature weights, only their order does: zero weights will do.
	var w facts.Weights
	for i, name := range facts.ExpanderNames {
		w.Expanders[i] = c.expanders[name]
	}
	b := facts.New(kept, nil, facts.WithWeights(w))
	wf.Fit.Base = baseFigures{Articles: len(kept), HeldOutArticles: len(data.articles) - len(kept), Facts: b.Len()}
	train, heldOutQs := data.withChat(data.train), data.withChat(data.heldOut)
	fmt.Fprintf(log, "fact base: %d articles (%d held out), %d facts; %d training questions, %d about held-out articles (%v)\n",
		len(kept), len(data.articles)-len(kept), b.Len(), len(train), len(heldOutQs), since(start))

	// Ranking: softmax regression over each question's candidates.
	var groups []fit.Group
	for i, q := range train {
		if i%1000 == 0 && ctx.Err() != nil {
			return wf, ctx.Err()
		}
		var g fit.Group
		right := false
		for _, cand := range b.Explain(q.Q).Candidates {
			g.X = append(g.X, cand.Features)
			p := eval.HoldsAny(cand.Quote, q.Facts)
			g.Pos = append(g.Pos, p)
			right = right || p
		}
		if right && len(g.X) > 1 {
			groups = append(groups, g)
		}
	}
	fw := make([]float64, len(facts.FeatureNames))
	res, err := fit.Minimize(fit.Softmax(groups, c.target, c.l2), fw, fit.Options{})
	if err != nil {
		return wf, fmt.Errorf("fit ranking weights: %w", err)
	}
	for i, v := range fw {
		w.Features[i] = round(v, 4)
	}
	wf.Fit.Ranking = rankingFigures{
		Target: c.target.String(), L2: c.l2, Groups: len(groups),
		Loss: round(res.Loss, 6), Iterations: res.Iterations,
	}
	fmt.Fprintf(log, "ranking: %d questions with a right candidate among several; loss %.6f after %d iterations (%v)\n",
		len(groups), res.Loss, res.Iterations, since(start))

	// Confidence: logistic regression on the first candidate's inputs,
	// ranked with the fitted weights.
	b = facts.New(kept, nil, facts.WithWeights(w))
	var (
		xs    [][]float64
		ys    []bool
		inAns []bool // about an article of the fact base
		top1  int
	)
	for k, set := range [][]eval.Question{train, heldOutQs} {
		for i, q := range set {
			if i%1000 == 0 && ctx.Err() != nil {
				return wf, ctx.Err()
			}
			e := b.Explain(q.Q)
			if len(e.Candidates) == 0 {
				continue // nothing to rank: the engine neither answers nor abstains
			}
			right := k == 0 && eval.HoldsAny(e.Candidates[0].Quote, q.Facts)
			if right {
				top1++
			}
			xs = append(xs, e.ConfidenceInputs)
			ys = append(ys, right)
			inAns = append(inAns, k == 0)
		}
	}
	wf.Fit.Ranking.Top1 = round(float64(top1)/float64(len(train)), 4)
	cw := make([]float64, len(facts.ConfidenceInputs))
	res, err = fit.Minimize(fit.Logistic(xs, ys, c.confL2), cw, fit.Options{})
	if err != nil {
		return wf, fmt.Errorf("fit confidence weights: %w", err)
	}
	for i, v := range cw {
		w.Confidence[i] = round(v, 4)
	}
	// The engine's confidences with those weights, of the same questions
	// in the same order.
	b = facts.New(kept, nil, facts.WithWeights(w))
	var conf []float64
	for _, set := range [][]eval.Question{train, heldOutQs} {
		for i, q := range set {
			if i%1000 == 0 && ctx.Err() != nil {
				return wf, ctx.Err()
			}
			if e := b.Explain(q.Q); len(e.Candidates) > 0 {
				conf = append(conf, e.Confidence)
			}
		}
	}
	th := threshold(conf, inAns, c.maxFalseAbstain)
	w.AbstainBelow = th.below
	wf.Fit.Confidence = confidenceFigures{
		L2: c.confL2, Answerable: th.answerable, Unanswerable: th.unanswerable,
		Loss: round(res.Loss, 6), Iterations: res.Iterations,
	}
	wf.Fit.Threshold = thresholdFigures{
		MaxFalseAbstain: c.maxFalseAbstain,
		FalseAbstain:    round(th.falseAbstain, 4),
		HeldOutAbstain:  round(th.heldOutAbstain, 4),
	}
	fmt.Fprintf(log, "confidence: %d answerable questions, %d not; loss %.6f after %d iterations; abstain below %.2f: %.3f of answerable, %.3f of held-out (%v)\n",
		th.answerable, th.unanswerable, res.Loss, res.Iterations, th.below, th.falseAbstain, th.heldOutAbstain, since(start))
	wf.setWeights(w)
	return wf, nil
}

// A cut is an abstention threshold and what it does.
type cut struct {
	below                        float64
	answerable, unanswerable     int
	falseAbstain, heldOutAbstain float64 // shares that abstain
}

// threshold returns the highest multiple of 0.01 under which no more than
// maxShare of the answerable questions' confidences fall (0 if even 0.01
// is too high).
func threshold(conf []float64, answerable []bool, maxShare float64) cut {
	count := func(th float64) (ans, un int) {
		for k, v := range conf {
			if v < th {
				if answerable[k] {
					ans++
				} else {
					un++
				}
			}
		}
		return ans, un
	}
	var c cut
	for _, a := range answerable {
		if a {
			c.answerable++
		} else {
			c.unanswerable++
		}
	}
	for k := 1; k < 100; k++ {
		th := float64(k) / 100
		if ans, _ := count(th); float64(ans) > maxShare*float64(c.answerable) {
			break
		}
		c.below = th
	}
	ans, un := count(c.below)
	c.falseAbstain = share(ans, c.answerable)
	c.heldOutAbstain = share(un, c.unanswerable)
	return c
}

func share(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// round rounds x to n decimals, and -0 to 0.
func round(x float64, n int) float64 {
	p := math.Pow(10, float64(n))
	if r := math.Round(x*p) / p; r != 0 {
		return r
	}
	return 0
}

func since(t time.Time) time.Duration { return time.Since(t).Round(100 * time.Millisecond) }
