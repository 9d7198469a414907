package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/eval"
)

func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, bf := newBaseFlagSet("bench", stderr)
	questions := fs.String("questions", "", "question file (JSON lines with a \"q\" field, as ../shared/eval has them); default: questions made from the facts")
	rounds := fs.Int("rounds", 3, "times to ask the whole question set")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: factbot bench [--articles DIR] [--questions FILE] [--rounds N]")
		fmt.Fprintln(stderr, "\nBuilds the fact base and asks every question, and prints the fact count, build time,")
		fmt.Fprintln(stderr, "heap after build, and the latency of an answer (median and 99th percentile).")
		fmt.Fprintln(stderr, "When the questions name the facts that answer them, it also prints how often the")
		fmt.Fprintln(stderr, "first citation (cite@1) and any of the first three (cite@3) hold one.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *rounds < 1 {
		return usageError{"--rounds must be at least 1"}
	}
	var qs []eval.Question
	if *questions != "" {
		f, err := os.Open(*questions)
		if err != nil {
			return err
		}
		qs, err = eval.ReadQuestions(f)
		f.Close()
		if err != nil {
			return err
		}
	}

	runtime.GC()
	start := time.Now()
	b, err := bf.load(ctx, stderr)
	if err != nil {
		return err
	}
	build := time.Since(start)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)

	if len(qs) == 0 {
		qs = sampleQuestions(b, 500)
	}
	answers := make([]facts.Answer, len(qs))
	lat := make([]time.Duration, 0, len(qs)**rounds)
	for r := range *rounds {
		for i, q := range qs {
			if err := ctx.Err(); err != nil {
				return err
			}
			t := time.Now()
			a := b.Ask(q.Q)
			lat = append(lat, time.Since(t))
			if r == 0 {
				answers[i] = a
			}
		}
	}
	slices.Sort(lat)

	w := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "articles\t%d\n", len(b.Articles()))
	fmt.Fprintf(w, "facts\t%d\n", b.Len())
	fmt.Fprintf(w, "build\t%v\n", build.Round(time.Microsecond))
	fmt.Fprintf(w, "heap after build\t%.1f MB\n", float64(ms.HeapAlloc)/1e6)
	fmt.Fprintf(w, "questions\t%d × %d rounds\n", len(qs), *rounds)
	fmt.Fprintf(w, "answer p50\t%v\n", percentile(lat, 0.50))
	fmt.Fprintf(w, "answer p99\t%v\n", percentile(lat, 0.99))
	if s := eval.Score(qs, answers); s.Answerable > 0 || s.NoneQs > 0 {
		fmt.Fprintf(w, "cite@1\t%s\n", fmtRate(s.Cite1))
		fmt.Fprintf(w, "cite@3\t%s\n", fmtRate(s.Cite3))
		fmt.Fprintf(w, "false abstain\t%s\n", fmtRate(s.FalseAbstain))
		fmt.Fprintf(w, "abstain ok\t%s\n", fmtRate(s.AbstainOK))
	}
	return w.Flush()
}

// percentile returns the p-quantile of sorted durations.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(p*float64(len(sorted)-1) + 0.5)
	return sorted[i]
}

func fmtRate(r float64) string {
	if r < 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f", r)
}

// sampleQuestions makes up to n questions from the facts themselves, spread
// evenly over the base: each fact's first words, as a user might type them.
func sampleQuestions(b *facts.Base, n int) []eval.Question {
	step := max(1, b.Len()/n)
	var qs []eval.Question
	i := 0
	b.Facts(func(f facts.Fact) bool {
		if i%step == 0 {
			qs = append(qs, eval.Question{Q: firstWords(f.Text, 8)})
		}
		i++
		return len(qs) < n
	})
	return qs
}

func firstWords(s string, n int) string {
	words := 0
	for i, r := range s {
		if r == ' ' {
			words++
			if words == n {
				return s[:i]
			}
		}
	}
	return s
}
