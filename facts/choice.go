package facts

import (
	"slices"

	"github.com/factbot/factbot/facts/internal/lang"
)

// Choice questions: "Were sulfonamides more or less toxic than
// arsphenamine?", "Was Portugal on the side of France or Britain?" open
// like yes/no questions but ask which of two things is so. "Yes" answers
// neither; the one the best fact holds does, and when it holds both or
// neither the quote answers.

// choice returns the tokens of the two things q asks to choose between:
// the words on either side of its "or", or false when q is no choice
// question.
func choice(q *query) (i, j int, ok bool) {
	if !q.yesNo {
		return 0, 0, false
	}
	k := slices.Index(q.words, "or")
	if k < 2 || k+1 >= len(q.words) {
		return 0, 0, false
	}
	a, b := q.words[k-1], q.words[k+1]
	if notChoice[a] || notChoice[b] || lang.Auxiliaries[a] || lang.Auxiliaries[b] || a == b {
		return 0, 0, false
	}
	return k - 1, k + 1, true
}

// notChoice are the words beside "or" that make no choice: "or not", "or
// so", "one or the other", "this or that".
var notChoice = map[string]bool{"not": true, "so": true, "else": true, "otherwise": true, "the": true, "a": true, "an": true, "this": true, "that": true, "it": true, "them": true, "both": true, "either": true, "neither": true}

// chosen returns the one of q's choices, tokens i and j, that the best
// candidate c matches (in any form the engine reads: "rose" for "risen"),
// as the question writes it, or "" when it matches both or neither.
func chosen(q *query, cq *compiled, c *cand, i, j int) string {
	has := func(tok int) bool {
		for gi, g := range cq.groups {
			if g.tok == tok && gi < 64 {
				return c.matched&(1<<gi) != 0
			}
		}
		return false
	}
	hasA, hasB := has(i), has(j)
	switch {
	case hasA && !hasB:
		return q.text[q.toks[i].Start:q.toks[i].End]
	case hasB && !hasA:
		return q.text[q.toks[j].Start:q.toks[j].End]
	}
	return ""
}
