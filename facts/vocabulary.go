package facts

import (
	"slices"
	"sort"
	"strings"

	"github.com/sahilm/fuzzy"
)

// A vocabulary finds index terms near a question word: terms it is a prefix
// of, terms within a few typos of it, and terms it abbreviates.
//
// Typo tolerance follows the defaults of Meilisearch and Typesense: edits are
// Damerau–Levenshtein (insert, delete, substitute, swap two neighbours), a
// word of 5 or more letters may have 1 typo and one of 9 or more 2, and a
// typo on the first letter is not forgiven (Meilisearch counts it as two).
// The search walks the sorted terms that share the first letter and reuses
// the edit-distance rows of each term's common prefix with the previous one,
// skipping every term under a prefix that is already too far off: no scan of
// the whole vocabulary, no extra memory.
type vocabulary struct {
	sorted []string // indexed terms, sorted
	ids    []uint32 // term id of sorted[i]
	at     []int32  // term id → index in sorted, or -1
	end    []uint32 // index in sorted → end of the run of terms it is a prefix of
	// abbrev holds, for each first letter, the more frequent terms, for
	// subsequence matching of abbreviations ("grp" for "group").
	abbrev map[byte][]string
	abbrID map[string]uint32
}

// maxAbbrevCandidates bounds the terms an abbreviation is matched against,
// per first letter: the most frequent ones.
const maxAbbrevCandidates = 600

func newVocabulary(b *Base) vocabulary {
	var v vocabulary
	for id, t := range b.terms {
		if len(b.passPost.list(uint32(id))) == 0 || t == "" || t[0] == '=' {
			continue
		}
		v.ids = append(v.ids, uint32(id))
	}
	slices.SortFunc(v.ids, func(x, y uint32) int { return strings.Compare(b.terms[x], b.terms[y]) })
	v.sorted = make([]string, len(v.ids))
	for i, id := range v.ids {
		v.sorted[i] = b.terms[id]
	}
	v.at = make([]int32, len(b.terms))
	for i := range v.at {
		v.at[i] = -1
	}
	v.end = make([]uint32, len(v.sorted))
	var open []int // terms that are prefixes of the current one
	type entry struct {
		term string
		id   uint32
		df   int
	}
	byLetter := map[byte][]entry{}
	for i, t := range v.sorted {
		for len(open) > 0 && !strings.HasPrefix(t, v.sorted[open[len(open)-1]]) {
			v.end[open[len(open)-1]] = uint32(i)
			open = open[:len(open)-1]
		}
		open = append(open, i)
		id := v.ids[i]
		v.at[id] = int32(i)
		if c := t[0]; 'a' <= c && c <= 'z' && len(t) >= 3 {
			byLetter[c] = append(byLetter[c], entry{t, id, len(b.passPost.list(id))})
		}
	}
	for _, i := range open {
		v.end[i] = uint32(len(v.sorted))
	}
	v.abbrev = map[byte][]string{}
	v.abbrID = map[string]uint32{}
	for c, es := range byLetter {
		slices.SortStableFunc(es, func(x, y entry) int { return y.df - x.df })
		es = es[:min(len(es), maxAbbrevCandidates)]
		for _, e := range es {
			v.abbrev[c] = append(v.abbrev[c], e.term)
			v.abbrID[e.term] = e.id
		}
	}
	return v
}

// extensions returns the range of sorted terms that start with term, whose
// id is id (math.MaxUint32 if it has none).
func (v *vocabulary) extensions(id uint32, term string) (int, int) {
	if int(id) < len(v.at) && v.at[id] >= 0 {
		i := v.at[id]
		return int(i), int(v.end[i])
	}
	return v.span(term)
}

// span returns the range of sorted terms that start with prefix.
func (v *vocabulary) span(prefix string) (int, int) {
	lo := sort.SearchStrings(v.sorted, prefix)
	hi := lo + sort.Search(len(v.sorted)-lo, func(i int) bool {
		return !strings.HasPrefix(v.sorted[lo+i], prefix)
	})
	return lo, hi
}

// maxTypos returns how many typos a word of n letters may have.
func maxTypos(n int) int {
	switch {
	case n >= 9:
		return 2
	case n >= 5:
		return 1
	}
	return 0
}

// fuzzy calls fn for each term within maxEdits Damerau–Levenshtein edits of
// q that shares its first letter, with the distance.
func (v *vocabulary) fuzzy(q string, maxEdits int, fn func(id uint32, edits int)) {
	if maxEdits == 0 || q == "" {
		return
	}
	lo, hi := v.span(q[:1])
	if lo == hi {
		return
	}
	n := len(q)
	// rows[d] is the edit-distance row for the candidate's first d letters.
	const maxDepth = 40
	var rowsBuf [maxDepth + 1][maxDepth + 2]uint8
	rows := rowsBuf[:]
	if n > maxDepth {
		return
	}
	for j := 0; j <= n; j++ {
		rows[0][j] = uint8(j)
	}
	prev := ""
	for i := lo; i < hi; {
		w := v.sorted[i]
		if len(w) > maxDepth {
			i++
			continue
		}
		d := commonPrefix(prev, w)
		pruned := -1
		for ; d < len(w); d++ {
			row, up := &rows[d+1], &rows[d]
			row[0] = uint8(d + 1)
			best := row[0]
			for j := 1; j <= n; j++ {
				cost := uint8(1)
				if w[d] == q[j-1] {
					cost = 0
				}
				x := min(up[j]+1, row[j-1]+1, up[j-1]+cost)
				if d >= 1 && j >= 2 && w[d] == q[j-2] && w[d-1] == q[j-1] {
					x = min(x, rows[d-1][j-2]+1)
				}
				row[j] = x
				best = min(best, x)
			}
			if int(best) > maxEdits || d == 0 && w[0] != q[0] {
				pruned = d + 1
				break
			}
		}
		if pruned >= 0 {
			// No term under w[:pruned] can match: skip them all.
			skip := w[:pruned]
			i += sort.Search(hi-i, func(k int) bool { return !strings.HasPrefix(v.sorted[i+k], skip) })
			prev = w[:pruned-1]
			continue
		}
		if e := int(rows[len(w)][n]); e <= maxEdits && w != q {
			fn(v.ids[i], e)
		}
		prev = w
		i++
	}
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// abbreviations returns the terms that q abbreviates ("grp" for "group",
// "govt" for "government"), best first: frequent terms of the same first
// letter that hold q's letters in order, ranked by github.com/sahilm/fuzzy.
// An abbreviation is all consonants, or shares its first two letters with
// the word: "cup" is not short for "couple".
func (v *vocabulary) abbreviations(q string, max int) []uint32 {
	if len(q) < 2 {
		return nil
	}
	consonants := !strings.ContainsAny(q, "aeiouy")
	var out []uint32
	for _, m := range fuzzy.Find(q, v.abbrev[q[0]]) {
		if len(m.Str) <= len(q) || m.Score <= 0 || !consonants && m.Str[:2] != q[:2] {
			continue
		}
		out = append(out, v.abbrID[m.Str])
		if len(out) == max {
			break
		}
	}
	return out
}
