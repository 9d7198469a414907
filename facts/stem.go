package facts

import (
	"github.com/kljensen/snowball/english"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/text"
)

// stem returns the index term of a folded word: its base form for irregular
// words, then its Snowball (Porter2) stem. Numbers are their own term.
func stem(w string) string {
	if w == "" || text.IsDigit(w[0]) || 'A' <= w[0] && w[0] <= 'Z' {
		return w // a number, or an all-caps stop word kept apart ("US")
	}
	if base, ok := lang.Irregular[w]; ok {
		w = base
	}
	if len(w) <= 2 {
		return w
	}
	return english.Stem(w, false)
}
