package main

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
)

// magic starts the compiled file; facts/internal/wordnet/format.go documents
// the rest and reads it.
const magic = "factbot wordnet 3\n"

// encode writes the lexicon in the compiled format, gzip-compressed with an
// empty gzip header, so the same lexicon always gives the same bytes.
func encode(lx *lexicon) ([]byte, error) {
	var raw []byte
	raw = append(raw, magic...)
	ids := make(map[string]int, len(lx.lemmas))
	raw = binary.AppendUvarint(raw, uint64(len(lx.lemmas)))
	prev := ""
	for i, l := range lx.lemmas {
		ids[l] = i
		raw = appendFrontCoded(raw, prev, l)
		raw = append(raw, lx.pos[l])
		prev = l
	}
	raw = binary.AppendUvarint(raw, uint64(len(lx.exceptions)))
	prev = ""
	for _, e := range lx.exceptions {
		raw = appendFrontCoded(raw, prev, e.form)
		prev = e.form
		raw = binary.AppendUvarint(raw, uint64(len(e.bases)))
		for _, b := range e.bases {
			raw = append(raw, b.pos)
			raw = binary.AppendUvarint(raw, uint64(ids[b.lemma]))
		}
	}
	for r := range numRelations {
		for _, l := range lx.lemmas {
			es := lx.rels[r][l]
			raw = binary.AppendUvarint(raw, uint64(len(es)))
			for _, e := range es {
				id, ok := ids[e.to]
				if !ok {
					return nil, fmt.Errorf("relation %d of %q: unknown lemma %q", r, l, e.to)
				}
				raw = binary.AppendUvarint(raw, uint64(id))
				if r == relSynonym {
					raw = append(raw, quantize(e.weight))
				}
			}
		}
	}

	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(raw); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// appendFrontCoded appends s as the length of the prefix it shares with prev,
// the length of the rest and the rest.
func appendFrontCoded(b []byte, prev, s string) []byte {
	n := 0
	for n < len(prev) && n < len(s) && prev[n] == s[n] {
		n++
	}
	b = binary.AppendUvarint(b, uint64(n))
	b = binary.AppendUvarint(b, uint64(len(s)-n))
	return append(b, s[n:]...)
}

// quantize maps a weight in (0,1] to a byte in 1..255 (weight·255, rounded,
// at least 1).
func quantize(w float64) byte {
	q := math.Round(w * 255)
	return byte(slices.Max([]float64{1, math.Min(255, q)}))
}
