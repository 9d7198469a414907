package wordnet_test

import (
	"fmt"

	"github.com/factbot/factbot/facts/internal/wordnet"
)

func Example() {
	for _, lemma := range wordnet.Lemmas("purchased") {
		for _, s := range wordnet.Synonyms(lemma) {
			fmt.Printf("%s → %s %.2f\n", lemma, s.Lemma, s.Weight)
		}
	}
	fmt.Println(wordnet.Lemmas("stolen"), wordnet.Derived("elect")[0], wordnet.Holonyms("lyon")[0], wordnet.Pertainyms("canadian"))
	// Output:
	// purchase → buy 0.71
	// [steal] election france [canada]
}
