package wordnet

import (
	"bytes"
	"runtime"
	"testing"
)

// BenchmarkLoad reads the embedded file and reports the heap it keeps.
func BenchmarkLoad(b *testing.B) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var db *DB
	for b.Loop() {
		var err error
		db, err = Read(bytes.NewReader(compiled))
		if err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MiB-heap")
	runtime.KeepAlive(db)
}
