package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/factbot/factbot/facts/internal/text"
	"github.com/factbot/factbot/facts/internal/translate"
	"github.com/factbot/factbot/internal/squadsplit"
)

// A para is a paragraph split into sentences, each as its stems.
type para struct {
	sents []string
	stems [][]string
}

// data is SQuAD read for training and measuring.
type data struct {
	c       corpus
	ws      wordSplitter
	paras   map[string]*para
	train   []pair
	qs      []question // the training questions, parallel to train
	heldOut map[string]bool
	skipped int // training questions whose answer is in no sentence
}

func (d *data) para(q question) (*para, error) {
	key := fmt.Sprint(q.Source, "#", q.Paragraph)
	if p, ok := d.paras[key]; ok {
		return p, nil
	}
	s, err := d.c.paragraph(q.Source, q.Paragraph)
	if err != nil {
		return nil, err
	}
	p := &para{sents: sentences(s)}
	for _, s := range p.sents {
		p.stems = append(p.stems, d.ws.words(s, false))
	}
	d.paras[key] = p
	return p, nil
}

// load reads the training pairs: each question not held out, with the
// sentence of its paragraph that holds its answer; where several do, the
// one that shares the most stems with the question (the first of equals).
func load(dir string) (*data, error) {
	d := &data{c: corpus{dir: dir}, ws: wordSplitter{text.NewTokenizer()}, paras: map[string]*para{}, heldOut: map[string]bool{}}
	sample, err := readQuestions(filepath.Join(dir, "sample-2000.jsonl"))
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(sample))
	for i, q := range sample {
		d.heldOut[q.ID] = true
		ids[i] = q.ID
	}
	all, err := readQuestions(filepath.Join(dir, "questions.jsonl"))
	if err != nil {
		return nil, err
	}
	split := squadsplit.New(ids)
	for _, q := range all {
		if part := split.Next(q.ID, q.Source); !learnsFrom(part) {
			continue
		}
		p, err := d.para(q)
		if err != nil {
			return nil, err
		}
		hits := answerSentences(p.sents, q.Answers)
		if len(hits) == 0 {
			d.skipped++
			continue
		}
		qw := d.ws.words(q.Q, true)
		best, bestN := hits[0], -1
		for _, i := range hits {
			if n := shared(qw, p.stems[i]); n > bestN {
				best, bestN = i, n
			}
		}
		d.train = append(d.train, pair{q: qw, s: p.stems[best]})
		d.qs = append(d.qs, q)
	}
	return d, nil
}

// learnsFrom reports whether the table learns from the questions of a part
// (package squadsplit): not those the engine's fits train on, tune their
// thresholds with, hold out or measure with, so that the learned feature
// they fit a weight to is as new to them as it is to a user's question.
// The span reader's training questions are the exception: the table needs
// them, and the span reader weighs the table much less than the ranking.
func learnsFrom(p squadsplit.Part) bool {
	return p == squadsplit.SpanTrain || p == squadsplit.Measure
}

// shared counts the distinct stems of a that are in b.
func shared(a, b []string) int {
	n := 0
	for i, w := range a {
		if !slices.Contains(a[:i], w) && slices.Contains(b, w) {
			n++
		}
	}
	return n
}

// articleCounts counts, for each question stem, the articles whose
// training questions hold it.
func articleCounts(d *data) map[string]int {
	seen := map[string]map[string]bool{}
	for i, p := range d.train {
		for _, w := range p.q {
			if seen[w] == nil {
				seen[w] = map[string]bool{}
			}
			seen[w][d.qs[i].Source] = true
		}
	}
	out := make(map[string]int, len(seen))
	for w, s := range seen {
		out[w] = len(s)
	}
	return out
}

func trainAndWrite(ctx context.Context, c config, args []string, stdout io.Writer) error {
	start := time.Now()
	d, err := load(c.squad)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "read %d training pairs (%d questions with no answer sentence skipped) in %v\n",
		len(d.train), d.skipped, time.Since(start).Round(time.Millisecond))
	t0 := time.Now()
	m, err := train(ctx, d.train, c.em)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "trained %d iterations over %d question words, %d answer words, %d pairs of words in %v\n",
		c.em.iters, len(m.qWords)-1, len(m.sWords), len(m.t), time.Since(t0).Round(time.Millisecond))
	rows := m.rows(c.prune, articleCounts(d))
	var buf bytes.Buffer
	if err := translate.Encode(&buf, rows); err != nil {
		return err
	}
	if err := os.WriteFile(c.out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	npairs := 0
	for _, r := range rows {
		npairs += len(r.Pairs)
	}
	fmt.Fprintf(stdout, "wrote %s: %d question words, %d pairs, %d bytes\n", c.out, len(rows), npairs, buf.Len())
	prov, err := provenance(c, args, len(d.train), d.skipped, len(rows), npairs, buf.Bytes())
	if err != nil {
		return err
	}
	side := strings.TrimSuffix(strings.TrimSuffix(c.out, ".gz"), ".bin") + ".md"
	if err := os.WriteFile(side, []byte(prov), 0o644); err != nil {
		return fmt.Errorf("write provenance: %w", err)
	}
	fmt.Fprintf(stdout, "wrote %s; total %v\n", side, time.Since(start).Round(time.Millisecond))
	if c.eval {
		tab, err := translate.Decode(bytes.NewReader(buf.Bytes()))
		if err != nil {
			return err
		}
		return evaluate(d, tab, stdout)
	}
	return nil
}

// fileSum returns the SHA-256 of a file, in hex.
func fileSum(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("provenance: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("provenance: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// articlesSum returns the SHA-256 over the articles: each file's name, a
// space, its SHA-256 and a newline, in name order.
func articlesSum(dir string) (int, string, error) {
	names, err := filepath.Glob(filepath.Join(dir, "articles", "*.txt"))
	if err != nil {
		return 0, "", fmt.Errorf("provenance: %w", err)
	}
	slices.Sort(names)
	h := sha256.New()
	for _, n := range names {
		s, err := fileSum(n)
		if err != nil {
			return 0, "", err
		}
		fmt.Fprintf(h, "%s %s\n", filepath.Base(n), s)
	}
	return len(names), hex.EncodeToString(h.Sum(nil)), nil
}

// provenance writes the sidecar that says what the table is made from and
// how. It holds nothing that changes between runs (no times, no paths of
// the machine beyond those given).
func provenance(c config, args []string, npairsTrain, skipped, nrows, npairs int, table []byte) (string, error) {
	qs, err := fileSum(filepath.Join(c.squad, "questions.jsonl"))
	if err != nil {
		return "", err
	}
	ss, err := fileSum(filepath.Join(c.squad, "sample-2000.jsonl"))
	if err != nil {
		return "", err
	}
	na, as, err := articlesSum(c.squad)
	if err != nil {
		return "", err
	}
	ts := sha256.Sum256(table)
	var b strings.Builder
	fmt.Fprintf(&b, `# %s: learned question-to-answer words

Generated by facts/cmd/translatetrain; do not edit. Regenerate with:

    go run ./facts/cmd/translatetrain %s

**Licence.** This table is derived from SQuAD v1.1 train (Rajpurkar, Zhang, Lopyrev and Liang,
"SQuAD: 100,000+ Questions for Machine Comprehension of Text", EMNLP 2016,
https://rajpurkar.github.io/SQuAD-explorer/), licensed CC BY-SA 4.0
(https://creativecommons.org/licenses/by-sa/4.0/); the table is shared under the same licence.

**What it is.** IBM Model 1 (Brown et al. 1993), used as in Berger et al., "Bridging the lexical
chasm" (SIGIR 2000): t(s | q), the probability that a word q of a question generates a word s of
the sentence that answers it, with a NULL question word. Both sides are stems made by the engine's
rule (facts/internal/stem) from words of the engine's tokenizer
(facts/internal/text): stop words, numbers, single letters and names (capitalised inside a
sentence, or acronyms) dropped; on the question side the question words (what, who, when, how, …,
and many, much) kept. Question words are stop words on the answer side, so their t(q | q) is 0.

**Pairs.** A question's answer sentence is the sentence of its paragraph (split by
text.SplitSentences) that contains its answer text; where several do, the one sharing the most
stems with the question. %d training pairs; %d questions skipped because no sentence holds the
answer text whole (it crosses a sentence break, or is not in the paragraph as written).

**Held out, never trained on** (internal/squadsplit): every question of sample-2000.jsonl (the
measuring set); every question about an article whose number NNN has NNN %% 10 == 9 (the
engine's fitter uses those articles as unanswerable, and the general measure's questions are
theirs); and every question the engine's ranking and confidence fits train on, or that sets the
abstention thresholds and the span reader's floor, so that the weight those fits give the table
is fitted on questions as new to it as a user's. It learns from the rest: the span reader's
training questions and those left for measuring.

**Training.** %s (Moore, "Improving IBM Word-Alignment Model 1", ACL 2004, so that the
common words no question word explains go to NULL), from a uniform start, summing in a fixed
order: the same inputs give the same bytes.

**Self-translation.** Identical stems take part in training (they carry much of the alignment,
which keeps the other pairs clean), but the engine already matches a word with itself, so the
table stores t(q | q) apart (Table.Self) and lists only different stems.

**Pruning.** Kept: %s. %d question stems, %d pairs; probabilities stored to 1/65536.

**Inputs** (SHA-256):

- %s/questions.jsonl: %s
- %s/sample-2000.jsonl: %s
- %s/articles/ (%d files; the SHA-256 of the lines "name sha256" in name order): %s

**Output:** %s, %d bytes, SHA-256 %s.
`, filepath.Base(c.out), strings.Join(args, " "), npairsTrain, skipped, c.em, c.prune, nrows, npairs,
		c.squad, qs, c.squad, ss, c.squad, na, as, filepath.Base(c.out), len(table), hex.EncodeToString(ts[:]))
	return b.String(), nil
}
