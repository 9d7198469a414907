package store

import (
	"fmt"
	"hash/fnv"
	"strings"
	"unicode"
)

// FactID names a fact by the article it is in, its body paragraph and a
// hash of its sentence: "000_57d83770277fbe9f#p2:1a2b3c4d". The same fact
// keeps its id across rebuilds of the fact base while its article keeps its
// name and its sentence its words.
func FactID(article string, paragraph int, quote string) string {
	h := fnv.New32a()
	h.Write([]byte(quote))
	return fmt.Sprintf("%s#p%d:%08x", article, paragraph, h.Sum32())
}

// FactArticle returns the article of a fact id made by FactID; any other
// string is its own article.
func FactArticle(id string) string {
	if i := strings.LastIndex(id, "#p"); i >= 0 {
		return id[:i]
	}
	return id
}

// Normalize folds a question for grouping: lower case, letters and digits
// only, words separated by one space. "How much did they steal?" and
// "how much did they  steal" group together.
func Normalize(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}
