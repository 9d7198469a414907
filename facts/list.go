package facts

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/factbot/factbot/facts/internal/lang"
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
		if lang.ListWords[w] {
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
	parts := b.parts(s, q, cq, cited, cands)
	if len(parts) == 0 || len(parts) == 1 && parts[0].ns[0] == 1 {
		return "" // the best fact's own answer, as for any question
	}
	return joinParts(parts)
}

// A part is one answer and the numbers of the citations that give it.
type part struct {
	text string
	ns   []int
}

func (p part) String() string {
	var sb strings.Builder
	sb.WriteString(p.text + " ")
	for _, n := range p.ns {
		sb.WriteString("[" + strconv.Itoa(n) + "]")
	}
	return sb.String()
}

func joinParts(parts []part) string {
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = p.String()
	}
	return strings.Join(out, "; ")
}

// parts returns the short answers of the cited facts, the same answers
// merged; with cands, only of the facts that have an answer next to the
// thing asked about.
func (b *Base) parts(s *scratch, q *query, cq *compiled, cited []uint32, cands []cand) []part {
	var parts []part
	for i, f := range cited {
		if cands != nil && !nearFocus(cands, f) {
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
	return parts
}

// sameWords reports whether a and b are the same but for case and spaces
// ("YouBit" and "You Bit"), or, for figures, give the same numbers with
// the same magnitudes ("$545 million to $735 million" and "approximately
// $545 million and $735 million").
func sameWords(a, b string) bool {
	squash := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), "")) }
	if squash(a) == squash(b) {
		return true
	}
	fa, fb := figures(a), figures(b)
	return fa != "" && fa == fb
}

// figures returns the numbers and magnitude words of s, in order, or "".
func figures(s string) string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != ','
	}) {
		f = strings.Trim(f, ".,")
		switch {
		case f != "" && unicode.IsDigit(rune(f[0])):
			out = append(out, strings.ReplaceAll(f, ",", ""))
		case lang.Magnitudes[f]:
			out = append(out, f)
		}
	}
	return strings.Join(out, " ")
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

// perArticle returns the best fact of each article among cands, best
// first: those that score near enough the best one to answer (figureRatio)
// and, when the question asks for a kind of answer, hold one.
func (b *Base) perArticle(q *query, cands []cand) []uint32 {
	var out []uint32
	for _, c := range cands {
		if c.score < figureRatio*cands[0].score || len(out) == maxCitations {
			break
		}
		if (q.want == 0 || c.typed) && !dupArticle(b, out, b.facts[c.fact].article) {
			out = append(out, c.fact)
		}
	}
	return out
}

// compareAnswer says what each cited fact, one an article, answers, and
// whether they agree: "They agree: $700 million [1][2]" or "They differ:
// $545 million to $735 million [1]; $700 million [2]". It returns "" when
// the facts give no answer of the kind asked for to set side by side.
func (b *Base) compareAnswer(s *scratch, q *query, cq *compiled, cited []uint32) string {
	if len(cited) < 2 || q.want == 0 {
		return ""
	}
	parts := b.parts(s, q, cq, cited, nil)
	switch {
	case len(parts) == 1 && len(parts[0].ns) == len(cited):
		return "They agree: " + parts[0].String()
	case len(parts) >= 2:
		return "They differ: " + joinParts(parts)
	}
	return ""
}
