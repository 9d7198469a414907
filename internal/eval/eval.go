package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// An Answer is what Score needs of an answer; facts.Answer has it.
type Answer interface {
	Abstained() bool
	Quotes() []string // the citations' quotes, in order
}

// A Question is one line of a question file.
type Question struct {
	ID        string   `json:"id"`
	Q         string   `json:"q"`
	Facts     []string `json:"facts"`
	Answers   []string `json:"answers"`
	None      bool     `json:"none"`
	Source    string   `json:"source"`
	Paragraph int      `json:"paragraph"`
}

// ReadQuestions reads a question file.
func ReadQuestions(r io.Reader) ([]Question, error) {
	var qs []Question
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		var q Question
		if err := json.Unmarshal([]byte(text), &q); err != nil {
			return nil, fmt.Errorf("eval: question line %d: %w", line, err)
		}
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: read questions: %w", err)
	}
	return qs, nil
}

// Scores are the rates score.py reports. A rate with no eligible question
// is -1.
type Scores struct {
	Cite1, Cite3       float64 // first / any of the first three citations hold a gold fact
	AbstainOK          float64 // abstentions among the "none" questions
	FalseAbstain       float64 // abstentions among the answerable questions
	Answerable, NoneQs int
}

// Score scores answers against their questions, answers[i] for qs[i]. A
// missing answer counts as an abstention.
func Score[A Answer](qs []Question, answers []A) Scores {
	var c1, c3, nFacts, abOK, falseAb, nAns, nNone int
	for i, q := range qs {
		abstained := true
		var quotes []string
		if i < len(answers) {
			abstained, quotes = answers[i].Abstained(), answers[i].Quotes()
		}
		if q.None {
			nNone++
			if abstained {
				abOK++
			}
			continue
		}
		if len(q.Facts) > 0 || len(q.Answers) > 0 {
			nAns++
			if abstained {
				falseAb++
			}
		}
		if len(q.Facts) == 0 {
			continue
		}
		nFacts++
		for k, quote := range quotes[:min(3, len(quotes))] {
			if HoldsAny(quote, q.Facts) {
				if k == 0 {
					c1++
				}
				c3++
				break
			}
		}
	}
	return Scores{
		Cite1: rate(c1, nFacts), Cite3: rate(c3, nFacts),
		AbstainOK: rate(abOK, nNone), FalseAbstain: rate(falseAb, nAns),
		Answerable: nAns, NoneQs: nNone,
	}
}

func rate(n, d int) float64 {
	if d == 0 {
		return -1
	}
	return float64(n) / float64(d)
}

// HoldsAny reports whether text contains one of facts as whole tokens, after
// SQuAD normalisation, with punctuation either deleted or read as a space.
func HoldsAny(text string, facts []string) bool {
	for _, f := range facts {
		if Holds(text, f) {
			return true
		}
	}
	return false
}

// Holds reports whether text contains fact as whole tokens, as score.py's
// contains does.
func Holds(text, fact string) bool {
	for _, punct := range []string{"", " "} {
		f := Normalize(fact, punct)
		if f != "" && strings.Contains(" "+Normalize(text, punct)+" ", " "+f+" ") {
			return true
		}
	}
	return false
}

var plain = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'", "\u2032", "'",
	"\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u201f", `"`, "\u2033", `"`,
	"\u2010", "-", "\u2011", "-", "\u2012", "-", "\u2013", "-", "\u2014", "-",
	"\u2015", "-", "\u2212", "-", "\u00a0", " ",
)

// Normalize is SQuAD's answer normalisation: plain quotes and dashes, lower
// case, punctuation replaced by punct, articles dropped, white space
// collapsed.
func Normalize(s, punct string) string {
	s = strings.ToLower(plain.Replace(s))
	var b strings.Builder
	for _, r := range s {
		if r < 128 && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r) || unicode.IsPunct(r) {
			b.WriteString(punct)
			continue
		}
		b.WriteRune(r)
	}
	words := strings.Fields(b.String())
	out := words[:0]
	for _, w := range words {
		if w != "a" && w != "an" && w != "the" {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// F1 is SQuAD's F1 of pred against the best of golds: the harmonic mean
// of the precision and recall of their words, after Normalize.
func F1(pred string, golds []string) float64 {
	best := 0.0
	p := strings.Fields(Normalize(pred, ""))
	for _, g := range golds {
		gw := strings.Fields(Normalize(g, ""))
		common := Overlap(p, gw)
		if common == 0 {
			continue
		}
		prec, rec := float64(common)/float64(len(p)), float64(common)/float64(len(gw))
		best = max(best, 2*prec*rec/(prec+rec))
	}
	return best
}

// Overlap counts the words of got that match a word of want, each word of
// want matched once.
func Overlap(got, want []string) int {
	left := map[string]int{}
	for _, w := range want {
		left[w]++
	}
	n := 0
	for _, w := range got {
		if left[w] > 0 {
			left[w]--
			n++
		}
	}
	return n
}
