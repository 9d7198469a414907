// Package stem gives the engine's index term of a folded word: its American
// spelling if it is a British one (colour → color, defence → defense), the
// base form WordNet's exception lists give an irregular verb or noun
// (stole → steal, children → child), then its Snowball (Porter2) stem,
// unless that is a stop word and the word has a WordNet lemma that is not
// ("willing" stays, not "will"). Every table keyed by
// terms (the index, the learned question-word table) stems through here, so
// that they cannot drift apart.
package stem

import (
	"strings"

	"github.com/kljensen/snowball/english"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/text"
	"github.com/factbot/factbot/facts/internal/wordnet"
)

// Of returns the index term of a folded word. Numbers are their own term,
// and so is a word kept in capitals (an all-caps stop word such as "US").
func Of(w string) string {
	if w == "" || text.IsDigit(w[0]) || 'A' <= w[0] && w[0] <= 'Z' {
		return w
	}
	if am := wordnet.American(w); am != "" {
		w = am
	}
	if base := wordnet.Irregular(w, wordnet.Verb|wordnet.Noun); base != "" && !strings.Contains(base, " ") {
		w = base
	}
	if len(w) <= 2 {
		return w
	}
	// A word whose stem is a stop word, which the index leaves out, is its
	// WordNet lemma if that is none: "willing" is no "will"; "owns" stays
	// "own", its lemma a stop word too.
	st := english.Stem(w, false)
	if !lang.Stopwords[st] || lang.Stopwords[w] {
		return st
	}
	for _, l := range wordnet.Lemmas(w) {
		if !lang.Stopwords[l] && !strings.Contains(l, " ") {
			return l
		}
	}
	return st
}
