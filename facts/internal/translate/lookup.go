package translate

import (
	"bytes"
	_ "embed"
	"sync"
)

//go:embed table.bin.gz
var stored []byte

// table is the compiled-in table, decoded on first use. A table that does
// not decode is a build error, caught by the package's tests; at run time it
// leaves the table empty rather than panicking.
var table = sync.OnceValues(func() (*Table, error) {
	t, err := Decode(bytes.NewReader(stored))
	if err != nil {
		return &Table{}, err
	}
	return t, nil
})

// Default returns the compiled-in table, decoding it on the first call, and
// the error if it did not decode (then the table is empty).
func Default() (*Table, error) { return table() }

// Lookup returns the stems that question stem q predicts in the sentence
// that answers it, other than q itself, best first, from the compiled-in
// table. The slice is shared: do not modify it.
func Lookup(q string) []Pair {
	t, _ := table()
	return t.Lookup(q)
}

// Self returns t(q | q) from the compiled-in table.
func Self(q string) float32 {
	t, _ := table()
	return t.Self(q)
}
