// Package squadsplit is how the commands that learn from SQuAD train
// (cmd/factfit, facts/cmd/translatetrain) divide its questions, in one
// place, so that none of them learns from questions another fits, tunes or
// measures with.
//
// Read questions.jsonl in file order. The questions of sample-2000.jsonl
// are measured only. Of the others, every seventh is picked for the
// ranking and confidence fits: about an article of the fact base it trains
// them (Fit), about a held-out article (every tenth, HeldOutArticle) it is
// their held-out slice (HeldOut). The rest about held-out articles are the
// general measure's (General); the rest about the base's articles are, of
// every ten in turn, six the span reader's training questions (SpanTrain),
// one the tuning slice that sets the span reader's floor and the
// abstention thresholds (Tuning), and three that no fit uses (Measure),
// which the learned table learns from with the span reader's. The General
// questions are the measuring split (internal/eval/cmd/measuresplit): no
// fit, nor the table, has seen them or their articles.
package squadsplit

import (
	"strconv"
	"strings"
)

// A Part is where a question goes.
type Part uint8

const (
	Sample Part = iota
	Fit
	HeldOut
	General
	SpanTrain
	Tuning
	Measure
)

var partNames = [...]string{"sample", "fit", "held-out", "general", "span-train", "tuning", "measure"}

func (p Part) String() string { return partNames[p] }

// A Splitter gives the part of each question of questions.jsonl, asked in
// file order.
type Splitter struct {
	sample  map[string]bool
	n, rest int
}

// New returns a Splitter for the ids of sample-2000.jsonl.
func New(sample []string) *Splitter {
	s := &Splitter{sample: make(map[string]bool, len(sample))}
	for _, id := range sample {
		s.sample[id] = true
	}
	return s
}

// Next returns the part of the next question of questions.jsonl, by its id
// and its article's id.
func (s *Splitter) Next(id, article string) Part {
	if s.sample[id] {
		return Sample
	}
	s.n++
	picked := s.n%7 == 0
	switch {
	case HeldOutArticle(article) && picked:
		return HeldOut
	case HeldOutArticle(article):
		return General
	case picked:
		return Fit
	}
	s.rest++
	return RestPart(s.rest - 1)
}

// RestPart returns the part of the i-th question (from 0) about the base's
// articles that no fit picked.
func RestPart(i int) Part {
	switch r := i % 10; {
	case r < TuningSlice:
		return SpanTrain
	case r == TuningSlice:
		return Tuning
	}
	return Measure
}

// TuningSlice is which of every ten questions of the rest tunes.
const TuningSlice = 6

// HeldOutArticle reports whether the SQuAD article id ("049-slug") is held
// out of the fact base: every tenth, by its number (NNN % 10 == 9). An id
// with no number is not.
func HeldOutArticle(id string) bool {
	digits := id[:len(id)-len(strings.TrimLeft(id, "0123456789"))]
	n, err := strconv.Atoi(digits)
	return err == nil && n%10 == 9
}
