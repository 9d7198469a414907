package facts

import (
	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/text"
	"slices"
)

// A kind is a set of kinds of answer: what a question asks for, or what a
// fact mentions and so can answer.
type kind uint16

const (
	kMoney   kind = 1 << iota // an amount of money
	kCount                    // a number that is not a year or an amount of money
	kPercent                  // a percentage
	kDate                     // a year, month or day
	kName                     // a proper name
	kPerson                   // a name of two or more words that is not an organisation's
	kOrg                      // an organisation's name or an acronym
	kPlace                    // a name after "in", "at", "from"… or with a place word
	kReason                   // a cause: "because", "due to", "in order to"
	kList                     // several names joined by commas or "and"
)

// A kindRow is all the engine knows of one kind of answer: the question
// openings that ask for it, the tokens of a fact that are one, the
// second-stage feature that says a fact has one, whether a fact without one
// ranks below every fact with one, and how to cut one out of a fact. The
// nouns after "what" and "which" that ask for it are data, in
// lang's question-nouns.txt. A new kind is a row here and its extractor.
type kindRow struct {
	k    kind
	name string
	cues []string // question openings: "when", "how many"
	// token reports whether a fact's token is an answer of this kind. Rows
	// are tried in order, so that "$2,015" is money and not a year.
	token func(cl text.Class, f termFlag) bool
	// feature is the feature the row sets, to score(want, seen), when the
	// question asks for the kind; -1 for none.
	feature int
	score   func(want kind, s seen) float32
	// typed: a score of 0.5 or more makes the fact one that holds the
	// answer asked for.
	typed bool
	// near are the kinds of token that count as the answer when the
	// reader measures how close the answer is to the question's words.
	near  kind
	gated bool
	// extract cuts the answer out of a fact, or returns "".
	extract func(e *extract, q *query, cq *compiled) string
}

// seen is what the reader found in a fact, for the kinds' scores.
type seen struct {
	found kind // kinds of answer among the tokens the question does not match
	vague bool // a number in words only ("thousands")
	names int  // separate names
}

const amounts = kMoney | kCount | kPercent

// strictKinds are the kinds of answer a fact must hold to be cited as an
// answer at all: their tokens are told apart for sure (a number, a date),
// unlike a name, which may stand in a fact in many ways.
const strictKinds = amounts | kDate

// asksYear reports whether q asks for a year: "In what year…?", "Which
// years…?".
func asksYear(q *query) bool {
	w := q.focusHead()
	return w == "year" || w == "years"
}

// asksCentury reports whether the thing q asks about is a century ("what
// century", "which centuries").
func asksCentury(q *query) bool {
	w := q.focusHead()
	return w == "century" || w == "centuries"
}

// kindRows are the kinds of answer, in the order their extractors are
// tried when a question asks for several, and their token tests.
var kindRows = []kindRow{
	{
		k: kMoney, name: "money", cues: []string{"how much"},
		token:   func(cl text.Class, _ termFlag) bool { return cl&text.ClassMoney != 0 },
		feature: xAmount, score: amountMatch, typed: true, near: amounts, gated: true,
		extract: func(e *extract, q *query, cq *compiled) string {
			if asksShare(q) {
				if p := e.percent(); p != "" {
					return p // "how much of the workforce": "about 8 percent"
				}
			}
			if a := e.amount(func(c text.Class) bool { return c&text.ClassMoney != 0 }); a != "" {
				return a
			}
			return e.amount(isCount)
		},
	},
	{
		k: kCount, name: "count", cues: []string{"how much", "how many", "how long", "how old", "how far", "how big", "how large", "how tall"},
		token:   func(cl text.Class, _ termFlag) bool { return cl&text.ClassNum != 0 && cl&text.ClassYear == 0 },
		feature: xAmount, score: amountMatch, typed: true, near: amounts, gated: true,
		extract: func(e *extract, q *query, cq *compiled) string { return e.amount(isCount) },
	},
	{
		k: kPercent, name: "percent", cues: []string{"how much"},
		token:   func(_ text.Class, f termFlag) bool { return f&fPercent != 0 },
		feature: xAmount, score: amountMatch, typed: true, near: amounts, gated: true,
		extract: func(e *extract, q *query, cq *compiled) string {
			if a := e.percent(); a != "" {
				return a
			}
			return e.amount(isCount)
		},
	},
	{
		k: kDate, name: "date", cues: []string{"when"},
		token:   func(cl text.Class, _ termFlag) bool { return cl&(text.ClassYear|text.ClassDate) != 0 },
		feature: xDate, score: has(kDate), typed: true, near: kDate,
		extract: func(e *extract, q *query, cq *compiled) string {
			if asksCentury(q) {
				if c := e.century(); c != "" {
					return c
				}
			}
			return e.date(asksYear(q))
		},
	},
	{
		k: kReason, name: "reason", cues: []string{"why"},
		token:   func(_ text.Class, f termFlag) bool { return f&fReason != 0 },
		feature: xReason, score: has(kReason), typed: true, near: kReason,
	},
	{
		k: kName, name: "name", cues: []string{"who", "whom", "whose"},
		token:   func(cl text.Class, _ termFlag) bool { return cl&text.ClassCap != 0 },
		feature: xName, score: has(kName), typed: true, near: kName,
		extract: func(e *extract, q *query, cq *compiled) string { return e.name(false) },
	},
	{k: kPerson, name: "person", feature: -1},
	{k: kOrg, name: "organisation", feature: -1},
	{
		// A place is a name; the names near a place question's words are
		// not counted as near (the fitted weights were fitted so).
		k: kPlace, name: "place", cues: []string{"where"},
		feature: xName, score: has(kName), typed: true,
		extract: func(e *extract, q *query, cq *compiled) string {
			if p := e.placeOf(); p != "" {
				return p
			}
			return e.name(true)
		},
	},
	{
		k: kList, name: "list", feature: xList,
		score: func(_ kind, s seen) float32 { return b2f(s.names >= 2) },
	},
}

// asksShare reports whether q asks "how much of" something: a share
// answers it before a sum or a count.
func asksShare(q *query) bool {
	i := slices.Index(q.words, "much")
	return q.wh == "how much" && i >= 0 && i+1 < len(q.words) && q.words[i+1] == "of"
}

func isCount(c text.Class) bool { return c&text.ClassNum != 0 && c&text.ClassYear == 0 }

// has returns a score that is 1 when the fact has an answer of kind k.
func has(k kind) func(kind, seen) float32 {
	return func(_ kind, s seen) float32 { return b2f(s.found&k != 0) }
}

func b2f(b bool) float32 {
	if b {
		return 1
	}
	return 0
}

// amountMatch grades how well a fact's kinds answer a question that asks
// for an amount: 1 for the kind asked for, 0.5 for another number, 0.25
// for a number in words ("thousands"). The grades are an order: their
// scale is the fitted weight of the feature.
func amountMatch(want kind, s seen) float32 {
	found := s.found
	switch {
	case want&amounts == 0:
		return 0
	case want&kMoney != 0 && found&kMoney != 0,
		want&kPercent != 0 && found&kPercent != 0,
		want&(kMoney|kPercent) == 0 && found&(kCount|kMoney) != 0:
		return 1
	case found&amounts != 0:
		return 0.5
	case s.vague:
		return 0.25
	}
	return 0
}

func (k kind) String() string {
	for _, r := range kindRows {
		if k&r.k != 0 {
			return r.name
		}
	}
	return ""
}

// kindNamed returns the kind of the given name, or 0.
func kindNamed(name string) kind {
	for _, r := range kindRows {
		if r.name == name {
			return r.k
		}
	}
	return 0
}

// Tables derived from the rows once, for the hot loops.
var (
	// cueKinds maps a question opening to the kinds it asks for.
	cueKinds = map[string]kind{}
	// nounKinds maps a noun after "what" or "which" to the kinds it asks for.
	nounKinds = map[string]kind{}
	// tokenKinds is the kind of a fact's token by its class and term flags.
	tokenKinds [256][4]kind
	// gatedKinds are the kinds a fact must have to answer a question that
	// asks for one: a fact with no amount in it cannot say "how much".
	gatedKinds kind
)

func init() {
	for _, r := range kindRows {
		for _, c := range r.cues {
			cueKinds[c] |= r.k
		}
		if r.gated {
			gatedKinds |= r.k
		}
	}
	for noun, names := range lang.QuestionNouns {
		for _, n := range names {
			k := kindNamed(n)
			if k == 0 {
				panic("facts: question-nouns.txt: no kind " + n) // embedded data: caught by the tests
			}
			nounKinds[noun] |= k
		}
	}
	for cl := range 256 {
		for f := range 4 {
			for _, r := range kindRows {
				if r.token != nil && r.token(text.Class(cl), termFlag(f)) {
					tokenKinds[cl][f] = r.k
					break
				}
			}
		}
	}
}

// nearKinds returns the kinds of token that count as the answer to a
// question that asks for want.
func nearKinds(want kind) kind {
	var k kind
	for _, r := range kindRows {
		if want&r.k != 0 {
			k |= r.near
		}
	}
	return k
}

// extractKind cuts the answer of the first kind q asks for that has an
// extractor.
func extractKind(e *extract, q *query, cq *compiled) string {
	for _, r := range kindRows {
		if q.want&r.k != 0 && r.extract != nil {
			return r.extract(e, q, cq)
		}
	}
	return ""
}
