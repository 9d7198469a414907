package wordnet

import (
	"slices"
	"strings"
)

// A rule is one of WordNet's detachment rules (morphy(7WN)): a form ending
// in suffix may be an inflection of the lemma ending in ending instead.
type rule struct{ suffix, ending string }

// rules are morphy's detachment rules by part of speech (0 noun, 1 verb,
// 2 adjective, 3 adverb; adverbs have none).
var rules = [4][]rule{
	{{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
	{{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
	{{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
	nil,
}

// Lemmas returns the lemmas that word (any case; a collocation's words
// separated by spaces or underscores) is, or is an inflection of, as
// WordNet's morphy finds them: word itself first if it is a lemma, then for
// each part of speech the base forms its exception list gives, or if it
// gives none those that its detachment rules yield and WordNet lists under
// that part of speech. stole gives stole (a scarf) and steal; children,
// child; better, better, good and well; hacking, hack. A word WordNet does
// not know gives nil.
func (db *DB) Lemmas(word string) []string {
	var out []string
	db.eachLemma(word, func(id uint32) bool {
		if name := db.name(id); !slices.Contains(out, name) {
			out = append(out, name)
		}
		return true
	})
	return out
}

// eachLemma calls yield with the id of each lemma that word is, or is an
// inflection of, in Lemmas' order (an id may come twice), until yield
// returns false. It allocates nothing for a word in lower case.
func (db *DB) eachLemma(word string, yield func(uint32) bool) {
	w := normalize(word)
	if w == "" || db.ids == nil {
		return
	}
	if id, ok := db.ids[w]; ok && !yield(id) {
		return
	}
	exc := db.exceptions[w]
	var buf [64]byte
	for pos := range uint8(4) {
		listed := false
		for _, b := range exc {
			if b.pos == pos {
				if !yield(b.id) {
					return
				}
				listed = true
			}
		}
		if listed {
			continue
		}
		// Like morphy, leave nouns in -ss and very short nouns alone
		// (boss is not bos, gas not ga).
		if pos == 0 && (strings.HasSuffix(w, "ss") || len(w) <= 2) {
			continue
		}
		for _, r := range rules[pos] {
			if !strings.HasSuffix(w, r.suffix) || len(w) == len(r.suffix) {
				continue
			}
			stem := append(append(buf[:0], w[:len(w)-len(r.suffix)]...), r.ending...)
			if id, ok := db.ids[string(stem)]; ok && db.pos[id]&(1<<pos) != 0 && !yield(id) {
				return
			}
		}
	}
}

// normalize lower-cases word and turns underscores into spaces, without
// allocating when there is nothing to change.
func normalize(word string) string {
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c == '_' || c >= 0x80 || ('A' <= c && c <= 'Z') {
			return strings.ReplaceAll(strings.ToLower(word), "_", " ")
		}
	}
	return word
}

// Part-of-speech masks for Irregular.
const (
	Noun uint8 = 1 << iota
	Verb
	Adjective
	Adverb
)

// Irregular returns the base form that WordNet's exception lists give for
// word under the first of the parts of speech in mask, in the order verb,
// noun, adjective, adverb, or "" when they give none: stole → steal,
// children → child. Unlike Lemmas, it applies no suffix rule and does not
// return word itself, so that a stemmer can ask it first.
func (db *DB) Irregular(word string, mask uint8) string {
	exc := db.exceptions[word]
	if len(exc) == 0 {
		return ""
	}
	for _, pos := range [...]uint8{1, 0, 2, 3} {
		if mask&(1<<pos) == 0 {
			continue
		}
		for _, b := range exc {
			if b.pos == pos {
				return db.name(b.id)
			}
		}
	}
	return ""
}

// Irregular returns the base form of an irregular word in the embedded
// WordNet; see DB.Irregular.
func Irregular(word string, mask uint8) string { return db().Irregular(word, mask) }
