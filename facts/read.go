package facts

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/text"
)

// The fourth stage: read scores every fact of the retrieved passages on
// features: its own BM25 and the share of the question it covers, the
// context around it (its passage and title), proximity of the question's
// concepts in it, and whether it holds the kind of answer asked for (an
// amount for "how much") that the question did not itself name. A fact is
// thus found through its context ("It is alleged that they have stolen…"
// is about North Korea through its paragraph and title) but must itself
// say something the question asks about. Its neighbours count too: what
// the sentences before and after it in its passage have of the question
// that it lacks, for an answer often comes in the sentence after the one
// that names what the question asks about. The features' weights are
// fitted (weights.go); three rules come before them.

// proxReach is how many tokens apart, at most, two concepts or a concept
// and an answer count as close: a short noun phrase and its verb.
const proxReach = 4

// A cand is a fact in the second stage.
type cand struct {
	fact  uint32
	score float32
	x     *[nFeatures]float32 // in scratch.feats
	typed bool
	// gated: it has the kind of answer a question of a gated kind asks
	// for, and a count counts the thing asked (countsOther).
	gated   bool
	found   kind   // the kinds of answer among its tokens the question does not name
	defines bool   // the fact defines the name the question asks about
	matched uint64 // bit i: concept group i is in the fact
}

// read scores the facts of the passages top for q and returns them, best
// first.
func (b *Base) read(s *scratch, q *query, cq *compiled, top []scored) []cand {
	s.cands = s.cands[:0]
	s.feats = s.feats[:0]
	for _, p := range s.top {
		ps := &b.passages[p.id]
		passRaw := p.raw
		from := len(s.cands)
		for f := ps.first; f < ps.first+ps.nfacts; f++ {
			s.feats = append(s.feats, [nFeatures]float32{}) // no growth: cap is the most facts of topPassages
			c := cand{fact: f, x: &s.feats[len(s.feats)-1]}
			b.features(s, q, cq, &c, passRaw)
			s.cands = append(s.cands, c)
		}
		neighbours(cq, s.cands[from:])
		for k := from; k < len(s.cands); k++ {
			c := &s.cands[k]
			for _, i := range []int{xSent, xCover, xCtx, xTitle, xProx, xNames, xPrev, xNext} {
				c.x[i] /= cq.total
			}
			for i, w := range b.weights.Features {
				c.score += float32(w) * c.x[i]
			}
		}
	}
	b.addTrees(s)
	gate := q.want&gatedKinds != 0
	if gate {
		for i := range s.cands {
			c := &s.cands[i]
			c.gated = c.typed && !countsOther(q, cq, c)
		}
	}
	// A question that asks whether something is so about someone ("Did
	// Trump respond…?") is answered by a fact that names them, not one that
	// leans on its context for them: such facts come first.
	var names uint64 // the subject: the question's first name
	if q.yesNo {
		for gi, g := range cq.groups {
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
		if gate && x.gated != y.gated {
			if x.gated {
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
		if d := cmp.Compare(y.score, x.score); d != 0 {
			return d
		}
		return cmp.Compare(x.fact, y.fact)
	})
	return s.cands
}

// Second-stage features. Those that measure matches are shares of the
// question's total importance, so that scores compare across questions; the
// rest are 0 or 1, or small numbers. Their weights are fitted on data: see
// Weights.
const (
	xSent    = iota // the fact's own BM25 score
	xCover          // importance of the concepts the fact has
	xCtx            // importance of the concepts only its passage has
	xTitle          // importance of the concepts only its article's title has
	xProx           // neighbouring concepts of the question close together in the fact
	xAmount         // 1 if it has the amount, count or share asked for, not named in the question
	xDate           // 1 if it has the date asked for, not named in the question
	xName           // 1 if it has a name asked for, not named in the question nor the article's title
	xReason         // 1 if it has a word of cause asked for ("because", "due")
	xNear           // 1/distance from an answer of the kind asked for to a word of the question, if close
	xList           // 1 if the question asks for several things and the fact names several
	xFocus          // 1/distance from an answer of the kind asked for (a name, for "which X" of no kind) to the thing asked about, if close
	xLead           // 1 if it opens its paragraph
	xNames          // importance of the question's names (capitalised words) the fact has
	xLen            // log2 of the fact's length in words, over 5
	xOrder          // share of the matched neighbouring concepts found in the question's order
	xLearned        // learned question-to-answer words: the mean over the question's words of the best t(fact word | question word)
	xPrev           // importance of the concepts the fact lacks that the fact before it in its passage has
	xNext           // and that the fact after it has
	nFeatures
)

// FeatureNames names the second-stage features, in order, as Explain
// reports them.
var FeatureNames = [nFeatures]string{
	xSent: "bm25", xCover: "cover", xCtx: "context", xTitle: "title",
	xProx: "proximity", xAmount: "amount", xDate: "date", xName: "name", xReason: "reason", xNear: "near", xList: "list", xFocus: "focus", xLead: "lead", xNames: "names", xLen: "length",
	xOrder: "order", xLearned: "learned", xPrev: "previous", xNext: "next",
}

// neighbours sets the features of the facts next to each of cs, the facts
// of one passage in order: an answer often comes in the sentence after the
// one that names what the question asks about ("Children in towns work in
// many trades. They sell in the streets…"), or before it.
func neighbours(cq *compiled, cs []cand) {
	lack := func(have, other uint64) float32 {
		var v float32
		for m := other &^ have; m != 0; m &= m - 1 {
			if g := &cq.groups[bits.TrailingZeros64(m)]; !g.chatter {
				v += g.imp
			}
		}
		return v
	}
	for k := range cs {
		if k > 0 {
			cs[k].x[xPrev] = lack(cs[k].matched, cs[k-1].matched)
		}
		if k+1 < len(cs) {
			cs[k].x[xNext] = lack(cs[k].matched, cs[k+1].matched)
		}
	}
}

// A hit is a concept group found in a fact: where, and how well.
type hit struct {
	pos int
	v   float32
}

// features computes the second-stage features of one fact from its tokens,
// before their division by the question's total importance.
func (b *Base) features(s *scratch, q *query, cq *compiled, c *cand, passRaw float32) {
	ft := &b.facts[c.fact]
	seq, cls := b.tokens(c.fact)
	ng := min(len(cq.groups), 64)
	best := s.found[:0]
	for range ng {
		best = append(best, hit{pos: -1})
	}
	learned := s.lp[:0]
	for range ng {
		learned = append(learned, 0)
	}
	var found kind // kinds of answer among the tokens the question does not match
	vague := false // a number in words only ("thousands")
	title := b.titles[ft.article]
	want := nearKinds(q.want)
	// A "which X" question of no kind: a name beside X may answer it
	// (focusName).
	whichName := q.want&^kList == 0 && asksWhich(q)
	if whichName {
		want = kName
	}
	// How close the nearest answer of the kind asked for comes to a word of
	// the question, and how many separate names the fact has.
	near, focus := proxReach+1, proxReach+1
	lastMatch, lastFocus, lastTyped := -1<<20, -1<<20, -1<<20
	nameRuns, prevName := 0, false
	// The last token the question does not match, where and what: a
	// number or ordinal before a date word of the question is a date.
	prevAt, prevT, prevCl := -1, uint32(0), text.Class(0)
	pos := 0
	for k, t := range seq {
		cl := cls[k]
		if cl&text.ClassAux == 0 {
			pos++
		}
		if gi, p, ok := cq.learned.find(t); ok && gi < ng && p > learned[gi] {
			learned[gi] = p
		}
		if gi, v, ok := cq.table.find(t); ok && gi < ng {
			if h := &best[gi]; v > h.v {
				h.v = v
				if h.pos < 0 {
					h.pos = pos
				}
			}
			if cl&text.ClassAux == 0 {
				lastMatch = pos
				near = min(near, pos-lastTyped)
				if cq.groups[gi].focus {
					lastFocus = pos
					focus = min(focus, pos-lastTyped)
				}
				if cl&text.ClassDate != 0 && prevAt == pos-1 && (prevCl&(text.ClassNum|text.ClassYear) != 0 || ordinalTerm(b.terms[prevT])) {
					// "14th century" for "which century": the question's
					// word of time, with the fact's number, is a date, one
					// word from the question's.
					found |= kDate
					lastTyped, near = pos-1, min(near, 1)
				}
			}
			prevName = false
			continue
		}
		if cl&text.ClassAux != 0 {
			continue
		}
		k := tokenKinds[cl][b.termFlags[t]&3]
		switch {
		case k == kName && slices.Contains(title, t):
			k = 0 // the article's subject is not what a question about it asks for
		case k == kCount && cl&text.ClassVague != 0:
			vague = true
		}
		if k == kName && !prevName {
			nameRuns++
		}
		prevName = cl&text.ClassCap != 0
		if k != kCount || cl&text.ClassVague == 0 {
			found |= k
		}
		if k&want != 0 {
			lastTyped = pos
			near = min(near, pos-lastMatch)
			focus = min(focus, pos-lastFocus)
		}
		prevAt, prevT, prevCl = pos, t, cl
	}
	s.found, s.lp = best, learned

	var sent, sentRaw, cover, names, titleOnly float32
	for gi := range ng {
		g := &cq.groups[gi]
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
	// The features of the kinds asked for.
	c.found = found
	sn := seen{found: found, vague: vague, names: nameRuns}
	for i := range kindRows {
		row := &kindRows[i]
		if q.want&row.k == 0 || row.score == nil {
			continue
		}
		v := row.score(q.want, sn)
		c.x[row.feature] = max(c.x[row.feature], v)
		c.typed = c.typed || row.typed && v >= 0.5
	}
	// A number in words counts ("over thousands" of "how many people").
	c.typed = c.typed || vague && q.want&amounts == kCount
	if c.typed && near <= proxReach {
		c.x[xNear] = 1 / float32(near)
	}
	if c.typed && focus <= proxReach || whichName && focus <= focusReach {
		c.x[xFocus] = 1 / float32(focus)
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
	if cq.nLearned > 0 {
		var sum float32
		for _, p := range learned {
			sum += p
		}
		c.x[xLearned] = sum / float32(cq.nLearned)
	}
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

func (t *altTable) reset(groups []group) {
	n := 0
	for _, g := range groups {
		n += len(g.alts)
	}
	t.init(n)
	for gi, g := range groups {
		for _, a := range g.alts {
			t.put(a.term, gi, a.v)
		}
	}
}

// init empties the table, with room for n terms.
func (t *altTable) init(n int) {
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
		for _, p := range lang.Appositions {
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

// ordinalTerm reports whether an index term is an ordinal: "19th", "2nd",
// "third".
func ordinalTerm(t string) bool {
	if lang.OrdinalWords[t] || t == "first" {
		return true
	}
	if len(t) < 3 || t[0] < '0' || t[0] > '9' {
		return false
	}
	return strings.HasSuffix(t, "th") || strings.HasSuffix(t, "st") || strings.HasSuffix(t, "nd") || strings.HasSuffix(t, "rd")
}
