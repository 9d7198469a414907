package fakefacts

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/factbot/factbot/facts"
)

// A recording, as Load reads it, is a file system laid out as:
//
//	answers/NAME.json   one facts.Answer in its JSON form, as `factbot ask
//	                    --json` prints it; NAME names it for Engine.Answer
//	suggestions.json    {"typed text": ["suggestion", ...], ...}: what
//	                    Suggest returns for exactly that typed text
//
// Fields that facts.Answer does not have are errors, so that a typo in a
// hand-edited file does not go unseen; so are two answers to one question,
// and citations or suggestions not numbered 1, 2, 3… in order. Both parts
// are required; other files are ignored.

// An Engine answers from a recording. Its zero value has none: it abstains
// on every question and suggests nothing. It is safe for concurrent use.
type Engine struct {
	answers     map[string]facts.Answer // by name
	byQuestion  map[string]facts.Answer
	suggestions map[string][]string // by typed text
}

// Load reads the recording in fsys.
func Load(fsys fs.FS) (*Engine, error) {
	e := &Engine{answers: map[string]facts.Answer{}, byQuestion: map[string]facts.Answer{}}
	files, err := fs.Glob(fsys, "answers/*.json")
	if err != nil {
		return nil, fmt.Errorf("fakefacts: %w", err)
	}
	if len(files) == 0 {
		return nil, errors.New("fakefacts: no answers/*.json")
	}
	for _, f := range files {
		var a facts.Answer
		if err := decode(fsys, f, &a); err != nil {
			return nil, err
		}
		if err := numbered(a.Citations); err != nil {
			return nil, fmt.Errorf("fakefacts: %s: citations: %w", f, err)
		}
		if err := numbered(a.Suggestions); err != nil {
			return nil, fmt.Errorf("fakefacts: %s: suggestions: %w", f, err)
		}
		if _, dup := e.byQuestion[a.Question]; dup {
			return nil, fmt.Errorf("fakefacts: %s: a second answer to %q", f, a.Question)
		}
		e.answers[strings.TrimSuffix(path.Base(f), ".json")] = a
		e.byQuestion[a.Question] = a
	}
	if err := decode(fsys, "suggestions.json", &e.suggestions); err != nil {
		return nil, err
	}
	return e, nil
}

// decode reads the JSON file name of fsys into v, refusing unknown fields
// and anything after the value.
func decode(fsys fs.FS, name string, v any) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("fakefacts: %w", err)
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.DisallowUnknownFields()
	if err := d.Decode(v); err != nil {
		return fmt.Errorf("fakefacts: %s: %w", name, err)
	}
	if d.More() {
		return fmt.Errorf("fakefacts: %s: more than one JSON value", name)
	}
	return nil
}

// numbered returns an error unless cs are numbered 1, 2, 3… in order, as
// the engine numbers them.
func numbered(cs []facts.Citation) error {
	for i, c := range cs {
		if c.N != i+1 {
			return fmt.Errorf("[%d] is number %d", c.N, i+1)
		}
	}
	return nil
}

// Ask returns the answer recorded for question, or, for a question with no
// recorded answer, what the engine says to noise: an abstention with no
// suggestions. The answer is a copy: changing it changes no other.
func (e *Engine) Ask(question string) facts.Answer {
	a, ok := e.byQuestion[question]
	if !ok {
		return facts.Answer{Question: question, Citations: []facts.Citation{}}
	}
	return clone(a)
}

// Suggest returns up to n of the suggestions recorded for typed, or none.
func (e *Engine) Suggest(typed string, n int) []string {
	s := e.suggestions[typed]
	return slices.Clone(s[:min(max(n, 0), len(s))])
}

// Answer returns a copy of the answer recorded in answers/name.json.
func (e *Engine) Answer(name string) (facts.Answer, bool) {
	a, ok := e.answers[name]
	return clone(a), ok
}

// Names returns the names of the recorded answers, sorted.
func (e *Engine) Names() []string {
	names := make([]string, 0, len(e.answers))
	for n := range e.answers {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

func clone(a facts.Answer) facts.Answer {
	a.Citations = slices.Clone(a.Citations)
	a.Suggestions = slices.Clone(a.Suggestions)
	return a
}

// ForTest loads the engine from fsys as Load does, and fails tb if it
// cannot.
func ForTest(tb testing.TB, fsys fs.FS) *Engine {
	tb.Helper()
	e, err := Load(fsys)
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

// MustAnswer returns the recorded answer of that name, and fails tb if
// there is none.
func (e *Engine) MustAnswer(tb testing.TB, name string) facts.Answer {
	tb.Helper()
	a, ok := e.Answer(name)
	if !ok {
		tb.Fatalf("no answer %q in the recorded answers", name)
	}
	return a
}
