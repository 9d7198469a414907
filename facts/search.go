package facts

import (
	"cmp"
	"slices"
)

// Ranking runs in two stages. The first scores every fact that shares a
// term with the question, term at a time over the postings: BM25 over the
// sentence, plus the same over its paragraph and its article's title, plus
// a bonus when the fact mentions the kind of thing the question asks for.
// Within a concept group only the best-matching form counts, so a fact that
// says both "crypto" and "cryptocurrency" is not counted twice. The best
// firstStageK facts go on to the second stage, which reads their tokens:
// each concept counts once, at the sentence if the sentence has it, else at
// the paragraph or title, discounted; concepts found close together in the
// order the question gives them add a proximity bonus; the answer-type
// bonus counts only things the question did not itself name.

// Ranking parameters, tuned on SQuAD train and the seed questions.
const (
	bm25K1 = 1.2
	bm25B  = 0.5

	wPara     = 0.3 // a concept found in the fact's paragraph but not the fact
	wTitle    = 0.3 // a concept found in the fact's article title but not the fact
	wType     = 0.8 // the fact has the kind of answer asked for, × mean concept weight
	wProx     = 0.5 // neighbouring concepts found near each other
	proxReach = 4   // tokens apart, at most, for proximity to count

	firstStageK = 40
)

// A cell accumulates one document's score for one question; within a
// concept group only the best form counts.
type cell struct {
	acc, best   float32
	mark, gmark uint32 // query and group serial numbers that acc and best belong to
}

// A level accumulates scores for one kind of document: facts, paragraphs,
// or articles.
type level struct {
	cells   []cell
	touched []uint32
}

func (l *level) add(id uint32, v float32, qs, gs uint32) {
	c := &l.cells[id]
	if c.mark != qs {
		*c = cell{acc: v, best: v, mark: qs, gmark: gs}
		l.touched = append(l.touched, id)
		return
	}
	if c.gmark != gs {
		c.gmark, c.best = gs, v
		c.acc += v
		return
	}
	if v > c.best {
		c.acc += v - c.best
		c.best = v
	}
}

func (l *level) get(id, qs uint32) float32 {
	if c := &l.cells[id]; c.mark == qs {
		return c.acc
	}
	return 0
}

// scratch is the working memory of one question, reused through a pool.
type scratch struct {
	z      *tokenizer
	words  []string
	ids    []uint32
	facts  level
	paras  level
	arts   level
	serial uint32
	cands  []cand
	table  altTable
	found  []hit
}

func (b *Base) newScratch() *scratch {
	return &scratch{
		z:     newTokenizer(),
		facts: level{cells: make([]cell, len(b.facts))},
		paras: level{cells: make([]cell, len(b.paras))},
		arts:  level{cells: make([]cell, len(b.articles))},
	}
}

func (b *Base) getScratch() *scratch {
	if s, ok := b.pool.Get().(*scratch); ok {
		return s
	}
	return b.newScratch()
}

func (s *scratch) next() uint32 {
	s.serial++
	if s.serial == 0 { // wrapped: forget every old mark
		for _, l := range []*level{&s.facts, &s.paras, &s.arts} {
			clear(l.cells)
		}
		s.serial = 1
	}
	return s.serial
}

// A cand is a fact on its way through the ranking.
type cand struct {
	fact  uint32
	score float32
	// Second-stage features.
	sentImp  float32 // importance of the concepts the fact itself has
	ctxImp   float32 // importance of the concepts found only around it
	typed    bool    // has an answer of the asked-for kind that the question did not name
	matched  uint64  // bit i: concept group i is in the fact
	inTitle  uint64  // bit i: concept group i is in the article title
	firstPos int     // position of the first matched token
}

// rank scores the facts for q and returns the best candidates, best first.
func (b *Base) rank(s *scratch, q *query) []cand {
	qs := s.next()
	s.facts.touched = s.facts.touched[:0]
	s.paras.touched = s.paras.touched[:0]
	s.arts.touched = s.arts.touched[:0]
	for _, g := range q.groups {
		gs := s.next()
		scale := float32(1)
		if g.chatter {
			scale = wChatter
		}
		for _, a := range g.alts {
			v := a.w * b.idf[a.term] * scale
			for _, f := range b.sentPost.list(a.term) {
				s.facts.add(f, v*b.norm[f], qs, gs)
			}
			for _, p := range b.paraPost.list(a.term) {
				s.paras.add(p, v, qs, gs)
			}
			for _, ar := range b.titlePost.list(a.term) {
				s.arts.add(ar, v, qs, gs)
			}
		}
	}
	typeBonus := wType * meanImp(q)
	s.cands = s.cands[:0]
	for _, f := range s.facts.touched {
		ft := &b.facts[f]
		sc := s.facts.cells[f].acc + wPara*s.paras.get(ft.para, qs) + wTitle*s.arts.get(ft.article, qs)
		if ft.kinds&q.want != 0 {
			sc += typeBonus
		}
		s.cands = pushTop(s.cands, cand{fact: f, score: sc}, firstStageK)
	}
	s.table.reset(b, q)
	for i := range s.cands {
		b.rerank(s, q, &s.cands[i], qs, typeBonus)
	}
	slices.SortFunc(s.cands, func(x, y cand) int {
		if c := cmp.Compare(y.score, x.score); c != 0 {
			return c
		}
		return cmp.Compare(x.fact, y.fact)
	})
	return s.cands
}

// meanImp is the mean importance of a query's content groups.
func meanImp(q *query) float32 {
	var sum float32
	n := 0
	for _, g := range q.groups {
		if !g.chatter {
			sum += g.imp
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float32(n)
}

// pushTop adds c to top, which keeps the k best candidates as a min-heap on
// score (ties: the later fact is the smaller).
func pushTop(top []cand, c cand, k int) []cand {
	less := func(x, y cand) bool { return x.score < y.score || x.score == y.score && x.fact > y.fact }
	if len(top) < k {
		top = append(top, c)
		for i := len(top) - 1; i > 0; {
			p := (i - 1) / 2
			if !less(top[i], top[p]) {
				break
			}
			top[i], top[p] = top[p], top[i]
			i = p
		}
		return top
	}
	if !less(top[0], c) {
		return top
	}
	top[0] = c
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < k && less(top[l], top[m]) {
			m = l
		}
		if r < k && less(top[r], top[m]) {
			m = r
		}
		if m == i {
			return top
		}
		top[i], top[m] = top[m], top[i]
		i = m
	}
}

// A hit is a concept group found in a fact: where, and how well.
type hit struct {
	group int
	pos   int
	v     float32
}

// rerank scores one candidate from its tokens.
func (b *Base) rerank(s *scratch, q *query, c *cand, qs uint32, typeBonus float32) {
	ft := &b.facts[c.fact]
	seq, cls := b.tokens(c.fact)
	ng := min(len(q.groups), 64)
	best := s.found[:0]
	for range ng {
		best = append(best, hit{pos: -1})
	}
	var unmatched class // classes of tokens the question does not match
	place := false      // a name after a place preposition ("in Seoul") that the question does not match
	prevCap := false
	pos := 0
	for k, t := range seq {
		cl := cls[k]
		if cl&cAux == 0 {
			pos++
		}
		gi, w, ok := s.table.find(t)
		if ok && gi < ng {
			if h := &best[gi]; w > h.v {
				h.v, h.group = w, gi
				if h.pos < 0 {
					h.pos = pos
				}
			}
			prevCap = false
			continue
		}
		if cl&cAux != 0 || stopwords[b.terms[t]] && cl&cCap == 0 {
			continue
		}
		unmatched |= cl
		if cl&cCap != 0 && k > 0 && !prevCap && placePreps[b.terms[seq[k-1]]] {
			place = true
		}
		prevCap = cl&cCap != 0
	}
	s.found = best

	var sent, sentRaw, sentImp, titleImp float32
	title := b.titles[ft.article]
	for gi := range ng {
		g := &q.groups[gi]
		h := best[gi]
		if h.v > 0 {
			v := h.v
			sent += v * b.norm[c.fact]
			sentRaw += v
			if !g.chatter {
				sentImp += g.imp
			}
			c.matched |= 1 << gi
			continue
		}
		for _, a := range g.alts {
			if slices.Contains(title, a.term) {
				titleImp += a.w * b.idf[a.term]
				c.inTitle |= 1 << gi
				break
			}
		}
	}
	ctx := max(0, s.paras.get(ft.para, qs)-sentRaw)
	c.sentImp = sentImp
	c.ctxImp = ctx + titleImp

	var prox float32
	for gi := 1; gi < ng; gi++ {
		x, y := best[gi-1], best[gi]
		if x.v == 0 || y.v == 0 {
			continue
		}
		d := y.pos - x.pos
		if d < 0 {
			d = -d
		}
		if d >= 1 && d <= proxReach {
			prox += min(x.v, y.v) / float32(d)
		}
	}
	c.typed = q.want != 0 && (answersKind(q.want, unmatched) || q.want&kPlace != 0 && place)
	c.score = sent + wPara*ctx + wTitle*titleImp + wProx*prox
	if c.typed {
		c.score += typeBonus
	}
}

// answersKind reports whether tokens of the given classes answer a question
// that asks for kind want.
func answersKind(want kind, cl class) bool {
	switch {
	case want&kMoney != 0 && cl&cMoney != 0:
		return true
	case want&kCount != 0 && cl&cNum != 0 && cl&cYear == 0:
		return true
	case want&kPercent != 0 && cl&cNum != 0:
		return true
	case want&kDate != 0 && cl&(cYear|cDate) != 0:
		return true
	case want&kName != 0 && cl&cCap != 0:
		return true
	}
	return false
}

// An altTable maps the terms of a query to their concept group and value
// (weight × idf): a small open-addressing hash table, rebuilt for each
// question.
type altTable struct {
	keys  []uint32
	group []int
	v     []float32
	mask  uint32
}

const emptySlot = ^uint32(0)

func (t *altTable) reset(b *Base, q *query) {
	n := 0
	for _, g := range q.groups {
		n += len(g.alts)
	}
	size := 16
	for size < 2*n {
		size *= 2
	}
	if cap(t.keys) < size {
		t.keys = make([]uint32, size)
		t.group = make([]int, size)
		t.v = make([]float32, size)
	}
	t.keys, t.group, t.v = t.keys[:size], t.group[:size], t.v[:size]
	for i := range t.keys {
		t.keys[i] = emptySlot
	}
	t.mask = uint32(size - 1)
	for gi, g := range q.groups {
		scale := float32(1)
		if g.chatter {
			scale = wChatter
		}
		for _, a := range g.alts {
			t.put(a.term, gi, a.w*b.idf[a.term]*scale)
		}
	}
}

func (t *altTable) put(term uint32, group int, w float32) {
	for i := (term * 2654435761) & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case emptySlot:
			t.keys[i], t.group[i], t.v[i] = term, group, w
			return
		case term:
			if w > t.v[i] {
				t.group[i], t.v[i] = group, w
			}
			return
		}
	}
}

func (t *altTable) find(term uint32) (int, float32, bool) {
	for i := (term * 2654435761) & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case emptySlot:
			return 0, 0, false
		case term:
			return t.group[i], t.v[i], true
		}
	}
}
