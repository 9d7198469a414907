package facts

import (
	"testing"

	"github.com/factbot/factbot/facts/internal/text"
)

// TestChoice checks that a question that asks which of two things is so is
// answered with the one the fact holds, not "Yes", and with the quote when
// the fact holds both or neither; "or not" asks no choice.
func TestChoice(t *testing.T) {
	tests := []struct{ fact, q, want string }{
		{"Sulfonamides proved far less toxic than arsphenamine in the trials of 1936.", "Were sulfonamides more or less toxic than arsphenamine?", "less"},
		{"Portugal joined the war on Britain's side in 1762.", "Was Portugal on the side of France or Britain?", "Britain"},
		{"The city's school enrollment dropped by a fifth after 2000 and then rose.", "Has school enrollment dropped or risen since 2000?", "The city's school enrollment dropped by a fifth after 2000 and then rose."},
	}
	for _, tt := range tests {
		if got := askOne(tt.fact, tt.q).Text; got != tt.want {
			t.Errorf("%q: answer %q, want %q", tt.q, got, tt.want)
		}
	}
	q := parse(text.NewTokenizer(), "Is the bridge safe or not?", nil, nil)
	if _, _, ok := choice(&q); ok {
		t.Error(`"or not" read as a choice`)
	}
}
