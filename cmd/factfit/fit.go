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
	"github.com/factbot/factbot/internal/squadsplit"
)

// fitWeights runs the fit of the package comment on data and returns the
// weights file, all but its command line and data.
func fitWeights(ctx context.Context, c config, data squad, log io.Writer) (weightsFile, error) {
	start := time.Now()
	var wf weightsFile
	var kept []facts.Article
	for _, a := range data.articles {
		if !squadsplit.HeldOutArticle(a.ID) {
			kept = append(kept, a)
		}
	}
	train, heldOutQs := data.withChat(data.train), data.withChat(data.heldOut)
	var w facts.Weights
	fixed := 0
	for i, name := range facts.ExpanderNames {
		if v, ok := c.expanders[name]; ok {
			w.Expanders[i] = v
			fixed++
		}
	}
	b := facts.New(kept, nil, facts.WithWeights(w))
	wf.Fit.Base = baseFigures{Articles: len(kept), HeldOutArticles: len(data.articles) - len(kept), Facts: b.Len()}
	fmt.Fprintf(log, "fact base: %d articles (%d held out), %d facts; %d training questions, %d about held-out articles (%v)\n",
		len(kept), len(data.articles)-len(kept), b.Len(), len(train), len(heldOutQs), since(start))

	// Expanders: a coordinate search for the training top-1, with the
	// ranking weights fitted to the expanders it starts from.
	if fixed < len(facts.ExpanderNames) {
		rf, err := fitRanking(ctx, b, train, c, false)
		if err != nil {
			return wf, err
		}
		w.Features = rf.weights
		fmt.Fprintf(log, "ranking, for the expander search: loss %.6f after %d iterations (%v)\n", rf.figures.Loss, rf.figures.Iterations, since(start))
		sf, err := searchExpanders(ctx, kept, train, &w, c, log)
		if err != nil {
			return wf, err
		}
		wf.Fit.Expanders = &sf
		fmt.Fprintf(log, "expanders: %v (%v)\n", w.Expanders, since(start))
		w.Features = [len(facts.FeatureNames)]float64{}
		b = facts.New(kept, nil, facts.WithWeights(w))
	}

	// Ranking: softmax regression over each question's candidates, then
	// boosted trees on what it leaves.
	rf, err := fitRanking(ctx, b, train, c, true)
	if err != nil {
		return wf, err
	}
	w.Features, w.Trees = rf.weights, rf.trees
	wf.Fit.Ranking = rf.figures
	fmt.Fprintf(log, "ranking: %d questions with a right candidate among several; loss %.6f after %d iterations; training top-1 %.4f, with %d trees %.4f (%v)\n",
		rf.figures.Groups, rf.figures.Loss, rf.figures.Iterations, rf.figures.LinearTop1, len(rf.trees), rf.figures.Top1, since(start))

	// Confidence, on episodes of fact bases of every size.
	eps := makeEpisodes(data, kept, c.paraphrase)
	cf, tf, kf, err := fitConfidence(ctx, eps, &w, c, log)
	if err != nil {
		return wf, err
	}
	wf.Fit.Confidence, wf.Fit.Threshold, wf.Fit.Calibration = cf, tf, kf
	fmt.Fprintf(log, "confidence: %d answerable questions, %d not, in %d episodes; loss %.6f after %d iterations; abstain below %.2f: %.3f of answerable, %.3f of the others; ECE %.4f (%v)\n",
		cf.Answerable, cf.Unanswerable, len(eps), cf.Loss, cf.Iterations, w.AbstainBelow, tf.FalseAbstain, tf.NegativesAbstain, kf.ECE, since(start))
	fmt.Fprintf(log, "  false abstentions by size: %v\n", tf.BySize)
	for _, b := range kf.Reliability {
		fmt.Fprintf(log, "  confidence %.1f–%.1f: %5d samples, %.3f of the weight, mean %.3f, right %.3f\n", b.From, b.To, b.Samples, b.Share, b.Confidence, b.Accuracy)
	}
	gf, err := measureGeneral(ctx, data, w)
	if err != nil {
		return wf, err
	}
	wf.Fit.General = &gf
	for _, r := range gf.Results {
		unit := "article(s)"
		if r.Pieces {
			unit = "piece(s)"
		}
		fmt.Fprintf(log, "  general, %d %s, %s: cite@1 %.3f, false abstain %.3f (top right in %.3f of them), abstain on other-article %.3f, near %.3f, adversarial %.3f; answerability AUC %.3f, on topic %.3f, in known words %.3f\n",
			r.Articles, unit, r.Variant, r.Cite1, r.FalseAbst, r.AbstTopOK, r.OtherAbst, r.NearAbst, r.AdvAbst, r.AnswerableAUC, r.OnTopicAUC, r.KnownWordsAUC)
	}
	wf.setWeights(w)
	return wf, nil
}

// A rankingFit is the ranking weights fitted and the fit's figures.
type rankingFit struct {
	weights [len(facts.FeatureNames)]float64 // rounded
	trees   []facts.Tree                     // their leaves' values rounded
	figures rankingFigures
}

// fitRanking fits the ranking weights by softmax regression over the
// candidates of the questions qs in fact base b, from zero, and then, with
// boost, c.trees boosted trees on the rounded weights' scores. The
// candidates of a question and their features do not depend on b's
// feature weights, only their order does.
func fitRanking(ctx context.Context, b *facts.Base, qs []eval.Question, c config, boost bool) (rankingFit, error) {
	var rf rankingFit
	var groups []fit.Group
	for i, q := range qs {
		if i%1000 == 0 && ctx.Err() != nil {
			return rf, ctx.Err()
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
		return rf, fmt.Errorf("fit ranking weights: %w", err)
	}
	for i, v := range fw {
		rf.weights[i] = round(v, 4)
	}
	rf.figures = rankingFigures{
		Target: c.target.String(), L2: c.l2, Groups: len(groups),
		Loss: round(res.Loss, 6), Iterations: res.Iterations,
	}
	if !boost || c.trees == 0 {
		return rf, nil
	}
	opt := fit.BoostOptions{Trees: c.trees, Depth: c.treeDepth}
	trees := fit.Boost(groups, rf.weights[:], opt)
	rf.trees = engineTrees(trees)
	rf.figures.Trees, rf.figures.Depth = c.trees, c.treeDepth
	rf.figures.LinearTop1 = round(groupTop1(groups, rf.weights[:], nil), 4)
	rf.figures.Top1 = round(groupTop1(groups, rf.weights[:], trees), 4)
	return rf, nil
}

// groupTop1 is the share of groups whose best candidate by w·x plus the
// trees' values is right.
func groupTop1(groups []fit.Group, w []float64, trees []fit.Tree) float64 {
	hit := 0
	for _, g := range groups {
		best, bi := math.Inf(-1), 0
		for j, x := range g.X {
			s := 0.0
			for k, v := range x {
				s += w[k] * v
			}
			for _, t := range trees {
				s += t.Eval(x)
			}
			if s > best {
				best, bi = s, j
			}
		}
		if g.Pos[bi] {
			hit++
		}
	}
	return share(hit, len(groups))
}

// A cut is an abstention threshold and what it does.
type cut struct {
	below                        float64
	answerable, unanswerable     int
	falseAbstain, heldOutAbstain float64 // shares that abstain
}

// threshold returns the highest multiple of 1/thresholdSteps under which no
// more than maxShare of the answerable questions' confidences fall (0 if
// even one step is too high), each question counting its weight (1 for
// nil weights).
func threshold(conf []float64, answerable []bool, weight []float64, maxShare float64) cut {
	c := cutAt(conf, answerable, weight, 0)
	for k := 1; k < thresholdSteps; k++ {
		next := cutAt(conf, answerable, weight, float64(k)/thresholdSteps)
		if next.falseAbstain > maxShare+1e-9 {
			break
		}
		c = next
	}
	return c
}

// thresholdSteps is the grid of the thresholds, steps of 0.001: fine,
// because the confidences of small bases crowd under 0.1, where a step of
// 0.01 moved a threshold's false abstentions by a percentage point (0.036
// at 0.03, over the bound at 0.04, on one article), and refits from zero
// landed on either side of the bound.
const thresholdSteps = 1000

// cutAt returns what the threshold below does to the questions.
func cutAt(conf []float64, answerable []bool, weight []float64, below float64) cut {
	c := cut{below: below}
	var ans, un, totalAns, totalUn float64
	for k, a := range answerable {
		wt := 1.0
		if weight != nil {
			wt = weight[k]
		}
		if a {
			c.answerable++
			totalAns += wt
			if conf[k] < below {
				ans += wt
			}
		} else {
			c.unanswerable++
			totalUn += wt
			if conf[k] < below {
				un += wt
			}
		}
	}
	c.falseAbstain = fshare(ans, totalAns)
	c.heldOutAbstain = fshare(un, totalUn)
	return c
}

func fshare(n, d float64) float64 {
	if d == 0 {
		return 0
	}
	return n / d
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

// engineTrees returns ts as the engine's trees, their values rounded to 5
// decimals.
func engineTrees(ts []fit.Tree) []facts.Tree {
	var out []facts.Tree
	for _, t := range ts {
		var ft facts.Tree
		for _, n := range t.Nodes {
			ft.Nodes = append(ft.Nodes, facts.TreeNode{Feature: n.Feature, Cut: n.Cut, Left: n.Left, Right: n.Right, Value: round(n.Value, 5)})
		}
		out = append(out, ft)
	}
	return out
}
