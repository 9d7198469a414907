package facts

import (
	"slices"
	"strings"
	"unicode"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/wordnet"
)

// Country questions: "Which country…?", "What nations…?" ask for a
// country, and a short answer that names none is of the wrong kind ("Which
// country has the top rank?" is not answered "Human Development Index",
// nor "Which countries were hacked?" with two exchanges). Better no short
// answer than that: the quotes still answer.

// asksCountry reports whether the thing q asks about is a country.
func asksCountry(q *query) bool {
	return lang.CountryNouns[q.focusHead()]
}

// polityKinds are what WordNet calls the places a question about a
// country may be answered with: "Prussia" is a "region", "Persia" an
// "empire". Not "state", which is also a condition (a war is one).
var polityKinds = []string{"country", "nation", "kingdom", "empire", "republic", "region"}

// namesCountry reports whether a short answer names a country or a
// polity like one: a word of a country's name ("Korea" of "South Korea",
// "Britain"), a name WordNet has as a kind of polity ("United States",
// "Prussia"), or one whose last word is such a kind ("Mughal Empire").
func namesCountry(answer string) bool {
	words := strings.FieldsFunc(strings.ToLower(answer), func(r rune) bool { return !unicode.IsLetter(r) })
	for _, w := range words {
		if lang.Countries[w] {
			return true
		}
	}
	if len(words) > 0 && words[0] == "the" {
		words = words[1:]
	}
	if len(words) == 0 {
		return false
	}
	if slices.Contains(polityKinds, words[len(words)-1]) {
		return true
	}
	// The name as WordNet has it, not a lemma it may inflect: "United" is
	// no form of "unite" here.
	for _, h := range wordnet.Hypernyms(strings.Join(words, " ")) {
		for _, k := range polityKinds {
			if h == k || strings.HasSuffix(h, " "+k) {
				return true
			}
		}
	}
	return false
}
