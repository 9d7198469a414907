package wordnet

import "strings"

// IsNoun reports whether word is a noun in WordNet, or a noun's plural:
// "tunnels" is, "opened" is not (though "open" is also a noun).
func (db *DB) IsNoun(word string) bool {
	w := normalize(word)
	if id, ok := db.ids[w]; ok && db.pos[id]&1 != 0 {
		return true
	}
	for _, b := range db.exceptions[w] {
		if b.pos == 0 {
			return true
		}
	}
	return db.nounByRule(w)
}

// nounByRule reports whether WordNet's detachment rules for nouns make w
// the plural of a noun it lists: "tunnels", not "boss".
func (db *DB) nounByRule(w string) bool {
	if strings.HasSuffix(w, "ss") || len(w) <= 2 {
		return false
	}
	var buf [64]byte
	for _, r := range rules[0] {
		if strings.HasSuffix(w, r.suffix) && len(w) > len(r.suffix) && len(w) < len(buf) {
			stem := append(append(buf[:0], w[:len(w)-len(r.suffix)]...), r.ending...)
			if id, ok := db.ids[string(stem)]; ok && db.pos[id]&Noun != 0 {
				return true
			}
		}
	}
	return false
}

// IsVerb reports whether word is itself a verb of WordNet, in its base
// form: "work" is, "works" and "worked" are not.
func (db *DB) IsVerb(word string) bool {
	id, ok := db.ids[normalize(word)]
	return ok && db.pos[id]&Verb != 0
}

// IsAdjective reports whether word is itself an adjective of WordNet:
// "french", "north", "red".
func (db *DB) IsAdjective(word string) bool {
	id, ok := db.ids[normalize(word)]
	return ok && db.pos[id]&Adjective != 0
}

// IsPlural reports whether word is the plural of a noun of WordNet, by its
// exception list or its rules: "people" (of person), "tunnels", but not
// "tunnel" nor "news".
func (db *DB) IsPlural(word string) bool {
	w := normalize(word)
	for _, b := range db.exceptions[w] {
		if b.pos == 0 && db.name(b.id) != w {
			return true
		}
	}
	return db.nounByRule(w)
}

// Related reports whether WordNet relates a lemma of a to one of b: the
// same lemma, synonyms, derived forms, or one a hypernym of the other.
func (db *DB) Related(a, b string) bool {
	found := false
	db.eachLemma(a, func(aid uint32) bool {
		db.eachLemma(b, func(bid uint32) bool {
			if aid == bid {
				found = true
				return false
			}
			for _, r := range []int{relSynonym, relDerived, relHypernym} {
				rel := db.rels[r]
				if rel.start != nil && (contains(rel.to[rel.start[aid]:rel.start[aid+1]], bid) || contains(rel.to[rel.start[bid]:rel.start[bid+1]], aid)) {
					found = true
					return false
				}
			}
			return true
		})
		return !found
	})
	return found
}

// IsNoun, IsVerb, IsPlural, IsAdjective and Related ask the embedded
// WordNet; see DB.IsNoun, DB.IsVerb, DB.IsPlural, DB.IsAdjective,
// DB.Related.
func IsNoun(word string) bool { return db().IsNoun(word) }

func IsVerb(word string) bool { return db().IsVerb(word) }

func IsPlural(word string) bool { return db().IsPlural(word) }

func IsAdjective(word string) bool { return db().IsAdjective(word) }

func Related(a, b string) bool { return db().Related(a, b) }
