package facts

import (
	"slices"
	"testing"

	"github.com/factbot/factbot/facts/internal/text"
)

func TestFocusLemmas(t *testing.T) {
	z := text.NewTokenizer()
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"What instrument did Chopin play at the funeral?", []string{"instrument"}},
		{"Which cities did the relay pass through?", []string{"city"}},
		{"What musical instrument did he play?", []string{"instrument"}},
		{"When did the war end?", nil}, // no thing asked about
		{"Who wrote it?", nil},
	} {
		q := parse(z, tc.q, nil, nil)
		if got := focusLemmas(&q); !slices.Equal(got, tc.want) {
			t.Errorf("focusLemmas(%q) = %q, want %q", tc.q, got, tc.want)
		}
	}
}

// TestIsA is a table of WordNet's kinds: a word is a kind of the thing
// asked about through its hypernyms, two levels up, or a hypernym that
// ends in it ("musical instrument" for "instrument").
func TestIsA(t *testing.T) {
	for _, tc := range []struct {
		word, focus string
		want        bool
	}{
		{"organ", "instrument", true}, // electronic musical instrument
		{"violin", "instrument", true},
		{"lyon", "city", true}, // an instance of a city
		{"germany", "country", true},
		{"sedan", "car", true},
		{"latin", "language", true}, // an "Italic language"
		{"beethoven", "composer", true},
		{"violin", "city", false},
		{"instrument", "instrument", false}, // the thing itself is not a kind of it
		{"the", "instrument", false},
		{"1974", "film", false},
		{"zzyzx", "city", false}, // no word of WordNet's
	} {
		if got := isA(tc.word, []string{tc.focus}); got != tc.want {
			t.Errorf("isA(%q, %q) = %v, want %v", tc.word, tc.focus, got, tc.want)
		}
	}
}

// The focus-isa feature marks the spans that end in a kind of the thing
// asked about, and no other.
func TestSpanFocusIsA(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Notes", Paragraphs: []string{
		"At the funeral in Paris, Chopin played the organ beside Franz Liszt."}}}, nil)
	_, _, _, spans := b.Spans("What instrument did Chopin play at the funeral?")
	isa := map[string]float64{}
	for _, sp := range spans {
		isa[sp.Text] = sp.Features[sFocusIsA]
	}
	for text, want := range map[string]float64{"organ": 1, "Paris": 0, "Franz Liszt": 0, "organ beside Franz Liszt": 0} {
		if got, ok := isa[text]; !ok || got != want {
			t.Errorf("span %q: focus-isa %v (a span: %v), want %v", text, got, ok, want)
		}
	}
}
