package main

import (
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/factbot/factbot/facts/paraphrase"
	"github.com/factbot/factbot/internal/eval"
)

// An adversary makes unanswerable twins of answerable questions, the way
// SQuAD 2.0's writers did: it swaps a name of the question for another
// name of as many words from other questions, changes a number or a year,
// swaps a word of the question for one the fact base never uses, so that
// it asks for an attribute the articles do not give, denies the question
// ("Who was not…"), swaps a name for another of the same article that
// the sentences answering the question lack (SQuAD 2.0's "entity swap"),
// asks the opposite ("largest" → "smallest", WordNet's antonyms), or
// swaps a noun the answering sentences use for another noun of the same
// article's questions that they lack and WordNet does not relate to it
// ("How much did the bridge cost?" → "How much did the tunnel cost?").
// The first three replacements are ones the fact base lacks (a name or
// word none of its facts has), so the twin has no answer there; the last
// four may leave every word known, as most of SQuAD 2.0's do.
type adversary struct {
	names     map[int][]string            // capitalised runs of words of the questions, by length, sorted
	words     []string                    // lower-case words of five letters or more, sorted
	byArticle map[string]map[int][]string // the names of each article's questions, by length, sorted
	nouns     map[string][]string         // the plain nouns of each article's questions, sorted
}

// nTwinKinds is how many kinds of change twin makes.
const nTwinKinds = 7

// twinKinds names the kinds of change twin makes, in its order.
var twinKinds = [nTwinKinds]string{"name-unknown", "number", "word-unknown", "denied", "name-in-article", "opposite", "noun-in-article"}

// twinKeepsWords marks the kinds of change that may leave every word of
// the twin known to the base, as most of SQuAD 2.0's unanswerable
// questions do: the hard kinds.
var twinKeepsWords = [nTwinKinds]bool{false, false, false, true, true, true, true}

// A twinQ is an unanswerable twin of a question: clean, as chat (or ""),
// and the kind of change that made it (an index of twinKinds).
type twinQ struct {
	clean, chat string
	kind        int
}

// newAdversary collects the names and words of the questions qs.
func newAdversary(qs []eval.Question) *adversary {
	a := &adversary{names: map[int][]string{}, byArticle: map[string]map[int][]string{}, nouns: map[string][]string{}}
	seenName, seenWord := map[string]bool{}, map[string]bool{}
	for _, q := range qs {
		ws := questionWords(q.Q)
		for _, span := range nameSpans(ws) {
			n := strings.Join(ws[span[0]:span[1]], " ")
			if !seenName[n] {
				seenName[n] = true
				a.names[span[1]-span[0]] = append(a.names[span[1]-span[0]], n)
			}
		}
		for _, w := range ws {
			if plainWord(w) && !seenWord[w] {
				seenWord[w] = true
				a.words = append(a.words, w)
			}
		}
	}
	for _, ns := range a.names {
		slices.Sort(ns)
	}
	slices.Sort(a.words)
	a.learnArticles(qs)
	return a
}

// learnArticles adds the names of the questions qs to the names of their
// articles, which swapNameInArticle swaps in: the general measure's
// held-out articles have no training questions to take them from.
func (a *adversary) learnArticles(qs []eval.Question) {
	seenIn := map[[2]string]bool{}
	for source, byLen := range a.byArticle {
		for _, ns := range byLen {
			for _, n := range ns {
				seenIn[[2]string{source, n}] = true
			}
		}
	}
	for source, ns := range a.nouns {
		for _, n := range ns {
			seenIn[[2]string{source, "noun " + n}] = true
		}
	}
	for _, q := range qs {
		ws := questionWords(q.Q)
		for _, w := range ws[1:] {
			if k := [2]string{q.Source, "noun " + w}; plainWord(w) && !seenIn[k] && paraphrase.Noun(w) {
				seenIn[k] = true
				a.nouns[q.Source] = append(a.nouns[q.Source], w)
			}
		}
		for _, span := range nameSpans(ws) {
			n := strings.Join(ws[span[0]:span[1]], " ")
			if k := [2]string{q.Source, n}; !seenIn[k] {
				seenIn[k] = true
				if a.byArticle[q.Source] == nil {
					a.byArticle[q.Source] = map[int][]string{}
				}
				a.byArticle[q.Source][span[1]-span[0]] = append(a.byArticle[q.Source][span[1]-span[0]], n)
			}
		}
	}
	for _, byLen := range a.byArticle {
		for _, ns := range byLen {
			slices.Sort(ns)
		}
	}
	for _, ns := range a.nouns {
		slices.Sort(ns)
	}
}

// twin returns an unanswerable twin of q in a fact base whose words are
// known (lower case), or false if it finds none. chat, if not empty, is
// q's chat twin: the same change is made to it where it has the replaced
// words, else the twin's chat is "". The kind of change is picked by a
// hash of q's id; the others are tried after it.
func (a *adversary) twin(q eval.Question, chat string, known map[string]bool) (twinQ, bool) {
	ws := questionWords(q.Q)
	h := hash(q.ID)
	for k := range nTwinKinds {
		var from, to string
		kind := (int(h%nTwinKinds) + k) % nTwinKinds
		switch kind {
		case 0:
			from, to = a.swapName(ws, h, known)
		case 1:
			from, to = swapNumber(ws, h, known)
		case 2:
			from, to = a.swapWord(ws, h, known)
		case 3:
			from, to = deny(ws, q.Facts)
		case 4:
			from, to = a.swapNameInArticle(ws, h, q.Source, q.Facts)
		case 5:
			if _, c, ok := paraphrase.Opposite(q.Q, q.ID); ok {
				from, to = c.From, c.To
			}
		case 6:
			from, to = a.swapNounInArticle(ws, h, q.Source, q.Facts)
		}
		if from == "" {
			continue
		}
		t := twinQ{kind: kind}
		var ok bool
		if t.clean, ok = replaceWords(q.Q, from, to); !ok {
			continue
		}
		if chat != "" {
			if c, ok := replaceWords(chat, strings.ToLower(from), strings.ToLower(to)); ok {
				t.chat = c
			}
		}
		return t, true
	}
	return twinQ{}, false
}

// replaceWords replaces the first occurrence of the words from in s, at
// word boundaries, with to.
func replaceWords(s, from, to string) (string, bool) {
	for i := 0; i+len(from) <= len(s); {
		j := strings.Index(s[i:], from)
		if j < 0 {
			break
		}
		j += i
		e := j + len(from)
		if (j == 0 || !wordByte(s[j-1])) && (e == len(s) || !wordByte(s[e])) {
			return s[:j] + to + s[e:], true
		}
		i = j + 1
	}
	return s, false
}

func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// denyWords are the words of negation the adversary looks for: a question
// that has one, or whose answering sentences have one, is not denied.
var denyWords = map[string]bool{"not": true, "no": true, "never": true, "nor": true, "cannot": true, "none": true}

// denyAfter are the auxiliaries after which deny puts "not".
var denyAfter = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "did": true, "does": true, "do": true,
	"has": true, "have": true, "had": true, "can": true, "could": true, "will": true, "would": true,
}

// deny puts "not" after the first auxiliary of ws ("Who was the first…" →
// "Who was not the first…"), unless the question or the sentences that
// answer it already deny something.
func deny(ws, facts []string) (from, to string) {
	for _, w := range ws {
		if denyWords[strings.ToLower(w)] || strings.HasSuffix(strings.ToLower(w), "n't") {
			return "", ""
		}
	}
	for _, f := range facts {
		for _, w := range questionWords(f) {
			if lw := strings.ToLower(w); denyWords[lw] || strings.HasSuffix(lw, "n't") {
				return "", ""
			}
		}
	}
	for _, w := range ws {
		if denyAfter[strings.ToLower(w)] {
			return w, w + " not"
		}
	}
	return "", ""
}

// swapNameInArticle replaces the longest name of ws with another of as
// many words that questions about the same article use and that the
// sentences answering the question lack: the twin asks about someone or
// something else of the article.
func (a *adversary) swapNameInArticle(ws []string, h uint64, source string, facts []string) (from, to string) {
	if len(facts) == 0 {
		return "", ""
	}
	answer := strings.ToLower(strings.Join(facts, " "))
	return swapLongestName(ws, h, a.byArticle[source], func(from, n string) bool {
		return !strings.Contains(answer, strings.ToLower(n)) && !strings.Contains(strings.ToLower(n), strings.ToLower(from))
	})
}

// swapNounInArticle replaces a plain noun of ws that the sentences
// answering the question use with another noun of the same article's
// questions that they lack and that WordNet does not relate to it: the twin
// asks about another thing of the article, in its own words.
func (a *adversary) swapNounInArticle(ws []string, h uint64, source string, facts []string) (from, to string) {
	answer := " " + strings.Join(questionWords(strings.ToLower(strings.Join(facts, " "))), " ") + " "
	var used []string
	for _, w := range ws[1:] {
		if plainWord(w) && strings.Contains(answer, " "+w+" ") && paraphrase.Noun(w) {
			used = append(used, w)
		}
	}
	pool := a.nouns[source]
	if len(used) == 0 || len(pool) == 0 {
		return "", ""
	}
	from = used[h%uint64(len(used))]
	for k := range min(len(pool), 20) {
		w := pool[(int(h/7%uint64(len(pool)))+k*7919)%len(pool)]
		if w != from && !strings.Contains(answer, " "+w+" ") && paraphrase.Unrelated(from, w) {
			return from, w
		}
	}
	return "", ""
}

// swapName replaces the longest name of ws (the first of those as long)
// with another of as many words that the fact base lacks.
func (a *adversary) swapName(ws []string, h uint64, known map[string]bool) (from, to string) {
	return swapLongestName(ws, h, a.names, func(_, n string) bool { return !knownAll(n, known) })
}

// swapLongestName replaces the longest name of ws (the first of those as
// long) with a name of as many words of byLen that ok accepts, picked by h
// among the first 20 it tries.
func swapLongestName(ws []string, h uint64, byLen map[int][]string, ok func(from, to string) bool) (from, to string) {
	spans := nameSpans(ws)
	if len(spans) == 0 {
		return "", ""
	}
	best := spans[0]
	for _, s := range spans[1:] {
		if s[1]-s[0] > best[1]-best[0] {
			best = s
		}
	}
	from = strings.Join(ws[best[0]:best[1]], " ")
	pool := byLen[best[1]-best[0]]
	for k := range min(len(pool), 20) {
		n := pool[(int(h%uint64(len(pool)))+k*7919)%len(pool)]
		if n != from && ok(from, n) {
			return from, n
		}
	}
	return "", ""
}

// swapNumber adds a small amount to the first number of ws (a year stays
// a year) that makes one the fact base lacks.
func swapNumber(ws []string, h uint64, known map[string]bool) (from, to string) {
	for _, w := range ws {
		n, err := strconv.Atoi(w)
		if err != nil || n < 0 {
			continue
		}
		for k := range 10 {
			m := n + 1 + int(h%9) + k
			if s := strconv.Itoa(m); !known[s] {
				return w, s
			}
		}
	}
	return "", ""
}

// swapWord replaces a plain word of ws, picked by h, with one of the
// other questions' words that the fact base lacks.
func (a *adversary) swapWord(ws []string, h uint64, known map[string]bool) (from, to string) {
	var plain []string
	for _, w := range ws[1:] { // the first word is the question word
		if plainWord(w) {
			plain = append(plain, w)
		}
	}
	if len(plain) == 0 || len(a.words) == 0 {
		return "", ""
	}
	from = plain[h%uint64(len(plain))]
	for k := range min(len(a.words), 20) {
		w := a.words[(int(h/7%uint64(len(a.words)))+k*7919)%len(a.words)]
		if w != from && !known[w] {
			return from, w
		}
	}
	return "", ""
}

// questionWords splits a question into words without their punctuation.
func questionWords(q string) []string {
	var ws []string
	for _, f := range strings.Fields(q) {
		if w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }); w != "" {
			ws = append(ws, w)
		}
	}
	return ws
}

// nameSpans returns the runs of capitalised words of ws, but the first
// word (capitalised as a question's start), as [start, end) pairs.
func nameSpans(ws []string) [][2]int {
	var spans [][2]int
	for i := 1; i < len(ws); i++ {
		if !capitalised(ws[i]) {
			continue
		}
		j := i + 1
		for j < len(ws) && capitalised(ws[j]) {
			j++
		}
		spans = append(spans, [2]int{i, j})
		i = j
	}
	return spans
}

func capitalised(w string) bool {
	r := []rune(w)
	return unicode.IsUpper(r[0])
}

// functionWords are the words of five letters or more that ask rather
// than name what is asked about.
var functionWords = map[string]bool{
	"which": true, "where": true, "whose": true, "there": true, "their": true, "about": true,
	"after": true, "before": true, "would": true, "could": true, "should": true, "other": true,
	"these": true, "those": true, "being": true, "during": true, "between": true, "through": true,
	"under": true, "against": true, "among": true, "within": true, "without": true, "while": true,
}

// plainWord reports whether w is a lower-case word of five letters or
// more that is not a function word.
func plainWord(w string) bool {
	if len(w) < 5 || functionWords[w] {
		return false
	}
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// knownAll reports whether every word of the phrase is known, in lower case.
func knownAll(phrase string, known map[string]bool) bool {
	for _, w := range strings.Fields(phrase) {
		if !known[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

func hash(s string) uint64 {
	f := fnv.New64a()
	f.Write([]byte(s))
	return f.Sum64()
}

// wordsOf returns the lower-case words of the articles' titles and
// paragraphs.
func wordsOf(known map[string]bool, title string, paragraphs []string) {
	for _, t := range append([]string{title}, paragraphs...) {
		for _, f := range strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			known[strings.ToLower(f)] = true
		}
	}
}
