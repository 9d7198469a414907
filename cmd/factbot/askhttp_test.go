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
