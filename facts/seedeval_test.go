package facts

import (
	"os"
	"strings"
	"testing"

	"github.com/factbot/factbot/internal/eval"
)

// TestSeedQuestions is the smoke test on the visible seed questions (a copy
// of ../shared/eval/seed-questions.jsonl): the first citation holds a gold
// fact for 75% of the answerable questions and one of the first three for
// 90%, at least 80% of the unanswerable ones abstain and at most 5% of the
// answerable ones do, and every quote is verbatim. It guards against
// breakage, not for quality: the held-out sets measure that.
//
// The cite@1 bar was 0.90 while the engine held a hand-written synonym
// list whose groups came from these articles' domain (steal/theft/heist,
// malware/ransomware, aka/alias): with it gone for WordNet, the learned
// table and fitted weights, general knowledge reaches 0.77 here, and a bar
// kept at 0.90 could only be met by tuning to these questions. The cite@3
// bar was 0.95 until the ranking's boosted trees (top-1 +0.012 on SQuAD
// train questions outside the sample) put two gold facts fourth here
// (0.943): it is 0.90, a guard, not a target. The false-abstain bar
// allowed one of the 35 answerable questions until the refit of
// 2026-12-03, chosen on SQuAD bases for its abstention and speed, put the
// confidence of a second ("What is the Lazarus Group also called?") at
// 0.031, under its threshold: it allows two (0.06), a guard at the grain
// of one question that any refit moves.
func TestSeedQuestions(t *testing.T) {
	qs := questionFile(t, "testdata/seed-questions.jsonl")
	b, err := Seeds()
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for _, a := range b.Articles() {
		data, err := seedFS.ReadFile("seeds/" + a.ID + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		texts[a.ID] = strings.Join(strings.Fields(string(data)), " ")
	}
	answers := make([]Answer, len(qs))
	for i, q := range qs {
		answers[i] = b.Ask(q.Q)
		for _, c := range answers[i].Citations {
			if !strings.Contains(texts[c.Source], strings.Join(strings.Fields(c.Quote), " ")) {
				t.Errorf("%s: quote is not verbatim in %s: %q", q.ID, c.Source, c.Quote)
			}
		}
		if !q.None && len(q.Facts) > 0 && (len(answers[i].Citations) == 0 || !eval.HoldsAny(answers[i].Citations[0].Quote, q.Facts)) {
			t.Logf("%s: %q: first citation lacks a gold fact", q.ID, q.Q)
		}
	}
	s := eval.Score(qs, answers)
	t.Logf("cite@1 %.3f cite@3 %.3f abstain-ok %.3f false-abstain %.3f", s.Cite1, s.Cite3, s.AbstainOK, s.FalseAbstain)
	for _, c := range []struct {
		name     string
		got, bar float64
		atLeast  bool
	}{
		{"cite@1", s.Cite1, 0.75, true},
		{"cite@3", s.Cite3, 0.90, true},
		{"abstain-ok", s.AbstainOK, 0.80, true},
		{"false-abstain", s.FalseAbstain, 0.06, false},
	} {
		if c.atLeast && c.got < c.bar || !c.atLeast && c.got > c.bar {
			t.Errorf("%s = %.3f, want %s %.2f", c.name, c.got, map[bool]string{true: "≥", false: "≤"}[c.atLeast], c.bar)
		}
	}
}

// questionFile reads a question file of the repository.
func questionFile(t *testing.T, path string) []eval.Question {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	qs, err := eval.ReadQuestions(f)
	if err != nil {
		t.Fatal(err)
	}
	return qs
}
