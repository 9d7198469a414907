package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/answerjson"
)

func runAsk(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ask", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var bf baseFlags
	bf.register(fs)
	asJSON := fs.Bool("json", false, "print one JSON object per question, one per line")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: factbot ask [--articles DIR] [--json] [QUESTION]")
		fmt.Fprintln(stderr, "\nAnswers QUESTION, or, without one, each line of standard input in order.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	b, err := bf.load(stderr)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	answer := func(q string) error {
		a := b.Ask(q)
		if *asJSON {
			return answerjson.Write(out, a)
		}
		writeAnswer(out, a)
		return nil
	}
	if fs.NArg() > 0 {
		return answer(strings.Join(fs.Args(), " "))
	}
	in := bufio.NewReader(stdin)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, err := in.ReadString('\n')
		if line == "" && errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("read questions: %w", err)
		}
		if err := answer(strings.TrimRight(line, "\r\n")); err != nil {
			return err
		}
		if !*asJSON {
			out.WriteString("\n")
		}
		if err := out.Flush(); err != nil {
			return err
		}
	}
}

// writeAnswer prints an answer for a person: the short answer, the quotes
// with [n] markers, and the sources.
func writeAnswer(w io.Writer, a facts.Answer) {
	if a.Abstained() {
		fmt.Fprintln(w, "My sources don't answer that.")
		if len(a.Suggestions) > 0 {
			fmt.Fprintln(w, "\nThe closest facts I have (suggestions, not answers):")
			for _, s := range a.Suggestions {
				fmt.Fprintf(w, "  - “%s”\n    %s\n", s.Quote, sourceLine(s))
			}
		}
		return
	}
	if len(a.Citations) > 0 && a.Text != a.Citations[0].Quote {
		fmt.Fprintf(w, "%s\n\n", a.Text)
	}
	for _, c := range a.Citations {
		fmt.Fprintf(w, "[%d] “%s”\n", c.N, c.Quote)
	}
	fmt.Fprintln(w, "\nSources:")
	for _, c := range a.Citations {
		fmt.Fprintf(w, "[%d] %s\n", c.N, sourceLine(c))
	}
	fmt.Fprintf(w, "\nConfidence: %.0f%%\n", 100*a.Confidence)
}

// sourceLine names a citation's source: title, publisher, paragraph.
func sourceLine(c facts.Citation) string {
	s := c.Title
	if c.Publisher != "" {
		s += " — " + c.Publisher
	}
	s += fmt.Sprintf(", paragraph %d", c.Paragraph)
	if c.URL != "" {
		s += " <" + c.URL + ">"
	}
	return s
}
