package facts

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factbot/factbot/facts/internal/spell"
	"github.com/factbot/factbot/facts/internal/text"
)

// Between parse and compile, correct reads a question's spelling the way
// people type in chat ("wat did teh hackers steal", "hwo many ppl"),
// against the fact base's words and general English (package spell).

// A Correction is one change of spelling the engine made to read a
// question: From as typed, To as read.
type Correction struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// minKnownCount is how often a word must occur in the articles to count as
// known to the spelling corrector, which never corrects a known word: a
// word seen once is as likely a typo or an odd name ("wat", "abt") as a
// word people would ask with; it is still the correction the corrector
// prefers ("contract" for "contrct", not "contact"). A word of the aliases
// file is known however often the articles use it: someone chose it as a
// name people ask with.
const minKnownCount = 2

// newCorrector builds the spelling corrector over the words of a lexicon,
// or returns nil if it cannot (the engine then reads questions as typed).
func newCorrector(lex *lexicon) *spell.Corrector {
	c, err := spell.New(func(yield func(string, int) bool) {
		for i, w := range lex.words {
			if strings.ContainsFunc(w, func(r rune) bool { return 'A' <= r && r <= 'Z' }) {
				continue // an all-caps stop word kept apart ("US")
			}
			n := max(int(lex.freq[i]), 1)
			if lex.curated[w] {
				n = max(n, minKnownCount)
			}
			if !yield(w, n) {
				return
			}
		}
	}, minKnownCount)
	if err != nil {
		return nil
	}
	return c
}

// keepNameWords marks to keep the question's words that are words of the
// names the facts mention, as chat types them in lower case ("what did
// tass say", "what does wmd stand for"), however rarely the articles use
// them. A name word that is also chat shorthand ("wanna" of "Wanna Cry")
// is kept only where it makes a name of the facts with the word beside it,
// so that "i wanna know" is still read out, and so are "r" and "govt"
// beside words of other names ("german americans r there", "the govt
// contract committee").
func (b *Base) keepNameWords(q query, words []string, keep []bool, at []int) {
	name := func(k int) bool { return k >= 0 && k < len(words) && b.nameWord(q.words[at[k]], q.toks[at[k]].Flags) }
	phrase := func(k int) bool {
		return k > 0 && b.namePhrase(words[k-1], words[k]) || k+1 < len(words) && b.namePhrase(words[k], words[k+1])
	}
	for k, w := range words {
		if !keep[k] && name(k) && (!b.spell.Shorthand(w) || phrase(k)) {
			keep[k] = true
		}
	}
}

// correct returns q read with its spelling corrected, and the corrections,
// or q itself when there are none. Names typed with a capital and numbers
// are kept as they are; contractions typed without an apostrophe ("whats")
// are read out but not reported as corrections.
func (b *Base) correct(s *scratch, q query) (query, []Correction) {
	if b.spell == nil {
		return q, nil
	}
	words, keep, at := s.cwords[:0], s.ckeep[:0], s.cat[:0]
	for i, t := range q.toks {
		if t.Flags&text.Aux != 0 {
			continue
		}
		words = append(words, strings.ToLower(q.words[i]))
		keep = append(keep, q.isName(i) || t.Flags&text.Number != 0)
		at = append(at, i)
	}
	b.keepNameWords(q, words, keep, at)
	s.cwords, s.ckeep, s.cat = words, keep, at
	joins := b.joinNames(words, keep)
	_, fixes := b.spell.Correct(words, keep)
	if len(joins) > 0 {
		fixes = append(fixes, joins...)
		slices.SortFunc(fixes, func(x, y spell.Fix) int { return x.At - y.At })
	}
	if len(fixes) == 0 {
		return q, nil
	}
	var sb strings.Builder
	var out []Correction
	last := 0
	for _, f := range fixes {
		first, end := q.toks[at[f.At]], q.toks[at[f.At+f.N-1]]
		sb.WriteString(q.text[last:first.Start])
		sb.WriteString(f.To)
		last = int(end.End)
		if f.Kind != spell.Contraction {
			out = append(out, Correction{From: q.text[first.Start:end.End], To: f.To})
		}
	}
	sb.WriteString(q.text[last:])
	return parse(s.z, sb.String(), q.toks[:0], q.words[:0]), out
}

// minJoinedName is the fewest letters of a name written as one word that
// is read as the name: shorter ones are too often a word of their own.
const minJoinedName = 6

// joinNames returns the fixes that read a word the facts never use as the
// name of several words it runs together ("wannacry" as "Wanna Cry"), and
// marks those words kept for the spelling corrector.
func (b *Base) joinNames(words []string, keep []bool) []spell.Fix {
	var out []spell.Fix
	for k, w := range words {
		name, ok := b.joinedNames[w]
		if keep[k] || !ok || len(w) < minJoinedName {
			continue
		}
		if id, known := b.lookup(w); known && b.indexed(id) {
			continue
		}
		keep[k] = true
		out = append(out, spell.Fix{At: k, N: 1, From: w, To: name, Kind: spell.Split})
	}
	return out
}

// namePhrase reports whether x and y, two words in lower case, are a name
// of two words the facts mention ("saint helena"), for the corrector's
// choice among the readings of a typo beside one of them.
func (b *Base) namePhrase(x, y string) bool {
	name, ok := b.joinedNames[x+y]
	return ok && len(name) == len(x)+1+len(y) && strings.EqualFold(name, x+" "+y)
}

// joinedNames maps the names of several words of topics, lower-cased and
// written as one ("wannacry"), to the names as the facts write them. Of
// names that join alike ("Southeast Asia", "South East Asia"), the most
// mentioned wins, then the first in order: the same one every build.
func joinedNames(topics *topicIndex) map[string]string {
	best := map[string]*topic{}
	for _, ts := range topics.byStart {
		for _, t := range ts {
			parts := strings.Fields(t.name)
			if len(parts) < 2 || len(parts) > 3 || demonym(t.name) {
				continue
			}
			joined := strings.ToLower(strings.Join(parts, ""))
			if strings.ContainsFunc(joined, func(r rune) bool { return !unicode.IsLetter(r) }) {
				continue
			}
			if old, ok := best[joined]; !ok || t.count > old.count || t.count == old.count && t.name < old.name {
				best[joined] = t
			}
		}
	}
	m := make(map[string]string, len(best))
	for joined, t := range best {
		m[joined] = t.name
	}
	return m
}

// properBelow is the commonness (spell.Commonness) under which a word of
// the facts' names may be a name when a question types it in lower case:
// seen in lower case fewer than about five times in the English counts.
const properBelow = 0.2

// properWord reports whether w, typed in lower case, names something: a
// word of the names the facts mention that they never write in lower case
// and that general English seldom does ("korea", "bithumb", but not
// "south" nor "group", nor a rare word a large base writes in a name and
// elsewhere as a word).
func (b *Base) properWord(w string) bool {
	return b.proper[w] && b.spell != nil && b.spell.Commonness(w) < properBelow
}

// properWords returns the words of the names the facts mention (names)
// that no article writes in lower case.
func properWords(parsed []parsedArticle, names map[string]bool) map[string]bool {
	out := maps.Clone(names)
	for _, p := range parsed {
		for id, w := range p.words {
			if p.lower[id] {
				delete(out, w)
			}
		}
	}
	return out
}

// truecase gives the names the facts mention their capitals where the
// question types them in lower case, as chat does: "who runs the lazarus
// group" is read as "who runs the Lazarus Group", so that the name is read
// as a name (its own focus, no synonyms, a name the best fact may lack)
// and not as words. A name of two or three words is one the facts write
// (joinedNames); a word alone must be a word of their names that English
// seldom writes in lower case (properWord): "korea", "bithumb" and
// "youbit" (of "YouBit"), not "south" nor "group". A name typed as one
// word stays one: "appletv" is the facts' "AppleTV", a term of its own,
// which "Apple TV" would not match. It returns q itself when there is
// nothing to do.
func (b *Base) truecase(s *scratch, q query) query {
	var sb strings.Builder
	last := 0
	for i := 0; i < len(q.toks); i++ {
		t := q.toks[i]
		if t.Flags&(text.Aux|text.Cap|text.AllCaps|text.Number) != 0 || !b.nameWordSet[q.words[i]] {
			continue // a name's words, the first of them too, are words of names
		}
		end, name := b.nameAt(q, i)
		if end < 0 {
			if !b.properWord(q.words[i]) {
				continue
			}
			r, n := utf8.DecodeRuneInString(q.text[t.Start:])
			end, name = i, string(unicode.ToUpper(r))+q.text[int(t.Start)+n:t.End]
		}
		sb.WriteString(q.text[last:t.Start])
		sb.WriteString(name)
		last = int(q.toks[end].End)
		i = end
	}
	if last == 0 {
		return q
	}
	sb.WriteString(q.text[last:])
	return parse(s.z, sb.String(), q.toks[:0], q.words[:0])
}

// nameAt returns the last token of the name of two or three words the
// facts mention that starts at token i of q, typed with single spaces,
// and the name as the facts write it; or -1.
func (b *Base) nameAt(q query, i int) (int, string) {
	for n := 3; n >= 2; n-- {
		end := i + n - 1
		if end >= len(q.toks) {
			continue
		}
		var buf [64]byte
		joined := buf[:0]
		ok := true
		for k := i; k <= end && ok; k++ {
			ok = q.toks[k].Flags&(text.Aux|text.Number) == 0 && (k == i || q.text[q.toks[k-1].End:q.toks[k].Start] == " ")
			joined = append(joined, strings.ToLower(q.words[k])...) // folded words: ToLower only copies an all-caps one
		}
		if !ok {
			continue
		}
		if name, found := b.joinedNames[string(joined)]; found && strings.EqualFold(name, q.text[q.toks[i].Start:q.toks[end].End]) {
			return end, name
		}
	}
	return -1, ""
}
