package facts

import "strings"

// An Answer is the engine's reply to one question. Its JSON form is the
// contract that `factbot ask --json`, the HTTP /ask endpoint and the
// evaluation read.
type Answer struct {
	Question string `json:"question"`

	// Text is the short answer (an amount, a date, a name, a list) where the
	// question asks for one, else the best fact's quote. It is empty when the
	// engine abstains.
	Text string `json:"answer"`

	// Confidence is the calibrated chance, in [0, 1], that the first
	// citation answers the question.
	Confidence float64 `json:"confidence"`

	// Citations are the facts that answer the question, best first,
	// numbered from 1. Empty when the engine abstains.
	Citations []Citation `json:"citations"`

	// Suggestions are the closest facts when the engine abstains: offered
	// as "you may be interested in", never as an answer.
	Suggestions []Citation `json:"suggestions,omitempty"`

	// Type is the kind of answer the question asks for ("money", "count",
	// "date", "person", …), or "" when it asks for none in particular.
	Type string `json:"type,omitempty"`
}

// Abstained reports whether the engine declined to answer.
func (a Answer) Abstained() bool { return strings.TrimSpace(a.Text) == "" && len(a.Citations) == 0 }

// Quotes returns the quotes of the citations, in order.
func (a Answer) Quotes() []string {
	qs := make([]string, len(a.Citations))
	for i, c := range a.Citations {
		qs[i] = c.Quote
	}
	return qs
}

// A Citation is one quoted fact with where it comes from.
type Citation struct {
	N         int    `json:"n"`
	Source    string `json:"source"` // the article id
	Title     string `json:"title"`
	Publisher string `json:"publisher,omitempty"`
	URL       string `json:"url,omitempty"`
	Paragraph int    `json:"paragraph"` // body paragraph, from 1
	Quote     string `json:"quote"`     // the sentence, verbatim
}
