package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"time"
)

// An Added is an article that an admin added from Discord: who added it
// and when, for /factbot articles.
type Added struct {
	ID        string // the article's id, its file name without extension
	Title     string
	Publisher string
	Facts     int    // its sentences
	UserID    string // who added it
	UserName  string
	Time      time.Time

	// Body is the article file as added, and Ext its extension (".txt"
	// or ".md"); AddedArticles leaves Body out. SHA256 is the hex SHA-256
	// of Body, set by the store.
	Body   []byte
	Ext    string
	SHA256 string
}

// ArticlesChannel is the PostgreSQL channel on which a change to the
// articles added is announced, with the article's id as payload.
const ArticlesChannel = "factbot_articles"

// MaxTitle is the longest title or name kept; longer ones are cut.
const MaxTitle = 300

// AddArticle records an article added, replacing the record of an article
// of the same id.
func (s *DB) AddArticle(ctx context.Context, a Added) error {
	if a.ID == "" {
		return fmt.Errorf("%w: an article with no id", ErrInvalid)
	}
	if a.Time.IsZero() {
		a.Time = time.Now()
	}
	sum := ""
	if len(a.Body) > 0 {
		h := sha256.Sum256(a.Body)
		sum = hex.EncodeToString(h[:])
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO articles (id, title, publisher, facts, added_by, added_by_name, added_at, body, ext, sha256)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
			ON CONFLICT (id) DO UPDATE SET title = excluded.title, publisher = excluded.publisher, facts = excluded.facts,
				added_by = excluded.added_by, added_by_name = excluded.added_by_name, added_at = excluded.added_at,
				body = excluded.body, ext = excluded.ext, sha256 = excluded.sha256`,
			a.ID, clip(a.Title, MaxTitle), clip(a.Publisher, MaxTitle), a.Facts, a.UserID, clip(a.UserName, MaxTitle), a.Time.UnixMilli(),
			string(a.Body), a.Ext, sum)
		if err != nil {
			return err
		}
		return s.announce(ctx, tx, a.ID)
	})
	if err != nil {
		return fmt.Errorf("store: add article: %w", err)
	}
	return nil
}

// RemoveArticle forgets the record of an article added; removing one that
// has none is no error.
func (s *DB) RemoveArticle(ctx context.Context, id string) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = $1`, id); err != nil {
			return err
		}
		return s.announce(ctx, tx, id)
	})
	if err != nil {
		return fmt.Errorf("store: remove article: %w", err)
	}
	return nil
}

// AddedArticles returns the articles added from Discord, newest first.
func (s *DB) AddedArticles(ctx context.Context) ([]Added, error) {
	var out []Added
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, title, publisher, facts, added_by, added_by_name, added_at, ext, sha256
			FROM articles ORDER BY added_at DESC, id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var a Added
			var ms int64
			if err := rows.Scan(&a.ID, &a.Title, &a.Publisher, &a.Facts, &a.UserID, &a.UserName, &ms, &a.Ext, &a.SHA256); err != nil {
				return err
			}
			a.Time = time.UnixMilli(ms)
			out = append(out, a)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("store: added articles: %w", err)
	}
	return out, nil
}

// announce tells the processes listening on ArticlesChannel that the
// article id changed, when the transaction commits; only PostgreSQL
// announces.
func (s *DB) announce(ctx context.Context, tx *sql.Tx, id string) error {
	if s.dialect != "postgres" {
		return nil
	}
	_, err := tx.ExecContext(ctx, `SELECT pg_notify($1, $2)`, ArticlesChannel, id)
	return err
}

// ArticleFiles returns the article files kept in the store, by file
// name (the id and its extension), for a fact base to load beside its
// folder; rows from before their text was kept are left out.
func (s *DB) ArticleFiles(ctx context.Context) (map[string][]byte, error) {
	out := map[string][]byte{}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, ext, body FROM articles WHERE body <> '' ORDER BY id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id, ext, body string
			if err := rows.Scan(&id, &ext, &body); err != nil {
				return err
			}
			if ext != ".md" {
				ext = ".txt"
			}
			out[id+ext] = []byte(body)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("store: article files: %w", err)
	}
	return out, nil
}
