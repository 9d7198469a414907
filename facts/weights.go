package facts

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
)

// weights.json holds the engine's fitted weights. It is written by
//
//	go run ./cmd/factfit -chat /tmp/questions-chat.jsonl
//
// (see that command for the chat file and to refit them) and read here,
// once. It is one JSON object:
//
//	{
//	  "command":    ["factfit", "-squad", "../shared/corpora/squad-train"],
//	  "data":       [{"path": "../shared/corpora/squad-train/questions.jsonl", "sha256": "…"}, …],
//	  "features":   [{"name": "bm25", "weight": 1.6931}, …],
//	  "confidence": [{"name": "bias", "weight": -2.4557}, …],
//	  "answerable": [{"name": "bias", "weight": 1.3702}, …],
//	  "abstain_below": 0.14,
//	  "expanders":  [{"name": "synonym", "weight": 0.6}, …],
//	  "fit":        {…},
//	  "trees":      [{"nodes": [{"feature": "cover", "cut": 0.41, "left": 1, "right": 8}, …, {"value": 0.013}, …]}, …]
//	}
//
// command is the command line that wrote the file and data every file it
// read, by path relative to the repository, with its SHA-256. features
// holds the weight of each second-stage feature, by its name in
// FeatureNames and in that order; confidence the weight of each input of
// the confidence model, by its name in ConfidenceInputs; answerable those
// of the answerability model, over the same inputs; abstain_below the
// answerability under which the engine abstains; expanders the weight of each
// expander by its name in ExpanderNames; trees the ranking's boosted trees
// (trees.go), each a list of nodes, the root first: an inner node names its
// feature, its cut and its children's places in the list, a leaf holds its
// value; confidence_trees and answerable_trees the confidence model's and
// the answerability model's, over their inputs by name.
// fit holds the fit's settings and figures, for people: the
// expander search, the confidence episodes, the reliability table and the
// expected calibration error on a held-out slice. A weight the file does
// not name is 0; TestWeightsFile fails when the names differ from
// FeatureNames and ConfidenceInputs.
//
//go:embed weights.json
var weightsJSON []byte

// Weights are what the engine's ranking and abstention learn from data.
// The zero Weights rank every fact alike and never abstain.
type Weights struct {
	// Features are the weights of the second-stage features, named by
	// FeatureNames: a fact's score is their sum product with its features.
	Features [len(FeatureNames)]float64
	// Confidence are the weights of the confidence model's inputs, named by
	// ConfidenceInputs: the confidence is the logistic function of their
	// sum product with the inputs.
	Confidence [len(ConfidenceInputs)]float64
	// Answerable are the weights of the answerability model, over the
	// same inputs: the probability that the base answers the question at
	// all, whether or not the first candidate is the fact that does. The
	// engine abstains by it, not by the confidence: a question the
	// ranking gets wrong looks to the confidence model much like one no
	// fact answers, and a threshold that keeps answering the first kind
	// answered many of the second.
	Answerable [len(ConfidenceInputs)]float64
	// AbstainBelow is the answerability under which the engine abstains,
	// when AbstainBySize is empty.
	AbstainBelow float64
	// AbstainBySize are the thresholds fitted for fact bases of several
	// sizes, smallest first: a base's threshold is interpolated between
	// the two sizes around its own, in the logarithm of the number of
	// facts, and is the nearest one's beyond them (AbstainBelowFor).
	AbstainBySize []SizeThreshold
	// Expanders are the weights of the word expanders, named by
	// ExpanderNames: the weight of a term an expander proposes, against 1
	// for the question's own word. An expander of weight 0 does not run.
	Expanders [len(ExpanderNames)]float64
	// Trees are the ranking's boosted trees (trees.go): a fact's score is
	// the sum product of Features with its features plus their values.
	Trees []Tree
	// ConfidenceTrees are the confidence model's boosted trees, over its
	// inputs (an inner node's Feature indexes ConfidenceInputs): their
	// values add to the sum product before the logistic function.
	ConfidenceTrees []Tree
	// AnswerableTrees are the answerability model's, as ConfidenceTrees.
	AnswerableTrees []Tree
}

// A SizeThreshold is the abstention threshold fitted for fact bases of
// about Facts facts.
type SizeThreshold struct {
	Facts int     `json:"facts"`
	Below float64 `json:"below"`
}

// AbstainBelowFor returns the answerability under which a base of n facts
// abstains.
func (w *Weights) AbstainBelowFor(n int) float64 {
	ts := w.AbstainBySize
	switch {
	case len(ts) == 0:
		return w.AbstainBelow
	case n <= ts[0].Facts:
		return ts[0].Below
	case n >= ts[len(ts)-1].Facts:
		return ts[len(ts)-1].Below
	}
	k := 1
	for ts[k].Facts < n {
		k++
	}
	lo, hi := ts[k-1], ts[k]
	f := (math.Log(float64(n)) - math.Log(float64(lo.Facts))) / (math.Log(float64(hi.Facts)) - math.Log(float64(lo.Facts)))
	return lo.Below + f*(hi.Below-lo.Below)
}

// DefaultWeights returns the weights New uses unless told otherwise: those
// of the embedded weights.json.
func DefaultWeights() Weights { return embeddedWeights.weights() }

// An Option changes how New builds a fact base.
type Option func(*Base)

// WithWeights makes the fact base rank and abstain with w instead of
// DefaultWeights.
func WithWeights(w Weights) Option {
	return func(b *Base) { b.weights = w }
}

// weightsFile is the part of weights.json that the engine reads.
type weightsFile struct {
	Features     []namedWeight `json:"features"`
	Confidence   []namedWeight `json:"confidence"`
	AbstainBelow float64       `json:"abstain_below"`
	// AbstainBySize is Weights.AbstainBySize.
	AbstainBySize []SizeThreshold `json:"abstain_below_by_size,omitempty"`
	Expanders     []namedWeight   `json:"expanders"`
	Trees         []treeJSON      `json:"trees,omitempty"`
	ConfTrees     []treeJSON      `json:"confidence_trees,omitempty"`
	// Answerable and AnsTrees are the answerability model's; a file
	// without them abstains by the confidence model, as files did before
	// it.
	Answerable []namedWeight `json:"answerable,omitempty"`
	AnsTrees   []treeJSON    `json:"answerable_trees,omitempty"`
	// parsed, parsedConf and parsedAns are Trees, ConfTrees and AnsTrees
	// matched to the engine's features and confidence inputs, once, when
	// the embedded file is read: every Weights shares them, read only.
	parsed, parsedConf, parsedAns []Tree
}

// treeJSON is a Tree in weights.json: its features by name, a leaf by its
// value alone.
type treeJSON struct {
	Nodes []nodeJSON `json:"nodes"`
}

type nodeJSON struct {
	Feature string  `json:"feature,omitempty"`
	Cut     float64 `json:"cut,omitempty"`
	Left    int     `json:"left,omitempty"`
	Right   int     `json:"right,omitempty"`
	Value   float64 `json:"value,omitempty"`
}

// TreesJSON returns ts, trees over the inputs named by names (FeatureNames
// or ConfidenceInputs), as weights.json writes them.
func TreesJSON(ts []Tree, names []string) any {
	var out []treeJSON
	for _, t := range ts {
		var tj treeJSON
		for _, n := range t.Nodes {
			if n.Feature < 0 {
				tj.Nodes = append(tj.Nodes, nodeJSON{Value: n.Value})
				continue
			}
			tj.Nodes = append(tj.Nodes, nodeJSON{Feature: names[n.Feature], Cut: n.Cut, Left: n.Left, Right: n.Right})
		}
		out = append(out, tj)
	}
	return out
}

type namedWeight struct {
	Name   string  `json:"name"`
	Weight float64 `json:"weight"`
}

// embeddedWeights is weights.json, parsed. It is part of the program: a
// file that does not parse is a bug that every test reports.
var embeddedWeights = func() weightsFile {
	var f weightsFile
	if err := json.Unmarshal(weightsJSON, &f); err != nil {
		panic(fmt.Sprintf("facts: weights.json: %v", err))
	}
	var err error
	if f.parsed, err = parseTrees(f.Trees, FeatureNames[:]); err != nil {
		panic(fmt.Sprintf("facts: weights.json: trees: %v", err))
	}
	if f.parsedConf, err = parseTrees(f.ConfTrees, ConfidenceInputs[:]); err != nil {
		panic(fmt.Sprintf("facts: weights.json: confidence trees: %v", err))
	}
	if f.parsedAns, err = parseTrees(f.AnsTrees, ConfidenceInputs[:]); err != nil {
		panic(fmt.Sprintf("facts: weights.json: answerable trees: %v", err))
	}
	return f
}()

// parseTrees returns the trees tjs, their inputs matched by name to names.
func parseTrees(tjs []treeJSON, names []string) ([]Tree, error) {
	var ts []Tree
	for k, tj := range tjs {
		var t Tree
		for i, n := range tj.Nodes {
			if n.Feature == "" {
				t.Nodes = append(t.Nodes, TreeNode{Feature: -1, Value: n.Value})
				continue
			}
			fi := slices.Index(names, n.Feature)
			if fi < 0 {
				return nil, fmt.Errorf("tree %d, node %d: no feature %q", k, i, n.Feature)
			}
			t.Nodes = append(t.Nodes, TreeNode{Feature: fi, Cut: n.Cut, Left: n.Left, Right: n.Right})
		}
		ts = append(ts, t)
	}
	return ts, checkTrees(ts, len(names))
}

// weights returns the file's weights, matched to the engine's by name.
func (f weightsFile) weights() Weights {
	w := Weights{AbstainBelow: f.AbstainBelow, AbstainBySize: f.AbstainBySize}
	w.Trees, w.ConfidenceTrees, w.AnswerableTrees = f.parsed, f.parsedConf, f.parsedAns
	byName(w.Features[:], FeatureNames[:], f.Features)
	byName(w.Confidence[:], ConfidenceInputs[:], f.Confidence)
	byName(w.Expanders[:], ExpanderNames[:], f.Expanders)
	if f.Answerable == nil {
		w.Answerable, w.AnswerableTrees = w.Confidence, w.ConfidenceTrees
	}
	byName(w.Answerable[:], ConfidenceInputs[:], f.Answerable)
	return w
}

// byName sets each of ws to the weight nws give its name in names.
func byName(ws []float64, names []string, nws []namedWeight) {
	for _, nw := range nws {
		if i := slices.Index(names, nw.Name); i >= 0 {
			ws[i] = nw.Weight
		}
	}
}
