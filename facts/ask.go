package facts

import (
	"slices"
	"strings"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/text"
)

// Citation parameters. They shape what is cited beside the best fact, never
// which fact is first, so cite@1 and the abstentions do not depend on them;
// they were set by hand, for an answer that fits a chat message: at most
// five quotes, three suggestions, and beside the best fact only facts that
// score near it.
const (
	maxCitations   = 5
	maxSuggestions = 3
	// typedAlternatives is how many facts with an answer of the kind asked
	// for are cited when the best fact has none.
	typedAlternatives = 1
	// figureRatio is how close to the best fact's score another article's
	// fact must come to be cited for its own figure, when the question asks
	// for an amount.
	figureRatio = 0.4
	// corroborateRatio is how close to the best fact's score another fact
	// must come to be cited beside it.
	corroborateRatio = 0.6
)

// Ask answers a question from the fact base. The answer quotes the best
// fact and every fact that says the same, or abstains, with the closest
// facts as suggestions, when its confidence is under the abstention
// threshold. Ask is deterministic and safe for concurrent use.
//
// A question goes through the pipeline's stages in order, each taking the
// values the ones before it returned: parse (question → query), compile
// (query × index → concept groups of weighted terms), retrieve (→ the best
// passages), read (→ the facts of those passages, scored and ordered),
// confidence, and the answer (citations and the short answer).
//
// A question that leans on a conversation it does not have ("how much did
// they steal?") is read about the fact base's main subject, when it has one
// (subject.go); Answer.Resolved then shows how it was read.
func (b *Base) Ask(question string) Answer { return b.AskInContext(question, nil) }

// ask is Ask with the facts it may cite kept to the articles keep allows
// (all of them when keep is nil), for a follow-up about one (followup.go).
func (b *Base) ask(question string, keep []bool) Answer {
	s := b.getScratch()
	defer b.pool.Put(s)
	r, ok := b.search(s, question)
	if ok && keep != nil {
		ok = b.narrow(s, &r, keep)
	}
	ans := Answer{Question: question, Citations: []Citation{}, Type: r.q.want.String(), Corrections: r.corrections}
	if k := b.surveyKind(&r.q, &r.c); k != 0 && keep == nil {
		// "Which countries are named?": every fact is as near as another.
		if cited, text := b.survey(s, &r.q, &r.c, k); len(cited) > 0 {
			ans.Citations = make([]Citation, 0, len(cited))
			for i, f := range cited {
				ans.Citations = append(ans.Citations, b.citation(f, i+1))
			}
			// The answer quotes every thing it lists from a fact that
			// names it: no model's guess stands behind it.
			ans.Type, ans.Text, ans.Confidence = k.String(), text, 1
			return ans
		}
	}
	if !ok {
		// Empty, small talk or noise: nothing to look up. Or words of
		// content no fact shares: say which ("They never mention “EU”").
		ans.SmallTalk = len(r.c.groups) > 0 && r.c.total == 0
		if r.c.total > 0 {
			ans.Gap = b.gap(&r)
		}
		return ans
	}
	ans.Confidence = r.confidence
	if r.answerable < b.weights.AbstainBelowFor(len(b.facts)) || !b.passes(&r) {
		ans.Suggestions = b.suggestions(r.cands)
		ans.Gap = b.gap(&r)
		return ans
	}
	cited := b.corroborate(&r.q, r.cands)
	if r.q.compare {
		// "Do the articles agree…?": each article's own answer.
		if pa := b.perArticle(&r.q, r.cands); len(pa) > 1 {
			cited = pa
		}
	}
	ans.Citations = make([]Citation, 0, len(cited))
	for i, f := range cited {
		ans.Citations = append(ans.Citations, b.citation(f, i+1))
	}
	ans.Verdict, ans.Text = b.answerText(s, &r, cited)
	return ans
}

// answerText returns the short answer above the quotes of the facts cited
// for r: a comparison of the articles' answers, a yes/no verdict, a list,
// the part of the best fact of the kind asked for, or else the best fact.
func (b *Base) answerText(s *scratch, r *result, cited []uint32) (Verdict, string) {
	if r.q.compare {
		if t := b.compareAnswer(s, &r.q, &r.c, cited); t != "" {
			return "", t
		}
	}
	if i, j, ok := choice(&r.q); ok {
		// "More or less toxic?" is answered "less", or by the quote.
		if c := chosen(&r.q, &r.c, &r.cands[0], i, j); c != "" {
			return "", c
		}
		return "", b.facts[r.cands[0].fact].text
	}
	if v, hedged := b.verdict(s, &r.q, &r.c, &r.cands[0]); v != "" {
		return v, verdictText(v, hedged)
	}
	if t := b.listAnswer(s, &r.q, &r.c, cited, r.cands); t != "" {
		return "", t
	}
	best := r.cands[0].fact
	if t := b.shortAnswer(s, &r.q, &r.c, best); t != "" && !echoes(s, &r.q, t) {
		return "", t
	}
	if t := b.spanAnswer(r); t != "" {
		return "", t
	}
	return "", b.facts[best].text
}

// echoes reports whether every word of a short answer but function words
// is a word of the question ("Joachimstalers" for "Who began minting the
// coins known as Joachimstalers?"): such an answer says nothing the
// question did not, and the quote says more.
func echoes(s *scratch, q *query, answer string) bool {
	content := false
	for _, t := range s.z.Tokenize(answer) {
		if t.Flags&text.Aux != 0 {
			continue
		}
		w := text.Key(s.z.Word(t), t.Flags)
		if lang.Stopwords[w] {
			continue
		}
		if !slices.Contains(q.words, w) {
			return false
		}
		content = true
	}
	return content
}

// passes reports whether one of the facts that would be cited passes the
// candidate checks (check.go): the engine never answers "when" with a fact
// that names no time.
func (b *Base) passes(r *result) bool {
	for i := range r.cands[:min(len(r.cands), maxCitations)] {
		if b.check(&r.q, &r.c, &r.cands[i]) == "" {
			return true
		}
	}
	return false
}

// A result is a question taken through the pipeline up to the answer.
type result struct {
	q           query
	corrections []Correction
	c           compiled
	cands       []cand // best first
	conf        [nConfInputs]float64
	confidence  float64 // that the first candidate answers
	answerable  float64 // that some fact answers: the engine abstains by it
	// span is the best fact's span that the span model picks, and its
	// probability, read before the confidence when the question is one a
	// span may answer (spanAsks); spanRead says it was.
	span     string
	spanP    float64
	spanRead bool
}

// search runs the stages before the answer. It reports false when there is
// nothing to rank: no words of content, or no fact that shares any.
func (b *Base) search(s *scratch, question string) (result, bool) {
	var r result
	if strings.TrimSpace(question) == "" || len(b.facts) == 0 {
		return r, false
	}
	s.extract.ready = false
	r.q = parse(s.z, question, s.toks[:0], s.words[:0])
	r.q, r.corrections = b.correct(s, r.q)
	r.q = b.truecase(s, r.q)
	s.toks, s.words = r.q.toks, r.q.words
	if r.q.defines == "" {
		r.q.defines = b.definedInChat(&r.q)
	}
	r.c = b.compile(s, &r.q)
	if r.c.total == 0 {
		return r, false
	}
	top := b.retrieve(s, &r.c)
	r.cands = b.read(s, &r.q, &r.c, top)
	if len(r.cands) == 0 {
		return r, false
	}
	b.judge(s, &r)
	return r, true
}

// judge reads r's best fact for a span, then how sure the engine is of it
// and that the sources answer at all, from what the ranking found.
func (b *Base) judge(s *scratch, r *result) {
	b.readSpan(s, r)
	r.conf = b.confInputs(r)
	r.confidence = b.weights.confidence(r.conf)
	r.answerable = b.weights.answerable(r.conf)
}

// gap says what the sources lack for r: the words no fact has, and the
// kind of answer asked for when the best facts hold none.
func (b *Base) gap(r *result) *Gap {
	g := &Gap{Asked: r.q.analysis()}
	for _, cg := range r.c.groups {
		if len(cg.alts) == 0 && !cg.chatter {
			t := r.q.toks[cg.tok]
			g.Unknown = append(g.Unknown, r.q.text[t.Start:t.End])
		}
	}
	switch {
	case len(r.cands) == 0:
	case r.q.want != 0 && !r.cands[0].typed:
		g.Kind = r.q.want.String()
	case b.check(&r.q, &r.c, &r.cands[0]) != "":
		g.Counted = focusWords(&r.c)
	}
	return g
}

// suggestions returns the closest facts, for an abstention: the first
// maxSuggestions candidates that say different things.
func (b *Base) suggestions(cands []cand) []Citation {
	var shown []uint32
	var out []Citation
	for i := 0; i < len(cands) && len(shown) < maxSuggestions; i++ {
		if f := cands[i].fact; !b.quoted(shown, b.facts[f].text) {
			shown = append(shown, f)
			out = append(out, b.citation(f, len(shown)))
		}
	}
	return out
}

// corroborate returns the best fact and the other candidates that say the
// same thing, best first: close in score and, when the question asks for a
// kind of answer, with one of that kind. When there are more than maxCitations, each article's
// best fact still makes the list, so that every source that agrees is
// cited.
func (b *Base) corroborate(q *query, cands []cand) []uint32 {
	best := cands[0]
	out := []uint32{best.fact}
	// For an amount, the figures cited beside the best fact's are of its
	// kind: an amount of money beside an amount of money, not a share.
	figure := best.found & q.want & amounts
	if q.want != 0 && !best.typed {
		// The best fact has no answer of the kind asked for: the best
		// that has one is cited too, whatever its score.
		for _, c := range cands[1:] {
			if c.typed && len(out) <= typedAlternatives && !b.quoted(out, b.facts[c.fact].text) {
				out = append(out, c.fact)
			}
		}
	}
	var extra []uint32 // the best fact of articles past the cut
	for _, c := range cands[1:] {
		if c.score < corroborateRatio*best.score {
			break
		}
		f := &b.facts[c.fact]
		if q.want != 0 && !c.typed || figure != 0 && c.found&figure == 0 || b.quoted(out, f.text) || b.quoted(extra, f.text) || slices.Contains(out, c.fact) {
			continue
		}
		switch {
		case len(out) < maxCitations:
			out = append(out, c.fact)
		case !dupArticle(b, out, f.article) && !dupArticle(b, extra, f.article):
			extra = append(extra, c.fact)
		}
	}
	// Where another article gives its own figure, it is shown too.
	if figure != 0 {
		for _, c := range cands[1:] {
			if c.score < figureRatio*best.score {
				break
			}
			f := &b.facts[c.fact]
			if c.typed && c.found&figure != 0 && !dupArticle(b, out, f.article) && !dupArticle(b, extra, f.article) {
				if len(out) < maxCitations {
					out = append(out, c.fact)
				} else {
					extra = append(extra, c.fact)
				}
			}
		}
	}
	// Make room for the articles past the cut, in place of later facts of
	// articles already cited.
	for i := len(out) - 1; i > 0 && len(extra) > 0; i-- {
		if dupArticle(b, out[:i], b.facts[out[i]].article) {
			out[i], extra = extra[0], extra[1:]
		}
	}
	return out
}

// quoted reports whether one of facts says text, word for word.
func (b *Base) quoted(facts []uint32, text string) bool {
	for _, f := range facts {
		if b.facts[f].text == text {
			return true
		}
	}
	return false
}

// dupArticle reports whether one of facts is from article a.
func dupArticle(b *Base, facts []uint32, a uint32) bool {
	for _, f := range facts {
		if b.facts[f].article == a {
			return true
		}
	}
	return false
}
