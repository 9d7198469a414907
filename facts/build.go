package facts

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/spell"
	"github.com/factbot/factbot/facts/internal/stem"
	"github.com/factbot/factbot/facts/internal/text"
)

// New builds a fact base from parsed articles and alias groups (each a list
// of names that mean the same thing). Articles keep their order. The base
// ranks and abstains with DefaultWeights unless an option says otherwise.
//
// Building runs in three steps: the articles are split into sentences and
// tokens in parallel, each with a vocabulary of its own; the vocabularies are
// merged and stemmed into one, in article order, so that term ids do not
// depend on scheduling; then each fact's tokens are mapped to term ids, alias
// and acronym phrases are marked, and the postings are counted and filled.
func New(articles []Article, aliases [][]string, opts ...Option) *Base {
	b := &Base{articles: articles, weights: DefaultWeights(), spanModel: embeddedSpanModel()}
	b.expansions.max, b.lemmaTerms.max = maxExpansions, maxLemmaTerms
	for _, o := range opts {
		o(b)
	}
	if err := checkTrees(b.weights.Trees, nFeatures); err != nil {
		panic(fmt.Sprintf("facts.New: the weights' trees: %v", err))
	}
	if err := checkTrees(b.weights.ConfidenceTrees, nConfInputs); err != nil {
		panic(fmt.Sprintf("facts.New: the weights' confidence trees: %v", err))
	}
	b.forest = newForest(b.weights.Trees)
	parsed, names := parseAll(articles)

	// Alias and acronym phrases join the vocabulary like any other words.
	z := text.NewTokenizer()
	var groups [][][]string // group → phrase → folded words
	for _, names := range aliases {
		var g [][]string
		for _, n := range names {
			if ws := foldedWords(z, n); len(ws) > 0 {
				g = append(g, ws)
			}
		}
		if len(g) > 1 {
			groups = append(groups, g)
		}
	}
	nCurated := len(groups) // the alias groups, before the acronyms found in the text
	for _, p := range parsed {
		for _, a := range p.acronyms {
			long := slices.DeleteFunc(slices.Clone(a.long), func(w string) bool { return lang.Stopwords[w] })
			groups = append(groups, [][]string{{a.short}, long})
		}
	}

	// The names' tables need only the parsed articles, and the spelling
	// corrector only the lexicon: each is built beside the steps that do
	// not need it.
	var named sync.WaitGroup
	named.Go(func() {
		b.topics = newTopicIndex(names)
		b.nameWordSet = nameWordSet(&b.topics)
		b.proper = properWords(parsed, b.nameWordSet)
		b.joinedNames = joinedNames(&b.topics)
	})
	lex := newLexicon(parsed, groups)
	lex.curated = curatedWords(groups[:nCurated])
	spelled := make(chan *spell.Corrector, 1)
	go func() { spelled <- newCorrector(lex) }()
	b.terms, b.termID, b.wordTerm = lex.terms, lex.termID, lex.wordTerm
	b.phrases = newPhraseTable(b, groups, lex)

	b.surface = surfaceForms(len(b.terms), lex)
	named.Wait()
	b.assemble(parsed, lex) // and frees parsed as it goes
	b.index()
	b.vocab = newVocabulary(b)
	b.synonyms = synonymTerms(b)
	b.spell = <-spelled
	b.smoothIDF()
	if b.spell != nil {
		b.spell.SetPhrases(b.namePhrase)
	}
	b.learned = learnedTable(b)
	for i, w := range b.weights.Expanders {
		b.expandW[i] = float32(w)
	}
	return b
}

// A lexicon maps every folded word of the corpus to its term.
type lexicon struct {
	wordTerm map[string]uint32
	terms    []string
	termID   map[string]uint32
	splits   map[string][]uint32 // words run together → the terms of their parts
	words    []string            // every folded word, in order of first use
	freq     []int32             // how often each is seen
	curated  map[string]bool     // the words of the aliases file
}

// curatedWords returns the set of the words of alias groups.
func curatedWords(groups [][][]string) map[string]bool {
	set := map[string]bool{}
	for _, g := range groups {
		for _, ph := range g {
			for _, w := range ph {
				set[w] = true
			}
		}
	}
	return set
}

// newLexicon merges the articles' word lists in article order, stems the
// words on all cores, and numbers the terms in order of first use.
func newLexicon(parsed []parsedArticle, groups [][][]string) *lexicon {
	// Room for the words, so that the tables do not grow as they fill:
	// of the articles' own words, about one in seven is new to the
	// others on SQuAD train's 442 articles (92k of 673k); one in six
	// leaves some to spare.
	seen := 0
	for _, p := range parsed {
		seen += len(p.words)
	}
	index := make(map[string]int32, seen/6)
	words := make([]string, 0, seen/6)
	freq := make([]int32, 0, seen/6)
	addWord := func(w string, n int32) {
		i, ok := index[w]
		if !ok {
			i = int32(len(words))
			index[w] = i
			words = append(words, w)
			freq = append(freq, 0)
		}
		freq[i] += n
	}
	for _, p := range parsed {
		for i, w := range p.words {
			addWord(w, p.freq[i])
		}
	}
	for _, g := range groups {
		for _, ph := range g {
			for _, w := range ph {
				addWord(w, 0)
			}
		}
	}
	stems := make([]string, len(words))
	var wg sync.WaitGroup
	n := runtime.GOMAXPROCS(0)
	for k := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := k; i < len(words); i += n {
				stems[i] = stem.Of(words[i])
			}
		}()
	}
	wg.Wait()

	lex := &lexicon{wordTerm: make(map[string]uint32, len(words)), termID: make(map[string]uint32, len(words))}
	for i, w := range words {
		s := stems[i]
		id, ok := lex.termID[s]
		if !ok {
			id = uint32(len(lex.terms))
			lex.termID[s] = id
			lex.terms = append(lex.terms, s)
		}
		lex.wordTerm[w] = id
	}
	lex.splits = runTogether(words, freq, lex)
	lex.words, lex.freq = words, freq
	return lex
}

// runTogether finds the words that a bad extraction ran together
// ("reportsrindicate"): words seen once, of 12 letters or more, in lower case, that split
// into two words of four letters or more that the corpus has at least twice
// (as words, or as stems), with at most one stray letter between them; a
// clean split is preferred to one with a stray letter. It returns, for each
// such word, the terms of its parts.
func runTogether(words []string, freq []int32, lex *lexicon) map[string][]uint32 {
	termFreq := make([]int32, len(lex.terms))
	for i, w := range words {
		termFreq[lex.wordTerm[w]] += freq[i]
	}
	stems := map[string]uint32{}
	known := func(part string) (uint32, bool) {
		if id, ok := lex.wordTerm[part]; ok && termFreq[id] >= 2 {
			return id, true
		}
		id, ok := stems[part]
		if !ok {
			id, ok = lex.termID[stem.Of(part)]
			if !ok {
				id = math.MaxUint32
			}
			stems[part] = id
		}
		return id, id != math.MaxUint32 && termFreq[id] >= 2
	}
	const (
		minPart        = 4  // letters in each part
		minRunTogether = 12 // letters in the word: two words and more
	)
	splits := map[string][]uint32{}
	for i, w := range words {
		if freq[i] != 1 || len(w) < minRunTogether || strings.IndexFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
			continue
		}
	search:
		for _, stray := range []int{0, 1} {
			for cut := len(w) - minPart - stray; cut >= minPart; cut-- {
				left, ok := known(w[:cut])
				if !ok {
					continue
				}
				if right, ok := known(w[cut+stray:]); ok {
					splits[w] = []uint32{left, right}
					break search
				}
			}
		}
	}
	return splits
}

// Passages hold from minPassageFacts to maxPassageFacts facts: a longer
// paragraph is cut into pieces of about equal size, and short paragraphs
// (news has many of one sentence) join the paragraph before, so that a
// passage is a context of some sentences, as a SQuAD paragraph is.
const (
	minPassageFacts = 2
	maxPassageFacts = 8
)

// assemble maps every article's tokens to term ids and lays the facts,
// passages and token sequences of all articles end to end.
func (b *Base) assemble(parsed []parsedArticle, lex *lexicon) {
	nfacts, ntoks := 0, 0
	for _, p := range parsed {
		nfacts += len(p.facts)
		ntoks += len(p.seq)
	}
	b.facts = make([]fact, 0, nfacts)
	b.passages = make([]passage, 0, nfacts/3)
	b.seq = make([]uint32, 0, ntoks+ntoks/16)
	b.cls = make([]text.Class, 0, ntoks+ntoks/16)
	b.titles = make([][]uint32, len(parsed))
	var local, marks []uint32
	var split [][]uint32
	for ai := range parsed {
		p := parsed[ai]
		parsed[ai] = parsedArticle{} // done with: the collector may have it
		local, split = local[:0], split[:0]
		for _, w := range p.words {
			local = append(local, lex.wordTerm[w])
			split = append(split, lex.splits[w])
		}
		title := make([]uint32, 0, len(p.title)+1)
		for _, w := range p.title {
			title = append(title, local[w])
		}
		b.titles[ai] = b.phrases.markTerms(title)

		next := 0     // the article's next fact
		open := false // whether the last passage may take more paragraphs
		for _, n := range p.paraLen {
			pieces := (n + maxPassageFacts - 1) / maxPassageFacts
			for k := range pieces {
				size := n*(k+1)/pieces - n*k/pieces
				last := len(b.passages) - 1
				if open && pieces == 1 && b.passages[last].nfacts < minPassageFacts && int(b.passages[last].nfacts)+size <= maxPassageFacts {
					b.passages[last].nfacts += uint32(size) // a short paragraph joins the one before
				} else {
					b.passages = append(b.passages, passage{article: uint32(ai), first: uint32(len(b.facts)), nfacts: uint32(size)})
				}
				open = pieces == 1
				for _, f := range p.facts[next : next+size] {
					start := len(b.seq)
					for t := f.tok; t < f.tok+uint32(f.ntok); t++ {
						b.seq = append(b.seq, local[p.seq[t]])
						b.cls = append(b.cls, p.cls[t])
						for _, part := range split[p.seq[t]] {
							b.seq = append(b.seq, part)
							b.cls = append(b.cls, text.ClassAux)
						}
					}
					b.seq, b.cls, marks = b.phrases.markFact(b.seq, b.cls, start, marks)
					f.article = uint32(ai)
					f.para++ // numbered from 1
					f.passage = uint32(len(b.passages) - 1)
					f.tok = uint32(start)
					f.ntok = uint16(min(len(b.seq)-start, 1<<16-1))
					b.facts = append(b.facts, f)
				}
				next += size
			}
		}
	}
}

// index counts and fills the postings and computes the term weights.
func (b *Base) index() {
	nterms := len(b.terms)
	indexed := make([]bool, nterms)
	b.termFlags = make([]termFlag, nterms)
	for id, t := range b.terms {
		indexed[id] = !lang.Stopwords[t] && t != ""
		if lang.ReasonWords[t] || lang.ReasonWords[b.surface[id]] {
			b.termFlags[id] |= fReason
		}
		if t == "percent" {
			b.termFlags[id] |= fPercent
		}
	}
	// A fact's length, for BM25, is its number of indexed tokens.
	total := 0
	for i := range b.facts {
		f := &b.facts[i]
		n := 0
		for k := f.tok; k < f.tok+uint32(f.ntok); k++ {
			if indexed[b.seq[k]] && b.cls[k]&text.ClassAux == 0 {
				n++
			}
		}
		f.blen = uint16(min(n, 1<<16-1))
		b.passages[f.passage].blen += uint32(f.blen)
		total += n
	}
	b.passPost = buildPostings(nterms, len(b.passages), func(i int, emit func(uint32)) {
		p := &b.passages[i]
		for _, t := range b.seq[b.facts[p.first].tok : b.facts[p.first+p.nfacts-1].tok+uint32(b.facts[p.first+p.nfacts-1].ntok)] {
			if indexed[t] {
				emit(t)
			}
		}
	})
	b.titlePost = buildPostings(nterms, len(b.titles), func(i int, emit func(uint32)) {
		for _, t := range b.titles[i] {
			if indexed[t] {
				emit(t)
			}
		}
	})
	n := len(b.passages)
	b.idf = make([]float32, nterms)
	for t := range b.idf {
		if indexed[t] {
			b.idf[t] = idfOf(float64(len(b.passPost.list(uint32(t)))), float64(n))
		}
	}
	b.maxIDF = idfOf(0, float64(n))
	avg := float32(1)
	if len(b.facts) > 0 && total > 0 {
		avg = float32(total) / float32(len(b.facts))
	}
	b.norm = make([]float32, len(b.facts))
	for i, f := range b.facts {
		b.norm[i] = bm25Norm(float32(f.blen), avg, sentB)
	}
	avg = float32(1)
	if n > 0 && total > 0 {
		avg = float32(total) / float32(n)
	}
	b.pnorm = make([]float32, n)
	for i, p := range b.passages {
		b.pnorm[i] = bm25Norm(float32(p.blen), avg, passB)
		b.maxPnorm = max(b.maxPnorm, b.pnorm[i])
	}
	b.passArticle = make([]uint32, n)
	for i, p := range b.passages {
		b.passArticle[i] = p.article
	}
}

// bm25Norm is BM25's factor for a term found once in a document of length
// n where documents average avg: (k1+1) / (1 + k1·(1-b+b·n/avg)).
func bm25Norm(n, avg, b float32) float32 {
	return (bm25K1 + 1) / (1 + bm25K1*(1-b+b*n/avg))
}

// buildPostings builds postings for n documents: each(i, emit) emits the
// terms of document i, in any order and with repeats.
func buildPostings(nterms, n int, each func(i int, emit func(uint32))) postings {
	last := make([]uint32, nterms) // last document (+1) that counted each term
	count := make([]uint32, nterms+1)
	for i := range n {
		doc := uint32(i) + 1
		each(i, func(t uint32) {
			if last[t] != doc {
				last[t] = doc
				count[t]++
			}
		})
	}
	off := make([]uint32, nterms+1)
	var sum uint32
	for t := range nterms {
		off[t] = sum
		sum += count[t]
	}
	off[nterms] = sum
	ids := make([]uint32, sum)
	fill := count[:nterms]
	copy(fill, off[:nterms])
	clear(last)
	for i := range n {
		doc := uint32(i) + 1
		each(i, func(t uint32) {
			if last[t] != doc {
				last[t] = doc
				ids[fill[t]] = uint32(i)
				fill[t]++
			}
		})
	}
	return postings{off: off, ids: ids}
}

// synonymTerms maps each indexed term of a synonym group to the other
// indexed terms of its groups.
func synonymTerms(b *Base) map[string][]uint32 {
	m := map[string][]uint32{}
	for _, g := range lang.Synonyms {
		var ids []uint32
		var terms []string
		for _, w := range g {
			t := stem.Of(w)
			terms = append(terms, t)
			if id, ok := b.termID[t]; ok && b.indexed(id) {
				ids = append(ids, id)
			}
		}
		for _, t := range terms {
			for _, id := range ids {
				if b.terms[id] != t && !slices.Contains(m[t], id) {
					m[t] = append(m[t], id)
				}
			}
		}
	}
	return m
}

// surfaceForms returns, for each term, the shortest word that has it.
func surfaceForms(nterms int, lex *lexicon) []string {
	out := make([]string, nterms)
	for w, id := range lex.wordTerm {
		if cur := out[id]; cur == "" || len(w) < len(cur) || len(w) == len(cur) && w < cur {
			out[id] = w
		}
	}
	return out
}
