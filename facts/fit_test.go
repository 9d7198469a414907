package facts

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factbot/factbot/internal/eval"
)

// Fitting the weights of weights.go: run
//
//	go test ./facts -run TestFit -fit
//
// with SQuAD train at ../shared/corpora/squad-train. It never runs in CI.
//
// Every tenth SQuAD article is held out of the fact base; questions about
// the others (none of sample-2000, which is for measuring) train the
// ranking weights, by softmax regression over each question's candidates
// (a candidate is right when its quote holds the gold answer). The
// confidence model is then a logistic regression on the same questions
// (right when the first candidate is) plus questions about the held-out
// articles, which the base cannot answer. The abstention threshold is the
// highest that keeps abstentions on answerable training questions within
// maxFalseAbstain.

var fit = flag.Bool("fit", false, "refit the weights of weights.go on SQuAD train")

const maxFalseAbstain = 0.02

type fitQuestion struct {
	eval.Question
	held bool // about a held-out article
}

func readSquadQuestions(t *testing.T) (train, heldOut []fitQuestion, sample map[string]bool) {
	t.Helper()
	sample = map[string]bool{}
	sf, err := os.Open(filepath.Join(squadDir, "sample-2000.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	sq, err := eval.ReadQuestions(sf)
	sf.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range sq {
		sample[q.ID] = true
	}
	f, err := os.Open(filepath.Join(squadDir, "questions.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		var q eval.Question
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			t.Fatal(err)
		}
		if sample[q.ID] {
			continue
		}
		n++
		if n%7 != 0 {
			continue
		}
		fq := fitQuestion{Question: q, held: heldOutArticle(q.Source)}
		if fq.held {
			heldOut = append(heldOut, fq)
		} else {
			train = append(train, fq)
		}
	}
	return train, heldOut, sample
}

// heldOutArticle reports whether a SQuAD article ("042-slug") is kept out
// of the training fact base.
func heldOutArticle(id string) bool {
	var n int
	fmt.Sscanf(id, "%d", &n)
	return n%10 == 9
}

func TestFit(t *testing.T) {
	if !*fit {
		t.Skip("run with -fit to refit weights.go")
	}
	dir := filepath.Join(squadDir, "articles")
	all, err := Load(os.DirFS(dir))
	if err != nil {
		t.Skip(err)
	}
	var kept []Article
	for _, a := range all.Articles() {
		if !heldOutArticle(a.ID) {
			kept = append(kept, a)
		}
	}
	b := New(kept, nil)
	train, heldOut, _ := readSquadQuestions(t)
	t.Logf("fact base: %d facts; %d training questions, %d about held-out articles", b.Len(), len(train), len(heldOut))

	// Ranking: softmax regression over each question's candidates.
	type example struct {
		x   [][nFeatures]float64
		pos []bool
	}
	var exs []example
	s := b.newScratch()
	for _, q := range train {
		r, ok := b.search(s, q.Q)
		if !ok {
			continue
		}
		var ex example
		any := false
		for _, c := range r.cands {
			var x [nFeatures]float64
			for i, v := range c.x {
				x[i] = float64(v)
			}
			ex.x = append(ex.x, x)
			p := eval.HoldsAny(b.facts[c.fact].text, q.Facts)
			ex.pos = append(ex.pos, p)
			any = any || p
		}
		if any && len(ex.x) > 1 {
			exs = append(exs, ex)
		}
	}
	w := make([]float64, nFeatures)
	fixed := make([]bool, nFeatures)
	for i, v := range featureWeights {
		w[i] = float64(v)
		for _, name := range strings.Split(os.Getenv("FIT_ZERO"), ",") {
			if name == FeatureNames[i] {
				w[i], fixed[i] = 0, true
			}
		}
	}
	adam(w, 400, 0.05, func(g []float64) float64 {
		loss := 0.0
		for _, ex := range exs {
			scores := make([]float64, len(ex.x))
			hi := math.Inf(-1)
			for j, x := range ex.x {
				scores[j] = dot(w, x[:])
				hi = math.Max(hi, scores[j])
			}
			var zAll, zPos float64
			for j, sc := range scores {
				e := math.Exp(sc - hi)
				zAll += e
				if ex.pos[j] {
					zPos += e
				}
			}
			loss -= math.Log(zPos / zAll)
			for j, x := range ex.x {
				e := math.Exp(scores[j] - hi)
				p := e / zAll
				q := 0.0
				if ex.pos[j] {
					q = e / zPos
				}
				for i := range g {
					g[i] += (p - q) * x[i]
				}
			}
		}
		for i := range g {
			g[i] = g[i]/float64(len(exs)) + 1e-4*w[i]
			if fixed[i] {
				g[i] = 0
			}
		}
		return loss / float64(len(exs))
	})
	for i := range featureWeights {
		featureWeights[i] = float32(w[i])
	}
	top1 := func(qs []fitQuestion) float64 {
		hit := 0
		for _, q := range qs {
			if r, ok := b.search(s, q.Q); ok && eval.HoldsAny(b.facts[r.cands[0].fact].text, q.Facts) {
				hit++
			}
		}
		return float64(hit) / float64(len(qs))
	}
	t.Logf("ranking weights %v; training top-1 %.3f over %d questions with a right candidate", fmtWeights(w, FeatureNames[:]), top1(train), len(exs))

	// Confidence: logistic regression on the first candidate's inputs.
	var xs [][nConfInputs]float64
	var ys []float64
	var inScope []bool
	for _, set := range [][]fitQuestion{train, heldOut} {
		for _, q := range set {
			r, ok := b.search(s, q.Q)
			if !ok {
				continue
			}
			y := 0.0
			if !q.held && eval.HoldsAny(b.facts[r.cands[0].fact].text, q.Facts) {
				y = 1
			}
			xs = append(xs, r.conf)
			ys = append(ys, y)
			inScope = append(inScope, !q.held)
		}
	}
	cw := make([]float64, nConfInputs)
	cfixed := make([]bool, nConfInputs)
	for i := range cw {
		for _, name := range strings.Split(os.Getenv("FIT_ZERO"), ",") {
			if name == ConfidenceInputs[i] {
				cfixed[i] = true
			}
		}
	}
	adam(cw, 600, 0.05, func(g []float64) float64 {
		loss := 0.0
		for k, x := range xs {
			p := 1 / (1 + math.Exp(-dot(cw, x[:])))
			loss -= ys[k]*math.Log(p+1e-12) + (1-ys[k])*math.Log(1-p+1e-12)
			for i := range g {
				g[i] += (p - ys[k]) * x[i]
			}
		}
		for i := range g {
			g[i] = g[i]/float64(len(xs)) + 1e-4*cw[i]
			if cfixed[i] {
				g[i] = 0
			}
		}
		return loss / float64(len(xs))
	})
	for i := range confWeights {
		confWeights[i] = cw[i]
	}
	// The threshold: the highest that keeps false abstentions in bounds.
	var nIn, nOut int
	for _, in := range inScope {
		if in {
			nIn++
		} else {
			nOut++
		}
	}
	for th := 0.04; th < 0.3; th += 0.02 {
		fa, ok := 0, 0
		for k, x := range xs {
			if confidence(x) < th {
				if inScope[k] {
					fa++
				} else {
					ok++
				}
			}
		}
		t.Logf("threshold %.2f: false abstain %.3f, held-out abstain %.3f", th, float64(fa)/float64(nIn), float64(ok)/float64(nOut))
	}
	threshold := 0.0
	for th := 0.01; th < 0.9; th += 0.01 {
		falseAb := 0
		for k, x := range xs {
			if inScope[k] && confidence(x) < th {
				falseAb++
			}
		}
		if float64(falseAb)/float64(nIn) > maxFalseAbstain {
			break
		}
		threshold = th
	}
	abstainOK, falseAb := 0, 0
	for k, x := range xs {
		if confidence(x) < threshold {
			if inScope[k] {
				falseAb++
			} else {
				abstainOK++
			}
		}
	}
	t.Logf("confidence weights %v; threshold %.2f: abstains on %.3f of held-out questions, %.3f of answerable ones",
		fmtWeights(cw, ConfidenceInputs[:]), threshold, float64(abstainOK)/float64(nOut), float64(falseAb)/float64(nIn))

	src, err := format.Source([]byte(weightsFile(w, cw, threshold)))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("weights.go", src, 0o644); err != nil {
		t.Fatal(err)
	}
}

func dot(w, x []float64) float64 {
	s := 0.0
	for i := range w {
		s += w[i] * x[i]
	}
	return s
}

// adam minimises a loss whose gradient grad fills, from w, in place.
func adam(w []float64, steps int, rate float64, grad func(g []float64) float64) {
	m := make([]float64, len(w))
	v := make([]float64, len(w))
	g := make([]float64, len(w))
	const b1, b2 = 0.9, 0.999
	for step := 1; step <= steps; step++ {
		clear(g)
		grad(g)
		for i := range w {
			m[i] = b1*m[i] + (1-b1)*g[i]
			v[i] = b2*v[i] + (1-b2)*g[i]*g[i]
			mh := m[i] / (1 - math.Pow(b1, float64(step)))
			vh := v[i] / (1 - math.Pow(b2, float64(step)))
			w[i] -= rate * mh / (math.Sqrt(vh) + 1e-8)
		}
	}
}

func fmtWeights(w []float64, names []string) string {
	var parts []string
	for i, v := range w {
		parts = append(parts, fmt.Sprintf("%s=%.3f", names[i], v))
	}
	return strings.Join(parts, " ")
}

// weightsFile renders weights.go.
func weightsFile(w, cw []float64, threshold float64) string {
	var sb strings.Builder
	sb.WriteString(`// Code generated by "go test ./facts -run TestFit -fit"; DO NOT EDIT.

package facts

// featureWeights are the weights of the second-stage features, fitted by
// softmax regression on SQuAD train questions (see fit_test.go).
var featureWeights = [nFeatures]float32{
`)
	for i, v := range w {
		fmt.Fprintf(&sb, "\t%s: %.4f,\n", featureConst[i], v)
	}
	sb.WriteString(`}

// confWeights are the weights of the confidence model's inputs, fitted by
// logistic regression on SQuAD train questions, answerable and not.
var confWeights = [nConfInputs]float64{
`)
	for i, v := range cw {
		fmt.Fprintf(&sb, "\t%s: %.4f,\n", confConst[i], v)
	}
	fmt.Fprintf(&sb, `}

// abstainBelow is the confidence under which the engine abstains: the
// highest that keeps abstentions on answerable training questions under %.0f%%.
const abstainBelow = %.2f
`, 100*maxFalseAbstain, threshold)
	return sb.String()
}

var featureConst = [nFeatures]string{
	xSent: "xSent", xCover: "xCover", xCtx: "xCtx", xTitle: "xTitle",
	xProx: "xProx", xAmount: "xAmount", xDate: "xDate", xName: "xName", xReason: "xReason", xNear: "xNear", xList: "xList", xFocus: "xFocus", xLead: "xLead", xNames: "xNames", xLen: "xLen",
	xOrder: "xOrder",
}

var confConst = [nConfInputs]string{
	cBias: "cBias", cScore: "cScore", cMargin: "cMargin", cCover: "cCover", cContext: "cContext",
	cTypedOK: "cTypedOK", cUnknown: "cUnknown", cNamesMiss: "cNamesMiss",
}
