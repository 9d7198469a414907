package main

import (
	"bufio"
	"context"
	"fmt"
	"io"

	"github.com/factbot/factbot/facts"
)

func runFacts(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, bf := newBaseFlagSet("facts", stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: factbot facts [--articles DIR]")
		fmt.Fprintln(stderr, "\nLists every fact (article, paragraph, sentence) and every skipped file.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	b, err := bf.load(ctx, io.Discard)
	if err == nil {
		err = ctx.Err() // interrupted: exit non-zero, with nothing half-printed
	}
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	listFacts(w, b)
	return nil
}

// listFacts prints the fact base: each article's title line, then its facts
// with their paragraph numbers, then the skipped files.
func listFacts(w io.Writer, b *facts.Base) {
	var cur *facts.Article
	n := 0
	b.Facts(func(f facts.Fact) bool {
		if f.Article != cur {
			cur = f.Article
			if n > 0 {
				fmt.Fprintln(w)
			}
			fmt.Fprintf(w, "%s: %s", cur.ID, cur.Title)
			if cur.Publisher != "" {
				fmt.Fprintf(w, " — %s", cur.Publisher)
			}
			fmt.Fprintln(w)
		}
		n++
		fmt.Fprintf(w, "  ¶%d  %s\n", f.Paragraph, f.Text)
		return true
	})
	fmt.Fprintf(w, "\n%d facts from %d articles.\n", n, len(b.Articles()))
	if ps := b.Problems(); len(ps) > 0 {
		fmt.Fprintf(w, "\nSkipped %d files:\n", len(ps))
		for _, p := range ps {
			fmt.Fprintf(w, "  %s: %v\n", p.File, p.Err)
		}
	}
}
