package facts

import (
	"fmt"
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
	if n := b.nExpansions.Load(); n > maxExpansions {
		t.Errorf("%d expansions kept, want at most %d", n, maxExpansions)
	}
	if n := b.nExpansions.Load(); n < maxExpansions {
		t.Errorf("%d expansions kept after %d new words, want the bound %d", n, maxExpansions+500, maxExpansions)
	}
}
