package httpapi

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/answerjson"
)

// TestAskContext asks /ask a follow-up with the question before it as
// context: the answer is the engine's AskInContext, resolution included;
// without context, the answer is Ask's, with no trace of a resolution.
func TestAskContext(t *testing.T) {
	b := seeds(t)
	h := NewHandler(Options{Engine: b})
	first, followup := "Which think tank reported the thefts?", "what did they say about sanctions?"

	got := do(h, http.MethodGet, "/ask?q="+url.QueryEscape(followup)+"&context="+url.QueryEscape(first))
	var want bytes.Buffer
	a := b.AskInContext(followup, []facts.Turn{{Question: first}})
	if a.Resolved == "" {
		t.Fatalf("%q after %q is not read as a follow-up", followup, first)
	}
	if err := answerjson.Write(&want, a); err != nil {
		t.Fatal(err)
	}
	if got.Status != http.StatusOK {
		t.Fatalf("status %d: %s", got.Status, got.Body)
	}
	if diff := cmp.Diff(want.String(), got.Body); diff != "" {
		t.Errorf("/ask with context (-want +got):\n%s", diff)
	}

	alone := do(h, http.MethodGet, "/ask?q="+url.QueryEscape(followup))
	want.Reset()
	if err := answerjson.Write(&want, b.Ask(followup)); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want.String(), alone.Body); diff != "" {
		t.Errorf("/ask without context (-want +got):\n%s", diff)
	}
	// Alone, "they" is not read as the context's subject (at most as the
	// articles' main subject).
	if strings.Contains(alone.Body, `"resolved":`+jsonString(a.Resolved)) {
		t.Errorf("/ask without context read the follow-up as with it: %s", alone.Body)
	}
}

// TestAskContextLimits: too many context questions is a bad request; an
// engine that takes no context answers as if there were none.
func TestAskContextLimits(t *testing.T) {
	h := NewHandler(Options{Engine: seeds(t)})
	target := "/ask?q=why" + strings.Repeat("&context=who", maxContext+1)
	if got := do(h, http.MethodGet, target); got.Status != http.StatusBadRequest || !strings.Contains(got.Body, "too much context") {
		t.Errorf("%d context questions: %d %s, want 400", maxContext+1, got.Status, got.Body)
	}
	var asked []string
	plain := NewHandler(Options{Engine: engineFunc(func(q string) facts.Answer {
		asked = append(asked, q)
		return facts.Answer{Question: q, Citations: []facts.Citation{}}
	})})
	if got := do(plain, http.MethodGet, "/ask?q=why&context=who"); got.Status != http.StatusOK {
		t.Errorf("context to an engine without it: status %d", got.Status)
	}
	if diff := cmp.Diff([]string{"why"}, asked); diff != "" {
		t.Errorf("questions asked (-want +got):\n%s", diff)
	}
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
