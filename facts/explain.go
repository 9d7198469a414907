package facts

// An Explanation shows how the engine ranked the facts for a question: how
// it read the question and the features of each fact it scored.
type Explanation struct {
	Question string `json:"question"`
	// Resolved and Within are as in Answer: how a follow-up was read.
	Resolved string   `json:"resolved,omitempty"`
	Within   []string `json:"within,omitempty"`
	Type     string   `json:"type,omitempty"`
	// Analysis is how the question was read: its class, focus and
	// constraints.
	Analysis Analysis `json:"analysis"`
	// Corrections are the changes of spelling made to read the question.
	Corrections []Correction `json:"corrections,omitempty"`
	// Concepts are the question's concept groups and the index terms each
	// matches, with their weights.
	Concepts []Concept `json:"concepts"`
	// Confidence is the answer's confidence, Answerable the probability
	// that some fact answers (the engine abstains below a threshold of
	// it), and ConfidenceInputs what both were computed from, named by the
	// package variable ConfidenceInputs.
	Confidence       float64   `json:"confidence"`
	Answerable       float64   `json:"answerable"`
	ConfidenceInputs []float64 `json:"confidence_inputs,omitempty"`
	// Candidates are the facts of the second stage, best first.
	Candidates []Candidate `json:"candidates"`
}

// A Concept is one group of the question: a word or a name, and the terms
// that match it.
type Concept struct {
	Word       string  `json:"word"`
	Importance float64 `json:"importance"`
	Terms      []Term  `json:"terms"` // best first
}

// A Term is one index term a concept matches: its weight against the
// question's own word (1), and the expander it came from ("word",
// "synonym", "derived", "prefix", "typo", "abbreviation", "phrase", …).
type Term struct {
	Term   string  `json:"term"`
	Weight float64 `json:"weight"`
	Source string  `json:"source"`
}

// A Candidate is a fact the second stage scored.
type Candidate struct {
	Citation
	Score float64 `json:"score"`
	// Features are the fact's second-stage features, named by the package
	// variable FeatureNames.
	Features []float64 `json:"features"`
	// Matched is true when the fact holds the kind of answer asked for.
	Typed bool `json:"typed"`
	// Refused says why the fact does not answer the question ("it holds
	// no date"), or is empty when it may.
	Refused string `json:"refused,omitempty"`
}

// Explain ranks the facts for a question as Ask does, and returns how.
func (b *Base) Explain(question string) Explanation { return b.explain(question, nil) }

// explain is Explain with the facts kept to the articles keep allows, as ask.
func (b *Base) explain(question string, keep []bool) Explanation {
	e := Explanation{Question: question}
	s := b.getScratch()
	defer b.pool.Put(s)
	r, ok := b.search(s, question)
	if ok && keep != nil {
		ok = b.narrow(s, &r, keep)
	}
	e.Type, e.Corrections = r.q.want.String(), r.corrections
	if r.q.toks != nil {
		e.Analysis = r.q.analysis()
	}
	for _, g := range r.c.groups {
		c := Concept{Word: g.word, Importance: float64(g.imp), Terms: []Term{}}
		for _, a := range g.alts {
			c.Terms = append(c.Terms, Term{Term: b.terms[a.term], Weight: float64(a.w), Source: a.src.String()})
		}
		e.Concepts = append(e.Concepts, c)
	}
	if !ok {
		return e
	}
	e.Confidence, e.Answerable = r.confidence, r.answerable
	e.ConfidenceInputs = r.conf[:]
	for i, c := range r.cands {
		cand := Candidate{Citation: b.citation(c.fact, i+1), Score: float64(c.score), Typed: c.typed, Refused: b.check(&r.q, &r.c, &r.cands[i])}
		for _, x := range c.x {
			cand.Features = append(cand.Features, float64(x))
		}
		e.Candidates = append(e.Candidates, cand)
	}
	return e
}
