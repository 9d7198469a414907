package facts

import (
	"strings"
	"testing"
)

func TestListAnswer(t *testing.T) {
	b := New([]Article{
		{ID: "one", Title: "Jet orders rise", Paragraphs: []string{
			"The planemaker said on Monday that the carriers Nordair and Skyvale, two firms from the north, ordered forty new jets between them. Its shares rose by a tenth.",
		}},
		{ID: "two", Title: "Orders at the air show", Paragraphs: []string{
			"At the show the regional firm Pelican Air ordered six new jets, its chief executive Mara Quist said.",
		}},
	}, nil)
	a := b.Ask("Which firms ordered new jets?")
	for _, want := range []string{"Nordair and Skyvale", "Pelican Air"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("answer %q lacks %q (quotes %q)", a.Text, want, a.Quotes())
		}
	}
	if strings.Contains(a.Text, "Mara Quist") {
		t.Errorf("answer %q names the chief executive, who is no firm", a.Text)
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
	if a := b.Ask("Which firm ordered six new jets?"); a.Text != "Pelican Air" {
		t.Errorf("one airline: answer %q, want %q", a.Text, "Pelican Air")
	}
}
