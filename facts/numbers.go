package facts

import (
	"strings"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/text"
	"github.com/factbot/factbot/facts/internal/wordnet"
)

// Amounts, counts, measures and dates cut out of a fact (extract.go).

// amount cuts out the amount whose number satisfies is and is not named
// by the question, nearest the question's words (closeness), with its
// magnitude ("million"), qualifiers, and the other end of a range.
func (e *extract) amount(is func(text.Class) bool) string {
	// A figure before a number in words ("16 percent" before "several").
	for _, vague := range []bool{false, true} {
		if a := e.amountOf(is, vague); a != "" {
			return a
		}
	}
	return ""
}

// amountOf is amount over the numbers in words that give no count, or over
// the others.
func (e *extract) amountOf(is func(text.Class) bool, vague bool) string {
	var best span
	for i := 0; i < len(e.toks); i++ {
		if is(e.cls[i]) && !e.inQ[i] && e.cls[i]&text.ClassAux == 0 && (e.cls[i]&text.ClassVague != 0) == vague {
			start, end := e.amountAt(i, is)
			if e.counts && e.sumOrShare(i) || e.people && e.measured(end) || e.wrongUnit(end) {
				i = end
				continue // "$40 million" or "16 percent" counts no times, "almost three years" no people
			}
			best = e.nearer(best, start, end)
			i = end
		}
	}
	return e.cutSpan(best)
}

// sumOrShare reports whether the amount whose number is token i is a sum of
// money or a share: no count of things.
func (e *extract) sumOrShare(i int) bool {
	return e.cls[i]&text.ClassMoney != 0 || e.words[e.amountEnd(i)] == "percent"
}

// measured reports whether the amount that ends at token end is a number
// of years or miles, by the unit after it: no count of people or things.
func (e *extract) measured(end int) bool {
	j := e.next(end)
	return j > 0 && e.lf[j]&text.LexStop == 0 && isUnit(e.words[j], timeAndMeasures)
}

// moneyUnits are the units a count of money is in ("how many dollars").
var moneyUnits = []string{"monetary unit"}

// amountAt returns the first and last tokens of the amount whose number is
// token i, with its magnitude ("million"), qualifiers, and the other end
// of a range.
func (e *extract) amountAt(i int, is func(text.Class) bool) (int, int) {
	start, end := i, e.amountEnd(i)
	for k := 0; k < 3 && start > 0 && lang.Qualifiers[e.words[start-1]] && e.cls[start-1]&text.ClassAux == 0 &&
		(e.words[start-1] != "to" || start > 1 && e.words[start-2] == "up"); k++ {
		start--
	}
	if start < i && e.words[start] == "as" && start+1 == i {
		start++ // "as 5" of "such as 5" is no amount
	}
	// A range: "$545 million to $735 million", "between $30 million and $40 million".
	if j := e.next(end); j > 0 && lang.RangeJoins[e.words[j]] && text.SpaceBetween(e.text, e.toks[end].End, e.toks[j].Start) {
		if k := e.next(j); k > 0 && is(e.cls[k]) {
			end = e.amountEnd(k)
		}
	}
	return start, end
}

// percent cuts out the share the question does not name nearest its
// words: a number followed by "percent".
func (e *extract) percent() string {
	isNum := func(c text.Class) bool { return c&text.ClassNum != 0 && c&text.ClassYear == 0 }
	var best span
	for i := 0; i < len(e.toks); i++ {
		if isNum(e.cls[i]) && !e.inQ[i] && e.cls[i]&text.ClassVague == 0 {
			if j := e.next(i); j > 0 && e.words[j] == "percent" {
				start, end := e.amountAt(i, isNum)
				best = e.nearer(best, start, end)
				i = end
			}
		}
	}
	return e.cutSpan(best)
}

// amountEnd returns the last token of the amount that starts at number i:
// its magnitude and currency words.
func (e *extract) amountEnd(i int) int {
	end := i
	for j := e.next(i); j > 0 && e.cls[j]&text.ClassUnit != 0; j = e.next(j) {
		end = j
	}
	if j := e.next(end); j > 0 && e.words[j] == "percent" {
		end = j
	}
	// "hundreds of thousands", "hundreds of years" (for "how long").
	if j := e.next(end); j > 0 && e.cls[end]&text.ClassVague != 0 && e.words[j] == "of" {
		if k := e.next(j); k > 0 && (e.cls[k]&text.ClassVague != 0 || e.measure && isUnit(e.words[k], unitKinds)) {
			end = k
		}
	}
	if j := e.next(end); e.measure && j > 0 && e.cls[j]&text.ClassAux == 0 && isUnit(e.words[j], unitKinds) {
		end = j // "almost three years", not "almost three", for "how long"
	}
	return end
}

// measureCues are the questions that ask for a measure, whose answer is a
// figure and its unit.
var measureCues = map[string]bool{"how long": true, "how old": true, "how far": true, "how tall": true,
	"how big": true, "how large": true, "how high": true, "how deep": true, "how wide": true, "how heavy": true}

// measureUnits are the kinds of unit each measure may be in: "how long"
// is no number of tonnes. A measure not named may be in any.
var measureUnits = map[string][]string{
	"how long": {"time period", "time unit", "linear unit"},
	"how old":  {"time period", "time unit"},
	"how far":  {"linear unit"}, "how tall": {"linear unit"}, "how high": {"linear unit"},
	"how deep": {"linear unit"}, "how wide": {"linear unit"},
	"how heavy": {"weight unit", "mass unit"},
}

// wrongUnit reports whether the amount that ends at token end is in a
// unit of a kind the measure asked cannot be in: "380 million tonnes" for
// "how long".
func (e *extract) wrongUnit(end int) bool {
	if len(e.units) == 0 {
		return false
	}
	for _, k := range []int{end, e.next(end)} {
		if k > 0 && e.lf[k]&text.LexStop == 0 && isUnit(e.words[k], unitKinds) {
			return !isUnit(e.words[k], e.units)
		}
	}
	return false
}

// unitKinds are what WordNet calls a unit: years, miles, tons, hectares.
var unitKinds = []string{"unit of measurement", "unit", "measure", "time period"}

// timeAndMeasures are the units no count of things is given in: years,
// miles, tons (but not "number ones", which are a "measure").
var timeAndMeasures = []string{"time period", "unit of measurement", "linear unit", "weight unit", "monetary unit"}

// isUnit reports whether WordNet has word as a kind of one of kinds.
func isUnit(word string, kinds []string) bool { return wordnet.IsKindOf(word, kinds) }

// date cuts out the date the question does not name nearest its words:
// "April 12", "March 2019", "2015". With year, the question asks for a
// year ("In what year…?"): only a date with one will do, not "Monday" or
// "today".
func (e *extract) date(year bool) string {
	// A year, month or day first; a word of time ("spring", "ago",
	// "century") only when the fact has none.
	for _, words := range []bool{false, true} {
		var best span
		for i := 0; i < len(e.toks); i++ {
			c := e.cls[i]
			if e.inQ[i] || c&text.ClassAux != 0 || c&(text.ClassYear|text.ClassDate) == 0 || (e.lf[i]&text.LexDateWord != 0) != words {
				continue
			}
			if year && !e.hasYear(i) {
				continue
			}
			start, end := i, i
			if words {
				// The number or name the word of time needs: "65 million
				// years ago", "the 17th century", "300 BC", "the Mesozoic Era".
				for k := 0; k < 4 && start > 0 && e.dateLead(start-1); k++ {
					start--
				}
			} else if c&text.ClassDate != 0 {
				// A month and its day, either way round: "April 12", "12 April".
				if j := e.next(end); j > 0 && e.cls[j]&text.ClassDate != 0 && (isDay(e.words[j]) || isDay(e.words[end])) {
					end = j
				}
				if j := e.next(end); j > 0 && e.cls[j]&text.ClassYear != 0 {
					end = j
				}
			}
			if j := e.next(end); j > 0 && text.Era(e.toks[j], e.words[j]) {
				end = j // "303 AD"
			}
			if year && !words && e.cls[end]&text.ClassYear != 0 {
				start = end // "what year": "2010" of "January 11, 2010"
			}
			if !words {
				end = e.dateRange(end)
			}
			best = e.nearer(best, start, end)
			i = end
		}
		if a := e.cutSpan(best); a != "" {
			return a
		}
	}
	return ""
}

// dateRange returns the last token of the span of time that the date
// ending at token end opens, or end: "1913–15", "2008 to 2012", "1959
// and 1975".
func (e *extract) dateRange(end int) int {
	j := e.next(end)
	if j < 0 {
		return end
	}
	switch gap := strings.TrimSpace(e.text[e.toks[end].End:e.toks[j].Start]); {
	case (gap == "–" || gap == "-" || gap == "—") && e.cls[j]&(text.ClassNum|text.ClassYear) != 0:
		return j
	case gap == "" && lang.RangeJoins[e.words[j]]:
		if k := e.next(j); k > 0 && e.cls[k]&text.ClassYear != 0 && e.cls[end]&text.ClassYear != 0 {
			return k
		}
	}
	return end
}

// hasYear reports whether the date at token i is or has a year: the token
// itself, or one of the next two ("April 12, 2019", "March 2019").
func (e *extract) hasYear(i int) bool {
	for k := 0; k < 3 && i >= 0; k++ {
		if e.cls[i]&text.ClassYear != 0 {
			return true
		}
		i = e.next(i)
	}
	return false
}

// dateLead reports whether token i can open a time given by a word of
// time after it: a number, an ordinal, a name, a magnitude or a unit of
// time ("years").
func (e *extract) dateLead(i int) bool {
	if e.cls[i]&text.ClassAux != 0 {
		return false
	}
	return e.cls[i]&(text.ClassNum|text.ClassCap|text.ClassYear|text.ClassUnit) != 0 || e.toks[i].Flags&text.Ordinal != 0 ||
		lang.Magnitudes[e.words[i]] || lang.TimeUnits[e.words[i]]
}

// isDay reports whether a folded word is a day of the month: one or two digits.
func isDay(w string) bool { return len(w) <= 2 && w != "" && text.IsDigit(w[0]) }
