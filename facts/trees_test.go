package facts

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// stump is a tree that adds v to the facts whose feature f is above cut.
func stump(f int, cut, v float64) Tree {
	return Tree{Nodes: []TreeNode{{Feature: f, Cut: cut, Left: 1, Right: 2}, {Feature: -1}, {Feature: -1, Value: v}}}
}

// TestTreesRerank checks that a base's trees add to the linear score: a
// stump on the fact's length puts the longer fact first where the linear
// weights alone put the shorter one.
func TestTreesRerank(t *testing.T) {
	arts := []Article{{ID: "a", Title: "Rivers", Paragraphs: []string{
		"The Nile flows north.",
		"The Nile, which crosses eleven countries of Africa on its long way, flows north into the sea.",
	}}}
	var w Weights
	w.Features[xCover] = 1
	w.Features[xLen] = -1
	first := func(w Weights) string {
		a := New(arts, nil, WithWeights(w)).Ask("Where does the Nile flow?")
		if len(a.Citations) == 0 {
			t.Fatal("no citation")
		}
		return a.Citations[0].Quote
	}
	if got := first(w); !strings.HasPrefix(got, "The Nile flows") {
		t.Fatalf("linear alone: first %q, want the short fact", got)
	}
	w.Trees = []Tree{stump(xLen, 0.6, 5)} // 0.4 for the short fact, 0.8 for the long
	if got := first(w); !strings.HasPrefix(got, "The Nile, which") {
		t.Errorf("with a stump on length: first %q, want the long fact", got)
	}
}

// TestForestEval checks the compiled forest against the trees' own walk,
// a fact at a cut going left.
func TestForestEval(t *testing.T) {
	ts := []Tree{
		stump(xCover, 0.5, 2),
		{Nodes: []TreeNode{
			{Feature: xDate, Cut: 0, Left: 1, Right: 2},
			{Feature: -1, Value: -1},
			{Feature: xLead, Cut: 0.5, Left: 3, Right: 4},
			{Feature: -1, Value: 0.25},
			{Feature: -1, Value: 0.5},
		}},
	}
	f := newForest(ts)
	cases := []struct {
		cover, date, lead float32
		want              float32
	}{
		{0.5, 0, 0, 0 - 1},
		{0.6, 0, 0, 2 - 1},
		{0.6, 1, 0.5, 2 + 0.25},
		{0.2, 1, 1, 0 + 0.5},
		{0.9, 1, 1, 2 + 0.5},
	}
	xs := make([][nFeatures]float32, len(cases))
	all := make([]cand, len(cases))
	for i, tc := range cases {
		xs[i][xCover], xs[i][xDate], xs[i][xLead] = tc.cover, tc.date, tc.lead
		one := []cand{{x: &xs[i]}}
		if f.addTo(one); one[0].score != tc.want {
			t.Errorf("alone: cover %v date %v lead %v: %v, want %v", tc.cover, tc.date, tc.lead, one[0].score, tc.want)
		}
		all[i] = cand{x: &xs[i]}
	}
	// Together: four walked at once, the fifth alone.
	f.addTo(all)
	for i, tc := range cases {
		if all[i].score != tc.want {
			t.Errorf("together: cover %v date %v lead %v: %v, want %v", tc.cover, tc.date, tc.lead, all[i].score, tc.want)
		}
	}
	if f.floor != 0-1 {
		t.Errorf("floor %v, want -1 (0 and -1, the trees' least leaves)", f.floor)
	}
}

// TestAddTreesTop checks that the trees rerank only the treeTop best
// candidates by the linear score, and the others take the floor.
func TestAddTreesTop(t *testing.T) {
	b := &Base{forest: newForest([]Tree{stump(xCover, 0.5, 100)})}
	n := treeTop + 3
	s := &scratch{feats: make([][nFeatures]float32, n)}
	for i := range n {
		s.feats[i][xCover] = 1
		s.cands = append(s.cands, cand{fact: uint32(i), score: float32(i), x: &s.feats[i]})
	}
	b.addTrees(s)
	for _, c := range s.cands {
		want := float32(c.fact) // the floor: 0
		if int(c.fact) >= n-treeTop {
			want += 100
		}
		if c.score != want {
			t.Errorf("fact %d: score %v, want %v", c.fact, c.score, want)
		}
	}
}

func TestCheckTrees(t *testing.T) {
	for _, tc := range []struct {
		name string
		t    Tree
		want string // in the error; "" for none
	}{
		{"a stump", stump(xCover, 0.5, 1), ""},
		{"a leaf alone", Tree{Nodes: []TreeNode{{Feature: -1, Value: 1}}}, ""},
		{"no nodes", Tree{}, "no nodes"},
		{"unknown feature", stump(nFeatures, 0.5, 1), "no feature"},
		{"a loop", Tree{Nodes: []TreeNode{{Feature: xCover, Left: 0, Right: 1}, {Feature: -1}}}, "out of order"},
		{"a child out of range", Tree{Nodes: []TreeNode{{Feature: xCover, Left: 1, Right: 5}, {Feature: -1}}}, "out of order or range"},
	} {
		err := checkTrees([]Tree{tc.t}, nFeatures)
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestTreesJSON checks that the ranking's and the confidence model's trees
// survive weights.json's form, inputs by name, and that a name of no input
// of theirs is an error.
func TestTreesJSON(t *testing.T) {
	for _, tc := range []struct {
		key          string
		names, other []string
		trees        []Tree
		byName       string
		read         func(weightsFile) []treeJSON
	}{
		{"trees", FeatureNames[:], ConfidenceInputs[:], []Tree{stump(xLen, 0.375, 1.5), stump(xTitle, 0.01, -0.25)},
			`"feature":"length"`, func(f weightsFile) []treeJSON { return f.Trees }},
		{"confidence_trees", ConfidenceInputs[:], FeatureNames[:], []Tree{stump(cMargin, 0.25, 1.5), stump(cAntonym, 0, -2)},
			`"feature":"margin"`, func(f weightsFile) []treeJSON { return f.ConfTrees }},
	} {
		t.Run(tc.key, func(t *testing.T) {
			data, err := json.Marshal(map[string]any{tc.key: TreesJSON(tc.trees, tc.names)})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(data), tc.byName) {
				t.Errorf("inputs not by name: %s", data)
			}
			var f weightsFile
			if err := json.Unmarshal(data, &f); err != nil {
				t.Fatal(err)
			}
			tjs := tc.read(f)
			got, err := parseTrees(tjs, tc.names)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.trees, got); diff != "" {
				t.Errorf("round trip (-want +got):\n%s", diff)
			}
			if _, err := parseTrees(tjs, tc.other); err == nil {
				t.Error("read over the other model's inputs: no error")
			}
			tjs[0].Nodes[0].Feature = "no-such-feature"
			if _, err := parseTrees(tjs, tc.names); err == nil || !strings.Contains(err.Error(), "no-such-feature") {
				t.Errorf("unknown input: %v", err)
			}
		})
	}
}

// TestConfidenceTrees checks that the confidence model's trees add to its
// logistic score, by the question's inputs: a stump on the margin lifts
// the confidence of a clear winner and leaves a close call's.
func TestConfidenceTrees(t *testing.T) {
	var w Weights
	w.Confidence[cBias] = -1
	var clear, close [nConfInputs]float64
	clear[cBias], clear[cMargin] = 1, 0.8
	close[cBias], close[cMargin] = 1, 0.1
	sigmoid := func(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
	if got := w.confidence(clear); math.Abs(got-sigmoid(-1)) > 1e-12 {
		t.Fatalf("no trees: %v, want %v", got, sigmoid(-1))
	}
	w.ConfidenceTrees = []Tree{stump(cMargin, 0.5, 3)}
	if got := w.confidence(clear); math.Abs(got-sigmoid(2)) > 1e-12 {
		t.Errorf("clear winner: %v, want %v", got, sigmoid(2))
	}
	if got := w.confidence(close); math.Abs(got-sigmoid(-1)) > 1e-12 {
		t.Errorf("close call: %v, want %v", got, sigmoid(-1))
	}
}

// TestNewRefusesConfidenceTrees: New refuses trees over an input the
// confidence model lacks.
func TestNewRefusesConfidenceTrees(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("New took a confidence tree over an input the model lacks")
		}
	}()
	var w Weights
	w.ConfidenceTrees = []Tree{stump(nConfInputs, 0.5, 1)}
	New(nil, nil, WithWeights(w))
}

// The compiled forest's value at one input is the trees' summed values,
// in float32.
func TestForestValue(t *testing.T) {
	ts := []Tree{stump(0, 0.5, 1), {Nodes: []TreeNode{
		{Feature: 1, Cut: 2, Left: 1, Right: 2},
		{Feature: 0, Cut: 0.25, Left: 3, Right: 4}, {Feature: -1, Value: 3},
		{Feature: -1, Value: -1}, {Feature: -1, Value: 0.5},
	}}}
	// Nine trees: value walks four at a time, then the one left.
	for k := range 7 {
		ts = append(ts, stump(k%2, 0.1*float64(k+1), float64(k)-3))
	}
	f := newForest(ts)
	for _, x := range [][]float64{{0, 0}, {0.3, 1}, {0.6, 2}, {0.6, 2.5}, {0.5, 3}} {
		want := 0.0
		for _, tr := range ts {
			want += tr.Value(x)
		}
		if got := f.value([]float32{float32(x[0]), float32(x[1])}); math.Abs(float64(got)-want) > 1e-6 {
			t.Errorf("value(%v) = %v, want %v", x, got, want)
		}
	}
}

// BenchmarkForestValue walks the span model's trees for one span, as the
// span reader does for each of its shortlist.
func BenchmarkForestValue(b *testing.B) {
	m := embeddedSpanModel()
	if m == nil {
		b.Skip("no span model")
	}
	x := make([]float32, nSpanFeatures)
	for i := range x {
		x[i] = float32(i%7) / 7
	}
	var sum float32
	for b.Loop() {
		sum += m.forest.value(x)
	}
	_ = sum
}
