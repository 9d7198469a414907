package fakefacts

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/factbot/factbot/facts"
	"github.com/google/go-cmp/cmp"
)

const (
	answerJSON = `{"question": "Who?", "answer": "Kim", "confidence": 0.9, "type": "person",
		"citations": [{"n": 1, "source": "a", "title": "T", "paragraph": 2, "quote": "Kim did."}]}`
	abstentionJSON = `{"question": "Why?", "answer": "", "confidence": 0.1, "citations": [],
		"suggestions": [{"n": 1, "source": "a", "title": "T", "paragraph": 3, "quote": "Perhaps."}]}`
	suggestionsJSON = `{"": ["Who?", "Why?"], "Wh": ["Who?", "Why?", "What?"]}`
)

func recording(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func TestEngine(t *testing.T) {
	e, err := Load(recording(map[string]string{
		"answers/answer.json":     answerJSON,
		"answers/abstention.json": abstentionJSON,
		"answers/README":          "not an answer",
		"suggestions.json":        suggestionsJSON,
	}))
	if err != nil {
		t.Fatal(err)
	}
	want := facts.Answer{Question: "Who?", Text: "Kim", Confidence: 0.9, Type: "person",
		Citations: []facts.Citation{{N: 1, Source: "a", Title: "T", Paragraph: 2, Quote: "Kim did."}}}
	if diff := cmp.Diff(want, e.Ask("Who?")); diff != "" {
		t.Errorf("Ask(Who?) (-want +got):\n%s", diff)
	}
	if got, ok := e.Answer("answer"); !ok || !cmp.Equal(want, got) {
		t.Errorf("Answer(answer) = %+v, %v; want %+v", got, ok, want)
	}
	if _, ok := e.Answer("README"); ok {
		t.Error("Answer(README) found an answer in a file that is not one")
	}
	if got := e.Ask("Why?"); !got.Abstained() || len(got.Suggestions) != 1 {
		t.Errorf("Ask(Why?) = %+v, want the recorded abstention", got)
	}
	noise := facts.Answer{Question: "Who? ", Citations: []facts.Citation{}}
	if diff := cmp.Diff(noise, e.Ask("Who? ")); diff != "" {
		t.Errorf("Ask of a question not recorded (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"abstention", "answer"}, e.Names()); diff != "" {
		t.Errorf("Names (-want +got):\n%s", diff)
	}

	// Answers are copies: a caller that changes one changes no other.
	a := e.Ask("Who?")
	a.Citations[0].Quote = "changed"
	if q := e.Ask("Who?").Citations[0].Quote; q != "Kim did." {
		t.Errorf("changing an answer changed the recording: quote %q", q)
	}

	for _, tc := range []struct {
		typed string
		n     int
		want  []string
	}{
		{"Wh", 25, []string{"Who?", "Why?", "What?"}},
		{"Wh", 2, []string{"Who?", "Why?"}},
		{"Wh", 0, []string{}},
		{"Wh", -1, []string{}},
		{"", 25, []string{"Who?", "Why?"}},
		{"W", 25, nil},
	} {
		if diff := cmp.Diff(tc.want, e.Suggest(tc.typed, tc.n)); diff != "" {
			t.Errorf("Suggest(%q, %d) (-want +got):\n%s", tc.typed, tc.n, diff)
		}
	}
}

func TestZeroEngine(t *testing.T) {
	var e Engine
	if a := e.Ask("Who?"); !a.Abstained() || a.Question != "Who?" {
		t.Errorf("Ask = %+v, want an abstention", a)
	}
	if s := e.Suggest("Wh", 5); len(s) != 0 {
		t.Errorf("Suggest = %q, want none", s)
	}
}

func TestLoadRefuses(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string // in the error
	}{
		{"no answers", map[string]string{"suggestions.json": suggestionsJSON}, "no answers/*.json"},
		{"no suggestions", map[string]string{"answers/a.json": answerJSON}, "suggestions.json"},
		{"unknown field", map[string]string{
			"answers/a.json":   strings.Replace(answerJSON, `"type"`, `"kind"`, 1),
			"suggestions.json": suggestionsJSON,
		}, `a.json: json: unknown field "kind"`},
		{"two values", map[string]string{"answers/a.json": answerJSON + answerJSON, "suggestions.json": suggestionsJSON}, "more than one JSON value"},
		{"bad JSON", map[string]string{"answers/a.json": answerJSON, "suggestions.json": `{"": "Who?"}`}, "suggestions.json: json: cannot unmarshal"},
		{"two answers to one question", map[string]string{
			"answers/a.json":   answerJSON,
			"answers/b.json":   answerJSON,
			"suggestions.json": suggestionsJSON,
		}, `b.json: a second answer to "Who?"`},
		{"citations misnumbered", map[string]string{
			"answers/a.json":   strings.Replace(answerJSON, `"n": 1`, `"n": 2`, 1),
			"suggestions.json": suggestionsJSON,
		}, "a.json: citations: [2] is number 1"},
		{"suggestions misnumbered", map[string]string{
			"answers/a.json":   strings.Replace(abstentionJSON, `"n": 1`, `"n": 0`, 1),
			"suggestions.json": suggestionsJSON,
		}, "a.json: suggestions: [0] is number 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(recording(tc.files))
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "fakefacts: ") {
				t.Errorf("Load: %v, want an error with %q", err, tc.want)
			}
		})
	}
}
