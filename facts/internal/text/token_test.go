package text

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// words returns the folded forms of the tokens of s, extra forms included.
func words(s string) []string {
	z := NewTokenizer()
	var out []string
	for _, t := range z.Tokenize(s) {
		out = append(out, string(z.Word(t)))
	}
	return out
}

func TestTokenizeFolding(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{" \t\n–—…!?", nil},
		{"North KOREA korea", []string{"north", "korea", "korea"}},
		{"“Quoted” ‘single’ «guillemets»", []string{"quoted", "single", "guillemets"}},
		{"café naïve ÉCOLE Zürich São", []string{"cafe", "naive", "ecole", "zurich", "sao"}},
		{"Straße Æsir œuvre Øresund Łódź", []string{"strasse", "aesir", "oeuvre", "oresund", "lodz"}},
		{"such as\u00a0Lazarus, who\u00a0 initiated", []string{"such", "as", "lazarus", "who", "initiated"}},
		{"Korea’s Korea's KOREA'S", []string{"korea", "korea", "korea"}},
		{"don't can’t won't", []string{"dont", "cant", "wont"}},
		{"rock 'n' roll 'quoted'", []string{"rock", "n", "roll", "quoted"}},
		{"Pyongyang – North Korea’s capital city – and", []string{"pyongyang", "north", "korea", "capital", "city", "and"}},
		{"6,000 4.5 1,234,567.89", []string{"6000", "4.5", "1234567.89"}},
		{"6, 000", []string{"6", "000"}},
		{"2.0.1 end.", []string{"2.0.1", "end"}},
		{"U.S. U.N. e.g. A.B.C", []string{"us", "un", "eg", "abc"}},
		{"16% 16 % 4.5%", []string{"16", "percent", "16", "percent", "4.5", "percent"}},
		{"% of it", []string{"of", "it"}},
		{"cyber-warfare", []string{"cyber", "warfare", "cyberwarfare"}},
		{"state-backed North", []string{"state", "backed", "statebacked", "north"}},
		{"moneyNorth", []string{"money", "north", "moneynorth"}},
		{"YouBit and Bithumb", []string{"you", "bit", "youbit", "and", "bithumb"}},
		{"iPhone McDonald RUSI WannaCry", []string{"iphone", "mc", "donald", "mcdonald", "rusi", "wanna", "cry", "wannacry"}},
		{"Kim Jong-un", []string{"kim", "jong", "un", "jongun"}},
		{"reportsrindicate", []string{"reportsrindicate"}},
		{"日本 Москва", []string{"日本", "москва"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, words(tt.in)); diff != "" {
				t.Errorf("tokenize(%q) words mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// tok is a token as the tests write it: its source text, folded form and
// flags.
type tok struct {
	Src, Word, Flags string
}

var tokFlagNames = []struct {
	f    Flags
	name string
}{
	{Cap, "cap"}, {AllCaps, "allcaps"}, {Number, "number"}, {Money, "money"},
	{Ordinal, "ordinal"}, {Aux, "aux"}, {First, "first"}, {Percent, "percent"}, {Hyphen, "hyphen"},
}

func (f Flags) String() string {
	var names []string
	for _, n := range tokFlagNames {
		if f&n.f != 0 {
			names = append(names, n.name)
		}
	}
	return strings.Join(names, ",")
}

func TestTokenizeFlags(t *testing.T) {
	tests := []struct {
		in   string
		want []tok
	}{
		{"North korea", []tok{{"North", "north", "cap,first"}, {"korea", "korea", ""}}},
		{"the RUSI report", []tok{{"the", "the", "first"}, {"RUSI", "rusi", "cap,allcaps"}, {"report", "report", ""}}},
		{"a U.S. president", []tok{{"a", "a", "first"}, {"U.S.", "us", "cap,allcaps"}, {"president", "president", ""}}},
		{"version 2.0.1.", []tok{{"version", "version", "first"}, {"2.0.1", "2.0.1", "number"}}},
		{"to the U.S.", []tok{{"to", "to", "first"}, {"the", "the", ""}, {"U.S.", "us", "cap,allcaps"}}},
		{"up to 6,000 experts", []tok{{"up", "up", "first"}, {"to", "to", ""}, {"6,000", "6000", "number"}, {"experts", "experts", ""}}},
		{"$545 million", []tok{{"545", "545", "number,money,first"}, {"million", "million", ""}}},
		{"€4.5 and £3", []tok{{"4.5", "4.5", "number,money,first"}, {"and", "and", ""}, {"3", "3", "number,money"}}},
		{"$ 20, then 30", []tok{{"20", "20", "number,money,first"}, {"then", "then", ""}, {"30", "30", "number"}}},
		{"the 6th bureau", []tok{{"the", "the", "first"}, {"6th", "6th", "ordinal"}, {"bureau", "bureau", ""}}},
		{"in the 1990s", []tok{{"in", "in", "first"}, {"the", "the", ""}, {"1990s", "1990s", "ordinal"}}},
		{"over 16%", []tok{{"over", "over", "first"}, {"16", "16", "number"}, {"%", "percent", "percent"}}},
		{"cyber-warfare experts", []tok{
			{"cyber", "cyber", "first,hyphen"}, {"warfare", "warfare", "hyphen"},
			{"cyber-warfare", "cyberwarfare", "aux"}, {"experts", "experts", ""},
		}},
		{"digital moneyNorth Korea", []tok{
			{"digital", "digital", "first"}, {"money", "money", "hyphen"}, {"North", "north", "cap,hyphen"},
			{"moneyNorth", "moneynorth", "aux"}, {"Korea", "korea", "cap"},
		}},
		{"YouBit", []tok{{"You", "you", "cap,first,hyphen"}, {"Bit", "bit", "cap,hyphen"}, {"YouBit", "youbit", "aux"}}},
		{"Korea’s capital", []tok{{"Korea’s", "korea", "cap,first"}, {"capital", "capital", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			z := NewTokenizer()
			var got []tok
			for _, k := range z.Tokenize(tt.in) {
				got = append(got, tok{tt.in[k.Start:k.End], string(z.Word(k)), k.Flags.String()})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("tokenize(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// A Tokenizer is reused between calls: earlier text must not leak into the
// tokens of later text.
func TestTokenizeReuse(t *testing.T) {
	z := NewTokenizer()
	z.Tokenize("Straße cyber-warfare $545 million and many more words than the next text has")
	toks := z.Tokenize("café")
	if len(toks) != 1 || string(z.Word(toks[0])) != "cafe" || toks[0].Flags != First {
		t.Errorf("second tokenize = %v (%q), want one Token cafe", toks, z.buf)
	}
}

// BenchmarkTokenize tokenizes a paragraph of news: words, names, numbers,
// a hyphenated compound, a camel-case name, an accented word.
func BenchmarkTokenize(b *testing.B) {
	const para = "In 2015, South Korean intelligence estimated that North Korea employs up to 6,000 " +
		"cyber-warfare experts, a number that has likely grown since then. Among the platforms " +
		"which have allegedly fallen victim are YouBit and Bithumb, whose losses reached $35 million. " +
		"The U.N. panel's report, quoted by Le Monde's café reporter, said they don't know more."
	z := NewTokenizer()
	b.SetBytes(int64(len(para)))
	for b.Loop() {
		z.Tokenize(para)
	}
}
