package text

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var classNames = []struct {
	c    Class
	name string
}{
	{ClassAux, "aux"}, {ClassCap, "cap"}, {ClassNum, "num"}, {ClassMoney, "money"},
	{ClassYear, "year"}, {ClassDate, "date"}, {ClassVague, "vague"}, {ClassUnit, "unit"},
}

func (c Class) String() string {
	var names []string
	for _, n := range classNames {
		if c&n.c != 0 {
			names = append(names, n.name)
		}
	}
	return strings.Join(names, ",")
}

// classes returns the tokens of s as "word:classes", as Classify sees them.
func classes(s string) []string {
	z := NewTokenizer()
	toks := z.Tokenize(s)
	words := make([]string, len(toks))
	lf := make([]Lex, len(toks))
	for i, t := range toks {
		words[i] = Key(z.Word(t), t.Flags)
		lf[i] = LexOf(words[i])
	}
	cls := make([]Class, len(toks))
	Classify(toks, words, lf, cls)
	out := make([]string, len(toks))
	for i := range toks {
		out[i] = words[i] + ":" + cls[i].String()
	}
	return out
}

func TestClassify(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", []string{}},
		{"In 2015, in the 1990s", []string{"in:", "2015:num,year", "in:", "the:", "1990s:year"}},
		{"cut 1,200 jobs in 2015", []string{"cut:", "1200:num", "jobs:", "in:", "2015:num,year"}}, // a separator writes no year
		{"a paper published April 12", []string{"a:", "paper:", "published:", "april:date", "12:date"}},
		{"on 12 April 2019", []string{"on:", "12:date", "april:date", "2019:num,year"}},
		{"in May 2018 they may act", []string{"in:", "may:date", "2018:num,year", "they:", "may:", "act:"}},
		{"on Monday", []string{"on:", "monday:date"}},
		{
			"stolen approximately $545 million and $735 million",
			[]string{"stolen:", "approximately:", "545:num,money", "million:num,money,unit", "and:", "735:num,money", "million:num,money,unit"},
		},
		{"worth $700 million USD", []string{"worth:", "700:num,money", "million:num,money,unit", "usd:cap,unit"}},
		{"worth 700 million dollars", []string{"worth:", "700:num,money", "million:num,money,unit", "dollars:unit"}},
		{"nearly $4,500 at press time", []string{"nearly:", "4500:num,money", "at:", "press:", "time:"}},
		{"up to 6,000 experts", []string{"up:", "to:", "6000:num", "experts:"}},
		{"over 16 percent, 16%", []string{"over:", "16:num", "percent:unit", "16:num", "percent:unit"}},
		{"seventy people, twelve days", []string{"seventy:num", "people:", "twelve:num", "days:"}},
		{"over thousands of them, several more", []string{"over:", "thousands:num,vague", "of:", "them:", "several:num,vague", "more:"}},
		{"Sergei Neverov met RUSI", []string{"sergei:cap", "neverov:cap", "met:", "rusi:cap"}},
		{"The group met the Lazarus Group", []string{"the:", "group:", "met:", "the:", "lazarus:cap", "group:cap"}},
		{"cyber-warfare", []string{"cyber:", "warfare:", "cyberwarfare:aux"}},
		// A camel-case word is one name, even when its first part is a
		// function word on its own.
		{"on YouTube", []string{"on:", "you:cap", "tube:cap", "youtube:aux"}},
		{"like YouBit and Bithumb", []string{"like:", "you:cap", "bit:cap", "youbit:aux", "and:", "bithumb:cap"}},
		// A number one space after a name is part of it; after a comma, or
		// a year, or money, it is not.
		{"known as Unit 180 or Bureau 121", []string{"known:", "as:", "unit:cap", "180:cap", "or:", "bureau:cap", "121:cap"}},
		{"in Korea, 700 hackers", []string{"in:", "korea:cap", "700:num", "hackers:"}},
		{"the Olympics 2016 were held", []string{"the:", "olympics:cap", "2016:num,year", "were:", "held:"}},
		// Eras in capitals make a year of any number; an advert stays one.
		{"in 303 AD and AD 64, from 44 BC", []string{"in:", "303:num,year", "ad:date", "and:", "ad:date", "64:num,year", "from:", "44:num,year", "bc:date"}},
		{"an ad ran 3 times", []string{"an:", "ad:", "ran:", "3:num", "times:"}},
		// A function word is a name only beside one: a quotation opens a
		// sentence; "The Hague" and "George I" are names.
		{`he wrote: "For the first time`, []string{"he:", "wrote:", "for:", "the:", "first:", "time:"}},
		{"at The Hague, under George I, in", []string{"at:", "the:cap", "hague:cap", "under:", "george:cap", "i:cap", "in:"}},
		{"by Plotinus, However, Plotinus", []string{"by:", "plotinus:cap", "however:", "plotinus:cap"}},
		// A number word is a number, capitalised or not, unless it is part
		// of a name.
		{"Three people died", []string{"three:num", "people:", "died:"}},
		{`he said: “Twelve of them`, []string{"he:", "said:", "twelve:num", "of:", "them:"}},
		{"fans of One Direction and Apollo Eleven", []string{"fans:", "of:", "one:cap", "direction:cap", "and:", "apollo:cap", "eleven:cap"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, classes(tt.in)); diff != "" {
				t.Errorf("classify(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}
