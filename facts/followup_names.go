package facts

import (
	"slices"
	"strings"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/text"
)

// The names a follow-up's pronoun may stand for: what the previous turn
// named, in its question, its answer and its cited facts (followup.go).

// subject returns the name a follow-up's pronoun stands for, from the
// previous answer a to the question prevQ, or "": the name the question
// asked to define ("What is X?"), else the name the answer gave when one
// was asked for, else the question's first name, else the name the cited
// facts use most.
func (b *Base) subject(a Answer, prevQ string) string {
	var cands []string
	if d := parse(text.NewTokenizer(), prevQ, nil, nil).defines; d != "" {
		cands = append(cands, d)
	}
	short := len(a.Citations) == 0 || a.Text != a.Citations[0].Quote
	if kindNamed(a.Type)&(kName|kPerson|kOrg|kPlace) != 0 && a.Text != "" && short {
		cands = append(cands, namesIn(a.Text)...)
	}
	if from, to, ok := b.nameRun(prevQ); ok {
		cands = append(cands, prevQ[from:to])
	}
	cands = append(cands, mostNamed(a.Citations)...)
	for _, c := range cands {
		if b.knows(c) {
			return c
		}
	}
	return ""
}

// mostNamed returns the names the quotes of cs use, most used first (ties
// in the order they come).
func mostNamed(cs []Citation) []string {
	count := map[string]int{}
	var order []string
	for _, c := range cs {
		for _, n := range namesIn(c.Quote) {
			if count[n] == 0 {
				order = append(order, n)
			}
			count[n]++
		}
	}
	slices.SortStableFunc(order, func(x, y string) int { return count[y] - count[x] })
	return order
}

// knows reports whether the fact base has every word of content of s.
func (b *Base) knows(s string) bool {
	z := text.NewTokenizer()
	n := 0
	for _, t := range z.Tokenize(s) {
		w := text.Key(z.Word(t), t.Flags)
		if t.Flags&text.Aux != 0 || lang.Stopwords[w] {
			continue
		}
		if id, ok := b.lookup(w); !ok || !b.indexed(id) {
			return false
		}
		n++
	}
	return n > 0
}

// namesIn returns the names s holds, in order, as collectNames finds them.
func namesIn(s string) []string {
	z := text.NewTokenizer()
	toks := z.Tokenize(s)
	words := make([]string, len(toks))
	lf := make([]text.Lex, len(toks))
	for i, t := range toks {
		words[i] = text.Key(z.Word(t), t.Flags)
		lf[i] = text.LexOf(words[i])
	}
	cls := make([]text.Class, len(toks))
	text.Classify(toks, words, lf, cls)
	var out []string
	for i := 0; i < len(toks); i++ {
		if cls[i]&text.ClassCap == 0 || cls[i]&text.ClassAux != 0 || lf[i]&text.LexStop != 0 {
			continue
		}
		end := text.NameEnd(s, toks, cls, lf, i)
		name := strings.TrimSuffix(strings.TrimSuffix(s[toks[i].Start:toks[end].End], "’s"), "'s")
		if end > i || !demonym(name) { // "Korean" alone describes, it names nothing
			out = append(out, name)
		}
		i = end
	}
	return out
}

// nameRun returns the byte span of the first name in question q: a run of
// words written as names or that are words of names the facts mention.
func (b *Base) nameRun(q string) (from, to int, ok bool) {
	z := text.NewTokenizer()
	from, to = -1, -1
	for _, t := range z.Tokenize(q) {
		if t.Flags&text.Aux != 0 {
			continue
		}
		w := text.Key(z.Word(t), t.Flags)
		if b.nameWord(w, t.Flags) {
			if from < 0 {
				from = int(t.Start)
			}
			to = int(t.End)
			continue
		}
		if from >= 0 {
			break
		}
	}
	return from, to, from >= 0
}

// definedInChat returns the name that "who is kim jong un" or "whats
// bithumb" asks to define, as the question writes it, or "": chat writes
// names in lower case, where definedName, which reads the question alone,
// sees none. Every word after the copula must be a word of a name the
// facts mention.
func (b *Base) definedInChat(q *query) string {
	return nameAfterCopula(q.text, q.toks, q.words, func(i, _ int) bool { return b.nameWord(q.words[i], q.toks[i].Flags) })
}

// nameWord reports whether a question's word reads as part of a name: it
// is written as one inside the question, or it is a word of a name the
// facts mention (chat writes names in lower case).
func (b *Base) nameWord(w string, f text.Flags) bool {
	if lang.Stopwords[w] || lang.QuestionWords[w] || lang.Anaphors[w] || lang.AnaphorPossessives[w] {
		return false
	}
	if f&(text.Cap|text.AllCaps) != 0 && f&text.First == 0 || f&text.AllCaps != 0 {
		return true
	}
	return b.nameWords()[w]
}

// nameWords returns the words, in lower case, of the names the facts
// mention that are not a people's adjective (nameWordSet).
func (b *Base) nameWords() map[string]bool { return b.nameWordSet }

// nameWordSet returns the words, in lower case, of the names of topics
// that are not a people's adjective, with the pieces of a hyphenated one
// ("jong" and "un" of "Jong-un", as chat types it).
func nameWordSet(topics *topicIndex) map[string]bool {
	set := map[string]bool{}
	for _, ts := range topics.byStart {
		for _, t := range ts {
			if demonym(t.name) {
				continue
			}
			for part := range strings.FieldsSeq(strings.ToLower(t.name)) {
				set[part] = true
				if strings.Contains(part, "-") {
					for piece := range strings.SplitSeq(part, "-") {
						set[piece] = piece != ""
					}
				}
			}
		}
	}
	return set
}
