package facts

import (
	"slices"
	"strings"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/text"
)

// Phrases are names that mean the same thing: the groups of an aliases file
// ("North Korea = DPRK") and the acronyms the articles define ("Royal United
// Services Institute (RUSI)"). Each group gets a synthetic term; a fact,
// title or question that contains any phrase of the group gets that term
// too, so that one name matches the others.

// An acronym is a short form the text defines with its long form.
type acronym struct {
	short string   // folded: "rusi"
	long  []string // folded: "royal", "united", "services", "institute"
	// from and to are the bytes of the long form in the sentence.
	from, to int
}

// A phrase is one name of a group, as term ids.
type phrase struct {
	terms []uint32
	syn   uint32 // the group's synthetic term
}

// A phraseTable finds phrases in sequences of term ids.
type phraseTable struct {
	byFirst map[uint32][]phrase // by first term, longest first
	isFirst []bool              // by term id: does a phrase start with it?
}

// newPhraseTable numbers the phrase groups, merging groups that share a
// phrase, and adds a synthetic term for each to b's vocabulary.
func newPhraseTable(b *Base, groups [][][]string, lex *lexicon) phraseTable {
	// Union-find over phrases, keyed by their words.
	parent := map[string]string{}
	var find func(string) string
	find = func(k string) string {
		if p, ok := parent[k]; ok && p != k {
			r := find(p)
			parent[k] = r
			return r
		}
		parent[k] = k
		return k
	}
	var order []string // phrase keys in first-seen order, for determinism
	for _, g := range groups {
		root := ""
		for _, ph := range g {
			k := strings.Join(ph, " ")
			if _, ok := parent[k]; !ok {
				order = append(order, k)
			}
			r := find(k)
			if root == "" {
				root = r
			} else if r != root {
				parent[r] = root
			}
		}
	}
	t := phraseTable{byFirst: map[uint32][]phrase{}}
	syn := map[string]uint32{}
	for _, k := range order {
		root := find(k)
		id, ok := syn[root]
		if !ok {
			id = uint32(len(b.terms))
			name := "=" + root
			b.terms = append(b.terms, name)
			b.termID[name] = id
			syn[root] = id
		}
		var terms []uint32
		for _, w := range strings.Fields(k) {
			terms = append(terms, lex.wordTerm[w])
		}
		t.byFirst[terms[0]] = append(t.byFirst[terms[0]], phrase{terms: terms, syn: id})
	}
	t.isFirst = make([]bool, len(b.terms))
	for first, ps := range t.byFirst {
		t.isFirst[first] = true
		slices.SortStableFunc(ps, func(a, b phrase) int { return len(b.terms) - len(a.terms) })
	}
	return t
}

// match returns the phrase that starts at terms[i], skipping positions for
// which skip reports true, and the index just past it.
func (t *phraseTable) match(terms []uint32, i int, skip func(int) bool) (phrase, int, bool) {
	if int(terms[i]) >= len(t.isFirst) || !t.isFirst[terms[i]] {
		return phrase{}, 0, false
	}
	for _, p := range t.byFirst[terms[i]] {
		j, k := i, 0
		for k < len(p.terms) && j < len(terms) {
			if skip != nil && skip(j) {
				j++
				continue
			}
			if terms[j] != p.terms[k] {
				break
			}
			j++
			k++
		}
		if k == len(p.terms) {
			return p, j, true
		}
	}
	return phrase{}, 0, false
}

// markFact adds, as an extra token right after each phrase found in
// seq[start:], the phrase's synthetic term, so that the phrase keeps its
// place for proximity. It uses buf as scratch space and returns it.
func (t *phraseTable) markFact(seq []uint32, cls []text.Class, start int, buf []uint32) ([]uint32, []text.Class, []uint32) {
	if len(t.byFirst) == 0 {
		return seq, cls, buf
	}
	end := len(seq)
	skip := func(j int) bool { return cls[j]&text.ClassAux != 0 }
	// ends[k] holds the synthetic term of a phrase that ends at token k.
	buf = buf[:0]
	for i := start; i < end; i++ {
		if cls[i]&text.ClassAux != 0 {
			continue
		}
		if p, j, ok := t.match(seq[:end], i, skip); ok {
			buf = append(buf, uint32(j-1), p.syn) // after the phrase's last token
		}
	}
	if len(buf) == 0 {
		return seq, cls, buf
	}
	sortPairs(buf) // by where the phrases end, for phrases within phrases
	n := len(buf) / 2
	seq = append(seq, make([]uint32, n)...)
	cls = append(cls, make([]text.Class, n)...)
	// Move tokens up from the end, dropping each synthetic term in after
	// its phrase's last token.
	w, k := len(seq)-1, len(buf)-2
	for r := end - 1; r >= start && w > r; r-- {
		for k >= 0 && int(buf[k]) == r {
			seq[w], cls[w] = buf[k+1], text.ClassAux
			w--
			k -= 2
		}
		seq[w], cls[w] = seq[r], cls[r]
		w--
	}
	return seq, cls, buf
}

// markTerms appends the synthetic terms of the phrases found in terms.
func (t *phraseTable) markTerms(terms []uint32) []uint32 {
	end := len(terms)
	for i := range end {
		p, _, ok := t.match(terms[:end], i, nil)
		if ok && !slices.Contains(terms[end:], p.syn) {
			terms = append(terms, p.syn)
		}
	}
	return terms
}

// findAcronyms appends the acronyms that sentence s defines, in either
// order: "Royal United Services Institute (RUSI)" or "RUSI (Royal United
// Services Institute)".
func findAcronyms(s string, toks []text.Token, words []string, found []acronym) []acronym {
	for i, t := range toks {
		if t.Flags&text.AllCaps == 0 || t.Flags&text.Aux != 0 || len(words[i]) < 2 || len(words[i]) > 8 {
			continue
		}
		short := strings.ToLower(words[i])
		if t.Start > 0 && s[t.Start-1] == '(' && int(t.End) < len(s) && s[t.End] == ')' {
			if long, j := longFormBefore(toks, words, i, short); long != nil {
				found = append(found, acronym{words[i], long, int(toks[j].Start), int(toks[i-1].End)})
			}
			continue
		}
		if rest := s[t.End:]; strings.HasPrefix(rest, " (") {
			if long, j := longFormAfter(s, toks, words, i, short); long != nil {
				found = append(found, acronym{words[i], long, int(toks[i+1].Start), int(toks[j].End)})
			}
		}
	}
	return found
}

// longFormBefore matches the letters of short against the initials of the
// words just before token i, and returns them and the first one's token.
func longFormBefore(toks []text.Token, words []string, i int, short string) ([]string, int) {
	k := len(short) - 1
	j := i - 1
	var long []string
	for j >= 0 && k >= 0 && i-j <= 2*len(short)+2 {
		w := words[j]
		switch {
		case toks[j].Flags&text.Aux != 0:
		case w != "" && strings.ToLower(w[:1]) == short[k:k+1]:
			long = append(long, w)
			k--
		case lang.AcronymStops[w] && len(long) > 0:
			long = append(long, w)
		default:
			return nil, 0
		}
		j--
	}
	if k >= 0 || len(long) < 2 {
		return nil, 0
	}
	slices.Reverse(long)
	return long, j + 1
}

// longFormAfter matches the letters of short against the initials of the
// words in the parentheses after token i, and returns them and the last
// one's token.
func longFormAfter(s string, toks []text.Token, words []string, i int, short string) ([]string, int) {
	closing := strings.IndexByte(s[toks[i].End:], ')')
	if closing < 0 {
		return nil, 0
	}
	end := int(toks[i].End) + closing
	k, last := 0, i
	var long []string
	for j := i + 1; j < len(toks) && int(toks[j].Start) < end; j++ {
		w := words[j]
		switch {
		case toks[j].Flags&text.Aux != 0:
		case k < len(short) && w != "" && strings.ToLower(w[:1]) == short[k:k+1]:
			long = append(long, w)
			k++
			last = j
		case lang.AcronymStops[w] && len(long) > 0:
			long = append(long, w)
			last = j
		default:
			return nil, 0
		}
	}
	if k < len(short) || len(long) < 2 {
		return nil, 0
	}
	return long, last
}

// sortPairs sorts a flat list of (key, value) pairs by key, stably.
func sortPairs(pairs []uint32) {
	for i := 2; i < len(pairs); i += 2 {
		for j := i; j >= 2 && pairs[j] < pairs[j-2]; j -= 2 {
			pairs[j], pairs[j-2] = pairs[j-2], pairs[j]
			pairs[j+1], pairs[j-1] = pairs[j-1], pairs[j+1]
		}
	}
}
