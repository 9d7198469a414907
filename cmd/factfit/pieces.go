package main

import (
	"strings"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/eval"
)

// Pieces are fact bases the size of a news report. SQuAD's articles run
// to about 4,000 words (the median, in 37 paragraphs), ten times a report
// of the kind the bot is pointed at, so that a base of one article is
// larger than any base it is asked of, and the questions it cannot answer
// are mostly about other articles. A piece is a run of consecutive
// paragraphs of one article, from a place its id picks, of pieceWords
// words or more. Bases of pieces set the smallest bases' abstention
// thresholds (episodes.go) and are measured (measure.go): asked the
// questions about their paragraphs, and, as questions they cannot answer,
// those about their articles' other paragraphs whose answers their text
// does not hold: on its topic, in its names, and unanswered, as most of
// what people ask of a short report and it cannot answer is.

// pieceWords is the fewest words of a piece: a short news report.
const pieceWords = 400

// A piece is a run of paragraphs of one article.
type piece struct {
	article facts.Article // its paragraphs, with the article's id and title
	lo, hi  int           // its paragraphs in the whole article: [lo, hi)
}

// cutPiece cuts the piece of article a: from the paragraph a hash of its
// id picks, forward (then back, at the article's end) until it has
// pieceWords words or is the whole article.
func cutPiece(a facts.Article) piece {
	n := len(a.Paragraphs)
	if n == 0 {
		return piece{article: a}
	}
	lo := int(hash(a.ID+"-piece") % uint64(n))
	hi, words := lo, 0
	for hi < n && words < pieceWords {
		words += len(strings.Fields(a.Paragraphs[hi]))
		hi++
	}
	for lo > 0 && words < pieceWords {
		lo--
		words += len(strings.Fields(a.Paragraphs[lo]))
	}
	p := a
	p.Paragraphs = a.Paragraphs[lo:hi]
	return piece{article: p, lo: lo, hi: hi}
}

// has reports whether question q, about the piece's article, is about one
// of the piece's paragraphs (a question's paragraph counts from 1).
func (p piece) has(q eval.Question) bool {
	i := q.Paragraph - 1
	return i >= p.lo && i < p.hi
}

// questions splits qs, questions about the piece's article, into those
// about its paragraphs and those about the others that its text does not
// answer (no gold answer in it), at most as many as the first, spread over
// the article.
func (p piece) questions(qs []eval.Question) (ans, near []eval.Question) {
	text := strings.Join(p.article.Paragraphs, "\n")
	var out []eval.Question
	for _, q := range qs {
		switch {
		case p.has(q):
			ans = append(ans, q)
		case !eval.HoldsAny(text, q.Facts) && !eval.HoldsAny(text, q.Answers):
			out = append(out, q)
		}
	}
	return ans, spread(out, len(ans))
}

// spread returns n of qs (all of them if they are fewer), evenly spaced.
func spread(qs []eval.Question, n int) []eval.Question {
	if len(qs) <= n {
		return qs
	}
	out := make([]eval.Question, 0, n)
	for k := range n {
		out = append(out, qs[k*len(qs)/n])
	}
	return out
}
