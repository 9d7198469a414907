package facts

import (
	"slices"
	"testing"
)

// TestSurnames: a fact that names someone by the surname an earlier
// sentence gave in full holds the full name's other words, so that a
// question with the full name finds it; not when two full names share the
// surname, nor for a name whose first word is an adjective ("French
// Revolution").
func TestSurnames(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Lab news", Paragraphs: []string{
		"The team was led by microbiologist Dr. Helen Marsh of the institute. " +
			"Marsh said the discovery could help. " +
			"Tom Vos and Anna Vos ran the lab. Vos said little. " +
			"The French Revolution changed the lab's country. The Revolution ended in 1799.",
	}}}, nil)
	helen, _ := b.lookup("helen")
	tom, _ := b.lookup("tom")
	french, _ := b.lookup("french")
	for _, tc := range []struct {
		fact int
		term uint32
		want bool
	}{
		{1, helen, true},   // "Marsh said…"
		{3, tom, false},    // "Vos said…": Tom or Anna
		{5, french, false}, // "The Revolution…"
	} {
		f := b.facts[tc.fact]
		got := slices.Contains(b.seq[f.tok:f.tok+uint32(f.ntok)], tc.term)
		if got != tc.want {
			t.Errorf("fact %q holds %q: %v, want %v", f.text, b.terms[tc.term], got, tc.want)
		}
	}
	if a := b.Ask("What did Helen Marsh say?"); len(a.Citations) == 0 || a.Citations[0].Quote != b.facts[1].text {
		t.Errorf("What did Helen Marsh say? cites %v, want %q first", a.Citations, b.facts[1].text)
	}
}
