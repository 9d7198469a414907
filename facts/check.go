package facts

import "strings"

// Candidate checks: a fact answers a question only if it holds an answer
// of the kind asked, tied to what the question asks about. check says why
// a candidate does not; Ask abstains when none of the facts it would cite
// passes, and says what is missing.

// check returns why candidate c does not answer q, or "" when it does.
//
// A check is kept only where it turns wrong answers into abstentions far
// more often than right ones, on 2,000 SQuAD train questions outside the
// evaluation sample, over all its articles, plain and as chat: a count
// that is not next to the thing counted, in a fact that names that thing,
// flipped 2 answers, both wrong (9, all wrong, when the fact need not name
// the thing, but then "twenty new aircraft" would not count "planes"); a
// name of the question missing from the fact and its passage flipped 93,
// of which 56 right, and a date not within four words of a word of the
// question flipped 19, of which 14 right, so those stay soft inputs of the ranking and
// the confidence model (names-missing, near) and not checks.
func (b *Base) check(q *query, cq *compiled, c *cand) string {
	if q.want&strictKinds != 0 && !c.typed {
		return "it holds no " + kindNoun(q.want.String())
	}
	if countsOther(q, cq, c) {
		return "none of its numbers counts " + focusWords(cq)
	}
	return ""
}

// countsOther reports whether c names the thing a "how many" question
// counts but has no number beside it: its numbers count something else
// ("70 Monero coins" for "how many hackers", in a fact of cybercriminals).
func countsOther(q *query, cq *compiled, c *cand) bool {
	return q.want&kCount != 0 && q.want&(kMoney|kPercent) == 0 && c.x[xFocus] == 0 && mentionsFocus(cq, c)
}

// mentionsFocus reports whether candidate c holds a word of the thing the
// question asks about: a fact that names it in other words ("aircraft"
// for "planes") may still count it.
func mentionsFocus(cq *compiled, c *cand) bool {
	for gi, g := range cq.groups {
		if g.focus && !g.chatter && gi < 64 && c.matched&(1<<gi) != 0 {
			return true
		}
	}
	return false
}

// focusWords returns the question's words of the thing asked about, when
// the question has some and some fact matches them.
func focusWords(cq *compiled) string {
	var ws []string
	for _, g := range cq.groups {
		if g.focus && !g.chatter && len(g.alts) > 0 {
			ws = append(ws, g.word)
		}
	}
	return strings.Join(ws, " ")
}
