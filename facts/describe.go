package facts

import (
	"slices"
	"strings"
	"unicode"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/text"
	"github.com/factbot/factbot/facts/internal/wordnet"
)

// Definitions: "Who is X?", "What is X?" and "What does X stand for?" are
// answered with what the fact says X is (its description, the name that
// holds the title asked about, the long form of a short one), never with
// another name of the fact.

// maxDescriptionWords bounds a description found before a name.
const maxDescriptionWords = 6

// maxPersonDepth bounds the walk up WordNet's hypernyms that finds a
// person: microbiologist → biologist → scientist → person.
const maxPersonDepth = 6

// isPerson reports whether WordNet has word as a kind of person, within
// maxPersonDepth steps.
func isPerson(word string) bool {
	level := wordnet.Lemmas(word)
	for range maxPersonDepth {
		var next []string
		for _, l := range level {
			if l == "person" {
				return true
			}
			next = append(next, wordnet.Hypernyms(l)...)
		}
		level = next
	}
	return false
}

// description cuts out the apposition after name, the name the question
// asks about: "Sergei Neverov – a deputy vice chairman of the Russian
// State Duma … –", or the words or the title before it.
func (e *extract) description(name string) string {
	i, end, ok := e.namedRun()
	if !ok {
		i, end, ok = e.findName(name)
	}
	if !ok {
		return ""
	}
	rest := e.text[e.toks[end].End:]
	trimmed := strings.TrimLeft(rest, " ")
	for _, sep := range lang.DescriptionMarks {
		if !strings.HasPrefix(trimmed, sep) || sep != "," && trimmed == rest {
			continue // a dash with no space before it joins a word ("Jong-un")
		}
		body := strings.TrimSpace(trimmed[len(sep):])
		if k := strings.Index(body, sep); k > 0 {
			body = body[:k]
		} else if k := strings.IndexAny(body, ",.;:"); k > 0 {
			body = body[:k]
		}
		if body = strings.TrimSpace(body); opensNounPhrase(body) {
			return body
		}
		break
	}
	// Or the words just before it: "Japan’s foreign minister Taro Kono".
	before := e.text[:e.toks[i].Start]
	if k := strings.LastIndexAny(before, ",;:–—(\""); k >= 0 {
		before = before[k+1:]
	}
	before = strings.TrimSpace(before)
	if before == "" {
		before = e.appositionOf(i, end)
	}
	if ws := strings.Fields(before); len(ws) >= 2 && len(ws) <= maxDescriptionWords && opensNounPhrase(before) && !lang.Stopwords[strings.ToLower(ws[len(ws)-1])] {
		return before // not "Hackers such as" of "Hackers such as Lazarus", nor "It is also called"
	}
	// Or, in a longer clause, the title written with the name: "North
	// Korea’s Supreme Leader" of "… made by North Korea’s Supreme Leader
	// Kim Jong-un".
	return e.titleBefore(i)
}

// appositionOf returns the words a name set off by commas stands for: "The
// union's chairman" of "The union's chairman, Piet Vos, called …", or "".
func (e *extract) appositionOf(i, end int) string {
	before := strings.TrimRight(e.text[:e.toks[i].Start], " ")
	after := strings.TrimLeft(e.text[e.toks[end].End:], " ")
	if !strings.HasSuffix(before, ",") || !strings.HasPrefix(after, ",") {
		return ""
	}
	before = before[:len(before)-1]
	if k := strings.LastIndexAny(before, ",;:–—(\""); k >= 0 {
		before = before[k+1:]
	}
	return strings.TrimSpace(before)
}

// holderOf returns, for "who is the mayor", the name the fact gives with the
// title asked about: "Ana Lindqvist" of "Mayor Ana Lindqvist said …", or
// "". The question must ask "who" of a title ("the mayor", "the supreme
// leader": words WordNet has), and the fact write it just before a name.
func (e *extract) holderOf(q *query) string {
	if q.wh != "who" || !slices.Contains(q.words, "the") {
		return ""
	}
	i, end, ok := e.namedRun()
	if !ok {
		return ""
	}
	for k := i; k <= end; k++ {
		if !wordnet.IsLemma(e.words[k]) {
			return "" // a name, not a title: "Kim" of "Kim Jong-un"
		}
	}
	for w := range strings.FieldsSeq(strings.ToLower(q.defines)) {
		if !lang.Stopwords[w] && !slices.Contains(e.words[i:end+1], w) {
			return "" // the title is not all the question asks of: "the last Qing emperor"
		}
	}
	j := e.next(end)
	if j < 0 || e.cls[j]&text.ClassCap == 0 || e.inQ[j] {
		return ""
	}
	last := text.NameEnd(e.text, e.toks, e.cls, e.lf, j)
	return e.text[e.toks[j].Start:e.toks[last].End]
}

// namedRun returns the first run of capitalised tokens of the fact that the
// question matches.
func (e *extract) namedRun() (int, int, bool) {
	for i := range e.toks {
		if !e.inQ[i] || e.cls[i]&text.ClassCap == 0 {
			continue
		}
		end := i
		for j := e.next(i); j > 0 && e.inQ[j] && e.cls[j]&text.ClassCap != 0; j = e.next(j) {
			end = j
		}
		return i, end, true
	}
	return 0, 0, false
}

// findName returns the tokens of the fact that spell name, its words
// compared folded and with hyphens as spaces ("Kim Jong-un" for "kim jong
// un", a name the question matched as a phrase, not word by word).
func (e *extract) findName(name string) (int, int, bool) {
	want := strings.Fields(strings.ReplaceAll(strings.ToLower(name), "-", " "))
	if len(want) == 0 {
		return 0, 0, false
	}
	for i := range e.toks {
		if e.cls[i]&text.ClassAux != 0 {
			continue
		}
		k := 0
		j := i
		for ; j >= 0 && j < len(e.toks) && k < len(want); j = e.next(j) {
			parts := strings.Split(strings.ToLower(e.words[j]), "-")
			if k+len(parts) > len(want) || !slices.Equal(parts, want[k:k+len(parts)]) {
				break
			}
			k += len(parts)
			if k == len(want) {
				return i, j, true
			}
		}
	}
	return 0, 0, false
}

// titleBefore returns the title that runs up to token i, the words with
// nothing but spaces between them back to a function word, a mark or a
// verb's form in -ed or -ing or an adverb in -ly, the last a noun ("US president" of "a summit with US
// president Donald Trump", "North Korea’s Supreme Leader" of "made by
// North Korea’s Supreme Leader Kim Jong-un"), when it has two to
// maxDescriptionWords words; else "".
func (e *extract) titleBefore(i int) string {
	if j := i - 1; j >= 0 && e.titleAbbrev(j) {
		i = j // "microbiologist" of "microbiologist Dr. Helen Marsh"
	}
	start, n := i, 0
	for j := i - 1; j >= 0; j-- {
		if e.cls[j]&text.ClassAux != 0 {
			continue
		}
		w := e.words[j]
		verbal := e.toks[j].Flags&(text.Cap|text.AllCaps) == 0 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly"))
		if e.lf[j]&text.LexStop != 0 || verbal || !space(e.text[e.toks[j].End:e.toks[start].Start]) {
			break
		}
		if start == i && (e.toks[j].Flags&(text.Number|text.Ordinal) != 0 || e.cls[j]&text.ClassCap == 0 && !wordnet.IsNoun(w)) {
			return "" // a title ends in a noun: not "roughly 70" of "roughly 70 Monero coins"
		}
		start, n = j, n+1
	}
	if n < 1 || n > maxDescriptionWords || n == 1 && (e.cls[start]&text.ClassCap != 0 || !isPerson(e.words[start])) {
		return "" // one word must be a kind of person, in lower case: "microbiologist", not "report" nor "Professor"
	}
	return e.text[e.toks[start].Start:e.toks[i-1].End]
}

// opensNounPhrase reports whether a description after a name opens as a
// noun phrase would ("a deputy vice chairman", "the company's founder"),
// not with a clause ("provided that…", "which…", "founded in 1976", "found
// the microbes…").
func opensNounPhrase(s string) bool {
	w := s
	if k := strings.IndexFunc(s, unicode.IsSpace); k >= 0 {
		w = s[:k] // a non-breaking space too
	}
	w = strings.ToLower(w)
	switch {
	case w == "" || w == "that" || lang.QuestionWords[w] || lang.Subordinators[w]:
		return false // a clause: "Lazarus, who initiated …", "Bureau 121, although …"
	case lang.Stopwords[w]:
		return determiners[w]
	}
	if strings.HasSuffix(w, "ed") {
		return false
	}
	// A verb's irregular form: "said it would fight…"; one that is a noun
	// too only before an article: "found the microbes…".
	if wordnet.Irregular(w, wordnet.Verb) == "" {
		return true
	}
	next := strings.Fields(strings.ToLower(s))
	return wordnet.IsNoun(w) && !(len(next) > 1 && determiners[next[1]])
}

// determiners are the function words that may open a noun phrase.
var determiners = map[string]bool{"a": true, "an": true, "the": true, "his": true, "her": true, "its": true, "their": true, "our": true, "one": true}

// longForm returns the long form of the acronym short that the fact spells
// out, verbatim ("Royal United Services Institute" of "… Institute
// (RUSI)"), or "".
func (e *extract) longForm(short string) string {
	for _, a := range findAcronyms(e.text, e.toks, e.words, nil) {
		if strings.EqualFold(a.short, short) {
			return e.text[a.from:a.to]
		}
	}
	return ""
}
