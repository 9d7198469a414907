package main

import (
	"strings"
	"testing"

	"github.com/factbot/factbot/internal/eval"
)

// TestAdversary checks that each twin changes the question into one with
// a word the fact base lacks or a denial, carries the change to the chat
// twin where it has the words, and that a question with nothing to change
// has none.
func TestAdversary(t *testing.T) {
	t.Run("chat without the words", testTwinChatLacksWords)
	pool := []eval.Question{
		{ID: "a", Q: "Who founded Port Elmwood in 1620?"},
		{ID: "b", Q: "What river flows through Greyhaven Castle?"},
		{ID: "c", Q: "How many bridges cross the Ashford canal?"},
	}
	adv := newAdversary(pool)
	known := map[string]bool{}
	wordsOf(known, "Port Elmwood", []string{"Port Elmwood was founded in 1620 by settlers. Its river is the Elm."})
	for _, tc := range []struct {
		q, chat string
		ok      bool
	}{
		{"Who founded Port Elmwood in 1620?", "who founded port elmwood in 1620", true},
		{"When was Port Elmwood founded?", "wen was port elmwood founded", true},
		{"What river runs through the settlers' town?", "", true},
		{"Who won?", "", false},
	} {
		for _, id := range []string{"q1", "q2", "q3"} { // each id picks its kind of change first
			tw, ok := adv.twin(eval.Question{ID: id, Q: tc.q}, tc.chat, known)
			clean, chat := tw.clean, tw.chat
			if ok != tc.ok {
				t.Errorf("twin(%q, id %s): ok = %v, want %v", tc.q, id, ok, tc.ok)
				continue
			}
			if !ok {
				continue
			}
			if clean == tc.q || !hasUnknown(clean, known) && !strings.Contains(clean, " not ") {
				t.Errorf("twin(%q, id %s) = %q: want a word the base lacks or a denial", tc.q, id, clean)
			}
			if tc.chat != "" && (chat == "" || chat == tc.chat || !hasUnknown(chat, known) && !strings.Contains(chat, " not ")) {
				t.Errorf("twin(%q, id %s): chat twin %q of %q, want the same change", tc.q, id, chat, tc.chat)
			}
		}
	}
}

// hasUnknown reports whether a word of q, other than question words, is
// not known.
func hasUnknown(q string, known map[string]bool) bool {
	for _, w := range questionWords(q)[1:] {
		if !known[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

func TestDeny(t *testing.T) {
	for _, tc := range []struct {
		q, fact  string
		from, to string
	}{
		{"Who was the first mayor of Elmwood?", "Ann Lee was the first mayor of Elmwood.", "was", "was not"},
		{"When did the mill open?", "The mill opened in 1820.", "did", "did not"},
		{"Who was not elected?", "Bob was not elected.", "", ""},                   // already denied
		{"Who was the first mayor?", "No one was mayor before Ann.", "", ""},       // the answer denies
		{"Which river runs past the mill?", "The Elm runs past the mill.", "", ""}, // no auxiliary
	} {
		from, to := deny(questionWords(tc.q), []string{tc.fact})
		if from != tc.from || to != tc.to {
			t.Errorf("deny(%q) = %q → %q, want %q → %q", tc.q, from, to, tc.from, tc.to)
		}
	}
}

func TestSwapNameInArticle(t *testing.T) {
	adv := newAdversary([]eval.Question{
		{Q: "When did Ann Lee arrive?", Source: "elmwood"},
		{Q: "Where did Bob Stone live?", Source: "elmwood"},
		{Q: "Who was Carl Voss?", Source: "greyhaven"},
	})
	q := questionWords("What did Ann Lee build in Elmwood?")
	for _, tc := range []struct {
		fact, to string
	}{
		{"Ann Lee built a mill.", "Bob Stone"},       // another name of the article
		{"Ann Lee built a mill with Bob Stone.", ""}, // the answer has the other name too
	} {
		from, to := adv.swapNameInArticle(q, 1, "elmwood", []string{tc.fact})
		if to != tc.to || to != "" && from != "Ann Lee" {
			t.Errorf("fact %q: swapNameInArticle = %q → %q, want Ann Lee → %q", tc.fact, from, to, tc.to)
		}
	}
}

func TestSwapNounInArticle(t *testing.T) {
	adv := newAdversary([]eval.Question{
		{Q: "When was the bridge opened?", Source: "harbour"},
		{Q: "Who dug the tunnel?", Source: "harbour"},
		{Q: "Where is the castle?", Source: "greyhaven"},
	})
	q := questionWords("How much did the bridge cost?")
	for _, tc := range []struct {
		fact, from, to string
	}{
		{"The bridge cost $120 million.", "bridge", "tunnel"}, // another noun of the article, not the castle
		{"The bridge cost as much as the tunnel.", "", ""},    // the answer has the other noun too
	} {
		from, to := adv.swapNounInArticle(q, 1, "harbour", []string{tc.fact})
		if from != tc.from || to != tc.to {
			t.Errorf("fact %q: swapNounInArticle = %q → %q, want %q → %q", tc.fact, from, to, tc.from, tc.to)
		}
	}
}

func TestReplaceWords(t *testing.T) {
	for _, tc := range []struct{ s, from, to, want string }{
		{"What is this island?", "is", "is not", "What is not this island?"},
		{"This island is big", "is", "is not", "This island is not big"},
		{"Ann Lee and Ann Leeds", "Ann Lee", "Bob", "Bob and Ann Leeds"},
	} {
		if got, _ := replaceWords(tc.s, tc.from, tc.to); got != tc.want {
			t.Errorf("replaceWords(%q, %q, %q) = %q, want %q", tc.s, tc.from, tc.to, got, tc.want)
		}
	}
}

// A chat twin whose typing lost the words the twin replaces ("prot
// elmwood") has no twin: the chat question unchanged still has its answer.
func testTwinChatLacksWords(t *testing.T) {
	adv := newAdversary([]eval.Question{{ID: "a", Q: "Who founded Port Elmwood?"}, {ID: "b", Q: "Who ruled Greyhaven Castle?"}})
	known := map[string]bool{}
	wordsOf(known, "Port Elmwood", []string{"Port Elmwood was founded in 1620 by settlers."})
	for _, id := range []string{"q1", "q2", "q3", "q4", "q5", "q6"} {
		tw, ok := adv.twin(eval.Question{ID: id, Q: "When was Port Elmwood founded?"}, "wen was prot elmwod foundd", known)
		if ok && tw.chat != "" && twinKinds[tw.kind] != "denied" { // a denial changes "was", which the chat keeps
			t.Errorf("twin(id %s) = %q, chat twin %q: want none, the chat lacks the words changed", id, tw.clean, tw.chat)
		}
	}
}

// TestLearnArticles checks that an article without training questions
// gets its names from learnArticles, for the within-article swap, and
// that the other kinds' names stay the training questions'.
func TestLearnArticles(t *testing.T) {
	adv := newAdversary([]eval.Question{{ID: "t", Q: "Who ruled Greyhaven Castle?", Source: "other"}})
	q := eval.Question{ID: "g1", Q: "Who founded Port Elmwood?", Source: "towns", Facts: []string{"monks"}}
	if from, to := adv.swapNameInArticle(questionWords(q.Q), 1, q.Source, q.Facts); from != "" {
		t.Fatalf("before learning: swapped %q for %q, want no name of the article to swap in", from, to)
	}
	adv.learnArticles([]eval.Question{q, {ID: "g2", Q: "Where does Saint Ives lie?", Source: "towns"}})
	from, to := adv.swapNameInArticle(questionWords(q.Q), 1, q.Source, q.Facts)
	if from != "Port Elmwood" || to != "Saint Ives" {
		t.Errorf("after learning: swapped %q for %q, want Port Elmwood for Saint Ives", from, to)
	}
	if got := adv.names[2]; len(got) != 1 || got[0] != "Greyhaven Castle" {
		t.Errorf("names of two words %q, want the training question's alone", got)
	}
}
