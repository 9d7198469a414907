package facts

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
)

// Ranking runs in two stages. The first finds the passages (paragraphs, or
// pieces of long ones) that match the question best, term at a time over
// the postings: BM25 over the passage plus a share of the same over its
// article's title. Within a concept group only the best-matching form
// counts, so a passage that says both "crypto" and "cryptocurrency" is not
// counted twice. The second stage reads the tokens of every fact of the best
// passages and scores it on features: its own BM25 and the share of the
// question it covers, the context around it (its passage and title),
// proximity of the question's concepts in it, and whether it holds the kind
// of answer asked for (an amount for "how much") that the question did not
// itself name. A fact is thus found through its context ("It is alleged
// that they have stolen…" is about North Korea through its paragraph and
// title) but must itself say something the question asks about.

// Ranking parameters, tuned on SQuAD train and the seed questions.
const (
	bm25K1 = 1.2
	passB  = 0.3 // BM25 length normalisation for passages
	sentB  = 0.5 // and for facts

	wTitle      = 0.3 // stage 1: a concept in the article title, against one in the passage
	topPassages = 6   // passages that go on to the second stage
	proxReach   = 4   // tokens apart, at most, for proximity to count
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

// scratch is the working memory of one question, reused through a pool.
type scratch struct {
	z       *tokenizer
	words   []string
	ids     []uint32
	typos   []uint32 // terms within a typo of a question word
	pass    level
	arts    level
	serial  uint32
	order   []int
	top     []scored
	kth     []scored
	live    []uint32 // the passages still in the running, once pruning starts
	cands   []cand
	feats   [][nFeatures]float32
	extract extract
	table   altTable
	found   []hit
}

func (b *Base) newScratch() *scratch {
	return &scratch{
		z:     newTokenizer(),
		feats: make([][nFeatures]float32, 0, topPassages*maxPassageFacts),
		pass:  newLevel(len(b.passages)),
		arts:  newLevel(len(b.articles)),
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
		clear(s.pass.cells)
		clear(s.arts.cells)
		s.serial = 1
	}
	return s.serial
}

// A scored is a passage and its first-stage score.
type scored struct {
	id    uint32
	score float32
}

// A cand is a fact in the second stage.
type cand struct {
	fact    uint32
	score   float32
	x       *[nFeatures]float32 // in scratch.feats
	typed   bool
	defines bool   // the fact defines the name the question asks about
	matched uint64 // bit i: concept group i is in the fact
}

// rank scores the facts for q and returns the candidates, best first.
//
// The first stage is exhaustive in effect but skips work the way MaxScore
// does: concept groups are taken from the most to the least important, and
// once the groups left could not lift a passage to the best topPassages so
// far, only the passages they could still lift stay in the running, and the
// remaining groups look those up in their postings by binary search instead
// of scanning the postings whole.
func (b *Base) rank(s *scratch, q *query, total float32) []cand {
	s.pass.reset()
	s.arts.reset()
	order := s.order[:0]
	var restTop float32 // the sum of the tops of the groups not yet taken
	for gi := range q.groups {
		order = append(order, gi)
		restTop += q.groups[gi].top
	}
	rest := restTop * (b.maxPnorm + wTitle) // the most they can add to a passage's score
	slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(q.groups[y].top, q.groups[x].top) })
	s.order = order
	pruning := false
	tryBelow := rest / 2 // look for the floor once rest drops under this
	for _, gi := range order {
		g := &q.groups[gi]
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
	s.table.reset(b, q)
	s.cands = s.cands[:0]
	s.feats = s.feats[:0]
	for _, p := range s.top {
		ps := &b.passages[p.id]
		passRaw := s.pass.cells[p.id].acc
		for f := ps.first; f < ps.first+ps.nfacts; f++ {
			s.feats = append(s.feats, [nFeatures]float32{}) // no growth: cap is the most facts of topPassages
			c := cand{fact: f, x: &s.feats[len(s.feats)-1]}
			b.rerank(s, q, &c, passRaw)
			for _, i := range []int{xSent, xCover, xCtx, xTitle, xProx, xNames} {
				c.x[i] /= total
			}
			for i, w := range b.weights.Features {
				c.score += float32(w) * c.x[i]
			}
			s.cands = append(s.cands, c)
		}
	}
	gate := q.want&gatedKinds != 0
	// A question that asks whether something is so about someone ("Did
	// Trump respond…?") is answered by a fact that names them, not one that
	// leans on its context for them: such facts come first.
	var names uint64 // the subject: the question's first name
	if q.yesNo {
		for gi, g := range q.groups {
			if g.name && gi < 64 {
				names = 1 << gi
				break
			}
		}
	}
	// A question that asks what or who a name is is answered by a fact that
	// defines it ("Pyongyang – North Korea’s capital city"): such facts
	// come first.
	if q.defines != "" {
		for i := range s.cands {
			s.cands[i].defines = defines(b.facts[s.cands[i].fact].text, q.defines)
		}
	}
	slices.SortFunc(s.cands, func(x, y cand) int {
		if x.defines != y.defines {
			if x.defines {
				return -1
			}
			return 1
		}
		if gate && x.typed != y.typed {
			if x.typed {
				return -1
			}
			return 1
		}
		if xn, yn := x.matched&names == names, y.matched&names == names; xn != yn {
			if xn {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(y.score, x.score); c != 0 {
			return c
		}
		return cmp.Compare(x.fact, y.fact)
	})
	return s.cands
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
		top = pushTop(top, scored{p, b.passScore(s, p)}, topPassages)
	}
	return top
}

// defines reports whether text defines name: the name followed by an
// apposition ("Pyongyang – North Korea’s capital", "RUSI, a think tank")
// or by "is a", "was the"…, or in brackets after its long form.
func defines(text, name string) bool {
	lower, n := strings.ToLower(text), strings.ToLower(name)
	for from := 0; ; {
		i := strings.Index(lower[from:], n)
		if i < 0 {
			return false
		}
		rest := strings.TrimLeft(lower[from+i+len(n):], " \u00a0")
		for _, p := range appositions {
			if strings.HasPrefix(rest, p) {
				return true
			}
		}
		if i > 0 && lower[from+i-1] == '(' && strings.HasPrefix(rest, ")") {
			return true // "Royal United Services Institute (RUSI)"
		}
		from += i + len(n)
	}
}

// appositions open what defines the name before them.
var appositions = []string{"–", "—", "- ", "(", ", a ", ", an ", ", the ", "is a ", "is an ", "is the ",
	"was a ", "was an ", "was the ", "are ", "were ", "refers to "}

// gatedKinds are the kinds of answer that a fact must have to answer a
// question that asks for them: a fact with no amount in it cannot say "how
// much". Such facts rank below every fact that has one.
var gatedKinds = kMoney | kCount | kPercent

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
