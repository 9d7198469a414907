package facts

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/text"
	"github.com/factbot/factbot/facts/internal/wordnet"
)

// The reader's last resort. A question that none of the extractors of
// kinds, names or sorts can answer ("What did the treaty grant the
// citizens?") gets, as its short answer, the span of the best fact that a
// model fitted on SQuAD train scores highest, when the model gives it a
// probability of at least its fitted floor; else the quote alone.
//
// The candidates are the runs of one to maxSpanWords words of the fact
// that hold no word of the question, neither open nor end with a function
// word, and cross no mark of punctuation but a hyphen. The model is a
// softmax of a linear score of the features below and boosted trees, over
// the best of them by the linear score and a null candidate, that no span
// answers (factfit -span, span.json). The span answers when its
// probability times the answer's confidence clears the model's floor.

// maxSpanWords bounds a span.
const maxSpanWords = 6

// The features of a span.
const (
	sLen1         = iota            // one word
	sLen2                           // two words
	sLen3                           // three words
	sLen4                           // four or more words
	sLeftAsked                      // the word before it is a word of the question
	sRightAsked                     // the word after it is
	sNearAsked                      // 1/distance to the nearest word of the question
	sNearFocus                      // 1/distance to the nearest word of the thing asked about
	sFocusNext                      // the word after it is the thing asked about ("lead pollution")
	sFocusPrev                      // the word before it is
	sCap                            // share of its words capitalised
	sNum                            // it holds a number
	sPrevPunct                      // a mark of punctuation stands before it
	sNextPunct                      // one stands after it
	sPrevArticle                    // "the", "a" or "an" stands before it
	sPrevStop                       // another function word stands before it
	sFirst                          // it opens the sentence
	sLast                           // it ends the sentence
	sBeforeAll                      // it stands before every word of the question in the fact
	sAfterAll                       // it stands after every word of the question
	sLearned                        // the most the learned table gives any of its words
	sTitle                          // share of its words in the article's title
	sNextStop                       // a function word stands after it
	sNameCut                        // it opens or ends inside a name ("Wilhelm" of "August Wilhelm")
	sLeftNear                       // 1/distance to the nearest word of the question before it
	sRightNear                      // 1/distance to the nearest word of the question after it
	sWindow                         // share of the fact's words of the question within spanWindow words of it
	sFocusIsA                       // WordNet has its last word as a kind of the thing asked about ("organ" for "what instrument")
	sNull                           // 1 for the null candidate: no span answers
	sNullSpans                      // the null candidate's log(1 + the fact's spans)
	sNullAsked                      // the null candidate's share of the fact's words that are the question's
	sWhCap                          // the question's wh-word's row, times sCap: nWh of them
	sWhNum        = sWhCap + nWh    // … times sNum
	sWhLen1       = sWhNum + nWh    // … times sLen1
	sWhBefore     = sWhLen1 + nWh   // … times sBeforeAll
	sWhAfter      = sWhBefore + nWh // … times sAfterAll
	nSpanFeatures = sWhAfter + nWh
)

// spanWindow is how far from a span the words of the question count in
// sWindow.
const spanWindow = 3

// The rows of the wh-words that a span may answer (spanAsks), for the
// features that depend on them.
const (
	whWhat = iota
	whWhich
	whWho
	whWhere
	nWh
)

// SpanFeatures names the features of a span, in order.
var SpanFeatures = func() [nSpanFeatures]string {
	n := [nSpanFeatures]string{
		sLen1: "len1", sLen2: "len2", sLen3: "len3", sLen4: "len4+", sLeftAsked: "left-asked",
		sRightAsked: "right-asked", sNearAsked: "near-asked", sNearFocus: "near-focus",
		sFocusNext: "focus-next", sFocusPrev: "focus-prev", sCap: "capitalised", sNum: "number",
		sPrevPunct: "prev-punct", sNextPunct: "next-punct", sPrevArticle: "prev-article",
		sPrevStop: "prev-stop", sFirst: "first", sLast: "last", sBeforeAll: "before-all",
		sAfterAll: "after-all", sLearned: "learned", sTitle: "title", sNextStop: "next-stop",
		sNameCut: "name-cut", sLeftNear: "left-near", sRightNear: "right-near", sWindow: "window",
		sFocusIsA: "focus-isa", sNull: "null", sNullSpans: "null-spans", sNullAsked: "null-asked",
	}
	wh := [nWh]string{"what", "which", "who", "where"}
	for i, w := range wh {
		n[sWhCap+i] = w + "*capitalised"
		n[sWhNum+i] = w + "*number"
		n[sWhLen1+i] = w + "*len1"
		n[sWhBefore+i] = w + "*before-all"
		n[sWhAfter+i] = w + "*after-all"
	}
	return n
}()

// whRow returns the row of the question's wh-word, and false for a
// wh-word that a span may not answer ("why", "how", "when") or none.
func whRow(q *query) (int, bool) {
	switch q.wh {
	case "what":
		return whWhat, true
	case "which":
		return whWhich, true
	case "who", "whom", "whose":
		return whWho, true
	case "where":
		return whWhere, true
	}
	return 0, false
}

// A span is a candidate answer: positional words from..to of an extract.
type spanCand struct {
	from, to int // indexes into the extract's positional tokens
	x        [nSpanFeatures]float64
}

// spanCands returns the candidate spans of e, with their features.
func (b *Base) spanCands(e *extract, q *query, cq *compiled, out []spanCand) []spanCand {
	out = out[:0]
	pos := e.pos[:0]
	for i := range e.toks {
		if e.cls[i]&text.ClassAux == 0 {
			pos = append(pos, i)
		}
	}
	e.pos = pos
	n := len(pos)
	first, last := n, -1
	for k, i := range pos {
		if e.asked[i] {
			first, last = min(first, k), k
		}
	}
	wh, _ := whRow(q) // spanAsks has checked it
	// What the learned table and the title say of each word, once.
	title := b.titles[b.facts[e.fact].article]
	e.learned, e.titled, e.isa = e.learned[:0], e.titled[:0], e.isa[:0]
	focus := focusLemmas(q)
	for _, i := range pos {
		// Only a word that may end a span needs the look-up.
		e.isa = append(e.isa, len(focus) > 0 && !e.asked[i] && e.spanEdge(i) && isA(e.words[i], focus))
		var p float64
		titled := false
		if id, ok := b.lookup(e.words[i]); ok {
			if _, v, ok := cq.learned.find(id); ok {
				p = float64(v)
			}
			titled = slices.Contains(title, id)
		}
		e.learned, e.titled = append(e.learned, p), append(e.titled, titled)
	}
	for a := 0; a < n; a++ {
		if !e.spanEdge(pos[a]) || a > 0 && glued(e.text[e.toks[pos[a-1]].End:e.toks[pos[a]].Start]) {
			continue
		}
		for z := a; z < n && z-a < maxSpanWords; z++ {
			i := pos[z]
			if e.asked[i] || e.qname[i] || z > a && !space(e.text[e.toks[pos[z-1]].End:e.toks[i].Start]) {
				break
			}
			if !e.spanEdge(i) || z+1 < n && glued(e.text[e.toks[i].End:e.toks[pos[z+1]].Start]) {
				continue
			}
			c := spanCand{from: a, to: z}
			spanFeatures(e, &c, first, last, wh)
			out = append(out, c)
		}
	}
	// The null candidate: that no span answers. Its score is what a span
	// must beat, so that a fact of few spans gives none of them a high
	// probability for want of rivals.
	null := spanCand{from: -1, to: -1}
	null.x[sNull] = 1
	null.x[sNullSpans] = math.Log1p(float64(len(out)))
	if n > 0 {
		asked := 0
		for _, i := range pos {
			if e.asked[i] {
				asked++
			}
		}
		null.x[sNullAsked] = float64(asked) / float64(n)
	}
	return append(out, null)
}

// markAskedParts marks as asked the parts of a joined-up form the
// question matches ("cyber" and "warfare" of "cyberwarfare"), so that no
// span is the thing asked.
func (e *extract) markAskedParts() {
	for i := range e.toks {
		if e.cls[i]&text.ClassAux == 0 || !e.asked[i] {
			continue
		}
		for j := i - 1; j >= 0 && e.toks[j].Start >= e.toks[i].Start; j-- {
			e.asked[j] = true
		}
	}
}

// spanEdge reports whether token i may open or end a span: a word that is
// not a function word.
func (e *extract) spanEdge(i int) bool {
	return e.lf[i]&text.LexStop == 0 && e.words[i] != ""
}

// glued reports whether a gap joins two tokens into one word ("4/4",
// "through-hole"): no white space in it.
func glued(gap string) bool {
	for _, r := range gap {
		if r == ' ' || r == '\t' || r == '\n' || r == '\u00a0' {
			return false
		}
	}
	return true
}

// spanFeatures sets the features of c, a span of e; first and last are
// the first and last words of e the question has, wh its wh-word's row.
func spanFeatures(e *extract, c *spanCand, first, last, wh int) {
	pos, x := e.pos, &c.x
	words := c.to - c.from + 1
	x[min(words, 4)-1] = 1
	at := func(k int) int { return pos[k] }
	if c.from > 0 {
		p := at(c.from - 1)
		x[sLeftAsked] = b2f64(e.asked[p])
		x[sFocusPrev] = b2f64(e.focus[p])
		x[sPrevArticle] = b2f64(articles[e.words[p]])
		x[sPrevStop] = b2f64(!articles[e.words[p]] && e.lf[p]&text.LexStop != 0)
		x[sPrevPunct] = b2f64(!space(e.text[e.toks[p].End:e.toks[at(c.from)].Start]))
		if e.cls[p]&text.ClassCap != 0 && e.cls[at(c.from)]&text.ClassCap != 0 && x[sPrevPunct] == 0 {
			x[sNameCut] = 1
		}
	} else {
		x[sFirst] = 1
	}
	if c.to+1 < len(pos) {
		nx := at(c.to + 1)
		x[sRightAsked] = b2f64(e.asked[nx])
		x[sFocusNext] = b2f64(e.focus[nx])
		x[sNextPunct] = b2f64(!space(e.text[e.toks[at(c.to)].End:e.toks[nx].Start]))
		x[sNextStop] = b2f64(e.lf[nx]&text.LexStop != 0)
		x[sNameCut] = b2f64(e.cls[nx]&text.ClassCap != 0 && e.cls[at(c.to)]&text.ClassCap != 0 && x[sNextPunct] == 0)
	} else {
		x[sLast] = 1
	}
	near, nearFocus, left, right := math.MaxInt, math.MaxInt, math.MaxInt, math.MaxInt
	var caps, nums, inTitle, window, asked float64
	for k := range pos {
		i := pos[k]
		d := 0
		switch {
		case k < c.from:
			d = c.from - k
		case k > c.to:
			d = k - c.to
		default:
			if e.cls[i]&text.ClassCap != 0 {
				caps++
			}
			if e.cls[i]&text.ClassNum != 0 {
				nums = 1
			}
			x[sLearned] = max(x[sLearned], e.learned[k])
			if e.titled[k] {
				inTitle++
			}
			continue
		}
		if e.asked[i] {
			near = min(near, d)
			asked++
			if d <= spanWindow {
				window++
			}
			if k < c.from {
				left = min(left, d)
			} else {
				right = min(right, d)
			}
		}
		if e.focus[i] {
			nearFocus = min(nearFocus, d)
		}
	}
	if near < math.MaxInt {
		x[sNearAsked] = 1 / float64(near)
	}
	if nearFocus < math.MaxInt {
		x[sNearFocus] = 1 / float64(nearFocus)
	}
	if left < math.MaxInt {
		x[sLeftNear] = 1 / float64(left)
	}
	if right < math.MaxInt {
		x[sRightNear] = 1 / float64(right)
	}
	if asked > 0 {
		x[sWindow] = window / asked
	}
	x[sCap] = caps / float64(words)
	x[sNum] = nums
	x[sTitle] = inTitle / float64(words)
	x[sFocusIsA] = b2f64(e.isa[c.to])
	x[sBeforeAll] = b2f64(first < len(pos) && c.to < first)
	x[sAfterAll] = b2f64(last >= 0 && c.from > last)
	x[sWhCap+wh] = x[sCap]
	x[sWhNum+wh] = nums
	x[sWhLen1+wh] = x[sLen1]
	x[sWhBefore+wh] = x[sBeforeAll]
	x[sWhAfter+wh] = x[sAfterAll]
}

func b2f64(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// spanText returns the verbatim text of c.
func (e *extract) spanText(c *spanCand) string {
	return e.cut(e.pos[c.from], e.pos[c.to])
}

// bestSpan returns the text of the candidate span of e that the span
// model scores highest, and its probability among the shortlist (see
// SpanShortlist).
func (b *Base) bestSpan(s *scratch, e *extract, q *query, cq *compiled, m *spanModel) (string, float64) {
	s.spans = b.spanCands(e, q, cq, s.spans)
	scores := s.spanScores[:0]
	for i := range s.spans {
		sc := 0.0
		for k, w := range m.Weights {
			sc += w * s.spans[i].x[k]
		}
		scores = append(scores, sc)
	}
	s.spanScores = scores
	s.shortlist = SpanShortlist(scores, s.shortlist)
	best, hi := -1, math.Inf(-1)
	var x [nSpanFeatures]float32
	for _, i := range s.shortlist {
		for k, v := range s.spans[i].x {
			x[k] = float32(v)
		}
		scores[i] += float64(m.forest.value(x[:]))
		if scores[i] > hi && s.spans[i].from >= 0 {
			best, hi = i, scores[i]
		}
	}
	if best < 0 {
		return "", 0
	}
	z := 0.0
	for _, i := range s.shortlist {
		z += math.Exp(scores[i] - hi)
	}
	return e.spanText(&s.spans[best]), 1 / z
}

// SpanShortlistSize is how many spans, the best by the linear score, the
// trees score; the null candidate is always among them.
const SpanShortlistSize = 8

// SpanShortlist returns, in out's storage, the indexes of the candidates
// that the span model's trees score: the SpanShortlistSize best by the
// linear scores, ties to the first, and the last candidate, the null one.
// The probability of a span is its softmax over the shortlist.
func SpanShortlist(linear []float64, out []int) []int {
	out = out[:0]
	n := len(linear) - 1 // the null candidate is last
	for range min(n, SpanShortlistSize) {
		best := -1
		for i := range n {
			if !slices.Contains(out, i) && (best < 0 || linear[i] > linear[best]) {
				best = i
			}
		}
		out = append(out, best)
	}
	return append(out, n)
}

// span.json holds the span model, written by
//
//	go run ./cmd/factfit -span
//
// as {"command", "data", "features": [{"name", "weight"}…], "trees":
// […], "min": p, "fit": {…}}: the weight of each feature by its name in
// SpanFeatures, boosted trees over them as in weights.json, and the least
// probability (the span's times the answer's confidence) at which the best
// span answers.
//
//go:embed span.json
var spanJSON []byte

// A spanModel is the span model's weights, boosted trees and floor.
type spanModel struct {
	Weights [nSpanFeatures]float64
	forest  forest // the boosted trees, compiled
	Min     float64
}

// spanModelJSON is the part of span.json the engine reads.
type spanModelJSON struct {
	Features []NamedWeight `json:"features"`
	Trees    []treeJSON    `json:"trees"`
	Min      float64       `json:"min"`
}

// NamedWeight is a weight with its feature's name.
type NamedWeight struct {
	Name   string  `json:"name"`
	Weight float64 `json:"weight"`
}

// parseSpanModel reads a span model, which must name every feature of
// SpanFeatures, in order.
func parseSpanModel(data []byte) (*spanModel, error) {
	var f spanModelJSON
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("span model: %w", err)
	}
	trees, err := parseTrees(f.Trees, SpanFeatures[:])
	if err != nil {
		return nil, fmt.Errorf("span model: %w", err)
	}
	if err := checkTrees(trees, nSpanFeatures); err != nil {
		return nil, fmt.Errorf("span model: %w", err)
	}
	if len(f.Features) != nSpanFeatures {
		return nil, fmt.Errorf("span model: %d features, want %d", len(f.Features), nSpanFeatures)
	}
	m := &spanModel{Min: f.Min, forest: newForest(trees)}
	for i, nw := range f.Features {
		if nw.Name != SpanFeatures[i] {
			return nil, fmt.Errorf("span model: feature %d is %q, want %q", i, nw.Name, SpanFeatures[i])
		}
		m.Weights[i] = nw.Weight
	}
	return m, nil
}

// embeddedSpanModel is span.json, read once; nil when it holds no model
// (as before spanfit has run), so that no span answers.
var embeddedSpanModel = sync.OnceValue(func() *spanModel {
	m, err := parseSpanModel(spanJSON)
	if err != nil {
		return nil
	}
	return m
})

// spanAnswer returns the span of r's best fact that the span model picks
// (read by readSpan), or "" when the span's probability times the
// answer's confidence (that the span is right and the fact too) is under
// the model's floor, no span may answer, or the span is of the wrong kind
// (no country for "which country").
func (b *Base) spanAnswer(r *result) string {
	if !r.spanRead || r.spanP*r.confidence < b.spanModel.Min || r.q.defines != "" {
		return "" // a definition is a description (cutAnswer), not a span
	}
	if asksCountry(&r.q) && !namesCountry(r.span) {
		return "" // of the wrong kind
	}
	return r.span
}

// readSpan reads the span of r's best fact that the span model picks, for
// the confidence (how sure the reader is that the fact holds an answer)
// and the short answer.
func (b *Base) readSpan(s *scratch, r *result) {
	r.span, r.spanP, r.spanRead = "", 0, false
	if b.spanModel == nil || !spanAsks(&r.q) || len(r.cands) == 0 {
		return
	}
	e := b.extractOf(s, &r.q, &r.c, r.cands[0].fact)
	r.span, r.spanP = b.bestSpan(s, e, &r.q, &r.c, b.spanModel)
	r.spanRead = true
}

// spanAsks reports whether a span may answer q: a question that asks
// "what", "which", "who" or "where", and not for a date or an amount,
// which no span of another kind may answer. A span answers "why" and
// "how" worse than the quote: their answers are clauses.
func spanAsks(q *query) bool {
	_, ok := whRow(q)
	return ok && !q.yesNo && q.want&strictKinds == 0 && !asksSaid(q)
}

// asksSaid reports whether q asks what someone said, thought or wrote
// ("what did the mayor say?"): the answer is a clause, which the quote
// gives, not a span of it.
func asksSaid(q *query) bool {
	if q.wh != "what" || len(q.words) < 3 || q.words[0] != "what" || !lang.Auxiliaries[q.words[1]] {
		return false
	}
	return slices.ContainsFunc(q.words[2:], func(w string) bool { return lang.SayingVerbs[w] })
}

// A Span is a piece of a fact that the span model weighs as a short
// answer, with its features, named by SpanFeatures; the last of a fact's
// spans is the null candidate, of no text: that none of them answers.
type Span struct {
	Text     string    `json:"text"`
	Features []float64 `json:"features"`
}

// Spans returns, for fitting the span model, the fact the engine ranks
// first for question, whether abstaining or not; the answer's confidence;
// the short answer the extractors of kinds cut from it, if any; and its
// candidate spans. It returns "" and nothing when no fact matches the
// question, or no span may answer it (a yes/no question, a date, an
// amount).
func (b *Base) Spans(question string) (fact string, confidence float64, extracted string, spans []Span) {
	s := b.getScratch()
	defer b.pool.Put(s)
	r, ok := b.search(s, question)
	if !ok || len(r.cands) == 0 || !spanAsks(&r.q) {
		return "", 0, "", nil
	}
	confidence = r.confidence
	f := r.cands[0].fact
	extracted, e := b.cutAnswer(s, &r.q, &r.c, f)
	if e == nil {
		e = b.extractOf(s, &r.q, &r.c, f)
	}
	s.spans = b.spanCands(e, &r.q, &r.c, s.spans)
	for i := range s.spans {
		sp := Span{Features: append([]float64(nil), s.spans[i].x[:]...)}
		if s.spans[i].from >= 0 {
			sp.Text = e.spanText(&s.spans[i])
		}
		spans = append(spans, sp)
	}
	return b.facts[f].text, confidence, extracted, spans
}

// focusLemmas returns the WordNet lemmas of the head of the thing q asks
// about ("instrument" of "what musical instrument"), or nil when it asks
// about nothing in particular.
func focusLemmas(q *query) []string {
	w := q.focusHead()
	if w == "" || lang.Stopwords[w] {
		return nil
	}
	return wordnet.Lemmas(w)
}

// isA reports whether WordNet has word as a kind of one of the lemmas of
// focus (wordnet.IsKindOf: "organ" is an "electronic musical instrument",
// so an "instrument"; "Lyon" a "city").
func isA(word string, focus []string) bool { return wordnet.IsKindOf(word, focus) }
