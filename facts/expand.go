package facts

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/wordnet"
)

// Word expansion: every source of other words for a question word is an
// expander, with a name (shown by Explain) and a weight below the word's
// own, 1. Compile runs them in order over each word of the question.

// A source says where an index term of a concept came from.
type source uint8

const (
	// The expanders, in the order they run; their names are ExpanderNames.
	srcSynonym   source = iota // a synonym in a frequent sense (WordNet), or of the supplement (lang)
	srcDerived                 // a derived form: "election" for "elect", "hacker" for "hack"
	srcPrefix                  // a longer word the question's word begins
	srcTypo1                   // a word one typo away
	srcTypo2                   // a word two typos away
	srcAbbrev                  // a word the question's word abbreviates
	srcHypernym                // a more general word: "car" for "sedan", "city" for "Marseille"
	srcHyponym                 // a more particular word: "sedan" for "car"
	srcHolonym                 // a whole the word is part of: "France" for "Lyon"
	srcMeronym                 // a part of the word: "Lyon" for "France"
	srcPertainym               // a word it pertains to: "Canada" for "Canadian", and back
	nExpanders

	// Sources that are no expansion: they count as the word itself.
	srcWord   = nExpanders + iota - nExpanders - 1 // the question's own word
	srcPhrase                                      // a phrase of the aliases file or an acronym the articles define
	srcJoined                                      // a compound the question splits ("cyber warfare" for "cyberwarfare")
	nSources
)

// ExpanderNames names the expanders, in the order they run, as Explain and
// the weights file name them.
var ExpanderNames = [nExpanders]string{
	srcSynonym: "synonym", srcDerived: "derived", srcPrefix: "prefix", srcTypo1: "typo", srcTypo2: "typo2",
	srcAbbrev: "abbreviation", srcHypernym: "hypernym", srcHyponym: "hyponym", srcHolonym: "holonym",
	srcMeronym: "meronym", srcPertainym: "pertainym",
}

func (s source) String() string {
	switch s {
	case srcWord:
		return "word"
	case srcPhrase:
		return "phrase"
	case srcJoined:
		return "joined"
	}
	return ExpanderNames[s]
}

// An expansion is the word an expander works on.
type expansion struct {
	word  string // folded
	term  string // its index term (stem), whether or not the index has it
	id    uint32 // its term id, or math.MaxUint32
	known bool   // the index has it
	// lemmas are the WordNet lemmas the word is or is a form of.
	lemmas []string
	found  [nExpanders]int
}

// Each expander proposes index terms for a question word, at a weight below
// the word's own 1: its weight in Weights.Expanders, times, for a synonym,
// how much of the word's use the shared sense has. What an expander
// proposes, and when it runs, is its case in Base.expand: a switch rather
// than function values, so that a question's words are expanded without
// allocating.

// Expansion limits: they bound the work a question costs, and keep a
// vague word from standing for half the vocabulary.
const (
	// maxPrefixTerms is how many longer terms a prefix may stand for; a
	// prefix of more is too vague to expand.
	maxPrefixTerms = 12
	// maxTypoTerms is how many terms, the most frequent, stand in for a
	// word with a typo.
	maxTypoTerms = 6
	// maxRelatedTerms is how many index terms one WordNet relation of one
	// lemma may add, in WordNet's order (most salient senses first).
	maxRelatedTerms = 8
)

// expand runs expander src for x, adding what it proposes to g at weight
// w, and returns how many terms it added. Names (g.name) take only the
// relations between names: holonyms, meronyms, pertainyms.
func (b *Base) expand(s *scratch, src source, w float32, x *expansion, g *group) int {
	n := 0
	emit := func(term uint32, scale float32) {
		if g.add(b, term, w*scale, src) {
			n++
		}
	}
	switch src {
	case srcSynonym:
		for _, id := range b.synonyms[x.term] {
			emit(id, 1)
		}
		if !g.name {
			for _, l := range x.lemmas {
				for _, r := range wordnet.Synonyms(l) {
					b.emitLemma(r.Lemma, float32(r.Weight), emit)
				}
			}
		}
	case srcDerived:
		for _, id := range b.related(x.term) {
			emit(id, 1)
		}
		if !g.name || demonym(x.word) {
			// A people's adjective is a name that has its country's
			// forms: "Norwegian" of "Bergen, Norway".
			b.emitRelated(x.lemmas, wordnet.Derived, emit)
		}
	case srcPrefix:
		if len(x.word) < 4 {
			break
		}
		lo, hi := b.vocab.extensions(x.id, x.term)
		if hi-lo <= maxPrefixTerms {
			for k := lo; k < hi; k++ {
				emit(b.vocab.ids[k], 1)
			}
		}
	case srcTypo1:
		// One typo first; two only for a long word that one does not mend.
		if !x.known && maxTypos(len(x.word)) >= 1 {
			b.typos(s, x.word, 1, emit)
		}
	case srcTypo2:
		if !x.known && x.found[srcTypo1] == 0 && maxTypos(len(x.word)) >= 2 {
			b.typos(s, x.word, 2, emit)
		}
	case srcAbbrev:
		if !x.known && len(g.alts) == 0 && len(x.word) <= 4 {
			for _, id := range b.vocab.abbreviations(x.word, 2) {
				emit(id, 1)
			}
		}
	case srcHypernym:
		// Not for a name: the class of a name ("France": a country) is no
		// match for it, and would hide that the sources never mention it.
		if !g.name {
			b.emitRelated(x.lemmas, wordnet.Hypernyms, emit)
		}
	case srcHyponym:
		if !g.name {
			b.emitRelated(x.lemmas, wordnet.Hyponyms, emit)
		}
	case srcHolonym:
		b.emitRelated(x.lemmas, wordnet.Holonyms, emit)
	case srcMeronym:
		b.emitRelated(x.lemmas, wordnet.Meronyms, emit)
	case srcPertainym:
		b.emitRelated(x.lemmas, wordnet.Pertainyms, emit)
	}
	return n
}

// emitRelated emits the index terms of the lemmas that rel relates each of
// lemmas to, at most maxRelatedTerms a lemma.
func (b *Base) emitRelated(lemmas []string, rel func(string) []string, emit func(uint32, float32)) {
	for _, l := range lemmas {
		n := 0
		for _, r := range rel(l) {
			if n == maxRelatedTerms {
				break
			}
			if b.emitLemma(r, 1, emit) {
				n++
			}
		}
	}
}

// emitLemma emits the index term of a WordNet lemma of one word, and
// reports whether the index has it. A lemma of several words ("think
// tank") is left to the phrases.
func (b *Base) emitLemma(lemma string, scale float32, emit func(uint32, float32)) bool {
	id, ok := b.lemmaTerm(lemma)
	if ok {
		emit(id, scale)
	}
	return ok
}

// lemmaTerm returns the indexed term of a WordNet lemma of one word. The
// answers are kept, for the lemmas of one question are mostly those of the
// next, and most lemmas WordNet proposes are no word of the articles: that
// is learnt once, not stemmed again for every question.
func (b *Base) lemmaTerm(lemma string) (uint32, bool) {
	if id, ok := b.lemmaTerms.get(lemma); ok {
		return id, id != math.MaxUint32
	}
	id := uint32(math.MaxUint32)
	if strings.IndexByte(lemma, ' ') < 0 && !lang.Stopwords[lemma] {
		if t, ok := b.lookup(lemma); ok && b.indexed(t) {
			id = t
		}
	}
	b.lemmaTerms.put(lemma, id)
	return id, id != math.MaxUint32
}

// typos emits the terms within exactly the given number of typos of w, the
// maxTypoTerms of them with the lowest idf: the commonest, by the base's
// counts leaning on English's (idf.go).
func (b *Base) typos(s *scratch, w string, typos int, emit func(uint32, float32)) {
	s.typos = s.typos[:0]
	b.vocab.fuzzy(w, typos, func(id uint32, _ int) {
		if !slices.Contains(s.typos, id) {
			s.typos = append(s.typos, id)
		}
	})
	slices.SortFunc(s.typos, func(x, y uint32) int {
		return cmp.Or(cmp.Compare(b.idf[x], b.idf[y]), cmp.Compare(x, y))
	})
	for _, id := range s.typos[:min(len(s.typos), maxTypoTerms)] {
		emit(id, 1)
	}
}

// related returns the terms of derived forms of a term found in the index:
// the agent noun and its verb ("hacker", "hack").
func (b *Base) related(term string) []uint32 {
	var out []uint32
	try := func(s string) {
		if id, ok := b.termID[s]; ok && b.indexed(id) {
			out = append(out, id)
		}
	}
	if n := len(term); n > 4 && (term[n-2:] == "er" || term[n-2:] == "or") {
		try(term[:n-2])
	} else if n >= 3 {
		try(term + "er")
	}
	return out
}
