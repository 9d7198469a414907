package facts

import "github.com/factbot/factbot/facts/internal/lang"

// Token classes and fact kinds: what a token is (a number, an amount of
// money, a year, a name) and, from its tokens, what a fact can answer.

// A class describes one token of a fact.
type class uint8

const (
	cAux   class = 1 << iota // an extra form (a compound joined up, an alias); no position of its own
	cCap                     // part of a name: capitalised inside the sentence, or an acronym
	cNum                     // a number
	cMoney                   // part of an amount of money ("$", "545", "million")
	cYear                    // a year ("2015", "1990s")
	cDate                    // a month or a day of the week
	cVague                   // a number in words that gives no count: "thousands", "several"
	cUnit                    // a magnitude or unit after a number ("million", "percent", "coins")
)

// A kind is a set of things a fact mentions, and so can answer.
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

var kindNames = []struct {
	k    kind
	name string
}{
	{kMoney, "money"}, {kCount, "count"}, {kPercent, "percent"}, {kDate, "date"},
	{kName, "name"}, {kPerson, "person"}, {kOrg, "organisation"}, {kPlace, "place"},
	{kReason, "reason"}, {kList, "list"},
}

func (k kind) String() string {
	for _, n := range kindNames {
		if k&n.k != 0 {
			return n.name
		}
	}
	return ""
}

// A lexFlag tells which of the word lists a word is on, so that the lists
// are looked up once a word, not once a token.
type lexFlag uint16

const (
	lMonth lexFlag = 1 << iota
	lNumber
	lVague
	lMagnitude
	lCurrency
	lStop
	lQuestion
	lPlacePrep
	lOrg
	lPlace
	lNameJoin
	lCountry
	lDateWord
)

// lexFlagsOf returns the lists a folded word is on.
func lexFlagsOf(w string) lexFlag { return wordLists[w] }

// wordLists merges the word lists into one table, for one lookup a word.
var wordLists = func() map[string]lexFlag {
	m := map[string]lexFlag{}
	for _, l := range []struct {
		set  map[string]bool
		flag lexFlag
	}{
		{lang.Months, lMonth}, {lang.NumberWords, lNumber}, {lang.VagueNumbers, lVague}, {lang.Magnitudes, lMagnitude},
		{lang.Currencies, lCurrency}, {lang.Stopwords, lStop}, {lang.QuestionWords, lQuestion}, {lang.PlacePreps, lPlacePrep},
		{lang.OrgWords, lOrg}, {lang.PlaceWords, lPlace}, {lang.NameJoins, lNameJoin}, {lang.Countries, lCountry}, {lang.DateWords, lDateWord},
	} {
		for w := range l.set {
			m[w] |= l.flag
		}
	}
	return m
}()

// classify sets the class of each token of a sentence from its shape and
// its neighbours. words[i] is token i's folded form, lf[i] its lexFlags.
func classify(toks []token, words []string, lf []lexFlag, cls []class) {
	for i, t := range toks {
		var c class
		w, f := words[i], lf[i]
		switch {
		case t.flags&tAux != 0:
			c |= cAux
		case t.flags&tNumber != 0:
			c |= cNum
			if t.flags&tMoney != 0 {
				c |= cMoney
			}
			if len(w) == 4 && (w[0] == '1' || w[0] == '2' && w[1] == '0') {
				c |= cYear
			}
		case t.flags&tOrdinal != 0:
			if len(w) == 5 && w[4] == 's' && w[3] == '0' {
				c |= cYear // "1990s"
			}
		case t.flags&tPercent != 0:
			c |= cUnit
		case f&lNumber != 0 && t.flags&tCap == 0:
			c |= cNum // "seventy"
		case f&lVague != 0 && t.flags&tCap == 0:
			c |= cNum | cVague // "thousands"
		}
		if t.flags&tAux == 0 && (t.flags&tCap != 0 || t.flags&tAllCaps != 0) && t.flags&(tNumber|tOrdinal) == 0 {
			if f&lMonth != 0 && (w != "may" || i+1 < len(toks) && toks[i+1].flags&tNumber != 0) {
				c |= cDate
			} else if t.flags&tFirst == 0 || t.flags&tAllCaps != 0 {
				c |= cCap
			} else if i+1 < len(toks) && toks[i+1].flags&(tCap|tAllCaps) != 0 && f&(lStop|lQuestion) == 0 {
				c |= cCap // a name that opens the sentence: "Sergei Neverov …"
			}
		}
		if f&lDateWord != 0 {
			c |= cDate
		}
		cls[i] = c
	}
	// Days: "April 12", "12 April" are dates, not counts.
	for i := range toks {
		if cls[i]&cDate == 0 {
			continue
		}
		for _, j := range []int{i - 1, i + 1} {
			if j >= 0 && j < len(toks) && cls[j]&cNum != 0 && cls[j]&cYear == 0 && len(words[j]) <= 2 {
				cls[j] = cls[j]&^cNum | cDate
			}
		}
	}
	// Amounts: "$545 million", "700 million USD", "70 Monero coins".
	for i := range toks {
		if cls[i]&cNum == 0 {
			continue
		}
		j := i + 1
		for j < len(toks) && j <= i+2 && lf[j]&lMagnitude != 0 {
			cls[j] |= cUnit
			j++
		}
		money := cls[i]&cMoney != 0
		if j < len(toks) && lf[j]&lCurrency != 0 {
			cls[j] |= cUnit
			money = true
		}
		if money {
			for k := i; k < j; k++ {
				cls[k] |= cMoney
			}
		}
	}
}
