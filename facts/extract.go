package facts

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/text"
)

// Short answers are cut out of the best fact, verbatim: the amount, count,
// date, name or list the question asks for, with the words that qualify it
// ("approximately", "between … and …", "up to"). Things the question itself
// names are passed over: "How much did Bithumb lose?" wants the amount, not
// "Bithumb".

// An extract is the tokens of one fact, classified, for cutting answers out.
type extract struct {
	text  string
	toks  []text.Token
	words []string
	lf    []text.Lex
	cls   []text.Class
	inQ   []bool // the question matches this token (checked only for numbers, dates and names)
	// inTitle is true for a token of the article's title: the article's
	// subject is seldom what a question about it asks for.
	inTitle []bool
	focus   []bool // the token matches the thing asked about ("tank" in "which think tank")
	asked   []bool // the token matches a content word of the question
	qname   []bool // the token is one of the question's names
	role    []bool // a capitalised token the question asks in lower case ("Leader" for "who is the leader")
	fact    uint32 // the fact's index
	pos     []int  // the positional tokens (not extra forms), for spans
	// learned and titled are, for each positional token, the learned
	// table's probability of it and whether the title has it (spans).
	learned []float64
	titled  []bool
	isa     []bool   // WordNet has the token as a kind of the thing asked about (isA)
	who     bool     // the question asks "who"
	where   bool     // the question asks for a place
	country bool     // the question asks for a country (asksCountry)
	measure bool     // the question asks how long, old, far…: a figure with its unit
	units   []string // the kinds of unit that measure may be in ("how far": linear units), or any
	people  bool     // the question counts things that are no unit ("how many people"): "three years" counts none
	counts  bool     // the question counts a thing, not money ("how many times"): "$40 million" counts none
	// minFocus is the least closeness to the thing asked about that a
	// name must have to be cut (see focusName).
	minFocus int
	// ready says the extract is of fact for the question being answered:
	// search clears it, so that the confidence's span and the short answer
	// read one fact once.
	ready bool
}

// shortAnswer returns the part of fact f that answers q, or "" when the
// fact has none to cut out, or q asks for no kind of answer in particular
// and is no "which X" question with a name beside X (focusName).
func (b *Base) shortAnswer(s *scratch, q *query, cq *compiled, f uint32) string {
	a, _ := b.cutAnswer(s, q, cq, f)
	return a
}

// cutAnswer is shortAnswer, and returns the extract of f it read, or nil
// when q needed none, for the span reader to read again.
func (b *Base) cutAnswer(s *scratch, q *query, cq *compiled, f uint32) (string, *extract) {
	naming := q.want&(strictKinds|kReason) == 0 && asksNaming(q)
	if q.want&^kList == 0 && q.defines == "" && !asksWhich(q) && !naming {
		return "", nil
	}
	e := b.extractOf(s, q, cq, f)
	if asksRank(q) {
		if r := e.rankOrdinal(); r != "" {
			return r, e
		}
	}
	if q.defines != "" {
		if l := e.longForm(q.defines); l != "" {
			return l, e
		}
		if t := e.holderOf(q); t != "" {
			return t, e
		}
		if d := e.description(q.defines); d != "" {
			return d, e
		}
		// Not another name of the fact: "Who is Kim Jong-un?" is not
		// answered "Donald Trump".
		return "", e
	}
	if naming {
		if a := e.naming(); a != "" {
			return a, e
		}
	}
	if q.want&^kList == 0 {
		if q.sortOf {
			if m := e.modifier(); m != "" {
				return m, e
			}
		}
		// A work is named by its quoted title before any other name
		// ("“Hallelujah”", not "Billboard"); anything else by a name
		// beside the thing asked about, else a title.
		work := asksWork(q)
		if t := e.quotedTitle(); work && t != "" {
			return t, e
		}
		if n := e.focusName(); n != "" || work {
			return n, e
		}
		return e.quotedTitle(), e
	}
	return extractKind(e, q, cq), e
}

// asksWhich reports whether q asks "which X" or "what X".
func asksWhich(q *query) bool {
	return q.focusTo > q.focusFrom && (q.wh == "what" || q.wh == "which")
}

// maxModifierWords bounds the words of a modifier (see modifier).
const maxModifierWords = 3

// modifier cuts out the words right before the thing asked about that the
// question does not have, for a question that asks for a sort of it:
// "lead" of "lead pollution" for "what type of pollution", "modern
// constitutional" of "a modern constitutional monarchy".
func (e *extract) modifier() string {
	for k := 1; k < len(e.toks); k++ {
		if !e.focus[k] || e.focus[k-1] || e.cls[k]&text.ClassAux != 0 {
			continue // a joined-up form stands over its parts
		}
		start, whole := k, true
		for j := k - 1; j >= 0 && k-j <= maxModifierWords; j-- {
			if e.cls[j]&text.ClassAux != 0 {
				continue
			}
			// A hyphen joins the words of one modifier ("through-hole");
			// a comma ends it ("long-term, complex"); any other mark with
			// no space leaves a piece of a word ("4" of "4/4").
			gap := e.text[e.toks[j].End:e.toks[start].Start]
			if gap == "-" {
				start = j
				continue
			}
			if !text.SpaceBetween(e.text, e.toks[j].End, e.toks[start].Start) {
				whole = strings.ContainsFunc(gap, unicode.IsSpace)
				break
			}
			// An owner ("the city's restaurants") is no sort.
			if e.lf[j]&text.LexStop != 0 || e.asked[j] || text.Possessive(e.text, e.toks[j]) {
				break
			}
			start = j
		}
		if start < k && whole {
			return e.cut(start, k-1)
		}
	}
	return ""
}

// focusReach is how many tokens from the thing asked about a name may
// stand and still answer a question of no kind: "Qing" of "the Qing
// dynasty" for "which dynasty", "Judah" of "the tribe of Judah" for
// "which tribe".
const focusReach = 2

// focusName cuts out, for a "which X" question that asks for no kind of
// answer, the name beside X in the fact, or "" when no name is that near:
// a name farther off answers something else as often as not.
func (e *extract) focusName() string {
	e.minFocus = proxReach + 1 - focusReach
	defer func() { e.minFocus = 0 }()
	return e.nameNot(false, true)
}

// extractOf returns fact f's tokens, classified and marked against q, in
// s's extract.
func (b *Base) extractOf(s *scratch, q *query, cq *compiled, f uint32) *extract {
	e := &s.extract
	if e.ready && e.fact == f {
		return e
	}
	e.text, e.fact = b.facts[f].text, f
	e.toks = s.z.Tokenize(e.text)
	e.words, e.lf = e.words[:0], e.lf[:0]
	for _, t := range e.toks {
		w := text.Key(s.z.Word(t), t.Flags)
		e.words = append(e.words, w)
		e.lf = append(e.lf, text.LexOf(w))
	}
	e.cls = append(e.cls[:0], make([]text.Class, len(e.toks))...)
	text.Classify(e.toks, e.words, e.lf, e.cls)
	e.inQ = append(e.inQ[:0], make([]bool, len(e.toks))...)
	e.inTitle = append(e.inTitle[:0], make([]bool, len(e.toks))...)
	e.focus = append(e.focus[:0], make([]bool, len(e.toks))...)
	e.asked = append(e.asked[:0], make([]bool, len(e.toks))...)
	e.qname = append(e.qname[:0], make([]bool, len(e.toks))...)
	e.role = append(e.role[:0], make([]bool, len(e.toks))...)
	e.who, e.where, e.country = q.wh == "who", q.want&kPlace != 0, asksCountry(q)
	e.measure, e.units = measureCues[q.wh], measureUnits[q.wh]
	e.people = q.wh == "how many" && q.focusTo > q.focusFrom && !isUnit(q.words[q.focusTo-1], unitKinds)
	e.counts = q.wh == "how many" && q.focusTo > q.focusFrom && !isUnit(q.words[q.focusTo-1], moneyUnits)
	title := b.titles[b.facts[f].article]
	for i, w := range e.words {
		answer := e.cls[i]&(text.ClassNum|text.ClassCap|text.ClassDate|text.ClassYear) != 0
		if !answer && e.lf[i]&text.LexStop != 0 {
			continue // only what could be an answer, or a word of the question, needs a look
		}
		id, ok := b.lookup(w)
		if !ok {
			continue
		}
		gi, _, inQ := cq.table.find(id)
		e.inQ[i] = inQ && answer
		e.focus[i] = inQ && cq.groups[gi].focus
		e.asked[i] = inQ && !cq.groups[gi].chatter && strongAlt(cq.groups[gi].alts, id)
		e.inTitle[i] = answer && slices.Contains(title, id)
		// A name of the question, matched as such or within a phrase
		// ("Kim" of "Kim Jong-un"); not the thing asked about ("bank" of
		// "which bank", in "Bank of Montreal").
		e.qname[i] = e.cls[i]&text.ClassCap != 0 && (inQ && cq.groups[gi].name || slices.Contains(q.words, w)) && !e.focus[i]
		e.role[i] = e.qname[i] && inQ && !cq.groups[gi].name
	}
	e.markAskedParts()
	e.ready = true
	return e
}

// minAskedWeight is the least weight of a term of the question's for a
// fact's word to count as asked, and so no part of a span that answers: a
// wider or narrower word ("wash" for "work", at 0.15) may be the answer.
const minAskedWeight = 0.5

// strongAlt reports whether term is one of alts at minAskedWeight or more.
func strongAlt(alts []alt, term uint32) bool {
	for _, a := range alts {
		if a.term == term {
			return a.w >= minAskedWeight
		}
	}
	return false
}

// cut returns the verbatim text of tokens i..j, with a currency sign that
// stands before token i.
func (e *extract) cut(i, j int) string {
	start, end := int(e.toks[i].Start), int(e.toks[j].End)
	if start > 0 {
		if r, n := utf8.DecodeLastRuneInString(e.text[:start]); lang.IsCurrencySign(r) {
			start -= n
		}
	}
	// Close a bracket the cut opened: "Royal United Services Institute (RUSI)".
	if cut := e.text[start:end]; strings.Count(cut, "(") > strings.Count(cut, ")") && end < len(e.text) && e.text[end] == ')' {
		end++
	}
	return e.text[start:end]
}

// next returns the index of the positional token after i, or -1.
func (e *extract) next(i int) int {
	for i++; i < len(e.toks); i++ {
		if e.cls[i]&text.ClassAux == 0 {
			return i
		}
	}
	return -1
}

// A span is tokens start..end of a fact, a candidate answer, with its
// closeness to the question (see closeness); the zero span is none.
type span struct {
	start, end int
	near       [2]int
	ok         bool
}

// nearer returns the nearer to the question of best and tokens
// start..end; between spans as near, the first.
func (e *extract) nearer(best span, start, end int) span {
	near := e.closeness(start, end)
	if !best.ok || slices.Compare(near[:], best.near[:]) > 0 {
		return span{start, end, near, true}
	}
	return best
}

// cutSpan returns the text of sp, or "" for none.
func (e *extract) cutSpan(sp span) string {
	if !sp.ok {
		return ""
	}
	return e.cut(sp.start, sp.end)
}

// closeness says how near tokens i..j are to the thing asked about and to
// the question's other words, each proxReach+1 less the distance, or 0
// beyond proxReach: the answer is the piece of the sentence the question
// leaves out ("sued Thomson" for "who was sued", "in 1838" for "when did
// the relocation begin").
func (e *extract) closeness(i, j int) [2]int {
	var near [2]int
	for k, marked := range [][]bool{e.focus, e.asked} {
		if d := distance(marked, i, j); d <= proxReach {
			near[k] = proxReach + 1 - d
		}
	}
	return near
}

// distance returns how many tokens from tokens i..j the nearest marked
// token outside them is, or a large number when there is none.
func distance(marked []bool, i, j int) int {
	best := 1 << 20
	for k, f := range marked {
		switch {
		case !f:
		case k < i:
			best = min(best, i-k)
		case k > j:
			best = min(best, k-j)
		}
	}
	return best
}
