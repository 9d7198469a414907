package facts

import (
	"slices"
	"strings"
	"unicode"

	"github.com/sahilm/fuzzy"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/stem"
	"github.com/factbot/factbot/facts/internal/text"
)

// Suggestions for a partly typed question, as a chat client's autocomplete
// shows them. They come from the fact base: the names its facts mention
// (people, organisations, places) as questions about them ("Who is Sergei
// Neverov?", "What is the Lazarus Group?"), and completions of the word
// being typed with a name or word the facts use.

// maxSuggestionLen is the longest suggestion, in bytes: Discord's limit on
// an autocomplete choice.
const maxSuggestionLen = 100

// A topic is a name the facts mention, with how often.
type topic struct {
	name  string // as written: "Lazarus Group"
	kinds kind   // kPerson, kOrg or kPlace, from its words and uses
	count int
}

// topicIndex holds the names the facts mention, most mentioned first: all
// of them (to the first maxTopicCandidates) under the first letter and
// under the first two letters of each of their words, lower-cased.
type topicIndex struct {
	questions []string // about the most mentioned names, for questions being begun
	names     []string // the most mentioned names, for Names
	byStart   map[string][]*topic
}

// Suggest returns up to n questions for the partly typed text, best first:
// completions of the last word with a name or word the facts use, then
// questions about names that match what has been typed. With nothing typed,
// it returns questions about the names the facts mention most.
func (b *Base) Suggest(typed string, n int) []string {
	if n <= 0 {
		return nil
	}
	typed = truncate(strings.TrimLeftFunc(typed, unicode.IsSpace), maxQuestionBytes)
	var out []string
	add := func(s string) {
		s = truncate(strings.TrimSpace(s), maxSuggestionLen)
		if s == "" || len(out) >= n {
			return
		}
		for _, o := range out {
			if strings.EqualFold(o, s) {
				return
			}
		}
		out = append(out, s)
	}
	if strings.TrimSpace(typed) == "" {
		for _, q := range b.topics.questions {
			add(q)
		}
		return out
	}
	head, last := splitLast(typed)
	folded := strings.ToLower(last)

	// Names that the last word begins or abbreviates complete it.
	var names []*topic
	if cands := b.topics.byStart[wordStart(folded)]; len(cands) > 0 {
		for _, m := range fuzzy.FindFrom(folded, topicNames(cands)) {
			names = append(names, cands[m.Index])
			if len(names) == maxNameCompletions {
				break
			}
		}
	}
	for _, t := range names {
		add(head + t.name)
	}
	// Questions about the names the facts mention most that begin as
	// typed ("Who" → "Who is Sergei Neverov?"), then those about the
	// names just found.
	for _, q := range b.topics.questions {
		if len(q) >= len(typed) && strings.EqualFold(q[:len(typed)], typed) {
			add(q)
		}
	}
	for _, t := range names {
		add(topicQuestion(t))
	}
	// Words of the facts that complete the last word.
	if len(folded) >= 2 {
		lo, hi := b.vocab.span(commonStem(folded))
		for k := lo; k < hi && len(out) < n; k++ {
			if w := b.surface[b.vocab.ids[k]]; w != "" && strings.HasPrefix(w, folded) {
				add(head + w)
			}
		}
	}
	return out
}

// Names returns up to n of the names of people, organisations and places
// that the facts mention, most mentioned first.
func (b *Base) Names(n int) []string {
	return slices.Clone(b.topics.names[:min(max(n, 0), len(b.topics.names))])
}

// maxNameCompletions is how many names may complete the word being typed.
const maxNameCompletions = 8

// splitLast splits typed text before its last word.
func splitLast(s string) (head, last string) {
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	return s[:i+1], s[i+1:]
}

// maxTopicCandidates bounds the names an autocomplete request is matched
// against: the most mentioned of those whose words start as the typed
// word does.
const maxTopicCandidates = 400

// wordStart returns the first two letters of a lower-case word, or its one.
func wordStart(w string) string {
	n := 0
	for i := range w {
		if n == 2 {
			return w[:i]
		}
		n++
	}
	return w
}

type topicNames []*topic

func (t topicNames) String(i int) string { return t[i].name }
func (t topicNames) Len() int            { return len(t) }

// topicQuestion turns a name into a question the facts may answer.
func topicQuestion(t *topic) string {
	switch {
	case t.kinds&kOrg != 0:
		return "What is " + t.name + "?"
	case t.kinds&kPlace != 0:
		return "Tell me about " + t.name
	case t.kinds&kPerson != 0:
		return "Who is " + t.name + "?"
	}
	return "Tell me about " + t.name
}

// demonym reports whether a one-word name reads as an adjective of a
// people ("Korean", "British"), which makes a poor topic on its own.
func demonym(name string) bool {
	for _, suf := range lang.DemonymSuffixes {
		if strings.HasSuffix(name, suf) {
			return true
		}
	}
	return false
}

// collectNames adds the names in one sentence to names, as text.NameEnd
// finds them.
func collectNames(s string, toks []text.Token, lf []text.Lex, cls []text.Class, names map[string]nameUse) {
	for i := 0; i < len(toks); i++ {
		if cls[i]&text.ClassCap == 0 || cls[i]&text.ClassAux != 0 {
			continue
		}
		var u nameUse
		end := text.NameEnd(s, toks, cls, lf, i)
		n := 0
		for j := i; j <= end; j++ {
			if cls[j]&text.ClassCap == 0 || cls[j]&text.ClassAux != 0 {
				continue
			}
			n++
			if lf[j]&text.LexOrg != 0 || toks[j].Flags&text.AllCaps != 0 {
				u.kinds |= kOrg
			}
			if lf[j]&(text.LexPlace|text.LexCountry) != 0 {
				u.kinds |= kPlace
			}
		}
		if i > 0 && lf[i-1]&text.LexPlacePrep != 0 {
			u.kinds |= kPlace
		}
		if lang.PlaceNames[strings.ToLower(s[toks[i].Start:toks[end].End])] {
			u.kinds |= kPlace
		}
		if n >= 2 && u.kinds == 0 {
			u.kinds = kPerson
		}
		name := s[toks[i].Start:toks[end].End]
		name = strings.TrimSuffix(strings.TrimSuffix(name, "’s"), "'s")
		if strings.ContainsFunc(name, func(r rune) bool { return unicode.IsSpace(r) && r != ' ' }) {
			name = strings.Join(strings.Fields(name), " ") // no-break spaces
		}
		old := names[name]
		names[name] = nameUse{count: old.count + 1, kinds: old.kinds | u.kinds}
		i = end
	}
}

// newTopicIndex indexes the names the articles mention.
func newTopicIndex(names map[string]nameUse) topicIndex {
	store := make([]topic, 0, len(names))
	for name, u := range names {
		store = append(store, topic{name: name, count: u.count, kinds: u.kinds})
	}
	all := make([]*topic, len(store))
	for i := range store {
		all[i] = &store[i]
	}
	slices.SortFunc(all, func(a, b *topic) int {
		if a.count != b.count {
			return b.count - a.count
		}
		return strings.Compare(a.name, b.name)
	})
	idx := topicIndex{byStart: map[string][]*topic{}}
	seen := make(map[string]bool, len(all))
	var starts []string
	for _, t := range all {
		key := strings.ToLower(t.name)
		if seen[key] {
			continue // "the Lazarus Group" and "The Lazarus Group"
		}
		seen[key] = true
		if len(idx.questions) < maxTopicQuestions && !demonym(t.name) {
			idx.questions = append(idx.questions, topicQuestion(t))
			idx.names = append(idx.names, t.name)
		}
		starts = starts[:0]
		for _, w := range strings.Fields(key) {
			if r := []rune(w)[0]; !unicode.IsLetter(r) {
				continue
			}
			s2 := wordStart(w)
			s1 := s2[:len(string([]rune(s2)[0]))]
			for _, st := range []string{s1, s2} {
				if !slices.Contains(starts, st) {
					starts = append(starts, st)
					if l := idx.byStart[st]; len(l) < maxTopicCandidates {
						idx.byStart[st] = append(l, t)
					}
				}
			}
		}
	}
	return idx
}

// maxTopicQuestions is how many of the most mentioned names have questions
// ready for suggestions.
const maxTopicQuestions = 200

// commonStem returns the part of a partly typed word that its completions'
// terms share: the word's stem, cut to the word's length.
func commonStem(w string) string {
	s := stem.Of(w)
	return s[:commonPrefix(s, w)]
}
