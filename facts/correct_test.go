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

// A word of the aliases file is never corrected, however seldom the
// articles use it: a curator wrote it as a name people ask with.
func TestCorrectionsKeepAliasWords(t *testing.T) {
	arts := []Article{{ID: "a", Title: "Bank raids", Paragraphs: []string{
		"The Varn crew hit two banks in May. The banks lost money and the police found nothing.",
	}}}
	for _, tt := range []struct {
		aliases [][]string
		want    []Correction
	}{
		{nil, []Correction{{"varn", "vary"}}},
		{[][]string{{"Varn crew", "Varn gang"}}, nil},
	} {
		b := New(arts, tt.aliases)
		if diff := cmp.Diff(tt.want, b.Ask("what did the varn gang hit").Corrections); diff != "" {
			t.Errorf("aliases %q: corrections mismatch (-want +got):\n%s", tt.aliases, diff)
		}
	}
}
