package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/fit"
)

// calibrationFigures measure the confidence model on the calibration
// slice of the episodes, which the fit did not see.
type calibrationFigures struct {
	Slice string `json:"slice"`
	// ECE is the expected calibration error: the mean, over the buckets of
	// Reliability weighted by their share of the samples, of the gap
	// between the mean confidence and the share of right answers. The
	// samples weigh as in the fit: each group of sizes the same.
	ECE         float64         `json:"ece"`
	BySize      []namedWeight   `json:"ece_by_size"` // the ECE of each group of sizes alone
	Reliability []bucketFigures `json:"reliability"`
}

// bucketFigures are one bucket of predicted confidence.
type bucketFigures struct {
	From       float64 `json:"from"`
	To         float64 `json:"to"`
	Samples    int     `json:"samples"`
	Share      float64 `json:"share"`      // of the samples' weight
	Confidence float64 `json:"confidence"` // mean predicted
	Accuracy   float64 `json:"accuracy"`   // share whose first candidate is right
}

// fitConfidence fits the confidence model of w, from zero, by weighted
// logistic regression on the first candidate's inputs in the episodes'
// fit slice (right when it holds a gold answer; wrong always for
// questions about other articles and adversarial ones), then the
// answerability model on the same samples (right when the question is
// answerable), sets the abstention thresholds of answerability, and
// measures the confidence's calibration on the other slice.
func fitConfidence(ctx context.Context, eps []episode, w *facts.Weights, c config, log io.Writer) (confidenceFigures, thresholdFigures, calibrationFigures, error) {
	var (
		cf confidenceFigures
		tf thresholdFigures
		kf calibrationFigures
	)
	ss, err := runEpisodes(ctx, eps, *w)
	if err != nil {
		return cf, tf, kf, err
	}
	var (
		xs     [][]float64
		ys, as []bool
		ws     []float64
	)
	for _, s := range ss {
		if s.slice() == 0 {
			xs, ys, ws = append(xs, s.x), append(ys, s.right), append(ws, s.weight)
			as = append(as, s.answerable)
			if s.paraphrase {
				cf.Paraphrased++
			} else if s.answerable {
				cf.Answerable++
			} else {
				cf.Unanswerable++
			}
		}
	}
	// The training top-1 of the ranking: in the big base, of every
	// answerable question, with candidates or not.
	right, asked := 0, 0
	for _, q := range eps[len(eps)-1].qs {
		if q.kind == qAnswerable && !q.tuning {
			asked++
		}
	}
	for _, s := range ss {
		if s.group == bigGroup() && s.right && !s.tuning {
			right++
		}
	}
	cf.Top1 = round(share(right, asked), 4)
	conf, err := fitLogistic(xs, ys, ws, ss, func(s sample) bool { return s.right }, c)
	if err != nil {
		return cf, tf, kf, fmt.Errorf("fit confidence weights: %w", err)
	}
	copy(w.Confidence[:], conf.lin)
	w.ConfidenceTrees = conf.trees
	cf.L2, cf.Loss, cf.Iterations = c.confL2, conf.Loss, conf.Iterations
	cf.HeldOutLinearLoss, cf.HeldOutLoss = conf.HeldOutLinearLoss, conf.HeldOutLoss
	if c.confTrees > 0 {
		cf.Trees, cf.Depth = c.confTrees, c.confTreeDepth
	}
	// The answerability model: the same inputs, the same samples, the
	// same trees, but right whenever the question is answerable, whether
	// or not the first candidate answers it.
	ans, err := fitLogistic(xs, as, ws, ss, func(s sample) bool { return s.answerable }, c)
	if err != nil {
		return cf, tf, kf, fmt.Errorf("fit answerability weights: %w", err)
	}
	copy(w.Answerable[:], ans.lin)
	w.AnswerableTrees = ans.trees
	cf.Answerability = ans.logisticFigures
	cf.Episodes = describeEpisodes(eps)

	// The engine's confidences with those weights.
	ss, err = runEpisodes(ctx, eps, *w)
	if err != nil {
		return cf, tf, kf, err
	}
	// Each size of fact base has its own threshold of answerability, the
	// highest that keeps its false abstentions on the threshold slice
	// (tuningSlice) within the bound, less one standard error of the
	// slice's share (sliceBound): the bound is for new questions, and a
	// threshold that meets it on the slice by a hair does not on others
	// (0.048 on the slice, 0.057 on the general measure's one-article
	// bases, at 0.05 on one article). A base between two sizes takes one
	// between theirs (facts.Weights.AbstainBelowFor). A small base (where
	// the bot lives) scores its questions otherwise than all of SQuAD
	// does, and one threshold for all would be the smallest's.
	var cal []sample
	below := 1.0
	w.AbstainBySize = nil
	for g := range sizeGroups() {
		var gc []float64
		var ga []bool
		var sizes []int
		for _, s := range ss {
			if s.tuning && s.group == g {
				gc, ga = append(gc, s.answerP), append(ga, s.answerable)
				sizes = append(sizes, s.facts)
			}
		}
		if len(gc) == 0 {
			continue
		}
		// The threshold slice's questions are all answerable.
		t := threshold(gc, ga, nil, sliceBound(c.maxFalseAbstain, len(gc))).below
		below = min(below, t)
		w.AbstainBySize = append(w.AbstainBySize, facts.SizeThreshold{Facts: median(sizes), Below: t})
	}
	slices.SortStableFunc(w.AbstainBySize, func(x, y facts.SizeThreshold) int { return cmp.Compare(x.Facts, y.Facts) })
	for _, s := range ss {
		if s.calibrated && !s.paraphrase { // the rule is the threshold's on the questions as asked
			cal = append(cal, s)
		}
	}
	w.AbstainBelow = below
	fitCut, tuneCut := cutBySize(ss, w, 0), cutBySize(ss, w, 2)
	tf = thresholdFigures{
		MaxFalseAbstain:  c.maxFalseAbstain,
		FalseAbstain:     round(tuneCut.falseAbstain, 4),
		FitFalseAbstain:  round(fitCut.falseAbstain, 4),
		NegativesAbstain: round(fitCut.heldOutAbstain, 4),
	}
	for g, name := range sizeGroups() {
		var ans, abst int
		for _, s := range ss {
			if s.tuning && s.group == g {
				ans++
				if s.answerP < w.AbstainBelowFor(s.facts) {
					abst++
				}
			}
		}
		tf.BySize = append(tf.BySize, namedWeight{name, round(share(abst, ans), 4)})
	}
	kf = calibration(cal)
	return cf, tf, kf, nil
}

// calibration returns the reliability table and ECE of the samples ss.
func calibration(ss []sample) calibrationFigures {
	kf := calibrationFigures{Slice: "questions about articles whose number ends in 8, and about every other held-out article (ending in 19), in their episodes"}
	kf.Reliability, kf.ECE = reliability(ss)
	for g, name := range sizeGroups() {
		var in []sample
		for _, s := range ss {
			if s.group == g {
				in = append(in, s)
			}
		}
		_, e := reliability(in)
		kf.BySize = append(kf.BySize, namedWeight{name, e})
	}
	return kf
}

// reliability sorts the samples into ten buckets of confidence and
// returns them and the expected calibration error, both weighted.
func reliability(ss []sample) ([]bucketFigures, float64) {
	const n = 10
	var w, wc, wr [n]float64
	var count [n]int
	total := 0.0
	for _, s := range ss {
		k := min(n-1, int(math.Floor(s.conf*n)))
		count[k]++
		w[k] += s.weight
		wc[k] += s.weight * s.conf
		if s.right {
			wr[k] += s.weight
		}
		total += s.weight
	}
	var bs []bucketFigures
	ece := 0.0
	for k := range n {
		b := bucketFigures{From: float64(k) / n, To: float64(k+1) / n, Samples: count[k]}
		if w[k] > 0 {
			b.Share = round(w[k]/total, 4)
			b.Confidence = round(wc[k]/w[k], 4)
			b.Accuracy = round(wr[k]/w[k], 4)
			ece += w[k] / total * math.Abs(wc[k]/w[k]-wr[k]/w[k])
		}
		bs = append(bs, b)
	}
	return bs, round(ece, 4)
}

// median returns the median of xs (the lower of the middle two).
func median(xs []int) int {
	ys := slices.Clone(xs)
	slices.Sort(ys)
	return ys[(len(ys)-1)/2]
}

// cutBySize is cutAt with each sample's threshold the one w gives its
// size of fact base, over the samples of one slice (sample.slice): the
// fit's, the calibration's or the threshold's.
func cutBySize(ss []sample, w *facts.Weights, slice int) cut {
	var ans, un, totalAns, totalUn float64
	c := cut{below: w.AbstainBelow}
	for _, s := range ss {
		if s.paraphrase || s.slice() != slice {
			continue
		}
		abst := s.answerP < w.AbstainBelowFor(s.facts)
		if s.answerable {
			c.answerable++
			totalAns += s.weight
			if abst {
				ans += s.weight
			}
		} else {
			c.unanswerable++
			totalUn += s.weight
			if abst {
				un += s.weight
			}
		}
	}
	c.falseAbstain = fshare(ans, totalAns)
	c.heldOutAbstain = fshare(un, totalUn)
	return c
}

// A logisticFit is a logistic model with boosted trees, fitted on the
// fit slice, and its figures.
type logisticFit struct {
	lin   []float64 // rounded to 4 decimals
	trees []facts.Tree
	logisticFigures
}

// fitLogistic fits, from zero, a logistic model of the labels ys of the
// inputs xs weighted ws (the fit slice of ss), then c.confTrees boosted
// trees on what it leaves, and measures its log loss on the calibration
// slice of ss, which label labels, without and with the trees.
func fitLogistic(xs [][]float64, ys []bool, ws []float64, ss []sample, label func(sample) bool, c config) (logisticFit, error) {
	var lf logisticFit
	lin := make([]float64, len(facts.ConfidenceInputs))
	res, err := fit.Minimize(fit.WeightedLogistic(xs, ys, ws, c.confL2), lin, fit.Options{})
	if err != nil {
		return lf, err
	}
	for i, v := range lin {
		lin[i] = round(v, 4)
	}
	lf.lin, lf.Loss, lf.Iterations = lin, round(res.Loss, 6), res.Iterations
	lf.HeldOutLinearLoss = round(logLoss(ss, lin, nil, label), 6)
	if c.confTrees > 0 {
		lf.trees = engineTrees(fit.BoostLogistic(xs, ys, ws, lin, fit.BoostOptions{Trees: c.confTrees, Depth: c.confTreeDepth}))
		lf.HeldOutLoss = round(logLoss(ss, lin, lf.trees, label), 6)
	}
	return lf, nil
}

// logLoss is the weighted mean log loss of a logistic model of weights
// lin and trees ts (the confidence's or the answerability's), of the label
// label, on the calibration slice of ss, which the fit did not see.
func logLoss(ss []sample, lin []float64, ts []facts.Tree, label func(sample) bool) float64 {
	var sum, total float64
	for _, s := range ss {
		if !s.calibrated || s.paraphrase {
			continue
		}
		z := 0.0
		for i, v := range lin {
			z += v * s.x[i]
		}
		for _, t := range ts {
			z += t.Value(s.x)
		}
		p := min(max(1/(1+math.Exp(-z)), 1e-12), 1-1e-12)
		if label(s) {
			sum -= s.weight * math.Log(p)
		} else {
			sum -= s.weight * math.Log(1-p)
		}
		total += s.weight
	}
	return fshare(sum, total)
}

// sliceBound is the share of a slice's n answerable questions that may
// abstain so that the share of new ones stays within bound: the bound less
// one standard error of a share of bound over n questions.
func sliceBound(bound float64, n int) float64 {
	if n == 0 {
		return bound
	}
	return max(0, bound-math.Sqrt(bound*(1-bound)/float64(n)))
}
