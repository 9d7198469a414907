package facts

import (
	"slices"
	"strings"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/text"
)

// Rank questions: "Where does Miami rank among world cities?", "In what
// place was Germany ranked?" ask for a position, which a fact gives as an
// ordinal ("seventh", "fourth largest"), not for a place.

// asksRank reports whether q asks for a position in a ranking: it has a
// word of ranking and asks "where", or "what place" or "which position".
func asksRank(q *query) bool {
	if !slices.ContainsFunc(q.words, func(w string) bool { return lang.RankWords[w] }) {
		return false
	}
	return q.wh == "where" || asksWhich(q) && lang.PositionNouns[q.focusHead()]
}

// rankOrdinal cuts out the ordinal nearest the question's words that the
// question does not hold, with a superlative after it ("fourth largest")
// or another ordinal it is joined to ("second or third"), or "".
func (e *extract) rankOrdinal() string {
	bestStart, bestEnd, bestNear := -1, -1, [2]int{-1, -1}
	for i := range e.toks {
		if !e.rankToken(i) || e.inQ[i] || e.asked[i] {
			continue
		}
		end := i
		if j := e.next(end); j > 0 && lang.RangeJoins[e.words[j]] {
			if k := e.next(j); k > 0 && e.rankToken(k) {
				end = k
			}
		}
		if j := e.next(end); j > 0 && superlative(e.words[j]) && e.text[e.toks[end].End:e.toks[j].Start] == " " {
			end = j // "fourth largest"; "fifth" of "fifth-richest" is the ordinal
		}
		if near := e.closeness(i, end); slices.Compare(near[:], bestNear[:]) > 0 {
			bestStart, bestEnd, bestNear = i, end, near
		}
	}
	if bestStart < 0 {
		return ""
	}
	return e.cut(bestStart, bestEnd)
}

// rankToken reports whether token i is an ordinal: "first", "seventh",
// "4th" (not "1990s").
func (e *extract) rankToken(i int) bool { return ordinalTerm(e.words[i]) }

// superlative reports whether a word is a superlative adjective in -est
// ("largest", "busiest"), not a noun such as "interest" or "west".
func superlative(w string) bool {
	return len(w) > 5 && strings.HasSuffix(w, "est") && !lang.Stopwords[w] && !strings.HasSuffix(w, "rest") && !strings.HasSuffix(w, "west") && !strings.HasSuffix(w, "test")
}

// century cuts out the century nearest the question's words that the fact
// names with an ordinal, for "what century": "19th century" of "in
// 19th-century America", "2nd century BC"; or "".
func (e *extract) century() string {
	best, bestNear := "", [2]int{-1, -1}
	for i := 1; i < len(e.toks); i++ {
		if w := e.words[i]; w != "century" && w != "centuries" || e.cls[i]&text.ClassAux != 0 {
			continue
		}
		p := i - 1
		for p >= 0 && e.cls[p]&text.ClassAux != 0 {
			p--
		}
		if p < 0 || !e.rankToken(p) || e.inQ[p] {
			continue
		}
		end := i
		if j := e.next(i); j > 0 && text.Era(e.toks[j], e.words[j]) {
			end = j
		}
		if near := e.closeness(p, end); slices.Compare(near[:], bestNear[:]) > 0 {
			best, bestNear = e.text[e.toks[p].Start:e.toks[p].End]+" "+e.text[e.toks[i].Start:e.toks[end].End], near
		}
	}
	return best
}
