package text

import "github.com/factbot/factbot/facts/internal/lang"

// A Class describes one token of a fact: a number, an amount of money, a
// year, part of a name.
type Class uint8

const (
	ClassAux   Class = 1 << iota // an extra form (a compound joined up, an alias); no position of its own
	ClassCap                     // part of a name: capitalised inside the sentence, or an acronym
	ClassNum                     // a number
	ClassMoney                   // part of an amount of money ("$", "545", "million")
	ClassYear                    // a year ("2015", "1990s")
	ClassDate                    // a month or a day of the week
	ClassVague                   // a number in words that gives no count: "thousands", "several"
	ClassUnit                    // a magnitude or unit after a number ("million", "percent", "coins")
)

// A Lex tells which of the word lists a word is on, so that the lists
// are looked up once a word, not once a token.
type Lex uint16

const (
	LexMonth Lex = 1 << iota
	LexNumber
	LexVague
	LexMagnitude
	LexCurrency
	LexStop
	LexQuestion
	LexPlacePrep
	LexOrg
	LexPlace
	LexNameJoin
	LexCountry
	LexDateWord
)

// LexOf returns the lists a folded word is on.
func LexOf(w string) Lex { return wordLists[w] }

// wordLists merges the word lists into one table, for one lookup a word.
var wordLists = func() map[string]Lex {
	m := map[string]Lex{}
	for _, l := range []struct {
		set  map[string]bool
		flag Lex
	}{
		{lang.Months, LexMonth}, {lang.NumberWords, LexNumber}, {lang.VagueNumbers, LexVague}, {lang.Magnitudes, LexMagnitude},
		{lang.Currencies, LexCurrency}, {lang.Stopwords, LexStop}, {lang.QuestionWords, LexQuestion}, {lang.PlacePreps, LexPlacePrep},
		{lang.OrgWords, LexOrg}, {lang.PlaceWords, LexPlace}, {lang.NameJoins, LexNameJoin}, {lang.Countries, LexCountry}, {lang.DateWords, LexDateWord},
	} {
		for w := range l.set {
			m[w] |= l.flag
		}
	}
	return m
}()

// Classify sets the class of each token of a sentence from its shape and
// its neighbours. words[i] is token i's folded form, lf[i] its lexFlags.
func Classify(toks []Token, words []string, lf []Lex, cls []Class) {
	for i, t := range toks {
		var c Class
		w, f := words[i], lf[i]
		switch {
		case t.Flags&Aux != 0:
			c |= ClassAux
		case t.Flags&Number != 0:
			c |= ClassNum
			if t.Flags&Money != 0 {
				c |= ClassMoney
			}
			if len(w) == 4 && (w[0] == '1' || w[0] == '2' && w[1] == '0') && t.End-t.Start == 4 {
				c |= ClassYear // not "1,200", written with a separator
			}
		case t.Flags&Ordinal != 0:
			if len(w) == 5 && w[4] == 's' && w[3] == '0' {
				c |= ClassYear // "1990s"
			}
		case t.Flags&Percent != 0:
			c |= ClassUnit
		case f&LexNumber != 0 && (t.Flags&Cap == 0 || !capNext(toks, i) && (i == 0 || cls[i-1]&ClassCap == 0)):
			// "seventy"; capitalised, a number word is a number unless
			// it is part of a name ("One Direction", "Apollo Eleven"):
			// "Three died", “One of the great…”.
			c |= ClassNum
		case f&LexVague != 0 && t.Flags&Cap == 0:
			c |= ClassNum | ClassVague // "thousands"
		}
		if t.Flags&Aux == 0 && (t.Flags&Cap != 0 || t.Flags&AllCaps != 0) && t.Flags&(Number|Ordinal) == 0 {
			if f&LexMonth != 0 && (w != "may" || i+1 < len(toks) && toks[i+1].Flags&Number != 0) {
				c |= ClassDate
			} else if t.Flags&AllCaps != 0 || t.Flags&First == 0 && (f&(LexStop|LexNumber) == 0 || capNext(toks, i) || i > 0 && cls[i-1]&ClassCap != 0 && toks[i].Start == toks[i-1].End+1) {
				// A function word or a number word is no name alone:
				// "For" or "Twelve" after a quotation mark starts a
				// sentence; "The Hague" and "George I" are names.
				c |= ClassCap
			} else if capNext(toks, i) && f&(LexStop|LexQuestion) == 0 {
				c |= ClassCap // a name that opens the sentence: "Sergei Neverov …"
			}
		}
		if f&LexDateWord != 0 {
			c |= ClassDate
		}
		cls[i] = c
	}
	// Days: "April 12", "12 April" are dates, not counts.
	for i := range toks {
		if cls[i]&ClassDate == 0 {
			continue
		}
		for _, j := range []int{i - 1, i + 1} {
			if j >= 0 && j < len(toks) && cls[j]&ClassNum != 0 && cls[j]&ClassYear == 0 && len(words[j]) <= 2 {
				cls[j] = cls[j]&^ClassNum | ClassDate
			}
		}
	}
	// Eras: "303 AD", "AD 303", "44 BC", "400 CE" are years, and the era
	// with them a date, not a name.
	for i := range toks {
		if !Era(toks[i], words[i]) {
			continue
		}
		for _, j := range []int{i - 1, i + 1} {
			if j >= 0 && j < len(toks) && toks[j].Flags&Number != 0 && cls[j]&ClassMoney == 0 {
				cls[j] = (cls[j] | ClassNum | ClassYear) &^ ClassDate // not a day: "44 BC"
				cls[i] = cls[i]&^ClassCap | ClassDate
			}
		}
	}
	// Numbers of names: "Unit 180", "Boeing 747", "Bureau 121" count
	// nothing; the number is part of the name before it, one space away.
	for i := 1; i < len(toks); i++ {
		p := i - 1
		for p > 0 && cls[p]&ClassAux != 0 {
			p--
		}
		if cls[i]&ClassNum != 0 && cls[i]&(ClassMoney|ClassYear|ClassAux) == 0 && toks[i].Flags&Number != 0 &&
			cls[p]&ClassCap != 0 && toks[i].Start == toks[p].End+1 {
			cls[i] = cls[i]&^ClassNum | ClassCap
		}
	}
	// Amounts: "$545 million", "700 million USD", "70 Monero coins".
	for i := range toks {
		if cls[i]&ClassNum == 0 {
			continue
		}
		j := i + 1
		for j < len(toks) && j <= i+2 && lf[j]&LexMagnitude != 0 {
			cls[j] |= ClassUnit
			j++
		}
		money := cls[i]&ClassMoney != 0
		if j < len(toks) && lf[j]&LexCurrency != 0 {
			cls[j] |= ClassUnit
			money = true
		}
		if money {
			for k := i; k < j; k++ {
				cls[k] |= ClassMoney
			}
		}
	}
}

// Era reports whether t, whose folded word is w, is an era written in
// capitals: AD, BC, BCE, CE.
func Era(t Token, w string) bool {
	if t.Flags&AllCaps == 0 {
		return false
	}
	switch w {
	case "ad", "bc", "bce", "ce", "AD", "BC", "BCE", "CE":
		return true
	}
	return false
}

// capNext reports whether the token after toks[i] is capitalised and
// one space away, or the next part of the same camel-case word: "However,
// Plotinus" is no name; "You Bit" and "YouTube" are.
func capNext(toks []Token, i int) bool {
	if i+1 >= len(toks) || toks[i+1].Flags&(Cap|AllCaps) == 0 {
		return false
	}
	gap := toks[i+1].Start - toks[i].End
	return gap == 1 || gap == 0 && toks[i].Flags&toks[i+1].Flags&Hyphen != 0
}
