package facts

import (
	"slices"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/text"
)

// A question that asks whether something is so ("Did North Korea steal
// it?") gets "Yes" or "No" only where the best fact states or denies it:
// the fact holds every name and number of the question and nearly all of
// the rest, and either nothing in it denies those words (yes) or a
// negation stands just before them (no). Otherwise the answer is the facts
// with no verdict: better none than a wrong one.

// Verdict thresholds, set by reason rather than fitted (no data set of
// chat yes/no questions with their verdicts is at hand): a fact must match
// this share of the question's importance, so that at most a minor word of
// the question ("really", a paraphrased verb) is missing from it, and a
// negation denies the words that come within negationReach tokens after
// it ("did not, in the end, steal").
const (
	verdictCover  = 0.8
	negationReach = 4
)

// A Verdict is a yes/no question's answer, where a cited fact gives one.
type Verdict string

const (
	Yes Verdict = "yes" // the best fact states it
	No  Verdict = "no"  // the best fact denies it
)

// verdict returns what the best candidate says to yes/no question q, and
// whether it says it with a hedge ("reportedly", "allegedly"), or "" when
// it neither states nor denies it for sure.
func (b *Base) verdict(s *scratch, q *query, cq *compiled, best *cand) (Verdict, bool) {
	if !q.yesNo || negated(q.words) {
		return "", false // "Didn't they…?" asks the same as "Did they…?": English leaves it open
	}
	if q.amountAsked {
		return b.amountVerdict(s, cq, best, q.amount)
	}
	if best.x[xCover] < verdictCover || !usesEachWord(cq, nil) {
		return "", false
	}
	for gi, g := range cq.groups {
		if g.chatter || gi < 64 && best.matched&(1<<gi) != 0 {
			continue
		}
		if len(g.alts) == 0 && !g.name && !g.number {
			continue // a word no fact uses, which may be a slip of the keys
		}
		// A word the facts use, or a name or number, that the best fact
		// lacks: it is about someone or something else ("Bithumb" of a
		// fact about YouBit, "$5 million" of one that says "$2 million"),
		// or says something else ("did the shares go up?" of "shares
		// fell").
		return "", false
	}
	toks := s.z.Tokenize(b.facts[best.fact].text)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = text.Key(s.z.Word(t), t.Flags)
	}

	hedged, denied := false, false
	for i, w := range words {
		hedged = hedged || lang.Hedges[w]
		if i > 0 && toks[i].Flags&text.Hyphen != 0 && (lang.OrdinalWords[words[i-1]] || toks[i-1].Flags&text.Ordinal != 0) {
			if id, ok := b.lookup(w); ok {
				if _, _, in := cq.table.find(id); in {
					return "", false // "second-largest" states no "largest"
				}
			}
		}
		if !lang.Negations[w] || i+1 < len(words) && words[i+1] == "only" {
			continue // "not only … but also" denies nothing
		}
		for j, n := i+1, 0; j < len(toks) && n < negationReach; j++ {
			if toks[j].Flags&text.Aux != 0 {
				continue
			}
			n++
			if id, ok := b.lookup(words[j]); ok {
				if _, _, in := cq.table.find(id); in {
					denied = true
				}
			}
		}
	}
	if denied {
		return No, hedged
	}
	return Yes, hedged
}

// amountVerdict is verdict for a question that compares an amount with a
// number (verdict_amounts.go): the best fact must hold the question's other names
// and numbers and nearly all its other words, and its amounts of the kind
// compared say yes or no.
func (b *Base) amountVerdict(s *scratch, cq *compiled, best *cand, c amountAsked) (Verdict, bool) {
	asked := func(g group) bool { return g.tok >= c.from && g.tok < c.to }
	var have, total float32
	for gi, g := range cq.groups {
		if g.chatter || asked(g) {
			continue
		}
		matched := gi < 64 && best.matched&(1<<gi) != 0
		if (g.name || g.number) && !matched {
			return "", false // the fact is about someone or something else
		}
		total += g.imp
		if matched {
			have += g.imp
		}
	}
	if total == 0 || have/total < verdictCover || !usesEachWord(cq, asked) {
		return "", false
	}
	toks := s.z.Tokenize(b.facts[best.fact].text)
	words := make([]string, len(toks))
	hedged := false
	for i, t := range toks {
		words[i] = text.Key(s.z.Word(t), t.Flags)
		hedged = hedged || lang.Hedges[words[i]]
	}
	v := c.compared(words, amountsOf(toks, words, classes(toks, words)))
	return v, hedged && v != ""
}

// classes classifies tokens as the facts' are.
func classes(toks []text.Token, words []string) []text.Class {
	lf := make([]text.Lex, len(toks))
	for i, w := range words {
		lf[i] = text.LexOf(w)
	}
	cls := make([]text.Class, len(toks))
	text.Classify(toks, words, lf, cls)
	return cls
}

// verdictSynonym is the least weight of a synonym that may stand for a
// word of a yes/no question: a synonym in the word's usual sense
// (purchase: buy, at about 0.5), not in a rare one (finished: ending, at
// 0.08).
const verdictSynonym = 0.3

// usesEachWord reports whether the facts use each word of the question
// that is neither a name, a number nor request phrasing, as itself, a form
// of it, or a synonym in its usual sense. A word they know only through a
// rare sense or a wider word weighs little in the cover, as
// the cover must for ranking, but the facts never say it: "is the bridge
// finished?" gets no verdict from "ending a debate". A word the facts use
// but the best fact lacks is left to the cover ("also known as" for
// "referred to as").
func usesEachWord(cq *compiled, skip func(group) bool) bool {
	strong := func(a alt) bool {
		switch a.src {
		case srcHypernym, srcHolonym, srcPrefix:
			return false // the facts' word is wider ("car" does not state "sedan") or another word
		case srcSynonym:
			return a.w >= verdictSynonym
		}
		return true
	}
	for _, g := range cq.groups {
		if g.chatter || g.name || g.number || len(g.alts) == 0 || skip != nil && skip(g) {
			continue // names and numbers must match already; an unknown word sinks the cover
		}
		if !slices.ContainsFunc(g.alts, strong) {
			return false
		}
	}
	return true
}

// negated reports whether words hold a negation.
func negated(words []string) bool {
	for _, w := range words {
		if lang.Negations[w] {
			return true
		}
	}
	return false
}

// verdictText is the short answer for a verdict.
func verdictText(v Verdict, hedged bool) string {
	switch {
	case v == Yes && hedged:
		return "Reportedly, yes"
	case v == Yes:
		return "Yes"
	case v == No && hedged:
		return "Reportedly, no"
	case v == No:
		return "No"
	}
	return ""
}
