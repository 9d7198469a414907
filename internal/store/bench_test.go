package store

import (
	"context"
	"fmt"
	"testing"
)

// BenchmarkWriter measures what recording costs per question, through a
// Writer into SQLite: the time the caller waits (Question), and all the
// work the writer's goroutine does for it once flushed (op).
func BenchmarkWriter(b *testing.B) {
	ctx := context.Background()
	db, err := OpenSQLite(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	w := NewWriter(db, WriterOptions{Queue: b.N + 1})
	q := Question{Text: "How much crypto has North Korea stolen?", Via: "http", Answered: true, Confidence: 0.9,
		Facts:    []string{"000_57d83770277fbe9f#p2:a872fbe2", "003_0b01d940f1db74a4#p1:daa37fdd"},
		Snapshot: "abc"}
	b.ReportAllocs()
	for i := range b.N {
		q.ID = fmt.Sprint("q", i)
		w.Question(q)
	}
	if err := w.Close(ctx); err != nil {
		b.Fatal(err)
	}
	if w.Dropped() > 0 {
		b.Fatalf("%d dropped", w.Dropped())
	}
}
