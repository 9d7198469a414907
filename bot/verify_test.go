package bot

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/fakefacts"
)

// TestVerifyGolden renders what Verify shows for each citation of the
// recorded answer, against the seed articles it quotes, and for an article
// that is gone or changed, and compares it with testdata/verify/NAME.json.
// go test -update rewrites those files.
func TestVerifyGolden(t *testing.T) {
	engine := fakefacts.ForTest(t, os.DirFS("testdata"))
	a, _ := engine.Answer("answer")
	base, err := facts.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	find := func(c facts.Citation) *facts.Article {
		art, ok := base.Article(c.Source)
		if !ok {
			t.Fatalf("the seeds have no article %s", c.Source)
		}
		return &art
	}
	changed := *find(a.Citations[0])
	changed.Paragraphs = append([]string(nil), changed.Paragraphs...)
	changed.Paragraphs[a.Citations[0].Paragraph-1] = "Another text now."
	for name, tc := range map[string]struct {
		c   facts.Citation
		art *facts.Article
	}{
		"citation-1": {a.Citations[0], find(a.Citations[0])},
		"citation-2": {a.Citations[1], find(a.Citations[1])},
		"gone":       {a.Citations[0], nil},
		"changed":    {a.Citations[0], &changed},
	} {
		t.Run(name, func(t *testing.T) {
			got, err := json.MarshalIndent(verifyEmbed(tc.c, tc.art, "0123456789ab"), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join("testdata", "verify", name+".json"), got)
		})
	}
}

func TestBoldQuote(t *testing.T) {
	for _, tc := range []struct{ name, para, quote, want string }{
		{"middle", "One. Two is here. Three.", "Two is here.", "One. **Two is here.** Three."},
		{"first", "Two is here. Three.", "Two is here.", "**Two is here.** Three."},
		{"last", "One. Two is here.", "Two is here.", "One. **Two is here.**"},
		{"whole", "Two is here.", "Two is here.", "**Two is here.**"},
		{"markdown escaped", "A *b* [c](d). It @everyone.", "It @everyone.", "A \\*b\\* \\[c\\]\\(d\\). **It @\u200beveryone.**"},
		{"invisible dropped", "A\u202e b. Q\u200b.", "Q\u200b.", "A b. **Q.**"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := boldQuote(tc.para, tc.quote); got != tc.want {
				t.Errorf("boldQuote:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestBoldQuoteLong checks that a long paragraph shows at most maxAround
// characters on each side of the quote, each cut side marked "…".
func TestBoldQuoteLong(t *testing.T) {
	long := strings.Repeat("word ", 1000)
	got := boldQuote(long+"Q. "+long, "Q.")
	before, after, ok := strings.Cut(got, " **Q.** ")
	if !ok {
		t.Fatalf("boldQuote = %q, want the quote in bold", got)
	}
	if !strings.HasPrefix(before, "…") || length(before) > maxAround || length(before) < maxAround-10 {
		t.Errorf("before the quote: %d characters %q…, want \"…\" and the last %d", length(before), before[:20], maxAround)
	}
	if !strings.HasSuffix(after, "…") || length(after) > maxAround || length(after) < maxAround-10 {
		t.Errorf("after the quote: %d characters, want the first %d and \"…\"", length(after), maxAround)
	}
}

func TestVerifyButtons(t *testing.T) {
	if b := verifyButtons("1", 1, 1); b != nil {
		t.Errorf("one citation: buttons %v, want none", b)
	}
	if b := verifyButtons(strings.Repeat("9", 100), 1, 3); b != nil {
		t.Errorf("a key too long: buttons %v, want none", b)
	}
}
