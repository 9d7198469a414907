package facts

import (
	"math/bits"
	"slices"
)

// Second-stage features. Those that measure matches are shares of the
// question's total importance, so that scores compare across questions; the
// rest are 0 or 1, or small numbers. Their weights are fitted on data: see
// Weights.
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
