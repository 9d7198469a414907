package facts

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factbot/factbot/facts/internal/wordnet"
)

// Titles in quotes: news and encyclopedias quote the titles of songs,
// films and books ("released a single called “Forcefield”"), which answer
// "what song" or "which film" as a name answers "who".

// maxTitleWords bounds a quoted title: a longer quote is rather speech.
const maxTitleWords = 6

// quotedTitle returns the quoted title nearest the thing asked about, else
// nearest the question's names ("Harrison released “All Cried Out”", not
// Glover's single before it), else its other words, that the question does
// not hold; or "" when the fact quotes none: a capitalised run of up to
// maxTitleWords tokens right inside quotation marks, of more than a letter.
func (e *extract) quotedTitle() string {
	best, bestNear := "", [3]int{-1, -1, -1}
	for i := range e.toks {
		if r, _ := utf8.DecodeRuneInString(e.text[e.toks[i].Start:]); !unicode.IsUpper(r) || !opensQuote(e.text[:e.toks[i].Start]) {
			continue
		}
		for j := i; j < len(e.toks) && j-i < maxTitleWords; j++ {
			if !closesQuote(e.text[e.toks[j].End:]) {
				continue
			}
			if !e.echoed(i, j) && e.toks[j].End-e.toks[i].Start > 1 {
				c, named := e.closeness(i, j), 0
				if d := distance(e.qname, i, j); d <= proxReach {
					named = proxReach + 1 - d
				}
				if near := [3]int{c[0], named, c[1]}; slices.Compare(near[:], bestNear[:]) > 0 {
					best, bestNear = e.text[e.toks[i].Start:e.toks[j].End], near
				}
			}
			break
		}
	}
	return best
}

// echoed reports whether every token i..j is one of the question's words.
func (e *extract) echoed(i, j int) bool {
	for k := i; k <= j; k++ {
		if !e.asked[k] && !e.inQ[k] && !e.qname[k] {
			return false
		}
	}
	return true
}

// opensQuote reports whether before, the text before a token, ends in an
// opening quotation mark: “ or a " at the start or after a space or bracket.
func opensQuote(before string) bool {
	r, n := utf8.DecodeLastRuneInString(before)
	switch r {
	case '“':
		return true
	case '"':
		p, _ := utf8.DecodeLastRuneInString(before[:len(before)-n])
		return len(before) == n || p == ' ' || p == '(' || p == '\n'
	}
	return false
}

// closesQuote reports whether after, the text after a token, starts with a
// closing quotation mark, perhaps after a comma or a full stop the quote
// takes in ("“Hallelujah,” she sang").
func closesQuote(after string) bool {
	after = strings.TrimLeft(after, ",.!?")
	return strings.HasPrefix(after, "”") || strings.HasPrefix(after, "\"")
}

// workKinds are what WordNet calls the works whose titles are quoted, in
// the ancestors of a noun's dominant sense: a song is a "musical
// composition", a novel "writing", a film a "show", a painting "art". Not
// "publication": a magazine is one, and its name goes unquoted.
var workKinds = []string{"musical composition", "music", "writing", "show", "art"}

// asksWork reports whether the thing q asks about is a work: "which song",
// "what film", "which novel".
func asksWork(q *query) bool {
	lemmas := focusLemmas(q)
	if len(lemmas) == 0 {
		return false
	}
	return slices.ContainsFunc(wordnet.Ancestors(lemmas[0]), func(a string) bool { return slices.Contains(workKinds, a) })
}
