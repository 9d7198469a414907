package main

import (
	"fmt"
	"github.com/factbot/factbot/internal/squadsplit"
	"io"
	"math"
	"path/filepath"
	"slices"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/stem"
	"github.com/factbot/factbot/facts/internal/translate"
)

// An evalCase is one question to rank candidate sentences for.
type evalCase struct {
	q    []string          // distinct question stems the table knows, question words included
	all  []string          // distinct question stems the engine indexes, names and numbers too
	sent []map[string]bool // the candidate sentences, as the stems the engine indexes
	gold []int             // the candidates that hold the answer
}

// features of one sentence for one question.
type features struct {
	overlap float64 // distinct question stems in the sentence
	idf     float64 // the same, weighted by idf
	tMax    float64 // Σ over question stems q of max t(s|q), s in the sentence and not in the question
	tWh     float64 // the part of tMax from the question words (what, who, how, many, …)
	tIdf    float64 // Σ over question stems q of max t(s|q)·idf(s), s as for tMax
	tLog    float64 // Σ over question stems q of log(1 + Σ t(s|q) / 0.01), s as for tMax
}

// A ranker scores a sentence from its features and a weight λ.
type ranker struct {
	name  string
	score func(f features, λ float64) float64
	tuned bool // λ is chosen on the tuning questions
}

var rankers = []ranker{
	{"(a) overlap: distinct shared stems", func(f features, _ float64) float64 { return f.overlap }, false},
	{"(a) overlap, idf-weighted", func(f features, _ float64) float64 { return f.idf }, false},
	{"(b) idf overlap + λ·Σ_q max_s t(s|q)", func(f features, l float64) float64 { return f.idf + l*f.tMax }, true},
	{"(b) … only q content words", func(f features, l float64) float64 { return f.idf + l*(f.tMax-f.tWh) }, true},
	{"(b) … only q question words", func(f features, l float64) float64 { return f.idf + l*f.tWh }, true},
	{"(b) idf overlap + λ·Σ_q max_s t(s|q)·idf(s)", func(f features, l float64) float64 { return f.idf + l*f.tIdf }, true},
	{"(b) idf overlap + λ·Σ_q log(1+Σ_s t(s|q)/0.01)", func(f features, l float64) float64 { return f.idf + l*f.tLog }, true},
}

// lambdas are the weights tried for the table's score; 0 is "do not use it".
var lambdas = []float64{0, 0.125, 0.25, 0.5, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128}

// evaluator holds what the evaluation computes once.
type evaluator struct {
	d   *data
	tab *translate.Table
	wh  map[string]bool             // stems of the question words
	idf map[string]float64          // over the sentences of the training paragraphs
	all map[*para][]map[string]bool // each paragraph's sentences as stem sets
}

// evaluate ranks candidate sentences for each question by word overlap
// alone and by overlap plus the table's score, and prints the top-1
// accuracy of each: first among the sentences of the question's paragraph,
// then among all the sentences of its article. The weight λ of the table's
// score is chosen on the questions of the held-out articles (NNN % 10 == 9),
// which the table was not trained on, and then measured on sample-2000.
func evaluate(d *data, tab *translate.Table, w io.Writer) error {
	e := &evaluator{d: d, tab: tab, wh: map[string]bool{}, idf: map[string]float64{}, all: map[*para][]map[string]bool{}}
	for x := range lang.QuestionWords {
		e.wh[stem.Of(x)] = true
	}
	for x := range askWords {
		e.wh[stem.Of(x)] = true
	}
	df := map[string]int{}
	nsent := 0
	for _, p := range d.paras { // the training paragraphs, so far
		for _, s := range e.sentences(p) {
			nsent++
			for x := range s {
				df[x]++
			}
		}
	}
	for x, n := range df {
		e.idf[x] = math.Log(float64(nsent+1) / float64(n+1))
	}
	e.idf[""] = math.Log(float64(nsent + 1)) // any stem not seen

	all, err := readQuestions(filepath.Join(d.c.dir, "questions.jsonl"))
	if err != nil {
		return err
	}
	var dev []question
	for _, q := range all {
		if squadsplit.HeldOutArticle(q.Source) && !d.heldOut[q.ID] {
			dev = append(dev, q)
		}
	}
	test, err := readQuestions(filepath.Join(d.c.dir, "sample-2000.jsonl"))
	if err != nil {
		return err
	}
	for _, scope := range []string{"paragraph", "article"} {
		devCases, err := e.cases(dev, scope == "article")
		if err != nil {
			return err
		}
		testCases, err := e.cases(test, scope == "article")
		if err != nil {
			return err
		}
		e.report(w, scope, devCases, testCases, len(test))
	}
	return nil
}

func (e *evaluator) sentences(p *para) []map[string]bool {
	if s, ok := e.all[p]; ok {
		return s
	}
	out := make([]map[string]bool, len(p.sents))
	for i, s := range p.sents {
		out[i] = map[string]bool{}
		for _, x := range e.d.ws.allWords(s) {
			out[i][x] = true
		}
	}
	e.all[p] = out
	return out
}

func (e *evaluator) idfOf(x string) float64 {
	if v, ok := e.idf[x]; ok {
		return v
	}
	return e.idf[""]
}

// cases makes the questions into cases: the candidates are the sentences
// of the question's paragraph or, with article, of its whole article; the
// gold ones are those of its paragraph that hold the answer text.
func (e *evaluator) cases(qs []question, article bool) ([]evalCase, error) {
	var out []evalCase
	for _, q := range qs {
		p, err := e.d.para(q)
		if err != nil {
			return nil, err
		}
		gold := answerSentences(p.sents, q.Answers)
		if len(gold) == 0 {
			continue
		}
		c := evalCase{q: distinct(e.d.ws.words(q.Q, true)), all: distinct(e.d.ws.allWords(q.Q))}
		if !article {
			c.sent, c.gold = e.sentences(p), gold
			out = append(out, c)
			continue
		}
		for k := 1; ; k++ {
			pk, err := e.d.para(question{Source: q.Source, Paragraph: k})
			if err != nil {
				break // past the last paragraph
			}
			if k == q.Paragraph {
				for _, g := range gold {
					c.gold = append(c.gold, len(c.sent)+g)
				}
			}
			c.sent = append(c.sent, e.sentences(pk)...)
		}
		out = append(out, c)
	}
	return out, nil
}

func distinct(ws []string) []string {
	var out []string
	for _, w := range ws {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

func (e *evaluator) features(c evalCase) []features {
	out := make([]features, len(c.sent))
	for j, s := range c.sent {
		f := &out[j]
		for _, x := range c.all {
			if s[x] {
				f.overlap++
				f.idf += e.idfOf(x)
			}
		}
		for _, x := range c.q {
			var mx, mxIdf, sum float64
			for _, p := range e.tab.Lookup(x) {
				if s[p.Stem] && !slices.Contains(c.all, p.Stem) {
					mx = max(mx, float64(p.P))
					mxIdf = max(mxIdf, float64(p.P)*e.idfOf(p.Stem))
					sum += float64(p.P)
				}
			}
			f.tMax += mx
			if e.wh[x] {
				f.tWh += mx
			}
			f.tIdf += mxIdf
			f.tLog += math.Log1p(sum / 0.01)
		}
	}
	return out
}

// report prints the top-1 accuracy of each ranker.
func (e *evaluator) report(w io.Writer, scope string, devCases, testCases []evalCase, ntest int) {
	devF, testF := make([][]features, len(devCases)), make([][]features, len(testCases))
	for i, c := range devCases {
		devF[i] = e.features(c)
	}
	for i, c := range testCases {
		testF[i] = e.features(c)
	}
	// low marks the questions whose answer sentence shares at most one
	// stem with them: those the table is for.
	low := func(fs []features, c evalCase) bool {
		for _, g := range c.gold {
			if fs[g].overlap > 1 {
				return false
			}
		}
		return true
	}
	nlow, ncand := 0, 0
	for i, c := range testCases {
		ncand += len(c.sent)
		if low(testF[i], c) {
			nlow++
		}
	}
	acc := func(cs []evalCase, fs [][]features, r ranker, l float64) (float64, int, int) {
		hit, lowHit := 0, 0
		for i, c := range cs {
			best, bestS := 0, math.Inf(-1)
			for j, f := range fs[i] {
				if s := r.score(f, l); s > bestS {
					best, bestS = j, s
				}
			}
			if slices.Contains(c.gold, best) {
				hit++
				if low(fs[i], c) {
					lowHit++
				}
			}
		}
		return float64(hit) / float64(len(cs)), hit, lowHit
	}
	fmt.Fprintf(w, "\nthe answer sentence among the sentences of its %s, top-1 (ties to the earlier sentence)\n", scope)
	fmt.Fprintf(w, "λ tuned on %d questions of held-out articles (NNN %% 10 == 9); measured on %d of the %d of sample-2000 with their answer inside a sentence (%.1f candidates each; %d share ≤ 1 stem with their answer sentence)\n",
		len(devCases), len(testCases), ntest, float64(ncand)/float64(len(testCases)), nlow)
	for _, r := range rankers {
		l := 0.0
		if r.tuned {
			bestAcc := -1.0
			for _, x := range lambdas {
				if a, _, _ := acc(devCases, devF, r, x); a > bestAcc {
					l, bestAcc = x, a
				}
			}
		}
		da, _, _ := acc(devCases, devF, r, l)
		ta, th, tl := acc(testCases, testF, r, l)
		fmt.Fprintf(w, "  %-50s λ=%-5g tune %.4f  sample-2000 %.4f (%d/%d; low-overlap %d/%d)\n",
			r.name, l, da, ta, th, len(testCases), tl, nlow)
	}
}
