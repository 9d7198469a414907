// Command measuresplit writes the measuring split: questions of SQuAD train
// about the articles held out of the fact base's fits (package
// internal/squadsplit, part General), which neither the ranking, the
// confidence, the span reader nor the learned table has seen, every k-th
// of them so that n are written, in file order; with -chat, their chat
// twins from a chatnoise.py rewrite of questions.jsonl, in the same order.
// Asked over all of SQuAD train's articles, they measure the engine on
// questions as new to it as a user's:
//
//	python3 ../shared/eval/chatnoise.py --seed 1 ../shared/corpora/squad-train/questions.jsonl > /tmp/questions-chat.jsonl
//	go run ./internal/eval/cmd/measuresplit -chat /tmp/questions-chat.jsonl -out /tmp/measure
//
// writes /tmp/measure.jsonl and /tmp/measure-chat.jsonl. The output is the
// same on every run with the same inputs.
//
// The split is for measuring only: never tune the engine on it.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/factbot/factbot/internal/cli"
	"github.com/factbot/factbot/internal/eval"
	"github.com/factbot/factbot/internal/squadsplit"
)

func main() { cli.Main("measuresplit", run) }

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("measuresplit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	squad := fs.String("squad", "../shared/corpora/squad-train", "SQuAD train folder: questions.jsonl, sample-2000.jsonl")
	chat := fs.String("chat", "", "questions.jsonl rewritten by chatnoise.py (ids with a -chat suffix), for the chat twins")
	out := fs.String("out", "measure", "the files to write: OUT.jsonl and, with -chat, OUT-chat.jsonl")
	n := fs.Int("n", 2000, "how many questions")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *n <= 0 {
		return fmt.Errorf("-n %d: want at least one question", *n)
	}
	sample, err := readFile(filepath.Join(*squad, "sample-2000.jsonl"))
	if err != nil {
		return err
	}
	all, err := readFile(filepath.Join(*squad, "questions.jsonl"))
	if err != nil {
		return err
	}
	qs := pick(all, sample, *n)
	if err := write(*out+".jsonl", qs); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d questions to %s.jsonl\n", len(qs), *out)
	if *chat == "" {
		return nil
	}
	rewritten, err := readFile(*chat)
	if err != nil {
		return err
	}
	twins := map[string]eval.Question{}
	for _, q := range rewritten {
		twins[strings.TrimSuffix(q.ID, "-chat")] = q
	}
	chats := make([]eval.Question, len(qs))
	for i, q := range qs {
		t, ok := twins[q.ID]
		if !ok {
			return fmt.Errorf("%s: no chat twin of %s", *chat, q.ID)
		}
		chats[i] = t
	}
	if err := write(*out+"-chat.jsonl", chats); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote their chat twins to %s-chat.jsonl\n", *out)
	return nil
}

// pick returns every k-th question of all in the general part, so that n
// of them (or all, if fewer) are picked.
func pick(all, sample []eval.Question, n int) []eval.Question {
	ids := make([]string, len(sample))
	for i, q := range sample {
		ids[i] = q.ID
	}
	split := squadsplit.New(ids)
	var general []eval.Question
	for _, q := range all {
		if split.Next(q.ID, q.Source) == squadsplit.General {
			general = append(general, q)
		}
	}
	k := max(len(general)/n, 1)
	var out []eval.Question
	for i := 0; i < len(general) && len(out) < n; i += k {
		out = append(out, general[i])
	}
	return out
}

func readFile(name string) ([]eval.Question, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("read questions: %w", err)
	}
	defer f.Close()
	qs, err := eval.ReadQuestions(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return qs, nil
}

func write(name string, qs []eval.Question) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	for _, q := range qs {
		if err := enc.Encode(q); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}
