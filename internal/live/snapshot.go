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
		writeArticle(h, a)
	}
	return hex.EncodeToString(h.Sum(nil)[:6])
}

// Digest returns the SHA-256, in hex, of one article's content as the fact
// base holds it: its id, metadata and paragraphs, hashed as Snapshot hashes
// them. It changes when any word of the article does, and not when only
// the file's line breaks or front matter layout do.
func Digest(a facts.Article) string {
	h := sha256.New()
	writeArticle(h, a)
	return hex.EncodeToString(h.Sum(nil))
}

// writeArticle writes an article's id, metadata and paragraphs to h.
func writeArticle(h hash.Hash, a facts.Article) {
	for _, s := range []string{a.ID, a.Title, a.Publisher, a.URL, a.Published, a.Author} {
		writeString(h, s)
	}
	for _, p := range a.Paragraphs {
		writeString(h, p)
	}
	writeString(h, "") // ends the article: its paragraphs cannot run into the next one
}

// writeString writes s with its length first, so that no two lists of
// strings hash alike.
func writeString(h hash.Hash, s string) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
	h.Write(n[:])
	h.Write([]byte(s))
}
