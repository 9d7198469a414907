// Command factfit fits the weights of factbot's engine on SQuAD train and
// writes them, with how they were made, to facts/weights.json. Run from the
// repository's top:
//
//	python3 ../shared/eval/chatnoise.py --seed 1 ../shared/corpora/squad-train/questions.jsonl > /tmp/questions-chat.jsonl
//	go run ./cmd/factfit -chat /tmp/questions-chat.jsonl
//
// (-squad ../shared/corpora/squad-train and -o facts/weights.json are the
// defaults). The first command rewrites every question as people type in
// chat (lower case, typos, abbreviations, fillers), keeping its id with a
// "-chat" suffix; with -chat, factfit uses each question it picks both
// clean and as its chat twin, in every step below. It reads the articles
// folder, questions.jsonl and sample-2000.jsonl of the SQuAD folder, and:
//
//  1. builds a fact base of the articles but every tenth (those whose
//     number ends in 9), which are held out (the big base);
//  2. takes every seventh question of questions.jsonl that is not in
//     sample-2000.jsonl (kept for measuring): those about the fact base's
//     articles train, those about held-out articles are unanswerable
//     (package internal/squadsplit says where every question goes, for
//     factfit and for translatetrain, whose table never sees these);
//  3. fits the ranking weights by softmax regression over each training
//     question's candidates, from zero, with every expander off: a
//     candidate is right when its quote holds a gold answer. A question
//     with several right candidates adds -log of their total probability
//     (-target any-right), which does not care which of them wins. That
//     loss is not convex: the fit starts from zero and its line search is
//     deterministic, so it always finds the same point (on SQuAD, four
//     random starts reached the same loss, their weights within 0.002 of
//     it). -target each-right, the mean log-probability of the right
//     candidates, is convex but ranks worse (training top-1 0.680 against
//     0.682);
//  4. chooses the expanders' weights by a coordinate search (search.go):
//     for each expander in turn, every weight of a fixed grid, scored by
//     the training top-1 of the engine with those ranking weights on every
//     seventh training question (with its chat twin), about 3,000 in all;
//     a weight changes only for a gain above a margin of sampling noise;
//     up to -search-rounds passes. -expander fixes a weight instead;
//  5. fits the ranking weights again, from zero, with those expanders,
//     then -trees boosted regression trees (internal/fit's Boost, depth
//     -tree-depth) whose values add to the rounded weights' scores: they
//     learn what a sum of features cannot (full cover counts for less when
//     the fact holds no answer of the kind asked). On 2,000 SQuAD train
//     questions outside the sample, 100 trees of depth 4 took the
//     ranking's top-1 from 0.699 to 0.714, and the engine's cite@1
//     (abstentions counting as misses) from 0.680 to 0.692; -trees 0 fits
//     none;
//  6. fits the confidence model, from zero, by logistic regression on the
//     first candidate's inputs, on episodes (episodes.go): fact bases of
//     1, 2, 5 and 20 training articles drawn by a seeded shuffle, and the
//     big base. Each asks its answerable questions (right when the first
//     candidate holds a gold answer), as many questions about other
//     articles, and adversarial twins of its answerable questions
//     (adversary.go, SQuAD 2.0's kinds: a name swapped for one the base
//     lacks or for another of the same article that the answering
//     sentences lack, a number changed, a word swapped for one the base
//     lacks, the question denied, a word turned to its WordNet antonym),
//     wrong always. Each size weighs the
//     same in the fit. With -paraphrase p, the small bases also ask a
//     paraphrased twin of each answerable question and of its chat twin
//     (package paraphrase: each content word, with probability p, becomes
//     a WordNet synonym the base lacks), so that the fit sees answerable
//     questions whose words the sources lack as well as the adversary's
//     "word never used" ones; the twins share their questions' weight
//     (weigh), so that answerable questions are no likelier in the fit
//     for them. Then -conf-trees boosted trees (internal/fit's
//     BoostLogistic, depth -conf-tree-depth) whose values add to the
//     rounded weights' score, on the same samples: they learn what a sum
//     of inputs cannot (a wide margin means less when the fact holds no
//     answer of the kind asked). -conf-trees 0 fits none. The questions
//     about articles whose number ends in 8 (and about every other
//     held-out article) are kept out of the fit to measure it: the log
//     loss without and with the trees, a reliability table and the
//     expected calibration error (calibrate.go). Then the answerability
//     model, the same way on the same samples, but right whenever the
//     question is answerable: the engine abstains by it. A question whose
//     first candidate is wrong looks to the confidence model much like one
//     no fact answers, and at a threshold of confidence that keeps
//     answering the first kind it answered the second too: on the
//     calibration slice, at the thresholds of each, the answerability
//     abstained on 0.642 of the unanswerable questions of two-article
//     bases where the confidence did on 0.587, with false abstentions
//     0.041 against 0.040 (0.676 against 0.628 on one article, 0.396
//     against 0.377 on the big base);
//  7. sets the abstention threshold to the highest multiple of 0.001 that
//     keeps abstentions within -max-false-abstain at every size, by the
//     answerabilities the engine computes with all the weights (pooled, the
//     small bases' false abstentions hid under the big one's), on
//     answerable questions that neither fit saw: each base is also asked
//     the threshold slice of the questions the fits leave alone about its
//     articles (one in ten, the span floor's), clean and as chat. On the
//     fit's own questions the confidences run higher than on new ones,
//     and a threshold set there let new questions' false abstentions past
//     the bound (0.056 on the SQuAD sample). Bases of 1 and 2 pieces of
//     training articles the size of a news report (a run of paragraphs of
//     400 words or more, pieces.go) are asked only the threshold slice's
//     questions about their paragraphs, to set the thresholds of the
//     smallest bases: no fit's base is as small, and the threshold of one
//     article, carried down to a piece, abstained on 0.10 of its
//     answerable questions (the general measure, one piece, clean);
//  8. runs the general measure (measure.go) with the weights: bases of
//     one or two held-out articles, and of pieces of one or two, asked
//     their unused questions clean, as
//     chat and paraphrased, and questions they cannot answer; -measure
//     runs it alone, with the embedded weights, and prints it.
//
// Both regressions carry an L2 penalty and are minimised with L-BFGS to a
// gradient tolerance (internal/fit); factfit fails if they do not
// converge. The weights are rounded to 4 decimals (the trees' values to 5)
// before they are used or
// written, so that the figures recorded are those of the weights
// recorded. The same inputs and flags give the same file, byte for byte,
// whatever weights the binary embeds: a fit run with its own output
// embedded writes it again.
//
// The file records the command line, every file read with its SHA-256,
// the feature and confidence-input names, the weights, the threshold and
// the fit's figures; facts/weights.go describes its format. After a
// change to the engine's features or confidence inputs, rerun factfit:
// facts' tests fail until the file names the engine's lists.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/cli"
	"github.com/factbot/factbot/internal/fit"
)

func main() { cli.Main("factfit", run) }

// A config is the command line, parsed.
type config struct {
	squad           string
	chat            string // the chat twins' file, or ""
	out             string
	target          fit.Target
	l2, confL2      float64
	maxFalseAbstain float64
	// expanders are the word expanders' weights that -expander fixes, by
	// name; the search sets the others.
	expanders    map[string]float64
	searchRounds int
	// measure: only run the general measure with the embedded weights.
	measure bool
	// trees and treeDepth shape the ranking's boosted trees; 0 trees fits
	// none.
	trees, treeDepth int
	// confTrees and confTreeDepth shape the confidence model's.
	confTrees, confTreeDepth int
	// span: fit the span model (span.go) instead of the weights.
	span bool
	// paraphrase is the probability with which the confidence episodes'
	// paraphrased twins of answerable questions replace a word; 0 adds none.
	paraphrase float64
}

// run is the whole program, with its surroundings passed in so that tests
// can run it. Progress goes to stderr, the fit's figures to stdout.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("factfit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	c := config{target: fit.AnyRight, expanders: map[string]float64{}}
	fs.StringVar(&c.squad, "squad", "../shared/corpora/squad-train", "SQuAD train `folder`: articles/, questions.jsonl, sample-2000.jsonl")
	fs.StringVar(&c.chat, "chat", "", "`file` of the questions of questions.jsonl rewritten as chat by chatnoise.py (ids with a -chat suffix), each used beside its clean twin")
	fs.StringVar(&c.out, "o", "facts/weights.json", "the weights `file` to write (with -span, the span model's: facts/span.json)")
	fs.Func("target", "what a question with several right candidates rewards: any-right (their total probability) or each-right (their mean log-probability, convex)", func(s string) error {
		for _, t := range []fit.Target{fit.AnyRight, fit.EachRight} {
			if s == t.String() {
				c.target = t
				return nil
			}
		}
		return fmt.Errorf("want any-right or each-right")
	})
	fs.Float64Var(&c.l2, "l2", 1e-4, "L2 penalty of the ranking weights")
	fs.Float64Var(&c.confL2, "conf-l2", 1e-4, "L2 penalty of the confidence weights")
	fs.IntVar(&c.searchRounds, "search-rounds", 2, "the most passes of the expander search")
	fs.Func("expander", "fix an expander's weight, `name=weight`, instead of searching it (repeatable; 0 turns it off)", func(s string) error {
		name, v, ok := strings.Cut(s, "=")
		w, err := strconv.ParseFloat(v, 64)
		if !ok || err != nil || !slices.Contains(facts.ExpanderNames[:], name) || w < 0 || w > 1 {
			return fmt.Errorf("want name=weight with a weight in [0, 1] and a name of %v", facts.ExpanderNames)
		}
		c.expanders[name] = w
		return nil
	})
	fs.IntVar(&c.trees, "trees", 100, "how many boosted trees the ranking adds to its linear score; 0 for none")
	fs.IntVar(&c.treeDepth, "tree-depth", 4, "the most levels of splits of each boosted tree")
	fs.IntVar(&c.confTrees, "conf-trees", 100, "how many boosted trees the confidence model adds to its logistic score; 0 for none")
	fs.IntVar(&c.confTreeDepth, "conf-tree-depth", 4, "the most levels of splits of each of the confidence model's trees")
	fs.Float64Var(&c.maxFalseAbstain, "max-false-abstain", 0.05, "the most abstentions allowed on answerable questions of the threshold slice at each size of fact base, as a share")
	fs.BoolVar(&c.span, "span", false, "fit the span model and write it to -o (facts/span.json) instead of the weights")
	fs.BoolVar(&c.measure, "measure", false, "fit nothing: print the general measure (measure.go) of the embedded weights, as JSON")
	fs.Float64Var(&c.paraphrase, "paraphrase", 0, "add to the confidence episodes a paraphrased twin (and its chat twin) of each answerable question, each content word replaced with this `probability` by a WordNet synonym the base lacks; 0 adds none")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: factfit [flags]\n\nFits the engine's weights on SQuAD train and writes them with their provenance.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if c.span {
		set := false
		fs.Visit(func(f *flag.Flag) { set = set || f.Name == "o" })
		if !set {
			c.out = "facts/span.json"
		}
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("unexpected arguments: %q", fs.Args())
	}
	data, err := readSquad(c.squad)
	if err != nil {
		return err
	}
	if c.chat != "" {
		if err := data.readChat(c.chat); err != nil {
			return err
		}
	}
	if c.measure {
		gf, err := measureGeneral(ctx, data, facts.DefaultWeights())
		if err != nil {
			return err
		}
		out, err := json.MarshalIndent(struct {
			Command []string       `json:"command"`
			Data    []dataFile     `json:"data"`
			Weights []namedWeight  `json:"confidence"`
			Below   float64        `json:"abstain_below"`
			General generalFigures `json:"general"`
		}{append([]string{"factfit"}, args...), data.files, confWeights(facts.DefaultWeights()), facts.DefaultWeights().AbstainBelow, gf}, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "%s\n", out)
		return err
	}
	if c.span {
		f, err := fitSpan(ctx, data, stderr)
		if err != nil {
			return err
		}
		f.Command = append([]string{"factfit"}, args...)
		out, err := f.encode()
		if err != nil {
			return err
		}
		if err := os.WriteFile(c.out, out, 0o644); err != nil {
			return fmt.Errorf("write span model: %w", err)
		}
		return nil
	}
	file, err := fitWeights(ctx, c, data, stderr)
	if err != nil {
		return err
	}
	file.Command = append([]string{"factfit"}, args...)
	file.Data = data.files
	out, err := file.encode()
	if err != nil {
		return err
	}
	if err := os.WriteFile(c.out, out, 0o644); err != nil {
		return fmt.Errorf("write weights: %w", err)
	}
	r := file.Fit
	fmt.Fprintf(stdout, "wrote %s: training top-1 %.4f, ranking loss %.6f, confidence loss %.6f; abstain below %.2f: %.4f of answerable questions, %.4f of unanswerable ones; ECE %.4f\n",
		c.out, r.Confidence.Top1, r.Ranking.Loss, r.Confidence.Loss, file.AbstainBelow, r.Threshold.FalseAbstain, r.Threshold.NegativesAbstain, r.Calibration.ECE)
	return nil
}
