package facts

import (
	"slices"
	"strings"
	"unicode"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/text"
)

// Follow-ups: a question read in the context of the conversation before it.
//
// A question is a follow-up when it leans on the turn before it: it holds a
// pronoun and names nothing ("how much did they steal?"), points at a
// source cited before ("that report", "the other article"), opens by
// continuing ("and in 2018?", "what about Japan?"), or asks with no word of
// content ("why?"). Any other question stands on its own and is answered as
// Ask answers it, whatever the context.
//
// A follow-up is resolved against the last turn that was answered (a turn
// the sources could not answer says nothing the fact base knows): its
// subject is the name its question asked to define ("What is X?"), else the
// name its answer gave when one was asked for ("they" after "Who stole
// it?" is whoever the answer named), else the name its question used, else
// the name its cited facts use most (followup_names.go); a subject any of
// whose words the fact base does not know is passed over. The
// pronoun is read as the subject; an ellipsis takes the previous question's
// words after its own (when it asks with a question word of its own), or
// is read as the previous question with its name swapped for the new one
// ("what about Japan?") or with the follow-up's words added ("and in
// 2018?"). "The other article" keeps the answer to the articles other than
// the one the previous answer quoted first; "that report" to that one. The
// resolution is a question of the follow-up's own words and the context's:
// the context's words weigh as much as the question's own, since they stand
// in for a pronoun or an ellipsis that carried no weight.

// A Turn is one earlier exchange of a conversation: a question and, if it
// is at hand, the answer it was given.
type Turn struct {
	Question string `json:"question"`
	// Answer is the answer the question was given, or nil: the engine then
	// asks the question again, in the context of the turns before it.
	Answer *Answer `json:"answer,omitempty"`
}

// maxTurns is how many of the last turns a follow-up is read with.
const maxTurns = 8

// AskInContext answers question as the next turn of a conversation, turns
// being the earlier ones, oldest first. A question that stands on its own
// gets the answer Ask gives it. A follow-up is answered as the question it
// stands for, which Answer.Resolved shows (and Answer.Within the articles
// the answer was kept to); Answer.Question is the question as asked.
func (b *Base) AskInContext(question string, turns []Turn) Answer {
	f := b.resolve(question, turns)
	a := b.ask(f.text, f.keep)
	a.Question = question
	a.Resolved, a.Within = f.shown(question)
	return a
}

// ExplainInContext explains the answer AskInContext gives.
func (b *Base) ExplainInContext(question string, turns []Turn) Explanation {
	f := b.resolve(question, turns)
	e := b.explain(f.text, f.keep)
	e.Question = question
	e.Resolved, e.Within = f.shown(question)
	return e
}

// A resolution is a question as read in its context.
type resolution struct {
	text   string
	keep   []bool   // article → may be cited; nil: every article
	within []string // the ids of the articles kept, when keep is set
}

// shown returns what an answer shows of the resolution: the question as
// read, when it is not the question asked, and the articles kept to.
func (f resolution) shown(asked string) (string, []string) {
	if f.text == asked {
		return "", f.within
	}
	return f.text, f.within
}

// resolve reads question in the context of turns.
func (b *Base) resolve(question string, turns []Turn) resolution {
	f := resolution{text: question}
	if strings.TrimSpace(question) == "" || len(b.facts) == 0 || len(turns) == 0 && b.mainSubject() == "" {
		return f // nothing it could lean on
	}
	r := b.readFollowup(question)
	if !r.isFollowup() {
		return f // before the turns are asked again: a question alone costs nothing more
	}
	prev, ok := b.lastAnswered(turns)
	if !ok {
		// No turn to lean on: a pronoun is read as the fact base's main
		// subject, if it has one (subject.go).
		f.text = b.readAlone(r)
		return f
	}
	prevQ := prev.Question
	if prev.Resolved != "" {
		prevQ = prev.Resolved
	}
	subject := b.subject(prev, prevQ)
	f.text = r.rewrite(subject, prevQ, b)
	if r.docFrom < r.docTo {
		// The article pointed at is the first citation's: "the other
		// article" after an answer that cited two is the one not quoted first.
		f.keep, f.within = b.keepArticles(prev.Citations[:1], r.other)
	}
	return f
}

// lastAnswered returns the answer of the last of turns that was answered,
// asking again the questions whose answers are not at hand.
func (b *Base) lastAnswered(turns []Turn) (Answer, bool) {
	turns = turns[max(0, len(turns)-maxTurns):]
	ctx := make([]Turn, 0, len(turns))
	answers := make([]Answer, len(turns))
	for i, t := range turns {
		if t.Answer != nil {
			answers[i] = *t.Answer
		} else {
			answers[i] = b.AskInContext(t.Question, ctx)
		}
		ctx = append(ctx, Turn{Question: t.Question, Answer: &answers[i]})
	}
	for i := len(answers) - 1; i >= 0; i-- {
		if len(answers[i].Citations) > 0 {
			return answers[i], true
		}
	}
	return Answer{}, false
}

// keepArticles returns which articles a follow-up about a source may cite:
// those cited (other false) or those not (other true). It keeps every
// article when that would keep none.
func (b *Base) keepArticles(cited []Citation, other bool) ([]bool, []string) {
	was := map[string]bool{}
	for _, c := range cited {
		was[c.Source] = true
	}
	keep := make([]bool, len(b.articles))
	var ids []string
	for i, a := range b.articles {
		if was[a.ID] != other {
			keep[i] = true
			ids = append(ids, a.ID)
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	return keep, ids
}

// narrow keeps the candidates of r from the articles keep allows, and
// measures the confidence again; it reports false when none is left.
func (b *Base) narrow(s *scratch, r *result, keep []bool) bool {
	cands := r.cands[:0]
	for _, c := range r.cands {
		if keep[b.facts[c.fact].article] {
			cands = append(cands, c)
		}
	}
	r.cands = cands
	if len(cands) == 0 {
		return false
	}
	b.judge(s, r)
	return true
}

// A followup is a question read for what it leans on.
type followup struct {
	q       string
	toks    []text.Token // its words, extra forms left out
	words   []string
	opener  int  // toks[:opener] continue the previous question: "and", "what about"
	pronoun int  // the first pronoun that stands for something said before, or -1
	docFrom int  // toks[docFrom:docTo] point at a source: "that report", "the other article"
	docTo   int  //
	other   bool // the source is the other one
	content int  // words of content, outside the opener and the source
	saying  int  // of which verbs of saying ("what does that report say?")
	asks    bool // it has a question word of its own
	named   bool // it names something
}

// readFollowup reads question for what it leans on.
func (b *Base) readFollowup(question string) followup {
	r := followup{q: question, pronoun: -1}
	z := text.NewTokenizer()
	for _, t := range z.Tokenize(question) {
		if t.Flags&text.Aux == 0 {
			r.toks = append(r.toks, t)
			r.words = append(r.words, text.Key(z.Word(t), t.Flags))
		}
	}
	for n := min(3, len(r.words)); n > 0; n-- {
		// The opener's words as written, nothing between them: "what %
		// of…" opens with no "what of".
		opener := strings.Join(r.words[:n], " ")
		if lang.FollowupOpeners[opener] && strings.ToLower(tidy(question[:r.toks[n-1].End])) == opener {
			r.opener = n
			break
		}
	}
	for i, w := range r.words {
		if i+1 < len(r.words) && lang.DocumentNouns[r.words[i+1]] && r.docTo == 0 {
			switch w {
			case "other", "another":
				r.docFrom, r.docTo, r.other = i, i+2, true
				if i > 0 && r.words[i-1] == "the" {
					r.docFrom--
				}
			case "that", "this", "these", "those":
				r.docFrom, r.docTo = i, i+2
			}
		}
	}
	for i, w := range r.words {
		switch {
		case i < r.opener || i >= r.docFrom && i < r.docTo:
		case lang.QuestionWords[w]:
			r.asks = true
		case lang.Anaphors[w] || lang.AnaphorPossessives[w]:
			if r.pronoun < 0 {
				r.pronoun = i
			}
		case b.nameWord(w, r.toks[i].Flags):
			r.named = true
			r.content++
		case r.toks[i].Flags&text.Number != 0 || !lang.Stopwords[w] && !lang.Chatter[w] && !lang.Auxiliaries[w] && !lang.Copulas[w]:
			r.content++
			if lang.SayingVerbs[w] {
				r.saying++
			}
		}
	}
	if r.named {
		r.pronoun = -1 // the pronoun may stand for a name of the question's own
	}
	return r
}

// isFollowup reports whether the question leans on the one before.
func (r followup) isFollowup() bool {
	return r.opener > 0 || r.pronoun >= 0 || r.docFrom < r.docTo || r.content == 0 && r.asks
}

// elliptic reports whether the question leaves out what it asks about.
// A question about a source that asks only what it says ("what does the
// other article say?") leaves out what about, too.
func (r followup) elliptic() bool {
	return r.opener > 0 || r.content == 0 || r.docFrom < r.docTo && r.content == r.saying
}

// rewrite returns the question the follow-up stands for.
func (r *followup) rewrite(subject, prevQ string, b *Base) string {
	// The follow-up's own words: without its opener and its source, the
	// pronoun read as the subject.
	if !r.elliptic() && r.docFrom == r.docTo && (r.pronoun < 0 || subject == "") {
		return r.q // nothing to read otherwise
	}
	var sb strings.Builder
	last := 0
	if r.opener > 0 {
		last = int(r.toks[r.opener-1].End)
	}
	for i, t := range r.toks {
		switch {
		case i >= r.docFrom && i < r.docTo:
			sb.WriteString(r.q[last:t.Start])
			last = int(t.End)
		case i == r.pronoun && subject != "":
			sb.WriteString(r.q[last:t.Start])
			sb.WriteString(subject)
			if lang.AnaphorPossessives[r.words[i]] {
				sb.WriteString("’s")
			}
			last = int(t.End)
		}
	}
	sb.WriteString(r.q[last:])
	own := tidy(sb.String())
	switch {
	case !r.elliptic():
		return own
	case r.docFrom < r.docTo && r.content == r.saying:
		return tidy(prevQ) // "what does the other article say?": the same question
	}
	if r.asks {
		// "why?", "and when?": its question word, the previous question's words.
		return strings.TrimRight(own, "?!. ") + " " + contentOf(prevQ, own)
	}
	base := strings.TrimRight(tidy(prevQ), "?!. ")
	if r.named {
		// "what about Japan?": the previous question about the new name.
		if from, to, ok := b.nameRun(base); ok {
			return tidy(base[:from] + strings.TrimRight(own, "?!. ") + base[to:] + "?")
		}
	}
	if own == "" || strings.Trim(own, "?!. ") == "" {
		return base + "?"
	}
	if n := articleRun(own); n > 0 {
		// "and the tunnel?": the previous question about the new thing,
		// in place of its first thing of as many words.
		if from, to, ok := thingRun(base, n); ok {
			return tidy(base[:from] + strings.TrimRight(own, "?!. ") + base[to:] + "?")
		}
	}
	return base + " " + strings.TrimRight(own, "?!. ") + "?"
}

// articleRun returns how many words of content follow the article that
// opens own, when that is all own is ("the tunnel": 1), or 0.
func articleRun(own string) int {
	ws := strings.Fields(strings.ToLower(strings.TrimRight(own, "?!. ")))
	if len(ws) < 2 || len(ws) > 4 || ws[0] != "the" && ws[0] != "a" && ws[0] != "an" {
		return 0
	}
	for _, w := range ws[1:] {
		if lang.Stopwords[w] || lang.QuestionWords[w] {
			return 0
		}
	}
	return len(ws) - 1
}

// thingRun returns where q's first article and the n words of content
// after it run ("the bridge" of "how much will the bridge cost"), or
// false.
func thingRun(q string, n int) (from, to int, ok bool) {
	z := text.NewTokenizer()
	var toks []text.Token
	var words []string
	for _, t := range z.Tokenize(q) {
		if t.Flags&text.Aux == 0 {
			toks, words = append(toks, t), append(words, text.Key(z.Word(t), t.Flags))
		}
	}
	for i, w := range words {
		if w != "the" && w != "a" && w != "an" {
			continue
		}
		if i+n >= len(words) {
			return 0, 0, false
		}
		for _, v := range words[i+1 : i+1+n] {
			if lang.Stopwords[v] || lang.Auxiliaries[v] || lang.QuestionWords[v] {
				return 0, 0, false
			}
		}
		return int(toks[i].Start), int(toks[i+n].End), true
	}
	return 0, 0, false
}

// contentOf returns the words of q that are not stop words or question
// words, nor words of own, as written, joined by spaces, with a question
// mark.
func contentOf(q, own string) string {
	var ownWords []string
	for _, o := range strings.Fields(strings.ToLower(own)) {
		o = strings.Trim(o, "?!.,;:")
		ownWords = append(ownWords, strings.TrimSuffix(strings.TrimSuffix(o, "’s"), "'s"))
	}
	z := text.NewTokenizer()
	var out []string
	for _, t := range z.Tokenize(q) {
		w := text.Key(z.Word(t), t.Flags)
		if t.Flags&text.Aux != 0 || lang.Stopwords[w] || lang.QuestionWords[w] || lang.Auxiliaries[w] || lang.Chatter[w] ||
			slices.Contains(ownWords, w) {
			continue
		}
		out = append(out, q[t.Start:t.End])
	}
	return strings.Join(out, " ") + "?"
}

// tidy trims s and folds its runs of white space into one space.
func tidy(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}
