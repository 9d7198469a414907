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

	// Verdict is "yes" or "no" when the question asks whether something
	// is so and the first citation states or denies it; Text then says
	// it, with "Reportedly" when the fact hedges.
	Verdict Verdict `json:"verdict,omitempty"`

	// Type is the kind of answer the question asks for ("money", "count",
	// "date", "person", …), or "" when it asks for none in particular.
	Type string `json:"type,omitempty"`

	// Corrections are the changes of spelling the engine made to read the
	// question ("teh" read as "the"), in order.
	Corrections []Correction `json:"corrections,omitempty"`

	// Gap says, when the engine abstains, what the sources lack.
	Gap *Gap `json:"gap,omitempty"`

	// Resolved is, for a follow-up (AskInContext), the question it was
	// read as in its context ("how much did North Korea steal?" for "how
	// much did they steal?"); empty for a question that stands on its own.
	Resolved string `json:"resolved,omitempty"`

	// Within are the ids of the articles a follow-up's answer was kept to
	// ("the other article"); empty when it could cite any.
	Within []string `json:"within,omitempty"`

	// SmallTalk is true when the question holds no words to look up, only
	// greetings, thanks or request phrasing ("hi", "thanks!").
	SmallTalk bool `json:"small_talk,omitempty"`
}

// A Gap is what the sources lack to answer a question, and what the
// engine understood it to ask.
type Gap struct {
	// Asked is how the engine read the question: the class of answer, the
	// thing asked about and the names, numbers and dates it is about.
	Asked Analysis `json:"asked"`
	// Unknown are the question's words, as written, that no fact has:
	// most often a name the sources never mention.
	Unknown []string `json:"unknown,omitempty"`
	// Kind is the kind of answer asked for ("date", "money", …) when no
	// fact close to the question holds one.
	Kind string `json:"kind,omitempty"`
	// Counted is the thing a "how many" question counts, as the question
	// words it, when the closest facts hold numbers but none of them
	// counts it.
	Counted string `json:"counted,omitempty"`
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

// DescribeGap says in a sentence what the sources lack, or "" for no gap:
// "They never mention “Upbit”." or "They name no date for that."
func DescribeGap(g *Gap) string {
	if g == nil {
		return ""
	}
	var parts []string
	if u := g.Asked.describe(); u != "" {
		parts = append(parts, "I read it as asking "+u+".")
	}
	if len(g.Unknown) > 0 {
		quoted := make([]string, len(g.Unknown))
		for i, u := range g.Unknown {
			quoted[i] = "“" + u + "”"
		}
		parts = append(parts, "They never mention "+joinAnd(quoted)+".")
	}
	if g.Kind != "" {
		parts = append(parts, "The closest facts name no "+kindNoun(g.Kind)+" for that.")
	}
	if g.Counted != "" {
		parts = append(parts, "The closest facts give no count of “"+g.Counted+"”.")
	}
	return strings.Join(parts, " ")
}

// kindNoun is how DescribeGap names a kind of answer.
func kindNoun(k string) string {
	switch k {
	case "money", "count", "percent":
		return "amount"
	case "name", "person":
		return "name"
	case "organisation":
		return "organisation"
	}
	return k
}

// joinAnd joins items as a list in English: "a", "a and b", "a, b and c".
func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
