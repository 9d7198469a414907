package wordnet

import "testing"

func TestIsNounRelated(t *testing.T) {
	for _, tt := range []struct {
		word string
		want bool
	}{{"bridge", true}, {"tunnels", true}, {"quickly", false}, {"approved", false}, {"opened", false}, {"children", true}} {
		if got := IsNoun(tt.word); got != tt.want {
			t.Errorf("IsNoun(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"car", "automobile", true}, // synonyms
		{"sedan", "car", true},      // a hypernym
		{"election", "elect", true}, // derived
		{"bridges", "bridge", true}, // the same lemma
		{"bridge", "tunnel", false},
		{"cost", "council", false},
	} {
		if got := Related(tt.a, tt.b); got != tt.want {
			t.Errorf("Related(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestIsVerbPlural(t *testing.T) {
	for _, tt := range []struct {
		word         string
		verb, plural bool
	}{
		{"work", true, false}, {"works", false, true}, {"worked", false, false},
		{"people", true, false}, // "to people" a land; WordNet lists no plural of person
		{"tunnels", false, true}, {"tunnel", true, false}, {"news", false, false},
		{"children", false, true}, {"boss", true, false}, {"quickly", false, false},
	} {
		if got := IsVerb(tt.word); got != tt.verb {
			t.Errorf("IsVerb(%q) = %v, want %v", tt.word, got, tt.verb)
		}
		if got := IsPlural(tt.word); got != tt.plural {
			t.Errorf("IsPlural(%q) = %v, want %v", tt.word, got, tt.plural)
		}
	}
}
