package translate

import (
	"github.com/kljensen/snowball/english"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/text"
)

// Stem returns the index term of a folded word, exactly as the engine makes
// it (facts/stem.go, which this copies and must follow): its base form for
// irregular words, then its Snowball (Porter2) stem. Numbers and all-caps
// stop words kept apart ("US") are their own term.
func Stem(w string) string {
	if w == "" || text.IsDigit(w[0]) || 'A' <= w[0] && w[0] <= 'Z' {
		return w
	}
	if base, ok := lang.Irregular[w]; ok {
		w = base
	}
	if len(w) <= 2 {
		return w
	}
	return english.Stem(w, false)
}
