package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"testing"
)

// testDatabaseURL names the PostgreSQL database the suite may use; each
// test makes a schema of its own in it and drops it after.
const testDatabaseURL = "FACTBOT_TEST_DATABASE_URL"

func TestPostgres(t *testing.T) { runSuite(t, postgresBackend) }

func postgresBackend(t *testing.T) func(t *testing.T) *DB {
	base := os.Getenv(testDatabaseURL)
	if base == "" {
		t.Skipf("skipping the PostgreSQL store suite: set %s to a postgres:// URL of a database it may create schemas in (.ci/run does)", testDatabaseURL)
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", testDatabaseURL, err)
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	schema := fmt.Sprintf("factbot_test_%x", rand.Text()[:8])
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() { admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`) })
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return func(t *testing.T) *DB {
		s, err := OpenPostgres(context.Background(), u.String())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
}
