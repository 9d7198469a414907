package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/factbot/factbot/facts/internal/lang"
)

// Flags describe a token's shape in the source text.
type Flags uint16

const (
	Cap     Flags = 1 << iota // starts with an upper-case letter
	AllCaps                   // two or more letters, all upper case ("RUSI", "U.S.")
	Number                    // digits, with separators removed ("6,000" is "6000")
	Money                     // a number after a currency sign ("$545")
	Ordinal                   // a number with a suffix ("6th", "1990s")
	Aux                       // an extra form of the tokens around it (a compound joined up); no position of its own
	First                     // the first word of its sentence
	Percent                   // "percent" made from a '%' sign
	Hyphen                    // part of a hyphenated or camel-case compound
)

// A Token is one word or number of a text: where it is in the source, and its
// folded form (lower case, accents and punctuation removed) in a buffer
// shared by the tokens of one call to tokenize.
type Token struct {
	Start, End int32 // source bytes
	NS, NE     int32 // folded form in the buffer
	Flags      Flags
}

// A Tokenizer splits text into tokens. It keeps buffers and a cache between
// calls, so one Tokenizer serves one goroutine.
type Tokenizer struct {
	toks  []Token
	buf   []byte
	fold  map[rune]string
	parts []Span
}

func NewTokenizer() *Tokenizer {
	return &Tokenizer{fold: make(map[rune]string)}
}

// word returns the folded form of t.
func (z *Tokenizer) Word(t Token) []byte { return z.buf[t.NS:t.NE] }

// tokenize splits s into tokens, which stay valid until the next call.
//
// Words are runs of letters and digits, joined by apostrophes inside words
// ("don't" is "dont"; a final "'s" is dropped), by separators inside numbers
// ("6,000", "4.5") and by periods in dotted acronyms ("U.N." is "un").
// Hyphenated and camel-case words ("cyber-warfare", "moneyNorth", "YouBit")
// give their parts, then the whole as an extra (Aux) token. Case, accents,
// curly quotes and dashes do not survive folding.
func (z *Tokenizer) Tokenize(s string) []Token {
	z.toks = z.toks[:0]
	z.buf = z.buf[:0]
	money := false
	first := true
	for i := 0; i < len(s); {
		r, n := decodeRune(s, i)
		switch {
		case isWordRune(r):
			end := z.scanWord(s, i)
			z.emitWord(s, i, end, money, first)
			money, first = false, false
			i = end
			continue
		case lang.IsCurrencySign(r):
			money = true
		case r == '%':
			if k := len(z.toks); k > 0 && z.toks[k-1].Flags&Number != 0 {
				ns := int32(len(z.buf))
				z.buf = append(z.buf, "percent"...)
				z.toks = append(z.toks, Token{int32(i), int32(i + n), ns, int32(len(z.buf)), Percent})
			}
		case !unicode.IsSpace(r):
			money = false
		}
		i += n
	}
	return z.toks
}

// isWordRune is small enough to be inlined, ASCII on the fast path; the
// loops over a word's letters take an ASCII letter or digit before they
// decode a rune, so that most letters cost no call.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return decodeNonASCII(s, i)
}

func decodeNonASCII(s string, i int) (rune, int) { return utf8.DecodeRuneInString(s[i:]) }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return isNonASCIIWordRune(r)
}

func isNonASCIIWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func IsDigit(c byte) bool { return '0' <= c && c <= '9' }

// scanWord returns the end of the word that starts at s[i].
func (z *Tokenizer) scanWord(s string, i int) int {
	end := i
scan:
	for end < len(s) {
		if c := s[end]; c < utf8.RuneSelf && asciiWord[c] {
			end++
			continue
		}
		r, n := decodeRune(s, end)
		if isWordRune(r) {
			end += n
			continue
		}
		if end+n >= len(s) {
			break
		}
		next, _ := decodeRune(s, end+n)
		prev := s[end-1]
		switch {
		case (r == '\'' || r == '’') && isWordRune(next) && !IsDigit(prev):
		case (r == ',' || r == '.') && IsDigit(prev) && IsDigit(byte(next)) && next < utf8.RuneSelf:
		case r == '.' && isDottedAcronym(s, end):
		case r == '-' && isWordRune(next):
		default:
			break scan
		}
		end += n
	}
	// Take in the final period of a dotted acronym ("U.S.").
	if end < len(s) && s[end] == '.' && end-i >= 3 && s[end-2] == '.' && isASCIILetter(s[end-1]) {
		end++
	}
	return end
}

// isDottedAcronym reports whether the period at s[dot] sits inside a dotted
// acronym: single letters between periods, as in "U.S." or "e.g.".
func isDottedAcronym(s string, dot int) bool {
	if dot < 1 || dot+2 > len(s) {
		return false
	}
	before := s[dot-1]
	if !isASCIILetter(before) || (dot >= 2 && isASCIILetter(s[dot-2])) {
		return false
	}
	after := s[dot+1]
	return isASCIILetter(after) && (dot+2 == len(s) || !isASCIILetter(s[dot+2]))
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// emitWord folds the word s[start:end] and appends its tokens.
func (z *Tokenizer) emitWord(s string, start, end int, money, first bool) {
	z.parts = z.parts[:0]
	partStart := start
	for {
		h := strings.IndexByte(s[partStart:end], '-')
		if h < 0 {
			break
		}
		z.camelParts(s, partStart, partStart+h)
		partStart += h + 1
	}
	z.camelParts(s, partStart, end)

	var flags Flags
	if first {
		flags |= First
	}
	if len(z.parts) == 1 {
		z.emitPart(s, z.parts[0], flags, money)
		return
	}
	for _, p := range z.parts {
		z.emitPart(s, p, flags|Hyphen, money)
		flags &^= First
	}
	// The joined-up whole, for "cyberwarfare" and "youbit".
	ns := int32(len(z.buf))
	for _, t := range z.toks[len(z.toks)-len(z.parts):] {
		z.buf = append(z.buf, z.buf[t.NS:t.NE]...)
	}
	z.toks = append(z.toks, Token{int32(start), int32(end), ns, int32(len(z.buf)), Aux})
}

// camelParts appends the parts of s[start:end], split where a lower-case
// letter meets an upper-case one between two parts of two or more letters
// ("moneyNorth", "YouBit"); all-caps and mixed acronyms stay whole.
func (z *Tokenizer) camelParts(s string, start, end int) {
	if start >= end {
		return
	}
	from := start
	for i := start + 1; i < end-1; i++ {
		if s[i-1] >= 'a' && s[i-1] <= 'z' && s[i] >= 'A' && s[i] <= 'Z' && s[i+1] >= 'a' && s[i+1] <= 'z' && i-from >= 2 {
			z.parts = append(z.parts, Span{from, i})
			from = i
		}
	}
	z.parts = append(z.parts, Span{from, end})
}

// emitPart folds one part of a word into the buffer and appends its token.
func (z *Tokenizer) emitPart(s string, p Span, flags Flags, money bool) {
	w := s[p.Start:p.End]
	ns := len(z.buf)
	letters, upper, digits, others := 0, 0, 0, 0
	for i := 0; i < len(w); {
		if c := w[i]; 'a' <= c && c <= 'z' {
			letters++
			z.buf = append(z.buf, c)
			i++
			continue
		}
		r, n := decodeRune(w, i)
		i += n
		switch {
		case r < utf8.RuneSelf && 'a' <= r && r <= 'z':
			letters++
			z.buf = append(z.buf, byte(r))
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			letters++
			upper++
			z.buf = append(z.buf, byte(r)+'a'-'A')
		case r < utf8.RuneSelf && '0' <= r && r <= '9':
			digits++
			z.buf = append(z.buf, byte(r))
		case r == '.' && digits > 0 && i < len(w) && IsDigit(w[i]):
			z.buf = append(z.buf, '.') // a decimal point
		case r == '\'' || r == '’' || r == ',' || r == '.':
			// apostrophes and separators vanish: "don't" is "dont", "6,000" is "6000"
		default:
			if unicode.IsUpper(r) {
				upper++
			}
			if unicode.IsLetter(r) {
				letters++
			} else {
				others++
			}
			z.buf = append(z.buf, z.foldRune(r)...)
		}
	}
	// "Korea's" is "korea": drop a possessive s left over from the apostrophe.
	if k := len(w); k >= 3 && (w[k-1] == 's' || w[k-1] == 'S') && (w[k-2] == '\'' || k >= 4 && w[k-4:k-1] == "’") {
		z.buf = z.buf[:len(z.buf)-1]
	}
	if len(z.buf) == ns {
		return
	}
	r0, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r0) {
		flags |= Cap
	}
	if upper >= 2 && upper == letters {
		flags |= AllCaps
	}
	switch {
	case digits > 0 && letters == 0:
		flags |= Number
		if money {
			flags |= Money
		}
	case digits > 0 && IsDigit(w[0]):
		flags |= Ordinal
	}
	z.toks = append(z.toks, Token{int32(p.Start), int32(p.End), int32(ns), int32(len(z.buf)), flags})
}

// FoldRune returns the lower-case, accent-free form of a non-ASCII rune:
// "é" is "e", "ß" is "ss"; letters without a Latin base stay themselves.
func (z *Tokenizer) foldRune(r rune) string {
	if f, ok := z.fold[r]; ok {
		return f
	}
	f := FoldRune(r)
	z.fold[r] = f
	return f
}

func FoldRune(r rune) string {
	switch r {
	case 'ß':
		return "ss"
	case 'æ', 'Æ':
		return "ae"
	case 'œ', 'Œ':
		return "oe"
	case 'ø', 'Ø':
		return "o"
	case 'đ', 'Đ':
		return "d"
	case 'ł', 'Ł':
		return "l"
	case 'þ', 'Þ':
		return "th"
	case 'ı':
		return "i"
	}
	var out []rune
	for _, d := range norm.NFD.String(string(r)) {
		if unicode.Is(unicode.Mn, d) {
			continue
		}
		out = append(out, unicode.ToLower(d))
	}
	if len(out) == 0 {
		return ""
	}
	return string(out)
}

// Key is the vocabulary key of a folded word: the word itself, except
// that an all-caps stop word ("US", "WHO", "IT") is kept in capitals so that
// it does not vanish as a stop word.
func Key(w []byte, f Flags) string {
	if f&AllCaps != 0 && lang.Stopwords[string(w)] {
		return strings.ToUpper(string(w))
	}
	return string(w)
}
