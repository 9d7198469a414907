package facts

import (
	"testing"

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
