package live

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"

	"github.com/factbot/factbot/facts"
)

// Snapshot returns an id of the fact base's content: twelve hex digits of
// a SHA-256 over every article's id, metadata and paragraphs, in order.
// Two bases built from the same articles have the same id, so an operator
// can tell whether two replicas serve the same text, and whether a rebuild
// changed anything.
func Snapshot(fb *facts.Base) string {
	h := sha256.New()
	for _, a := range fb.Articles() {
		for _, s := range []string{a.ID, a.Title, a.Publisher, a.URL, a.Published, a.Author} {
			writeString(h, s)
		}
		for _, p := range a.Paragraphs {
			writeString(h, p)
		}
		writeString(h, "") // ends the article: its paragraphs cannot run into the next one
	}
	return hex.EncodeToString(h.Sum(nil)[:6])
}

// writeString writes s with its length first, so that no two lists of
// strings hash alike.
func writeString(h hash.Hash, s string) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
	h.Write(n[:])
	h.Write([]byte(s))
}
