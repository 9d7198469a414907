package facts

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/text"
	"github.com/factbot/factbot/facts/internal/wordnet"
)

// Names cut out of a fact (extract.go): the name or list of names the
// question asks for, a place, never the question's own.

// nameRun returns the last token of the name that starts at token i, or -1
// when no name starts there. A name is a run of capitalised words, which
// may hold "of" or "the" and open with a number ("6th Technical Bureau").
func (e *extract) nameRun(i int) int {
	if e.cls[i]&text.ClassAux != 0 {
		return -1
	}
	// A place's abbreviated title opens its name at the start of a
	// sentence too ("St. John's is…"); a person's is no part of the name
	// ("Dr. Lena Ortiz founded…").
	if e.cls[i]&text.ClassCap == 0 && !(e.titleAbbrev(i) && !e.personTitled(i)) {
		j := e.next(i)
		if e.toks[i].Flags&(text.Ordinal|text.Number) == 0 || j < 0 || e.cls[j]&text.ClassCap == 0 {
			return -1
		}
	}
	return text.NameEnd(e.text, e.toks, e.cls, e.lf, i)
}

// titleAbbrev reports whether token i is an abbreviated title with its
// period before a capitalised word: "Dr." of "Dr. Helen Marsh", "Gen." of "Gen.
// Lee".
func (e *extract) titleAbbrev(i int) bool {
	j := e.next(i)
	return lang.Honorifics[e.words[i]] && j > 0 && e.cls[j]&text.ClassCap != 0 &&
		strings.TrimSpace(e.text[e.toks[i].End:e.toks[j].Start]) == "."
}

// name cuts out the name or list of names nearest the thing asked about,
// else nearest the question's other words, else the longest, that neither
// the question nor the article's title names; with place set, a name
// after "in", "at", "from"… if there is one. Failing those, it takes a
// name of the title.
func (e *extract) name(place bool) string {
	for _, try := range []struct{ place, title bool }{{place, true}, {false, true}, {false, false}} {
		if n := e.nameNot(try.place, try.title); n != "" {
			return n
		}
	}
	return ""
}

// placeOf returns, for "where is Bergen", the place the fact writes after
// the question's name and a comma: "Norway" of "based in Bergen, Norway",
// "Texas" of "Austin, Texas", or "".
func (e *extract) placeOf() string {
	for i := 0; i < len(e.toks); i++ {
		end := e.nameRun(i)
		if end < 0 {
			continue
		}
		if !e.questionName(i, end) {
			i = end
			continue
		}
		j := e.next(end)
		if j < 0 || !strings.HasPrefix(e.text[e.toks[end].End:], ",") || demonym(e.text[e.toks[i].Start:e.toks[end].End]) {
			return ""
		}
		k := e.nameRun(j)
		if k < 0 || e.questionName(j, k) || demonym(e.text[e.toks[j].Start:e.toks[k].End]) {
			return ""
		}
		// Not a list: "Irish, Germans, English and Greeks".
		if m := e.next(k); m > 0 && (lang.RangeJoins[e.words[m]] || strings.HasPrefix(e.text[e.toks[k].End:], ",") && e.nameRun(m) >= 0) {
			return ""
		}
		return e.text[e.toks[j].Start:e.toks[k].End]
	}
	return ""
}

// questionName reports whether every capitalised word of the name in
// tokens [i, end] is a word of a name of the question: "North Korea" for a
// question about North Korea, but not "South Korea".
func (e *extract) questionName(i, end int) bool {
	for k := i; k <= end; k++ {
		if e.cls[k]&text.ClassCap != 0 && !e.qname[k] {
			return false
		}
	}
	return true
}

func (e *extract) nameNot(place, title bool) string {
	bestStart, bestEnd := -1, -1
	var best [3]int // closeness to the thing asked about, to the question's words, then size
	for i := 0; i < len(e.toks); i++ {
		end := e.nameRun(i)
		if end < 0 {
			continue
		}
		// The acronym after a name is the same name: the name answers.
		acronym := e.acronymAfter(end)
		i = e.afterTitle(i, end)
		i = e.afterRole(i, end)
		// A name the question holds in part ("Supreme Leader Kim Jong-un"
		// for "Kim") is its subject, not its answer; so is one of the
		// article's title, unless no other name will do.
		named, other := false, false
		for k := i; k <= end; k++ {
			if e.cls[k]&text.ClassCap == 0 {
				continue
			}
			named = named || e.qname[k]
			other = other || !(title && e.inTitle[k]) && !e.inQ[k]
		}
		// A people's adjective ("British", "South Korean") names no one.
		named = named || !other || demonym(e.text[e.toks[i].Start:e.toks[end].End])
		atPlace := i > 0 && (lang.PlacePreps[e.words[i-1]] || e.words[i-1] == "of" && i > 1 && lang.PlaceWords[e.words[i-2]]) // "in Bergen", "the town of Greyford"
		if named || place && !atPlace {
			i = acronym
			continue
		}
		// A list: "YouBit and Bithumb", "the United States, South Korea, Great Britain and Japan".
		listEnd, n := end, 1
		for {
			j := e.next(listEnd)
			if j > 0 && lang.RangeJoins[e.words[j]] {
				j = e.next(j)
			} else if j > 0 && strings.HasPrefix(e.text[e.toks[listEnd].End:], ",") {
				// the next name follows a comma
			} else {
				break
			}
			if j < 0 {
				break
			}
			k := e.nameRun(j)
			if k < 0 || e.questionName(j, k) {
				break // a name the question gives ends the list
			}
			listEnd, n = k, n+1
		}
		// "Who" asks for a person, not a place or an organisation.
		// "Where" asks for no person: "Dr. Helen Marsh".
		// "Which country" asks for a country: "Wideawake" names none.
		// Nor is a name "in" or "at" somewhere a person ("in Chicago"),
		// unless WordNet knows it as one ("idealism in Plotinus").
		if e.who && (e.notPerson(i, listEnd) || e.atPlaceNotPerson(i, listEnd)) ||
			e.where && e.personTitled(i) || e.country && !namesCountry(e.cut(i, listEnd)) {
			i = max(listEnd, acronym)
			continue
		}
		// The name nearest the thing asked about wins ("which think
		// tank" → "think tank known as the Royal United Services
		// Institute"), then the one nearest the question's other words;
		// between names as near, the longest.
		near := e.closeness(i, listEnd)
		if near[0] < e.minFocus {
			i = max(listEnd, acronym)
			continue
		}
		score := [3]int{near[0], near[1], listEnd - i + n}
		if bestStart < 0 || slices.Compare(score[:], best[:]) > 0 {
			bestStart, bestEnd, best = i, listEnd, score
		}
		i = max(listEnd, acronym)
	}
	if bestStart < 0 {
		return ""
	}
	// "Gray" of "Gray's design": the possessive is no part of the name
	// ("It's" is no possessive), but a name that ends in 's before no word
	// it owns keeps it ("in St. John's, the capital").
	n := e.cut(bestStart, bestEnd)
	if text.Possessive(e.text, e.toks[bestEnd]) && !lang.Stopwords[e.words[bestEnd]] && e.owns(bestEnd) {
		n = n[:len(n)-len("s")]
		_, size := utf8.DecodeLastRuneInString(n)
		n = n[:len(n)-size]
	}
	return n
}

// owns reports whether the token after token i, which ends in 's, is a
// word it may own: after a space, and no function word ("Gray's design",
// not "John's is" nor "John's, the").
func (e *extract) owns(i int) bool {
	j := e.next(i)
	return j > 0 && e.toks[j].Start == e.toks[i].End+1 && e.text[e.toks[i].End] == ' ' && !lang.Stopwords[e.words[j]]
}

// acronymAfter returns the token of the acronym in brackets right after
// the name that ends at token end ("Erasmus Language Centre (ETC)"), which
// is the same name and no other answer, or end. An acronym the question asks about is left to
// stand alone, so that the name it stands for can answer.
func (e *extract) acronymAfter(end int) int {
	j := e.next(end)
	if j < 0 || e.toks[j].Flags&text.AllCaps == 0 || e.qname[j] || strings.TrimSpace(e.text[e.toks[end].End:e.toks[j].Start]) != "(" ||
		!strings.HasPrefix(e.text[e.toks[j].End:], ")") {
		return end
	}
	return j
}

// afterTitle returns where the name asked for starts in the name run
// i..end: after the thing asked about and the question's names before it,
// which are no part of the answer ("Martin Van Buren" of "U.S. President
// Martin Van Buren" for "which US president"), if the thing asked about is
// among them and a capitalised word follows ("Church of Scotland" for
// "which church" stays whole); else i.
func (e *extract) afterTitle(i, end int) int {
	start, focus := i, false
	for j := e.next(start); j > 0 && j <= end && (e.qname[start] || e.focus[start]); j = e.next(start) {
		focus = focus || e.focus[start]
		start = j
	}
	if r, _ := utf8.DecodeRuneInString(e.text[e.toks[start].Start:]); !focus || !unicode.IsUpper(r) {
		return i // "Executive Order 13526" stays whole too
	}
	return start
}

// afterRole returns where the name starts in the name run i..end after
// the title the question asks about in lower case: "Kim Jong-un" of
// "Supreme Leader Kim Jong-un" for "who is the leader of North Korea?".
// The title is the run's opening words that WordNet has, one of them the
// question's; a word WordNet lacks, a name, follows them. Else it returns i.
func (e *extract) afterRole(i, end int) int {
	k, role := i, false
	for k >= 0 && k <= end && e.toks[k].Flags&text.AllCaps == 0 && wordnet.IsLemma(e.words[k]) {
		role = role || e.role[k]
		k = e.next(k)
	}
	if !role || k < 0 || k > end || e.cls[k]&text.ClassCap == 0 || len(wordnet.Lemmas(e.words[k])) > 0 {
		return i // no name follows: "Idol Gives Back" stays whole
	}
	return k
}

// placeOnly are the prepositions of place that a person's name does not
// follow ("in Chicago", "at Tottenham"), unlike "to", "from" or "between".
var placeOnly = map[string]bool{"in": true, "at": true, "near": true, "across": true, "throughout": true, "within": true, "inside": true, "outside": true, "into": true}

// atPlaceNotPerson reports whether the name of tokens i..j follows a
// preposition of place, is no possessive ("in Smith's view") and is no
// person WordNet knows.
func (e *extract) atPlaceNotPerson(i, j int) bool {
	if i == 0 || !placeOnly[e.words[i-1]] || text.Possessive(e.text, e.toks[j]) {
		return false
	}
	for _, h := range wordnet.Hypernyms(strings.ToLower(e.cut(i, j))) {
		if h == "person" || slices.Contains(wordnet.Ancestors(h), "person") {
			return false
		}
	}
	return true
}

// personTitled reports whether the name at token i opens with a person's
// abbreviated title: "Dr." or "Gen.", not "St." or "Mt.", which places have
// too.
func (e *extract) personTitled(i int) bool {
	return e.titleAbbrev(i) && !lang.PlaceWords[e.words[i]] && e.words[i] != "st"
}

// notPerson reports whether tokens i..j name a place or an organisation:
// they hold a country's name or a word such as "Bureau" or "Times".
func (e *extract) notPerson(i, j int) bool {
	for k := i; k <= j; k++ {
		if e.lf[k]&(text.LexCountry|text.LexOrg|text.LexPlace) != 0 || e.toks[k].Flags&text.AllCaps != 0 {
			return true
		}
	}
	return false
}
