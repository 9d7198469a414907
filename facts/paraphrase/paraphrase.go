// Package paraphrase rewrites a question with other words, the way people
// ask about news in their own words rather than the article's: each content
// word, with some probability, gives way to a WordNet synonym that the fact
// base's text does not use. It makes test and training data for the
// confidence model (cmd/factfit): answerable questions whose words the
// sources lack, as the adversary's "word never used" twins lack them, but
// which still have an answer.
package paraphrase

import (
	"hash/fnv"
	"strings"
	"unicode"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/wordnet"
)

// Rewrite returns q with each content word (lower case, three letters or
// more, not a stop word, question word or request phrasing, not the
// question's first word) replaced, with probability p, by the strongest
// WordNet synonym of one of its lemmas that is a word of lower-case letters
// (no phrase, name or figure) and that known does not hold (known says
// whether the fact base's text has a lower-case word), when there is one;
// and the changes it made, in order. The draw for each word is a hash of
// seed and the word's place, so the same inputs give the same paraphrase.
// A synonym of a word in -s whose lemma is not takes an s (a plural); other
// inflections are lost. Names, numbers and punctuation are kept as they
// are.
func Rewrite(q string, known func(string) bool, p float64, seed string) (string, []Change) {
	var sb strings.Builder
	var changes []Change
	k := 0
	rest := q
	for rest != "" {
		// Copy what is not a word, then take the next word.
		i := strings.IndexFunc(rest, isWordRune)
		if i < 0 {
			sb.WriteString(rest)
			break
		}
		sb.WriteString(rest[:i])
		rest = rest[i:]
		j := strings.IndexFunc(rest, func(r rune) bool { return !isWordRune(r) })
		if j < 0 {
			j = len(rest)
		}
		w := rest[:j]
		rest = rest[j:]
		k++
		if k > 1 && content(w) && draw(seed, k) < p {
			if s, ok := synonym(w, known); ok {
				sb.WriteString(s)
				changes = append(changes, Change{w, s})
				continue
			}
		}
		sb.WriteString(w)
	}
	return sb.String(), changes
}

// A Change is a word Rewrite replaced and its replacement.
type Change struct{ From, To string }

// Apply makes the changes in s where s has their words, whole and in
// lower case (a chat twin of the question Rewrite read), and returns it.
func Apply(s string, changes []Change) string {
	for _, c := range changes {
		for at := 0; ; {
			i := strings.Index(s[at:], c.From)
			if i < 0 {
				break
			}
			i += at
			end := i + len(c.From)
			if (i == 0 || !isWordRune(rune(s[i-1]))) && (end == len(s) || !isWordRune(rune(s[end]))) {
				s = s[:i] + c.To + s[end:]
				break
			}
			at = end
		}
	}
	return s
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || r == '\'' }

// content reports whether w is a word Rewrite may replace.
func content(w string) bool {
	if len(w) < 3 || lang.Stopwords[w] || lang.QuestionWords[w] || lang.Chatter[w] {
		return false
	}
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false // a name, a contraction, an acronym
		}
	}
	return true
}

// synonym returns the strongest single-word synonym of a lemma of w that
// known lacks, with an s if w is a plural noun of that lemma.
func synonym(w string, known func(string) bool) (string, bool) {
	for _, l := range wordnet.Lemmas(w) {
		plural := w != l && strings.HasSuffix(w, "s") && !strings.HasSuffix(l, "s")
		for _, r := range wordnet.Synonyms(l) {
			s := r.Lemma
			if s == l || s == w || strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLower(r) }) >= 0 {
				continue // a phrase, a name, or a figure ("two": 2)
			}
			if plural {
				s += "s"
			}
			if !known(s) && !known(r.Lemma) {
				return s, true
			}
		}
	}
	return "", false
}

// draw is a number in [0, 1) fixed by seed and k.
func draw(seed string, k int) float64 {
	h := fnv.New64a()
	h.Write([]byte(seed))
	h.Write([]byte{0, byte(k), byte(k >> 8)})
	return float64(h.Sum64()>>11) / (1 << 53)
}

// Opposite returns q with one content word replaced by a WordNet antonym
// of its lemma, given the word's regular ending ("largest" → "smallest",
// "increased" → "decreased"), the way SQuAD 2.0's writers made a question
// its paragraph cannot answer; the content word is the first, from the
// one seed picks, that has a single-word antonym. It reports false when no
// word has one.
func Opposite(q, seed string) (string, Change, bool) {
	var words [][2]int // start, end of each content word but the first word
	for i, k := 0, 0; i < len(q); {
		j := strings.IndexFunc(q[i:], isWordRune)
		if j < 0 {
			break
		}
		i += j
		e := strings.IndexFunc(q[i:], func(r rune) bool { return !isWordRune(r) })
		if e < 0 {
			e = len(q) - i
		}
		if k++; k > 1 && content(q[i:i+e]) {
			words = append(words, [2]int{i, i + e})
		}
		i += e
	}
	if len(words) == 0 {
		return q, Change{}, false
	}
	first := int(draw(seed, 0) * float64(len(words)))
	for n := range words {
		at := words[(first+n)%len(words)]
		w := q[at[0]:at[1]]
		if o, ok := opposite(w); ok {
			return q[:at[0]] + o + q[at[1]:], Change{w, o}, true
		}
	}
	return q, Change{}, false
}

// opposite returns the first single-word antonym of a lemma of w with the
// ending w has beyond the lemma.
func opposite(w string) (string, bool) {
	for _, l := range wordnet.Lemmas(w) {
		for _, a := range wordnet.Antonyms(l) {
			if strings.IndexFunc(a, func(r rune) bool { return !unicode.IsLower(r) }) >= 0 {
				continue
			}
			return a + ending(w, l, a), true
		}
	}
	return "", false
}

// ending returns the regular ending w has beyond its lemma l ("est" of
// "largest", "ed" of "increased"), fitted to the word a it will end.
func ending(w, l, a string) string {
	base := l
	switch {
	case strings.HasPrefix(w, l):
	case strings.HasSuffix(l, "e") && strings.HasPrefix(w, l[:len(l)-1]):
		base = l[:len(l)-1]
	case strings.HasSuffix(l, "y") && strings.HasPrefix(w, l[:len(l)-1]+"i"):
		base = l[:len(l)-1] + "i"
	default:
		return "" // irregular ("won"): the antonym's lemma
	}
	suf := w[len(base):]
	if base == l && strings.HasSuffix(l, "e") && suf != "" {
		suf = "e" + suf // "large" + "st" is "larg" + "est"
	}
	if len(suf) > 1 && len(base) > 0 && suf[0] == base[len(base)-1] && base == l && !strings.ContainsRune("aeiou", rune(suf[0])) {
		suf = suf[1:] // a doubled consonant ("bigger")
	}
	switch {
	case suf == "":
		return ""
	case strings.HasSuffix(a, "e") && suf[0] == 'e':
		return suf[1:]
	case strings.HasSuffix(a, "y") && (suf[0] == 'e' || suf[0] == 'i'):
		return suf // close enough for a question that is meant to be odd
	}
	return suf
}

// Unrelated reports whether from and to are both nouns of WordNet that it
// does not relate (the same lemma, synonyms, derived forms, one a kind of
// the other): swapping one for the other asks about another thing ("the
// tunnel's cost" for "the bridge's cost"), not the same in other words.
func Unrelated(from, to string) bool {
	return wordnet.IsNoun(from) && wordnet.IsNoun(to) && !wordnet.Related(from, to)
}

// Noun reports whether w, or a lemma it inflects, is a noun of WordNet.
func Noun(w string) bool { return wordnet.IsNoun(w) }
