package facts

import (
	"testing"

	"github.com/factbot/factbot/facts/internal/text"
)

func TestAmountsOf(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []amount
	}{
		{"It will cost about $120 million and open in 2027.", []amount{{v: 1.2e8, kind: moneyAmount}}},
		{"A grant of 2.5 million euros.", []amount{{v: 2.5e6, kind: moneyAmount}}},
		{"Over 16 percent of trades and up to 6,000 experts.", []amount{{v: 16, kind: shareAmount}, {v: 6000}}},
		{"They want more than 100m.", []amount{{v: 1e8}}},
		{"The 6th bureau in the 1990s.", nil},
	} {
		z := text.NewTokenizer()
		toks := z.Tokenize(tt.in)
		words := make([]string, len(toks))
		for i, tk := range toks {
			words[i] = text.Key(z.Word(tk), tk.Flags)
		}
		got := amountsOf(toks, words, classes(toks, words))
		if len(got) != len(tt.want) {
			t.Errorf("%q: %d amounts %+v, want %d", tt.in, len(got), got, len(tt.want))
			continue
		}
		for i := range got {
			if got[i].v != tt.want[i].v || got[i].kind != tt.want[i].kind {
				t.Errorf("%q: amount %d = %v (kind %d), want %v (kind %d)", tt.in, i, got[i].v, got[i].kind, tt.want[i].v, tt.want[i].kind)
			}
		}
	}
}

// TestAmountVerdict: a yes/no question that compares an amount gets "Yes"
// when every amount of the fact of its kind is on the side asked, read
// with the fact's own comparison ("up to 6,000"), "No" when none can be,
// and no verdict when it depends.
func TestAmountVerdict(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Harbour bridge", Paragraphs: []string{
		"The harbour bridge will cost about $120 million. " +
			"The agency employs up to 6,000 harbour workers. " +
			"Thieves stole between $545 million and $735 million from the harbour exchanges. " +
			"The harbour handles over 16 percent of the country's trade.",
	}}}, nil)
	for _, tc := range []struct {
		q    string
		want Verdict
	}{
		{"Will the harbour bridge cost more than 100 million?", Yes},
		{"Will the harbour bridge cost less than $100 million?", No},
		{"Will the harbour bridge cost about 120 million dollars?", Yes},
		{"Does the agency employ more than 10,000 harbour workers?", No},
		{"Does the agency employ at least 5,000 harbour workers?", ""}, // "up to 6,000" may be fewer
		{"Did thieves steal more than 500 million from the harbour exchanges?", Yes},
		{"Did thieves steal more than 600 million from the harbour exchanges?", ""}, // one end is, one is not
		{"Did thieves steal more than 500 million from the harbour exchanges?", Yes},
		{"Does the harbour handle over 16 percent of the country's trade?", Yes},
		{"Does the harbour handle less than 10 percent of the country's trade?", No},
	} {
		s := b.getScratch()
		r, _ := b.search(s, tc.q)
		got, _ := b.verdict(s, &r.q, &r.c, &r.cands[0])
		b.pool.Put(s)
		if got != tc.want {
			t.Errorf("%q: verdict %q, want %q", tc.q, got, tc.want)
		}
	}
	// The number compared is no word to look for: no fact has 500, and the
	// question is not the less sure for it; "million" is still looked for.
	s := b.getScratch()
	defer b.pool.Put(s)
	r, _ := b.search(s, "Did thieves steal more than 500 million from the harbour exchanges?")
	for _, g := range r.c.groups {
		if g.chatter != (g.word == "500") {
			t.Errorf("group %q: chatter %v", g.word, g.chatter)
		}
	}
}
