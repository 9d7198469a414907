package facts

import (
	"strings"
	"testing"
)

func TestListAnswer(t *testing.T) {
	b := New([]Article{
		{ID: "one", Title: "Jet orders rise", Paragraphs: []string{
			"The planemaker said on Monday that the carriers Nordair and Skyvale, two companies from the north, ordered forty new jets between them. Its shares rose by a tenth.",
		}},
		{ID: "two", Title: "Orders at the air show", Paragraphs: []string{
			"At the show the regional company Pelican Air ordered six new jets, its chief executive Mara Quist said.",
		}},
	}, nil)
	a := b.Ask("Which companies ordered new jets?")
	for _, want := range []string{"Nordair and Skyvale", "Pelican Air"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("answer %q lacks %q (quotes %q)", a.Text, want, a.Quotes())
		}
	}
	if strings.Contains(a.Text, "Mara Quist") {
		t.Errorf("answer %q names the chief executive, who is no company", a.Text)
	}
	// Each part carries its citation's number, and the number is the
	// citation of the fact that says it.
	for i, c := range a.Citations {
		mark := "[" + string(rune('1'+i)) + "]"
		for _, name := range []string{"Nordair", "Pelican Air"} {
			if strings.Contains(c.Quote, name) && !strings.Contains(a.Text, mark) {
				t.Errorf("answer %q lacks %s for %q", a.Text, mark, c.Quote)
			}
		}
	}
	// A question for one thing gets one.
	if a := b.Ask("Which company ordered six new jets?"); a.Text != "Pelican Air" {
		t.Errorf("one airline: answer %q, want %q", a.Text, "Pelican Air")
	}
}

// TestListNamesLikeTheQuestions: a name that shares a word with the
// question's ("South Sudan" for a question about North Sudan) is no name
// of the question, and the list goes on past it; asking to list is asking
// "which".
func TestListNamesLikeTheQuestions(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Raids", Paragraphs: []string{
		"The report says North Sudan raided Chad, South Sudan, Niger and Mali last year.",
	}}}, nil, noAbstain)
	for _, q := range []string{"Which countries did North Sudan raid?", "list the countries north sudan raided"} {
		if a := b.Ask(q); a.Text != "Chad, South Sudan, Niger and Mali" {
			t.Errorf("%q: answer %q, want the four countries", q, a.Text)
		}
	}
}

func TestCompareAnswer(t *testing.T) {
	b := New([]Article{
		{ID: "wire", Title: "Storm damage counted", Paragraphs: []string{
			"The storm caused damage estimated at $1.2 billion, the insurers' association said on Friday.",
		}},
		{ID: "daily", Title: "Insurers count the cost", Paragraphs: []string{
			"Insurers put the storm's damage at roughly $900 million in a first estimate.",
		}},
		{ID: "weekly", Title: "After the storm", Paragraphs: []string{
			"Fishermen repaired their boats after the storm, which cut power to 40,000 homes.",
		}},
	}, nil)
	a := b.Ask("Do the articles agree on how much damage the storm caused?")
	if !strings.HasPrefix(a.Text, "They differ: ") || !strings.Contains(a.Text, "$1.2 billion") || !strings.Contains(a.Text, "$900 million") {
		t.Fatalf("answer %q, want both figures, each with its source (quotes %q)", a.Text, a.Quotes())
	}
	if len(a.Citations) < 2 || a.Citations[0].Source == a.Citations[1].Source {
		t.Errorf("citations %+v: want one from each article", a.Citations)
	}
	// The same figures, written otherwise, agree.
	for _, tc := range []struct{ a, b string }{
		{"$545 million to $735 million", "approximately $545 million and $735 million"},
		{"YouBit", "You Bit"},
		{"2,015 people", "2015"},
	} {
		if !sameWords(tc.a, tc.b) {
			t.Errorf("sameWords(%q, %q) = false", tc.a, tc.b)
		}
	}
	if sameWords("$545 million", "$545 billion") {
		t.Error("$545 million and $545 billion agree")
	}
	// Not a comparison: a question about agreeing that names no source.
	if q := parse(b.getScratch().z, "Did the two countries agree on a treaty?", nil, nil); q.compare {
		t.Error("a question about countries agreeing was read as a comparison of sources")
	}
}
