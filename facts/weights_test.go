package facts

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestWeightsFile checks that weights.json weighs the features and the
// confidence inputs the engine has, in its order.
func TestWeightsFile(t *testing.T) {
	names := func(ws []namedWeight) []string {
		var out []string
		for _, w := range ws {
			out = append(out, w.Name)
		}
		return out
	}
	for _, tc := range []struct {
		list      string
		want, got []string
	}{
		{"feature", FeatureNames[:], names(embeddedWeights.Features)},
		{"confidence input", ConfidenceInputs[:], names(embeddedWeights.Confidence)},
		{"answerability input", ConfidenceInputs[:], names(embeddedWeights.Answerable)},
	} {
		t.Run(tc.list, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.got); diff != "" {
				t.Errorf("%s list changed: rerun go run ./cmd/factfit (-want +got):\n%s", tc.list, diff)
			}
		})
	}
	if th := embeddedWeights.AbstainBelow; th < 0 || th >= 1 {
		t.Errorf("abstain_below = %v, want a confidence in [0, 1)", th)
	}
	for i, st := range embeddedWeights.AbstainBySize {
		if st.Below < 0 || st.Below >= 1 || st.Facts <= 0 || i > 0 && st.Facts <= embeddedWeights.AbstainBySize[i-1].Facts {
			t.Errorf("abstain_below_by_size[%d] = %+v: want sizes growing and confidences in [0, 1)", i, st)
		}
	}
}

// TestAbstainBelowFor: a base between two fitted sizes takes a threshold
// between theirs, in the logarithm of its size; beyond them, the nearest.
func TestAbstainBelowFor(t *testing.T) {
	w := Weights{AbstainBelow: 0.5, AbstainBySize: []SizeThreshold{{100, 0.02}, {10000, 0.22}, {100000, 0.3}}}
	for _, tc := range []struct {
		facts int
		want  float64
	}{
		{1, 0.02}, {100, 0.02}, {1000, 0.12}, {10000, 0.22}, {31623, 0.26}, {100000, 0.3}, {10000000, 0.3},
	} {
		if got := w.AbstainBelowFor(tc.facts); math.Abs(got-tc.want) > 1e-3 {
			t.Errorf("AbstainBelowFor(%d) = %.4f, want %.4f", tc.facts, got, tc.want)
		}
	}
	if got := (&Weights{AbstainBelow: 0.07}).AbstainBelowFor(500); got != 0.07 {
		t.Errorf("without sizes: %v, want AbstainBelow 0.07", got)
	}
}

// TestWithWeights checks that a base built with other weights ranks and
// abstains by them, and that the default ones are those of weights.json.
func TestWithWeights(t *testing.T) {
	arts := []Article{{ID: "a", Title: "Rivers", Paragraphs: []string{
		"The Nile is the longest river in Africa.",
		"Rivers carry water to the sea.",
	}}}
	if got := New(arts, nil).weights; !cmp.Equal(got, DefaultWeights()) {
		t.Errorf("New without options: weights %+v, want DefaultWeights", got)
	}
	var never, always Weights
	always.AbstainBelow = 1
	// The engine abstains by the answerability, and shows the confidence:
	// a sure answer that the base may not hold abstains, an unsure one that
	// it surely holds stands at its low confidence.
	sigmoid := func(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
	sureUnanswerable, unsureAnswerable := Weights{AbstainBelow: 0.5}, Weights{AbstainBelow: 0.5}
	sureUnanswerable.Confidence[cBias], sureUnanswerable.Answerable[cBias] = 4, -4
	unsureAnswerable.Confidence[cBias], unsureAnswerable.Answerable[cBias] = -4, 4
	for _, tc := range []struct {
		name       string
		w          Weights
		abstain    bool
		confidence float64
	}{
		{"zero weights never abstain", never, false, 0.5},
		{"threshold 1 always abstains", always, true, 0.5},
		{"a sure answer the base may not hold abstains", sureUnanswerable, true, sigmoid(4)},
		{"an unsure answer the base holds stands", unsureAnswerable, false, sigmoid(-4)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ans := New(arts, nil, WithWeights(tc.w)).Ask("Which is the longest river in Africa?")
			if got := ans.Abstained(); got != tc.abstain {
				t.Errorf("Abstained() = %v, want %v", got, tc.abstain)
			}
			if math.Abs(ans.Confidence-tc.confidence) > 1e-9 {
				t.Errorf("Confidence = %v, want %v", ans.Confidence, tc.confidence)
			}
		})
	}
}

// TestWeightsWithoutAnswerability: a weights file from before the
// answerability model abstains by the confidence model, as it did.
func TestWeightsWithoutAnswerability(t *testing.T) {
	f := embeddedWeights
	f.Answerable, f.parsedAns = nil, nil
	w := f.weights()
	if w.Answerable != w.Confidence || len(w.AnswerableTrees) != len(w.ConfidenceTrees) {
		t.Errorf("without answerable weights: %v and %d trees, want the confidence's %v and %d trees",
			w.Answerable, len(w.AnswerableTrees), w.Confidence, len(w.ConfidenceTrees))
	}
	if got := embeddedWeights.weights(); got.Answerable == got.Confidence {
		t.Errorf("weights.json's answerability weights are the confidence's: has it an answerable list?")
	}
}
