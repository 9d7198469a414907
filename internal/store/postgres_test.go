package store

import (
	"context"
	"testing"
	"time"

	"github.com/factbot/factbot/internal/pgtest"
)

func TestPostgres(t *testing.T) { runSuite(t, postgresBackend) }

func postgresBackend(t *testing.T) func(t *testing.T) *DB {
	url := pgtest.SchemaURL(t, "the PostgreSQL store suite")
	return func(t *testing.T) *DB {
		s, err := OpenPostgres(context.Background(), url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
}

// TestListenArticles: an article added or removed through one connection
// is announced to a process listening on another.
func TestListenArticles(t *testing.T) {
	ctx, url, s := openTestPostgres(t)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ready, changed := make(chan struct{}), make(chan struct{}, 10)
	done := make(chan error, 1)
	go func() {
		_, err := listen(ctx, url, func() { close(ready) }, func() { changed <- struct{}{} })
		done <- err
	}()
	select {
	case <-ready:
	case err := <-done:
		t.Fatalf("listen: %v", err)
	}
	wait := func(what string) {
		t.Helper()
		select {
		case <-changed:
		case <-ctx.Done():
			t.Fatalf("no announcement of %s", what)
		}
	}
	if err := s.AddArticle(ctx, Added{ID: "x", Title: "X", Body: []byte("X\n\nA body.\n"), Ext: ".txt"}); err != nil {
		t.Fatal(err)
	}
	wait("an article added")
	if err := s.RemoveArticle(ctx, "x"); err != nil {
		t.Fatal(err)
	}
	wait("an article removed")
	cancel()
	if err := <-done; err == nil {
		t.Error("listen returned no error when its context ended")
	}
}

// TestIdentifyLock: two processes sharing the database take a bucket's
// identify lock one after the other, the second at least the hold after
// the first released it; another bucket does not wait.
func TestIdentifyLock(t *testing.T) {
	url := pgtest.SchemaURL(t, "the PostgreSQL store suite")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var dbs [2]*DB
	for i := range dbs {
		db, err := OpenPostgres(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		dbs[i] = db
	}
	const hold = 200 * time.Millisecond
	release, err := dbs[0].IdentifyLock(ctx, 0, hold)
	if err != nil {
		t.Fatal(err)
	}
	other, err := dbs[1].IdentifyLock(ctx, 1, hold)
	if err != nil {
		t.Fatalf("bucket 1 waited for bucket 0: %v", err)
	}
	other()
	released := time.Now()
	release()
	second, err := dbs[1].IdentifyLock(ctx, 0, hold)
	if err != nil {
		t.Fatal(err)
	}
	if got := time.Since(released); got < hold {
		t.Errorf("the second process took bucket 0 %v after the first released it, want at least %v", got, hold)
	}
	second()
}

// TestListenArticlesReconnects: when its connection is cut, ListenArticles
// connects again, calls back (announcements meanwhile are lost), and
// hears the next announcement.
func TestListenArticlesReconnects(t *testing.T) {
	ctx, url, s := openTestPostgres(t)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	changed := make(chan struct{}, 10)
	done := make(chan struct{})
	go func() {
		ListenArticles(ctx, url, func() { changed <- struct{}{} }, nil)
		close(done)
	}()
	wait := func(what string) {
		t.Helper()
		select {
		case <-changed:
		case <-ctx.Done():
			t.Fatalf("no call back %s", what)
		}
	}
	wait("once listening")
	var cut int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
		listenerName).Scan(&cut); err != nil || cut == 0 {
		t.Fatalf("cutting the listener's connection: %d cut, %v", cut, err)
	}
	wait("once listening again")
	if err := s.AddArticle(ctx, Added{ID: "y", Title: "Y", Body: []byte("Y\n\nA body.\n"), Ext: ".txt"}); err != nil {
		t.Fatal(err)
	}
	wait("for an article added after the reconnection")
	cancel()
	<-done
}

// openTestPostgres opens a store in a schema of its own, with a context
// that ends after 20 s; both end with the test.
func openTestPostgres(t *testing.T) (context.Context, string, *DB) {
	url := pgtest.SchemaURL(t, "the PostgreSQL store suite")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	s, err := OpenPostgres(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return ctx, url, s
}
