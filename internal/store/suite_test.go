package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// A backend makes a fresh, empty database for one test and returns what
// opens it; open may be called again to reopen the same database.
type backend func(t *testing.T) (open func(t *testing.T) *DB)

// t0 is the suite's clock: records are stamped relative to it.
var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func at(minutes int) time.Time { return t0.Add(time.Duration(minutes) * time.Minute) }

// runSuite runs the tests every backend must pass.
func runSuite(t *testing.T, fresh backend) {
	ctx := context.Background()
	tests := []struct {
		name string
		run  func(t *testing.T, open func(t *testing.T) *DB)
	}{
		{"articles added", func(t *testing.T, open func(t *testing.T) *DB) {
			s := open(t)
			for _, a := range []Added{
				{ID: "a", Title: "A", Publisher: "P", Facts: 3, UserID: "u1", UserName: "ann", Time: at(1)},
				{ID: "b", Title: "B", Facts: 1, UserID: "u2", UserName: "bob", Time: at(2)},
				{ID: "a", Title: "A again", Facts: 4, UserID: "u2", UserName: "bob", Time: at(3)},
			} {
				if err := s.AddArticle(ctx, a); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.RemoveArticle(ctx, "b"); err != nil {
				t.Fatal(err)
			}
			if err := s.RemoveArticle(ctx, "never"); err != nil {
				t.Fatal(err)
			}
			want := []Added{{ID: "a", Title: "A again", Facts: 4, UserID: "u2", UserName: "bob", Time: at(3)}}
			if err := s.AddArticle(ctx, Added{ID: "c", Title: "C", Facts: 1, Time: at(0), Body: []byte("C\n\nBody.\n"), Ext: ".md"}); err != nil {
				t.Fatal(err)
			}
			want = append(want, Added{ID: "c", Title: "C", Facts: 1, Time: at(0), Ext: ".md",
				SHA256: "37f7dbd69e746598a319fbc2af53fe3bfaf46692bb7fe03703f03184e6c4ea61"})
			files, err := s.ArticleFiles(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(map[string][]byte{"c.md": []byte("C\n\nBody.\n")}, files); diff != "" {
				t.Errorf("article files (-want +got):\n%s", diff)
			}
			got, err := s.AddedArticles(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
				t.Errorf("added articles (-want +got):\n%s", diff)
			}
			if err := s.AddArticle(ctx, Added{}); !errors.Is(err, ErrInvalid) {
				t.Errorf("an article with no id: %v, want ErrInvalid", err)
			}
		}},
		{"report", func(t *testing.T, open func(t *testing.T) *DB) {
			s := open(t)
			keep(t, s, sampleQuestions()...)
			votes := []Vote{
				{AnswerID: "a1", UserID: "u2", Time: at(10), Helpful: true},
				{AnswerID: "a2", UserID: "u2", Time: at(11), Helpful: false, Reason: ReasonWrongShort, Note: "it was $700 million"},
				{AnswerID: "gone", UserID: "u3", Time: at(12), Helpful: false, Reason: ReasonOther},
			}
			for _, v := range votes {
				if err := s.RecordVote(ctx, v); err != nil {
					t.Fatal(err)
				}
			}
			got, err := s.Report(ctx, at(0))
			if err != nil {
				t.Fatal(err)
			}
			want := Report{
				Since: at(0), Asked: 5, Answered: 2, Abstained: 3, Up: 1, Down: 2,
				Unanswered: []Unanswered{
					{Question: "who is the mayor", Count: 2, Last: at(4), Suggestions: []string{"b#p3:00000002"}},
					{Question: "What colour is the sky?", Count: 1, Last: at(3)},
				},
				Downvoted: []Downvoted{
					{AnswerID: "gone", Reason: ReasonOther, Time: at(12)},
					{AnswerID: "a2", Question: "When was it?", Answered: true, Confidence: 0.5,
						Facts: []string{"b#p1:00000003"}, Reason: ReasonWrongShort, Note: "it was $700 million", Time: at(11)},
				},
				Articles: []ArticleCount{{"a", 2}, {"b", 1}},
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Report (-want +got):\n%s", diff)
			}
		}},
		{"since", func(t *testing.T, open func(t *testing.T) *DB) {
			s := open(t)
			keep(t, s, sampleQuestions()...)
			got, err := s.Report(ctx, at(4))
			if err != nil {
				t.Fatal(err)
			}
			if got.Asked != 1 || got.Abstained != 1 || len(got.Articles) != 0 {
				t.Errorf("Report since 4: asked %d, abstained %d, articles %v; want 1, 1, none", got.Asked, got.Abstained, got.Articles)
			}
		}},
		{"duplicate question ignored", func(t *testing.T, open func(t *testing.T) *DB) {
			s := open(t)
			q := sampleQuestions()[0]
			keep(t, s, q, q)
			got, err := s.Report(ctx, at(0))
			if err != nil {
				t.Fatal(err)
			}
			if got.Asked != 1 || !cmp.Equal(got.Articles, []ArticleCount{{"a", 2}}) {
				t.Errorf("after recording one question twice: asked %d, articles %v", got.Asked, got.Articles)
			}
		}},
		{"later vote replaces", func(t *testing.T, open func(t *testing.T) *DB) {
			s := open(t)
			keep(t, s, sampleQuestions()...)
			for _, v := range []Vote{
				{AnswerID: "a1", UserID: "u9", Time: at(10), Helpful: true},
				{AnswerID: "a1", UserID: "u9", Time: at(11), Helpful: false, Reason: ReasonWrongFact},
			} {
				if err := s.RecordVote(ctx, v); err != nil {
					t.Fatal(err)
				}
			}
			got, err := s.Report(ctx, at(0))
			if err != nil {
				t.Fatal(err)
			}
			if got.Up != 0 || got.Down != 1 || len(got.Downvoted) != 1 || got.Downvoted[0].Reason != ReasonWrongFact {
				t.Errorf("after 👍 then 👎: up %d, down %d, downvoted %+v", got.Up, got.Down, got.Downvoted)
			}
		}},
		{"invalid records", func(t *testing.T, open func(t *testing.T) *DB) {
			s := open(t)
			for name, err := range map[string]error{
				"question without id":  s.RecordQuestion(ctx, Question{Text: "x"}),
				"vote without user":    s.RecordVote(ctx, Vote{AnswerID: "a"}),
				"vote with bad reason": s.RecordVote(ctx, Vote{AnswerID: "a", UserID: "u", Reason: "rude"}),
				"forget nobody": func() error {
					_, err := s.Forget(ctx, "")
					return err
				}(),
			} {
				if !errors.Is(err, ErrInvalid) {
					t.Errorf("%s: err %v, want ErrInvalid", name, err)
				}
			}
		}},
		{"long text clipped", func(t *testing.T, open func(t *testing.T) *DB) {
			s := open(t)
			long := make([]rune, MaxText+50)
			for i := range long {
				long[i] = 'é'
			}
			keep(t, s, Question{ID: "x", Time: at(1), Text: string(long), Via: "http"})
			got, err := s.Report(ctx, at(0))
			if err != nil {
				t.Fatal(err)
			}
			if n := len([]rune(got.Unanswered[0].Question)); n != MaxText {
				t.Errorf("kept %d characters, want %d", n, MaxText)
			}
		}},
		{"purge", func(t *testing.T, open func(t *testing.T) *DB) {
			s := open(t)
			keep(t, s, sampleQuestions()...)
			if err := s.RecordVote(ctx, Vote{AnswerID: "a1", UserID: "u2", Time: at(1), Helpful: true}); err != nil {
				t.Fatal(err)
			}
			n, err := s.Purge(ctx, at(3))
			if err != nil {
				t.Fatal(err)
			}
			// a1 and its 2 citations, a2 and its 1, and the vote; a3 was
			// asked at 3, not before.
			if n != 6 {
				t.Errorf("Purge removed %d records, want 6", n)
			}
			got, err := s.Report(ctx, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			if got.Asked != 3 || got.Up != 0 || len(got.Articles) != 0 {
				t.Errorf("after purge: asked %d, up %d, articles %v; want 3, 0, none", got.Asked, got.Up, got.Articles)
			}
		}},
		{"forget", func(t *testing.T, open func(t *testing.T) *DB) {
			s := open(t)
			keep(t, s, sampleQuestions()...)
			for _, v := range []Vote{
				{AnswerID: "a1", UserID: "u2", Time: at(10), Helpful: true},  // u2 on u1's answer
				{AnswerID: "a4", UserID: "u1", Time: at(10), Helpful: false}, // u1 on u2's answer
				{AnswerID: "a4", UserID: "u3", Time: at(10), Helpful: false}, // stays
			} {
				if err := s.RecordVote(ctx, v); err != nil {
					t.Fatal(err)
				}
			}
			n, err := s.Forget(ctx, "u1")
			if err != nil {
				t.Fatal(err)
			}
			// u1 asked a1 (2 citations), a2 (1 citation), a3: 6 rows; 2 votes.
			if n != 8 {
				t.Errorf("Forget removed %d records, want 8", n)
			}
			got, err := s.Report(ctx, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			if got.Asked != 2 || got.Up != 0 || got.Down != 1 {
				t.Errorf("after forget: asked %d, up %d, down %d; want 2, 0, 1", got.Asked, got.Up, got.Down)
			}
		}},
		{"reopen keeps records and schema", func(t *testing.T, open func(t *testing.T) *DB) {
			s := open(t)
			keep(t, s, sampleQuestions()...)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			s = open(t)
			got, err := s.Report(ctx, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			if got.Asked != 5 {
				t.Errorf("after reopening: asked %d, want 5", got.Asked)
			}
			var v int
			if err := s.db.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&v); err != nil || v != SchemaVersion() {
				t.Errorf("schema version %d (%v), want %d", v, err, SchemaVersion())
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.run(t, fresh(t)) })
	}
}

// sampleQuestions are five questions: u1 asks three (two answered, one
// abstained), u2 asks "Who is the mayor?" twice in different words, and
// nobody answers it.
func sampleQuestions() []Question {
	return []Question{
		{ID: "a1", Time: at(1), Text: "How much was stolen?", Via: "slash", GuildID: "g", ChannelID: "c", UserID: "u1",
			Answered: true, Confidence: 0.9, Facts: []string{"a#p1:00000001", "a#p2:00000001"}, Snapshot: "s1", Latency: time.Millisecond},
		{ID: "a2", Time: at(2), Text: "When was it?", Via: "dm", ChannelID: "d", UserID: "u1",
			Answered: true, Confidence: 0.5, Facts: []string{"b#p1:00000003"}, Snapshot: "s1", Latency: 2 * time.Millisecond},
		{ID: "a3", Time: at(3), Text: "What colour is the sky?", Via: "mention", GuildID: "g", ChannelID: "c", UserID: "u1", Snapshot: "s1"},
		{ID: "a4", Time: at(3), Text: "Who is the Mayor?", Via: "slash", GuildID: "g", ChannelID: "c", UserID: "u2",
			Suggestions: []string{"b#p2:00000002"}, Snapshot: "s1"},
		{ID: "a5", Time: at(4), Text: "who is the mayor", Via: "http",
			Suggestions: []string{"b#p3:00000002"}, Snapshot: "s2"},
	}
}

func keep(t *testing.T, s Store, qs ...Question) {
	t.Helper()
	for _, q := range qs {
		if err := s.RecordQuestion(context.Background(), q); err != nil {
			t.Fatal(err)
		}
	}
}
