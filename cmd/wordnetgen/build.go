package main

import (
	"cmp"
	"maps"
	"math"
	"slices"
)

// The relations of the compiled file, in the order they are stored.
const (
	relSynonym = iota
	relDerived
	relHypernym
	relHyponym
	relHolonym
	relMeronym
	relPertainym
	relAntonym
	relAncestor
	numRelations
)

// Choices that decide what the compiled file holds.
const (
	// minShare is the smallest estimated share of a lemma's uses that makes
	// one of its senses frequent (see frequentSenses).
	minShare = 0.1
	// smoothing is added to each sense's tag count before shares are taken,
	// so untagged senses are possible but unlikely.
	smoothing = 0.5
	// maxList bounds every relation's list per lemma; maxFanOut bounds the
	// lists that go from a general word to specific ones (hyponyms,
	// meronyms), where one word may have hundreds.
	maxList   = 40
	maxFanOut = 40
)

// An edge is one related lemma; weight is used by synonyms only.
type edge struct {
	to     string
	weight float64
}

// A lexicon is what the compiled file holds.
type lexicon struct {
	lemmas     []string // sorted
	pos        map[string]uint8
	exceptions []exception // sorted by form
	rels       [numRelations]map[string][]edge
}

// An exception is one inflected form from the *.exc lists with the lemmas it
// is a form of, each with its part of speech.
type exception struct {
	form  string
	bases []posLemma
}

type posLemma struct {
	pos   uint8
	lemma string
}

// A weightedSense is a frequent sense with its estimated share of the
// lemma's uses.
type weightedSense struct {
	synsetKey
	share float64
}

// frequentSenses picks the senses of a lemma that carry at least minShare of
// its uses, estimated from tag counts over all its parts of speech as
// (count+smoothing)/(total+smoothing·senses); the lemma's most frequent
// sense is always kept. A sense never tagged counts only if WordNet lists it
// first for its part of speech: most lemmas are untagged, and for them
// WordNet's order (the most familiar first) is all there is to go on, so
// marseille keeps the city and drops the fabric. The result is ordered by
// share, most frequent first.
func frequentSenses(ss []sense) []weightedSense {
	total := 0
	for _, s := range ss {
		total += s.count
	}
	denom := float64(total) + smoothing*float64(len(ss))
	var out []weightedSense
	best := -1
	for i, s := range ss {
		share := (float64(s.count) + smoothing) / denom
		if best < 0 || s.count > ss[best].count {
			best = i
		}
		if share >= minShare && (s.count > 0 || s.rank == 1) {
			out = append(out, weightedSense{s.synset, share})
		}
	}
	if best >= 0 && !slices.ContainsFunc(out, func(w weightedSense) bool { return w.synsetKey == ss[best].synset }) {
		out = append(out, weightedSense{ss[best].synset, (float64(ss[best].count) + smoothing) / denom})
	}
	slices.SortStableFunc(out, func(a, b weightedSense) int { return cmp.Compare(b.share, a.share) })
	return out
}

// build computes the lexicon from a dictionary.
func build(d *dict) *lexicon {
	lx := &lexicon{pos: make(map[string]uint8)}
	for lemma, ss := range d.senses {
		for _, s := range ss {
			lx.pos[lemma] |= 1 << s.synset.pos
		}
	}
	for key, s := range d.synsets {
		for _, w := range s.words {
			lx.pos[w] |= 1 << key.pos
		}
	}
	lx.lemmas = slices.Sorted(maps.Keys(lx.pos))

	// familiarity orders lists of lexical relations: words used more often
	// come first.
	familiarity := make(map[string]int, len(d.senses))
	for lemma, ss := range d.senses {
		for _, s := range ss {
			familiarity[lemma] += s.count
		}
	}
	byFamiliarity := func(es []edge) {
		slices.SortStableFunc(es, func(a, b edge) int {
			if c := cmp.Compare(familiarity[b.to], familiarity[a.to]); c != 0 {
				return c
			}
			return cmp.Compare(a.to, b.to)
		})
	}

	// salience orders the synsets of long fan-out lists: those tagged
	// more often first, then those WordNet says more about (Paris, with
	// its many pointers, before a small town), then in file order. It
	// orders synsets rather than lemmas, so that a city named like a
	// common word ("reading", "nice") is not put first for the word.
	synsetCount := make(map[synsetKey]int)
	for _, ss := range d.senses {
		for _, s := range ss {
			synsetCount[s.synset] += s.count
		}
	}
	bySalience := func(keys []synsetKey) {
		slices.SortStableFunc(keys, func(a, b synsetKey) int {
			if c := cmp.Compare(synsetCount[b], synsetCount[a]); c != 0 {
				return c
			}
			if c := cmp.Compare(len(d.synsets[b].pointers), len(d.synsets[a].pointers)); c != 0 {
				return c
			}
			return compareKeys(a, b)
		})
	}

	for r := range lx.rels {
		lx.rels[r] = make(map[string][]edge)
	}
	for _, lemma := range lx.lemmas {
		freq := frequentSenses(d.senses[lemma])

		// Synonyms: a lemma's weight is the summed share of the senses
		// the two words share, capped at 1.
		syn := map[string]float64{}
		var synOrder []string
		for _, ws := range freq {
			for _, w := range d.synsets[ws.synsetKey].words {
				if w == lemma {
					continue
				}
				if _, ok := syn[w]; !ok {
					synOrder = append(synOrder, w)
				}
				syn[w] = math.Min(1, syn[w]+ws.share)
			}
		}
		var es []edge
		for _, w := range synOrder {
			es = append(es, edge{w, syn[w]})
		}
		slices.SortStableFunc(es, func(a, b edge) int { return cmp.Compare(b.weight, a.weight) })
		lx.rels[relSynonym][lemma] = limit(es, maxList)

		// Hypernyms, two levels, the nearer first: every lemma of the
		// synsets one level up, and the first lemma (WordNet's head word)
		// of those two levels up, which keeps the list short and the file
		// small (all lemmas two levels up would be half the file).
		var level1, level2 []synsetKey
		for _, ws := range freq {
			level1 = append(level1, targets(d.synsets[ws.synsetKey], "@", "@i")...)
		}
		for _, k := range level1 {
			level2 = append(level2, targets(d.synsets[k], "@", "@i")...)
		}
		es = lemmasOf(d, lemma, level1)
		for _, k := range level2 {
			head := d.synsets[k].words[0]
			if head != lemma && !slices.ContainsFunc(es, func(x edge) bool { return x.to == head }) {
				es = append(es, edge{to: head})
			}
		}
		lx.rels[relHypernym][lemma] = limit(es, maxList)
		lx.rels[relAncestor][lemma] = ancestors(d, lemma)

		// Hyponyms, holonyms and meronyms, one level.
		var hypo, holo, mero []synsetKey
		for _, ws := range freq {
			s := d.synsets[ws.synsetKey]
			hypo = append(hypo, targets(s, "~", "~i")...)
			holo = append(holo, targets(s, "#p")...)
			mero = append(mero, targets(s, "%p")...)
		}
		bySalience(hypo)
		lx.rels[relHyponym][lemma] = limit(lemmasOf(d, lemma, hypo), maxFanOut)
		lx.rels[relHolonym][lemma] = limit(lemmasOf(d, lemma, holo), maxList)
		bySalience(mero)
		lx.rels[relMeronym][lemma] = limit(lemmasOf(d, lemma, mero), maxFanOut)
	}

	// Derivational links ("+"), pertainyms ("\") and antonyms ("!") tie
	// word forms, not senses: they are taken from every sense, in both
	// directions. Antonyms are WordNet's direct ones only (large: small),
	// not the indirect ones a satellite would inherit through "similar to"
	// (huge is given none).
	lexical := [numRelations]map[string]map[string]bool{
		relDerived:   {},
		relPertainym: {},
		relAntonym:   {},
	}
	for _, key := range slices.SortedFunc(maps.Keys(d.synsets), compareKeys) {
		s := d.synsets[key]
		for _, p := range s.pointers {
			r := relDerived
			switch p.symbol {
			case "+":
			case "\\":
				r = relPertainym
			case "!":
				r = relAntonym
			default:
				continue
			}
			t := d.synsets[p.target]
			if t == nil || p.src < 1 || p.src > len(s.words) || p.dst < 1 || p.dst > len(t.words) {
				continue
			}
			from, to := s.words[p.src-1], t.words[p.dst-1]
			if from == to {
				continue
			}
			for _, pair := range [2][2]string{{from, to}, {to, from}} {
				if lexical[r][pair[0]] == nil {
					lexical[r][pair[0]] = map[string]bool{}
				}
				lexical[r][pair[0]][pair[1]] = true
			}
		}
	}
	for _, r := range []int{relDerived, relPertainym, relAntonym} {
		for lemma, set := range lexical[r] {
			var es []edge
			for w := range set {
				es = append(es, edge{to: w})
			}
			byFamiliarity(es)
			lx.rels[r][lemma] = limit(es, maxList)
		}
	}

	for pos, exc := range d.exceptions {
		for form, bases := range exc {
			var known []posLemma
			for _, b := range bases {
				if lx.pos[b]&(1<<pos) != 0 && !slices.Contains(known, posLemma{uint8(pos), b}) {
					known = append(known, posLemma{uint8(pos), b})
				}
			}
			if len(known) == 0 {
				continue
			}
			i, found := slices.BinarySearchFunc(lx.exceptions, form, func(e exception, f string) int { return cmp.Compare(e.form, f) })
			if !found {
				lx.exceptions = slices.Insert(lx.exceptions, i, exception{form: form})
			}
			lx.exceptions[i].bases = append(lx.exceptions[i].bases, known...)
		}
	}
	return lx
}

// ancestors lists what a noun is a kind of in its dominant sense: the head
// word of every synset above that sense (its hypernyms, all the way up),
// nearest first. The dominant sense is the noun sense tagged most often, or
// WordNet's first when none is tagged more: the first-sense choice, which a
// lemma-level walk cannot make (walked lemma by lemma, "condition" reaches a
// place through another sense of "state"; walked from its dominant sense,
// "actor" reaches "person" three levels up). Instance links are not
// followed: the list says what kind of thing a kind is, and a name
// ("Guinness", an actor) is no kind; Hypernyms has a name's kinds.
func ancestors(d *dict, lemma string) []edge {
	var dom *sense
	for i, s := range d.senses[lemma] {
		if s.synset.pos == 0 && (dom == nil || s.count > dom.count) {
			dom = &d.senses[lemma][i]
		}
	}
	if dom == nil {
		return nil
	}
	seen := map[synsetKey]bool{dom.synset: true}
	var out []edge
	level := []synsetKey{dom.synset}
	for len(level) > 0 {
		var next []synsetKey
		for _, k := range level {
			for _, t := range targets(d.synsets[k], "@") {
				s := d.synsets[t]
				if seen[t] || s == nil {
					continue
				}
				seen[t] = true
				next = append(next, t)
				if head := s.words[0]; head != lemma && !slices.ContainsFunc(out, func(e edge) bool { return e.to == head }) {
					out = append(out, edge{to: head})
				}
			}
		}
		level = next
	}
	return limit(out, maxList)
}

func compareKeys(a, b synsetKey) int {
	if c := cmp.Compare(a.pos, b.pos); c != 0 {
		return c
	}
	return cmp.Compare(a.offset, b.offset)
}

// targets lists the synsets that s's pointers with the given symbols lead to.
func targets(s *synset, symbols ...string) []synsetKey {
	var out []synsetKey
	for _, p := range s.pointers {
		if slices.Contains(symbols, p.symbol) {
			out = append(out, p.target)
		}
	}
	return out
}

// lemmasOf lists the lemmas of the given synsets in order, once each,
// leaving out self.
func lemmasOf(d *dict, self string, keys []synsetKey) []edge {
	seen := map[string]bool{self: true}
	var out []edge
	for _, k := range keys {
		s := d.synsets[k]
		if s == nil {
			continue
		}
		for _, w := range s.words {
			if !seen[w] {
				seen[w] = true
				out = append(out, edge{to: w})
			}
		}
	}
	return out
}

func limit(es []edge, n int) []edge {
	if len(es) > n {
		return es[:n]
	}
	return es
}
