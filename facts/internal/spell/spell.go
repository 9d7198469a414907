package spell

import (
	"fmt"
	"iter"
	"math"
	"strings"

	"github.com/factbot/factbot/facts/internal/lang"
)

// A Kind tells what sort of change a Fix is.
type Kind uint8

const (
	Typo        Kind = iota // a misspelt word ("teh" → "the")
	Chat                    // a chat abbreviation ("ppl" → "people")
	Contraction             // a contraction without its apostrophe ("whats" → "what is")
	Split                   // words run together ("thinktank" → "think tank")
	Join                    // a word split in two ("data base" → "database")
)

var kindNames = [...]string{"typo", "chat", "contraction", "split", "join"}

// String returns the kind's name in lower case ("typo", "chat", …).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// A Fix is one change Correct made: the N words from words[At] on, From
// (joined by spaces), read as To (one word or more, joined by spaces).
type Fix struct {
	At, N    int
	From, To string
	Kind     Kind
}

// Tuning. Each is chosen on the aggregate rates of cmd/spellmeasure (see the
// README's "Chat spelling"), never on one question.
const (
	// lambda weighs one edit against the log of a word's frequency: a
	// candidate one edit further off must be e^lambda (≈3000) times as
	// frequent to win.
	lambda = 8.0
	// minLower is how often a word must have been seen in lower case to
	// count as an English word when wamerican does not list it.
	minLower = 3
	// minName is how often a word seen with a capital must have been seen
	// to be a candidate, as a common name of general English ("china",
	// "british"): it is never a valid word that stays as it is.
	minName = 100
	// rareValid and overValid: a valid English word is read as another only
	// if it was seen at most rareValid times in lower case and the other,
	// one slip away, overValid times as often.
	rareValid = 10
	overValid = 1000
	// joinOver: two words are joined when the joined word was seen joinOver
	// times as often as the two in a row (plus one); splitOver the other way.
	joinOver  = 5
	splitOver = 5
	// splitCost is what reading a word as two costs, in tenths of an edit.
	splitCost = 2 * editCost
)

// A Corrector corrects the words of questions asked of one fact base. It is
// safe for concurrent use.
type Corrector struct {
	en       *english
	base     map[string]int32 // the base's words and their counts
	own      lexicon          // the base's words that English lacks
	minKnown int32            // how often the base must use a word for it to be known
	// phrase, when set, reports whether two words in a row name something
	// of the base ("saint helena"): see SetPhrases.
	phrase func(a, b string) bool
}

// phraseBonus is what a candidate gains, on the scale of score, for making
// a phrase of the base with the word beside it: more than an edit's cost
// and a frequency many times another's.
const phraseBonus = 12

// SetPhrases sets how the corrector tells two words in a row that name
// something of the fact base ("saint helena", "new york"): a typo beside
// one of them reads as the word that makes the phrase ("sant helena" is
// "saint helena", though "sent" is the commoner word). It must be called
// before the corrector is used.
func (c *Corrector) SetPhrases(fn func(a, b string) bool) { c.phrase = fn }

// A lexicon is a list of candidate words with their counts, indexed.
type lexicon struct {
	words []string
	freq  []int32
	ix    index
}

func newLexicon(words []string, freq []int32) (lexicon, error) {
	if len(words) > maxWords {
		return lexicon{}, fmt.Errorf("spell: %d words, more than %d", len(words), maxWords)
	}
	return lexicon{words, freq, newIndex(words)}, nil
}

// New returns a Corrector for a fact base whose words (folded: lower case,
// no punctuation) and their counts are vocab. A word of vocab seen at least
// minKnown times is known, and never corrected (a word seen once is as
// likely a typo or an odd name as a word people ask with); every word of
// vocab is preferred over other English words as a correction.
// Building one for 100,000 words takes 0.05 to 0.25 s on 2 cores (more for
// words that English lacks, which get an index of their own); the first also
// reads and indexes the embedded English words, once for the process (0.12
// to 0.3 s, 12.5 MiB).
func New(vocab iter.Seq2[string, int], minKnown int) (*Corrector, error) {
	en, err := loadEnglish()
	if err != nil {
		return nil, err
	}
	c := &Corrector{en: en, base: map[string]int32{}, minKnown: int32(max(minKnown, 1))}
	for w, n := range vocab {
		if w != "" && !hasDigit(w) {
			c.base[w] += int32(min(n, math.MaxInt32))
		}
	}
	var words []string
	var freq []int32
	for w, n := range c.base {
		if !en.candidate(w) {
			words = append(words, w)
			freq = append(freq, n)
		}
	}
	if c.own, err = newLexicon(words, freq); err != nil {
		return nil, err
	}
	return c, nil
}

// Known reports whether the fact base has w, at least minKnown times.
func (c *Corrector) Known(w string) bool {
	return c.base[w] >= c.minKnown
}

// english reports whether w is a word of general English.
func (c *Corrector) english(w string) bool { return c.en.valid(w) }

// Correct returns words, the folded words of a question, with their spelling
// corrected, and the fixes it made, in order. words are the engine's tokens
// of the question, lower case and without punctuation, less the joined-up
// forms of hyphenated words (text.Aux), so that a Fix's At and N point at
// tokens. Where keep is not nil, a word
// with keep[i] set is left as it is (a name typed with a capital, a quoted
// phrase). A word the fact base knows is never changed, nor a number, but
// two known words may be joined ("data base"). words is not modified.
func (c *Corrector) Correct(words []string, keep []bool) (out []string, fixes []Fix) {
	out = make([]string, 0, len(words)+2)
	kept := func(i int) bool {
		return i < len(keep) && keep[i] || hasDigit(words[i]) && !c.Shorthand(words[i])
	}
	for i := 0; i < len(words); i++ {
		w := words[i]
		if kept(i) {
			out = append(out, w)
			continue
		}
		if i+1 < len(words) && !kept(i+1) {
			pair := w + " " + words[i+1]
			to, k, ok := c.table(pair)
			if !ok {
				to, k, ok = c.join(w, words[i+1])
			}
			if ok {
				out = append(out, to...)
				fixes = append(fixes, Fix{i, 2, pair, strings.Join(to, " "), k})
				i++
				continue
			}
		}
		to, k, ok := c.table(w)
		if !ok && c.Known(w) {
			out = append(out, w)
			continue
		}
		if !ok {
			var prev, next string
			if len(out) > 0 {
				prev = out[len(out)-1]
			}
			if i+1 < len(words) {
				next = words[i+1]
			}
			to, k, ok = c.fix(w, prev, next)
			// A typo of a contraction ("whatts") reads as what it stands for.
			if more, _, ok2 := c.table(strings.Join(to, " ")); ok && ok2 {
				to = more
			}
		}
		if !ok {
			out = append(out, w)
			continue
		}
		out = append(out, to...)
		fixes = append(fixes, Fix{i, 1, w, strings.Join(to, " "), k})
	}
	return out, fixes
}

// join returns a and b as one word where general English writes them so far
// more often as one word than as two: both parts of 3 letters or more and no
// stop word, and not where the base has both parts but not the whole. The
// base's counts are no evidence here: a base that has "well-known" has the
// word "wellknown" too, made by the tokenizer.
func (c *Corrector) join(a, b string) ([]string, Kind, bool) {
	if len(a) < 3 || len(b) < 3 || c.function(a) || c.function(b) || !letters(a) || !letters(b) {
		return nil, 0, false
	}
	j := a + b
	if !c.english(j) || !c.Known(j) && c.Known(a) && c.Known(b) {
		return nil, 0, false
	}
	var split int32
	if cp, ok := c.en.compounds[j]; ok && cp.left == a {
		split = cp.split
	}
	if c.en.words[j].lower < joinOver*(split+1) {
		return nil, 0, false
	}
	return []string{j}, Join, true
}

// function reports whether the engine's lexicon has w as a stop word or as
// chatter ("lol", "hmm"): a word, and never a typo of another.
func (c *Corrector) function(w string) bool {
	return lang.Stopwords[w] || lang.Chatter[w]
}

// count is how often w was seen in the base and in lower case in English.
func (c *Corrector) count(w string) int32 {
	return c.base[w] + c.en.words[w].lower
}

// Commonness says how much of general English w is, from 0 for a word
// never seen in lower case (a name, a rare word, a typo) to 1 for one seen
// in lower case 10,000 times or more in the English counts: log10(1+n)/4,
// at most 1. It tells a word that many questions use ("happened", "overall")
// from one that names something.
func (c *Corrector) Commonness(w string) float32 {
	if c == nil {
		return 0
	}
	n := c.en.words[w].lower
	return float32(min(1, math.Log10(1+float64(n))/commonAt))
}

// commonAt is log10 of the lower-case count at which a word is wholly common.
const commonAt = 4

// Rate estimates the share of general English's paragraphs in which w is
// written in lower case: its lower-case count over the lines of text the
// counts come from, at most 1 (a word seen twice in one paragraph counts
// twice, so it errs high for words that repeat). It is 0 for a word that
// is not English (a name, a typo): general English says nothing of how
// rare those are in a given set of articles.
func (c *Corrector) Rate(w string) float64 {
	if c == nil || !c.english(w) {
		return 0
	}
	return min(1, float64(c.en.words[w].lower)/float64(c.en.lines))
}

// fix returns the reading of w, a word the base does not know, that is most
// likely meant: w itself if it is an English word, unless general English
// writes it as two words far more often, or it is rare and one slip away
// from a word far more frequent; otherwise the best of the words within
// the edits its length allows and of the ways to split it in two.
// A word beside it that makes a phrase of the base with a candidate
// (SetPhrases) favours that candidate: prev is the word before w as
// corrected, next the word after it as typed.
func (c *Corrector) fix(w, prev, next string) ([]string, Kind, bool) {
	if len(w) < 3 || len(w) > maxLen || !letters(w) || c.function(w) {
		return nil, 0, false
	}
	if c.english(w) || c.en.words[w].count > rareValid {
		// A word of English, or a name English writes often enough that
		// chat's lower case ("pitt", "kiev") is no typo.
		if cp, ok := c.en.compounds[w]; ok && cp.split >= splitOver*(cp.joined+1) {
			return []string{cp.left, cp.right}, Split, true
		}
		seen := c.en.words[w].lower
		if !c.english(w) {
			seen = c.en.words[w].count
		}
		if seen > rareValid {
			return nil, 0, false
		}
		best, ok := c.nearest(w, editCost, "", "")
		if !ok || best.cost > slipCost || best.freq < overValid*(seen+1) {
			return nil, 0, false
		}
		return []string{best.word}, Typo, true
	}
	best, ok := c.nearest(w, budget(len(w)), prev, next)
	if a, b, s, ok2 := c.split(w); ok2 && (!ok || s > best.score) {
		return []string{a, b}, Split, true
	}
	if !ok {
		return nil, 0, false
	}
	return []string{best.word}, Typo, true
}

// knownFirst puts the base's words before all others.
const knownFirst = 1000

// score is how likely a candidate is: its frequency, discounted by the
// edits, the base's words first.
func (c *Corrector) score(freq int32, known bool, cost int) float64 {
	s := math.Log(float64(freq)+1) - lambda*float64(cost)/editCost
	if known {
		s += knownFirst
	}
	return s
}

// A candidate is a word that may have been meant.
type candidate struct {
	word  string
	freq  int32
	cost  int
	score float64
}

// nearest returns the best candidate within max tenths of an edit of w,
// among the base's words and English words; one that makes a phrase of the
// base with prev or next comes first.
func (c *Corrector) nearest(w string, max int, prev, next string) (best candidate, ok bool) {
	if max == 0 {
		return best, false
	}
	var seen [64]string
	nseen := 0
	consider := func(word string, freq int32, known bool) {
		if word == w {
			return // a word the base has too seldom to be known is no correction of itself
		}
		for _, s := range seen[:nseen] {
			if s == word {
				return
			}
		}
		if nseen < len(seen) {
			seen[nseen] = word
			nseen++
		}
		d := distance(w, word, max)
		if d > max {
			return
		}
		s := c.score(freq, known, d)
		if c.phrase != nil && known && (prev != "" && c.phrase(prev, word) || next != "" && c.phrase(word, next)) {
			s += phraseBonus
		}
		if !ok || s > best.score || s == best.score && word < best.word {
			best, ok = candidate{word, freq, d, s}, true
		}
	}
	forms(w, max/editCost, func(h uint64) {
		c.en.lex.ix.lookup(h, func(id uint32) {
			word := c.en.lex.words[id]
			n, known := c.base[word]
			consider(word, c.en.lex.freq[id]+n, known || lang.Stopwords[word] || lang.QuestionWords[word])
		})
		c.own.ix.lookup(h, func(id uint32) {
			consider(c.own.words[id], c.own.freq[id], true)
		})
	})
	return best, ok
}

// split returns the likeliest way to read w as two words, each a word of
// general English (a name the base knows is not one) of three letters or
// more, or one of the short words of data/short-words.txt ("a", "is"), and
// each a word of the base or a function word, so that a name the base lacks
// ("jackson") is not read as two words it lacks too. It is scored as the rarer of the two, two edits off and never among the
// base's words first, so that any typo within reach wins over it: a word
// that is not English is more often a name than two words run together.
func (c *Corrector) split(w string) (a, b string, score float64, ok bool) {
	for i := 1; i < len(w); i++ {
		l, r := w[:i], w[i:]
		if !c.part(l) || !c.part(r) || !c.Known(l) && !c.function(l) || !c.Known(r) && !c.function(r) {
			continue
		}
		s := c.score(min(c.count(l), c.count(r)), false, splitCost)
		if !ok || s > score {
			a, b, score, ok = l, r, s, true
		}
	}
	return a, b, score, ok
}

func (c *Corrector) part(w string) bool {
	if len(w) < 3 {
		return c.en.short[w]
	}
	return c.english(w)
}

func letters(w string) bool {
	for i := range len(w) {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// Shorthand reports whether w is a chat abbreviation or a contraction
// without its apostrophe that the corrector would read out ("ppl",
// "wanna", "whats"), and not a word of the vocabulary.
func (c *Corrector) Shorthand(w string) bool {
	_, _, ok := c.table(w)
	return ok
}

// table looks w up in the chat and contraction tables: for a word the base
// does not know, or a chat abbreviation it knows only in passing (dwarfed).
func (c *Corrector) table(w string) ([]string, Kind, bool) {
	if to, ok := c.en.chat[w]; ok && (!c.Known(w) || c.dwarfed(w, to)) {
		return to, Chat, true
	}
	if c.Known(w) {
		return nil, 0, false
	}
	if to, ok := c.en.contractions[w]; ok {
		return to, Contraction, true
	}
	return nil, 0, false
}

// dwarfOver is how many times as often as a chat abbreviation the base
// must use each word it stands for to read the abbreviation out though the
// base knows it: an order of magnitude.
const dwarfOver = 10

// dwarfed reports whether the base uses every word of to, what the chat
// abbreviation w stands for, dwarfOver times as often as w. A large base
// knows "r" from "R&B", "w" from "W. H. Auden" and "govt" from a citation,
// and uses "are", "with" and "government" a hundred times as often: in a
// question, the abbreviation is chat.
func (c *Corrector) dwarfed(w string, to []string) bool {
	for _, t := range to {
		if int64(c.base[t]) < dwarfOver*int64(c.base[w]) {
			return false
		}
	}
	return true
}

func hasDigit(w string) bool {
	for i := range len(w) {
		if '0' <= w[i] && w[i] <= '9' {
			return true
		}
	}
	return false
}
