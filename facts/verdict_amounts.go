package facts

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/text"
)

// Amounts compared: a yes/no question that compares an amount with a
// number ("Will the bridge cost more than 100 million?") is answered by the
// amounts of the best fact of the same kind ("$120 million"): "Yes" when
// each of them is on the side asked (both ends of a range), "No" when none
// is, and no verdict when they differ or there are none.

// An amountKind tells amounts that may be compared apart: a sum of money,
// a share, or any other number.
type amountKind uint8

const (
	plainAmount amountKind = iota
	moneyAmount
	shareAmount
)

// An amount is a number of a text with its magnitude ("120 million" is
// 1.2e8), its kind, and its tokens.
type amount struct {
	v        float64
	kind     amountKind
	from, to int // tokens [from, to)
}

// magnitudes are the words and suffixes that multiply a number.
var magnitudes = map[string]float64{
	"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"k": 1e3, "m": 1e6, "bn": 1e9,
}

// amountsOf returns the amounts of a tokenized text, of numbers in
// digits (not years): "$120 million", "2.5 million euros", "16 percent",
// "100m".
func amountsOf(toks []text.Token, words []string, cls []text.Class) []amount {
	var out []amount
	for i := 0; i < len(toks); i++ {
		if cls[i]&(text.ClassYear|text.ClassUnit|text.ClassAux) != 0 || toks[i].Flags&(text.Number|text.Ordinal) == 0 {
			continue // "100m" is read as an ordinal ("6th"): numberValue tells them apart
		}
		v, ok := numberValue(words[i])
		if !ok {
			continue
		}
		a := amount{v: v, from: i, to: i + 1}
		if cls[i]&text.ClassMoney != 0 {
			a.kind = moneyAmount
		}
		for j := i + 1; j < len(toks) && cls[j]&(text.ClassUnit|text.ClassAux) != 0; j++ {
			if cls[j]&text.ClassAux != 0 {
				continue
			}
			if m, ok := magnitudes[words[j]]; ok {
				a.v *= m
			}
			if words[j] == "percent" {
				a.kind = shareAmount
			}
			if cls[j]&text.ClassMoney != 0 {
				a.kind = moneyAmount
			}
			a.to = j + 1
		}
		out = append(out, a)
		i = a.to - 1
	}
	return out
}

// numberValue reads a folded number: digits with a decimal point, and a
// magnitude's suffix ("100m", "2bn", "5k").
func numberValue(w string) (float64, bool) {
	digits := strings.TrimRightFunc(w, func(r rune) bool { return 'a' <= r && r <= 'z' })
	mult := 1.0
	if suffix := w[len(digits):]; suffix != "" {
		m, ok := magnitudes[suffix]
		if !ok || suffix == "hundred" {
			return 0, false // "6th", "1990s"
		}
		mult = m
	}
	v, err := strconv.ParseFloat(digits, 64)
	return v * mult, err == nil
}

// A valueSpan is a span of values, each end open or closed; an infinite
// end is open.
type valueSpan struct {
	lo, hi         float64
	loOpen, hiOpen bool
}

// spanOf returns the values that comparison op with v allows: "more than
// 100" is (100, ∞), "nearly 100" [95, 100], "about 100" [95, 105], and
// no comparison 100 alone.
func spanOf(op string, v float64) valueSpan {
	inf := math.Inf(1)
	switch op {
	case "gt":
		return valueSpan{v, inf, true, true}
	case "ge":
		return valueSpan{v, inf, false, true}
	case "lt":
		return valueSpan{-inf, v, true, true}
	case "le":
		return valueSpan{-inf, v, true, false}
	case "near":
		return valueSpan{v * (1 - approxShare), v, false, false}
	case "approx":
		return valueSpan{v * (1 - approxShare), v * (1 + approxShare), false, false}
	}
	return valueSpan{v, v, false, false}
}

// approxShare is how far "about" and "nearly" reach from their number,
// set by reason (no data set of such verdicts is at hand): news rounds
// "approximately $545 million" to the nearest few percent.
const approxShare = 0.05

// within reports whether every value of a is in b.
func (a valueSpan) within(b valueSpan) bool {
	return (a.lo > b.lo || a.lo == b.lo && (!b.loOpen || a.loOpen)) && (a.hi < b.hi || a.hi == b.hi && (!b.hiOpen || a.hiOpen))
}

// apart reports whether no value of a is in b.
func (a valueSpan) apart(b valueSpan) bool {
	return a.hi < b.lo || a.hi == b.lo && (a.hiOpen || b.loOpen) || b.hi < a.lo || b.hi == a.lo && (b.hiOpen || a.loOpen)
}

// comparisonBefore returns the comparison written before token i
// ("more than", "up to"), and where its words start; "" and i if none.
func comparisonBefore(words []string, i int) (string, int) {
	for _, c := range lang.AmountComparisons {
		op, phrase := c[0], c[1:]
		if from := i - len(phrase); from >= 0 && slices.Equal(words[from:i], phrase) {
			return op, from
		}
	}
	return "", i
}

// An amountAsked is the comparison of a yes/no question with a number:
// "more than 100 million" allows (1e8, ∞).
type amountAsked struct {
	allowed  valueSpan
	kind     amountKind
	from, to int // the question's tokens of the comparison and the amount
}

// askedAmount returns the comparison of q with a number, if q has one.
func askedAmount(q *query, cls []text.Class) (amountAsked, bool) {
	for _, a := range amountsOf(q.toks, q.words, cls) {
		if op, from := comparisonBefore(q.words, a.from); op != "" {
			return amountAsked{allowed: spanOf(op, a.v), kind: a.kind, from: from, to: a.to}, true
		}
	}
	return amountAsked{}, false
}

// compared returns the verdict of the amounts of a fact on comparison c,
// each read with the comparison written before it ("up to 6,000"): yes
// when every amount of c's kind is within what c allows (both ends of a
// range), no when none can be, else none. A question's plain number
// compares with the fact's money too ("more than 100 million" of "$120
// million"), not with a share.
func (c amountAsked) compared(words []string, facts []amount) Verdict {
	yes, no, n := 0, 0, 0
	for _, a := range facts {
		if a.kind != c.kind && (c.kind != plainAmount || a.kind == shareAmount) {
			continue
		}
		op, _ := comparisonBefore(words, a.from)
		got := spanOf(op, a.v)
		n++
		switch {
		case got.within(c.allowed):
			yes++
		case got.apart(c.allowed):
			no++
		}
	}
	switch {
	case n > 0 && yes == n:
		return Yes
	case n > 0 && no == n:
		return No
	}
	return ""
}
