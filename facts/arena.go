package facts

import "github.com/factbot/factbot/facts/internal/text"

// scratch is the working memory of one question, reused through a pool:
// Ask owns it and passes it down the stages, each of which keeps its own
// buffers in it; no stage reads another's buffers, only the values the
// stages return.
type scratch struct {
	z       *text.Tokenizer
	toks    []text.Token // the query's
	words   []string     // the query's
	ids     []uint32
	groups  []group  // the compiled query's
	cwords  []string // the words the spelling corrector reads
	ckeep   []bool   // and those it keeps as they are
	cat     []int    // the token of each
	typos   []uint32 // terms within a typo of a question word
	pass    level
	arts    level
	order   []int
	terms   []retrievalTerm
	top     []scored
	kth     []scored
	live    []uint32 // the passages still in the running, once pruning starts
	liveSet []uint64 // the same as a bit set
	cands   []cand
	linear  []float32 // the candidates' linear scores, sorted, to find the trees' share
	feats   [][nFeatures]float32
	extract extract
	// spans and spanScores are the span model's candidates (span.go).
	spans      []spanCand
	spanScores []float64
	shortlist  []int
	table      altTable
	learned    altTable  // the compiled query's learned words
	lp         []float32 // the best learned probability of each group in a fact
	found      []hit
}

func (b *Base) newScratch() *scratch {
	return &scratch{
		z:       text.NewTokenizer(),
		feats:   make([][nFeatures]float32, 0, topPassages*maxPassageFacts),
		pass:    newLevel(len(b.passages)),
		liveSet: make([]uint64, (len(b.passages)+63)/64),
		arts:    newLevel(len(b.articles)),
	}
}

func (b *Base) getScratch() *scratch {
	if s, ok := b.pool.Get().(*scratch); ok {
		return s
	}
	return b.newScratch()
}
