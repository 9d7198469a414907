package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/answerjson"
)

func runAsk(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs, bf := newBaseFlagSet("ask", stderr)
	asJSON := fs.Bool("json", false, "print one JSON object per question, one per line")
	explain := fs.Bool("explain", false, "print how the engine read the question and scored each fact, as JSON")
	var context []facts.Turn
	fs.Func("context", "an earlier `QUESTION` of the conversation, which a follow-up may lean on (repeat it, oldest first; factbot asks it again to find what it cited)", func(q string) error {
		context = append(context, facts.Turn{Question: q})
		return nil
	})
	conversation := fs.Bool("conversation", false, "read each line of standard input as the next turn of one conversation, with the lines before it as context")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: factbot ask [--articles DIR] [--json] [--context QUESTION]... [QUESTION]")
		fmt.Fprintln(stderr, "\nAnswers QUESTION, or, without one, each line of standard input in order.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	b, err := bf.load(ctx, stderr)
	if err == nil {
		err = ctx.Err() // interrupted: exit non-zero, with nothing half-printed
	}
	if err != nil {
		return err
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	answer := func(q string) error {
		turns := context
		if *explain {
			return writeExplanation(out, b.ExplainInContext(q, turns))
		}
		a := b.AskInContext(q, turns) // with no turns, Ask's answer
		if *conversation {
			context = append(context, facts.Turn{Question: q, Answer: &a})
		}
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
	if len(a.Corrections) > 0 {
		fmt.Fprintf(w, "(reading %s)\n\n", describeCorrections(a.Corrections))
	}
	if a.Resolved != "" || len(a.Within) > 0 {
		fmt.Fprintf(w, "(%s)\n\n", describeResolution(a))
	}
	if a.SmallTalk {
		fmt.Fprintln(w, "Hi! Ask me a question about the articles, and I'll answer with quotes from them.")
		return
	}
	if a.Abstained() {
		fmt.Fprintln(w, "My sources don't answer that.")
		if line := facts.DescribeGap(a.Gap); line != "" {
			fmt.Fprintln(w, line)
		}
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

// describeCorrections says how the question was read: "“teh” as “the”,
// “hwo” as “how”".
func describeCorrections(cs []facts.Correction) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = "“" + c.From + "” as “" + c.To + "”"
	}
	return strings.Join(parts, ", ")
}

// describeResolution says how a follow-up was read: "reading it as
// “…”, from article-id".
func describeResolution(a facts.Answer) string {
	var parts []string
	if a.Resolved != "" {
		parts = append(parts, "reading it as “"+a.Resolved+"”")
	}
	if len(a.Within) > 0 {
		parts = append(parts, "from "+strings.Join(a.Within, ", ")+" only")
	}
	return strings.Join(parts, ", ")
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

// writeExplanation prints an explanation as indented JSON, with the
// features named.
func writeExplanation(w io.Writer, e facts.Explanation) error {
	type named struct {
		facts.Candidate
		Features map[string]float64 `json:"features"`
	}
	out := struct {
		facts.Explanation
		ConfidenceInputs map[string]float64 `json:"confidence_inputs,omitempty"`
		Candidates       []named            `json:"candidates"`
	}{Explanation: e}
	if e.ConfidenceInputs != nil {
		out.ConfidenceInputs = map[string]float64{}
		for i, v := range e.ConfidenceInputs {
			out.ConfidenceInputs[facts.ConfidenceInputs[i]] = v
		}
	}
	for _, c := range e.Candidates {
		n := named{Candidate: c, Features: map[string]float64{}}
		for i, v := range c.Features {
			if v != 0 {
				n.Features[facts.FeatureNames[i]] = math.Round(v*1000) / 1000
			}
		}
		out.Candidates = append(out.Candidates, n)
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}
