package facts

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPhrasesInPlace checks that the synthetic term of an alias or an
// acronym stands right after the phrase it marks, so that proximity sees
// it where the phrase is.
func TestPhrasesInPlace(t *testing.T) {
	arts := []Article{{
		ID: "a", Title: "A report",
		Paragraphs: []string{"The Royal United Services Institute (RUSI) released a report. North Korea denied it on Monday."},
	}}
	b := New(arts, [][]string{{"North Korea", "DPRK"}})
	// synthetic returns the synthetic term of the group that has phrase.
	synthetic := func(phrase string) string {
		for _, ps := range b.phrases.byFirst {
			for _, p := range ps {
				var ws []string
				for _, id := range p.terms {
					ws = append(ws, b.terms[id])
				}
				if strings.Join(ws, " ") == phrase {
					return b.terms[p.syn]
				}
			}
		}
		t.Fatalf("no phrase %q", phrase)
		return ""
	}
	words := func(f uint32) []string {
		seq, _ := b.tokens(f)
		var ws []string
		for _, id := range seq {
			ws = append(ws, b.terms[id])
		}
		return ws
	}
	rusi := synthetic("rusi")
	if got := words(0); !slices.Contains(got, rusi) {
		t.Fatalf("fact 0 %q lacks %q", got, rusi)
	}
	want := []string{"royal", "unit", "servic", "institut", rusi, "rusi", rusi, "releas", "report"}
	if diff := cmp.Diff(want, words(0)); diff != "" {
		t.Errorf("fact 0 (-want +got):\n%s", diff)
	}
	nk := synthetic("north korea")
	want = []string{"north", "korea", nk, "deni", "monday"}
	if diff := cmp.Diff(want, words(1)); diff != "" {
		t.Errorf("fact 1 (-want +got):\n%s", diff)
	}
}

func TestSortPairs(t *testing.T) {
	got := []uint32{5, 50, 2, 20, 5, 51, 1, 10}
	sortPairs(got)
	if want := []uint32{1, 10, 2, 20, 5, 50, 5, 51}; !slices.Equal(got, want) {
		t.Errorf("sortPairs = %v, want %v", got, want)
	}
}
