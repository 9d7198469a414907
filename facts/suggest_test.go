package facts

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSuggest(t *testing.T) {
	b, err := Seeds()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		typed string
		want  string // a suggestion that must be among them
	}{
		{"", "What is Lazarus Group?"},
		{"Who", "Who is Sergei Neverov?"},
		{"neverov", "Who is Sergei Neverov?"},
		{"laz", "Lazarus Group"},
		{"how much did bith", "how much did Bithumb"},
		{"rusi", "What is RUSI?"},
		{"what is Royal", "what is Royal United Services Institute"},
	} {
		t.Run(tc.typed, func(t *testing.T) {
			got := b.Suggest(tc.typed, 25)
			if len(got) > 25 {
				t.Errorf("%d suggestions, want at most 25", len(got))
			}
			found := false
			for _, s := range got {
				if s == "" || len(s) > maxSuggestionLen || !utf8.ValidString(s) {
					t.Errorf("suggestion %q is empty, too long or not UTF-8", s)
				}
				found = found || s == tc.want
			}
			if !found {
				t.Errorf("Suggest(%q) = %q, want %q among them", tc.typed, got, tc.want)
			}
		})
	}
}

// TestSuggestAnswerable checks that the questions suggested before anything
// is typed are ones the fact base answers.
func TestSuggestAnswerable(t *testing.T) {
	b, err := Seeds()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range b.Suggest("", 10) {
		if b.Ask(q).Abstained() {
			t.Errorf("suggested %q, which the base does not answer", q)
		}
	}
}

func TestSuggestLimits(t *testing.T) {
	b, err := Seeds()
	if err != nil {
		t.Fatal(err)
	}
	for _, typed := range []string{strings.Repeat("North Korea ", 500), "\xff\xfe", "🙂🙂", "   "} {
		for _, s := range b.Suggest(typed, 25) {
			if len(s) > maxSuggestionLen || !utf8.ValidString(s) {
				t.Errorf("Suggest(%.20q) gave %q", typed, s)
			}
		}
	}
	if got := b.Suggest("laz", 0); got != nil {
		t.Errorf("Suggest with n=0 = %q, want nil", got)
	}
}

func TestNames(t *testing.T) {
	a, err := ParseArticle("x", []byte("Big Heist\n\nThieves stole $5 million from the Central Bank of Freedonia, police chief Anna Smith said. Anna Smith said more."), false)
	if err != nil {
		t.Fatal(err)
	}
	b := New([]Article{a}, nil)
	got := b.Names(5)
	if len(got) == 0 || got[0] != "Anna Smith" {
		t.Errorf("Names(5) = %q, want Anna Smith first", got)
	}
	if got := b.Names(0); len(got) != 0 {
		t.Errorf("Names(0) = %q, want none", got)
	}
}
