package text

import (
	"strings"

	"github.com/factbot/factbot/facts/internal/lang"
)

// NameEnd returns the last token of the name that runs from token i of s: a
// run of capitalised words (ClassCap) that may hold "of" or "the" before
// another capitalised word ("Bank of England"), hyphenated parts ("Kim
// Jong-un"), an abbreviated title with its period ("Dr. Helen Marsh", "St.
// John's"), and that ends at a possessive ("Russia’s Tass" is two names)
// or at punctuation ("Pyongyang – North Korea"). Extra (ClassAux) tokens
// are passed over. Token i itself is taken as it is: the caller says where
// a name may start. lex holds each token's word lists.
func NameEnd(s string, toks []Token, cls []Class, lex []Lex, i int) int {
	end, prev := i, i // prev: the last token walked, a join word or end
	// A possessive ends a name ("Russia’s Tass"); a contraction does not
	// ("It's Time for a Change").
	for j := nextWord(cls, i); j > 0 && !(Possessive(s, toks[end]) && lex[end]&LexStop == 0); prev, j = j, nextWord(cls, j) {
		gap := s[toks[prev].End:toks[j].Start]
		if gap == "-" && (cls[prev]&ClassCap != 0 || lex[prev]&LexNameJoin != 0 && cls[j]&ClassCap != 0) {
			end = j
			continue
		}
		if strings.TrimSpace(gap) == "." && lang.Honorifics[strings.ToLower(s[toks[prev].Start:toks[prev].End])] && cls[j]&ClassCap != 0 && prev == end {
			end = j // "Dr. Helen Marsh", "St. John's"
			continue
		}
		if !SpaceBetween(s, toks[prev].End, toks[j].Start) && cls[j]&ClassCap != 0 {
			break
		}
		if cls[j]&ClassCap != 0 {
			end = j
			continue
		}
		if lex[j]&LexNameJoin != 0 {
			if k := nextWord(cls, j); k > 0 && cls[k]&ClassCap != 0 {
				continue
			}
		}
		break
	}
	return end
}

// nextWord returns the index of the token after i that is not an extra
// form, or -1.
func nextWord(cls []Class, i int) int {
	for i++; i < len(cls); i++ {
		if cls[i]&ClassAux == 0 {
			return i
		}
	}
	return -1
}

// Possessive reports whether token t of s ends with "'s".
func Possessive(s string, t Token) bool {
	w := s[t.Start:t.End]
	return strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s")
}

// SpaceBetween reports whether s[from:to] is only white space.
func SpaceBetween(s string, from, to int32) bool {
	return from <= to && strings.TrimSpace(s[from:to]) == ""
}
