package facts

import (
	"cmp"
	"math"
	"slices"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/stem"
	"github.com/factbot/factbot/facts/internal/text"
	"github.com/factbot/factbot/facts/internal/translate"
	"github.com/factbot/factbot/facts/internal/wordnet"
)

// The second stage: compile turns a parsed query into what the index can
// score: concept groups, each a word or a phrase of the question with the
// index terms that match it, every term weighted and marked with the
// expander that proposed it (see expand.go).

// An alt is one index term a concept matches, with its weight, its value
// (weight × the group's idf × the group's scale) and its source.
type alt struct {
	term uint32
	w, v float32
	src  source
}

// A group is one concept of the question: a word, or a phrase that names
// one thing ("North Korea"), with the index terms that match it.
type group struct {
	alts    []alt
	imp     float32 // importance: the best alt's value, or the idf of an unknown word
	top     float32 // the most any of its alts adds to a score: the best alt's value
	pos     int     // position of its first word in the question
	tok     int     // its first token in the query
	chatter bool    // request phrasing, not content
	focus   bool    // part of the thing asked about: "exchanges" in "which crypto exchanges…"
	name    bool    // capitalised in the question
	// proper is set for a name, however typed: capitalised, a phrase of
	// the aliases or an acronym's long form, or a word of the facts' names
	// that neither they nor English write in lower case (properWord).
	proper bool
	number bool   // a number
	word   string // folded form, for suggestions and debugging
	stem   string // the word's index term, for the learned table ("" for a phrase)
	// antonyms are the index terms of the word's WordNet antonyms (antonym.go).
	antonyms []uint32
	// learned are the terms the learned table says answer the word.
	learned []learnedPair
}

// A compiled query is a query's concept groups against one index.
type compiled struct {
	groups  []group
	total   float32   // the importance of the groups of content (not chatter)
	unknown float32   // of which in words no fact has
	common  float32   // of which, weighed by how common each is in English (spell.Commonness)
	table   *altTable // term → group, for the reader
	// learned maps the terms that the learned table says answer the
	// question's words to the word's group and t(term | word);
	// nLearned is how many of the groups have any.
	learned  *altTable
	nLearned int
}

// compile matches the words of q against the index. Phrases (aliases,
// acronyms) are matched first, as facts hold them: without stop words.
func (b *Base) compile(s *scratch, q *query) compiled {
	toks, words := q.toks, q.words
	// Term ids of the question's words, for phrase matching; the positions
	// of extra (joined-up) forms are skipped.
	ids := s.ids[:0]
	for i, w := range words {
		id, ok := b.lookup(w)
		if !ok || toks[i].Flags&text.Aux != 0 {
			id = math.MaxUint32
		}
		ids = append(ids, id)
	}
	s.ids = ids
	skip := func(j int) bool { return toks[j].Flags&text.Aux != 0 || lang.Stopwords[words[j]] }

	c := compiled{groups: s.groups[:0], table: &s.table}
	pos := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Flags&text.Aux != 0 {
			// A joined-up compound ("cyber-warfare" as "cyberwarfare")
			// stands in only when its parts are unknown.
			if g, ok := b.auxGroup(toks, words, ids, i); ok {
				g.tok = i
				c.groups = append(c.groups, g)
			}
			continue
		}
		pos++
		if ids[i] != math.MaxUint32 {
			if p, end, ok := b.phrases.match(ids, i, skip); ok {
				g := group{pos: pos, tok: i, name: t.Flags&(text.Cap|text.AllCaps) != 0, proper: true, word: words[i]}
				if b.indexed(p.syn) {
					g.alts = []alt{{term: p.syn, w: 1, src: srcPhrase}}
				}
				c.groups = append(c.groups, b.finish(g))
				pos += end - i - 1
				i = end - 1
				continue
			}
		}
		w := words[i]
		if lang.Stopwords[w] || lang.QuestionWords[w] {
			continue
		}
		g := b.wordGroup(s, q, i, ids[i])
		g.pos, g.tok = pos, i
		c.groups = append(c.groups, g)
	}
	s.groups = c.groups
	if q.amountAsked {
		// The number of "more than 100 million" is compared with the
		// facts' amounts, not looked for in them (verdict_amounts.go);
		// "million" still is.
		for i := range c.groups {
			if g := &c.groups[i]; g.number && g.tok >= q.amount.from && g.tok < q.amount.to {
				g.chatter = true
			}
		}
	}
	for _, g := range c.groups {
		if g.chatter {
			continue
		}
		c.total += g.imp
		if len(g.alts) == 0 {
			c.unknown += g.imp
			c.common += g.imp * b.spell.Commonness(g.word)
		}
	}
	s.table.reset(c.groups)
	c.learned, c.nLearned = &s.learned, b.learnedTerms(s, c.groups)
	return c
}

// maxLearnedTerms is how many of a word's learned answer words count: the
// table keeps 20 a word, best first.
const maxLearnedTerms = 20

// A learnedPair is a term of the index that the learned table says answers
// a question word, with t(term | word).
type learnedPair struct {
	term uint32
	p    float32
}

// learnedTable maps each question stem of the learned table to the terms
// of the index it predicts, at most maxLearnedTerms, best first.
func learnedTable(b *Base) map[string][]learnedPair {
	m := map[string][]learnedPair{}
	tab, err := translate.Default()
	if err != nil {
		return m // the engine ranks without the feature
	}
	for _, row := range tab.Rows() {
		var ps []learnedPair
		for _, p := range row.Pairs[:min(maxLearnedTerms, len(row.Pairs))] {
			if id, ok := b.termID[p.Stem]; ok && b.indexed(id) {
				ps = append(ps, learnedPair{id, p.P})
			}
		}
		if len(ps) > 0 {
			m[row.Q] = ps
		}
	}
	return m
}

// learnedTerms fills s.learned with the terms the learned table says
// answer each word group, and returns how many groups have some.
func (b *Base) learnedTerms(s *scratch, groups []group) int {
	s.learned.init(maxLearnedTerms * len(groups))
	n := 0
	for gi, g := range groups {
		if g.chatter || g.name || g.number || g.stem == "" {
			continue
		}
		for _, p := range g.learned {
			s.learned.put(p.term, gi, p.p)
		}
		if len(g.learned) > 0 {
			n++
		}
	}
	return n
}

// lookup returns the term id of a folded word.
func (b *Base) lookup(w string) (uint32, bool) {
	if id, ok := b.wordTerm[w]; ok {
		return id, true
	}
	id, ok := b.termID[stem.Of(w)]
	return id, ok
}

// indexed reports whether a term has postings.
func (b *Base) indexed(t uint32) bool { return int(t) < len(b.idf) && b.idf[t] > 0 }

// countsSources reports whether question word i is a number of sources
// that no fact names ("in the two articles"): it asks nothing of the facts.
func (b *Base) countsSources(q *query, i int) bool {
	if q.toks[i].Flags&text.Number == 0 && !lang.NumberWords[q.words[i]] {
		return false
	}
	for j := i + 1; j < len(q.toks); j++ {
		if q.toks[j].Flags&text.Aux != 0 {
			continue
		}
		id, ok := b.lookup(q.words[j])
		return lang.SourceWords[q.words[j]] && (!ok || !b.indexed(id))
	}
	return false
}

// wordGroup builds the group of question word i: its own term, and the
// terms every expander proposes for it.
func (b *Base) wordGroup(s *scratch, q *query, i int, id uint32) group {
	w, t := q.words[i], q.toks[i]
	g := group{
		word:    w,
		chatter: lang.Chatter[w] || q.compare && (lang.CompareWords[w] || lang.SourceWords[w]),
		name:    t.Flags&(text.Cap|text.AllCaps) != 0 && t.Flags&text.First == 0 || t.Flags&text.AllCaps != 0,
		number:  t.Flags&text.Number != 0,
		focus:   i >= q.focusFrom && i < q.focusTo,
	}
	g.proper = g.name || !g.number && b.properWord(w)
	known := id != math.MaxUint32 && b.indexed(id)
	phrasal := ""
	if !g.name && !g.number {
		phrasal = phrasalVerb(q, i)
	}
	// A light word ("got", "stuff"), a word for the sources ("the
	// articles") or of mention ("is Japan mentioned") that no fact uses
	// says nothing the facts could lack; a light verb with its particle
	// does ("go up").
	light := lang.LightWords[w] && phrasal == ""
	g.chatter = g.chatter || !known && (light || lang.SourceWords[w] || lang.MentionWords[w]) || b.countsSources(q, i)
	if known {
		g.add(b, id, 1, srcWord)
	}
	if g.number {
		return b.finish(g)
	}
	key := expansionKey{word: w, name: g.name}
	if phrasal != "" {
		key.word = phrasal // "came out" expands as "come out", not as "came"
	}
	if e, ok := b.expansions.get(key); ok {
		g.stem, g.antonyms, g.learned = e.stem, e.antonyms, e.learned
		g.alts = append(g.alts[:0], e.alts...) // the word's own term among them
		return b.finish(g)
	}
	x := expansion{word: w, id: id, known: known}
	if id != math.MaxUint32 {
		x.term = b.terms[id]
	} else {
		x.term = stem.Of(w)
	}
	g.stem = x.term
	if phrasal != "" {
		x.lemmas = []string{phrasal}
	} else if !lang.Stopwords[w] {
		x.lemmas = wordnet.Lemmas(w)
		if !g.name {
			g.antonyms = b.antonymTerms(x.lemmas)
		}
	}
	for src := range nExpanders {
		if w := b.expandW[src]; w > 0 {
			x.found[src] = b.expand(s, src, w, &x, &g)
		}
	}
	g.learned = b.learned[g.stem]
	// What the expanders propose for a word depends on the word, on
	// whether it is a name, and on the fact base alone.
	b.expansions.put(key, &expanded{stem: g.stem, alts: slices.Clone(g.alts), antonyms: g.antonyms, learned: g.learned})
	return b.finish(g)
}

// phrasalVerb returns the WordNet lemma of question word i and the
// particle after it, when WordNet lists the two as a phrasal verb ("come
// out" of "when did the report come out", "set up" of "who set up the
// firm"); else "".
func phrasalVerb(q *query, i int) string {
	j := i + 1
	for j < len(q.toks) && q.toks[j].Flags&text.Aux != 0 {
		j++
	}
	if j >= len(q.words) || !lang.Particles[q.words[j]] {
		return ""
	}
	for _, l := range wordnet.Lemmas(q.words[i]) {
		if p := l + " " + q.words[j]; wordnet.IsVerb(p) {
			return p
		}
	}
	return ""
}

// maxExpansions bounds the words whose expansions a fact base keeps: the
// words of questions repeat (a chat asks about the same things), and a
// flood of new ones costs the expansions, never unbounded memory.
const maxExpansions = 1 << 14

// maxLemmaTerms bounds the lemmas whose term ids a fact base keeps: more
// than WordNet's 147,000.
const maxLemmaTerms = 1 << 18

// An expansionKey is what the expansions of a question word depend on.
type expansionKey struct {
	word string
	name bool
}

// expanded is a word's expansions as the expanders proposed them, before
// finish weighs them.
type expanded struct {
	stem     string
	alts     []alt
	antonyms []uint32
	learned  []learnedPair
}

// add adds an index term to the group's alternatives, or raises its weight
// if it is there; it reports whether the term has postings.
func (g *group) add(b *Base, term uint32, w float32, src source) bool {
	if !b.indexed(term) {
		return false
	}
	for k := range g.alts {
		if g.alts[k].term == term {
			if w > g.alts[k].w {
				g.alts[k].w, g.alts[k].src = w, src
			}
			return true
		}
	}
	g.alts = append(g.alts, alt{term: term, w: w, src: src})
	return true
}

// scale is how much the group's matches count: request phrasing counts little.
func (g *group) scale() float32 {
	if g.chatter {
		return wChatter
	}
	return 1
}

// wChatter is how much a word of request phrasing ("tell", "show") counts,
// against a word of content: a quarter, so that it can break a tie between
// facts but never decide between a fact that has the content and one that
// does not (fitted weights are an order of magnitude apart from it).
const wChatter = 0.25

// finish sets the values of a group's forms and the group's importance.
// A group has one idf, its own word's, so that a synonym or a longer form
// is never worth more than the word the question used; a word the base does
// not know takes the idf of its best stand-in.
func (b *Base) finish(g group) group {
	var idf float32
	for _, a := range g.alts {
		if a.w == 1 {
			idf = max(idf, b.idf[a.term])
		}
	}
	if idf == 0 {
		for _, a := range g.alts {
			idf = max(idf, b.idf[a.term])
		}
	}
	for i := range g.alts {
		g.alts[i].v = g.alts[i].w * idf * g.scale()
	}
	// Best form first: the first stage counts only the first form of a
	// group that a passage has.
	slices.SortStableFunc(g.alts, func(x, y alt) int { return cmp.Compare(y.v, x.v) })
	switch {
	case len(g.alts) > 0:
		g.top = g.alts[0].v
		g.imp = g.top
	case g.chatter:
		g.imp = b.maxIDF * wChatter
	default:
		g.imp = b.maxIDF // an unknown word: it weighs as the rarest
	}
	return g
}

// auxGroup returns a group for the joined-up form at toks[i] when one of
// the parts it joins is unknown to the base ("cyber warfare" in a question,
// "cyberwarfare" in the facts is the other way round and needs nothing).
func (b *Base) auxGroup(toks []text.Token, words []string, ids []uint32, i int) (group, bool) {
	id, ok := b.lookup(words[i])
	if !ok || !b.indexed(id) {
		return group{}, false
	}
	for j := i - 1; j >= 0 && toks[j].Start >= toks[i].Start; j-- {
		if pid, ok := b.lookup(words[j]); !ok || !b.indexed(pid) && !lang.Stopwords[words[j]] {
			return b.finish(group{alts: []alt{{term: id, w: 1, src: srcJoined}}, word: words[i]}), true
		}
	}
	return group{}, false
}
