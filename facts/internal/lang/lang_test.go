package lang

import (
	"io/fs"
	"testing"
)

// Every file under data/ is read by a variable of this package: a file that
// no code reads is dead data.
func TestEveryFileRead(t *testing.T) {
	read := map[string]bool{}
	for _, n := range []string{"stopwords", "chatter", "question-words", "auxiliaries", "doing", "copulas",
		"months", "date-words", "currencies", "magnitudes", "number-words", "vague-numbers", "org-words",
		"place-words", "countries", "country-nouns", "place-preps", "reason-words", "qualifiers", "range-joins", "name-joins",
		"acronym-stops", "acronym-words", "abbreviations", "honorifics", "particles", "amount-comparisons", "ordinal-words", "sentence-starters", "place-names", "demonym-suffixes",
		"currency-signs", "synonyms", "appositions", "description-marks", "question-nouns",
		"anaphors", "anaphor-possessives", "document-nouns", "followup-openers", "saying-verbs",
		"negations", "hedges", "compare-words", "source-words", "time-units", "list-words", "light-words", "mention-words", "kind-words",
		"naming-words", "naming-marks", "chat-openers", "subordinators", "rank-words", "position-nouns"} {
		read["data/"+n+".txt"] = true
	}
	names, err := fs.Glob(files, "data/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if !read[n] {
			t.Errorf("%s is embedded but read by nothing", n)
		}
		delete(read, n)
	}
	for n := range read {
		t.Errorf("%s is read but missing", n)
	}
}

func TestLists(t *testing.T) {
	for _, c := range []struct {
		name string
		got  bool
	}{
		{"the is a stop word", Stopwords["the"]},
		{"crypto is not a stop word", !Stopwords["crypto"]},
		{"crypto and cryptocurrency are synonyms", len(Synonyms) > 0 && Synonyms[0][0] == "crypto" && Synonyms[0][1] == "cryptocurrency"},
		{"', a ' is an apposition, spaces kept", contains(Appositions, ", a ")},
		{"year asks for a date", len(QuestionNouns["year"]) == 1 && QuestionNouns["year"][0] == "date"},
		{"amount asks for money or a count", len(QuestionNouns["amount"]) == 2},
		{"$ is a currency sign", IsCurrencySign('$') && IsCurrencySign('€') && !IsCurrencySign('a')},
		{"united states is a place name", PlaceNames["united states"]},
		{"mr is an abbreviation", Abbreviations["mr"]},
		{"The starts a sentence", SentenceStarters["The"]},
		{"they is an anaphor", Anaphors["they"] && AnaphorPossessives["their"]},
		{"what about opens a follow-up, spaces kept", FollowupOpeners["what about"]},
	} {
		if !c.got {
			t.Errorf("%s: not so", c.name)
		}
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
