package facts

import "testing"

func TestSurvey(t *testing.T) {
	b := New([]Article{
		{ID: "a", Title: "Ferry strike", Paragraphs: []string{
			"The Harbour Workers Union called a strike on March 3, 2021. " +
				"Ferries to France and Spain stopped for two days. " +
				"The strike cost the Port Authority about $2 million.",
		}},
		{ID: "b", Title: "Talks", Paragraphs: []string{
			"Talks with the Port Authority began in April 2021 in Lyon. " +
				"An observer came from Norway.",
		}},
	}, nil)
	for _, tt := range []struct {
		q, want string
	}{
		{"which countries are mentioned?", "France, Spain [1]; Norway [2]"},
		{"list every date", "March 3, 2021 [1]; April 2021 [2]"},
		{"what organizations are named in the articles", "Harbour Workers Union [1]; Port Authority [2]"},
	} {
		a := b.Ask(tt.q)
		if a.Text != tt.want || len(a.Citations) != 2 {
			t.Errorf("Ask(%q) = %q with %d citations, want %q", tt.q, a.Text, len(a.Citations), tt.want)
		}
	}
	// Not surveys: they name what to look for, or ask for people.
	s := b.getScratch()
	defer b.pool.Put(s)
	for _, q := range []string{
		"which countries did the ferries stop going to?",
		"which people are named?",
		"which cities are mentioned?",
		"What did the strike cost?",
		"Did Norway send an observer?",
		"where do the flights go",
		"who are mentioned?",
	} {
		r, _ := b.search(s, q)
		if k := b.surveyKind(&r.q, &r.c); k != 0 {
			t.Errorf("surveyKind(%q) = %v, want none", q, k)
		}
	}
}
