package facts

import "testing"

// verdictBase is a small fact base of invented news, for the verdicts.
func verdictBase() *Base {
	return New([]Article{
		{ID: "harbour", Title: "Harbour works", Paragraphs: []string{
			"The city council approved the new harbour bridge in March. The mayor, Ana Lindqvist, did not sign the contract with Norvik Steel. " +
				"Norvik Steel reportedly paid a fine of $2 million last year. The council has never published the cost of the tunnel.",
			"Fishermen protested outside the town hall. Ferries will not stop at the old pier during the works. " +
				"Not only the ferries but also the buses were delayed.",
		}},
		{ID: "orchestra", Title: "Orchestra tour", Paragraphs: []string{
			"The national orchestra toured Japan and Korea in the spring. Its conductor, Paolo Brandt, was born in Vienna.",
		}},
	}, nil)
}

func TestVerdict(t *testing.T) {
	b := verdictBase()
	for _, tc := range []struct {
		q    string
		want Verdict
		text string // the short answer, when there is a verdict
	}{
		// The fact states it.
		{"Did the city council approve the harbour bridge?", Yes, "Yes"},
		{"Did the national orchestra tour Japan?", Yes, "Yes"},
		{"Was Paolo Brandt born in Vienna?", Yes, "Yes"},
		// The fact denies it: a negation stands before the words asked about.
		{"Did Ana Lindqvist sign the contract with Norvik Steel?", No, "No"},
		{"Will ferries stop at the old pier?", No, "No"},
		{"Has the council published the cost of the tunnel?", No, "No"},
		// Asked whether the sources mention something, when they do: the
		// words of mention are request phrasing.
		{"Is Vienna mentioned?", Yes, "Yes"},
		{"does the article mention the fishermen", Yes, "Yes"},
		// A hedge is said.
		{"Did Norvik Steel pay a fine?", Yes, "Reportedly, yes"},
		// "Not only … but also" denies nothing.
		{"Were the buses delayed?", Yes, "Yes"},
		// No verdict: a name or number the best fact lacks, or too little of
		// the question in it, or a negated question.
		{"Was Paolo Brandt born in Salzburg?", "", ""},
		{"Did Norvik Steel pay a fine of $5 million?", "", ""},
		{"Did the orchestra tour Brazil?", "", ""},
		{"Didn't the council approve the harbour bridge?", "", ""},
		{"Did the fishermen sue the council for damages over the bridge?", "", ""},
		{"Is Oslo mentioned?", "", ""},
		// Not a yes/no question.
		{"Who conducts the national orchestra?", "", ""},
	} {
		a := b.Ask(tc.q)
		if a.Verdict != tc.want {
			t.Errorf("%q: verdict %q, want %q (answer %q, quotes %q)", tc.q, a.Verdict, tc.want, a.Text, a.Quotes())
			continue
		}
		if tc.want != "" && (a.Text != tc.text || len(a.Citations) == 0) {
			t.Errorf("%q: answer %q with %d citations, want %q with the fact cited", tc.q, a.Text, len(a.Citations), tc.text)
		}
	}
}

// TestVerdictNeedsTheWord: a word of the question that the fact holds
// only as a synonym in a rare sense ("finished" of "ending") gets no
// verdict; one it holds as a form of the word does.
func TestVerdictNeedsTheWord(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Bridge", Paragraphs: []string{
		"The council approved the bridge on Tuesday, ending a long debate. The builder is based in Bergen, Norway.",
	}}}, nil)
	for _, tc := range []struct {
		q    string
		want Verdict
	}{
		{"Is the bridge finished?", ""},
		{"Did the council approve the bridge?", Yes},
		{"is the builder norwegian", Yes},  // Norway, a form of the word
		{"Is the builder Norwegian?", Yes}, // a people's adjective is a name with its country's forms
	} {
		if a := b.Ask(tc.q); a.Verdict != tc.want {
			t.Errorf("%q: verdict %q, want %q (answer %q)", tc.q, a.Verdict, tc.want, a.Text)
		}
	}
}

// TestVerdictNeedsThePredicate: a word of the question that the facts use
// must be in the best fact, however light ("did the shares go up?" of
// "shares fell" is no yes), and an ordinal before a superlative denies it
// ("second-largest" is no "largest").
func TestVerdictNeedsThePredicate(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Airline news", Paragraphs: []string{
		"Solvik Air, the country's second-largest airline, cut 1,200 jobs on Monday. " +
			"Its shares fell 6 percent on the news. Fuel prices rose by 40 percent in a year.",
	}}}, nil)
	for _, tc := range []struct {
		q    string
		want Verdict
	}{
		{"Did the shares go up?", ""},
		{"Did the shares fall?", Yes},
		{"Is Solvik Air the largest airline?", ""},
		{"Did Solvik Air cut jobs?", Yes},
	} {
		if got := b.Ask(tc.q).Verdict; got != tc.want {
			t.Errorf("%q: verdict %q, want %q", tc.q, got, tc.want)
		}
	}
}
