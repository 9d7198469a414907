package facts

import (
	"slices"
	"strings"
	"unicode"

	"github.com/sahilm/fuzzy"
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
	key   string // folded, for matching
}

// Suggest returns up to n questions for the partly typed text, best first:
// completions of the last word with a name or word the facts use, then
// questions about names that match what has been typed. With nothing typed,
// it returns questions about the names the facts mention most.
func (b *Base) Suggest(typed string, n int) []string {
	if n <= 0 || len(b.topics) == 0 && len(b.vocab.sorted) == 0 {
		return nil
	}
	typed = truncate(strings.TrimLeftFunc(typed, unicode.IsSpace), maxQuestionBytes)
	var out []string
	add := func(s string) {
		s = truncate(strings.TrimSpace(s), maxSuggestionLen)
		if s != "" && !slices.Contains(out, s) && len(out) < n {
			out = append(out, s)
		}
	}
	if strings.TrimSpace(typed) == "" {
		for _, t := range b.topics {
			add(topicQuestion(t))
		}
		return out
	}
	head, last := splitLast(typed)
	folded := strings.ToLower(last)

	// Names that the last word begins or abbreviates.
	var names []*topic
	if cands := b.topicCandidates(folded); len(cands) > 0 {
		for _, m := range fuzzy.FindFrom(folded, topicKeys(cands)) {
			names = append(names, cands[m.Index])
		}
	}
	for _, t := range names {
		add(head + t.name)
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

// splitLast splits typed text before its last word.
func splitLast(s string) (head, last string) {
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	return s[:i+1], s[i+1:]
}

// topicCandidates returns the topics whose words start with the letter the
// typed word starts with, most mentioned first, at most a few hundred.
func (b *Base) topicCandidates(w string) []*topic {
	if w == "" {
		return nil
	}
	r := []rune(w)[0]
	cands := b.topicsByLetter[unicode.ToLower(r)]
	return cands[:min(len(cands), maxTopicCandidates)]
}

const maxTopicCandidates = 400

type topicKeys []*topic

func (t topicKeys) String(i int) string { return t[i].key }
func (t topicKeys) Len() int            { return len(t) }

// topicQuestion turns a name into a question the facts may answer.
func topicQuestion(t *topic) string {
	switch {
	case t.kinds&kPerson != 0 && t.kinds&kOrg == 0:
		return "Who is " + t.name + "?"
	case t.kinds&kPlace != 0:
		return "What happened in " + t.name + "?"
	}
	return "What is " + t.name + "?"
}

// collectNames adds the names in one sentence to names: runs of capitalised
// words, which may hold "of" or "the".
func collectNames(s string, toks []token, words []string, cls []class, names map[string]nameUse) {
	for i := 0; i < len(toks); i++ {
		if cls[i]&cCap == 0 || cls[i]&cAux != 0 {
			continue
		}
		var u nameUse
		n, end := 0, i
		for j := i; j < len(toks); j++ {
			switch {
			case cls[j]&cAux != 0:
				continue
			case cls[j]&cCap != 0:
				end = j
				n++
				if orgWords[words[j]] || toks[j].flags&tAllCaps != 0 {
					u.kinds |= kOrg
				}
				if placeWords[words[j]] {
					u.kinds |= kPlace
				}
				continue
			case nameJoins[words[j]] && j+1 < len(toks) && cls[j+1]&cCap != 0:
				continue
			}
			break
		}
		if i > 0 && placePreps[words[i-1]] {
			u.kinds |= kPlace
		}
		if n >= 2 && u.kinds == 0 {
			u.kinds = kPerson
		}
		name := s[toks[i].start:toks[end].end]
		name = strings.TrimSuffix(strings.TrimSuffix(name, "’s"), "'s")
		old := names[name]
		names[name] = nameUse{count: old.count + 1, kinds: old.kinds | u.kinds}
		i = end
	}
}

// mergeTopics merges the names of all articles into topics, most mentioned
// first, and indexes them by the first letter of each of their words.
func mergeTopics(parsed []parsedArticle) ([]*topic, map[string]*topic, map[rune][]*topic) {
	byName := map[string]*topic{}
	var all []*topic
	for _, p := range parsed {
		for name, u := range p.names {
			t := byName[name]
			if t == nil {
				t = &topic{name: name, key: strings.ToLower(name)}
				byName[name] = t
				all = append(all, t)
			}
			t.count += u.count
			t.kinds |= u.kinds
		}
	}
	slices.SortFunc(all, func(a, b *topic) int {
		if a.count != b.count {
			return b.count - a.count
		}
		return strings.Compare(a.name, b.name)
	})
	byKey := make(map[string]*topic, len(all))
	byLetter := map[rune][]*topic{}
	for _, t := range all {
		if _, dup := byKey[t.key]; dup {
			continue
		}
		byKey[t.key] = t
		seen := map[rune]bool{}
		for _, w := range strings.Fields(t.key) {
			r := []rune(w)[0]
			if unicode.IsLetter(r) && !seen[r] {
				seen[r] = true
				byLetter[r] = append(byLetter[r], t)
			}
		}
	}
	return all, byKey, byLetter
}

// commonStem returns the part of a partly typed word that its completions'
// terms share: the word's stem, cut to the word's length.
func commonStem(w string) string {
	s := stem(w)
	return s[:commonPrefix(s, w)]
}
