// Package lang holds the engine's knowledge of general English as data: word
// lists, irregular forms, synonym groups, question nouns and the marks of
// appositions, each an embedded text file under data/ that this package reads
// in one place, once, when the program starts.
//
// Nothing here is about any corpus: the names and phrases of one corpus belong
// in its aliases file beside its articles.
//
// The files are UTF-8 text. A line that opens with '#' is a comment. The rest
// is read in one of four ways, by file:
//
//   - a set: words separated by white space (stopwords.txt, months.txt, …);
//   - groups: one group of words a line (synonyms.txt);
//   - strings: one Go-quoted string a line, where spaces count (appositions.txt);
//   - kinds: "kind [kind…]: words" a line (question-nouns.txt).
package lang

import (
	"embed"
	"fmt"
	"strconv"
	"strings"
)

//go:embed data/*.txt
var files embed.FS

// The word sets. Each is read from the file of the same name, in kebab case.
var (
	Stopwords     = set("stopwords")
	Chatter       = set("chatter")
	ChatOpeners   = set("chat-openers")
	QuestionWords = set("question-words")
	Auxiliaries   = set("auxiliaries")
	Doing         = set("doing")
	Copulas       = set("copulas")
	Months        = set("months")
	DateWords     = set("date-words")
	Currencies    = set("currencies")
	Magnitudes    = set("magnitudes")
	NumberWords   = set("number-words")
	VagueNumbers  = set("vague-numbers")
	OrgWords      = set("org-words")
	PlaceWords    = set("place-words")
	Countries     = set("countries")
	CountryNouns  = set("country-nouns")
	PlacePreps    = set("place-preps")
	ReasonWords   = set("reason-words")
	Qualifiers    = set("qualifiers")
	RangeJoins    = set("range-joins")
	NameJoins     = set("name-joins")
	AcronymStops  = set("acronym-stops")
	AcronymWords  = set("acronym-words")
	Abbreviations = set("abbreviations")
	Honorifics    = set("honorifics")
	Particles     = set("particles")
	OrdinalWords  = set("ordinal-words")
	// AmountComparisons are the words before a number that compare an
	// amount with it, each after its comparison (gt, ge, lt, le).
	AmountComparisons = groups("amount-comparisons")
	SentenceStarters  = set("sentence-starters")
	PlaceNames        = lineSet("place-names")
	DemonymSuffixes   = list("demonym-suffixes")
	Negations         = set("negations")
	Hedges            = set("hedges")
	CompareWords      = set("compare-words")
	TimeUnits         = set("time-units")
	ListWords         = set("list-words")
	SourceWords       = set("source-words")
	LightWords        = set("light-words")
	MentionWords      = set("mention-words")
	KindWords         = set("kind-words")
	NamingWords       = set("naming-words")
	NamingMarks       = lineSet("naming-marks")
	Subordinators     = set("subordinators")
	RankWords         = set("rank-words")
	PositionNouns     = set("position-nouns")

	// Anaphors, AnaphorPossessives, DocumentNouns, FollowupOpeners and
	// SayingVerbs tell
	// a question that leans on the one before it.
	Anaphors           = set("anaphors")
	AnaphorPossessives = set("anaphor-possessives")
	DocumentNouns      = set("document-nouns")
	FollowupOpeners    = lineSet("followup-openers")
	SayingVerbs        = set("saying-verbs")
)

// CurrencySigns are the signs that stand before an amount of money.
var CurrencySigns = runes("currency-signs")

// Synonyms are groups of everyday words that mean nearly the same.
var Synonyms = groups("synonyms")

// Appositions open what defines the name before them ("–", ", a ", "is the ").
var Appositions = quoted("appositions")

// DescriptionMarks open the description after a name ("Neverov – a deputy …").
var DescriptionMarks = quoted("description-marks")

// QuestionNouns maps a noun after "what" or "which" to the names of the kinds
// of answer it asks for ("year" → ["date"]).
var QuestionNouns = kinds("question-nouns")

// IsCurrencySign reports whether r stands before an amount of money.
func IsCurrencySign(r rune) bool {
	for _, c := range CurrencySigns {
		if r == c {
			return true
		}
	}
	return false
}

// lines returns the lines of data/name.txt that are not comments or blank.
func lines(name string) []string {
	data, err := files.ReadFile("data/" + name + ".txt")
	if err != nil {
		panic(fmt.Sprintf("lang: %v", err)) // an embedded file: a build error, caught by the tests
	}
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "#") {
			out = append(out, strings.TrimRight(l, "\r"))
		}
	}
	return out
}

func list(name string) []string { return strings.Fields(strings.Join(lines(name), " ")) }

func set(name string) map[string]bool {
	m := map[string]bool{}
	for _, w := range list(name) {
		m[w] = true
	}
	return m
}

func lineSet(name string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lines(name) {
		m[strings.TrimSpace(l)] = true
	}
	return m
}

func runes(name string) []rune {
	var out []rune
	for _, w := range list(name) {
		out = append(out, []rune(w)...)
	}
	return out
}

func groups(name string) [][]string {
	var out [][]string
	for _, l := range lines(name) {
		if ws := strings.Fields(l); len(ws) > 1 {
			out = append(out, ws)
		}
	}
	return out
}

func quoted(name string) []string {
	var out []string
	for _, l := range lines(name) {
		s, err := strconv.Unquote(strings.TrimSpace(l))
		if err != nil {
			panic(fmt.Sprintf("lang: %s.txt: %s: %v", name, l, err))
		}
		out = append(out, s)
	}
	return out
}

func kinds(name string) map[string][]string {
	m := map[string][]string{}
	for _, l := range lines(name) {
		head, words, ok := strings.Cut(l, ":")
		if !ok {
			panic(fmt.Sprintf("lang: %s.txt: %q has no kind", name, l))
		}
		for _, w := range strings.Fields(words) {
			if _, dup := m[w]; !dup {
				m[w] = strings.Fields(head)
			}
		}
	}
	return m
}
