package facts

import "math"

// A term's importance is its inverse document frequency over the base's
// passages. A base of a few articles knows little of how rare a word is:
// in two news reports "year" and "laundering" may each be in one passage,
// and weigh the same. So where general English has the word, its document
// frequency is smoothed toward English's (spell.Rate), as a prior worth
// idfPrior passages. It decides for a word seen in few passages of a small
// base, and little for one a large base uses often; a name, which English
// says nothing of, keeps the base's own.

// idfPrior is how many passages general English's rate of a word counts
// for against the base's own. Chosen on factfit's general measure (bases
// of one and two held-out SQuAD articles and of pieces of them, clean, as
// chat and paraphrased) among 5, 20, 80, 320 and 1280: 80 and above raise
// cite@1 on one article by 0.01 and differ little from each other.
const idfPrior = 80

// idfOf is the BM25 idf of a term in df of n documents, for a fractional
// df too.
func idfOf(df, n float64) float32 {
	return float32(math.Log(1 + (n-df+0.5)/(df+0.5)))
}

// smoothIDF smooths the idf of each term the base has towards general
// English's rate of its words (the sum over the words of the base that
// have the term, at most 1), once the spelling corrector, which holds
// those rates, is built.
func (b *Base) smoothIDF() {
	if b.spell == nil {
		return
	}
	rate := make([]float64, len(b.idf))
	for w, t := range b.wordTerm {
		if int(t) < len(rate) && b.idf[t] != 0 {
			rate[t] += b.spell.Rate(w)
		}
	}
	n := float64(len(b.passages))
	for t, r := range rate {
		if r == 0 {
			continue
		}
		df := float64(len(b.passPost.list(uint32(t))))
		b.idf[t] = idfOf((df+idfPrior*min(r, 1))*n/(n+idfPrior), n)
	}
}
