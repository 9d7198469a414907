package main

import (
	"fmt"
	"testing"

	"github.com/factbot/factbot/internal/eval"
	"github.com/factbot/factbot/internal/squadsplit"
)

// TestPick: only questions about held-out articles that no fit picks, none
// of the sample's, every k-th of them in file order.
func TestPick(t *testing.T) {
	var all []eval.Question
	for i := range 300 {
		source := "000-base"
		if i%3 == 0 {
			source = "009-held-out"
		}
		all = append(all, eval.Question{ID: fmt.Sprint("q", i), Source: source})
	}
	sample := []eval.Question{{ID: "q3"}, {ID: "q6"}}
	got := pick(all, sample, 10)
	if len(got) != 10 {
		t.Fatalf("picked %d questions, want 10", len(got))
	}
	split := squadsplit.New([]string{"q3", "q6"})
	parts, at := map[string]squadsplit.Part{}, map[string]int{}
	for i, q := range all {
		parts[q.ID], at[q.ID] = split.Next(q.ID, q.Source), i
	}
	for i, q := range got {
		if parts[q.ID] != squadsplit.General {
			t.Errorf("picked %s, of part %v: want only the general part", q.ID, parts[q.ID])
		}
		if i > 0 && at[q.ID] <= at[got[i-1].ID] {
			t.Errorf("picked %s after %s: want file order", q.ID, got[i-1].ID)
		}
	}
}
