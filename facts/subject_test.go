package facts

import "testing"

func TestMainSubject(t *testing.T) {
	story := New([]Article{
		{ID: "a", Title: "Norvik Steel Fined Over Harbour Bridge", Paragraphs: []string{
			"Norvik Steel was fined $2 million on Monday for delays to the harbour bridge.",
		}},
		{ID: "b", Title: "Council Blames Norvik Steel For Delays", Paragraphs: []string{
			"The city council said Norvik Steel had missed three deadlines. The firm said it would appeal.",
		}},
	}, nil)
	if got := story.mainSubject(); got != "Norvik Steel" {
		t.Fatalf("main subject %q, want %q", got, "Norvik Steel")
	}
	for _, tc := range []struct{ q, resolved string }{
		{"how much were they fined?", "how much were Norvik Steel fined?"},
		{"how many deadlines did they miss", "how many deadlines did Norvik Steel miss"},
		{"what did it say?", ""},                 // "it" is more often a thing than the subject
		{"how much was Norvik Steel fined?", ""}, // it names what it asks about
		{"what did the council say about them?", "what did the council say about Norvik Steel?"},
	} {
		if a := story.Ask(tc.q); a.Resolved != tc.resolved {
			t.Errorf("%q read as %q, want %q", tc.q, a.Resolved, tc.resolved)
		}
	}
	// Articles about different things have no main subject.
	mixed := New([]Article{
		{ID: "a", Title: "Norvik Steel Fined", Paragraphs: []string{"Norvik Steel was fined on Monday."}},
		{ID: "b", Title: "Orchestra Tours Japan", Paragraphs: []string{"The orchestra toured Japan in spring."}},
		{ID: "c", Title: "Ferries Stop At Old Pier", Paragraphs: []string{"Ferries will not stop at the old pier."}},
	}, nil)
	if got := mixed.mainSubject(); got != "" {
		t.Errorf("main subject of unrelated articles %q, want none", got)
	}
	if a := mixed.Ask("how much were they fined?"); a.Resolved != "" {
		t.Errorf("with no main subject, read as %q", a.Resolved)
	}
}
