package facts

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Retrieval cases are data: each folder under testdata/retrieval holds a few
// short articles (and maybe an aliases file) and a cases.json, a list of
// questions about them with what the answer must be. Each case is meant to
// have one obviously right sentence, so that it stays true as the ranking
// weights change: it checks what the engine promises (forms, typos, names,
// context, answer types, abstention), not how it scores.
//
// To add a case, add a line to a cases.json, or a folder with articles and
// a cases.json of its own.

// A retrievalCase is one question of a cases.json.
type retrievalCase struct {
	Why     string `json:"why"` // what the case shows
	Q       string `json:"q"`
	Quote   string `json:"quote"`   // the first citation's quote holds this
	Answer  string `json:"answer"`  // the short answer holds this
	Abstain bool   `json:"abstain"` // the right reply is to abstain
	// Match maps words of the question to words of the articles that they
	// must match (through a form, typo, prefix, abbreviation or synonym);
	// NoMatch lists words of the question that must match nothing.
	Match   map[string]string `json:"match"`
	NoMatch []string          `json:"no_match"`
	// KnownFailure, when set, says why the engine fails the case today:
	// the case is skipped while it fails, and reported once it passes, so
	// that the note is removed.
	KnownFailure string `json:"known_failure"`
}

func TestRetrieval(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "retrieval", "*", "cases.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no retrieval cases: %v", err)
	}
	for _, file := range files {
		dir := filepath.Dir(file)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			cases := readCases(t, file)
			b := loadDir(t, dir)
			rebuilt := loadDir(t, dir) // building is deterministic too
			for _, c := range cases {
				t.Run(c.Q, func(t *testing.T) {
					ans := b.Ask(c.Q)
					checkAnswer(t, b, ans)
					checkVerbatim(t, dir, ans)
					if diff := cmp.Diff(ans, b.Ask(c.Q)); diff != "" {
						t.Errorf("asked again: answer mismatch (-first +second):\n%s", diff)
					}
					if diff := cmp.Diff(ans, rebuilt.Ask(c.Q)); diff != "" {
						t.Errorf("asked of a rebuilt base: answer mismatch (-first +second):\n%s", diff)
					}
					fails := checkCase(b, c, ans)
					switch {
					case len(fails) > 0 && c.KnownFailure != "":
						t.Skipf("known failure (%s): %s", c.KnownFailure, strings.Join(fails, "; "))
					case len(fails) > 0:
						t.Errorf("%s:\n%s", c.Why, strings.Join(fails, "\n"))
					case c.KnownFailure != "":
						t.Errorf("%s: passes now; remove its known_failure (%s)", c.Why, c.KnownFailure)
					}
				})
			}
		})
	}
}

// checkCase returns how ans, the answer to case c, falls short of it.
func checkCase(b *Base, c retrievalCase, ans Answer) []string {
	fails := checkMatches(b, c)
	switch {
	case c.Abstain && !ans.Abstained():
		fails = append(fails, fmt.Sprintf("answered %q citing %q, want an abstention", ans.Text, ans.Quotes()))
	case c.Abstain:
	case ans.Abstained():
		fails = append(fails, fmt.Sprintf("abstained (confidence %.3f, suggestions %q), want a quote with %q",
			ans.Confidence, Answer{Citations: ans.Suggestions}.Quotes(), c.Quote))
	case !strings.Contains(ans.Citations[0].Quote, c.Quote):
		fails = append(fails, fmt.Sprintf("first citation %q, want one with %q (all: %q)", ans.Citations[0].Quote, c.Quote, ans.Quotes()))
	case !strings.Contains(ans.Text, c.Answer):
		fails = append(fails, fmt.Sprintf("short answer %q, want one with %q", ans.Text, c.Answer))
	}
	return fails
}

func readCases(t *testing.T, file string) []retrievalCase {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var cases []retrievalCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	for i, c := range cases {
		if c.Why == "" || c.Abstain == (c.Quote != "") {
			t.Fatalf("%s: case %d (%q) needs a why, and a quote or abstain but not both", file, i, c.Q)
		}
	}
	return cases
}

func loadDir(t *testing.T, dir string) *Base {
	t.Helper()
	b, err := Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if p := b.Problems(); len(p) > 0 {
		t.Fatalf("%s: skipped files: %v", dir, p)
	}
	return b
}

// checkAnswer checks what every answer must be: a confidence in [0, 1],
// citations numbered from 1 whose quotes are facts of the base, as cited,
// and no citations when the engine abstains.
func checkAnswer(t *testing.T, b *Base, ans Answer) {
	t.Helper()
	if !(ans.Confidence >= 0 && ans.Confidence <= 1) || math.IsNaN(ans.Confidence) {
		t.Errorf("confidence %v, want it in [0, 1]", ans.Confidence)
	}
	if ans.Citations == nil {
		t.Errorf("citations are nil, want an empty list (JSON [])")
	}
	if ans.Abstained() != (len(ans.Citations) == 0) {
		t.Errorf("answer %q with %d citations: an answer needs citations, an abstention has none", ans.Text, len(ans.Citations))
	}
	if len(ans.Citations) > 0 && len(ans.Suggestions) > 0 {
		t.Errorf("an answer with suggestions: %q", Answer{Citations: ans.Suggestions}.Quotes())
	}
	facts := map[Citation]bool{} // the facts of the base, as citations without n
	b.Facts(func(f Fact) bool {
		facts[Citation{Source: f.Article.ID, Paragraph: f.Paragraph, Quote: f.Text}] = true
		return true
	})
	for what, cs := range map[string][]Citation{"citation": ans.Citations, "suggestion": ans.Suggestions} {
		for i, c := range cs {
			if c.N != i+1 {
				t.Errorf("%s %d is numbered %d", what, i+1, c.N)
			}
			if !facts[Citation{Source: c.Source, Paragraph: c.Paragraph, Quote: c.Quote}] {
				t.Errorf("%s %d is not a fact of the base: %s ¶%d %q", what, i+1, c.Source, c.Paragraph, c.Quote)
			}
		}
	}
}

// checkVerbatim checks that every quote is in its article's file in dir,
// word for word once white space is collapsed.
func checkVerbatim(t *testing.T, dir string, ans Answer) {
	t.Helper()
	for _, c := range append(ans.Citations, ans.Suggestions...) {
		data, err := os.ReadFile(filepath.Join(dir, c.Source+".txt"))
		if err != nil {
			data, err = os.ReadFile(filepath.Join(dir, c.Source+".md"))
		}
		if err != nil {
			t.Errorf("source %q: %v", c.Source, err)
			continue
		}
		if text := strings.Join(strings.Fields(string(data)), " "); !strings.Contains(text, c.Quote) {
			t.Errorf("quote not verbatim in %s: %q", c.Source, c.Quote)
		}
	}
}

// checkMatches returns how the engine's reading of the question falls short
// of the case's Match and NoMatch.
func checkMatches(b *Base, c retrievalCase) []string {
	if len(c.Match) == 0 && len(c.NoMatch) == 0 {
		return nil
	}
	terms := map[string]map[string]float64{} // question word → the terms it matches
	e := b.Explain(c.Q)
	for _, k := range e.Concepts {
		terms[k.Word] = map[string]float64{}
		for _, t := range k.Terms {
			terms[k.Word][t.Term] = t.Weight
		}
	}
	var fails []string
	// A word the engine read another way is looked for as it read it.
	read := func(qw string) string {
		for _, fix := range e.Corrections {
			if strings.EqualFold(fix.From, qw) {
				return fix.To
			}
		}
		return qw
	}
	for _, qw := range slices.Sorted(maps.Keys(c.Match)) {
		aw := c.Match[qw]
		qw := read(qw)
		id, ok := b.lookup(aw)
		if !ok {
			fails = append(fails, fmt.Sprintf("match: %q is not a word of the articles", aw))
		} else if _, ok := terms[qw][b.terms[id]]; !ok {
			fails = append(fails, fmt.Sprintf("%q does not match %q (term %q); it matches %v", qw, aw, b.terms[id], terms[qw]))
		}
	}
	for _, qw := range c.NoMatch {
		if len(terms[qw]) > 0 {
			fails = append(fails, fmt.Sprintf("%q matches %v, want nothing", qw, terms[qw]))
		}
	}
	return fails
}
