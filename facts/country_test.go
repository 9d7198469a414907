package facts

import "testing"

func TestNamesCountry(t *testing.T) {
	tests := []struct {
		answer string
		want   bool
	}{
		{"Germany", true},
		{"South Korea", true},
		{"the United States", true},     // WordNet: a North American country
		{"Prussia", true},               // a region
		{"the Mughal Empire", true},     // ends in a kind of polity
		{"France, Russia, Italy", true}, // a list with a country
		{"Human Development Index", false},
		{"Wideawake", false},
		{"World War I", false},
		{"Christmas", false},
		{"War", false},    // a war is a state, of hostility
		{"United", false}, // no form of "unite"
		{"Texas", false},  // a state of a country
		{"", false},
	}
	for _, tt := range tests {
		if got := namesCountry(tt.answer); got != tt.want {
			t.Errorf("namesCountry(%q) = %v, want %v", tt.answer, got, tt.want)
		}
	}
}

// TestCountryQuestionWantsCountry checks that "which country" is not
// answered with a name of another kind: the fact's country answers, and a
// fact that names none gets no short answer.
func TestCountryQuestionWantsCountry(t *testing.T) {
	tests := []struct {
		fact, q, want string
	}{
		{"The award went to a team from Norway after the Clean Water Prize jury met in Geneva.", "Which country won the award?", "Norway"},
		{"The Clean Water Prize was won twice by the Riverside Trust.", "Which country won the Clean Water Prize twice?", ""},
		{"The Clean Water Prize was won twice by the Riverside Trust.", "Which team won the Clean Water Prize twice?", "Riverside Trust"},
	}
	for _, tt := range tests {
		a := askOne(tt.fact, tt.q)
		if len(a.Citations) == 0 {
			t.Errorf("%q: no citation", tt.q)
			continue
		}
		got := a.Text
		if got == a.Citations[0].Quote {
			got = "" // the quote alone: no short answer
		}
		if got != tt.want {
			t.Errorf("%q of %q: short answer %q, want %q", tt.q, tt.fact, got, tt.want)
		}
	}
}
