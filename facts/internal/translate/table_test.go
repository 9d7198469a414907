package translate

import (
	"bytes"
	"compress/gzip"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func encode(t *testing.T, rows []Row) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Encode(&b, rows); err != nil {
		t.Fatalf("Encode: %v", err)
	}
	return b.Bytes()
}

func TestRoundTrip(t *testing.T) {
	rows := []Row{
		{Q: "mani", Self: 0, Pairs: []Pair{{"three", 0.0625}, {"million", 0.5}, {"popul", 0.0625}}},
		{Q: "direct", Self: 0.25, Pairs: []Pair{{"film", 0.125}, {"director", 0.25}}},
		{Q: "who", Self: 0},
	}
	tab, err := Decode(bytes.NewReader(encode(t, rows)))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	tests := []struct {
		q    string
		self float32
		want []Pair
	}{
		{"direct", 0.25, []Pair{{"director", 0.25}, {"film", 0.125}}},
		{"mani", 0, []Pair{{"million", 0.5}, {"popul", 0.0625}, {"three", 0.0625}}}, // best first, then by stem
		{"who", 0, nil},
		{"absent", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			got := tab.Lookup(tt.q)
			if len(got) == 0 {
				got = nil
			}
			// Probabilities come back to 1/65535; these are exact in binary.
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Lookup(%q) (-want +got):\n%s", tt.q, diff)
			}
			if got := tab.Self(tt.q); got != tt.self {
				t.Errorf("Self(%q) = %v, want %v", tt.q, got, tt.self)
			}
		})
	}
	if tab.Len() != 3 {
		t.Errorf("Len = %d, want 3", tab.Len())
	}
	again := encode(t, tab.Rows())
	if !bytes.Equal(again, encode(t, rows)) {
		t.Errorf("a decoded table encodes to other bytes")
	}
}

func TestEncodeRejects(t *testing.T) {
	tests := []struct {
		name string
		rows []Row
	}{
		{"self pair", []Row{{Q: "a", Pairs: []Pair{{"a", 0.5}}}}},
		{"row twice", []Row{{Q: "a"}, {Q: "a"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := Encode(&bytes.Buffer{}, tt.rows); err == nil {
				t.Errorf("Encode accepted %v", tt.rows)
			}
		})
	}
}

func gz(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

func TestDecodeMalformed(t *testing.T) {
	good := encode(t, []Row{{Q: "mani", Pairs: []Pair{{"million", 0.5}}}})
	zr, _ := gzip.NewReader(bytes.NewReader(good))
	var raw bytes.Buffer
	raw.ReadFrom(zr)
	tests := []struct {
		name string
		in   []byte
	}{
		{"bad magic", gz([]byte("FBTRANS2\x00\x00"))},
		{"truncated", gz(raw.Bytes()[:raw.Len()-1])},
		{"trailing data", gz(append(raw.Bytes(), 0))},
		{"huge vocabulary", gz([]byte(magic + "\xff\xff\xff\xff\x0f"))},
		{"vocabulary out of order", gz([]byte(magic + "\x02\x01b\x01a\x00"))},
		{"pair index past vocabulary", gz([]byte(magic + "\x01\x01a\x01\x00\x00\x00\x01\x05\x00\x00"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Decode(bytes.NewReader(tt.in)); !errors.Is(err, ErrFormat) {
				t.Errorf("Decode = %v, want ErrFormat", err)
			}
		})
	}
	if _, err := Decode(bytes.NewReader([]byte("not gzip"))); err == nil {
		t.Errorf("Decode accepted a stream that is not gzip")
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(encode(&testing.T{}, []Row{{Q: "mani", Self: 0.1, Pairs: []Pair{{"million", 0.5}, {"popul", 0.2}}}}))
	f.Fuzz(func(t *testing.T, b []byte) {
		tab, err := Decode(bytes.NewReader(b))
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := Encode(&out, tab.Rows()); err != nil {
			t.Fatalf("a decoded table does not encode: %v", err)
		}
	})
}
