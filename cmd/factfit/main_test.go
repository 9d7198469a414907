package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/eval"
)

// writeCorpus writes a small SQuAD-like folder: articles about made-up
// towns, questions about them (some in sample-2000.jsonl), their chat
// twins in questions-chat.jsonl (lower case, no question mark, "wat" for
// "what"), and returns its path.
func writeCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "articles"), 0o755); err != nil {
		t.Fatal(err)
	}
	rivers := []string{"Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Gum", "Hazel", "Ivy", "Juniper"}
	trades := []string{"wool", "salt", "copper", "timber", "cheese", "glass", "paper", "silk", "iron", "wine"}
	var questions, sample, chat bytes.Buffer
	n := 0
	for i := range 20 {
		town := fmt.Sprintf("Town%c%c", 'A'+i, 'a'+(i*7)%26)
		id := fmt.Sprintf("%03d-%s", i, strings.ToLower(town))
		river, trade, year := rivers[i%10], trades[(i*3)%10], 1500+17*i
		facts := []struct{ text, q, a string }{
			{fmt.Sprintf("%s lies on the %s river, in a wide valley.", town, river), fmt.Sprintf("Which river does %s lie on?", town), river},
			{fmt.Sprintf("The town was founded in %d by monks.", year), fmt.Sprintf("When was %s founded?", town), fmt.Sprint(year)},
			{fmt.Sprintf("Its market has traded %s for centuries.", trade), fmt.Sprintf("What has the market of %s traded?", town), trade},
			{fmt.Sprintf("About %d people live in %s today.", 1000*(i+2), town), fmt.Sprintf("How many people live in %s?", town), fmt.Sprint(1000 * (i + 2))},
			{fmt.Sprintf("The mayor of %s is %s Smith.", town, rivers[(i+4)%10]), fmt.Sprintf("Who is the mayor of %s?", town), rivers[(i+4)%10] + " Smith"},
			{fmt.Sprintf("%s has a bridge of %d arches over the %s.", town, 3+i%5, river), fmt.Sprintf("How many arches has the bridge of %s?", town), fmt.Sprint(3 + i%5)},
			{fmt.Sprintf("A fair in %s draws visitors every %s.", town, []string{"spring", "summer", "autumn", "winter"}[i%4]), fmt.Sprintf("When is the fair in %s?", town), []string{"spring", "summer", "autumn", "winter"}[i%4]},
		}
		var text strings.Builder
		fmt.Fprintf(&text, "%s\n\n", town)
		for k, f := range facts {
			text.WriteString(f.text)
			if k%2 == 1 {
				text.WriteString("\n\n")
			} else {
				text.WriteString(" ")
			}
			for range 2 {
				n++
				line, _ := json.Marshal(map[string]any{"id": fmt.Sprintf("train-%05d", n), "q": f.q, "facts": []string{f.a}, "answers": []string{f.a}, "source": id, "paragraph": 1 + k/2})
				questions.Write(append(line, '\n'))
				cq := strings.ReplaceAll(strings.TrimSuffix(strings.ToLower(f.q), "?"), "what", "wat")
				line, _ = json.Marshal(map[string]any{"id": fmt.Sprintf("train-%05d-chat", n), "q": cq, "facts": []string{f.a}, "answers": []string{f.a}, "source": id, "paragraph": 1 + k/2, "clean": f.q})
				chat.Write(append(line, '\n'))
				if n%11 == 0 {
					sample.Write(append(line, '\n'))
				}
			}
		}
		if err := os.WriteFile(filepath.Join(dir, "articles", id+".txt"), []byte(text.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range map[string][]byte{"questions.jsonl": questions.Bytes(), "sample-2000.jsonl": sample.Bytes(), "questions-chat.jsonl": chat.Bytes()} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestRun fits weights on a small corpus twice and checks that the files
// are the same, byte for byte, and record what they should.
func TestRun(t *testing.T) {
	squad := writeCorpus(t)
	var outs [][]byte
	out := filepath.Join(t.TempDir(), "weights.json")
	for i := range 2 {
		args := []string{"-squad", squad, "-chat", filepath.Join(squad, "questions-chat.jsonl"), "-o", out, "-l2", "0.01", "-conf-l2", "0.01"}
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), args, &stdout, &stderr); err != nil {
			t.Fatalf("run %d: %v\n%s", i, err, stderr.String())
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		outs = append(outs, data)
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Errorf("two runs wrote different files:\n%s\n%s", outs[0], outs[1])
	}
	var f weightsFile
	if err := json.Unmarshal(outs[0], &f); err != nil {
		t.Fatal(err)
	}
	names := func(ws []namedWeight) []string {
		var out []string
		for _, w := range ws {
			out = append(out, w.Name)
		}
		return out
	}
	if diff := cmp.Diff(facts.FeatureNames[:], names(f.Features)); diff != "" {
		t.Errorf("features (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(facts.ConfidenceInputs[:], names(f.Confidence)); diff != "" {
		t.Errorf("confidence inputs (-want +got):\n%s", diff)
	}
	if len(f.Command) == 0 || f.Command[0] != "factfit" {
		t.Errorf("command = %q, want factfit and its arguments", f.Command)
	}
	if got, want := len(f.Data), 20+3; got != want {
		t.Errorf("%d data files recorded, want %d", got, want)
	}
	for _, d := range f.Data {
		data, err := os.ReadFile(filepath.Join(squad, strings.TrimPrefix(d.Path, filepath.ToSlash(relPath(repoRoot(), squad))+"/")))
		if err != nil {
			t.Errorf("recorded path %s: %v", d.Path, err)
			continue
		}
		if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != d.SHA256 {
			t.Errorf("%s: recorded sha256 %s is not the file's", d.Path, d.SHA256)
		}
	}
	if f.Fit.Confidence.Top1 <= 0 || f.Fit.Confidence.Unanswerable == 0 {
		t.Errorf("fit figures %+v: want a training top-1 and held-out questions", f.Fit)
	}
	if g := f.Fit.General; g == nil || len(g.Results) != (len(generalSizes)+len(generalPieces))*len(generalVariants) {
		t.Errorf("general measure %+v: want a result for each size and form", g)
	}
	// The thresholds are set on questions neither fit saw, and hold there.
	for _, e := range f.Fit.Confidence.Episodes {
		if e.Episodes > 0 && e.Tuning == 0 {
			t.Errorf("episodes %+v: want questions of the threshold slice", e)
		}
	}
	th := f.Fit.Threshold
	for _, g := range th.BySize {
		if g.Weight > th.MaxFalseAbstain {
			t.Errorf("threshold slice's false abstentions at %s articles: %v, want at most %v", g.Name, g.Weight, th.MaxFalseAbstain)
		}
	}
}

// TestMeasure checks -measure: the general measure of the embedded
// weights, on bases of the held-out towns (009 and 019), with the inputs
// recorded.
func TestMeasure(t *testing.T) {
	squad := writeCorpus(t)
	var stdout, stderr bytes.Buffer
	args := []string{"-squad", squad, "-chat", filepath.Join(squad, "questions-chat.jsonl"), "-measure"}
	if err := run(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	var m struct {
		Command []string       `json:"command"`
		Data    []dataFile     `json:"data"`
		General generalFigures `json:"general"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &m); err != nil {
		t.Fatalf("%v in %s", err, stdout.String())
	}
	if len(m.Command) != len(args)+1 || len(m.Data) != 20+3 {
		t.Errorf("command %q and %d data files: want the command line and every file read", m.Command, len(m.Data))
	}
	// Bases of one and two towns, then of pieces of one and two.
	if diff := cmp.Diff([]int{2, 1, 2, 1}, m.General.Bases); diff != "" {
		t.Errorf("bases (-want +got):\n%s", diff)
	}
	changed := false
	for _, r := range m.General.Results {
		// The base of two has both held-out towns: no other article.
		if r.Answerable == 0 || (r.Other == 0) != (r.Articles == 2) || r.Adv == 0 {
			t.Errorf("%+v: want answerable, adversarial and (but in the base of both towns) other-article questions", r)
		}
		if r.Cite1 < 0 || r.Cite1 > 1 || r.FalseAbst < 0 || r.FalseAbst > 1 {
			t.Errorf("%+v: shares out of [0, 1]", r)
		}
		// The answerability, which the engine abstains by, tells the
		// towns' questions from the others better than chance.
		if r.AnswerableAUC <= 0.5 || r.AnswerableAUC > 1 {
			t.Errorf("%+v: answerability AUC %v, want above chance", r, r.AnswerableAUC)
		}
		// Every base has the adversary's twins, so the on-topic AUC is
		// measured.
		if r.OnTopicAUC <= 0 || r.OnTopicAUC > 1 {
			t.Errorf("%+v: on-topic AUC %v, want one measured", r, r.OnTopicAUC)
		}
		if (r.Variant == "clean" || r.Variant == "chat") && r.Changed != 0 {
			t.Errorf("%+v: a form not paraphrased with words changed", r)
		}
		changed = changed || r.Changed > 0
	}
	if !changed {
		t.Errorf("no question paraphrased: %+v", m.General.Results)
	}
}

// TestParaphraseEpisodes checks -paraphrase: the small episodes get
// paraphrased answerable questions, which the fit counts apart and the
// threshold rule leaves out.
func TestParaphraseEpisodes(t *testing.T) {
	squad := writeCorpus(t)
	out := filepath.Join(t.TempDir(), "weights.json")
	args := []string{"-squad", squad, "-chat", filepath.Join(squad, "questions-chat.jsonl"), "-o", out, "-l2", "0.01", "-conf-l2", "0.01", "-paraphrase", "1"}
	f := fitFile(t, args, out)
	c := f.Fit.Confidence
	if c.Paraphrased == 0 {
		t.Errorf("confidence figures %+v: want paraphrased questions", c)
	}
	for _, e := range c.Episodes {
		if e.Answerable > 0 && (e.Paraphrased > 0) == (e.Articles == "all") {
			t.Errorf("episodes %+v: want paraphrases in the small bases only", e)
		}
	}
	if f.Fit.Threshold.FalseAbstain > 0.05 {
		t.Errorf("false abstentions %v, want at most -max-false-abstain's 0.05", f.Fit.Threshold.FalseAbstain)
	}
}

// TestCalibration fits the small corpus and checks the calibration it
// reports on its held-out slice (the questions about towns 008 and 018,
// and 019's as unanswerable: about 50 samples in their episodes).
//
// The bound: with n ≈ 50 samples spread over B ≈ 5 occupied buckets, a
// perfectly calibrated model still shows an ECE of about
// √(2/π)·√(¼·B/n) ≈ 0.12 at most from sampling alone (each bucket's
// accuracy is a mean of 0/1 outcomes). 0.2 leaves room for that and no
// more. ECE alone does not see a model that says the base rate to every
// question, so the test also wants the confident answers to be right far
// more often than the others.
func TestCalibration(t *testing.T) {
	squad := writeCorpus(t)
	out := filepath.Join(t.TempDir(), "weights.json")
	args := []string{"-squad", squad, "-chat", filepath.Join(squad, "questions-chat.jsonl"), "-o", out, "-l2", "0.01", "-conf-l2", "0.01"}
	f := fitFile(t, args, out)
	k := f.Fit.Calibration
	if len(k.Reliability) != 10 || len(k.BySize) != len(sizeGroups()) {
		t.Fatalf("calibration %+v: want 10 buckets and an ECE for each of %d sizes", k, len(sizeGroups()))
	}
	if k.ECE <= 0 || k.ECE >= 0.2 {
		t.Errorf("ECE = %v, want in (0, 0.2)", k.ECE)
	}
	var hi, lo [2]float64 // weight, weight right
	for _, b := range k.Reliability {
		p := &lo
		if b.From >= 0.5 {
			p = &hi
		}
		p[0] += b.Share
		p[1] += b.Share * b.Accuracy
	}
	if hi[0] == 0 || lo[0] == 0 || hi[1]/hi[0]-lo[1]/lo[0] < 0.5 {
		t.Errorf("right %.2f of answers at confidence ≥ 0.5 and %.2f under: want a gap of 0.5 at least; reliability %+v", hi[1]/hi[0], lo[1]/lo[0], k.Reliability)
	}
	if f.Fit.Threshold.FalseAbstain > 0.05 {
		t.Errorf("false abstentions %v, want at most -max-false-abstain's 0.05", f.Fit.Threshold.FalseAbstain)
	}
}

// TestConfidenceTrees checks -conf-trees: the file holds that many trees
// over the confidence inputs by name, and the held-out log loss with them
// beside the one without; -conf-trees 0 writes none.
func TestConfidenceTrees(t *testing.T) {
	squad := writeCorpus(t)
	for _, n := range []int{0, 5} {
		out := filepath.Join(t.TempDir(), "weights.json")
		args := []string{"-squad", squad, "-chat", filepath.Join(squad, "questions-chat.jsonl"), "-o", out, "-l2", "0.01", "-conf-l2", "0.01", "-conf-trees", strconv.Itoa(n)}
		f := fitFile(t, args, out)
		trees, _ := f.ConfTrees.([]any)
		c := f.Fit.Confidence
		if len(trees) != n || c.Trees != n || c.HeldOutLinearLoss <= 0 || (c.HeldOutLoss > 0) != (n > 0) {
			t.Errorf("-conf-trees %d: %d trees in the file, figures %+v", n, len(trees), c)
		}
		for _, tr := range trees {
			for _, node := range tr.(map[string]any)["nodes"].([]any) {
				if name, ok := node.(map[string]any)["feature"].(string); ok && !slices.Contains(facts.ConfidenceInputs[:], name) {
					t.Errorf("-conf-trees %d: a node on %q, no confidence input", n, name)
				}
			}
		}
	}
}

// TestRunErrors checks the command line and missing data.
func TestRunErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string // in the error
	}{
		{"unknown target", []string{"-target", "best"}, "want any-right or each-right"},
		{"stray argument", []string{"fit"}, "unexpected arguments"},
		{"unknown expander", []string{"-expander", "colour=0.5"}, "want name=weight"},
		{"expander weight above 1", []string{"-expander", "synonym=1.5"}, "want name=weight"},
		{"no corpus", []string{"-squad", filepath.Join(t.TempDir(), "none")}, "read SQuAD articles"},
		{"no chat file", []string{"-squad", writeCorpus(t), "-chat", filepath.Join(t.TempDir(), "none.jsonl")}, "checksum"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), tc.args, &stdout, &stderr)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("run(%q) = %v, want an error with %q", tc.args, err, tc.want)
			}
		})
	}
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"-help"}, &stdout, &stderr); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("run(-help) = %v, want flag.ErrHelp", err)
	}
}

func TestThreshold(t *testing.T) {
	for _, tc := range []struct {
		name       string
		conf       []float64
		answerable []bool
		weight     []float64
		max        float64
		want       cut
	}{
		{
			name:       "one answerable low in ten, 10% allowed",
			conf:       []float64{0.05, 0.5, 0.6, 0.7, 0.8, 0.9, 0.9, 0.9, 0.9, 0.9, 0.1, 0.3},
			answerable: []bool{true, true, true, true, true, true, true, true, true, true, false, false},
			max:        0.1,
			want:       cut{below: 0.5, answerable: 10, unanswerable: 2, falseAbstain: 0.1, heldOutAbstain: 1},
		},
		{
			name:       "one answerable low of weight 3 in 12, 10% allowed",
			conf:       []float64{0.05, 0.5, 0.6, 0.7, 0.8, 0.9, 0.9, 0.9, 0.9, 0.9, 0.1, 0.3},
			answerable: []bool{true, true, true, true, true, true, true, true, true, true, false, false},
			weight:     []float64{3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3},
			max:        0.1,
			want:       cut{below: 0.05, answerable: 10, unanswerable: 2, falseAbstain: 0, heldOutAbstain: 0},
		},
		{
			name:       "none allowed",
			conf:       []float64{0.05, 0.5, 0.02},
			answerable: []bool{true, true, false},
			max:        0,
			want:       cut{below: 0.05, answerable: 2, unanswerable: 1, falseAbstain: 0, heldOutAbstain: 1},
		},
		{
			name:       "a threshold between hundredths",
			conf:       []float64{0.0355, 0.5, 0.6, 0.7, 0.8, 0.9, 0.9, 0.9, 0.9, 0.9},
			answerable: []bool{true, true, true, true, true, true, true, true, true, true},
			max:        0,
			want:       cut{below: 0.035, answerable: 10},
		},
		{
			name:       "even one step too high",
			conf:       []float64{0.0005, 0.5},
			answerable: []bool{true, true},
			max:        0,
			want:       cut{below: 0, answerable: 2},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := threshold(tc.conf, tc.answerable, tc.weight, tc.max)
			if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(cut{})); diff != "" {
				t.Errorf("threshold (-want +got):\n%s", diff)
			}
		})
	}
}

// TestExpanderOverride checks that -expander fixes an expander's weight,
// which the search then leaves, and that fixing every one skips the search.
func TestExpanderOverride(t *testing.T) {
	squad := writeCorpus(t)
	out := filepath.Join(t.TempDir(), "weights.json")
	all := []string{}
	for _, name := range facts.ExpanderNames {
		all = append(all, "-expander", name+"=0.3")
	}
	for _, tc := range []struct {
		name       string
		args       []string
		wantSearch bool
	}{
		{"one fixed", []string{"-expander", "synonym=0.3"}, true},
		{"all fixed", all, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"-squad", squad, "-o", out, "-l2", "0.01", "-conf-l2", "0.01"}, tc.args...)
			f := fitFile(t, args, out)
			if f.Expanders[0].Name != "synonym" || f.Expanders[0].Weight != 0.3 {
				t.Errorf("expanders %v, want synonym at 0.3", f.Expanders)
			}
			if got := f.Fit.Expanders != nil; got != tc.wantSearch {
				t.Errorf("search recorded: %v, want %v", got, tc.wantSearch)
			}
		})
	}
}

// fitFile runs factfit with args, which write out, and returns the file.
func fitFile(t *testing.T, args []string, out string) weightsFile {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var f weightsFile
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestAUC(t *testing.T) {
	for _, tc := range []struct {
		pos, neg []float64
		want     float64
	}{
		{[]float64{0.9, 0.8}, []float64{0.1, 0.2}, 1},
		{[]float64{0.1}, []float64{0.9}, 0},
		{[]float64{0.5}, []float64{0.5}, 0.5},
		{[]float64{0.3, 0.7}, []float64{0.5, 0.1}, 0.75},
		{nil, []float64{0.5}, 0},
	} {
		if got := auc(tc.pos, tc.neg); got != tc.want {
			t.Errorf("auc(%v, %v) = %v, want %v", tc.pos, tc.neg, got, tc.want)
		}
	}
}

// TestSpanFit fits the span model on the small corpus twice: the same
// file, every feature named in order, the trees over them, and a floor the
// engine reads back.
func TestSpanFit(t *testing.T) {
	squad := writeCorpus(t)
	out := filepath.Join(t.TempDir(), "span.json")
	var files [][]byte
	for i := range 2 {
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), []string{"-span", "-squad", squad, "-o", out}, &stdout, &stderr); err != nil {
			t.Fatalf("run %d: %v\n%s", i, err, stderr.String())
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, data)
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Errorf("two runs wrote different files")
	}
	var f struct {
		Command  []string            `json:"command"`
		Features []facts.NamedWeight `json:"features"`
		Trees    []json.RawMessage   `json:"trees"`
		Min      float64             `json:"min"`
		Fit      spanFigures         `json:"fit"`
	}
	if err := json.Unmarshal(files[0], &f); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, w := range f.Features {
		names = append(names, w.Name)
	}
	if diff := cmp.Diff(facts.SpanFeatures[:], names); diff != "" {
		t.Errorf("features (-want +got):\n%s", diff)
	}
	if len(f.Trees) != spanTrees || f.Min <= 0 || f.Min > 1 {
		t.Errorf("%d trees, floor %v: want %d trees and a floor in (0, 1]", len(f.Trees), f.Min, spanTrees)
	}
	if f.Fit.Train == 0 || f.Fit.Tune == 0 || !slices.Equal(f.Command, []string{"factfit", "-span", "-squad", squad, "-o", out}) {
		t.Errorf("figures %+v, command %q: want questions to train and to set the floor, and the command", f.Fit, f.Command)
	}
}

// eval.F1 is SQuAD's F1: articles and punctuation aside, over words.
func TestF1(t *testing.T) {
	for _, tt := range []struct {
		pred  string
		golds []string
		want  float64
	}{
		{"the Qing dynasty", []string{"Qing dynasty"}, 1},
		{"Qing", []string{"Qing dynasty", "the Manchu"}, 2.0 / 3},
		{"stone bridge.", []string{"a bridge"}, 2.0 / 3},
		{"river", []string{"bridge"}, 0},
		{"", []string{"bridge"}, 0},
	} {
		if got := eval.F1(tt.pred, tt.golds); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("F1(%q, %q) = %v, want %v", tt.pred, tt.golds, got, tt.want)
		}
	}
}

// TestSliceBound checks the share of a threshold slice that may abstain:
// one standard error under the bound, nearer it the more questions.
func TestSliceBound(t *testing.T) {
	for _, tc := range []struct {
		bound float64
		n     int
		want  float64
	}{
		{0.05, 2344, 0.0455},      // one article's slice: √(0.05·0.95/2344) = 0.0045
		{0.05, 1_000_000, 0.0498}, // many: nearly the bound itself
		{0.05, 0, 0.05},           // none: nothing to go by
		{0.05, 10, 0},             // few: none may abstain
		{0, 100, 0},
	} {
		if got := sliceBound(tc.bound, tc.n); math.Abs(got-tc.want) > 0.0002 {
			t.Errorf("sliceBound(%v, %d) = %.4f, want %.4f", tc.bound, tc.n, got, tc.want)
		}
	}
}
