package facts

import (
	"cmp"
	"math/bits"
	"slices"
)

// The third stage: retrieve finds the passages (paragraphs, or pieces of
// long ones) that match the compiled query best, term at a time over the
// postings: BM25 over the passage plus a share of the same over its
// article's title. Within a concept group only the best-matching form
// counts, so that a passage that says both "crypto" and "cryptocurrency"
// is not counted twice.

// BM25 and first-stage parameters. k1 is BM25's usual value; the length
// normalisations are weaker than BM25's usual 0.75 because passages and
// facts are short and of even length (a paragraph of news, a sentence);
// they and wTitle were set by hand on SQuAD train, as was topPassages,
// past which more passages cost time and bring no better first fact.
const (
	bm25K1 = 1.2
	passB  = 0.3 // BM25 length normalisation for passages
	sentB  = 0.5 // and for facts

	wTitle      = 0.3 // a concept in the article title, against one in the passage
	topPassages = 6   // passages that go on to the reader
)

// A level accumulates the scores of one kind of document, passages or
// articles, for one question: acc is dense, zero for documents not touched,
// and reset through touched when the next question starts. Within a concept
// group of several forms only the best form counts: each group has a bit,
// its forms come best first, and seen records the groups that have added to
// a document, so a later, weaker form of the same group adds nothing.
type level struct {
	cells   []cell
	touched []uint32
}

type cell struct {
	acc  float32
	seen uint32 // the bits of the groups that have added to acc
}

func newLevel(n int) level { return level{cells: make([]cell, n)} }

// reset forgets the last question's scores.
func (l *level) reset() {
	for _, id := range l.touched {
		l.cells[id] = cell{}
	}
	l.touched = l.touched[:0]
}

// add adds v to document id's score for the group with bit gbit, unless
// the group already added to it.
func (l *level) add(id uint32, v float32, gbit uint32) {
	c := &l.cells[id]
	if c.seen&gbit != 0 {
		return
	}
	if c.seen == 0 {
		l.touched = append(l.touched, id)
	}
	c.acc += v
	c.seen |= gbit
}

// A scored is a passage and its first-stage score.
type scored struct {
	id    uint32
	score float32
	raw   float32 // the passage's own match, without its length factor or its title
}

// retrieve returns the best topPassages passages for c, best last (a heap).
//
// The first stage is exhaustive in effect but skips work the way MaxScore
// does: the index terms of every group are taken together from the most to
// the least valuable (so a common word's weak expansions come last), and
// once what is left could not lift a passage to the best topPassages so
// far, only the passages it could still lift stay in the running, and the
// remaining terms look those up in their postings by binary search instead
// of scanning the postings whole. What is left is, for each group, the
// value of its best form not yet taken: a group counts once per passage.
func (b *Base) retrieve(s *scratch, c *compiled) []scored {
	s.pass.reset()
	s.arts.reset()
	var restTop float32 // the sum of the tops of what is not yet taken
	b.retrievalTerms(s, c)
	for _, t := range s.terms {
		restTop += t.v - t.next
	}
	rest := restTop * (b.maxPnorm + wTitle) // the most it can add to a passage's score
	pruning := false
	tryBelow := rest / 2 // look for the floor once rest drops under this
	for _, t := range s.terms {
		restTop -= t.v - t.next
		rest = restTop * (b.maxPnorm + wTitle)
		list := b.passPost.list(t.term)
		switch {
		case pruning && len(s.live)*bits.Len(uint(len(list))) < len(list):
			for _, p := range s.live {
				if _, ok := slices.BinarySearch(list, p); ok {
					s.pass.add(p, t.v, t.bit)
				}
			}
		case pruning:
			for _, p := range list {
				if s.liveSet[p>>6]&(1<<(p&63)) != 0 {
					s.pass.add(p, t.v, t.bit)
				}
			}
		default:
			for _, p := range list {
				s.pass.add(p, t.v, t.bit)
			}
		}
		for _, ar := range b.titlePost.list(t.term) {
			s.arts.add(ar, t.v, t.bit)
		}
		if !pruning && rest > 0 && rest < tryBelow && len(s.pass.touched) >= topPassages {
			tryBelow = rest / 2
			s.kth = b.topPassages(s, s.pass.touched, s.kth[:0])
			if floor := s.kth[0].score; rest < floor {
				// Only passages that the rest could lift to the floor stay.
				pruning = true
				s.live = s.live[:0]
				for _, p := range s.pass.touched {
					if b.passScore(s, p)+restTop*(b.pnorm[p]+wTitle) >= floor {
						s.live = append(s.live, p)
						s.liveSet[p>>6] |= 1 << (p & 63)
					}
				}
			}
		}
	}
	passages := s.pass.touched
	if pruning {
		passages = s.live
		for _, p := range s.live {
			s.liveSet[p>>6] = 0
		}
	}
	s.top = b.topPassages(s, passages, s.top[:0])
	for i := range s.top {
		s.top[i].raw = s.pass.cells[s.top[i].id].acc
	}
	return s.top
}

// A retrievalTerm is one index term of a compiled query's group, with the
// group's bit in a level's cells and the value of the group's next form.
type retrievalTerm struct {
	term    uint32
	v, next float32
	bit     uint32
}

// maxRetrievalGroups is the most groups of a question the first stage
// reads, the most important (each needs a bit of a cell's seen); the
// reader still reads them all. A question of more is a long paragraph.
const maxRetrievalGroups = 32

// retrievalTerms sets s.terms to c's index terms, most valuable first (a
// group's forms stay best first).
func (b *Base) retrievalTerms(s *scratch, c *compiled) {
	gs, ts := s.order[:0], s.terms[:0]
	for gi := range c.groups {
		if len(c.groups[gi].alts) > 0 {
			gs = append(gs, gi)
		}
	}
	slices.SortStableFunc(gs, func(x, y int) int { return cmp.Compare(c.groups[y].top, c.groups[x].top) })
	for k, gi := range gs[:min(len(gs), maxRetrievalGroups)] {
		alts := c.groups[gi].alts
		for i, a := range alts {
			t := retrievalTerm{term: a.term, v: a.v, bit: 1 << k}
			if i+1 < len(alts) {
				t.next = alts[i+1].v
			}
			ts = append(ts, t)
		}
	}
	slices.SortStableFunc(ts, func(x, y retrievalTerm) int { return cmp.Compare(y.v, x.v) })
	s.order, s.terms = gs, ts
}

// passScore is passage p's first-stage score so far.
func (b *Base) passScore(s *scratch, p uint32) float32 {
	return s.pass.cells[p].acc*b.pnorm[p] + wTitle*s.arts.cells[b.passArticle[p]].acc
}

// topPassages returns the best topPassages of the passages ids.
func (b *Base) topPassages(s *scratch, ids []uint32, top []scored) []scored {
	var maxArt float32
	for _, a := range s.arts.touched {
		maxArt = max(maxArt, s.arts.cells[a].acc)
	}
	for _, p := range ids {
		if len(top) == topPassages && s.pass.cells[p].acc*b.maxPnorm+wTitle*maxArt < top[0].score {
			continue // cannot make it
		}
		top = pushTop(top, scored{id: p, score: b.passScore(s, p)}, topPassages)
	}
	return top
}

// pushTop adds c to top, which keeps the k best as a min-heap on score
// (ties: the later id is the smaller).
func pushTop(top []scored, c scored, k int) []scored {
	less := func(x, y scored) bool { return x.score < y.score || x.score == y.score && x.id > y.id }
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
