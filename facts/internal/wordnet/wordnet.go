package wordnet

import (
	"bytes"
	_ "embed"
	"sync"
)

//go:embed wordnet.bin.gz
var compiled []byte

//go:embed LICENSE.WordNet
var license string

// License returns WordNet's licence, whose notice must go with every copy of
// the database, this compiled form included: show it wherever the binary
// shows its notices.
func License() string { return license }

// embedded is the compiled database, read on first use.
var embedded = sync.OnceValues(func() (*DB, error) {
	return Read(bytes.NewReader(compiled))
})

// Load reads the embedded database if it has not been read yet, and reports
// whether it could be. The package-level functions call it themselves; call
// it at start-up to pay the load time (about 0.1 s of CPU; the loaded DB
// keeps about 18 MiB) early and to surface a broken build.
func Load() (*DB, error) {
	return embedded()
}

// db is the embedded database, or an empty one if it cannot be read (Load
// reports why).
func db() *DB {
	d, err := embedded()
	if err != nil {
		return &empty
	}
	return d
}

var empty DB

// A DB is a compiled WordNet database. It is immutable and safe for
// concurrent use. The zero DB knows no words.
type DB struct {
	names      string   // all lemmas, concatenated in id order
	ends       []uint32 // ends[i] is the end of lemma i in names
	pos        []uint8  // part-of-speech mask of each lemma
	ids        map[string]uint32
	exceptions map[string][]base
	rels       [numRelations]relation
	weights    []uint8 // the weight of each synonym, parallel to rels[relSynonym].to
}

// A relation holds one list of lemma ids per lemma: lemma i's list is
// to[start[i]:start[i+1]].
type relation struct {
	start []uint32
	to    []uint32
}

// A base is a lemma an exception-list form is an inflection of, with the
// part of speech (0 noun, 1 verb, 2 adjective, 3 adverb).
type base struct {
	pos uint8
	id  uint32
}

// A Rel is a related lemma with the weight of the relation, in (0,1].
type Rel struct {
	Lemma  string
	Weight float64
}

func (db *DB) name(id uint32) string {
	start := uint32(0)
	if id > 0 {
		start = db.ends[id-1]
	}
	return db.names[start:db.ends[id]]
}

// lookup finds a lemma's id; word must already be normalized.
func (db *DB) lookup(word string) (uint32, bool) {
	id, ok := db.ids[word]
	return id, ok
}

// list returns lemma id's list of relation r as lemmas.
func (db *DB) list(r int, lemma string) []string {
	id, ok := db.lookup(normalize(lemma))
	if !ok || db.rels[r].start == nil {
		return nil
	}
	ids := db.rels[r].to[db.rels[r].start[id]:db.rels[r].start[id+1]]
	if len(ids) == 0 {
		return nil
	}
	out := make([]string, len(ids))
	for i, t := range ids {
		out[i] = db.name(t)
	}
	return out
}

// IsKindOf reports whether WordNet has word, or the lemma it inflects, as
// a kind of one of kinds (lemmas): one of its hypernyms (Hypernyms) is one,
// or a compound that ends in one ("organ" is an "electronic musical
// instrument", so an "instrument"). It allocates nothing for a word in
// lower case.
func (db *DB) IsKindOf(word string, kinds []string) bool {
	r := db.rels[relHypernym]
	if r.start == nil || len(kinds) == 0 {
		return false
	}
	found := false
	db.eachLemma(word, func(id uint32) bool {
		for _, h := range r.to[r.start[id]:r.start[id+1]] {
			name := db.name(h)
			for _, k := range kinds {
				if name == k || len(name) > len(k) && name[len(name)-len(k)-1] == ' ' && name[len(name)-len(k):] == k {
					found = true
					return false
				}
			}
		}
		return true
	})
	return found
}

// Ancestors lists what a noun lemma is a kind of in its dominant sense
// (the one tagged most often): the head word of every synset above it,
// nearest first ("actor": "performer", "entertainer", "person", …). Unlike
// Hypernyms, it follows one sense all the way up, so it never drifts
// through another sense of a word on the way.
func (db *DB) Ancestors(lemma string) []string { return db.list(relAncestor, lemma) }

// IsLemma reports whether WordNet lists word (case-insensitive) as a lemma.
func (db *DB) IsLemma(word string) bool {
	_, ok := db.lookup(normalize(word))
	return ok
}

// Synonyms returns the other lemmas of lemma's frequent senses, strongest
// first. Like the other relations it takes a lemma (see Lemmas), not an
// inflected form. A synonym's weight is the estimated share of lemma's uses (from
// WordNet's tag counts) in the senses the two words share: purchase gives
// buy about 0.7, while senses too rare to matter are left out.
func (db *DB) Synonyms(lemma string) []Rel {
	id, ok := db.lookup(normalize(lemma))
	if !ok || db.rels[relSynonym].start == nil {
		return nil
	}
	r := db.rels[relSynonym]
	lo, hi := r.start[id], r.start[id+1]
	if lo == hi {
		return nil
	}
	out := make([]Rel, 0, hi-lo)
	for i := lo; i < hi; i++ {
		out = append(out, Rel{db.name(r.to[i]), float64(db.weights[i]) / 255})
	}
	return out
}

// Derived returns lemma's derivationally related forms, in both directions
// and from all its senses (fund: funding; election: elect).
func (db *DB) Derived(lemma string) []string { return db.list(relDerived, lemma) }

// Hypernyms returns the more general lemmas of lemma's frequent senses,
// through hypernym and instance-hypernym pointers: every lemma one level up,
// then the head word of each synset two levels up (sedan: car, auto, ...,
// motor vehicle; marseille: city, metropolis, urban center, port,
// municipality, ...).
func (db *DB) Hypernyms(lemma string) []string { return db.list(relHypernym, lemma) }

// Hyponyms returns the more specific lemmas one level below lemma's
// frequent senses (car: ..., sedan, ...; city: new york, chicago, ...),
// including instances, at most a few dozen: the senses tagged most often
// first, then those WordNet describes most fully.
func (db *DB) Hyponyms(lemma string) []string { return db.list(relHyponym, lemma) }

// Holonyms returns the wholes that lemma's frequent senses are parts of,
// one level up (lyon: france).
func (db *DB) Holonyms(lemma string) []string { return db.list(relHolonym, lemma) }

// Meronyms returns the parts of lemma's frequent senses, one level down
// (france: paris, ..., lyon, ...), ordered as Hyponyms and at most a few
// dozen.
func (db *DB) Meronyms(lemma string) []string { return db.list(relMeronym, lemma) }

// Pertainyms returns the lemmas lemma pertains to or that pertain to it, both
// ways: adjectives and the nouns they relate to (canadian: canada; france:
// french, gallic), adverbs and their adjectives.
func (db *DB) Pertainyms(lemma string) []string { return db.list(relPertainym, lemma) }

// Antonyms returns lemma's direct antonyms, both ways and from all its
// senses, the most familiar first: large: small; big: little, small;
// increase: decrease; first: last, second; north: south; buy: sell. WordNet
// links antonyms word to word, not meaning to meaning, so a word of similar
// meaning has none of its own (huge, enlarge), and most nouns have none.
func (db *DB) Antonyms(lemma string) []string { return db.list(relAntonym, lemma) }

// IsLemma reports whether the embedded WordNet lists word as a lemma.
func IsLemma(word string) bool { return db().IsLemma(word) }

// Lemmas returns the lemmas the embedded WordNet knows that word is, or is
// an inflection of; see DB.Lemmas.
func Lemmas(word string) []string { return db().Lemmas(word) }

// IsKindOf is DB.IsKindOf on the embedded database.
func IsKindOf(word string, kinds []string) bool { return db().IsKindOf(word, kinds) }

// Synonyms returns lemma's weighted synonyms in the embedded WordNet; see
// DB.Synonyms.
func Synonyms(lemma string) []Rel { return db().Synonyms(lemma) }

// Derived returns lemma's derivationally related forms in the embedded
// WordNet; see DB.Derived.
func Derived(lemma string) []string { return db().Derived(lemma) }

// Ancestors returns lemma's ancestors in the embedded WordNet; see
// DB.Ancestors.
func Ancestors(lemma string) []string { return db().Ancestors(lemma) }

// Hypernyms returns lemma's hypernyms in the embedded WordNet; see
// DB.Hypernyms.
func Hypernyms(lemma string) []string { return db().Hypernyms(lemma) }

// Hyponyms returns lemma's hyponyms in the embedded WordNet; see
// DB.Hyponyms.
func Hyponyms(lemma string) []string { return db().Hyponyms(lemma) }

// Holonyms returns lemma's part holonyms in the embedded WordNet; see
// DB.Holonyms.
func Holonyms(lemma string) []string { return db().Holonyms(lemma) }

// Meronyms returns lemma's part meronyms in the embedded WordNet; see
// DB.Meronyms.
func Meronyms(lemma string) []string { return db().Meronyms(lemma) }

// Pertainyms returns lemma's pertainyms in the embedded WordNet; see
// DB.Pertainyms.
func Pertainyms(lemma string) []string { return db().Pertainyms(lemma) }

// Antonyms returns lemma's antonyms in the embedded WordNet; see
// DB.Antonyms.
func Antonyms(lemma string) []string { return db().Antonyms(lemma) }
