package store

import (
	"context"
	"database/sql"
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
}

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
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO articles (id, title, publisher, facts, added_by, added_by_name, added_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)
			ON CONFLICT (id) DO UPDATE SET title = excluded.title, publisher = excluded.publisher, facts = excluded.facts,
				added_by = excluded.added_by, added_by_name = excluded.added_by_name, added_at = excluded.added_at`,
			a.ID, clip(a.Title, MaxTitle), clip(a.Publisher, MaxTitle), a.Facts, a.UserID, clip(a.UserName, MaxTitle), a.Time.UnixMilli())
		return err
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
		_, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = $1`, id)
		return err
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
		rows, err := tx.QueryContext(ctx, `SELECT id, title, publisher, facts, added_by, added_by_name, added_at FROM articles ORDER BY added_at DESC, id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var a Added
			var ms int64
			if err := rows.Scan(&a.ID, &a.Title, &a.Publisher, &a.Facts, &a.UserID, &a.UserName, &ms); err != nil {
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
