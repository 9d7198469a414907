package facts

import (
	"io/fs"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The fuzz tests run their seed corpus (f.Add and testdata/fuzz) as normal
// tests; to fuzz, run one of them alone, for example:
//
//	go test ./facts -run XXX -fuzz FuzzParseArticle -fuzztime 45s
//
// A crasher the fuzzer finds lands in testdata/fuzz/<FuzzName>/: commit
// it, as a regression seed, with the fix.

// textSeeds are inputs every text fuzzer starts from.
var textSeeds = []string{
	"",
	" \n\t",
	"Title\n\nBody.",
	"BTC Wires\n\nIs It A Headline?\n\nBody one.\n\nBody two.",
	"---\ntitle: \"T\"\nauthor: 'A'\nurl: https://x/y:z\n---\nBody.",
	"---\r\ntitle: T\r\n---\r\nP1\r\n\r\nP2\r\n",
	"---\ntitle: T\n",
	"\ufeff# Title\n\n## Heading\n\n#1 reason.\n\nBody.",
	"Title\n\nBody \xff\xfe.",
	"Title\n\nBody\x00.",
	"Title\n\n- one\n- two\n1. three\n2) four",
	"The U.N. Security Council’s panel met U.S. president Donald Trump. It cost $4,500.",
	"Mr. Smith, J. R. R. Tolkien, No. 5, 3.5 percent, etc. The end… “Quoted.” Next!",
	"cyber-warfare moneyNorth YouBit Korea’s don't 6,000 $545 6th 1990s 16% Straße café\u00a0x",
	"Royal United Services Institute (RUSI) and WMD (weapons of mass destruction).",
	strings.Repeat("word ", 400) + "and no end",
	strings.Repeat("A.", 300),
	strings.Repeat("\n", 50) + "x",
}

func FuzzParseArticle(f *testing.F) {
	for _, s := range textSeeds {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	for _, name := range []string{"000_57d83770277fbe9f.txt", "003_0b01d940f1db74a4.txt"} {
		data, err := fs.ReadFile(SeedFS(), name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, false)
	}
	f.Fuzz(func(t *testing.T, data []byte, markdown bool) {
		a, err := ParseArticle("x", data, markdown)
		if err != nil {
			return
		}
		if strings.ContainsAny(a.Title, "\r\n") {
			t.Errorf("title has a line break: %q", a.Title)
		}
		if len(a.Paragraphs) == 0 {
			t.Errorf("no paragraphs and no error")
		}
		for i, p := range a.Paragraphs {
			if strings.TrimSpace(p) == "" {
				t.Errorf("paragraph %d is empty: %q", i+1, p)
			}
			if !strings.Contains(string(data), p) {
				t.Errorf("paragraph %d is not part of the text: %q", i+1, p)
			}
		}
	})
}

var (
	seedsOnce sync.Once
	seedBase  *Base
	seedErr   error
)

// seeds returns the base of the seed articles, built once for all tests.
func seeds(t testing.TB) *Base {
	t.Helper()
	seedsOnce.Do(func() { seedBase, seedErr = Seeds() })
	if seedErr != nil {
		t.Fatal(seedErr)
	}
	return seedBase
}

func FuzzAsk(f *testing.F) {
	for _, q := range []string{
		"", " ", "thanks!", "?", "\x00", "\xff\xfe\xfd", "a\xffb North Korea",
		"How much crypto has North Korea stolen?",
		"how MUCH did the DPRK steal from exchanges???",
		"Who is Sergei Neverov?",
		"When did RUSI publish it, and why?",
		"Which exchanges lost between $30 million and $40 million?",
		"What is the price of Bitcoin today?",
		"which countries are mentioned?", "list every date", "list all the places and dates",
		"Who did not steal the smallest sum?", "which exchanges got hit in the articles",
		"crypto grp lazaru hackr U.N. U.S. 6th 16% $545",
		"What type of cyber-warfare did North Korea use?", "what kind of think-tank is RUSI",
		"What is the hacking group called?", "Which group is known as Unit 180?",
		"what did the so-called Lazarus Group steal", "Who was the Group's leader?",
		"yo is it true that north korea stole crypto", "quick q: how many exchanges were hit",
		"hey guys what", "yo", "q: q: q: who", "anyone know wat the un said?",
		"“curly” – dashes — and ‘quotes’ café Straße",
		strings.Repeat("North Korea ", 900),
		strings.Repeat("a", 10000),
		strings.Repeat("How much? ", 1000),
		strings.Repeat("é", 5000),
		strings.Repeat("\xff", 10000),
	} {
		f.Add(q)
	}
	b := seeds(f)
	f.Fuzz(func(t *testing.T, q string) {
		ans := b.Ask(q)
		checkAnswer(t, b, ans)
		if diff := cmp.Diff(ans, b.Ask(q)); diff != "" {
			t.Errorf("Ask(%q) twice: mismatch (-first +second):\n%s", q, diff)
		}
		b.Explain(q)
		const n = 5
		sugg := b.Suggest(q, n)
		if len(sugg) > n {
			t.Errorf("Suggest(%q, %d) gave %d suggestions", q, n, len(sugg))
		}
		for _, s := range sugg {
			if s == "" || len(s) > maxSuggestionLen {
				t.Errorf("Suggest(%q): suggestion of %d bytes: %q", q, len(s), s)
			}
		}
	})
}
