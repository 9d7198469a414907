package facts

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCorrections(t *testing.T) {
	b := seeds(t)
	for _, tt := range []struct {
		q    string
		want []Correction
	}{
		{"hwo much did teh hackers steal", []Correction{{"hwo", "how"}, {"teh", "the"}}},
		{"wat did the thinktank say", []Correction{{"wat", "what"}, {"thinktank", "think tank"}}},
		{"whats the capital", nil},          // a contraction is read out, not reported
		{"How much did Bithumb lose?", nil}, // known words stay
		{"Who is Xerxes?", nil},             // a name typed with a capital stays
		{"how many hackers in 2015", nil},   // so do numbers
		{"lazarus grp aka", []Correction{{"grp", "group"}, {"aka", "also known as"}}},
	} {
		t.Run(tt.q, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, b.Ask(tt.q).Corrections); diff != "" {
				t.Errorf("Ask(%q).Corrections mismatch (-want +got):\n%s", tt.q, diff)
			}
		})
	}
}
