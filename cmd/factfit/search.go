package main

import (
	"context"
	"fmt"
	"io"
	"runtime"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/eval"
)

// The expander search: the expanders' weights are chosen, not fitted by
// gradient (a weight changes which facts are candidates at all), by a
// coordinate search on the training questions.
var (
	// searchGrid are the weights tried for each expander.
	searchGrid = []float64{0, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9}
	// searchMargin is the least gain of training top-1 that changes a
	// weight. The search compares configurations on the same questions:
	// with searchQuestions of them and the few dozen whose first
	// candidate a change of one weight turns right or wrong, the
	// difference's standard error is about √40/3000 ≈ 0.002.
	searchMargin = 0.002
	// searchQuestions is about how many questions (clean and chat twins
	// together) the search scores each weight on: every n-th training
	// question, with its twin, to keep the search within minutes.
	searchQuestions = 3000
)

// searchFigures record the expander search in the weights file.
type searchFigures struct {
	Objective string       `json:"objective"`
	Grid      []float64    `json:"grid"`
	Margin    float64      `json:"margin"`
	Questions int          `json:"questions"`
	Rounds    int          `json:"rounds"`
	Start     float64      `json:"start_top1"`
	Steps     []searchStep `json:"steps"` // the changes kept, in order
	Top1      float64      `json:"top1"`
}

type searchStep struct {
	Round    int     `json:"round"`
	Expander string  `json:"expander"`
	Weight   float64 `json:"weight"`
	Top1     float64 `json:"top1"`
}

// searchExpanders sets the weights of w's expanders that c does not fix:
// for each in ExpanderNames order, it tries every weight of searchGrid,
// with the rest as they stand and w's feature weights, and keeps the one
// of the highest training top-1 (the first in the grid of those tied) if
// it beats the weight in place by more than searchMargin. It makes up to
// c.searchRounds passes, stopping after one that changes nothing.
func searchExpanders(ctx context.Context, kept []facts.Article, train []eval.Question, w *facts.Weights, c config, log io.Writer) (searchFigures, error) {
	// Every step-th question with its chat twin after it, when there is one.
	pair := 1
	if len(train) > 1 && train[1].ID == train[0].ID+"-chat" {
		pair = 2
	}
	step := max(1, len(train)/searchQuestions) * pair
	var qs []eval.Question
	for i := 0; i+pair <= len(train); i += step {
		qs = append(qs, train[i:i+pair]...)
	}
	sf := searchFigures{
		Objective: "training top-1: share of the questions whose first candidate holds a gold answer, ranked with the ranking weights fitted to the starting expanders",
		Grid:      searchGrid, Margin: searchMargin, Questions: len(qs),
	}
	score := func(w facts.Weights) (float64, error) {
		return top1(ctx, facts.New(kept, nil, facts.WithWeights(w)), qs)
	}
	cur, err := score(*w)
	if err != nil {
		return sf, err
	}
	sf.Start = round(cur, 4)
	fmt.Fprintf(log, "expander search: %d questions, top-1 %.4f with %v\n", len(qs), cur, w.Expanders)
	for r := 1; r <= c.searchRounds; r++ {
		sf.Rounds = r
		changed := false
		for i, name := range facts.ExpanderNames {
			if _, fixed := c.expanders[name]; fixed {
				continue
			}
			best, bestW := cur, w.Expanders[i]
			for _, v := range searchGrid {
				if v == w.Expanders[i] {
					continue
				}
				try := *w
				try.Expanders[i] = v
				s, err := score(try)
				if err != nil {
					return sf, err
				}
				if s > best {
					best, bestW = s, v
				}
			}
			if best > cur+searchMargin {
				w.Expanders[i], cur, changed = bestW, best, true
				sf.Steps = append(sf.Steps, searchStep{r, name, bestW, round(best, 4)})
				fmt.Fprintf(log, "  %s = %.2f: top-1 %.4f\n", name, bestW, best)
			}
		}
		if !changed {
			break
		}
	}
	sf.Top1 = round(cur, 4)
	return sf, nil
}

// top1 returns the share of qs whose first candidate in b holds a gold
// answer, asking on all cores.
func top1(ctx context.Context, b *facts.Base, qs []eval.Question) (float64, error) {
	right := make([]int, runtime.GOMAXPROCS(0))
	err := forEach(ctx, len(qs), func(k, i int) {
		if c := b.Explain(qs[i].Q).Candidates; len(c) > 0 && eval.HoldsAny(c[0].Quote, qs[i].Facts) {
			right[k]++
		}
	})
	if err != nil {
		return 0, err
	}
	sum := 0
	for _, r := range right {
		sum += r
	}
	return share(sum, len(qs)), nil
}
