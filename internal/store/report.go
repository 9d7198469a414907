package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"
)

// A Report is what an admin reads: what was asked since a time, what went
// unanswered, what was voted down and why, and which articles were cited.
type Report struct {
	Since time.Time `json:"since"`

	Asked     int `json:"asked"`     // questions
	Answered  int `json:"answered"`  // of them, answered
	Abstained int `json:"abstained"` // of them, abstained
	Up        int `json:"up"`        // 👍 votes
	Down      int `json:"down"`      // 👎 votes

	Unanswered []Unanswered   `json:"unanswered"` // most asked first
	Downvoted  []Downvoted    `json:"downvoted"`  // latest first
	Articles   []ArticleCount `json:"articles"`   // most cited first
}

// Unanswered is a question the engine abstained on, grouped with the
// questions that read the same once normalised.
type Unanswered struct {
	Question    string    `json:"question"`    // the latest wording
	Count       int       `json:"count"`       // times asked
	Last        time.Time `json:"last"`        // when last asked
	Suggestions []string  `json:"suggestions"` // the closest facts offered, by id
}

// Downvoted is an answer that got a 👎, with the voter's reason.
type Downvoted struct {
	AnswerID   string    `json:"answer_id"`
	Question   string    `json:"question"` // "" when the question is no longer kept
	Answered   bool      `json:"answered"`
	Confidence float64   `json:"confidence"`
	Facts      []string  `json:"facts"` // the facts it cited
	Reason     Reason    `json:"reason,omitempty"`
	Note       string    `json:"note,omitempty"`
	Time       time.Time `json:"time"`
}

// ArticleCount is how often an article was cited.
type ArticleCount struct {
	Article   string `json:"article"`
	Citations int    `json:"citations"`
}

// Limits on the rows of each part of a report.
const (
	reportUnanswered = 50
	reportDownvoted  = 50
)

// Report reads what was asked and voted from since on.
func (s *DB) Report(ctx context.Context, since time.Time) (Report, error) {
	r := Report{Since: since}
	ms := since.UnixMilli()
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(answered), 0) FROM questions WHERE asked_at >= $1`, ms).
			Scan(&r.Asked, &r.Answered); err != nil {
			return err
		}
		r.Abstained = r.Asked - r.Answered
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(helpful), 0) FROM votes WHERE voted_at >= $1`, ms).
			Scan(&r.Down, &r.Up); err != nil {
			return err
		}
		r.Down -= r.Up
		var err error
		if r.Unanswered, err = unanswered(ctx, tx, ms); err != nil {
			return err
		}
		if r.Downvoted, err = downvoted(ctx, tx, ms); err != nil {
			return err
		}
		r.Articles, err = cited(ctx, tx, ms)
		return err
	})
	if err != nil {
		return Report{}, fmt.Errorf("store: report: %w", err)
	}
	return r, nil
}

func unanswered(ctx context.Context, tx *sql.Tx, ms int64) ([]Unanswered, error) {
	// The latest wording and suggestions of each group: the row with the
	// group's latest time (ties broken by id).
	rows, err := tx.QueryContext(ctx, `
		SELECT g.n, g.last, q.text, q.suggestions
		FROM (SELECT norm, COUNT(*) AS n, MAX(asked_at) AS last FROM questions
		      WHERE answered = 0 AND asked_at >= $1 GROUP BY norm) g
		JOIN questions q ON q.id = (SELECT id FROM questions
		      WHERE norm = g.norm AND answered = 0 AND asked_at = g.last ORDER BY id DESC LIMIT 1)
		ORDER BY g.n DESC, g.last DESC
		LIMIT $2`, ms, reportUnanswered)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Unanswered
	for rows.Next() {
		var u Unanswered
		var last int64
		var sugg string
		if err := rows.Scan(&u.Count, &last, &u.Question, &sugg); err != nil {
			return nil, err
		}
		u.Last, u.Suggestions = time.UnixMilli(last).UTC(), lines(sugg)
		out = append(out, u)
	}
	return out, rows.Err()
}

func downvoted(ctx context.Context, tx *sql.Tx, ms int64) ([]Downvoted, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT v.answer_id, v.voted_at, v.reason, v.note,
		       COALESCE(q.text, ''), COALESCE(q.answered, 0), COALESCE(q.confidence, 0), COALESCE(q.facts, '')
		FROM votes v LEFT JOIN questions q ON q.id = v.answer_id
		WHERE v.helpful = 0 AND v.voted_at >= $1
		ORDER BY v.voted_at DESC, v.answer_id
		LIMIT $2`, ms, reportDownvoted)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Downvoted
	for rows.Next() {
		var d Downvoted
		var at int64
		var answered int
		var reason, facts string
		if err := rows.Scan(&d.AnswerID, &at, &reason, &d.Note, &d.Question, &answered, &d.Confidence, &facts); err != nil {
			return nil, err
		}
		d.Time, d.Reason, d.Answered, d.Facts = time.UnixMilli(at).UTC(), Reason(reason), answered == 1, lines(facts)
		out = append(out, d)
	}
	return out, rows.Err()
}

func cited(ctx context.Context, tx *sql.Tx, ms int64) ([]ArticleCount, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT c.article, COUNT(*) FROM citations c JOIN questions q ON q.id = c.question_id
		WHERE q.asked_at >= $1 GROUP BY c.article ORDER BY COUNT(*) DESC, c.article`, ms)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ArticleCount
	for rows.Next() {
		var a ArticleCount
		if err := rows.Scan(&a.Article, &a.Citations); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// WithArticles adds to r.Articles, with no citations, each article of all
// that it does not name, so that the least cited articles include those
// never cited; the order stays most cited first, then by name.
func (r *Report) WithArticles(all []string) {
	seen := map[string]bool{}
	for _, a := range r.Articles {
		seen[a.Article] = true
	}
	for _, a := range all {
		if !seen[a] {
			seen[a] = true
			r.Articles = append(r.Articles, ArticleCount{Article: a})
		}
	}
	sort.SliceStable(r.Articles, func(i, j int) bool {
		a, b := r.Articles[i], r.Articles[j]
		if a.Citations != b.Citations {
			return a.Citations > b.Citations
		}
		return a.Article < b.Article
	})
}

// MostCited and LeastCited return up to n articles from each end of
// r.Articles.
func (r Report) MostCited(n int) []ArticleCount { return r.Articles[:min(n, len(r.Articles))] }

// LeastCited returns up to n of the least cited articles, least first.
func (r Report) LeastCited(n int) []ArticleCount {
	out := make([]ArticleCount, 0, n)
	for i := len(r.Articles) - 1; i >= 0 && len(out) < n; i-- {
		out = append(out, r.Articles[i])
	}
	return out
}

// lines splits a stored list, one item a line.
func lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
