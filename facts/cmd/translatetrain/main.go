// Command translatetrain learns factbot's table of question-to-answer words
// (package facts/internal/translate) from SQuAD v1.1 train: IBM Model 1 on
// each question and the sentence of its paragraph that holds the answer.
//
//	go run ./facts/cmd/translatetrain -squad ../shared/corpora/squad-train \
//		-out facts/internal/translate/table.bin.gz
//
// It writes the table and, beside it, its provenance (table.md). The same
// inputs and flags give the same bytes. With -eval it also measures, on the
// held-out questions of sample-2000.jsonl, how often the table helps pick the
// answer sentence of a question's paragraph.
//
// Held out, never trained on (package internal/squadsplit): the questions
// of sample-2000.jsonl (the measuring set), every question about an article
// whose number NNN has NNN % 10 == 9 (the engine's fitter uses those
// articles as unanswerable), and the questions the engine's ranking and
// confidence fits train on or set their thresholds with: a table that had
// seen a fit's questions would look better to that fit than to a user's
// question (the ranking weighed it 9.2 then, 5.4 without them).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/factbot/factbot/internal/cli"
)

func main() { cli.Main("translatetrain", run) }

// config is what the flags set.
type config struct {
	squad, out string
	em         emOptions
	prune      pruning
	eval       bool
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("translatetrain", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	fs.StringVar(&c.squad, "squad", "../shared/corpora/squad-train", "SQuAD train directory (articles/, questions.jsonl, sample-2000.jsonl)")
	fs.StringVar(&c.out, "out", "facts/internal/translate/table.bin.gz", "table to write; its provenance goes beside it as .md")
	fs.IntVar(&c.em.iters, "iters", 8, "EM iterations")
	fs.Float64Var(&c.em.nullWeight, "null-weight", 10, "count the NULL question word this many times (1: plain Model 1)")
	fs.Float64Var(&c.em.smooth, "smooth", 0, "add this count to every pair in the M step (0: plain Model 1)")
	fs.IntVar(&c.prune.minCount, "min-count", 20, "drop question words seen fewer times")
	fs.IntVar(&c.prune.minArticles, "min-articles", 5, "drop question words from the questions of fewer articles")
	fs.IntVar(&c.prune.topK, "k", 20, "keep at most this many answer words a question word")
	fs.Float64Var(&c.prune.minP, "min-p", 0.01, "keep answer words with t(s|q) at least this")
	fs.BoolVar(&c.eval, "eval", false, "also rank the answer sentence of sample-2000's questions with and without the table")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	return trainAndWrite(ctx, c, args, stdout)
}
