package facts

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/text"
)

// Match weights: how much a question word counts when it matches a fact
// through another form. An exact match (after folding and stemming) is 1.
const (
	wSynonym = 0.85 // a word of the same synonym group
	wRelated = 0.9  // a derived form: "hacker" for "hack"
	wPrefix  = 0.75 // a longer word the question word begins ("crypto", "cryptocurrency")
	wTypo1   = 0.6  // one typo
	wTypo2   = 0.45 // two typos
	wAbbrev  = 0.5  // an abbreviation ("grp" for "group")
	wChatter = 0.25 // a word of request phrasing ("tell", "show"); never content

	// maxPrefixTerms is how many longer terms a prefix may stand for; a
	// prefix of more is too vague to expand.
	maxPrefixTerms = 12
	// maxTypoTerms is how many terms, the most frequent, stand in for a
	// word with a typo.
	maxTypoTerms = 6
)

// An alt is one index term a question word matches, with its weight and
// its value (weight × the group's idf × the group's scale).
type alt struct {
	term uint32
	w, v float32
}

// A group is one concept of the question: a word, or a phrase that names
// one thing ("North Korea"), with the index terms that match it.
type group struct {
	alts    []alt
	imp     float32 // importance: the best alt's value, or the idf of an unknown word
	top     float32 // the most any of its alts adds to a score: the best alt's value
	pos     int     // position of its first word in the question
	chatter bool    // request phrasing, not content
	focus   bool    // part of the thing asked about: "exchanges" in "which crypto exchanges…"
	name    bool    // capitalised in the question
	number  bool    // a number
	word    string  // folded form, for suggestions and debugging
}

// A query is an analysed question.
type query struct {
	groups []group
	want   kind // the kind of answer the question asks for
	wh     string
	yesNo  bool // a question that asks whether ("Is North Korea behind …?")
	// defines is the name a question asks to define ("What is
	// Pyongyang?", "Who is Taro Kono?"), as the question writes it.
	defines string
}

// analyze turns a question into a query: its answer type and its concept
// groups, each with the terms that match it.
func (b *Base) analyze(s *scratch, question string) query {
	z := s.z
	question = stripLinks(truncate(question, maxQuestionBytes))
	if !strings.ContainsFunc(question, unicode.IsLower) {
		// A question in capitals: its words are not acronyms.
		question = strings.ToLower(question)
	}
	toks := z.Tokenize(question)
	words := s.words[:0]
	for _, t := range toks {
		words = append(words, text.Key(z.Word(t), t.Flags))
	}
	s.words = words
	var q query
	q.want, q.wh = questionType(toks, words)
	q.yesNo = q.wh == "" && len(words) > 0 && lang.Auxiliaries[words[0]]
	q.defines = definedName(question, toks, words)

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
	// Phrases are matched as facts hold them: without stop words.
	skip := func(j int) bool { return toks[j].Flags&text.Aux != 0 || lang.Stopwords[words[j]] }
	focusFrom, focusTo := focusRun(toks, words)

	pos := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Flags&text.Aux != 0 {
			// A joined-up compound ("cyber-warfare" as "cyberwarfare")
			// stands in only when its parts are unknown.
			if g, ok := b.auxGroup(toks, words, ids, i); ok {
				q.groups = append(q.groups, g)
			}
			continue
		}
		pos++
		if ids[i] != math.MaxUint32 {
			if p, end, ok := b.phrases.match(ids, i, skip); ok {
				g := group{pos: pos, name: t.Flags&(text.Cap|text.AllCaps) != 0, word: words[i]}
				if b.indexed(p.syn) {
					g.alts = []alt{{term: p.syn, w: 1}}
				}
				q.groups = append(q.groups, b.finish(g))
				pos += end - i - 1
				i = end - 1
				continue
			}
		}
		w := words[i]
		if lang.Stopwords[w] || lang.QuestionWords[w] {
			continue
		}
		g := b.wordGroup(s, w, ids[i], t)
		g.pos = pos
		g.focus = i >= focusFrom && i < focusTo
		q.groups = append(q.groups, g)
	}
	return q
}

// focusRun returns the tokens [from, to) of the noun phrase after "which",
// "what", "how many" or "how much": the thing the question asks about
// ("Which crypto exchanges were…", "How many hackers…"), at most three
// words, up to the first stop word.
func focusRun(toks []text.Token, words []string) (int, int) {
	for i, w := range words {
		if w != "which" && w != "what" && w != "how" {
			continue
		}
		j := i + 1
		if w == "how" {
			if j >= len(words) || words[j] != "many" && words[j] != "much" {
				return 0, 0
			}
			j++
		}
		k := j
		for k < len(words) && k < j+3 && !lang.Stopwords[words[k]] && !lang.QuestionWords[words[k]] {
			k++
		}
		return j, k
	}
	return 0, 0
}

// stripLinks blanks out what in a chat message is not words of the
// question: links ("https://…", "www.…") and chat markup in angle brackets
// ("<@123>", "<:emoji:456>", "<https://…>").
func stripLinks(q string) string {
	if !strings.ContainsAny(q, "<:.") {
		return q
	}
	var sb strings.Builder
	for i := 0; i < len(q); {
		rest := q[i:]
		skip := 0
		switch {
		case strings.HasPrefix(rest, "http://"), strings.HasPrefix(rest, "https://"), strings.HasPrefix(rest, "www."):
			skip = strings.IndexFunc(rest, unicode.IsSpace)
		case rest[0] == '<':
			if end := strings.IndexByte(rest, '>'); end > 0 && !strings.ContainsFunc(rest[:end], unicode.IsSpace) {
				skip = end + 1
			}
		}
		if skip < 0 {
			skip = len(rest)
		}
		if skip > 0 {
			sb.WriteByte(' ')
			i += skip
			continue
		}
		sb.WriteByte(q[i])
		i++
	}
	return sb.String()
}

// maxQuestionBytes bounds the part of a question that is read.
const maxQuestionBytes = 2000

// lookup returns the term id of a folded word.
func (b *Base) lookup(w string) (uint32, bool) {
	if id, ok := b.wordTerm[w]; ok {
		return id, true
	}
	id, ok := b.termID[stem(w)]
	return id, ok
}

// indexed reports whether a term has postings.
func (b *Base) indexed(t uint32) bool { return int(t) < len(b.idf) && b.idf[t] > 0 }

// wordGroup builds the group of one question word: its own term, synonyms,
// related forms and longer words it begins, or, for a word the base does
// not know, terms within its typo budget and words it abbreviates.
func (b *Base) wordGroup(s *scratch, w string, id uint32, t text.Token) group {
	g := group{
		word:    w,
		chatter: lang.Chatter[w],
		name:    t.Flags&(text.Cap|text.AllCaps) != 0 && t.Flags&text.First == 0 || t.Flags&text.AllCaps != 0,
		number:  t.Flags&text.Number != 0,
	}
	add := func(term uint32, wt float32) {
		if !b.indexed(term) {
			return
		}
		for k := range g.alts {
			if g.alts[k].term == term {
				g.alts[k].w = max(g.alts[k].w, wt)
				return
			}
		}
		g.alts = append(g.alts, alt{term: term, w: wt})
	}
	known := id != math.MaxUint32 && b.indexed(id)
	if known {
		add(id, 1)
	}
	if g.number {
		return b.finish(g)
	}
	var term string
	if id != math.MaxUint32 {
		term = b.terms[id]
	} else {
		term = stem(w)
	}
	for _, syn := range b.synonyms[term] {
		add(syn, wSynonym)
	}
	for _, r := range b.related(term) {
		add(r, wRelated)
	}
	if len(w) >= 4 {
		lo, hi := b.vocab.extensions(id, term)
		if hi-lo <= maxPrefixTerms {
			for k := lo; k < hi; k++ {
				add(b.vocab.ids[k], wPrefix)
			}
		}
	}
	if !known {
		// One typo first; two only for a long word that one does not
		// mend. Of the terms found, the most frequent few stand in.
		for typos := 1; typos <= maxTypos(len(w)); typos++ {
			s.typos = s.typos[:0]
			b.vocab.fuzzy(w, typos, func(id uint32, _ int) {
				if !slices.Contains(s.typos, id) {
					s.typos = append(s.typos, id)
				}
			})
			if len(s.typos) == 0 {
				continue
			}
			slices.SortFunc(s.typos, func(x, y uint32) int {
				return cmp.Or(cmp.Compare(b.idf[x], b.idf[y]), cmp.Compare(x, y))
			})
			wt := float32(wTypo1)
			if typos == 2 {
				wt = wTypo2
			}
			for _, id := range s.typos[:min(len(s.typos), maxTypoTerms)] {
				add(id, wt)
			}
			break
		}
		if len(g.alts) == 0 && len(w) <= 4 {
			for _, id := range b.vocab.abbreviations(w, 2) {
				add(id, wAbbrev)
			}
		}
	}
	return b.finish(g)
}

// scale is how much the group's matches count: request phrasing counts little.
func (g *group) scale() float32 {
	if g.chatter {
		return wChatter
	}
	return 1
}

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

// related returns the terms of derived forms of a term found in the index:
// the agent noun and its verb ("hacker", "hack").
func (b *Base) related(term string) []uint32 {
	var out []uint32
	try := func(s string) {
		if id, ok := b.termID[s]; ok && b.indexed(id) {
			out = append(out, id)
		}
	}
	if n := len(term); n > 4 && (term[n-2:] == "er" || term[n-2:] == "or") {
		try(term[:n-2])
	} else if n >= 3 {
		try(term + "er")
	}
	return out
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
			return b.finish(group{alts: []alt{{term: id, w: 1}}, word: words[i]}), true
		}
	}
	return group{}, false
}

// definedName returns the name that "What is X?" or "Who was X?" asks to
// define, as written in the question, or "" for another question.
func definedName(question string, toks []text.Token, words []string) string {
	if len(words) < 3 || words[0] != "what" && words[0] != "who" || !lang.Copulas[words[1]] {
		return ""
	}
	first, last := -1, -1
	for i := 2; i < len(toks); i++ {
		switch {
		case toks[i].Flags&text.Aux != 0:
		case first < 0 && (words[i] == "the" || words[i] == "a" || words[i] == "an"):
		case toks[i].Flags&(text.Cap|text.AllCaps) != 0 || toks[i].Flags&text.Hyphen != 0 && last == i-1:
			if first < 0 {
				first = i
			}
			last = i
		default:
			return "" // not only a name: "What is the price of …"
		}
	}
	if first < 0 {
		return ""
	}
	return question[toks[first].Start:toks[last].End]
}

// questionType returns the kind of answer a question asks for, from its
// opening words: "how much" asks for money, "when" for a date.
func questionType(toks []text.Token, words []string) (kind, string) {
	for i, w := range words {
		if toks[i].Flags&text.Aux != 0 {
			continue
		}
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		switch w {
		case "when":
			return kDate, w
		case "where":
			return kPlace, w
		case "who", "whom", "whose":
			return kName, w
		case "why":
			return kReason, w
		case "how":
			switch next {
			case "much":
				return kMoney | kCount | kPercent, "how much"
			case "many":
				return kCount, "how many"
			case "long", "old", "far", "big", "large", "tall":
				return kCount, "how " + next // a length, an age or a text.Span of time is a count of units
			}
			return 0, w
		case "what", "which":
			if lang.Doing[next] {
				return 0, w // "What did the minister point out?" asks for no kind of thing
			}
			k := nounType(words[i+1:])
			if n := focusNoun(words[i+1:]); len(n) > 3 && n[len(n)-1] == 's' && !strings.HasSuffix(n, "ss") {
				k |= kList // "which countries", "what businesses"
			}
			return k, w
		}
	}
	return 0, ""
}

// focusNoun returns the first word after "what" or "which" that is not a
// stop word: the thing the question asks about.
func focusNoun(rest []string) string {
	for _, w := range rest {
		if !lang.Stopwords[w] {
			return w
		}
	}
	return ""
}

// nounType reads the answer type off the noun after "what" or "which":
// "what year" asks for a date, "which country" for a place.
func nounType(rest []string) kind {
	for i, w := range rest {
		if i > 3 {
			break
		}
		switch w {
		case "year", "years", "date", "day", "month", "decade", "century", "time":
			return kDate
		case "country", "countries", "city", "cities", "place", "region", "state", "nation", "town", "continent":
			return kPlace
		case "percentage", "percent", "share", "proportion", "fraction":
			return kPercent
		case "amount", "price", "cost", "sum", "value", "worth":
			return kMoney | kCount
		case "number":
			return kCount
		case "person", "people", "man", "woman", "minister", "president", "leader", "king", "queen", "author", "chairman", "ceo",
			"founder", "official", "officer", "spokesman", "spokeswoman", "spokesperson", "politician", "director", "executive",
			"analyst", "expert", "scientist", "member", "agent", "senator", "governor", "mayor", "general", "judge", "player", "coach":
			return kName
		case "company", "organization", "organisation", "group", "agency", "firm", "tank", "institute", "exchange", "exchanges", "team", "party", "bank", "bureau":
			return kName
		}
	}
	return 0
}
