package facts

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/text"
)

// A question that asks what a thing is called ("What are the preferred
// routes for migration called?") is answered by the words a fact gives
// after a mark of naming ("routes called flyways"), when the mark follows
// a word of the question.

// maxNameWords bounds an unquoted name after a mark of naming; a quoted
// one may have up to maxQuotedWords.
const (
	maxNameWords   = 5
	maxQuotedWords = 8
	// namingReach is how many words, not counting function words, before
	// the mark a word of the question may stand.
	namingReach = 3
)

// asksNaming reports whether q asks what something is called.
func asksNaming(q *query) bool {
	return slices.ContainsFunc(q.words, func(w string) bool { return lang.NamingWords[w] })
}

// naming cuts out the name that the fact gives after a mark of naming
// that follows a word of the question, or returns "".
func (e *extract) naming() string {
	for i := range e.words {
		n := e.namingMark(i)
		if n == 0 || !e.askedBefore(i) || i > 0 && e.text[e.toks[i-1].End:e.toks[i].Start] == "-" {
			continue // no mark, or one of no word of the question, or "so-called"
		}
		if a := e.nameAfter(i + n); a != "" {
			return a
		}
	}
	return ""
}

// namingMark returns how many tokens the mark of naming at token i has
// ("known as": 2), or 0.
func (e *extract) namingMark(i int) int {
	for n := 3; n >= 1; n-- {
		if i+n <= len(e.words) && lang.NamingMarks[strings.Join(e.words[i:i+n], " ")] {
			return n
		}
	}
	return 0
}

// askedBefore reports whether a word of the question stands among the
// namingReach words before token i, function words not counted.
func (e *extract) askedBefore(i int) bool {
	for j, n := i-1, 0; j >= 0 && n < namingReach; j-- {
		if e.cls[j]&text.ClassAux != 0 {
			continue
		}
		if e.asked[j] {
			return true
		}
		if e.lf[j]&text.LexStop == 0 {
			n++ // "The Lazarus Group is often also referred to as"
		}
	}
	return false
}

// nameAfter cuts out the name that starts at token i: the words in
// quotation marks that open there, or else the words up to a mark of
// punctuation or a function word other than "of" and "the", or "or" and
// "and" between names ("Unit 180 or Bureau 121"), at most maxNameWords. Of function words, only an article may open it ("the
// Wise").
func (e *extract) nameAfter(i int) string {
	if i >= len(e.toks) {
		return ""
	}
	if r, _ := utf8.DecodeLastRuneInString(e.text[:e.toks[i].Start]); strings.ContainsRune(`"“‘'«`, r) {
		for j := i; j < len(e.toks) && j < i+maxQuotedWords; j++ {
			if r, _ := utf8.DecodeRuneInString(e.text[e.toks[j].End:]); strings.ContainsRune(`"”’'»`, r) {
				return e.cut(i, j)
			}
		}
	}
	end := -1
	for j, n := i, 0; j < len(e.toks) && n < maxNameWords; j++ {
		if e.cls[j]&text.ClassAux != 0 {
			continue
		}
		if j > i && !space(e.text[e.toks[j-1].End:e.toks[j].Start]) {
			break
		}
		if e.lf[j]&text.LexStop != 0 && (j > i && e.words[j] != "of" && e.words[j] != "the" && !e.namesJoined(i, j) || j == i && !articles[e.words[j]]) {
			break // "named and decorated", "named after" give no name
		}
		if e.lf[j]&text.LexStop == 0 {
			end = j // the name ends on a word that is not a function word
		}
		n++
	}
	if end < 0 {
		return ""
	}
	return e.cut(i, end)
}

var articles = map[string]bool{"the": true, "a": true, "an": true}

// space reports whether a gap between words is white space or a hyphen.
func space(gap string) bool {
	return gap == "-" || gap != "" && strings.TrimFunc(gap, unicode.IsSpace) == ""
}

// namesJoined reports whether token j joins two names, the first opening at
// token i: "or" or "and" between capitalised words.
func (e *extract) namesJoined(i, j int) bool {
	k := e.next(j)
	return (e.words[j] == "or" || e.words[j] == "and") && k > 0 && e.cls[i]&text.ClassCap != 0 && e.cls[k]&text.ClassCap != 0
}
