package spell

import (
	"math/bits"
	"slices"
)

// An index finds the words within an edit or two of a typed word by
// symmetric deletion (Garbe's SymSpell): each word is stored under itself and
// under each form with one letter deleted; a typed word looks up itself and
// its forms with up to two letters deleted. Two strings within one edit
// share a form, as do two within two edits but for two replaced letters or
// two left out of the stored word, which are not found: those are rare
// typos, and the cost of finding them would be an index several times the
// size. What the index finds is checked with distance.
//
// The index is one sorted slice: each element holds a 40-bit hash of a form
// and the 24-bit id of the word. A hash collision only adds a candidate that
// distance turns down. The hashes are even, so their top bits cut the slice
// into buckets of about eight elements, and start finds a form's bucket in
// one look where a binary search over the whole slice would take twenty,
// most of them cache misses: a typo looks up dozens of forms.
type index struct {
	keys  []uint64
	start []uint32 // start[b] is the first key of bucket b; one more for the end
	shift uint     // a key's bucket is key >> shift
}

const idBits = 24

// maxWords is the most words an index holds.
const maxWords = 1 << idBits

func newIndex(words []string) index {
	n := 0
	for _, w := range words {
		n += len(w) + 1
	}
	keys := make([]uint64, 0, n)
	for id, w := range words {
		if len(w) > maxLen {
			continue
		}
		keys = append(keys, key(hashSkip(w, -1, -1), id))
		for i := range len(w) {
			if i > 0 && w[i] == w[i-1] {
				continue // the same form as deleting w[i-1]
			}
			keys = append(keys, key(hashSkip(w, i, -1), id))
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	nb := bits.Len(uint(len(keys) / 8)) // log2 of the buckets
	ix := index{keys: keys, start: make([]uint32, 1<<nb+1), shift: uint(64 - nb)}
	b := 0
	for i, k := range keys {
		for ; b <= int(k>>ix.shift); b++ {
			ix.start[b] = uint32(i)
		}
	}
	for ; b < len(ix.start); b++ {
		ix.start[b] = uint32(len(keys))
	}
	return ix
}

func key(h uint64, id int) uint64 { return h>>idBits<<idBits | uint64(id) }

// lookup calls fn with the id of each word stored under the form with hash h.
func (ix index) lookup(h uint64, fn func(id uint32)) {
	if len(ix.keys) == 0 {
		return
	}
	b := h >> ix.shift
	i, end := ix.start[b], ix.start[b+1]
	for ; i < end && ix.keys[i]>>idBits < h>>idBits; i++ {
	}
	for ; i < end && ix.keys[i]>>idBits == h>>idBits; i++ {
		fn(uint32(ix.keys[i] & (1<<idBits - 1)))
	}
}

// hashSkip returns the FNV-1a hash of s without the bytes at i and j (-1 for
// none).
func hashSkip(s string, i, j int) uint64 {
	h := uint64(14695981039346656037)
	for k := range len(s) {
		if k == i || k == j {
			continue
		}
		h ^= uint64(s[k])
		h *= 1099511628211
	}
	return h
}

// forms calls fn with the hash of q and of each form of q with up to n
// letters deleted (n is 0, 1 or 2).
func forms(q string, n int, fn func(h uint64)) {
	fn(hashSkip(q, -1, -1))
	if n < 1 {
		return
	}
	for i := range len(q) {
		if i > 0 && q[i] == q[i-1] {
			continue
		}
		fn(hashSkip(q, i, -1))
		if n < 2 {
			continue
		}
		for j := i + 1; j < len(q); j++ {
			if j > i+1 && q[j] == q[j-1] {
				continue
			}
			fn(hashSkip(q, i, j))
		}
	}
}
