package facts

import (
	"strings"

	"github.com/kljensen/snowball/english"

	"github.com/factbot/factbot/facts/internal/text"
	"github.com/factbot/factbot/facts/internal/wordnet"
)

// stem returns the index term of a folded word: the base form WordNet's
// exception lists give an irregular verb or noun (stole → steal, children →
// child), then its Snowball (Porter2) stem. Numbers are their own term.
func stem(w string) string {
	if w == "" || text.IsDigit(w[0]) || 'A' <= w[0] && w[0] <= 'Z' {
		return w // a number, or an all-caps stop word kept apart ("US")
	}
	if base := wordnet.Irregular(w, wordnet.Verb|wordnet.Noun); base != "" && !strings.Contains(base, " ") {
		w = base
	}
	if len(w) <= 2 {
		return w
	}
	return english.Stem(w, false)
}
