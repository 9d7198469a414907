package facts

import (
	"slices"
	"strings"

	"github.com/factbot/factbot/facts/internal/wordnet"
)

// A question that asks the opposite of what a fact says ("What is the
// smallest city?" of "Lyon is the largest city") shares every word with
// it but one, and that one is the fact's antonym: SQuAD 2.0's writers made
// a fifth of its unanswerable questions so. The confidence model reads it
// (confInputs).

// antonymTerms returns the index terms of the words WordNet gives as the
// antonyms of lemmas, in the regular inflections the base has ("small":
// large, larger, largest, big, bigger, …).
func (b *Base) antonymTerms(lemmas []string) []uint32 {
	var out []uint32
	for _, l := range lemmas {
		for _, a := range wordnet.Antonyms(l) {
			if strings.IndexByte(a, ' ') >= 0 {
				continue
			}
			for _, f := range inflections(a) {
				if id, ok := b.wordTerm[f]; ok && b.indexed(id) && !slices.Contains(out, id) {
					out = append(out, id)
				}
			}
		}
	}
	return out
}

// inflections returns w and the forms English's regular endings make of it
// (-s, -ed, -ing, -er, -est, with a final e dropped, a y made i, or a last
// consonant doubled); the caller keeps those a fact base has.
func inflections(w string) []string {
	forms := []string{w}
	stem := w
	switch n := len(w); {
	case n > 1 && w[n-1] == 'e':
		stem = w[:n-1]
	case n > 1 && w[n-1] == 'y':
		forms = append(forms, w[:n-1]+"ies", w[:n-1]+"ied", w[:n-1]+"ier", w[:n-1]+"iest")
	case n > 2 && !vowel(w[n-1]) && vowel(w[n-2]) && !vowel(w[n-3]):
		d := w + w[n-1:]
		forms = append(forms, d+"ed", d+"ing", d+"er", d+"est")
	}
	forms = append(forms, w+"s", w+"es", stem+"ed", stem+"ing", stem+"er", stem+"est")
	return forms
}

func vowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// contradicts reports whether fact f holds an antonym of a word of the
// question that f does not have itself.
func (b *Base) contradicts(c *compiled, best *cand) bool {
	seq, _ := b.tokens(best.fact)
	for gi, g := range c.groups {
		if len(g.antonyms) == 0 || g.chatter || g.name || gi < 64 && best.matched&(1<<gi) != 0 {
			continue
		}
		for _, t := range seq {
			if slices.Contains(g.antonyms, t) {
				return true
			}
		}
	}
	return false
}
