package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
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
