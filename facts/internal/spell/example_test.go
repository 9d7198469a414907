package spell_test

import (
	"fmt"
	"maps"
	"strings"

	"github.com/factbot/factbot/facts/internal/spell"
)

func Example() {
	// The fact base's words and how often each occurs.
	vocab := map[string]int{"hackers": 5, "stole": 3, "lazarus": 4, "bank": 5}
	c, err := spell.New(maps.All(vocab), 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	// "Lazarus" was typed with a capital: the caller keeps it.
	words := strings.Fields("wat did teh hackerss of lazarus tkae frm teh bnak")
	keep := []bool{false, false, false, false, false, true}
	out, fixes := c.Correct(words, keep)
	fmt.Println(strings.Join(out, " "))
	for _, f := range fixes {
		fmt.Printf("reading %q as %q (%s)\n", f.From, f.To, f.Kind)
	}
	// Output:
	// what did the hackers of lazarus take from the bank
	// reading "wat" as "what" (chat)
	// reading "teh" as "the" (typo)
	// reading "hackerss" as "hackers" (typo)
	// reading "tkae" as "take" (typo)
	// reading "frm" as "from" (typo)
	// reading "teh" as "the" (typo)
	// reading "bnak" as "bank" (typo)
}
