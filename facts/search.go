package facts

import (
	"cmp"
	"math/bits"
	"slices"
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

// Second-stage features. Those that measure matches are shares of the
// question's total importance, so that scores compare across questions; the
// rest are 0 or 1, or small numbers. Their weights are fitted on data: see
// weights.go.
const (
	xSent   = iota // the fact's own BM25 score
	xCover         // importance of the concepts the fact has
	xCtx           // importance of the concepts only its passage has
	xTitle         // importance of the concepts only its article's title has
	xProx          // neighbouring concepts of the question close together in the fact
	xAmount        // 1 if it has the amount, count or share asked for, not named in the question
	xDate          // 1 if it has the date asked for, not named in the question
	xName          // 1 if it has a name asked for, not named in the question nor the article's title
	xReason        // 1 if it has a word of cause asked for ("because", "due")
	xNear          // 1/distance from an answer of the kind asked for to a word of the question, if close
	xList          // 1 if the question asks for several things and the fact names several
	xFocus         // 1/distance from an answer of the kind asked for to the thing asked about, if close
	xLead          // 1 if it opens its paragraph
	xNames         // importance of the question's names (capitalised words) the fact has
	xLen           // log2 of the fact's length in words, over 5
	xOrder         // share of the matched neighbouring concepts found in the question's order
	nFeatures
)

// FeatureNames names the second-stage features, in order, as Explain
// reports them.
var FeatureNames = [nFeatures]string{
	xSent: "bm25", xCover: "cover", xCtx: "context", xTitle: "title",
	xProx: "proximity", xAmount: "amount", xDate: "date", xName: "name", xReason: "reason", xNear: "near", xList: "list", xFocus: "focus", xLead: "lead", xNames: "names", xLen: "length",
	xOrder: "order",
}

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
			for i, w := range featureWeights {
				c.score += w * c.x[i]
			}
			s.cands = append(s.cands, c)
		}
	}
	gate := q.want&gatedKinds != 0
	// A question that asks whether something is so about someone is
	// answered by a fact that names them, not one that leans on its context
	// for them: such facts come first.
	var names uint64
	if q.yesNo {
		for gi, g := range q.groups {
			if g.name && gi < 64 {
				names |= 1 << gi
			}
		}
	}
	slices.SortFunc(s.cands, func(x, y cand) int {
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

// A hit is a concept group found in a fact: where, and how well.
type hit struct {
	pos int
	v   float32
}

// rerank computes the second-stage features of one fact from its tokens,
// before their division by the question's total importance.
func (b *Base) rerank(s *scratch, q *query, c *cand, passRaw float32) {
	ft := &b.facts[c.fact]
	seq, cls := b.tokens(c.fact)
	ng := min(len(q.groups), 64)
	best := s.found[:0]
	for range ng {
		best = append(best, hit{pos: -1})
	}
	var found kind // kinds of answer among the tokens the question does not match
	vague := false // a number in words only ("thousands")
	title := b.titles[ft.article]
	want := q.want
	if want&(kMoney|kCount|kPercent) != 0 {
		want |= kMoney | kCount | kPercent
	}
	// How close the nearest answer of the kind asked for comes to a word of
	// the question, and how many separate names the fact has.
	near, focus := proxReach+1, proxReach+1
	lastMatch, lastFocus, lastTyped := -1<<20, -1<<20, -1<<20
	nameRuns, prevName := 0, false
	pos := 0
	for k, t := range seq {
		cl := cls[k]
		if cl&cAux == 0 {
			pos++
		}
		if gi, v, ok := s.table.find(t); ok && gi < ng {
			if h := &best[gi]; v > h.v {
				h.v = v
				if h.pos < 0 {
					h.pos = pos
				}
			}
			if cl&cAux == 0 {
				lastMatch = pos
				near = min(near, pos-lastTyped)
				if q.groups[gi].focus {
					lastFocus = pos
					focus = min(focus, pos-lastTyped)
				}
			}
			prevName = false
			continue
		}
		if cl&cAux != 0 {
			continue
		}
		f := b.termFlags[t]
		var k kind
		switch {
		case cl&cMoney != 0:
			k = kMoney
		case cl&cYear != 0:
			k = kDate
		case cl&cVague != 0:
			vague = true
			k = kCount
		case cl&cNum != 0:
			k = kCount
		case cl&cDate != 0:
			k = kDate
		case f&fPercent != 0:
			k = kPercent
		case f&fReason != 0:
			k = kReason
		case cl&cCap != 0 && !slices.Contains(title, t):
			k = kName // the article's subject is not what a question about it asks for
		}
		if k == kName && !prevName {
			nameRuns++
		}
		prevName = cl&cCap != 0
		if k != kCount || cl&cVague == 0 {
			found |= k
		}
		if k&want != 0 {
			lastTyped = pos
			near = min(near, pos-lastMatch)
			focus = min(focus, pos-lastFocus)
		}
	}
	s.found = best

	var sent, sentRaw, cover, names, titleOnly float32
	for gi := range ng {
		g := &q.groups[gi]
		if h := best[gi]; h.v > 0 {
			sent += h.v * b.norm[c.fact]
			sentRaw += h.v
			if !g.chatter {
				share := g.imp * min(1, h.v/(g.top+1e-9)) // an exact form counts in full, others less
				cover += share
				if g.name {
					names += share
				}
			}
			c.matched |= 1 << gi
			continue
		}
		for _, a := range g.alts {
			if slices.Contains(title, a.term) {
				titleOnly += a.v
				break
			}
		}
	}
	var prox float32
	pairs, ordered := 0, 0
	for gi := 1; gi < ng; gi++ {
		x, y := best[gi-1], best[gi]
		if x.v == 0 || y.v == 0 {
			continue
		}
		pairs++
		d := y.pos - x.pos
		if d > 0 {
			ordered++
		} else {
			d = -d
		}
		if d >= 1 && d <= proxReach {
			prox += min(x.v, y.v) / float32(d)
		}
	}
	c.x[xAmount] = amountMatch(q.want, found, vague)
	if q.want&kDate != 0 && found&kDate != 0 {
		c.x[xDate] = 1
	}
	if q.want&(kName|kPlace) != 0 && found&kName != 0 {
		c.x[xName] = 1
	}
	if q.want&kReason != 0 && found&kReason != 0 {
		c.x[xReason] = 1
	}
	// A number in words that gives no count ("thousands") does not make an
	// answer to "how many".
	c.typed = c.x[xAmount] >= 0.5 || c.x[xDate]+c.x[xName]+c.x[xReason] > 0
	if c.typed && near <= proxReach {
		c.x[xNear] = 1 / float32(near)
	}
	if c.typed && focus <= proxReach {
		c.x[xFocus] = 1 / float32(focus)
	}
	if q.want&kList != 0 && nameRuns >= 2 {
		c.x[xList] = 1
	}
	c.x[xSent] = sent
	c.x[xCover] = cover
	c.x[xCtx] = max(0, passRaw-sentRaw)
	c.x[xTitle] = titleOnly
	c.x[xProx] = prox
	c.x[xNames] = names
	if c.fact == 0 || b.facts[c.fact-1].para != ft.para || b.facts[c.fact-1].article != ft.article {
		c.x[xLead] = 1
	}
	c.x[xLen] = float32(bits.Len(uint(ft.blen))) / 5
	if pairs > 0 {
		c.x[xOrder] = float32(ordered) / float32(pairs)
	}
}

// amountMatch grades how well a fact's kinds answer a question that asks
// for an amount: 1 for the kind asked for, less for another number, less
// still for a number in words ("thousands").
func amountMatch(want, found kind, vague bool) float32 {
	switch {
	case want&(kMoney|kCount|kPercent) == 0:
		return 0
	case want&kMoney != 0 && found&kMoney != 0,
		want&kPercent != 0 && found&kPercent != 0,
		want&(kMoney|kPercent) == 0 && found&(kCount|kMoney) != 0:
		return 1
	case found&(kCount|kMoney|kPercent) != 0:
		return 0.5
	case vague:
		return 0.25
	}
	return 0
}

// An altTable maps the terms of a query to their concept group and value
// (weight × idf): a small open-addressing hash table, rebuilt for each
// question.
type altTable struct {
	keys  []uint32
	group []int
	v     []float32
	mask  uint32
	bloom [16]uint64 // bit t%1024 is set for each term t: most tokens fail here, before the table
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
	t.bloom = [16]uint64{}
	for gi, g := range q.groups {
		for _, a := range g.alts {
			t.put(a.term, gi, a.v)
		}
	}
}

func (t *altTable) put(term uint32, group int, v float32) {
	t.bloom[term>>6&15] |= 1 << (term & 63)
	for i := (term * 2654435761) & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case emptySlot:
			t.keys[i], t.group[i], t.v[i] = term, group, v
			return
		case term:
			if v > t.v[i] {
				t.group[i], t.v[i] = group, v
			}
			return
		}
	}
}

func (t *altTable) find(term uint32) (int, float32, bool) {
	if t.bloom[term>>6&15]&(1<<(term&63)) == 0 {
		return 0, 0, false
	}
	for i := (term * 2654435761) & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case emptySlot:
			return 0, 0, false
		case term:
			return t.group[i], t.v[i], true
		}
	}
}
