package main

import (
	"strings"
	"testing"

	"github.com/factbot/factbot/internal/eval"
)

// TestAdversary checks that each twin changes the question into one with
// a word the fact base lacks, carries the change to the chat twin where
// it has the words, and that a question with nothing to change has none.
func TestAdversary(t *testing.T) {
	pool := []eval.Question{
		{ID: "a", Q: "Who founded Port Elmwood in 1620?"},
		{ID: "b", Q: "What river flows through Greyhaven Castle?"},
		{ID: "c", Q: "How many bridges cross the Ashford canal?"},
	}
	adv := newAdversary(pool)
	known := map[string]bool{}
	wordsOf(known, "Port Elmwood", []string{"Port Elmwood was founded in 1620 by settlers. Its river is the Elm."})
	for _, tc := range []struct {
		q, chat string
		ok      bool
	}{
		{"Who founded Port Elmwood in 1620?", "who founded port elmwood in 1620", true},
		{"When was Port Elmwood founded?", "wen was port elmwood founded", true},
		{"What river runs through the settlers' town?", "", true},
		{"Who is it?", "", false},
	} {
		for _, id := range []string{"q1", "q2", "q3"} { // each id picks its kind of change first
			clean, chat, ok := adv.twin(eval.Question{ID: id, Q: tc.q}, tc.chat, known)
			if ok != tc.ok {
				t.Errorf("twin(%q, id %s): ok = %v, want %v", tc.q, id, ok, tc.ok)
				continue
			}
			if !ok {
				continue
			}
			if clean == tc.q || !hasUnknown(clean, known) {
				t.Errorf("twin(%q, id %s) = %q: want a word the base lacks", tc.q, id, clean)
			}
			if tc.chat != "" && (chat == "" || chat == tc.chat || !hasUnknown(chat, known)) {
				t.Errorf("twin(%q, id %s): chat twin %q of %q, want the same change", tc.q, id, chat, tc.chat)
			}
		}
	}
}

// hasUnknown reports whether a word of q, other than question words, is
// not known.
func hasUnknown(q string, known map[string]bool) bool {
	for _, w := range questionWords(q)[1:] {
		if !known[strings.ToLower(w)] {
			return true
		}
	}
	return false
}
