package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "modernc.org/sqlite"             // registers "sqlite"
)

// A DB is a Store in a SQL database: SQLite (OpenSQLite) or PostgreSQL
// (OpenPostgres). Both run the same statements, with $1-style parameters.
type DB struct {
	db      *sql.DB
	dialect string // "sqlite" or "postgres"
}

// DatabaseFile is the SQLite database's file name in the data folder.
const DatabaseFile = "factbot.db"

// OpenSQLite opens, creating it if need be, the SQLite database in the
// folder dir (made if missing), in WAL mode, and migrates it to the
// current schema. A process killed mid-write loses at most the
// transaction under way; the database stays whole.
func OpenSQLite(ctx context.Context, dir string) (*DB, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("store: data folder: %w", err)
	}
	path := filepath.Join(dir, DatabaseFile)
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)" +
		"&_pragma=busy_timeout(5000)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	// One connection writes at a time in SQLite anyway; more readers are
	// fine in WAL mode.
	db.SetMaxOpenConns(4)
	s, err := open(ctx, db, "sqlite")
	if err != nil {
		return nil, err
	}
	// The questions are the users': readable by the bot's user alone.
	// SQLite gives its WAL and shared-memory files the database's mode.
	if err := os.Chmod(path, 0o600); err != nil {
		s.Close()
		return nil, fmt.Errorf("store: %w", err)
	}
	return s, nil
}

// OpenPostgres connects to the PostgreSQL database at url (a postgres://
// URL or a key=value string) and migrates it to the current schema.
// Several processes may share it.
func OpenPostgres(ctx context.Context, url string) (*DB, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("store: open PostgreSQL: %w", err)
	}
	db.SetMaxOpenConns(8)
	return open(ctx, db, "postgres")
}

// Open opens PostgreSQL at databaseURL if it is set, else SQLite in dir.
func Open(ctx context.Context, dir, databaseURL string) (*DB, error) {
	if databaseURL != "" {
		return OpenPostgres(ctx, databaseURL)
	}
	return OpenSQLite(ctx, dir)
}

func open(ctx context.Context, db *sql.DB, dialect string) (*DB, error) {
	s := &DB{db: db, dialect: dialect}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: connect to %s: %w", dialect, err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Dialect is "sqlite" or "postgres".
func (s *DB) Dialect() string { return s.dialect }

// Close closes the database.
func (s *DB) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("store: close: %w", err)
	}
	return nil
}

// migrate applies the migrations not yet applied, each in a transaction.
// On PostgreSQL an advisory lock keeps two processes starting at once from
// applying the same migration twice.
func (s *DB) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)`); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	for v := 1; v < len(migrations); v++ {
		if err := s.apply(ctx, v); err != nil {
			return fmt.Errorf("store: migration %d: %w", v, err)
		}
	}
	return nil
}

func (s *DB) apply(ctx context.Context, version int) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if s.dialect == "postgres" {
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7243001)`); err != nil {
				return err
			}
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = $1`, version).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		for _, stmt := range migrations[version] {
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, version)
		return err
	})
}

// tx runs f in a transaction, committed if f returns nil. On SQLite it
// takes the write lock at once (BEGIN IMMEDIATE), so that two writers wait
// for each other under busy_timeout instead of failing half way.
func (s *DB) tx(ctx context.Context, f func(*sql.Tx) error) error {
	return s.txOpts(ctx, nil, f)
}

// readTx runs f in a read-only transaction: a consistent view that, in
// SQLite's WAL mode, never waits for the writer nor holds it up.
func (s *DB) readTx(ctx context.Context, f func(*sql.Tx) error) error {
	return s.txOpts(ctx, &sql.TxOptions{ReadOnly: true}, f)
}

func (s *DB) txOpts(ctx context.Context, opts *sql.TxOptions, f func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, opts)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		return errors.Join(err, tx.Rollback())
	}
	return tx.Commit()
}

// RecordQuestion keeps q, with a row in citations for each cited fact.
func (s *DB) RecordQuestion(ctx context.Context, q Question) error {
	if err := checkQuestion(q); err != nil {
		return err
	}
	if err := s.tx(ctx, func(tx *sql.Tx) error { return newInserts(ctx, tx).question(q) }); err != nil {
		return fmt.Errorf("store: record question: %w", err)
	}
	return nil
}

// RecordVote keeps v, replacing the user's earlier vote on the answer.
func (s *DB) RecordVote(ctx context.Context, v Vote) error {
	if err := checkVote(v); err != nil {
		return err
	}
	if err := s.tx(ctx, func(tx *sql.Tx) error { return newInserts(ctx, tx).vote(v) }); err != nil {
		return fmt.Errorf("store: record vote: %w", err)
	}
	return nil
}

// recordBatch keeps many records in one transaction, which costs about
// what one record does: the Writer batches what has queued up. Records
// that fail checkQuestion or checkVote are left out and counted in bad.
func (s *DB) recordBatch(ctx context.Context, rs []record) (bad int, err error) {
	err = s.tx(ctx, func(tx *sql.Tx) error {
		bad = 0
		ins := newInserts(ctx, tx)
		defer ins.close()
		for _, r := range rs {
			var err error
			switch {
			case r.q != nil && checkQuestion(*r.q) == nil:
				err = ins.question(*r.q)
			case r.v != nil && checkVote(*r.v) == nil:
				err = ins.vote(*r.v)
			default:
				bad++
			}
			if err != nil {
				return err
			}
			// Let an answer that waits for a processor run now, rather
			// than after the whole batch: on a small machine a batch of
			// hundreds would otherwise add its length to answers' latency.
			runtime.Gosched()
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: record %d records: %w", len(rs), err)
	}
	return bad, nil
}

func checkQuestion(q Question) error {
	if q.ID == "" {
		return fmt.Errorf("%w: a question with no id", ErrInvalid)
	}
	return nil
}

func checkVote(v Vote) error {
	switch {
	case v.AnswerID == "" || v.UserID == "":
		return fmt.Errorf("%w: a vote with no answer or no user", ErrInvalid)
	case !v.Reason.Valid():
		return fmt.Errorf("%w: unknown reason %q", ErrInvalid, v.Reason)
	}
	return nil
}

// The statements that record, prepared once per transaction.
const (
	insertQuestionSQL = `INSERT INTO questions
		(id, asked_at, text, norm, via, guild_id, channel_id, user_id, answered, confidence, facts, suggestions, snapshot, latency_us)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
		ON CONFLICT (id) DO NOTHING`
	insertCitationSQL = `INSERT INTO citations (question_id, n, article) VALUES ($1, $2, $3)`
	insertVoteSQL     = `INSERT INTO votes (answer_id, user_id, voted_at, helpful, reason, note)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (answer_id, user_id) DO UPDATE SET
			voted_at = excluded.voted_at, helpful = excluded.helpful, reason = excluded.reason, note = excluded.note`
)

// inserts records into one transaction, preparing each statement the
// first time it is used.
type inserts struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func newInserts(ctx context.Context, tx *sql.Tx) *inserts {
	return &inserts{ctx: ctx, tx: tx, stmts: map[string]*sql.Stmt{}}
}

func (ins *inserts) exec(query string, args ...any) (sql.Result, error) {
	st := ins.stmts[query]
	if st == nil {
		var err error
		if st, err = ins.tx.PrepareContext(ins.ctx, query); err != nil {
			return nil, err
		}
		ins.stmts[query] = st
	}
	return st.ExecContext(ins.ctx, args...)
}

func (ins *inserts) close() {
	for _, st := range ins.stmts {
		st.Close()
	}
}

func (ins *inserts) question(q Question) error {
	if q.Time.IsZero() {
		q.Time = time.Now()
	}
	text := clip(q.Text, MaxText)
	facts, suggestions := clipList(q.Facts), clipList(q.Suggestions)
	res, err := ins.exec(insertQuestionSQL,
		q.ID, q.Time.UnixMilli(), text, Normalize(text), q.Via, q.GuildID, q.ChannelID, q.UserID,
		boolInt(q.Answered), q.Confidence, strings.Join(facts, "\n"), strings.Join(suggestions, "\n"),
		q.Snapshot, q.Latency.Microseconds())
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return err // already kept: its citations too
	}
	for i, f := range facts {
		if _, err := ins.exec(insertCitationSQL, q.ID, i+1, FactArticle(f)); err != nil {
			return err
		}
	}
	return nil
}

func (ins *inserts) vote(v Vote) error {
	if v.Time.IsZero() {
		v.Time = time.Now()
	}
	_, err := ins.exec(insertVoteSQL, v.AnswerID, v.UserID, v.Time.UnixMilli(), boolInt(v.Helpful), string(v.Reason), clip(v.Note, MaxNote))
	return err
}

// Purge removes what is older than before.
func (s *DB) Purge(ctx context.Context, before time.Time) (int64, error) {
	ms := before.UnixMilli()
	n, err := s.deleteAll(ctx, []string{
		`DELETE FROM citations WHERE question_id IN (SELECT id FROM questions WHERE asked_at < $1)`,
		`DELETE FROM questions WHERE asked_at < $1`,
		`DELETE FROM votes WHERE voted_at < $1`,
	}, ms)
	if err != nil {
		return n, fmt.Errorf("store: purge: %w", err)
	}
	return n, nil
}

// Forget removes a user's questions, the votes on them, and their votes.
func (s *DB) Forget(ctx context.Context, userID string) (int64, error) {
	if userID == "" {
		return 0, fmt.Errorf("%w: no user to forget", ErrInvalid)
	}
	n, err := s.deleteAll(ctx, []string{
		`DELETE FROM votes WHERE user_id = $1 OR answer_id IN (SELECT id FROM questions WHERE user_id = $1)`,
		`DELETE FROM citations WHERE question_id IN (SELECT id FROM questions WHERE user_id = $1)`,
		`DELETE FROM questions WHERE user_id = $1`,
	}, userID)
	if err != nil {
		return n, fmt.Errorf("store: forget: %w", err)
	}
	return n, nil
}

// deleteAll runs the deletes in one transaction and counts the rows.
func (s *DB) deleteAll(ctx context.Context, stmts []string, arg any) (int64, error) {
	var total int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		for _, q := range stmts {
			res, err := tx.ExecContext(ctx, q, arg)
			if err != nil {
				return err
			}
			n, err := res.RowsAffected()
			if err != nil {
				return err
			}
			total += n
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return total, nil
}

// IntegrityCheck runs SQLite's integrity check and returns nil when the
// database is whole. On PostgreSQL it only pings.
func (s *DB) IntegrityCheck(ctx context.Context) error {
	if s.dialect != "sqlite" {
		return s.db.PingContext(ctx)
	}
	var res string
	if err := s.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
		return fmt.Errorf("store: integrity check: %w", err)
	}
	if res != "ok" {
		return fmt.Errorf("store: integrity check: %s", res)
	}
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// clip cuts s to at most n runes.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}

// clipList keeps at most maxFacts ids, each on one line.
func clipList(ids []string) []string {
	out := make([]string, 0, min(len(ids), maxFacts))
	for _, id := range ids {
		if len(out) == maxFacts {
			break
		}
		if id = strings.TrimSpace(strings.ReplaceAll(id, "\n", " ")); id != "" {
			out = append(out, clip(id, 200))
		}
	}
	return out
}
