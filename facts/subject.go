package facts

import (
	"strings"
	"unicode"

	"github.com/factbot/factbot/facts/internal/lang"
)

// A question asked with no conversation before it may still lean on one:
// "how much did they steal?" in a channel about an article. Its pronoun is
// read as the fact base's main subject, the name most of its articles'
// titles give, when there is one: for a base about one story, the story's
// subject; for a base of many subjects (SQuAD's 442 articles), none, and
// the question is read as it stands.

// subjectParagraphs is how many of an article's first paragraphs its
// title's names are looked for in.
const subjectParagraphs = 3

// mainSubject returns the name that more than half of the articles' titles
// give, the most given first, or "" when no name does.
func (b *Base) mainSubject() string {
	b.mainOnce.Do(func() {
		if !titlesShareWord(b.articles) {
			return // no word in most titles: no name in most of them either
		}
		count := map[string]int{}
		var order []string
		for _, a := range b.articles {
			// A title is often in title case, every word a capital: its
			// names are those of the article's opening paragraphs that
			// the title holds.
			title := " " + strings.ToLower(a.Title) + " "
			seen := map[string]bool{}
			for _, p := range a.Paragraphs[:min(len(a.Paragraphs), subjectParagraphs)] {
				for _, n := range namesIn(p) {
					k := strings.ToLower(n)
					if seen[k] || !strings.Contains(title, " "+k+" ") {
						continue
					}
					seen[k] = true
					if count[k] == 0 {
						order = append(order, n)
					}
					count[k]++
				}
			}
		}
		for _, n := range order {
			if c := count[strings.ToLower(n)]; 2*c > len(b.articles) && b.knows(n) &&
				(b.main == "" || c > count[strings.ToLower(b.main)]) {
				b.main = n
			}
		}
	})
	return b.main
}

// readAlone returns how follow-up r, with no answered turn before it, is
// read: its pronoun as the main subject, when it names nothing itself and
// leaves nothing else out.
func (b *Base) readAlone(r followup) string {
	if r.pronoun < 0 || r.named || r.elliptic() || r.docFrom < r.docTo {
		return r.q
	}
	if w := r.words[r.pronoun]; w == "it" || w == "its" {
		return r.q // "what did it say?": a thing, a report, more often than the subject
	}
	subject := b.mainSubject()
	if subject == "" {
		return r.q
	}
	return r.rewrite(subject, "", b)
}

// titlesShareWord reports whether some word other than a stop word stands
// in more than half of the articles' titles: a cheap test before the names
// are looked for, which costs 80 ms at all of SQuAD train's 442 articles.
func titlesShareWord(articles []Article) bool {
	count := map[string]int{}
	for _, a := range articles {
		seen := map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(a.Title), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if !seen[w] && !lang.Stopwords[w] {
				seen[w] = true
				count[w]++
				if 2*count[w] > len(articles) {
					return true
				}
			}
		}
	}
	return false
}
