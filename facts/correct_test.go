package facts

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCorrections(t *testing.T) {
	checkCorrections(t, seeds(t), []correctionCase{
		{"hwo much did teh hackers steal", []Correction{{"hwo", "how"}, {"teh", "the"}}},
		{"wat did the thinktank say", []Correction{{"wat", "what"}, {"thinktank", "think tank"}}},
		{"whats the capital", nil},          // a contraction is read out, not reported
		{"How much did Bithumb lose?", nil}, // known words stay
		{"Who is Xerxes?", nil},             // a name typed with a capital stays
		{"how many hackers in 2015", nil},   // so do numbers
		// After a chat opener and a colon, a capitalised typo is no name.
		{"q: Hwo much did they steal", []Correction{{"Hwo", "how"}}},
		{"lazarus grp aka", []Correction{{"grp", "group"}, {"aka", "also known as"}}},
		// Words of the names the facts mention stay, however rarely the
		// articles use them, as chat types them in lower case.
		{"what did tass report", nil},
		{"what does wmd stand for", nil},
		{"what is wanna cry", nil},
		{"i wanna know who stole it", []Correction{{"wanna", "want to"}}}, // shorthand beside no other word of a name is read out
		// A name of the facts run together is read as the name.
		{"wat is wannacry", []Correction{{"wat", "what"}, {"wannacry", "Wanna Cry"}}},
		{"who leads the lazarusgroup", []Correction{{"lazarusgroup", "Lazarus Group"}}},
	})
}

// A correctionCase is a question and the corrections the engine should
// report for it.
type correctionCase struct {
	q    string
	want []Correction
}

// checkCorrections asks b each question of cases and compares the
// corrections reported.
func checkCorrections(t *testing.T, b *Base, cases []correctionCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.q, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, b.Ask(tt.q).Corrections); diff != "" {
				t.Errorf("Ask(%q).Corrections mismatch (-want +got):\n%s", tt.q, diff)
			}
		})
	}
}

// TestShorthandBesideNames checks that a chat abbreviation that is also a
// word of a name (the "R" of "R Street", the "Govt" of a title) is read
// out beside words of other names, and kept where it makes a name with
// the word beside it.
func TestShorthandBesideNames(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Town", Paragraphs: []string{
		"The Government Contract Committee met on R Street, where the Govt Gazette is printed.",
		"The committee said the government contract was signed by German Americans.",
	}}}, nil)
	checkCorrections(t, b, []correctionCase{
		{"how many german americans r there", []Correction{{"r", "are"}}},
		{"what did the govt contract committee do", []Correction{{"govt", "government"}}},
		{"what is on r street", nil},
	})
}

// A word of the aliases file is never corrected, however seldom the
// articles use it: a curator wrote it as a name people ask with. (A word
// of a name the articles write stays too: TestCorrections.)
func TestCorrectionsKeepAliasWords(t *testing.T) {
	arts := []Article{{ID: "a", Title: "Bank raids", Paragraphs: []string{
		"The crew hit two banks in May and hid in a varn. The banks lost money and the police found nothing.",
	}}}
	for _, tt := range []struct {
		aliases [][]string
		want    []Correction
	}{
		{nil, []Correction{{"varn", "vary"}}},
		{[][]string{{"varn", "barn shed"}}, nil},
	} {
		b := New(arts, tt.aliases)
		if diff := cmp.Diff(tt.want, b.Ask("where did the crew hide a varn").Corrections); diff != "" {
			t.Errorf("aliases %q: corrections mismatch (-want +got):\n%s", tt.aliases, diff)
		}
	}
}

// A typo beside a word of a name the facts mention reads as the word that
// makes the name, though another word within reach is commoner.
func TestCorrectionsInNames(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Islands", Paragraphs: []string{
		"Ships sent mail to Saint Helena every month. The island sent two teams to the games. " +
			"Letters were sent by sea. Saint Helena has a port.",
	}}}, nil)
	checkCorrections(t, b, []correctionCase{
		{"what port does sant helena have", []Correction{{"sant", "saint"}}},
		{"what was sant by sea", []Correction{{"sant", "sent"}}},
	})
}

// TestTruecase checks that names typed in lower case are read as names:
// the names the facts write, and words of them that English seldom writes
// in lower case, but not common words that are also parts of names.
func TestTruecase(t *testing.T) {
	b := seeds(t)
	for _, tt := range []struct {
		q     string
		names []string // the question's constraints, as analysed
	}{
		{"who runs the lazarus group", []string{"Lazarus Group"}},
		{"how much did bithumb lose", []string{"Bithumb"}},
		{"how much did youbit lose", []string{"Youbit"}}, // of "YouBit": one word, as typed
		{"who is the president of south korea", []string{"South Korea"}},
		{"did north korea steal bitcoin", []string{"North Korea"}},
		{"which group stole the most", nil}, // "group" alone is a word
		{"what did the south say", nil},     // so is "south"
	} {
		got := b.Explain(tt.q).Analysis.Constraints
		if diff := cmp.Diff(tt.names, got); diff != "" {
			t.Errorf("Explain(%q).Analysis.Constraints (-want +got):\n%s", tt.q, diff)
		}
	}
}

// TestProperWord checks that a word of a name is read as a name in lower
// case only where the facts never write it in lower case themselves.
func TestProperWord(t *testing.T) {
	name := []string{"Quorvath Lines runs the buses of the valley."}
	for _, tt := range []struct {
		paras []string
		want  bool
	}{
		{name, true},
		{append(name, "A quorvath is a west wind."), false},
	} {
		b := New([]Article{{ID: "a", Title: "Buses", Paragraphs: tt.paras}}, nil)
		if got := b.properWord("quorvath"); got != tt.want {
			t.Errorf("facts %q: properWord(quorvath) = %v, want %v", tt.paras, got, tt.want)
		}
	}
}

// Of two names that join alike, the most mentioned is the joined form's,
// then the first in order, every time: the table was once built in a
// map's order, and two builds of one corpus read "southeast asia"
// otherwise.
func TestJoinedNamesDeterministic(t *testing.T) {
	for _, tt := range []struct {
		names map[string]nameUse
		want  string
	}{
		{map[string]nameUse{"Southeast Asia": {count: 5}, "South East Asia": {count: 2}}, "Southeast Asia"},
		{map[string]nameUse{"Southeast Asia": {count: 2}, "South East Asia": {count: 5}}, "South East Asia"},
		{map[string]nameUse{"Southeast Asia": {count: 3}, "South East Asia": {count: 3}}, "South East Asia"},
	} {
		for range 50 {
			ti := newTopicIndex(tt.names)
			if got := joinedNames(&ti)["southeastasia"]; got != tt.want {
				t.Fatalf("%v: joined form's name %q, want %q", tt.names, got, tt.want)
			}
		}
	}
}
