package spell

import (
	"maps"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/factbot/factbot/facts/internal/lang"
)

// base is a small fact base: the words of a news story about a hack, with
// counts, as the engine would pass them.
var base = map[string]int{
	"the": 40, "hackers": 5, "stole": 3, "lazarus": 4, "group": 6, "north": 9, "korea": 9,
	"think": 2, "tank": 3, "data": 4, "base": 2, "million": 7, "bank": 5, "bangladesh": 3,
	"rn": 1, "employees": 2, "work": 3, "people": 2, "cyber": 4, "attack": 5, "nk": 2,
	"wanted": 1, "form": 1, "database": 1,
}

func newTest(t testing.TB, vocab map[string]int) *Corrector {
	t.Helper()
	c, err := New(maps.All(vocab), 1)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCorrect(t *testing.T) {
	c := newTest(t, base)
	tests := []struct {
		in, want string
	}{
		{"wat did teh hackers steal", "what did the hackers steal"},
		{"hwo much did they take", "how much did they take"},
		{"whats the thinktank", "what is the think tank"},
		{"r u sure abt that", "are you sure about that"},
		{"how many ppl work there", "how many people work there"},
		{"did the govt pay", "did the government pay"},
		{"when did the us pay", "when did the US pay"},
		{"did they pay us", "did they pay us"},
		{"pls tell me bc i forgot thx", "please tell me because i forgot thanks"},
		{"cuz they wanted w o a trace", "because they wanted without a trace"},
		{"who are the hackerss", "who are the hackers"},
		{"what did the goverment say", "what did the government say"},
		{"whats their adress", "what is their address"},
		{"who stoled the money", "who stole the money"},
		{"is the data base safe", "is the database safe"},
		{"which bnak was hit", "which bank was hit"},
		{"how many milion", "how many million"},
		{"where did the atack start", "where did the attack start"},
		{"why didnt they stop it", "why did not they stop it"},
		{"they stole alot", "they stole a lot"},
		{"whcih group", "which group"},
		{"who recieved the money", "who received the money"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, _ := c.Correct(strings.Fields(tt.in), nil)
			if diff := cmp.Diff(tt.want, strings.Join(got, " ")); diff != "" {
				t.Errorf("Correct(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestDwarfedChat checks that a chat abbreviation the base knows only in
// passing is still read out ("r" of "R&B" beside a hundred "are"), and
// one the base uses as often as what it stands for is not ("bc" of
// dates, BC).
func TestDwarfedChat(t *testing.T) {
	c := newTest(t, map[string]int{"r": 5, "are": 80, "there": 20, "bc": 30, "because": 2, "govt": 1, "government": 40, "built": 3, "in": 90, "year": 10})
	tests := []struct{ in, want string }{
		{"how many r there", "how many are there"},
		{"what did the govt build", "what did the government build"},
		{"built in 300 bc", "built in 300 bc"},
	}
	for _, tt := range tests {
		got, _ := c.Correct(strings.Fields(tt.in), nil)
		if diff := cmp.Diff(tt.want, strings.Join(got, " ")); diff != "" {
			t.Errorf("Correct(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

// TestKeep lists words that must stay as they are.
func TestKeep(t *testing.T) {
	c := newTest(t, base)
	tests := []struct {
		name string
		in   string
		keep []bool
	}{
		{"known to the base", "nk lazarus bangladesh cyber", nil},
		{"known chat spelling", "how many work there rn", nil},
		{"known English word", "form", nil},
		{"numbers", "how much is 81000000 or 4.5 or 1990", nil},
		{"words of English", "the quick brown fox jumps over the lazy dog", nil},
		{"valid rare words", "quire whom apse", nil},
		{"names English writes often, typed in lower case", "pitt cain jane porto", nil},
		{"function words", "lol hmm thanks", nil},
		{"names kept by the caller", "did hwo teh steal", []bool{false, true, true, false}},
		{"short words", "xi ab", nil},
		{"stop words apart", "in to a part", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := strings.Fields(tt.in)
			got, fixes := c.Correct(in, tt.keep)
			if diff := cmp.Diff(in, got); diff != "" {
				t.Errorf("Correct(%q) changed it (-want +got):\n%s\nfixes: %v", tt.in, diff, fixes)
			}
		})
	}
}

func TestFixes(t *testing.T) {
	c := newTest(t, base)
	in := strings.Fields("wat r the data base and teh thinktank")
	// "database" is a word of the base.
	_, got := c.Correct(in, nil)
	want := []Fix{
		{At: 0, N: 1, From: "wat", To: "what", Kind: Chat},
		{At: 1, N: 1, From: "r", To: "are", Kind: Chat},
		{At: 3, N: 2, From: "data base", To: "database", Kind: Join},
		{At: 6, N: 1, From: "teh", To: "the", Kind: Typo},
		{At: 7, N: 1, From: "thinktank", To: "think tank", Kind: Split},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("fixes (-want +got):\n%s", diff)
	}
	if in[0] != "wat" {
		t.Errorf("Correct modified its input: %q", in)
	}
}

func TestRnUnknown(t *testing.T) {
	vocab := maps.Clone(base)
	delete(vocab, "rn")
	c := newTest(t, vocab)
	got, _ := c.Correct([]string{"who", "works", "there", "rn"}, nil)
	if diff := cmp.Diff([]string{"who", "works", "there", "right", "now"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		typed, meant string
		want         int
	}{
		{"the", "the", 0},
		{"teh", "the", slipCost},               // a swap
		{"hackerss", "hackers", slipCost},      // a doubled letter
		{"adress", "address", slipCost},        // one of a double left out
		{"bnak", "bank", slipCost},             // a swap
		{"wat", "what", editCost},              // a letter left out
		{"tje", "the", slipCost},               // a key next to the right one
		{"hte", "the", slipCost + firstCost},   // a swap at the first letter
		{"gank", "bank", slipCost + firstCost}, // the first letter
	}
	for _, tt := range tests {
		t.Run(tt.typed+"/"+tt.meant, func(t *testing.T) {
			if got := distance(tt.typed, tt.meant, 100); got != tt.want {
				t.Errorf("distance(%q, %q) = %d, want %d", tt.typed, tt.meant, got, tt.want)
			}
		})
	}
}

func TestData(t *testing.T) {
	en, err := loadEnglish()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"the", "government", "think", "tank", "database"} {
		if e := en.words[w]; !e.valid || e.lower == 0 {
			t.Errorf("english: %q is %+v", w, e)
		}
	}
	if len(en.words) < 50000 || len(en.compounds) < 100 || len(en.chat) < 20 || len(en.contractions) < 10 {
		t.Errorf("english: %d words, %d compounds, %d chat, %d contractions",
			len(en.words), len(en.compounds), len(en.chat), len(en.contractions))
	}
	for typed, meant := range en.chat {
		if _, ok := en.contractions[typed]; ok {
			t.Errorf("%q is both chat and a contraction", typed)
		}
		for _, w := range meant {
			// Folded, but for a stop word in capitals, which the engine
			// keeps apart ("US", the country, not "us").
			if w != strings.ToLower(w) && !(w == strings.ToUpper(w) && lang.Stopwords[strings.ToLower(w)]) {
				t.Errorf("chat %q: %q is not folded", typed, w)
			}
		}
	}
}

// TestConcurrent runs Correct from several goroutines, for the race detector.
func TestConcurrent(t *testing.T) {
	c := newTest(t, base)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				got, _ := c.Correct(strings.Fields("wat did teh hackerss stael"), nil)
				if got[0] != "what" {
					t.Errorf("got %q", got)
				}
			}
		})
	}
	wg.Wait()
}

// TestCommonness checks that the English counts tell the words any question
// may use from names, rare words and typos, in both of their measures:
// Commonness, on a log scale, and Rate, the share of paragraphs.
func TestCommonness(t *testing.T) {
	c := newTest(t, base)
	for _, tt := range []struct {
		w                string
		minC, maxC       float32
		minRate, maxRate float64
	}{
		{"government", 0.75, 1, 0.05, 0.2}, // seen in lower case about 1,800 times, over 19,338 lines
		{"happened", 0.3, 0.5, 1e-3, 4e-3}, // about 40
		{"laundering", 0.1, 0.2, 1e-5, 1e-3},
		{"zzyzxq", 0, 0, 0, 0},  // never seen
		{"beyonce", 0, 0, 0, 0}, // only as a name: English says nothing of its rarity
		{"the", 1, 1, 1, 1},     // the most common; more uses than lines, so a rate of 1
	} {
		if got := c.Commonness(tt.w); got < tt.minC || got > tt.maxC {
			t.Errorf("Commonness(%q) = %.3f, want in [%v, %v]", tt.w, got, tt.minC, tt.maxC)
		}
		if got := c.Rate(tt.w); got < tt.minRate || got > tt.maxRate {
			t.Errorf("Rate(%q) = %.5f, want in [%v, %v]", tt.w, got, tt.minRate, tt.maxRate)
		}
	}
	var none *Corrector
	if c, r := none.Commonness("government"), none.Rate("government"); c != 0 || r != 0 {
		t.Errorf("nil Corrector: Commonness = %v, Rate = %v, want 0", c, r)
	}
}

func TestLinesOf(t *testing.T) {
	for _, tt := range []struct {
		data string
		want int // 0: an error
	}{
		{"# Generated by: x\n# Lines: 19338 (titles and paragraphs)\nthe\t1\t1\t1\n", 19338},
		{"# Lines: 7\n", 7},
		{"# Generated by: x\nthe\t1\t1\t1\n# Lines: 7\n", 0}, // after the words: not a header
		{"# Lines: many\n", 0},
		{"# Lines: 0\n", 0},
		{"", 0},
	} {
		got, err := linesOf([]byte(tt.data))
		if tt.want == 0 && err == nil || tt.want != 0 && (err != nil || got != tt.want) {
			t.Errorf("linesOf(%q) = %d, %v; want %d", tt.data, got, err, tt.want)
		}
	}
}

// TestMinKnown: a word the base uses fewer than minKnown times is not
// known, so typed as it is it may still be corrected, but it is the
// correction preferred over a more common English word as near.
func TestMinKnown(t *testing.T) {
	c, err := New(maps.All(map[string]int{"contract": 1, "wat": 1, "bridge": 4}), 2)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ in, want string }{
		{"who got the contrct", "who got the contract"}, // not "contact"
		{"wat did they build", "what did they build"},   // a word seen once is no word people ask with
		{"is the bridge open", "is the bridge open"},
	} {
		if got, _ := c.Correct(strings.Fields(tt.in), nil); strings.Join(got, " ") != tt.want {
			t.Errorf("Correct(%q) = %q, want %q", tt.in, strings.Join(got, " "), tt.want)
		}
	}
	if c.Known("contract") || !c.Known("bridge") {
		t.Errorf("Known(contract) = %v, Known(bridge) = %v; want false, true", c.Known("contract"), c.Known("bridge"))
	}
}

// TestPhrases checks that a typo beside a word of a name of the base reads
// as the word that makes the name, not as the commoner word within reach,
// and only where the corrector is told of the name.
func TestPhrases(t *testing.T) {
	vocab := maps.Clone(base)
	vocab["saint"], vocab["helena"], vocab["sent"] = 2, 2, 9
	plain := newTest(t, vocab)
	named := newTest(t, vocab)
	named.SetPhrases(func(a, b string) bool { return a == "saint" && b == "helena" })
	for _, tt := range []struct {
		c        *Corrector
		in, want string
	}{
		{plain, "who lives on sant helena", "who lives on sent helena"},
		{named, "who lives on sant helena", "who lives on saint helena"},
		{named, "the money was sant to them", "the money was sent to them"}, // no name beside it
		{named, "who lives on saint helna", "who lives on saint helena"},
	} {
		got, _ := tt.c.Correct(strings.Fields(tt.in), nil)
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("Correct(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}
