package wordnet

import "strings"

// British and American spelling. WordNet lists both spellings of a word as
// lemmas of the same synsets (colour and color, defence and defense,
// organise and organize), but as different words, and a British spelling
// has no tag counts of its own, so its synonyms are weak. American finds
// the American spelling of a British one by the regular correspondences
// and keeps it only where WordNet has the two as synonyms: so "four" is
// never "for", nor "acre" an "acer".

// A respelling turns a word ending in from (after at least stem letters)
// into one ending in to.
type respelling struct {
	from, to string
	stem     int
}

// respellings are the regular British → American correspondences of word
// endings, longest first within each family; the inflections are listed
// whole, as a word is asked before it is lemmatised.
var respellings = []respelling{
	{"isations", "izations", 2}, {"isation", "ization", 2},
	{"ising", "izing", 2}, {"isers", "izers", 2}, {"iser", "izer", 2},
	{"ised", "ized", 2}, {"ises", "izes", 2}, {"ise", "ize", 2},
	{"ysing", "yzing", 2}, {"ysed", "yzed", 2}, {"yses", "yzes", 2}, {"yse", "yze", 2},
	{"ours", "ors", 2}, {"oured", "ored", 2}, {"ouring", "oring", 2}, {"our", "or", 2},
	{"ourite", "orite", 2}, {"ourites", "orites", 2}, {"ourable", "orable", 2},
	{"ourhood", "orhood", 2}, {"ourful", "orful", 2},
	{"tres", "ters", 2}, {"tred", "tered", 2}, {"tre", "ter", 2},
	{"bres", "bers", 2}, {"bre", "ber", 2},
	{"ences", "enses", 2}, {"ence", "ense", 2},
	{"ogues", "ogs", 2}, {"ogue", "og", 2},
	{"lled", "led", 2}, {"lling", "ling", 2}, {"ller", "ler", 2}, {"llers", "lers", 2},
	{"mmes", "ms", 3}, {"mme", "m", 3},
}

// American returns the American spelling of word (in lower case) when word
// is a British spelling of it, or "" when it is not: organisation →
// organization, colours → colors, centre → center, defence → defense,
// catalogue → catalog, travelled → traveled. Spellings inside the word
// (archaeology, encyclopaedia) are left to WordNet, which lists both.
func (db *DB) American(word string) string {
	if len(word) < 4 || db.ids == nil {
		return ""
	}
	var buf [64]byte
	for _, r := range respellings {
		if len(word) > len(buf)-len(r.to) || len(word) < len(r.from)+r.stem || !strings.HasSuffix(word, r.from) {
			continue
		}
		am := append(append(buf[:0], word[:len(word)-len(r.from)]...), r.to...)
		if db.synonymous(word, string(am)) {
			return string(am)
		}
	}
	return ""
}

// synonymous reports whether a lemma of a and one of b are the same lemma
// or synonyms, in either direction.
func (db *DB) synonymous(a, b string) bool {
	r := db.rels[relSynonym]
	if r.start == nil {
		return false
	}
	found := false
	db.eachLemma(b, func(bid uint32) bool {
		db.eachLemma(a, func(aid uint32) bool {
			found = aid == bid || contains(r.to[r.start[aid]:r.start[aid+1]], bid) || contains(r.to[r.start[bid]:r.start[bid+1]], aid)
			return !found
		})
		return !found
	})
	return found
}

func contains(ids []uint32, id uint32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// American returns the American spelling of a British word in the embedded
// WordNet; see DB.American.
func American(word string) string { return db().American(word) }
