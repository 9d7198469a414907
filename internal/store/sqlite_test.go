package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestSQLite(t *testing.T) { runSuite(t, sqliteBackend) }

func sqliteBackend(t *testing.T) func(t *testing.T) *DB {
	dir := t.TempDir()
	return func(t *testing.T) *DB {
		s, err := OpenSQLite(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
}

func TestSQLiteWAL(t *testing.T) {
	s := sqliteBackend(t)(t)
	var mode string
	if err := s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" {
		t.Errorf("journal_mode %q, want wal", mode)
	}
}

func TestSQLiteFileMode(t *testing.T) {
	dir := t.TempDir()
	s, err := OpenSQLite(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	info, err := os.Stat(filepath.Join(dir, DatabaseFile))
	if err != nil {
		t.Fatal(err)
	}
	if mode := info.Mode().Perm(); mode != 0o600 {
		t.Errorf("database file mode %v, want 0600", mode)
	}
}

// TestWriterBatch checks the Writer's batches into SQLite: every good
// record kept in one go, a bad one left out and counted.
func TestWriterBatch(t *testing.T) {
	ctx := context.Background()
	s := sqliteBackend(t)(t)
	w := NewWriter(s, WriterOptions{})
	for _, q := range []Question{{ID: "1", Text: "a", Via: "http"}, {Text: "no id"}, {ID: "2", Text: "b", Via: "http"}} {
		w.Question(q)
	}
	w.Vote(Vote{AnswerID: "1", UserID: "u", Helpful: true})
	w.Vote(Vote{AnswerID: "1", UserID: "u", Reason: "rude"})
	if err := w.Close(ctx); err != nil {
		t.Fatal(err)
	}
	r, err := s.Report(ctx, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Asked != 2 || r.Up != 1 || w.Dropped() != 2 {
		t.Errorf("kept %d questions and %d votes up, dropped %d; want 2, 1 and the 2 bad records", r.Asked, r.Up, w.Dropped())
	}
}
