package facts_test

import (
	"fmt"
	"slices"

	"github.com/factbot/factbot/facts"
)

func ExampleBase_Ask() {
	b, err := facts.Seeds()
	if err != nil {
		fmt.Println(err)
		return
	}
	var ids []string
	for _, a := range b.Articles() {
		ids = append(ids, a.ID)
	}
	fmt.Println("articles:", len(ids))

	// Small talk gets no answer and no citations.
	fmt.Println("abstains on thanks!:", b.Ask("thanks!").Abstained())

	ans := b.Ask("How much crypto has North Korea stolen?")
	if ans.Abstained() {
		fmt.Println("abstained")
		return
	}
	first := ans.Citations[0]
	fmt.Println("first citation:", first.N)
	fmt.Println("cites a seed article:", slices.Contains(ids, first.Source))
	// Output:
	// articles: 2
	// abstains on thanks!: true
	// first citation: 1
	// cites a seed article: true
}
