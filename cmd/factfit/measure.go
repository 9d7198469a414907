package main

import (
	"context"
	"math/rand/v2"
	"slices"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/facts/paraphrase"
	"github.com/factbot/factbot/internal/eval"
	"github.com/factbot/factbot/internal/squadsplit"
)

// The general measure asks what the bot meets in chat of fact bases too
// small to share the question's words: bases of one or two held-out
// articles (those whose number ends in 9, never in a fit's fact base),
// with their questions that neither the fit nor sample-2000.jsonl uses
// (every generalStride-th), as written, as chat (chatnoise.py's twin),
// paraphrased (package paraphrase: each content word, with probability
// paraphraseP, becomes a WordNet synonym the base's text lacks) and as
// paraphrased chat (the same changes made to the chat twin). Each base
// is also asked as many questions about other held-out articles, half as
// many about the three held-out articles nearest its own (near.go), and
// the adversary's twins of its questions, in the same four forms. Bases of
// pieces of one or two held-out articles (pieces.go), the size of news
// reports, are asked the same, but of every question about their
// paragraphs, not every generalStride-th (a piece has a few paragraphs of
// its article's dozens, and the bot's own bases are of that size), and
// their near questions are about their articles' other paragraphs. The
// engine answers each with Ask, its weights and threshold as they are.

const (
	generalStride = 3
	paraphraseP   = 0.5
)

var (
	generalSizes    = []int{1, 2}
	generalPieces   = []int{1, 2} // bases of pieces of held-out articles (pieces.go), after those of articles
	generalVariants = []string{"clean", "chat", "paraphrase", "chat-paraphrase", "chat-paraphrase-all"}
)

// generalFigures are the general measure's results.
type generalFigures struct {
	Setup   string        `json:"setup"`
	Stride  int           `json:"stride"`
	P       float64       `json:"paraphrase_p"`
	Bases   []int         `json:"bases"` // per size
	Results []generalCell `json:"results"`
}

// A generalCell is one size of base and one form of the questions.
type generalCell struct {
	Articles   int     `json:"articles"`
	Variant    string  `json:"variant"`
	Answerable int     `json:"answerable"`
	Cite1      float64 `json:"cite1"`         // first citation holds a gold answer; an abstention misses
	FalseAbst  float64 `json:"false_abstain"` // answerable questions abstained on
	AbstTopOK  float64 `json:"abstained_top_right"`
	Changed    float64 `json:"words_changed"` // mean words the paraphrase replaced, per answerable question
	Other      int     `json:"other_article"`
	OtherAbst  float64 `json:"other_abstain"`
	Near       int     `json:"near_article"`
	NearAbst   float64 `json:"near_abstain"` // questions about the articles nearest the base's (near.go)
	Adv        int     `json:"adversarial"`
	AdvAbst    float64 `json:"adversarial_abstain"`
	// AdvByKind is the share of the adversary's twins abstained on, by
	// the kind of change that made them (twinKinds).
	AdvByKind map[string]float64 `json:"adversarial_abstain_by_kind"`
	// Pieces is true for a base of pieces of articles (pieces.go): its
	// near questions are about its articles' other paragraphs.
	Pieces bool `json:"pieces,omitempty"`
	// AUC is the chance that an answerable question gets a higher
	// confidence than a question it cannot answer (about another article,
	// a near one or an adversarial one; ties half): how well the
	// confidence tells them apart, whatever the threshold.
	AUC float64 `json:"auc"`
	// AnswerableAUC is the same of the answerability, which the engine
	// abstains by: how well it tells the questions the base answers from
	// the others.
	AnswerableAUC float64 `json:"answerable_auc"`
	// OnTopicAUC is the answerability's AUC against the near and
	// adversarial questions only: those on the base's own subject, which
	// people ask and which the other articles' questions, told apart
	// easily, do not stand for.
	OnTopicAUC float64 `json:"on_topic_auc"`
	// KnownWordsAUC is the answerability's AUC against the adversary's
	// twins of the kinds that keep the base's words (twinKeepsWords).
	KnownWordsAUC float64 `json:"known_words_auc"`
}

type generalQ struct {
	text    string
	facts   []string // nil for a negative
	kind    int
	twin    int // the kind of change that made an adversarial question
	changed int
}

type generalEp struct {
	size     int
	pieces   bool
	articles []facts.Article
	known    map[string]bool
	qs       [][]generalQ // by variant
}

// measureGeneral runs the general measure with the weights w.
func measureGeneral(ctx context.Context, data squad, w facts.Weights) (generalFigures, error) {
	gf := generalFigures{
		Setup:  "bases of 1 and 2 held-out articles (a seeded shuffle), then of pieces of 1 and 2 of them (runs of paragraphs of 400 words or more, asked about their articles' other paragraphs as near questions); their questions not in sample-2000 nor in the fit, every stride-th (every one for pieces); as many questions about other held-out articles, half as many about the 3 held-out articles nearest the base's (tf-idf cosine), and the adversary's twins; each clean, as chat, paraphrased with WordNet synonyms the base lacks (each content word with probability paraphrase_p), as paraphrased chat, and as chat paraphrased at every word that has such a synonym",
		Stride: generalStride, P: paraphraseP,
	}
	var pool []facts.Article
	for _, a := range data.articles {
		if squadsplit.HeldOutArticle(a.ID) {
			pool = append(pool, a)
		}
	}
	byArticle := map[string][]eval.Question{}
	all := map[string][]eval.Question{} // every question, for the pieces
	var poolQs []eval.Question
	for i, q := range data.general {
		all[q.Source] = append(all[q.Source], q)
		if i%generalStride == 0 {
			byArticle[q.Source] = append(byArticle[q.Source], q)
			poolQs = append(poolQs, q)
		}
	}
	adv := newAdversary(data.train)
	adv.learnArticles(poolQs)
	tp := newTopics(pool)
	var eps []generalEp
	for _, size := range generalSizes {
		order := slices.Clone(pool)
		rand.New(rand.NewPCG(uint64(size), 2)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		nb := 0
		for k := 0; k+size <= len(order); k += size {
			ep := generalEp{size: size, articles: order[k : k+size], known: map[string]bool{}, qs: make([][]generalQ, len(generalVariants))}
			ans, other := episodeQuestions(ep.articles, byArticle, poolQs, ep.known)
			near := nearQuestions(tp.nearest(ep.articles), byArticle, len(ans)/2)
			ep.add(data, adv, ans, other, near)
			eps = append(eps, ep)
			nb++
		}
		gf.Bases = append(gf.Bases, nb)
	}
	for _, size := range generalPieces {
		order := slices.Clone(pool)
		rand.New(rand.NewPCG(uint64(size), 4)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		nb := 0
		for k := 0; k+size <= len(order); k += size {
			ep := generalEp{size: size, pieces: true, known: map[string]bool{}, qs: make([][]generalQ, len(generalVariants))}
			var ans, near []eval.Question
			var ids []string
			for _, a := range order[k : k+size] {
				p := cutPiece(a)
				ep.articles = append(ep.articles, p.article)
				ids = append(ids, a.ID)
				wordsOf(ep.known, p.article.Title, p.article.Paragraphs)
				in, out := p.questions(all[a.ID])
				ans, near = append(ans, in...), append(near, out...)
			}
			ep.add(data, adv, ans, otherQuestions(ids, len(ans), poolQs), near)
			eps = append(eps, ep)
			nb++
		}
		gf.Bases = append(gf.Bases, nb)
	}

	type result struct {
		abst, right, topRight bool
		conf, answerP         float64
	}
	type job struct {
		b    *facts.Base
		q    *generalQ
		cell int
	}
	var jobs []job
	for i := range eps {
		b := facts.New(eps[i].articles, nil, facts.WithWeights(w))
		si := slices.Index(generalSizes, eps[i].size)
		if eps[i].pieces {
			si = len(generalSizes) + slices.Index(generalPieces, eps[i].size)
		}
		for v := range generalVariants {
			for k := range eps[i].qs[v] {
				jobs = append(jobs, job{b, &eps[i].qs[v][k], si*len(generalVariants) + v})
			}
		}
	}
	res := make([]result, len(jobs))
	err := forEach(ctx, len(jobs), func(_, i int) {
		j := jobs[i]
		a := j.b.Ask(j.q.text)
		r := result{abst: a.Abstained(), conf: a.Confidence, answerP: j.b.Explain(j.q.text).Answerable}
		if j.q.facts != nil {
			r.right = !r.abst && len(a.Citations) > 0 && eval.HoldsAny(a.Citations[0].Quote, j.q.facts)
			r.topRight = r.abst && len(a.Suggestions) > 0 && eval.HoldsAny(a.Suggestions[0].Quote, j.q.facts)
		}
		res[i] = r
	})
	if err != nil {
		return gf, err
	}
	type tally struct {
		ans, right, abst, topRight, changed, other, otherAbst, near, nearAbst, adv, advAbst int
		advKind, advKindAbst                                                                [nTwinKinds]int
	}
	ts := make([]tally, (len(generalSizes)+len(generalPieces))*len(generalVariants))
	pos, posA := make([][]float64, len(ts)), make([][]float64, len(ts))
	neg, negA := make([][]float64, len(ts)), make([][]float64, len(ts))
	onTopicA := make([][]float64, len(ts)) // the answerability of near and adversarial questions
	knownA := make([][]float64, len(ts))   // and of the twins in known words
	for i, j := range jobs {
		t, r := &ts[j.cell], res[i]
		if j.q.kind == qAnswerable {
			pos[j.cell], posA[j.cell] = append(pos[j.cell], r.conf), append(posA[j.cell], r.answerP)
		} else {
			neg[j.cell], negA[j.cell] = append(neg[j.cell], r.conf), append(negA[j.cell], r.answerP)
		}
		if j.q.kind == qNearArticle || j.q.kind == qAdversarial {
			onTopicA[j.cell] = append(onTopicA[j.cell], r.answerP)
		}
		if j.q.kind == qAdversarial && twinKeepsWords[j.q.twin] {
			knownA[j.cell] = append(knownA[j.cell], r.answerP)
		}
		switch j.q.kind {
		case qAnswerable:
			t.ans++
			t.changed += j.q.changed
			if r.right {
				t.right++
			}
			if r.abst {
				t.abst++
				if r.topRight {
					t.topRight++
				}
			}
		case qOtherArticle:
			t.other++
			if r.abst {
				t.otherAbst++
			}
		case qNearArticle:
			t.near++
			if r.abst {
				t.nearAbst++
			}
		case qAdversarial:
			t.adv++
			t.advKind[j.q.twin]++
			if r.abst {
				t.advAbst++
				t.advKindAbst[j.q.twin]++
			}
		}
	}
	for c, t := range ts {
		byKind := map[string]float64{}
		for k, n := range t.advKind {
			if n > 0 {
				byKind[twinKinds[k]] = round(share(t.advKindAbst[k], n), 4)
			}
		}
		si, pieces := c/len(generalVariants), c/len(generalVariants) >= len(generalSizes)
		size := append(slices.Clone(generalSizes), generalPieces...)[si]
		gf.Results = append(gf.Results, generalCell{
			Articles: size, Pieces: pieces, Variant: generalVariants[c%len(generalVariants)],
			Answerable: t.ans, Cite1: round(share(t.right, t.ans), 4), FalseAbst: round(share(t.abst, t.ans), 4),
			AbstTopOK: round(share(t.topRight, t.abst), 4), Changed: round(share(t.changed, t.ans), 3),
			Other: t.other, OtherAbst: round(share(t.otherAbst, t.other), 4),
			Near: t.near, NearAbst: round(share(t.nearAbst, t.near), 4),
			Adv: t.adv, AdvAbst: round(share(t.advAbst, t.adv), 4), AdvByKind: byKind,
			AUC: round(auc(pos[c], neg[c]), 4), AnswerableAUC: round(auc(posA[c], negA[c]), 4),
			OnTopicAUC: round(auc(posA[c], onTopicA[c]), 4), KnownWordsAUC: round(auc(posA[c], knownA[c]), 4),
		})
	}
	return gf, nil
}

// add adds to ep the answerable questions ans with the adversary's twins,
// the questions about other articles other and the near questions near,
// each in every form of generalVariants.
func (ep *generalEp) add(data squad, adv *adversary, ans, other, near []eval.Question) {
	known := func(s string) bool { return ep.known[s] }
	addQ := func(id, clean, chat string, fs []string, kind, twin int) {
		para, ch := paraphrase.Rewrite(clean, known, paraphraseP, id)
		_, all := paraphrase.Rewrite(clean, known, 1, id)
		texts := []string{clean, chat, para, paraphrase.Apply(chat, ch), paraphrase.Apply(chat, all)}
		for v, t := range texts {
			g := generalQ{text: t, facts: fs, kind: kind, twin: twin}
			switch v {
			case 2, 3:
				g.changed = len(ch)
			case 4:
				g.changed = len(all)
			}
			ep.qs[v] = append(ep.qs[v], g)
		}
	}
	for _, q := range ans {
		chat := data.chatOf(q)
		addQ(q.ID, q.Q, chat, q.Facts, qAnswerable, 0)
		if tw, ok := adv.twin(q, chat, ep.known); ok {
			if tw.chat == "" {
				tw.chat = tw.clean
			}
			addQ(q.ID+"-adv", tw.clean, tw.chat, nil, qAdversarial, tw.kind)
		}
	}
	for _, q := range other {
		addQ(q.ID, q.Q, data.chatOf(q), nil, qOtherArticle, 0)
	}
	for _, q := range near {
		addQ(q.ID+"-near", q.Q, data.chatOf(q), nil, qNearArticle, 0)
	}
}

// auc returns the chance that a value of pos exceeds one of neg, ties
// counting half.
func auc(pos, neg []float64) float64 {
	if len(pos) == 0 || len(neg) == 0 {
		return 0
	}
	slices.Sort(pos)
	slices.Sort(neg)
	wins := 0.0
	lo, hi := 0, 0 // neg[:lo] < p, neg[:hi] <= p
	for _, p := range pos {
		for lo < len(neg) && neg[lo] < p {
			lo++
		}
		for hi < len(neg) && neg[hi] <= p {
			hi++
		}
		wins += float64(lo) + float64(hi-lo)/2
	}
	return wins / float64(len(pos)*len(neg))
}
