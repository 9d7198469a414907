package wordnet

/*
The compiled file, wordnet.bin.gz, is written by cmd/wordnetgen and read here.

It is one gzip stream (empty gzip header, so reruns are byte-identical) of:

	magic       "factbot wordnet 3\n"
	nlemmas     uvarint
	lemmas      nlemmas × { string; pos byte }
	nexc        uvarint
	exceptions  nexc × { string; n uvarint; n × { pos byte; lemma uvarint } }
	relations   9 × nlemmas × { n uvarint; n × { lemma uvarint [; weight byte] } }

Integers are unsigned varints (encoding/binary). A string is front-coded
against the previous string of its table: { shared uvarint; n uvarint; n
bytes }, where shared is the length of the prefix it has in common with the
previous one (0 for the first).

Lemmas are sorted bytewise and unique; a lemma's id is its index in that
table. Every lemma is lower case, the words of a collocation separated by
single spaces ("think tank"). Its pos byte is a mask of the parts of speech
WordNet lists it under: 1 noun, 2 verb, 4 adjective (satellites included),
8 adverb.

Exceptions are the inflected forms of WordNet's noun.exc, verb.exc, adj.exc
and adv.exc, sorted, each with the lemmas it is a form of and the part of
speech (0 noun, 1 verb, 2 adjective, 3 adverb) of the list that says so; only
lemmas WordNet lists under that part of speech are kept.

The relations follow in this order, each a list per lemma in id order:
synonyms, derived forms, hypernyms, hyponyms, part holonyms, part meronyms,
pertainyms, antonyms, ancestors. Only synonyms carry a weight byte w after each lemma;
the weight is w/255. Each list is in the order the generator ranks it
(strongest, nearest or most familiar first). What goes into each list, and
why, is documented in cmd/wordnetgen/build.go.

The number in the magic is the format's version: a change to the layout or
to the list of relations takes a new number, so a reader never misreads a
file of another version (version 2 added antonyms, 3 ancestors).
*/

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
)

const magic = "factbot wordnet 3\n"

// The relations of the compiled file, in the order they are stored.
const (
	relSynonym = iota
	relDerived
	relHypernym
	relHyponym
	relHolonym
	relMeronym
	relPertainym
	relAntonym
	relAncestor
	numRelations
)

// errFormat reports a compiled file that does not follow the format.
var errFormat = errors.New("wordnet: malformed compiled file")

// Read reads a compiled file (gzip-compressed, as cmd/wordnetgen writes it).
func Read(r io.Reader) (*DB, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("wordnet: %w", err)
	}
	raw, err := io.ReadAll(bufio.NewReader(zr))
	if err != nil {
		return nil, fmt.Errorf("wordnet: %w", err)
	}
	return decode(raw)
}

// gunzip uncompresses a compiled file.
func gunzip(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// decoder reads the uncompressed file; its first error sticks.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = fmt.Errorf("%w: bad varint", errFormat)
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) byte() byte {
	if d.err != nil {
		return 0
	}
	if len(d.b) == 0 {
		d.err = fmt.Errorf("%w: truncated", errFormat)
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

// count reads a length and checks it against what is left, each item taking
// at least min bytes.
func (d *decoder) count(min int) int {
	n := d.uvarint()
	if d.err == nil && n > uint64(len(d.b)/min) {
		d.err = fmt.Errorf("%w: count %d past the end", errFormat, n)
		return 0
	}
	return int(n)
}

// str reads a front-coded string, given the previous one, and appends it to
// dst.
func (d *decoder) str(dst, prev []byte) []byte {
	shared := d.uvarint()
	n := d.uvarint()
	if d.err != nil {
		return dst
	}
	if shared > uint64(len(prev)) || n > uint64(len(d.b)) {
		d.err = fmt.Errorf("%w: bad string", errFormat)
		return dst
	}
	dst = append(dst, prev[:shared]...)
	dst = append(dst, d.b[:n]...)
	d.b = d.b[n:]
	return dst
}

// id reads a lemma id and checks it.
func (d *decoder) id(n int) uint32 {
	v := d.uvarint()
	if d.err == nil && v >= uint64(n) {
		d.err = fmt.Errorf("%w: lemma id %d out of range", errFormat, v)
		return 0
	}
	return uint32(v)
}

func decode(raw []byte) (*DB, error) {
	if len(raw) < len(magic) || string(raw[:len(magic)]) != magic {
		return nil, fmt.Errorf("%w: no magic", errFormat)
	}
	d := &decoder{b: raw[len(magic):]}
	db := &DB{}

	n := d.count(3)
	var names []byte
	db.ends = make([]uint32, 0, n)
	db.pos = make([]uint8, 0, n)
	start := 0
	for range n {
		next := len(names)
		names = d.str(names, names[start:])
		start = next
		db.ends = append(db.ends, uint32(len(names)))
		db.pos = append(db.pos, d.byte())
	}
	db.names = string(names)
	db.ids = make(map[string]uint32, n)
	for i := range db.ends {
		db.ids[db.name(uint32(i))] = uint32(i)
	}
	if d.err == nil && len(db.ids) != len(db.ends) {
		d.err = fmt.Errorf("%w: repeated lemma", errFormat)
	}

	nexc := d.count(4)
	db.exceptions = make(map[string][]base, nexc)
	var form []byte
	for range nexc {
		form = d.str(nil, form)
		k := d.count(2)
		bases := make([]base, 0, k)
		for range k {
			p := d.byte()
			bases = append(bases, base{pos: p, id: d.id(n)})
		}
		db.exceptions[string(form)] = bases
	}

	for r := range db.rels {
		rel := &db.rels[r]
		rel.start = make([]uint32, n+1)
		for i := range n {
			k := d.count(1)
			for range k {
				rel.to = append(rel.to, d.id(n))
				if r == relSynonym {
					w := d.byte()
					if d.err == nil && w == 0 {
						d.err = fmt.Errorf("%w: zero weight", errFormat)
					}
					db.weights = append(db.weights, w)
				}
			}
			rel.start[i+1] = uint32(len(rel.to))
		}
		rel.to = slices.Clip(rel.to)
	}
	db.weights = slices.Clip(db.weights)
	if d.err == nil && len(d.b) != 0 {
		d.err = fmt.Errorf("%w: %d bytes after the end", errFormat, len(d.b))
	}
	if d.err != nil {
		return nil, d.err
	}
	return db, nil
}
