package facts

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/factbot/factbot/facts/internal/text"
)

func TestStripLinks(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"How much was stolen?", "How much was stolen?"},
		{"see https://example.com/a?b=c now", "see   now"},
		{"www.example.com", " "},
		{"<@123456> how much", "  how much"},
		{"<:smile:42>hi", " hi"},
		{"a < b and c > d", "a < b and c > d"},
		{"3.5 million", "3.5 million"},
	} {
		if got := stripLinks(tc.in); got != tc.want {
			t.Errorf("stripLinks(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestQuestionType(t *testing.T) {
	z := text.NewTokenizer()
	for _, tc := range []struct {
		q    string
		want kind
	}{
		{"How much crypto has North Korea stolen?", kMoney | kCount | kPercent},
		{"How many experts does it employ?", kCount},
		{"When was the paper published?", kDate},
		{"In what year did it happen?", kDate},
		{"Who is Sergei Neverov?", kName},
		{"Where is Pyongyang?", kPlace},
		{"Why did they do it?", kReason},
		{"Which countries were hit?", kPlace | kList},
		{"Which think tank published the report?", kName},
		{"What share of the volume is Korean?", kPercent},
		{"thanks!", 0},
		{"Is North Korea behind it?", 0},
	} {
		toks := z.Tokenize(tc.q)
		var words []string
		for _, tk := range toks {
			words = append(words, text.Key(z.Word(tk), tk.Flags))
		}
		if got, _ := questionType(toks, words); got != tc.want {
			t.Errorf("questionType(%q) = %b, want %b", tc.q, got, tc.want)
		}
	}
}

// TestParse checks the parse stage alone: it needs no index.
func TestParse(t *testing.T) {
	type parsed struct {
		Want    string
		Wh      string
		YesNo   bool
		Defines string
		Focus   string
		Year    bool // asksYear
	}
	tests := []struct {
		q    string
		want parsed
	}{
		{"How much crypto has North Korea stolen?", parsed{Want: "money", Wh: "how much", Focus: "crypto"}},
		{"How many hackers does it employ?", parsed{Want: "count", Wh: "how many", Focus: "hackers"}},
		{"how old is he", parsed{Want: "count", Wh: "how old"}},
		{"how come?", parsed{Wh: "how"}},
		{"Which crypto exchanges were hacked?", parsed{Want: "name", Wh: "which", Focus: "crypto exchanges"}},
		{"What did the minister point out?", parsed{Wh: "what"}},
		{"Who is Taro Kono?", parsed{Want: "name", Wh: "who", Defines: "Taro Kono"}},
		{"What is the price of gold?", parsed{Want: "money", Wh: "what", Focus: "price"}},
		// The thing asked about follows "is the" and "type of"; a name
		// after "is the" is what the question is about, not what it asks.
		{"What type of pollution was found?", parsed{Wh: "what", Focus: "pollution"}},
		{"What is the Edo period also known as?", parsed{Wh: "what"}},
		{"Did Trump respond?", parsed{YesNo: true}},
		{"WHO IS TARO KONO?", parsed{Want: "name", Wh: "who"}},
		{"<@123> when was it published? https://x.y/z", parsed{Want: "date", Wh: "when"}},
		{"In what year was Fort Hamilton founded?", parsed{Want: "date", Wh: "what", Focus: "year", Year: true}},
		{"Which years did the war last?", parsed{Want: "date", Wh: "which", Focus: "years", Year: true}},
		{"What month was it published?", parsed{Want: "date", Wh: "what", Focus: "month"}},
		// Chat openers before the question proper are read past.
		{"yo is it true that North Korea stole crypto", parsed{YesNo: true}},
		{"quick q: how many hackers does it employ", parsed{Want: "count", Wh: "how many", Focus: "hackers"}},
		{"anyone know who is Taro Kono?", parsed{Want: "name", Wh: "who", Defines: "Taro Kono"}},
		{"hey guys, which crypto exchanges were hacked", parsed{Want: "name", Wh: "which", Focus: "crypto exchanges"}},
		{"so tell me is it true", parsed{}}, // "tell" is no opener: the question is read whole
		{"", parsed{}},
	}
	z := text.NewTokenizer()
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			q := parse(z, tt.q, nil, nil)
			got := parsed{Want: q.want.String(), Wh: q.wh, YesNo: q.yesNo, Defines: q.defines, Year: asksYear(&q)}
			if q.focusTo > q.focusFrom {
				got.Focus = q.text[q.toks[q.focusFrom].Start:q.toks[q.focusTo-1].End]
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("parse(%q) mismatch (-want +got):\n%s", tt.q, diff)
			}
		})
	}
}

// A question that asks to spell out a short form names it, in capitals or
// not, and keeps none of its request phrasing ("stand for", "the
// acronym") as words to match.
func TestSpelledOut(t *testing.T) {
	z := text.NewTokenizer()
	for _, tc := range []struct {
		q, defines string
		words      []string
	}{
		{"What does NCAA stand for?", "NCAA", []string{"what", "does", "ncaa"}},
		{"what does rusi stand for", "rusi", []string{"what", "does", "rusi"}},
		{"what does wmd stand for", "wmd", []string{"what", "does", "wmd"}}, // WordNet has it, as the initials of weapon of mass destruction
		{"what does the un stand for", "un", []string{"what", "does", "un"}},
		{"What does the acronym DRM stand for?", "DRM", []string{"what", "does", "drm"}},
		{"What is SDK short for?", "SDK", []string{"what", "is", "sdk"}},
		{"what does WMD mean", "WMD", []string{"what", "does", "wmd"}},
		{"WMD stands for what?", "WMD", []string{"wmd"}},
		{"what does it mean", "", []string{"what", "does", "it", "mean"}},                                // no short form
		{"what does wmd mean", "", []string{"what", "does", "wmd", "mean"}},                              // "mean" asks it of capitals only
		{"What did the treaty stand for?", "", []string{"what", "did", "the", "treaty", "stand", "for"}}, // "the" then a noun the list lacks
	} {
		q := parse(z, tc.q, nil, nil)
		if q.defines != tc.defines || !slices.Equal(q.words, tc.words) {
			t.Errorf("parse(%q): defines %q, words %q; want %q, %q", tc.q, q.defines, q.words, tc.defines, tc.words)
		}
	}
}

func TestWordIs(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"what's rusi", "what is rusi"},
		{"Who’s Kim Jong-un?", "Who is Kim Jong-un?"},
		{"where's the money and what's it for", "where is the money and what is it for"},
		{"What is Russia's Tass?", "What is Russia's Tass?"}, // a possessive
		{"whats rusi", "whats rusi"},                         // the corrector reads this one out
		{"what'st", "what'st"},
		{"what'", "what'"},
	} {
		if got := wordIs(tc.in); got != tc.want {
			t.Errorf("wordIs(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
