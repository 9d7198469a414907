package text

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"white space", " \n\t ", nil},
		{"one sentence", "North Korea denied it.", []string{"North Korea denied it."}},
		{"trimmed", "  One.  Two.  ", []string{"One.", "Two."}},
		{"no final punctuation", "The document states,", []string{"The document states,"}},
		{"question and exclamation", "Who did it? Nobody knows! It is odd.", []string{"Who did it?", "Nobody knows!", "It is odd."}},
		{"ellipsis", "It went on… Then it stopped. Or did it...", []string{"It went on…", "Then it stopped.", "Or did it..."}},
		{
			"dotted acronym before a name",
			"The report supports statements released in March by the U.N. Security Council’s panel of experts. According to the UN panel, it amassed millions.",
			[]string{
				"The report supports statements released in March by the U.N. Security Council’s panel of experts.",
				"According to the UN panel, it amassed millions.",
			},
		},
		{
			"dotted acronym before a lower-case word",
			"He will meet U.S. president Donald Trump. Trump agreed.",
			[]string{"He will meet U.S. president Donald Trump.", "Trump agreed."},
		},
		{
			"dotted acronym at the end of a sentence",
			"He moved to the U.S. The move was hard.",
			[]string{"He moved to the U.S.", "The move was hard."},
		},
		{
			"money with separators and decimals",
			"They mined 70 Monero coins, nearly $4,500 at press time. It cost $4.5 million. Prices rose 3.5 percent.",
			[]string{"They mined 70 Monero coins, nearly $4,500 at press time.", "It cost $4.5 million.", "Prices rose 3.5 percent."},
		},
		{
			"ordinal",
			"They work under the 6th Technical Bureau, within the General Bureau. The group is Unit 180.",
			[]string{"They work under the 6th Technical Bureau, within the General Bureau.", "The group is Unit 180."},
		},
		{
			"a sentence that opens with a number",
			"Prices fell. 2019 was worse.",
			[]string{"Prices fell.", "2019 was worse."},
		},
		{
			"curly quotes close a sentence",
			"He would meet Trump, provided that “the United States approaches us with the right manner.” Trump subsequently responded amicably.",
			[]string{
				"He would meet Trump, provided that “the United States approaches us with the right manner.”",
				"Trump subsequently responded amicably.",
			},
		},
		{
			"quoted sentences",
			"“Are you sure?” she asked. “Yes.” He left.",
			[]string{"“Are you sure?” she asked.", "“Yes.”", "He left."},
		},
		{
			"straight quotes and brackets",
			"He said \"stop.\" (It was late.) Then he left.",
			[]string{"He said \"stop.\"", "(It was late.)", "Then he left."},
		},
		{
			"dashes inside a sentence",
			"Exchanges acted against Pyongyang – North Korea’s capital city – and its regions. Sergei Neverov — a deputy — spoke.",
			[]string{"Exchanges acted against Pyongyang – North Korea’s capital city – and its regions.", "Sergei Neverov — a deputy — spoke."},
		},
		{"titles", "Mr. Smith went to Washington. Mrs. Jones did not. Dr. Who stayed.", []string{"Mr. Smith went to Washington.", "Mrs. Jones did not.", "Dr. Who stayed."}},
		{"initials", "J. R. R. Tolkien wrote it. He was English.", []string{"J. R. R. Tolkien wrote it.", "He was English."}},
		{"number abbreviation", "It was No. 5 on the list. It fell.", []string{"It was No. 5 on the list.", "It fell."}},
		{"month abbreviation", "It began on Jan. 5 and ended. Then it rained.", []string{"It began on Jan. 5 and ended.", "Then it rained."}},
		{"etc. inside a sentence", "They sold apples, pears, etc. and more. Then they left.", []string{"They sold apples, pears, etc. and more.", "Then they left."}},
		{"etc. at the end of a sentence", "They sold apples, pears, etc. The end came.", []string{"They sold apples, pears, etc.", "The end came."}},
		{"e.g. and i.e.", "Some fruit, e.g. apples. And i.e. that.", []string{"Some fruit, e.g. apples.", "And i.e. that."}},
		{"no space after the period", "See example.com for more. Version 2.0.1 is out.", []string{"See example.com for more.", "Version 2.0.1 is out."}},
		{"lower case after a period", "It rose 5 p.c. in total. it fell.", []string{"It rose 5 p.c. in total. it fell."}},
		{
			"list items on their own lines",
			"Three things:\n- first item\n* second item\n• third item\n1. numbered item\n2) other item",
			[]string{"Three things:", "first item", "second item", "third item", "numbered item", "other item"},
		},
		{
			"a line break inside a sentence",
			"This sentence goes\non over a line. And ends.",
			[]string{"This sentence goes\non over a line.", "And ends."},
		},
		{
			"seed paragraph with acronyms, numbers and an ordinal",
			"In 2015, South Korean intelligence estimated that North Korea employs up to 6,000 cyber-warfare experts, a number that has likely grown since then. " +
				"Among these experts are the Lazarus Group, a group of hackers working under the 6th Technical Bureau, within North Korea’s Reconnaissance General Bureau. " +
				"The Lazarus Group is often also referred to as Unit 180 or Bureau 121, although experts debate whether these are all indeed the same group.",
			[]string{
				"In 2015, South Korean intelligence estimated that North Korea employs up to 6,000 cyber-warfare experts, a number that has likely grown since then.",
				"Among these experts are the Lazarus Group, a group of hackers working under the 6th Technical Bureau, within North Korea’s Reconnaissance General Bureau.",
				"The Lazarus Group is often also referred to as Unit 180 or Bureau 121, although experts debate whether these are all indeed the same group.",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range SplitSentences(tt.in) {
				got = append(got, tt.in[sp.Start:sp.End])
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("splitSentences(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}
