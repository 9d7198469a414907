package wordnet

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// readFixture loads testdata/fixture.bin.gz: cmd/wordnetgen's output for its
// hand-written WordNet-format fixture (cmd/wordnetgen/testdata/dict), which
// that command's tests regenerate and compare byte for byte.
func readFixture(t *testing.T) *DB {
	t.Helper()
	f, err := os.Open("testdata/fixture.bin.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	db, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestFixtureLemmas(t *testing.T) {
	db := readFixture(t)
	tests := []struct {
		word string
		want []string
	}{
		{"stole", []string{"stole", "steal"}}, // a scarf, and verb.exc
		{"stolen", []string{"steal"}},
		{"wrote", []string{"write"}},
		{"ate", nil}, // verb.exc says eat, which the fixture lacks
		{"children", []string{"child"}},
		{"geese", nil},
		{"better", []string{"good", "well"}}, // adj.exc and adv.exc
		{"hacking", []string{"hack"}},        // morphy: -ing
		{"cars", []string{"car"}},            // morphy: -s
		{"Cars", []string{"car"}},
		{"purchased", []string{"purchase"}}, // morphy: -ed → -e
		{"buys", []string{"buy"}},
		{"sedans", []string{"sedan"}},
		{"car doors", []string{"car door"}},
		{"car_door", []string{"car door"}},
		{"French", []string{"french"}},
		{"the", nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, db.Lemmas(tt.word)); diff != "" {
				t.Errorf("Lemmas(%q) (-want +got):\n%s", tt.word, diff)
			}
		})
	}
}

func TestFixtureSynonyms(t *testing.T) {
	db := readFixture(t)
	q := func(w float64) float64 { return float64(int(w*255+0.5)) / 255 }
	tests := []struct {
		lemma string
		want  []Rel
	}{
		{"car", []Rel{{"auto", 1}, {"automobile", 1}}},
		// purchase: 34 verb uses, 8 noun; the verb sense is buy's.
		{"purchase", []Rel{{"buy", q(34.5 / 43)}}},
		{"buy", []Rel{{"purchase", 1}}},
		// write's compose sense has 9 of its 109 uses: too rare.
		{"write", nil},
		{"compose", []Rel{{"write", 1}}},
		{"child", []Rel{{"kid", 1}}},
		{"steal", nil},
		{"unknown", nil},
	}
	for _, tt := range tests {
		t.Run(tt.lemma, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, db.Synonyms(tt.lemma)); diff != "" {
				t.Errorf("Synonyms(%q) (-want +got):\n%s", tt.lemma, diff)
			}
		})
	}
}

func TestFixtureRelations(t *testing.T) {
	db := readFixture(t)
	tests := []struct {
		rel   string
		fn    func(string) []string
		lemma string
		want  []string
	}{
		{"derived", db.Derived, "buy", []string{"buyer"}},
		{"derived", db.Derived, "buyer", []string{"buy"}},
		{"derived", db.Derived, "purchase", []string{"purchaser"}},
		{"derived", db.Derived, "purchaser", []string{"purchase"}},
		{"derived", db.Derived, "car", nil},
		{"hypernyms", db.Hypernyms, "sedan", []string{"car", "auto", "automobile", "motor vehicle"}},
		{"hypernyms", db.Hypernyms, "car", []string{"motor vehicle", "vehicle"}},
		{"hypernyms", db.Hypernyms, "lyon", []string{"city", "metropolis"}},
		{"hypernyms", db.Hypernyms, "vehicle", nil},
		{"ancestors", db.Ancestors, "sedan", []string{"car", "motor vehicle", "vehicle"}},
		{"ancestors", db.Ancestors, "lyon", nil}, // a name is no kind
		{"ancestors", db.Ancestors, "vehicle", nil},
		{"hyponyms", db.Hyponyms, "car", []string{"sedan", "saloon"}},
		{"hyponyms", db.Hyponyms, "motor vehicle", []string{"car", "auto", "automobile"}},
		{"hyponyms", db.Hyponyms, "city", []string{"lyon", "lyons"}},
		{"hyponyms", db.Hyponyms, "sedan", nil},
		{"holonyms", db.Holonyms, "lyon", []string{"france", "french republic"}},
		{"holonyms", db.Holonyms, "car door", []string{"car", "auto", "automobile"}},
		{"meronyms", db.Meronyms, "france", []string{"lyon", "lyons"}},
		{"meronyms", db.Meronyms, "car", []string{"car door"}},
		{"pertainyms", db.Pertainyms, "french", []string{"france"}},
		{"pertainyms", db.Pertainyms, "france", []string{"french"}},
		{"pertainyms", db.Pertainyms, "french republic", nil},
		{"antonyms", db.Antonyms, "good", []string{"bad"}},
		{"antonyms", db.Antonyms, "bad", []string{"good"}},
		{"antonyms", db.Antonyms, "awful", nil}, // similar to bad: no indirect antonyms
		{"antonyms", db.Antonyms, "car", nil},
	}
	for _, tt := range tests {
		t.Run(tt.rel+"/"+tt.lemma, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.fn(tt.lemma)); diff != "" {
				t.Errorf("%s(%q) (-want +got):\n%s", tt.rel, tt.lemma, diff)
			}
		})
	}
}

// IsKindOf reads the hypernyms of the lemmas a word inflects, and a
// compound hypernym by its last word.
func TestFixtureIsKindOf(t *testing.T) {
	db := readFixture(t)
	for _, tt := range []struct {
		word  string
		kinds []string
		want  bool
	}{
		{"sedan", []string{"car"}, true},
		{"sedans", []string{"car"}, true},    // through morphy
		{"sedan", []string{"vehicle"}, true}, // "motor vehicle" ends in it
		{"Lyon", []string{"city"}, true},     // any case
		{"car", []string{"vehicle"}, true},   // one level up
		{"sedan", []string{"france"}, false}, // a holonym is no kind
		{"car", []string{"car"}, false},      // nor the word itself
		{"car", []string{"hicle"}, false},    // a whole word only
		{"sedan", nil, false},
		{"zzz", []string{"car"}, false},
	} {
		if got := db.IsKindOf(tt.word, tt.kinds); got != tt.want {
			t.Errorf("IsKindOf(%q, %q) = %v, want %v", tt.word, tt.kinds, got, tt.want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { db.IsKindOf("sedans", []string{"vehicle"}) }); n != 0 {
		t.Errorf("IsKindOf allocates %v times, want 0", n)
	}
}
