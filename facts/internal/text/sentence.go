package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factbot/factbot/facts/internal/lang"
)

// A Span is a byte range [start, end) of a string.
type Span struct{ Start, End int }

// SplitSentences splits a paragraph into sentences and returns their spans,
// trimmed of surrounding white space. A sentence ends at '.', '!', '?' or '…'
// (with any closing quotes and brackets after it) followed by white space and
// the start of a new sentence. Periods that do not end a sentence are kept:
// abbreviations ("Mr.", "Jan."), initials ("J. Smith"), dotted acronyms
// before a name ("U.N. Security Council"), numbers ("$4.5", "No. 6").
// Lines that open with a list marker are sentences of their own.
func SplitSentences(p string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		s, e := trimSpan(p, start, end)
		if e > s {
			out = append(out, Span{s, e})
		}
		start = end
	}
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		switch {
		case r == '\n':
			if listItemAt(p, i+1) {
				emit(i)
			}
		case r == '.' || r == '!' || r == '?' || r == '…':
			end := i + size
			for end < len(p) {
				c, n := utf8.DecodeRuneInString(p[end:])
				if !isCloser(c) && c != '.' && c != '!' && c != '?' {
					break
				}
				end += n
			}
			if end < len(p) && !isSpaceAt(p, end) {
				i = end
				continue
			}
			next := skipSpace(p, end)
			if next >= len(p) {
				i = end
				continue
			}
			if r == '.' && !periodEnds(p, i, next) {
				i = end
				continue
			}
			if !startsSentence(p, next) {
				i = end
				continue
			}
			emit(end)
			i = end
			continue
		}
		i += size
	}
	emit(len(p))
	return out
}

// periodEnds reports whether the period at p[dot] ends a sentence, given
// that the next sentence would start at p[next].
func periodEnds(p string, dot, next int) bool {
	w := wordBefore(p, dot)
	if w == "" {
		return true
	}
	lw := strings.ToLower(w)
	if lang.Abbreviations[lw] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	if utf8.RuneCountInString(w) == 1 && unicode.IsUpper(r) {
		return false // an initial: "J. R. R. Tolkien"
	}
	if strings.Contains(w, ".") { // a dotted acronym: "U.S.", "U.N."
		nw := wordAt(p, next)
		return lang.SentenceStarters[nw]
	}
	return true
}

// wordBefore returns the run of letters, digits and inner periods that ends
// at p[end].
func wordBefore(p string, end int) string {
	i := end
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(p[:i])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.') {
			break
		}
		i -= n
	}
	return strings.Trim(p[i:end], ".")
}

// wordAt returns the run of letters that starts at p[i].
func wordAt(p string, i int) string {
	j := i
	for j < len(p) {
		r, n := utf8.DecodeRuneInString(p[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	return p[i:j]
}

// startsSentence reports whether a sentence can start at p[i]: an upper-case
// letter or a digit, possibly after opening quotes or brackets.
func startsSentence(p string, i int) bool {
	for i < len(p) {
		r, n := utf8.DecodeRuneInString(p[i:])
		switch {
		case isOpener(r):
			i += n
		case unicode.IsUpper(r) || unicode.IsDigit(r) || lang.IsCurrencySign(r):
			return true
		default:
			return false
		}
	}
	return false
}

// listItemAt reports whether a list item ("- ", "* ", "• ", "1. ") starts at p[i].
func listItemAt(p string, i int) bool {
	i = skipSpace(p, i)
	if i >= len(p) {
		return false
	}
	r, n := utf8.DecodeRuneInString(p[i:])
	if r == '-' || r == '*' || r == '•' {
		return i+n < len(p) && p[i+n] == ' '
	}
	j := i
	for j < len(p) && p[j] >= '0' && p[j] <= '9' {
		j++
	}
	return j > i && j+1 < len(p) && (p[j] == '.' || p[j] == ')') && p[j+1] == ' '
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', ')', ']':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '«', '(', '[':
		return true
	}
	return false
}

func isSpaceAt(p string, i int) bool {
	r, _ := utf8.DecodeRuneInString(p[i:])
	return unicode.IsSpace(r)
}

func skipSpace(p string, i int) int {
	for i < len(p) {
		r, n := utf8.DecodeRuneInString(p[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

// trimSpan trims white space and list markers from both ends of p[s:e].
func trimSpan(p string, s, e int) (int, int) {
	s = skipSpace(p, s)
	if listItemAt(p, s) {
		for s < e && p[s] != ' ' {
			s++
		}
		s = skipSpace(p, s)
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(p[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}
