package facts

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	gocmp "cmp"
)

// TestAskInContext runs conversations on the seed articles: a question,
// then a follow-up that leans on it. The follow-up must be read as the
// question it stands for, and answered as that question is: the expected
// citation is the engine's own answer to the resolved question, found at
// run time. Where changes is set, the context changes what is cited: the
// follow-up alone is answered otherwise, or not at all. (The first row's
// subject is the engine's short answer to its first question, and the
// rows' changes its ranking: a change of ranking may change them.)
func TestAskInContext(t *testing.T) {
	b := seeds(t)
	tests := []struct {
		name, first, followup, resolved string
		changes                         bool
	}{
		{"pronoun: the name the answer gave", "Which think tank reported the thefts?", "what did they say about sanctions?",
			"what did Royal United Services Institute say about sanctions?", true},
		{"pronoun: the name the question used", "How much crypto has North Korea stolen?", "how did they launder it?",
			"how did North Korea launder it?", false}, // no source says
		{"pronoun: the name the question defined", "What is the Lazarus Group?", "who runs it?", "who runs Lazarus Group?", true},
		{"possessive pronoun", "How much crypto has North Korea stolen?", "what is their goal?", "what is North Korea’s goal?", false},
		{"ellipsis: a new name", "How much crypto has North Korea stolen?", "what about South Korea?",
			"How much crypto has South Korea stolen?", true},
		{"ellipsis: words added", "How much crypto has North Korea stolen?", "and in 2018?",
			"How much crypto has North Korea stolen in 2018?", true},
		{"ellipsis: a question word alone", "Which exchanges were hacked?", "when?", "when exchanges hacked?", true},
		{"ellipsis: a new thing", "When was the report published?", "and the paper?",
			"When was the paper published?", true},
		{"ellipsis and pronoun", "How much crypto has North Korea stolen?", "why did they do it?",
			"why did North Korea do it crypto stolen?", true},
		{"the question before asked again", "How much crypto has North Korea stolen?", "what does that report say?",
			"How much crypto has North Korea stolen?", true},
		{"a question of its own", "How much crypto has North Korea stolen?", "Who is Kim Jong-un?", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := b.AskInContext(tt.followup, []Turn{{Question: tt.first}})
			if got.Question != tt.followup {
				t.Errorf("Question = %q, want the question as asked, %q", got.Question, tt.followup)
			}
			if got.Resolved != tt.resolved {
				t.Errorf("Resolved = %q, want %q", got.Resolved, tt.resolved)
			}
			read := gocmp.Or(tt.resolved, tt.followup)
			if len(got.Within) > 0 {
				// Kept to some articles ("that report"): the question read,
				// answered from those.
				for _, c := range got.Citations {
					if !slices.Contains(got.Within, c.Source) {
						t.Errorf("cites %s, outside %v: %q", c.Source, got.Within, c.Quote)
					}
				}
			} else {
				want := b.Ask(read)
				if diff := cmp.Diff(want.Citations, got.Citations); diff != "" {
					t.Errorf("citations differ from those of %q (-want +got):\n%s", read, diff)
				}
				if want.Text != got.Text {
					t.Errorf("answer %q, want %q's, %q", got.Text, read, want.Text)
				}
			}
			// What it cites, or suggests when it abstains, changes with
			// the turn before it.
			shown := func(a Answer) []Citation { return append(slices.Clone(a.Citations), a.Suggestions...) }
			if alone := b.Ask(tt.followup); tt.changes && cmp.Equal(shown(alone), shown(got)) {
				t.Errorf("%q cites and suggests the same alone as after %q", tt.followup, tt.first)
			}
			// The same turn given with its answer, as the bot gives it, reads
			// the same.
			first := b.Ask(tt.first)
			again := b.AskInContext(tt.followup, []Turn{{Question: tt.first, Answer: &first}})
			if diff := cmp.Diff(got, again); diff != "" {
				t.Errorf("with the answer at hand (-asked again +given):\n%s", diff)
			}
		})
	}
}

// TestAskInContextChain reads a follow-up of a follow-up: the middle turn
// is itself read in its context before the last is read in it.
func TestAskInContextChain(t *testing.T) {
	b := seeds(t)
	turns := []Turn{{Question: "Which think tank reported the thefts?"}, {Question: "what did they say about sanctions?"}}
	got := b.AskInContext("and about luxury goods?", turns)
	want := "what did Royal United Services Institute say about sanctions about luxury goods?"
	if got.Resolved != want {
		t.Errorf("Resolved = %q, want %q", got.Resolved, want)
	}
}

// TestAskInContextOtherArticle asks about "the other article" after an
// answer that cited one article only, and after one that cited two: the
// answer is kept to the articles other than the one quoted first.
func TestAskInContextOtherArticle(t *testing.T) {
	b := seeds(t)
	var first Answer
	for _, q := range seedQuestionTexts(t) {
		if a := b.Ask(q); len(a.Citations) > 0 && !slices.ContainsFunc(a.Citations, func(c Citation) bool { return c.Source != a.Citations[0].Source }) {
			first = a
			break
		}
	}
	if first.Question == "" {
		t.Fatal("no seed question is answered from one article alone")
	}
	cited := first.Citations[0].Source
	for _, followup := range []string{"what does the other article say?", "and the other report?"} {
		got := b.AskInContext(followup, []Turn{{Question: first.Question, Answer: &first}})
		if len(got.Within) == 0 || slices.Contains(got.Within, cited) {
			t.Errorf("%q after %q: Within = %v, want the articles other than %s", followup, first.Question, got.Within, cited)
		}
		for _, c := range got.Citations {
			if c.Source == cited {
				t.Errorf("%q after %q cites %s, the article cited before: %q", followup, first.Question, cited, c.Quote)
			}
		}
		if got.Resolved == "" {
			t.Errorf("%q after %q: not read as a follow-up", followup, first.Question)
		}
	}
	// "that article" keeps to the article cited.
	got := b.AskInContext("what does that article say?", []Turn{{Question: first.Question, Answer: &first}})
	if !slices.Equal(got.Within, []string{cited}) {
		t.Errorf("that article: Within = %v, want [%s]", got.Within, cited)
	}

	// After an answer that cites both seed articles, "the other article" is
	// the one not quoted first.
	both := b.Ask("How much crypto has North Korea stolen?")
	if !slices.ContainsFunc(both.Citations, func(c Citation) bool { return c.Source != both.Citations[0].Source }) {
		t.Fatalf("%q cites one article only", both.Question)
	}
	got = b.AskInContext("what does the other article say?", []Turn{{Question: both.Question, Answer: &both}})
	if len(got.Citations) == 0 || slices.Contains(got.Within, both.Citations[0].Source) {
		t.Errorf("the other article after two: Within = %v, %d citations", got.Within, len(got.Citations))
	}
	for _, c := range got.Citations {
		if c.Source == both.Citations[0].Source {
			t.Errorf("the other article after two cites the first: %q", c.Quote)
		}
	}
}

// unrelatedArticle is about nothing the seed articles are about, so that a
// conversation about it is context that has nothing to do with them.
const unrelatedArticle = `Riverside Council Approves Library Budget

The Riverside city council approved a budget of $2 million for the new Elm Street library on Tuesday, after Mayor Helen Okafor cast the deciding vote.

Construction of the Elm Street library will begin in March and is expected to take eighteen months, according to the council.
`

// TestContextLeavesStandaloneQuestions is the property that a question that
// stands on its own is answered the same whatever came before it: every
// seed question and every held-out chat question, after a conversation
// about an article unrelated to them, answered from the base that holds
// it, and after one the sources could not answer.
func TestContextLeavesStandaloneQuestions(t *testing.T) {
	seedArts := seeds(t).Articles()
	extra, err := ParseArticle("riverside", []byte(unrelatedArticle), false)
	if err != nil {
		t.Fatal(err)
	}
	b := New(append(slices.Clone(seedArts), extra), nil)
	contexts := [][]Turn{
		{{Question: "How much did the Riverside council approve for the library?"}},
		{{Question: "Who cast the deciding vote?"}, {Question: "When will construction begin?"}},
		{{Question: "Who won the football world cup in 1966?"}}, // no source answers it
	}
	for _, c := range contexts[:2] {
		a := b.AskInContext(c[len(c)-1].Question, c[:len(c)-1])
		if len(a.Citations) == 0 || a.Citations[0].Source != "riverside" {
			t.Fatalf("context %q is not answered from the unrelated article: %+v", c[len(c)-1].Question, a)
		}
	}
	if a := b.Ask(contexts[2][0].Question); !a.Abstained() {
		t.Fatalf("context %q is answered: %+v", contexts[2][0].Question, a)
	}
	qs := append(seedQuestionTexts(t), heldoutQuestionTexts(t)...)
	var followups []string
	for _, q := range qs {
		plain := b.Ask(q)
		if !b.readFollowup(q).isFollowup() {
			for _, c := range contexts {
				if diff := cmp.Diff(plain, b.AskInContext(q, c)); diff != "" {
					t.Errorf("%q after %q (-alone +in context):\n%s", q, c[len(c)-1].Question, diff)
				}
			}
			continue
		}
		followups = append(followups, q)
		// A follow-up after a conversation the sources could not answer
		// has nothing to lean on: it too is answered as alone.
		if diff := cmp.Diff(plain, b.AskInContext(q, contexts[2])); diff != "" {
			t.Errorf("%q after an unanswered question (-alone +in context):\n%s", q, diff)
		}
	}
	t.Logf("%d of %d questions read as follow-ups: %q", len(followups), len(qs), followups)
	// The seed questions are written to stand alone: none leans on context.
	for _, q := range seedQuestionTexts(t) {
		if slices.Contains(followups, q) {
			t.Errorf("seed question %q read as a follow-up", q)
		}
	}
	if n := len(followups); n*10 > len(qs) {
		t.Errorf("%d of %d stand-alone questions read as follow-ups, want at most a tenth", n, len(qs))
	}
}

// TestReadFollowup table-tests what makes a question a follow-up, with no
// fact base words at stake beyond the seeds' names.
func TestReadFollowup(t *testing.T) {
	b := seeds(t)
	tests := []struct {
		q    string
		want bool
	}{
		{"how much did they steal?", true},
		{"what about Japan?", true},
		{"and in 2018?", true},
		{"why?", true},
		{"what does the other article say?", true},
		{"what is their motive?", true},
		{"Is it true that North Korea stole $700 million?", false},
		{"how much did north korea steal?", false},
		{"did North Korea say it would stop?", false},
		{"Who is behind the hacks?", false},
		{"thanks!", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := b.readFollowup(tt.q).isFollowup(); got != tt.want {
			t.Errorf("readFollowup(%q).isFollowup() = %v, want %v", tt.q, got, tt.want)
		}
	}
}

// TestAskInContextWithoutContext: no turns, the answer of Ask, to the byte.
func TestAskInContextWithoutContext(t *testing.T) {
	b := seeds(t)
	for _, q := range seedQuestionTexts(t) {
		if diff := cmp.Diff(b.Ask(q), b.AskInContext(q, nil)); diff != "" {
			t.Errorf("%q (-Ask +AskInContext):\n%s", q, diff)
		}
	}
}

func seedQuestionTexts(t *testing.T) []string {
	return questionTexts(t, "testdata/seed-questions.jsonl")
}

func heldoutQuestionTexts(t *testing.T) []string {
	return questionTexts(t, "../internal/eval/testdata/heldout/seed-chat.jsonl")
}

// questionTexts reads the "q" of each line of a question file.
func questionTexts(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var q struct {
			Q string `json:"q"`
		}
		if err := json.Unmarshal([]byte(line), &q); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, q.Q)
	}
	return out
}

// FuzzAskInContext reads any question after any other: the answer is a
// well-formed answer to the question as asked; a question not read as a
// follow-up gets Ask's answer; and the same conversation reads the same.
func FuzzAskInContext(f *testing.F) {
	for _, c := range [][2]string{
		{"Which think tank reported the thefts?", "what did they say about sanctions?"},
		{"How much crypto has North Korea stolen?", "and in 2018?"},
		{"How much crypto has North Korea stolen?", "what about Japan?"},
		{"What is the Lazarus Group?", "and the other article?"},
		{"", "why?"},
		{"they they they", "it"},
		{"and", "and"},
		{"what about", "what about"},
		{strings.Repeat("North Korea ", 300), "what about " + strings.Repeat("Japan ", 300)},
		{"\xff\xfe", "their \xff?"},
		{"Who is Kim Jong-un?", "what % of it"},
	} {
		f.Add(c[0], c[1])
	}
	b := seeds(f)
	f.Fuzz(func(t *testing.T, before, q string) {
		turns := []Turn{{Question: before}}
		ans := b.AskInContext(q, turns)
		checkAnswer(t, b, ans)
		if ans.Question != q {
			t.Errorf("AskInContext(%q).Question = %q", q, ans.Question)
		}
		if !b.readFollowup(q).isFollowup() {
			if diff := cmp.Diff(b.Ask(q), ans); diff != "" {
				t.Errorf("%q, not a follow-up, after %q (-Ask +AskInContext):\n%s", q, before, diff)
			}
		}
		if diff := cmp.Diff(ans, b.AskInContext(q, turns)); diff != "" {
			t.Errorf("%q after %q twice (-first +second):\n%s", q, before, diff)
		}
		b.ExplainInContext(q, turns)
	})
}

// BenchmarkAskInContext measures a follow-up after one earlier question,
// asked again (as from the command line or GET /ask) or given with its
// answer (as the bot gives it), beside the same question alone.
func BenchmarkAskInContext(b *testing.B) {
	base := seeds(b)
	first, followup := "Which think tank reported the thefts?", "what did they say about sanctions?"
	answer := base.Ask(first)
	b.Run("alone", func(b *testing.B) {
		for b.Loop() {
			base.Ask(followup)
		}
	})
	b.Run("asked-again", func(b *testing.B) {
		for b.Loop() {
			base.AskInContext(followup, []Turn{{Question: first}})
		}
	})
	b.Run("answer-given", func(b *testing.B) {
		for b.Loop() {
			base.AskInContext(followup, []Turn{{Question: first, Answer: &answer}})
		}
	})
	b.Run("stand-alone-question", func(b *testing.B) {
		for b.Loop() {
			base.AskInContext("How much crypto has North Korea stolen?", []Turn{{Question: first}})
		}
	})
}
