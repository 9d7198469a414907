package facts

import (
	"cmp"
	"slices"
)

// Word expansion: every source of other words for a question word is an
// expander, with a name (shown by Explain) and a weight below the word's
// own, 1. Compile runs them in order over each word of the question.

// A source says where an index term of a concept came from.
type source uint8

const (
	srcWord    source = iota // the question's own word
	srcPhrase                // a phrase of the aliases file or an acronym the articles define
	srcJoined                // a compound the question splits ("cyber warfare" for "cyberwarfare")
	srcSynonym               // a word of the same synonym group
	srcDerived               // a derived form: "hacker" for "hack"
	srcPrefix                // a longer word the question's word begins
	srcTypo1                 // a word one typo away
	srcTypo2                 // a word two typos away
	srcAbbrev                // a word the question's word abbreviates
	nSources
)

var sourceNames = [nSources]string{
	srcWord: "word", srcPhrase: "phrase", srcJoined: "joined", srcSynonym: "synonym",
	srcDerived: "derived", srcPrefix: "prefix", srcTypo1: "typo", srcTypo2: "typo2", srcAbbrev: "abbreviation",
}

func (s source) String() string { return sourceNames[s] }

// An expansion is the word an expander works on.
type expansion struct {
	word  string // folded
	term  string // its index term (stem), whether or not the index has it
	id    uint32 // its term id, or math.MaxUint32
	known bool   // the index has it
	found [nSources]int
}

// An expander proposes index terms for a question word, at a weight below
// the word's own. What it proposes, and when it runs, is its case in
// Base.expand: a switch rather than function values, so that a question's
// words are expanded without allocating.
type expander struct {
	src    source
	weight float32
}

// Match weights: how much a question word counts when it matches a fact
// through another form. An exact match (after folding and stemming) is 1.
// They were set by hand on SQuAD train, in this order of trust: a derived
// form or a synonym says nearly the same, a longer word may say more, a
// typo may be another word.
const (
	wSynonym = 0.85
	wRelated = 0.9
	wPrefix  = 0.75
	wTypo1   = 0.6
	wTypo2   = 0.45
	wAbbrev  = 0.5

	// maxPrefixTerms is how many longer terms a prefix may stand for; a
	// prefix of more is too vague to expand.
	maxPrefixTerms = 12
	// maxTypoTerms is how many terms, the most frequent, stand in for a
	// word with a typo.
	maxTypoTerms = 6
)

// expanders run in this order for every word of the question.
var expanders = [...]expander{
	{srcSynonym, wSynonym},
	{srcDerived, wRelated},
	{srcPrefix, wPrefix},
	{srcTypo1, wTypo1},
	{srcTypo2, wTypo2},
	{srcAbbrev, wAbbrev},
}

// expand runs expander e for x, adding what it proposes to g, and returns
// how many terms it added.
func (b *Base) expand(s *scratch, e expander, x *expansion, g *group) int {
	n := 0
	emit := func(term uint32) {
		if g.add(b, term, e.weight, e.src) {
			n++
		}
	}
	switch e.src {
	case srcSynonym:
		for _, id := range b.synonyms[x.term] {
			emit(id)
		}
	case srcDerived:
		for _, id := range b.related(x.term) {
			emit(id)
		}
	case srcPrefix:
		if len(x.word) < 4 {
			break
		}
		lo, hi := b.vocab.extensions(x.id, x.term)
		if hi-lo <= maxPrefixTerms {
			for k := lo; k < hi; k++ {
				emit(b.vocab.ids[k])
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
				emit(id)
			}
		}
	}
	return n
}

// typos emits the terms within exactly the given number of typos of w, the
// most frequent maxTypoTerms of them.
func (b *Base) typos(s *scratch, w string, typos int, emit func(uint32)) {
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
		emit(id)
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
