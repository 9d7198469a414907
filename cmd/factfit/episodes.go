package main

import (
	"context"
	"math/rand/v2"
	"slices"
	"strconv"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/facts/paraphrase"
	"github.com/factbot/factbot/internal/eval"
	"github.com/factbot/factbot/internal/squadsplit"
)

// The confidence model is fitted where the bot lives: on episodes, each a
// fact base of a few articles or of all of them and questions asked of it.

// pieceSizes are the sizes, in pieces of articles the size of a news
// report (pieces.go), of the smallest fact bases; episodeSizes the sizes,
// in articles, of the small ones; and maxEpisodes the most episodes of
// each size of articles from each slice (bases of pieces take every
// article of the slice).
var (
	pieceSizes   = []int{1, 2}
	episodeSizes = []int{1, 2, 5, 20}
	maxEpisodes  = 40
)

// sizeGroups names the groups of episodes that weigh the same in the fit:
// one per size of pieces, one per small size, then the big base.
func sizeGroups() []string {
	var gs []string
	for _, s := range pieceSizes {
		name := strconv.Itoa(s) + " piece"
		if s > 1 {
			name += "s"
		}
		gs = append(gs, name)
	}
	for _, s := range episodeSizes {
		gs = append(gs, strconv.Itoa(s))
	}
	return append(gs, "all")
}

// bigGroup is the group of the big base, the last.
func bigGroup() int { return len(pieceSizes) + len(episodeSizes) }

// An episode is a fact base and the questions asked of it.
type episode struct {
	group    int // in sizeGroups
	articles []facts.Article
	qs       []episodeQ
}

// An episodeQ is a question asked in an episode.
type episodeQ struct {
	q          eval.Question
	kind       int  // answerable, other article, adversarial
	calibrated bool // in the slice kept out of the fit, to measure calibration
	// tuning: an answerable question of the threshold slice, which
	// neither fit sees, asked only to set the abstention thresholds.
	tuning bool
}

const (
	qAnswerable = iota
	qOtherArticle
	qAdversarial
	qParaphrased // an answerable question paraphrased (package paraphrase)
	qNearArticle // about one of the articles nearest the base's (near.go), or another paragraph of a piece's article (pieces.go)
	nKinds
)

// calSlice reports whether questions about the SQuAD article id are kept
// out of the confidence fit to measure its calibration: articles whose
// number ends in 8, and of the held-out ones (ending in 9) every other.
func calSlice(id string) bool {
	n := articleNumber(id)
	return n%10 == 8 || n%20 == 19
}

// articleNumber is the number of a SQuAD article id ("042-slug"), or -1.
func articleNumber(id string) int {
	i := 0
	for i < len(id) && id[i] >= '0' && id[i] <= '9' {
		i++
	}
	n, err := strconv.Atoi(id[:i])
	if err != nil {
		return -1
	}
	return n
}

// tuningSlice reports whether the i-th question of squad.rest sets the
// abstention thresholds (as it sets the span model's floor): questions
// that neither the ranking nor the confidence was fitted on, as new
// questions are. On the questions they were fitted on, the confidences
// run higher: at the same thresholds, 0.040 of the fit's answerable
// questions abstain and 0.046 of the threshold slice's, so a threshold
// set on the fit's lets new questions' false abstentions past the bound.
func tuningSlice(i int) bool { return squadsplit.RestPart(i) == squadsplit.Tuning }

// makeEpisodes returns the episodes: for each size of pieceSizes, bases of
// that many pieces of articles of kept (each article of each slice once),
// asked only the threshold slice's questions about them (pieceEpisode);
// for each size of episodeSizes, fact
// bases of that many articles of kept, drawn by a seeded shuffle, in the
// fit's slice and in the calibration slice apart; then the big base of
// all of kept. Each has its answerable questions, as many questions about
// other articles of its slice (every question with its chat twin), and the
// adversary's twins of its answerable questions; in the small bases, if
// para > 0, also a paraphrased twin of each answerable question and its
// chat twin (each content word replaced with probability para by a
// WordNet synonym that the base lacks), so that the fit sees answerable
// questions whose words the base lacks as well as adversarial ones. Each
// base is also asked the questions of the threshold slice about its
// articles (tuningSlice), with their chat twins.
func makeEpisodes(data squad, kept []facts.Article, para float64) []episode {
	byArticle := map[string][]eval.Question{}
	for _, q := range data.train {
		byArticle[q.Source] = append(byArticle[q.Source], q)
	}
	tuning := map[string][]eval.Question{}
	var allTuning []eval.Question
	for i, q := range data.rest {
		if tuningSlice(i) {
			tuning[q.Source] = append(tuning[q.Source], q)
			allTuning = append(allTuning, q)
		}
	}
	adv := newAdversary(data.train)
	var eps []episode
	for _, cal := range []bool{false, true} {
		var pool []facts.Article
		var poolQs []eval.Question
		for _, a := range kept {
			if calSlice(a.ID) == cal {
				pool = append(pool, a)
				poolQs = append(poolQs, byArticle[a.ID]...)
			}
		}
		for g, size := range pieceSizes {
			order := slices.Clone(pool)
			rand.New(rand.NewPCG(uint64(size), 3)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			for k := 0; k+size <= len(order); k += size {
				eps = append(eps, pieceEpisode(data, g, order[k:k+size], tuning))
			}
		}
		for g, size := range episodeSizes {
			order := slices.Clone(pool)
			rand.New(rand.NewPCG(uint64(size), 1)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			for k := 0; k+size <= len(order) && k/size < maxEpisodes; k += size {
				ep := episode{group: len(pieceSizes) + g, articles: order[k : k+size]}
				known := map[string]bool{}
				ans, other := episodeQuestions(ep.articles, byArticle, poolQs, known)
				ep.add(data, ans, other, adv, known, func(eval.Question) bool { return cal })
				if para > 0 {
					ep.addParaphrases(data, ans, known, para, cal)
				}
				for _, a := range ep.articles {
					ep.addTuning(data, tuning[a.ID])
				}
				eps = append(eps, ep)
			}
		}
	}
	big := episode{group: bigGroup(), articles: kept}
	known := map[string]bool{}
	for _, a := range kept {
		wordsOf(known, a.Title, a.Paragraphs)
	}
	big.add(data, data.train, data.heldOut, adv, known, func(q eval.Question) bool { return calSlice(q.Source) })
	big.addTuning(data, allTuning)
	return append(eps, big)
}

// pieceEpisode returns the episode of group g whose base is the pieces of
// articles (pieces.go), asked only the threshold slice's questions about
// their paragraphs: it sets the abstention threshold of bases the size of
// a news report, which no fit's base is, without changing the models. Fit
// on pieces, with their articles' other paragraphs as questions they
// cannot answer, the models told answerable questions from the others no
// better (the general measure's AUC within ±0.006 on pieces, 0.002-0.004
// lower on articles).
func pieceEpisode(data squad, g int, articles []facts.Article, tuning map[string][]eval.Question) episode {
	ep := episode{group: g}
	for _, a := range articles {
		p := cutPiece(a)
		ep.articles = append(ep.articles, p.article)
		var in []eval.Question
		for _, q := range tuning[a.ID] {
			if p.has(q) {
				in = append(in, q)
			}
		}
		ep.addTuning(data, in)
	}
	return ep
}

// addTuning adds to ep the answerable questions qs of the threshold slice,
// each with its chat twin.
func (ep *episode) addTuning(data squad, qs []eval.Question) {
	for _, q := range data.withChat(qs) {
		ep.qs = append(ep.qs, episodeQ{q: q, kind: qAnswerable, tuning: true})
	}
}

// add adds to ep the answerable questions ans, the questions about other
// articles other, each with its chat twin, and the adversary's twins of
// ans in a base of the words known.
func (ep *episode) add(data squad, ans, other []eval.Question, adv *adversary, known map[string]bool, cal func(eval.Question) bool) {
	for _, q := range data.withChat(ans) {
		ep.qs = append(ep.qs, episodeQ{q: q, kind: qAnswerable, calibrated: cal(q)})
	}
	for _, q := range data.withChat(other) {
		q.Facts, q.Answers = nil, nil
		ep.qs = append(ep.qs, episodeQ{q: q, kind: qOtherArticle, calibrated: cal(q)})
	}
	for _, q := range ans {
		chat := ""
		if data.chat != nil {
			chat = data.chat[q.ID].Q
		}
		tw, ok := adv.twin(q, chat, known)
		if !ok {
			continue
		}
		t := eval.Question{ID: q.ID + "-adv", Q: tw.clean, Source: q.Source}
		ep.qs = append(ep.qs, episodeQ{q: t, kind: qAdversarial, calibrated: cal(q)})
		if tw.chat != "" {
			t.ID, t.Q = q.ID+"-chat-adv", tw.chat
			ep.qs = append(ep.qs, episodeQ{q: t, kind: qAdversarial, calibrated: cal(q)})
		}
	}
}

// addParaphrases adds to ep a paraphrased twin of each question of ans
// that paraphrase.Rewrite changes in a base of the words known, and the
// same changes made to its chat twin.
func (ep *episode) addParaphrases(data squad, ans []eval.Question, known map[string]bool, p float64, cal bool) {
	has := func(w string) bool { return known[w] }
	for _, q := range ans {
		text, changes := paraphrase.Rewrite(q.Q, has, p, q.ID+"-para")
		if len(changes) == 0 {
			continue
		}
		t := q
		t.ID, t.Q = q.ID+"-para", text
		ep.qs = append(ep.qs, episodeQ{q: t, kind: qParaphrased, calibrated: cal})
		if c, ok := data.chat[q.ID]; ok {
			if ct := paraphrase.Apply(c.Q, changes); ct != c.Q {
				c.ID, c.Q = q.ID+"-chat-para", ct
				ep.qs = append(ep.qs, episodeQ{q: c, kind: qParaphrased, calibrated: cal})
			}
		}
	}
}

// A sample is what the engine made of one question of an episode.
type sample struct {
	x          []float64 // the confidence inputs
	conf       float64   // the engine's confidence
	answerP    float64   // and its answerability: the engine abstains by it
	right      bool      // the first candidate holds a gold answer
	answerable bool
	paraphrase bool // a paraphrased answerable question: not counted by the threshold rule
	tuning     bool // of the threshold slice: only the threshold rule counts it
	group      int
	facts      int // the episode's fact base's
	calibrated bool
	weight     float64 // in the fit: each group of sizes weighs the same
}

// runEpisodes asks every question of every episode of a fact base built
// with w, on all cores, and returns what the engine made of those that
// have candidates, in episode and question order.
func runEpisodes(ctx context.Context, eps []episode, w facts.Weights) ([]sample, error) {
	type job struct {
		b *facts.Base
		e *episode
		q *episodeQ
	}
	var jobs []job
	for i := range eps {
		b := facts.New(eps[i].articles, nil, facts.WithWeights(w))
		for k := range eps[i].qs {
			jobs = append(jobs, job{b, &eps[i], &eps[i].qs[k]})
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
	out := make([]sample, len(jobs))
	has := make([]bool, len(jobs))
	err := forEach(ctx, len(jobs), func(_, i int) {
		j := jobs[i]
		e := j.b.Explain(j.q.q.Q)
		if len(e.Candidates) == 0 {
			return // nothing to rank: the engine neither answers nor abstains
		}
		ans := j.q.kind == qAnswerable || j.q.kind == qParaphrased
		out[i] = sample{
			paraphrase: j.q.kind == qParaphrased,
			x:          e.ConfidenceInputs, conf: e.Confidence, answerP: e.Answerable,
			right:      ans && eval.HoldsAny(e.Candidates[0].Quote, j.q.q.Facts),
			answerable: ans, group: j.e.group, facts: j.b.Len(), calibrated: j.q.calibrated, tuning: j.q.tuning,
		}
		has[i] = true
	})
	if err != nil {
		return nil, err
	}
	var ss []sample
	for i, s := range out {
		if has[i] {
			ss = append(ss, s)
		}
	}
	weigh(ss)
	return ss, nil
}

// weigh sets the samples' weights so that, in each slice (the fit's, the
// calibration's, the threshold's), every group of sizes with samples there
// weighs the same and the weights add up to the number of samples.
// Paraphrased twins stand beside the questions they rewrite, not in
// addition to them: a group's answerable questions, paraphrased or not,
// weigh together what its questions as asked would alone, so that the
// twins teach which answerable questions lack the base's words without
// making answerable questions likelier than they are.
func weigh(ss []sample) {
	groups := bigGroup() + 1
	type tally struct {
		n, asked, para int
		raw            float64
	}
	t := make([][3]tally, groups)
	total := [3]int{}
	for _, s := range ss {
		c := s.slice()
		g := &t[s.group][c]
		g.n++
		total[c]++
		switch {
		case s.paraphrase:
			g.para++
		case s.answerable:
			g.asked++
		}
	}
	raw := func(s *sample) float64 {
		g := &t[s.group][s.slice()]
		if s.answerable && g.para > 0 {
			return float64(g.asked) / float64(g.asked+g.para)
		}
		return 1
	}
	for i := range ss {
		t[ss[i].group][ss[i].slice()].raw += raw(&ss[i])
	}
	var present [3]int // groups with samples in each slice
	for g := range t {
		for c := range present {
			if t[g][c].n > 0 {
				present[c]++
			}
		}
	}
	for i := range ss {
		c := ss[i].slice()
		ss[i].weight = raw(&ss[i]) * float64(total[c]) / (float64(present[c]) * t[ss[i].group][c].raw)
	}
}

// slice is 0 for a sample of the fit, 1 of the calibration slice, 2 of the
// threshold slice.
func (s *sample) slice() int {
	if s.tuning {
		return 2
	}
	return b2i(s.calibrated)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// episodeFigures describe the episodes of one group of sizes.
type episodeFigures struct {
	Articles     string `json:"articles"`
	Episodes     int    `json:"episodes"`
	Answerable   int    `json:"answerable"`
	OtherArticle int    `json:"other_article"`
	Adversarial  int    `json:"adversarial"`
	Paraphrased  int    `json:"paraphrased,omitempty"`
	NearArticle  int    `json:"near_article,omitempty"` // questions about other paragraphs of a piece's article
	Tuning       int    `json:"threshold_slice"`        // answerable questions asked only to set the threshold
}

func describeEpisodes(eps []episode) []episodeFigures {
	names := sizeGroups()
	fs := make([]episodeFigures, len(names))
	for i := range fs {
		fs[i].Articles = names[i]
	}
	for _, e := range eps {
		f := &fs[e.group]
		f.Episodes++
		for _, q := range e.qs {
			if q.tuning {
				f.Tuning++
				continue
			}
			switch q.kind {
			case qAnswerable:
				f.Answerable++
			case qOtherArticle:
				f.OtherArticle++
			case qAdversarial:
				f.Adversarial++
			case qParaphrased:
				f.Paraphrased++
			case qNearArticle:
				f.NearArticle++
			}
		}
	}
	return fs
}

// episodeQuestions returns the questions about an episode's articles, and
// as many about other articles, every stride-th of pool from a place the
// episode picks (stride and the pool's size coprime, so that each is met
// once); it adds the articles' words to known.
func episodeQuestions(articles []facts.Article, byArticle map[string][]eval.Question, pool []eval.Question, known map[string]bool) (ans, other []eval.Question) {
	var ids []string
	for _, a := range articles {
		ids = append(ids, a.ID)
		wordsOf(known, a.Title, a.Paragraphs)
		ans = append(ans, byArticle[a.ID]...)
	}
	return ans, otherQuestions(ids, len(ans), pool)
}

// otherQuestions returns n questions of pool about articles other than
// ids, every stride-th from a place the first id picks (stride and the
// pool's size coprime, so that each is met once).
func otherQuestions(ids []string, n int, pool []eval.Question) []eval.Question {
	var other []eval.Question
	size, stride := len(pool), 101
	if size%stride == 0 {
		stride = 103
	}
	start := int(hash(ids[0]) % uint64(max(size, 1)))
	for k := 0; k < size && len(other) < n; k++ {
		if q := pool[(start+k*stride)%size]; !slices.Contains(ids, q.Source) {
			other = append(other, q)
		}
	}
	return other
}
