package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/factbot/factbot/internal/store"
)

// A Format is a way of writing a report.
type Format string

// The formats of `factbot report --format`.
const (
	Text Format = "text"
	CSV  Format = "csv"
	JSON Format = "json"
)

// ParseFormat returns the format named s.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case Text, CSV, JSON:
		return f, nil
	}
	return "", fmt.Errorf("report: unknown format %q: want text, csv or json", s)
}

// Write writes r to w in format f.
func Write(w io.Writer, f Format, r store.Report) error {
	switch f {
	case CSV:
		return WriteCSV(w, r)
	case JSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("report: %w", err)
		}
		return nil
	}
	return WriteText(w, r)
}

// Ends is how many articles each end of the citation ranking shows.
const Ends = 5

// WriteText writes r for a person to read in a terminal.
func WriteText(w io.Writer, r store.Report) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	p := func(format string, args ...any) { fmt.Fprintf(tw, format, args...) }
	p("Since %s: %d questions, %d answered, %d abstained; %d 👍, %d 👎.\n", Since(r), r.Asked, r.Answered, r.Abstained, r.Up, r.Down)

	p("\nUnanswered questions (%d):\n", len(r.Unanswered))
	if len(r.Unanswered) > 0 {
		p("  Times\tLast asked\tQuestion\tClosest facts offered\n")
	}
	for _, u := range r.Unanswered {
		p("  %d\t%s\t%s\t%s\n", u.Count, Day(u.Last), oneLine(u.Question), strings.Join(u.Suggestions, " "))
	}

	p("\nAnswers voted down (%d):\n", len(r.Downvoted))
	if len(r.Downvoted) > 0 {
		p("  When\tReason\tQuestion\tNote\tFacts cited\n")
	}
	for _, d := range r.Downvoted {
		p("  %s\t%s\t%s\t%s\t%s\n", Day(d.Time), ReasonText(d.Reason), Question(d), oneLine(d.Note), strings.Join(d.Facts, " "))
	}

	p("\nMost cited articles:\n")
	for _, a := range r.MostCited(Ends) {
		p("  %d\t%s\n", a.Citations, a.Article)
	}
	p("\nLeast cited articles:\n")
	for _, a := range r.LeastCited(Ends) {
		p("  %d\t%s\n", a.Citations, a.Article)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// CSVHeader is the header row of WriteCSV. Each row is one item of a part
// of the report: "summary" (text names a count), "unanswered", "downvoted"
// or "article"; facts are ids separated by spaces.
var CSVHeader = []string{"part", "text", "count", "reason", "note", "facts", "time"}

// WriteCSV writes r as one CSV table, for a spreadsheet.
func WriteCSV(w io.Writer, r store.Report) error {
	cw := csv.NewWriter(w)
	rows := [][]string{CSVHeader}
	for _, s := range []struct {
		name string
		n    int
	}{{"asked", r.Asked}, {"answered", r.Answered}, {"abstained", r.Abstained}, {"up", r.Up}, {"down", r.Down}} {
		rows = append(rows, []string{"summary", s.name, strconv.Itoa(s.n), "", "", "", stamp(r.Since)})
	}
	for _, u := range r.Unanswered {
		rows = append(rows, []string{"unanswered", u.Question, strconv.Itoa(u.Count), "", "", strings.Join(u.Suggestions, " "), stamp(u.Last)})
	}
	for _, d := range r.Downvoted {
		rows = append(rows, []string{"downvoted", d.Question, "1", string(d.Reason), d.Note, strings.Join(d.Facts, " "), stamp(d.Time)})
	}
	for _, a := range r.Articles {
		rows = append(rows, []string{"article", a.Article, strconv.Itoa(a.Citations), "", "", "", ""})
	}
	for _, row := range rows {
		for i, cell := range row {
			row[i] = defuse(cell)
		}
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// defuse keeps a spreadsheet from reading a cell that people wrote (a
// question, a note) as a formula: one that starts with =, +, - or @ gets
// a leading apostrophe.
func defuse(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

// Since is the start of the report, as a person reads it.
func Since(r store.Report) string {
	if r.Since.IsZero() || r.Since.Unix() <= 0 {
		return "the beginning"
	}
	return r.Since.UTC().Format("2006-01-02 15:04 UTC")
}

// Day is a time as a date.
func Day(t time.Time) string { return t.UTC().Format(time.DateOnly) }

// Question is the question of a downvoted answer, or a note that it is no
// longer kept.
func Question(d store.Downvoted) string {
	if d.Question == "" {
		return "(question not kept) " + d.AnswerID
	}
	return oneLine(d.Question)
}

// ReasonText is a reason as a person reads it, "no reason" for none.
func ReasonText(r store.Reason) string {
	if l := r.Label(); l != "" {
		return l
	}
	return "no reason"
}

func stamp(t time.Time) string {
	if t.IsZero() || t.Unix() <= 0 {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
