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
// group of several forms only the best form counts: the forms come best
// first, and gmark records the group that last added to a document, so a
// later, weaker form of the same group adds nothing.
type level struct {
	cells   []cell
	touched []uint32
}

type cell struct {
	acc   float32
	gmark uint32 // serial number of the group that last added to acc
}

func newLevel(n int) level { return level{cells: make([]cell, n)} }

// reset forgets the last question's scores.
func (l *level) reset() {
	for _, id := range l.touched {
		l.cells[id].acc = 0
	}
	l.touched = l.touched[:0]
}

// add adds v > 0 to document id's score for group gs, unless the group
// already added to it.
func (l *level) add(id uint32, v float32, gs uint32) {
	c := &l.cells[id]
	if c.gmark == gs {
		return
	}
	if c.acc == 0 {
		l.touched = append(l.touched, id)
	}
	c.acc += v
	c.gmark = gs
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
// does: concept groups are taken from the most to the least important, and
// once the groups left could not lift a passage to the best topPassages so
// far, only the passages they could still lift stay in the running, and the
// remaining groups look those up in their postings by binary search instead
// of scanning the postings whole.
func (b *Base) retrieve(s *scratch, c *compiled) []scored {
	s.pass.reset()
	s.arts.reset()
	order := s.order[:0]
	var restTop float32 // the sum of the tops of the groups not yet taken
	for gi := range c.groups {
		order = append(order, gi)
		restTop += c.groups[gi].top
	}
	rest := restTop * (b.maxPnorm + wTitle) // the most they can add to a passage's score
	slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(c.groups[y].top, c.groups[x].top) })
	s.order = order
	pruning := false
	tryBelow := rest / 2 // look for the floor once rest drops under this
	for _, gi := range order {
		g := &c.groups[gi]
		gs := s.next()
		restTop -= g.top
		rest = restTop * (b.maxPnorm + wTitle)
		for _, a := range g.alts { // best first
			list := b.passPost.list(a.term)
			switch {
			case pruning && len(s.live)*bits.Len(uint(len(list))) < len(list):
				for _, p := range s.live {
					if _, ok := slices.BinarySearch(list, p); ok {
						s.pass.add(p, a.v, gs)
					}
				}
			case pruning:
				for _, p := range list {
					if s.pass.cells[p].acc != 0 { // touched: the live are among them
						s.pass.add(p, a.v, gs)
					}
				}
			default:
				for _, p := range list {
					s.pass.add(p, a.v, gs)
				}
			}
			for _, ar := range b.titlePost.list(a.term) {
				s.arts.add(ar, a.v, gs)
			}
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
					}
				}
			}
		}
	}
	passages := s.pass.touched
	if pruning {
		passages = s.live
	}
	s.top = b.topPassages(s, passages, s.top[:0])
	for i := range s.top {
		s.top[i].raw = s.pass.cells[s.top[i].id].acc
	}
	return s.top
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
