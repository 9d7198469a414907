// Package pgtest gives tests a PostgreSQL schema of their own, in the
// database FACTBOT_TEST_DATABASE_URL names (.ci/run starts one), and skips
// them with a clear message where there is none.
package pgtest

import (
	"crypto/rand"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
)

// Env names the PostgreSQL database tests may use: each makes a schema of
// its own in it and drops it after.
const Env = "FACTBOT_TEST_DATABASE_URL"

// SchemaURL makes a schema of its own in the test database, dropped when
// the test ends, and returns the database's URL with that schema as its
// search_path. Without a test database it skips the test, saying that
// what (such as "the PostgreSQL store suite") needs one.
func SchemaURL(t testing.TB, what string) string {
	t.Helper()
	base := os.Getenv(Env)
	if base == "" {
		t.Skipf("skipping %s: set %s to a postgres:// URL of a database it may create schemas in (.ci/run does)", what, Env)
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", Env, err)
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
	return u.String()
}
