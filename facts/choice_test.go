package facts

import (
	"testing"

	"github.com/factbot/factbot/facts/internal/text"
)

// TestChoice checks that "or not" and "or so" ask no choice, and that two
// words joined by "or" do (the answers: TestShortAnswerShapes).
func TestChoice(t *testing.T) {
	for q, want := range map[string]bool{
		"Is the bridge safe or not?":                     false,
		"Did it cost a million or so?":                   false,
		"Were sulfonamides more or less toxic?":          true,
		"Was Portugal on the side of France or Britain?": true,
		"What did the mayor or the council say?":         false, // no yes/no question
	} {
		pq := parse(text.NewTokenizer(), q, nil, nil)
		if _, _, ok := choice(&pq); ok != want {
			t.Errorf("choice(%q) = %v, want %v", q, ok, want)
		}
	}
}
