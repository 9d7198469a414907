package facts

import (
	"fmt"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The expansions a base keeps give what the expanders give: a question
// asked twice (the second time from the kept expansions) is explained and
// answered the same.
func TestExpansionsKept(t *testing.T) {
	b, _ := expandBase(t)
	for _, q := range []string{"Which automobile was stolen?", "Who did the cncl blame?", "Which firm from Canada was attacked?", "What did the jorunalsit publish?", "Who went to Sedan?"} {
		first, firstA := b.Explain(q), b.Ask(q)
		again, againA := b.Explain(q), b.Ask(q)
		if diff := cmp.Diff(first, again); diff != "" {
			t.Errorf("%q explained again from the kept expansions (-first +again):\n%s", q, diff)
		}
		if diff := cmp.Diff(firstA, againA); diff != "" {
			t.Errorf("%q answered again (-first +again):\n%s", q, diff)
		}
	}
}

// A flood of new words fills the kept expansions up to their bound, and no
// further.
func TestExpansionsBounded(t *testing.T) {
	b, _ := expandBase(t)
	for i := range maxExpansions + 500 {
		b.Ask(fmt.Sprintf("zq%dx harbour", i))
	}
	if n := len(b.expansions.m); n > maxExpansions {
		t.Errorf("%d expansions kept, want at most %d", n, maxExpansions)
	}
	if n := len(b.expansions.m); n < maxExpansions {
		t.Errorf("%d expansions kept after %d new words, want the bound %d", n, maxExpansions+500, maxExpansions)
	}
}

// A light word or a word for the sources weighs as request phrasing only
// when no fact uses it.
func TestLightWordsWeighLittleWhenUnknown(t *testing.T) {
	without := New([]Article{{ID: "a", Title: "Bank raids", Paragraphs: []string{
		"Two banks were robbed in May by a crew from the north.",
	}}}, nil)
	with := New([]Article{{ID: "a", Title: "Bank raids", Paragraphs: []string{
		"Two banks got robbed in May, the two articles say, by a crew from the north.",
	}}}, nil)
	for _, tt := range []struct {
		b       *Base
		word    string
		chatter bool
	}{
		{without, "got", true},
		{without, "articles", true},
		{without, "crew", false}, // a word of content the base has
		{without, "gang", false}, // one it lacks
		{with, "got", false},
		{without, "two", true}, // a number of sources no fact names
		{with, "two", false},   // "the two articles" of a base that speaks of articles
	} {
		g, ok := wordGroupOf(tt.b, "which banks got robbed by the crew or the gang in the two articles", tt.word)
		if !ok {
			t.Fatalf("no group for %q", tt.word)
		}
		if g.chatter != tt.chatter {
			t.Errorf("%q: chatter = %v, want %v", tt.word, g.chatter, tt.chatter)
		}
	}
}

// Questions asked at once of one base, filling its kept expansions and
// lemmas together, are answered as when asked one at a time.
func TestAskConcurrently(t *testing.T) {
	qs := readQuestions(t, "testdata/seed-questions.jsonl")
	one, err := Seeds()
	if err != nil {
		t.Fatal(err)
	}
	want := make([]Answer, len(qs))
	for i, q := range qs {
		want[i] = one.Ask(q)
	}
	b, err := Seeds()
	if err != nil {
		t.Fatal(err)
	}
	got := make([]Answer, len(qs))
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(qs)+w; i++ {
				k := i % len(qs)
				if a := b.Ask(qs[k]); w == 0 {
					got[k] = a
				}
			}
		}()
	}
	wg.Wait()
	for i := range qs {
		if diff := cmp.Diff(want[i], got[i]); diff != "" {
			t.Errorf("%q asked among others (-alone +among others):\n%s", qs[i], diff)
		}
	}
}
