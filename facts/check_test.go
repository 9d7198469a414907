package facts

import (
	"strings"
	"testing"
)

// TestCheck is the table of candidate checks: a fact, a question asked of
// it, and whether the fact answers it or why not.
func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		fact, q string
		why     string // "" when the fact answers; else a part of the reason
	}{
		{"The museum employs 120 guides and opened in 1998.", "How many guides does the museum employ?", ""},
		{"The museum employs 120 guides and opened in 1998.", "When did the museum open?", ""},
		{"The museum has 40 rooms and a large walled garden, and it employs local guides.", "How many guides does the museum employ?", "counts guides"},
		{"The museum employs guides from six countries and sells tickets online.", "When did the museum open?", "no date"},
		{"The bridge cost $40 million and took three years to build.", "How much did the bridge cost?", ""},
		{"The bridge took years to build and was opened by the mayor.", "How much did the bridge cost?", "no amount"},
		{"About 3,000 runners took part in the race on Sunday.", "How many runners took part in the race?", ""},
		{"Police closed 12 streets for the race on Sunday, which drew runners from abroad.", "How many runners took part in the race?", "counts runners"},
	} {
		b := New([]Article{{ID: "a", Title: "Local news", Paragraphs: []string{tc.fact}}}, nil)
		s := b.getScratch()
		r, ok := b.search(s, tc.q)
		if !ok {
			t.Errorf("%q: nothing found in %q", tc.q, tc.fact)
			b.pool.Put(s)
			continue
		}
		why := b.check(&r.q, &r.c, &r.cands[0])
		b.pool.Put(s)
		switch {
		case tc.why == "" && why != "":
			t.Errorf("%q of %q: refused (%s), want accepted", tc.q, tc.fact, why)
		case tc.why != "" && !strings.Contains(why, tc.why):
			t.Errorf("%q of %q: check %q, want one that says %q", tc.q, tc.fact, why, tc.why)
		}
	}
}

// TestCountOfOtherThingsComesAfter checks that a fact whose numbers count
// something other than what a "how many" question counts is not cited
// first, though it scores higher, when a fact that counts it is cited too.
func TestCountOfOtherThingsComesAfter(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Local news", Paragraphs: []string{
		"The members of the rowing club, who meet each week at the old mill by the river, have planted 40 trees.",
		"In all, about 300 people belong to it.",
	}}}, nil, noAbstain)
	a := b.Ask("How many members does the rowing club have?")
	if len(a.Citations) == 0 || !strings.Contains(a.Citations[0].Quote, "300") {
		t.Fatalf("first citation %v, want the fact of 300 people", a.Citations)
	}
	if a.Text != "about 300" {
		t.Errorf("answer %q, want %q", a.Text, "about 300")
	}
}
