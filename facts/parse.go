package facts

import (
	"bytes"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/text"
)

// maxFactBytes bounds a fact: a longer "sentence" (a table, a list without
// punctuation) is cut into pieces at white space.
const maxFactBytes = 1200

// parsedArticle is one article split into facts and tokens, with a word list
// of its own: seq holds indexes into words.
type parsedArticle struct {
	words    []string
	lf       []text.Lex // of each word
	freq     []int32    // of each word: how many times the article has it, as a word of its own (not a joined-up compound)
	lower    []bool     // of each word: whether the article writes it in lower case
	seq      []int32
	cls      []text.Class
	facts    []fact // tok is relative to seq; para is the paragraph's index in the article
	paraLen  []int  // facts per paragraph
	title    []int32
	acronyms []acronym
}

// nameUse counts the mentions of one name and what they suggest it is.
type nameUse struct {
	count int
	kinds kind
}

// parseAll splits every article into facts and tokens, on all cores, and
// gathers the names they mention.
func parseAll(articles []Article) ([]parsedArticle, map[string]nameUse) {
	out := make([]parsedArticle, len(articles))
	names := &sharedNames{m: map[string]nameUse{}}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(articles)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := newParser(names)
			for {
				i := int(next.Add(1) - 1)
				if i >= len(articles) {
					return
				}
				out[i] = p.parse(&articles[i])
			}
		}()
	}
	wg.Wait()
	return out, names.m
}

// A parser turns articles into parsedArticles; one parser serves one goroutine.
type parser struct {
	z     *text.Tokenizer
	index map[string]int32
	names map[string]nameUse // of the article being parsed
	// surnames maps the last word of each full name of the article
	// being parsed to the name's other words (surnames.go).
	surnames map[int32]fullName
	shared   *sharedNames
	ids      []int32
	words    []string
	lf       []text.Lex
	cls      []text.Class
}

func newParser(shared *sharedNames) *parser {
	return &parser{z: text.NewTokenizer(), index: make(map[string]int32), names: map[string]nameUse{}, surnames: map[int32]fullName{}, shared: shared}
}

// sharedNames gathers the names of all articles as they are parsed, so that
// no article keeps its own: the counts are sums, so the order in which
// articles come does not change them.
type sharedNames struct {
	mu sync.Mutex
	m  map[string]nameUse
}

// shareNames adds the names of the article just parsed to the shared ones.
func (p *parser) shareNames() {
	p.shared.mu.Lock()
	defer p.shared.mu.Unlock()
	for name, u := range p.names {
		old := p.shared.m[name]
		p.shared.m[name] = nameUse{count: old.count + u.count, kinds: old.kinds | u.kinds}
	}
}

func (p *parser) parse(a *Article) parsedArticle {
	clear(p.index)
	clear(p.names)
	clear(p.surnames)
	var out parsedArticle
	defer p.shareNames()
	out.title = p.add(&out, a.Title, false)
	for pi, para := range a.Paragraphs {
		n := 0
		for _, sp := range text.SplitSentences(para) {
			for _, piece := range pieces(para[sp.Start:sp.End]) {
				tok := len(out.seq)
				p.add(&out, piece, true)
				out.facts = append(out.facts, fact{
					text: collapseSpace(piece), para: uint32(pi),
					tok: uint32(tok), ntok: uint16(len(out.seq) - tok),
					denies: slices.ContainsFunc(p.words, func(w string) bool { return lang.Negations[w] }),
				})
				n++
			}
		}
		out.paraLen = append(out.paraLen, n)
	}
	return out
}

// add tokenizes one sentence into out and returns its word ids. For body
// sentences (body set), the acronyms and names they hold are collected.
func (p *parser) add(out *parsedArticle, s string, body bool) []int32 {
	toks := p.z.Tokenize(s)
	p.ids, p.words, p.lf = p.ids[:0], p.words[:0], p.lf[:0]
	start := len(out.seq)
	for _, t := range toks {
		w := p.z.Word(t)
		if t.Flags&text.AllCaps != 0 && lang.Stopwords[string(w)] {
			w = bytes.ToUpper(w) // see wordKey
		}
		id, ok := p.index[string(w)]
		if !ok {
			key := string(w)
			id = int32(len(out.words))
			p.index[key] = id
			out.words = append(out.words, key)
			out.lf = append(out.lf, text.LexOf(key))
			out.freq = append(out.freq, 0)
			out.lower = append(out.lower, false)
		}
		if t.Flags&(text.Cap|text.AllCaps|text.Number|text.Aux) == 0 {
			out.lower[id] = true
		}
		if t.Flags&text.Aux == 0 {
			out.freq[id]++
		}
		p.ids = append(p.ids, id)
		p.words = append(p.words, out.words[id])
		p.lf = append(p.lf, out.lf[id])
	}
	p.cls = append(p.cls[:0], make([]text.Class, len(toks))...)
	text.Classify(toks, p.words, p.lf, p.cls)
	// Stop words have done their work (in classes, acronyms and names):
	// matching, answer kinds and proximity need only the words that count.
	if body {
		p.noteFullNames(toks)
	}
	for i, id := range p.ids {
		if p.lf[i]&text.LexStop == 0 {
			out.seq = append(out.seq, id)
			out.cls = append(out.cls, p.cls[i])
		}
		if !body || p.cls[i]&text.ClassAux != 0 {
			continue
		}
		// "Marsh said…" after "Dr. Helen Marsh": Helen too.
		for _, g := range p.givenNames(toks, i) {
			out.seq = append(out.seq, g)
			out.cls = append(out.cls, text.ClassAux)
		}
	}
	if body {
		out.acronyms = findAcronyms(s, toks, p.words, out.acronyms)
		collectNames(s, toks, p.lf, p.cls, p.names)
	}
	return out.seq[start:]
}

// pieces cuts an overlong sentence into pieces of at most maxFactBytes, at
// white space.
func pieces(s string) []string {
	if len(s) <= maxFactBytes {
		return []string{s}
	}
	var out []string
	for len(s) > maxFactBytes {
		cut := strings.LastIndexByte(s[:maxFactBytes], ' ')
		if cut <= 0 {
			cut = len(truncate(s, maxFactBytes))
		}
		out = append(out, strings.TrimSpace(s[:cut]))
		s = strings.TrimSpace(s[cut:])
	}
	if s != "" {
		out = append(out, s)
	}
	return out
}

// foldedWords returns the vocabulary keys of the words of s, stop words
// left out as they are from facts.
func foldedWords(z *text.Tokenizer, s string) []string {
	var ws []string
	for _, t := range z.Tokenize(s) {
		if w := text.Key(z.Word(t), t.Flags); t.Flags&text.Aux == 0 && !lang.Stopwords[w] {
			ws = append(ws, w)
		}
	}
	return ws
}
