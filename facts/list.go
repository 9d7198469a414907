package facts

import (
	"strconv"
	"strings"
)

// Lists: a question that asks for several things ("Which exchanges were
// hacked?", "list every country named") is answered with the things of
// every cited fact that names them next to the thing asked about, each
// marked with its citation: "YouBit and Bithumb [1]; South Korea [2]".
//
// Figures are not set side by side in the short answer: the citations show
// each article's own figure (corroborate), and on SQuAD, over articles about
// many subjects, a headline of several articles' figures lost 0.016 of F1
// on train questions outside the sample, the other figures being of other
// things.

// asksList reports whether q asks for several things: a plural thing asked
// about, or a request for a list ("list", "name all", "every", "each").
func (q *query) asksList() bool {
	if q.want&kList != 0 {
		return true
	}
	for _, w := range q.words {
		switch w {
		case "list", "every", "each", "all":
			return true
		}
	}
	return false
}

// listAnswer returns the short answers of the cited facts that name the
// thing asked about, each with its citation's number, unless that is only
// the best fact's own answer; else "".
func (b *Base) listAnswer(s *scratch, q *query, cq *compiled, cited []uint32, cands []cand) string {
	list := q.asksList() && q.want&(kName|kPlace) != 0
	if len(cited) < 2 || !list {
		return ""
	}
	type part struct {
		text string
		ns   []int
	}
	var parts []part
	for i, f := range cited {
		if list && !nearFocus(cands, f) {
			continue // its names may be of other things than those asked for
		}
		a := b.shortAnswer(s, q, cq, f)
		if a == "" {
			continue
		}
		seen := false
		for k := range parts {
			if sameWords(parts[k].text, a) {
				parts[k].ns = append(parts[k].ns, i+1)
				seen = true
			}
		}
		if !seen {
			parts = append(parts, part{text: a, ns: []int{i + 1}})
		}
	}
	if len(parts) == 0 || len(parts) == 1 && parts[0].ns[0] == 1 {
		return "" // the best fact's own answer, as for any question
	}
	out := make([]string, len(parts))
	for i, p := range parts {
		marks := make([]string, len(p.ns))
		for k, n := range p.ns {
			marks[k] = "[" + strconv.Itoa(n) + "]"
		}
		out[i] = p.text + " " + strings.Join(marks, "")
	}
	return strings.Join(out, "; ")
}

// sameWords reports whether a and b are the same but for case and spaces:
// "YouBit" and "You Bit".
func sameWords(a, b string) bool {
	squash := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), "")) }
	return squash(a) == squash(b)
}

// nearFocus reports whether fact f, among cands, has an answer of the kind
// asked for next to a word of the thing asked about.
func nearFocus(cands []cand, f uint32) bool {
	for i := range cands {
		if cands[i].fact == f {
			return cands[i].x[xFocus] > 0
		}
	}
	return false
}
