package report

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/factbot/factbot/internal/store"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sample is a report with something in every part.
func sample() store.Report {
	at := func(d int) time.Time { return time.Date(2026, 3, d, 9, 30, 0, 0, time.UTC) }
	r := store.Report{
		Since: at(1), Asked: 12, Answered: 9, Abstained: 3, Up: 4, Down: 2,
		Unanswered: []store.Unanswered{
			{Question: "Who is the mayor?", Count: 2, Last: at(3), Suggestions: []string{"city#p2:0a0b0c0d"}},
			{Question: "=HYPERLINK(\"x\")", Count: 1, Last: at(2)},
		},
		Downvoted: []store.Downvoted{
			{AnswerID: "11", Question: "How much was stolen?", Answered: true, Confidence: 0.8,
				Facts: []string{"nk#p1:01020304"}, Reason: store.ReasonWrongShort, Note: "it was $700 million", Time: at(4)},
			{AnswerID: "12", Time: at(3)},
		},
		Articles: []store.ArticleCount{{Article: "nk", Citations: 7}, {Article: "city", Citations: 2}},
	}
	r.WithArticles([]string{"nk", "city", "weather"})
	return r
}

func TestWrite(t *testing.T) {
	for _, f := range []Format{Text, CSV, JSON} {
		t.Run(string(f), func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, f, sample()); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", "report."+string(f)), b.Bytes())
		})
	}
}

func TestCSVReadsBack(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, sample()); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(CSVHeader, rows[0]); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
	// 5 summary rows, 2 unanswered, 2 downvoted, 3 articles.
	if len(rows) != 1+5+2+2+3 {
		t.Errorf("%d rows, want 13", len(rows))
	}
	if got := rows[7][1]; got != `'=HYPERLINK("x")` {
		t.Errorf("a question that reads as a formula is written %q, want it defused", got)
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in      string
		want    Format
		wantErr bool
	}{{"text", Text, false}, {"CSV", CSV, false}, {"json", JSON, false}, {"xml", "", true}}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseFormat(tt.in)
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Errorf("ParseFormat(%q) = %q, %v", tt.in, got, err)
			}
		})
	}
}

// golden compares got with the file at path, or rewrites it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s (-want +got):\n%s", path, diff)
	}
}
