package store

import "github.com/factbot/factbot/facts"

// SetAnswer fills in what q keeps of the engine's answer: whether it
// answered, the confidence, the cited facts and, on an abstention, the
// closest facts offered.
func (q *Question) SetAnswer(a facts.Answer) {
	q.Answered = !a.Abstained()
	q.Confidence = a.Confidence
	q.Facts = factIDs(a.Citations)
	q.Suggestions = factIDs(a.Suggestions)
}

func factIDs(cs []facts.Citation) []string {
	if len(cs) == 0 {
		return nil
	}
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = FactID(c.Source, c.Paragraph, c.Quote)
	}
	return ids
}
