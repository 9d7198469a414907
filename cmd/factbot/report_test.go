package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/factbot/factbot/internal/store"
)

// TestReport records a few questions and votes, as serve does, and reads
// them back with `factbot report` in each format.
func TestReport(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	db, err := store.OpenSQLite(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for _, q := range []store.Question{
		{ID: "1", Time: now.Add(-time.Hour), Text: "Who is the mayor?", Via: "slash", UserID: "9", Suggestions: []string{"000_57d83770277fbe9f#p3:00000001"}},
		{ID: "2", Time: now.Add(-time.Hour), Text: "who is the MAYOR", Via: "http"},
		{ID: "3", Time: now.Add(-time.Hour), Text: "How much was stolen?", Via: "dm", UserID: "9", Answered: true, Facts: []string{"000_57d83770277fbe9f#p2:00000002"}},
		{ID: "4", Time: now.Add(-10 * 24 * time.Hour), Text: "An old question?", Via: "http"},
	} {
		if err := db.RecordQuestion(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.RecordVote(ctx, store.Vote{AnswerID: "3", UserID: "8", Reason: store.ReasonWrongFact, Note: "not this one"}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	tests := []struct {
		name string
		args []string
		want []string
		not  []string
	}{
		{"text", nil, []string{"3 questions, 1 answered, 2 abstained", "2  ", "who is the MAYOR", "Wrong fact", "not this one",
			"Most cited articles:\n  1  000_57d83770277fbe9f", "0  003_0b01d940f1db74a4"}, []string{"An old question"}},
		{"csv", []string{"--format", "csv"}, []string{"part,text,count,reason,note,facts,time", "downvoted,How much was stolen?,1,wrong_fact,not this one"}, nil},
		{"everything kept", []string{"--since", "0"}, []string{"4 questions", "An old question"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(ctx, append([]string{"report"}, tt.args...), env(map[string]string{"FACTBOT_DATA": data}), strings.NewReader(""), &stdout, &stderr)
			if err != nil {
				t.Fatalf("report: %v\n%s", err, stderr.String())
			}
			for _, w := range tt.want {
				if !strings.Contains(stdout.String(), w) {
					t.Errorf("report lacks %q:\n%s", w, stdout.String())
				}
			}
			for _, w := range tt.not {
				if strings.Contains(stdout.String(), w) {
					t.Errorf("report holds %q:\n%s", w, stdout.String())
				}
			}
		})
	}

	t.Run("json", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		if err := run(ctx, []string{"report", "--format=json", "--data", data}, env(nil), strings.NewReader(""), &stdout, &stderr); err != nil {
			t.Fatalf("report: %v\n%s", err, stderr.String())
		}
		var r store.Report
		if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if r.Asked != 3 || len(r.Unanswered) != 1 || r.Unanswered[0].Count != 2 || len(r.Downvoted) != 1 {
			t.Errorf("report %+v", r)
		}
	})
}

func TestReportBadArgs(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"bad since", []string{"--since", "a week"}, `invalid --since "a week"`},
		{"bad format", []string{"--format", "xml"}, `invalid --format "xml"`},
		{"bad database URL", []string{"--database-url", "mysql://x"}, "invalid --database-url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), append([]string{"report", "--data", t.TempDir()}, tt.args...), env(nil), strings.NewReader(""), &stdout, &stderr)
			if err == nil || !strings.Contains(err.Error(), tt.want) || exitCode(err) != 2 {
				t.Errorf("report %v: %v (exit %d), want a usage error with %q", tt.args, err, exitCode(err), tt.want)
			}
		})
	}
}
