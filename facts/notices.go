package facts

import (
	"strings"

	"github.com/factbot/factbot/facts/internal/spell"
	"github.com/factbot/factbot/facts/internal/wordnet"
)

// Notices returns the notices of the data compiled into the engine, which
// must go with every copy of it: WordNet's licence, the licence of the
// data derived from SQuAD, and the word list's.
func Notices() string {
	var sb strings.Builder
	sb.WriteString("factbot's engine includes data of others, under these terms.\n\n")
	sb.WriteString("== WordNet 3.0 (facts/internal/wordnet) ==\n\n")
	sb.WriteString(wordnet.License())
	sb.WriteString("\n\n== Data derived from SQuAD v1.1 train (facts/internal/translate, facts/internal/spell, facts/weights.json) ==\n\n")
	sb.WriteString("SQuAD: Rajpurkar, Zhang, Lopyrev and Liang, \"SQuAD: 100,000+ Questions for Machine\n" +
		"Comprehension of Text\", EMNLP 2016. Licensed under CC BY-SA 4.0\n" +
		"(https://creativecommons.org/licenses/by-sa/4.0/); the data derived from it is shared under\n" +
		"the same licence.\n")
	sb.WriteString("\n== Word list from Debian's wamerican (SCOWL) (facts/internal/spell) ==\n\n")
	sb.WriteString(spell.WordListNotice())
	return sb.String()
}
