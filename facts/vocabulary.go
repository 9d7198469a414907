package facts

import (
	"slices"
	"sort"
	"strings"
	"sync"

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
	trie   trie     // the words of the corpus, for typo tolerance
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
	var tried sync.WaitGroup // the trie of words builds beside the rest
	tried.Go(func() { v.trie = wordTrie(b) })
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
	tried.Wait()
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

// fuzzy calls fn, with the distance, for the term of each word of the
// corpus within maxEdits Damerau–Levenshtein edits of the word q that
// shares its first letter. Words, not stems, are compared, since a typo
// can change where the stemmer cuts ("constructoin" is one edit from
// "construction", three from its stem "construct"). A term may come more
// than once.
func (v *vocabulary) fuzzy(q string, maxEdits int, fn func(id uint32, edits int)) {
	if maxEdits == 0 || q == "" || len(q) > maxFuzzyLen {
		return
	}
	var f fuzzySearch
	f.v, f.q, f.max, f.fn = v, q, maxEdits, fn
	f.far = uint8(maxEdits + 1)
	for j := 0; j <= len(q); j++ {
		f.rows[0][j] = min(uint8(j), f.far)
	}
	for c := v.trie.child(0); c != 0; c = v.trie.next[c] {
		if v.trie.label[c] == q[0] {
			f.walk(c, 1)
		}
	}
}

// maxFuzzyLen bounds the words that typo tolerance looks at.
const maxFuzzyLen = 40

// A fuzzySearch walks the trie of words depth first, keeping one row of the
// edit-distance table per depth, and leaves a subtree as soon as no cell of
// its row is within reach.
type fuzzySearch struct {
	v    *vocabulary
	q    string
	max  int
	far  uint8 // "too far": max+1
	fn   func(id uint32, edits int)
	rows [maxFuzzyLen + 1][maxFuzzyLen + 2]uint8
	path [maxFuzzyLen + 1]byte
}

// walk computes the row for node at depth d (its letter is the d-th of the
// term) and descends into its children while some cell is within reach.
// Only the band of cells within max of the diagonal can hold a distance of
// max or less; the cells just outside it are set to "too far" for the next
// row to read.
func (f *fuzzySearch) walk(node uint32, d int) {
	t := &f.v.trie
	c := t.label[node]
	f.path[d] = c
	q, n := f.q, len(f.q)
	row, up := &f.rows[d], &f.rows[d-1]
	row[0] = min(uint8(d), f.far)
	lo, hi := max(1, d-f.max), min(n, d+f.max)
	if lo > 1 {
		row[lo-1] = f.far
	}
	best := row[0]
	for j := lo; j <= hi; j++ {
		cost := uint8(1)
		if c == q[j-1] {
			cost = 0
		}
		x := min(up[j]+1, row[j-1]+1, up[j-1]+cost)
		if d >= 2 && j >= 2 && c == q[j-2] && f.path[d-1] == q[j-1] {
			x = min(x, f.rows[d-2][j-2]+1)
		}
		row[j] = x
		best = min(best, x)
	}
	if hi+1 <= n {
		row[hi+1] = f.far
	}
	if best > uint8(f.max) {
		return
	}
	if id := t.term[node]; id >= 0 && d >= n-f.max && row[n] <= uint8(f.max) && row[n] > 0 {
		f.fn(uint32(id), int(row[n]))
	}
	if d == maxFuzzyLen {
		return
	}
	for ch := t.child(node); ch != 0; ch = t.next[ch] {
		f.walk(ch, d+1)
	}
}

// A trie holds sorted words letter by letter, nodes in depth-first order:
// a node's first child, if it has one, is the node after it.
type trie struct {
	label    []byte
	next     []uint32 // next sibling, or 0
	term     []int32  // the term of the word that ends here, or -1
	hasChild []bool
}

func (t *trie) child(node uint32) uint32 {
	if t.hasChild[node] {
		return node + 1
	}
	return 0
}

// newTrie builds the trie of sorted words, whose terms are terms[i].
func newTrie(sorted []string, terms []uint32) trie {
	t := trie{label: []byte{0}, next: []uint32{0}, term: []int32{-1}, hasChild: []bool{false}}
	path := []uint32{0} // path[d] is the node at depth d of the last term
	last := []uint32{0} // last[d] is the last child added under path[d]
	prev := ""
	for i, w := range sorted {
		d := commonPrefix(prev, w)
		path, last = path[:d+1], last[:d+1]
		for k := d; k < len(w); k++ {
			node := uint32(len(t.label))
			t.label = append(t.label, w[k])
			t.next = append(t.next, 0)
			t.term = append(t.term, -1)
			t.hasChild = append(t.hasChild, false)
			parent := path[k]
			if t.hasChild[parent] {
				t.next[last[k]] = node
			} else {
				t.hasChild[parent] = true
			}
			last[k] = node
			path = append(path, node)
			last = append(last, 0)
		}
		t.term[path[len(w)]] = int32(terms[i])
		prev = w
	}
	return t
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

// wordTrie returns the trie of the corpus's words whose terms are indexed,
// in lower case letters.
func wordTrie(b *Base) trie {
	type entry struct {
		word string
		term uint32
	}
	var es []entry
	for w, t := range b.wordTerm {
		if b.indexed(t) && w != "" && 'a' <= w[0] && w[0] <= 'z' && len(w) <= maxFuzzyLen {
			es = append(es, entry{w, t})
		}
	}
	slices.SortFunc(es, func(x, y entry) int { return strings.Compare(x.word, y.word) })
	words := make([]string, len(es))
	terms := make([]uint32, len(es))
	for i, e := range es {
		words[i], terms[i] = e.word, e.term
	}
	return newTrie(words, terms)
}
