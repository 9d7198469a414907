package main

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/factbot/factbot/facts"
)

// weightsFile is facts/weights.json; facts/weights.go describes it.
type weightsFile struct {
	Command      []string      `json:"command"`
	Data         []dataFile    `json:"data"`
	Features     []namedWeight `json:"features"`
	Confidence   []namedWeight `json:"confidence"`
	AbstainBelow float64       `json:"abstain_below"`
	// AbstainBySize is facts.Weights.AbstainBySize.
	AbstainBySize []facts.SizeThreshold `json:"abstain_below_by_size,omitempty"`
	Expanders     []namedWeight         `json:"expanders"`
	Fit           fitFigures            `json:"fit"`
	// Trees and ConfTrees are facts.Weights.Trees and ConfidenceTrees, as
	// facts.TreesJSON writes them.
	Trees     any `json:"trees,omitempty"`
	ConfTrees any `json:"confidence_trees,omitempty"`
	// Answerable and AnsTrees are facts.Weights.Answerable and
	// AnswerableTrees.
	Answerable []namedWeight `json:"answerable"`
	AnsTrees   any           `json:"answerable_trees,omitempty"`
}

type namedWeight struct {
	Name   string  `json:"name"`
	Weight float64 `json:"weight"`
}

// fitFigures are the fit's settings and results.
type fitFigures struct {
	Base        baseFigures        `json:"fact_base"`
	Expanders   *searchFigures     `json:"expander_search,omitempty"` // nil when -expander fixes every one
	Ranking     rankingFigures     `json:"ranking"`
	Confidence  confidenceFigures  `json:"confidence"`
	Threshold   thresholdFigures   `json:"threshold"`
	Calibration calibrationFigures `json:"calibration"`
	// General is the general measure (measure.go) with the weights fitted.
	General *generalFigures `json:"general,omitempty"`
}

type baseFigures struct {
	Articles        int `json:"articles"`
	HeldOutArticles int `json:"held_out_articles"`
	Facts           int `json:"facts"`
}

type rankingFigures struct {
	Target     string  `json:"target"`
	L2         float64 `json:"l2"`
	Groups     int     `json:"questions"` // with a right candidate among several
	Loss       float64 `json:"loss"`      // mean, with the penalty
	Iterations int     `json:"iterations"`
	// Trees and Depth are the boosted trees' count and most levels;
	// LinearTop1 and Top1 the share of the groups whose first candidate is
	// right by the linear score alone and with the trees.
	Trees      int     `json:"trees,omitempty"`
	Depth      int     `json:"depth,omitempty"`
	LinearTop1 float64 `json:"linear_top1,omitempty"`
	Top1       float64 `json:"top1,omitempty"`
}

type confidenceFigures struct {
	L2           float64          `json:"l2"`
	Top1         float64          `json:"train_top1"` // share of the big base's answerable questions whose first candidate is right
	Episodes     []episodeFigures `json:"episodes"`
	Answerable   int              `json:"answerable"`            // questions of the fit slice with candidates
	Unanswerable int              `json:"unanswerable"`          // other-article and adversarial ones with candidates
	Paraphrased  int              `json:"paraphrased,omitempty"` // paraphrased answerable ones with candidates
	Loss         float64          `json:"loss"`                  // weighted mean, with the penalty
	Iterations   int              `json:"iterations"`
	// Trees and Depth are the boosted trees' count and most levels;
	// HeldOutLinearLoss and HeldOutLoss the weighted mean log loss on the
	// calibration slice without and with them.
	Trees             int     `json:"trees,omitempty"`
	Depth             int     `json:"depth,omitempty"`
	HeldOutLinearLoss float64 `json:"held_out_linear_loss"`
	HeldOutLoss       float64 `json:"held_out_loss,omitempty"`
	// Answerability is the answerability model's fit, on the same samples.
	Answerability logisticFigures `json:"answerability"`
}

// logisticFigures are a logistic model's fit (the answerability's here):
// its loss, and the weighted mean log loss on the calibration slice
// without and with its trees.
type logisticFigures struct {
	Loss              float64 `json:"loss"`
	Iterations        int     `json:"iterations"`
	HeldOutLinearLoss float64 `json:"held_out_linear_loss"`
	HeldOutLoss       float64 `json:"held_out_loss,omitempty"`
}

type thresholdFigures struct {
	MaxFalseAbstain  float64 `json:"max_false_abstain"`
	FalseAbstain     float64 `json:"false_abstain"`     // weighted share of the threshold slice's answerable questions under the threshold
	FitFalseAbstain  float64 `json:"fit_false_abstain"` // of the fit's, which the ranking and confidence were fitted on
	NegativesAbstain float64 `json:"negatives_abstain"` // of the unanswerable ones (of the fit's slice)
	// BySize is the share of the threshold slice's answerable questions
	// under the threshold in each group of sizes: the rule's bound.
	BySize []namedWeight `json:"false_abstain_by_size"`
}

// confWeights returns w's confidence weights, named.
func confWeights(w facts.Weights) []namedWeight {
	var ws []namedWeight
	for i, name := range facts.ConfidenceInputs {
		ws = append(ws, namedWeight{name, w.Confidence[i]})
	}
	return ws
}

func (f *weightsFile) setWeights(w facts.Weights) {
	f.Features, f.Confidence = nil, nil
	for i, name := range facts.FeatureNames {
		f.Features = append(f.Features, namedWeight{name, w.Features[i]})
	}
	f.Answerable = nil
	for i, name := range facts.ConfidenceInputs {
		f.Confidence = append(f.Confidence, namedWeight{name, w.Confidence[i]})
		f.Answerable = append(f.Answerable, namedWeight{name, w.Answerable[i]})
	}
	f.AbstainBelow, f.AbstainBySize = w.AbstainBelow, w.AbstainBySize
	f.Expanders = nil
	for i, name := range facts.ExpanderNames {
		f.Expanders = append(f.Expanders, namedWeight{name, w.Expanders[i]})
	}
	f.Trees, f.ConfTrees = nil, nil
	if len(w.Trees) > 0 {
		f.Trees = facts.TreesJSON(w.Trees, facts.FeatureNames[:])
	}
	if len(w.ConfidenceTrees) > 0 {
		f.ConfTrees = facts.TreesJSON(w.ConfidenceTrees, facts.ConfidenceInputs[:])
	}
	f.AnsTrees = nil
	if len(w.AnswerableTrees) > 0 {
		f.AnsTrees = facts.TreesJSON(w.AnswerableTrees, facts.ConfidenceInputs[:])
	}
}

// flatObject matches an indented JSON object with no object or array in
// it; indent, the line breaks and indentation in it.
var (
	flatObject = regexp.MustCompile(`\{\n[^{}\[\]]*\n\s*\}`)
	indent     = regexp.MustCompile(`\n\s*`)
	nodeList   = regexp.MustCompile(`"nodes": \[[^\[\]]*\]`)
)

// encode returns the file's JSON: indented, but one line for each object
// that holds no other (a weight, a data file).
func (f *weightsFile) encode() ([]byte, error) {
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode weights: %w", err)
	}
	data = flatObject.ReplaceAllFunc(data, func(obj []byte) []byte {
		// JSON strings have no line breaks: only the layout changes.
		s := indent.ReplaceAllString(string(obj), " ")
		return []byte("{" + strings.TrimSpace(s[1:len(s)-1]) + "}")
	})
	// A tree's nodes on one line.
	data = nodeList.ReplaceAllFunc(data, func(list []byte) []byte {
		return []byte(indent.ReplaceAllString(string(list), " "))
	})
	return append(data, '\n'), nil
}
