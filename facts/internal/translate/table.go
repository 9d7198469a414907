package translate

// The stored table, table.bin.gz, is a gzip stream of:
//
//	magic   "FBTRANS1" (8 bytes)
//	nvocab  uvarint; then nvocab stems, each a uvarint length and its bytes,
//	        in strictly increasing byte order (the stems of both sides)
//	nrows   uvarint; then nrows rows, in increasing order of question stem:
//	  q       uvarint  index of the question stem in the vocabulary
//	  self    uint16   t(q | q), little-endian, as min(round(p × 65536), 65535)
//	  npairs  uvarint; then npairs pairs, best first (p descending, then
//	          stem ascending):
//	    s     uvarint  index of the answer stem in the vocabulary; s ≠ q
//	    p     uint16   t(s | q), little-endian, stored as self is
//
// and nothing after. All integers are at most the vocabulary's size, so a
// table that claims more is rejected rather than allocated.

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

const magic = "FBTRANS1"

// scale turns a probability into its stored uint16 and back.
const scale = 65536

// ErrFormat is wrapped by every error about a malformed table.
var ErrFormat = errors.New("translate: malformed table")

// A Pair is one answer stem that a question stem predicts, with t(Stem | q).
type Pair struct {
	Stem string
	P    float32
}

// A Row is a question stem's entry: its self-translation probability and
// the different stems it predicts, best first.
type Row struct {
	Q     string
	Self  float32
	Pairs []Pair
}

// A Table maps question stems to the answer stems they predict. Its methods
// are safe for concurrent use; a Table is not changed after Decode.
type Table struct {
	rows map[string]Row
}

// Lookup returns the stems that question stem q predicts in an answer
// sentence, other than q itself, best first; nil if q is not in the table.
// The slice is shared: do not modify it.
func (t *Table) Lookup(q string) []Pair { return t.rows[q].Pairs }

// Self returns t(q | q), the probability that q answers itself; 0 if q is
// not in the table.
func (t *Table) Self(q string) float32 { return t.rows[q].Self }

// Len returns the number of question stems in the table.
func (t *Table) Len() int { return len(t.rows) }

// Rows returns the table's rows in increasing order of question stem.
func (t *Table) Rows() []Row {
	out := make([]Row, 0, len(t.rows))
	for _, r := range t.rows {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b Row) int { return strings.Compare(a.Q, b.Q) })
	return out
}

// Decode reads a table in the stored format (gzip-compressed).
func Decode(r io.Reader) (*Table, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("translate: decode: %w", err)
	}
	defer zr.Close()
	br := bufio.NewReader(zr)
	d := decoder{r: br}
	var m [len(magic)]byte
	if _, err := io.ReadFull(br, m[:]); err != nil || string(m[:]) != magic {
		return nil, fmt.Errorf("%w: bad magic", ErrFormat)
	}
	nvocab := d.uvarint(math.MaxInt32)
	vocab := make([]string, 0, min(nvocab, 1<<20))
	for range nvocab {
		n := d.uvarint(1 << 10)
		b := make([]byte, n)
		d.full(b)
		if d.err != nil {
			break
		}
		s := string(b)
		if len(vocab) > 0 && vocab[len(vocab)-1] >= s {
			return nil, fmt.Errorf("%w: vocabulary out of order at %q", ErrFormat, s)
		}
		vocab = append(vocab, s)
	}
	nrows := d.uvarint(len(vocab))
	t := &Table{rows: make(map[string]Row, nrows)}
	prev := -1
	for range nrows {
		q := d.uvarint(len(vocab) - 1)
		self := d.prob()
		npairs := d.uvarint(len(vocab))
		if d.err != nil {
			break
		}
		if q <= prev {
			return nil, fmt.Errorf("%w: rows out of order at %q", ErrFormat, vocab[q])
		}
		prev = q
		pairs := make([]Pair, 0, npairs)
		for range npairs {
			s := d.uvarint(len(vocab) - 1)
			p := d.prob()
			if d.err != nil {
				break
			}
			if s == q {
				return nil, fmt.Errorf("%w: %q translates to itself", ErrFormat, vocab[q])
			}
			pairs = append(pairs, Pair{vocab[s], p})
		}
		t.rows[vocab[q]] = Row{Q: vocab[q], Self: self, Pairs: pairs}
	}
	if d.err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, d.err)
	}
	if _, err := br.ReadByte(); err != io.EOF {
		return nil, fmt.Errorf("%w: data after the last row", ErrFormat)
	}
	return t, nil
}

// decoder reads the table's integers, keeping the first error.
type decoder struct {
	r   *bufio.Reader
	err error
}

func (d *decoder) uvarint(max int) int {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d.r)
	if err == nil && v > uint64(max) {
		err = fmt.Errorf("count %d above %d", v, max)
	}
	if err != nil {
		d.err = noEOF(err)
		return 0
	}
	return int(v)
}

func (d *decoder) prob() float32 {
	var b [2]byte
	d.full(b[:])
	return float32(binary.LittleEndian.Uint16(b[:])) / scale
}

func (d *decoder) full(b []byte) {
	if d.err == nil {
		_, err := io.ReadFull(d.r, b)
		d.err = noEOF(err)
	}
}

func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// Encode writes rows in the stored format, gzip-compressed, the same bytes
// for the same rows. It sorts the rows and their pairs as the format wants
// and rounds each probability to its stored precision.
func Encode(w io.Writer, rows []Row) error {
	rows = slices.Clone(rows)
	slices.SortFunc(rows, func(a, b Row) int { return strings.Compare(a.Q, b.Q) })
	index := map[string]int{}
	for _, r := range rows {
		index[r.Q] = 0
		for _, p := range r.Pairs {
			if p.Stem == r.Q {
				return fmt.Errorf("translate: encode: %q translates to itself", r.Q)
			}
			index[p.Stem] = 0
		}
	}
	vocab := make([]string, 0, len(index))
	for s := range index {
		vocab = append(vocab, s)
	}
	slices.Sort(vocab)
	var buf bytes.Buffer
	buf.WriteString(magic)
	putUvarint(&buf, len(vocab))
	for i, s := range vocab {
		if len(s) > 1<<10 {
			return fmt.Errorf("translate: encode: stem %.20q… too long", s)
		}
		index[s] = i
		putUvarint(&buf, len(s))
		buf.WriteString(s)
	}
	putUvarint(&buf, len(rows))
	for i, r := range rows {
		if i > 0 && rows[i-1].Q == r.Q {
			return fmt.Errorf("translate: encode: question stem %q twice", r.Q)
		}
		putUvarint(&buf, index[r.Q])
		putProb(&buf, r.Self)
		pairs := slices.Clone(r.Pairs)
		for k := range pairs {
			pairs[k].P = quantize(pairs[k].P)
		}
		slices.SortFunc(pairs, func(a, b Pair) int {
			if a.P != b.P {
				if a.P > b.P {
					return -1
				}
				return 1
			}
			return strings.Compare(a.Stem, b.Stem)
		})
		putUvarint(&buf, len(pairs))
		for _, p := range pairs {
			putUvarint(&buf, index[p.Stem])
			putProb(&buf, p.P)
		}
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("translate: encode: %w", err)
	}
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("translate: encode: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("translate: encode: %w", err)
	}
	return nil
}

func putUvarint(b *bytes.Buffer, v int) {
	var tmp [binary.MaxVarintLen64]byte
	b.Write(tmp[:binary.PutUvarint(tmp[:], uint64(v))])
}

func putProb(b *bytes.Buffer, p float32) {
	var tmp [2]byte
	binary.LittleEndian.PutUint16(tmp[:], store(p))
	b.Write(tmp[:])
}

// quantize rounds p to the precision it is stored with.
func quantize(p float32) float32 { return float32(store(p)) / scale }

// store returns p's stored form.
func store(p float32) uint16 {
	if p != p {
		return 0 // NaN
	}
	return uint16(min(math.Round(float64(max(p, 0))*scale), math.MaxUint16))
}
