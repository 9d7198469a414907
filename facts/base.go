package facts

import (
	"sync"
	"unicode/utf8"

	"github.com/factbot/factbot/facts/internal/spell"
	"github.com/factbot/factbot/facts/internal/text"
)

// A Base is a fact base: articles split into facts (sentences) and an index
// that matches questions against them. A Base is immutable once built and
// safe for concurrent use.
type Base struct {
	articles    []Article
	problems    []Problem
	facts       []fact
	passages    []passage
	passArticle []uint32 // passage → article, apart for the first stage's sake

	terms     []string            // term id → term (a stem, a number, or a synthetic alias term)
	termID    map[string]uint32   // term → id
	wordTerm  map[string]uint32   // folded word → term id, so that questions skip the stemmer
	synonyms  map[string][]uint32 // term → terms of its synonym groups
	idf       []float32           // term id → inverse document frequency over passages
	termFlags []termFlag          // term id → what kind of word it is
	vocab     vocabulary          // lookup of terms by prefix, typo and abbreviation

	seq []uint32     // the term ids of every fact's tokens, fact after fact
	cls []text.Class // the class of each token in seq

	passPost  postings // term → passages
	titlePost postings // term → articles whose title has the term

	titles  [][]uint32 // article → term ids of its title
	surface []string   // term id → the shortest word that has it

	topics   topicIndex // names the facts mention, for suggestions
	phrases  phraseTable
	norm     []float32 // fact → BM25 length factor, (k1+1) / (1 + k1·(1-b+b·len/avgLen))
	pnorm    []float32 // passage → BM25 length factor
	maxPnorm float32   // the largest pnorm
	pool     sync.Pool // of *scratch
	// main is the name most of the articles' titles give (subject.go),
	// found once, on first use.
	mainOnce sync.Once
	main     string
	// nameWordSet is the words of the names the facts mention
	// (followup_names.go).
	nameWordSet map[string]bool
	// proper is the words of nameWordSet that no article writes in lower
	// case (properWord).
	proper map[string]bool
	// joinedNames maps a name of several words the facts mention, written
	// as one in lower case ("wannacry"), to the name (correct.go).
	joinedNames map[string]string
	maxIDF      float32    // the idf of a term no passage has
	weights     Weights    // of the ranking and the confidence model
	spanModel   *spanModel // the reader's last resort (span.go), or nil for none
	forest      forest     // weights.Trees, compiled
	expandW     [nExpanders]float32
	spell       *spell.Corrector // nil when it could not be built
	learned     map[string][]learnedPair
	// lemmaTerms caches lemmaTerm: a WordNet lemma → its term id, or
	// math.MaxUint32 for none. It grows with the lemmas questions reach,
	// at most WordNet's 147,000.
	lemmaTerms cache[string, uint32]
	// expansions caches what the expanders propose for a question word
	// (compile.go), at most maxExpansions words.
	expansions cache[expansionKey, *expanded]
}

// A termFlag tells what kind of word a term is.
type termFlag uint8

const (
	fReason  termFlag = 1 << iota // a word that gives a cause: "because", "due", "tactic"
	fPercent                      // "percent"
)

// A fact is one sentence of an article body.
type fact struct {
	text    string // the sentence, verbatim
	article uint32 // index in Base.articles
	para    uint32 // paragraph number in its article, from 1
	passage uint32 // index in Base.passages
	tok     uint32 // its tokens are seq[tok : tok+ntok]
	ntok    uint16
	blen    uint16 // BM25 length: indexed tokens, without extra forms
	denies  bool   // it has a word of negation ("not", "never")
}

// A passage is the unit of first-stage retrieval: a paragraph, or a piece
// of at most maxPassageFacts facts of a long one.
type passage struct {
	article uint32
	first   uint32 // its first fact
	nfacts  uint32
	blen    uint32 // BM25 length: the sum of its facts'
}

// postings maps each term id to a sorted list of ids (facts, paragraphs or
// articles): list t is ids[off[t]:off[t+1]].
type postings struct {
	off []uint32
	ids []uint32
}

func (p *postings) list(t uint32) []uint32 {
	if int(t)+1 >= len(p.off) {
		return nil
	}
	return p.ids[p.off[t]:p.off[t+1]]
}

// Articles returns the articles of the base, in id order.
func (b *Base) Articles() []Article { return b.articles }

// Article returns the article whose ID is id, as a citation's Source names
// it, and whether the base has it.
func (b *Base) Article(id string) (Article, bool) {
	for _, a := range b.articles {
		if a.ID == id {
			return a, true
		}
	}
	return Article{}, false
}

// Problems returns the files that were skipped when the base was loaded.
func (b *Base) Problems() []Problem { return b.problems }

// Len returns the number of facts.
func (b *Base) Len() int { return len(b.facts) }

// A Fact is one sentence of the fact base and where it stands.
type Fact struct {
	Article   *Article
	Paragraph int // from 1
	Text      string
}

// Facts calls yield for each fact, in article and paragraph order, until
// yield returns false.
func (b *Base) Facts(yield func(Fact) bool) {
	for i := range b.facts {
		if !yield(b.factAt(uint32(i))) {
			return
		}
	}
}

func (b *Base) factAt(i uint32) Fact {
	f := &b.facts[i]
	return Fact{Article: &b.articles[f.article], Paragraph: int(f.para), Text: f.text}
}

// tokens returns the term ids and classes of fact i.
func (b *Base) tokens(i uint32) ([]uint32, []text.Class) {
	f := &b.facts[i]
	return b.seq[f.tok : f.tok+uint32(f.ntok)], b.cls[f.tok : f.tok+uint32(f.ntok)]
}

// citation returns fact i as citation number n.
func (b *Base) citation(i uint32, n int) Citation {
	f := &b.facts[i]
	a := &b.articles[f.article]
	return Citation{
		N: n, Source: a.ID, Title: a.Title, Publisher: a.Publisher, URL: a.URL,
		Paragraph: int(f.para), Quote: f.text,
	}
}

// truncate shortens s to at most n bytes at a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
