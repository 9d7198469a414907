package stem

import "testing"

func TestOf(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"stole", "steal"},
		{"stolen", "steal"},
		{"steals", "steal"},
		{"hackers", "hacker"},
		{"hacking", "hack"},
		{"children", "child"},
		{"2019", "2019"},
		{"US", "US"},
		{"", ""},
		{"an", "an"},
		// A British spelling has its American spelling's term.
		{"defence", Of("defense")},
		{"organisations", Of("organizations")},
		{"colours", Of("colors")},
		{"centre", Of("center")},
		{"four", "four"},
		// A stem that is a stop word would be left out of the index.
		{"willing", "willing"},
		{"will", "will"},
		{"owns", "own"}, // its lemma is a stop word too
	} {
		if got := Of(tt.in); got != tt.want {
			t.Errorf("Of(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
