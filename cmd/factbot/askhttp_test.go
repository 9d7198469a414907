package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/httpapi"
)

// TestAskHTTPMatchesAskJSON checks that GET /ask returns, byte for byte,
// the line that `factbot ask --json` prints for the same question.
func TestAskHTTPMatchesAskJSON(t *testing.T) {
	questions := []string{
		"How much cryptocurrency has North Korea stolen?",
		"Which think tank published the report?",
		"When was the RUSI paper published?",
		"Which crypto exchanges were hacked?",
		"What is the capital of France?",
		"<b>Who</b> & “what” is Lazarus?",
		"How much did Bithumb lose?",
	}
	var stdout, stderr bytes.Buffer
	stdin := strings.NewReader(strings.Join(questions, "\n") + "\n")
	if err := run(context.Background(), []string{"ask", "--json"}, env(nil), stdin, &stdout, &stderr); err != nil {
		t.Fatalf("factbot ask --json: %v\n%s", err, stderr.String())
	}
	lines := strings.SplitAfter(stdout.String(), "\n")
	lines = lines[:len(lines)-1] // after the last newline
	if len(lines) != len(questions) {
		t.Fatalf("factbot ask --json printed %d lines for %d questions", len(lines), len(questions))
	}

	seeds, err := facts.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	h := httpapi.NewHandler(httpapi.Options{Engine: seeds})
	for i, q := range questions {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/ask?q="+url.QueryEscape(q), nil))
		if rec.Code != http.StatusOK {
			t.Errorf("GET /ask?q=%s: status %d", q, rec.Code)
		}
		if diff := cmp.Diff(lines[i], rec.Body.String()); diff != "" {
			t.Errorf("%q: GET /ask differs from ask --json (-ask --json +/ask):\n%s", q, diff)
		}
	}
}

// TestAskContextHTTPMatchesAskJSON: a follow-up asked with the same
// context through `factbot ask --json --context` and GET /ask?context=
// gets the same line, and the line shows how it was read, as --explain
// does; `--conversation` reads each line of standard input with the lines
// before it.
func TestAskContextHTTPMatchesAskJSON(t *testing.T) {
	context1, context2 := "Which think tank reported the thefts?", "what did they say about sanctions?"
	followup := "and about luxury goods?"
	var stdout, stderr bytes.Buffer
	args := []string{"ask", "--json", "--context", context1, "--context", context2, followup}
	if err := run(context.Background(), args, env(nil), strings.NewReader(""), &stdout, &stderr); err != nil {
		t.Fatalf("factbot ask --json --context: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stdout.String(), `"resolved":"what did Royal United Services Institute say about sanctions about luxury goods?"`) {
		t.Errorf("ask --json --context shows no resolution: %s", stdout.String())
	}
	seeds, err := facts.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	h := httpapi.NewHandler(httpapi.Options{Engine: seeds})
	rec := httptest.NewRecorder()
	target := "/ask?q=" + url.QueryEscape(followup) + "&context=" + url.QueryEscape(context1) + "&context=" + url.QueryEscape(context2)
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	if diff := cmp.Diff(stdout.String(), rec.Body.String()); diff != "" {
		t.Errorf("GET /ask with context differs from ask --json --context (-ask --json +/ask):\n%s", diff)
	}

	var explained bytes.Buffer
	args = []string{"ask", "--explain", "--context", context1, "--context", context2, followup}
	if err := run(context.Background(), args, env(nil), strings.NewReader(""), &explained, &stderr); err != nil {
		t.Fatalf("factbot ask --explain --context: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(explained.String(), `"resolved": "what did Royal United Services Institute say about sanctions about luxury goods?"`) {
		t.Errorf("ask --explain --context shows no resolution:\n%s", explained.String())
	}

	var conv bytes.Buffer
	stdin := strings.NewReader(context1 + "\n" + context2 + "\n" + followup + "\n")
	if err := run(context.Background(), []string{"ask", "--json", "--conversation"}, env(nil), stdin, &conv, &stderr); err != nil {
		t.Fatalf("factbot ask --json --conversation: %v\n%s", err, stderr.String())
	}
	lines := strings.SplitAfter(conv.String(), "\n")
	if len(lines) != 4 || lines[2] != stdout.String() {
		t.Errorf("ask --conversation: the third line is not the follow-up's answer in context:\n%s\nwant\n%s", conv.String(), stdout.String())
	}
}
