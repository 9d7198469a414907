package facts

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"
)

func TestProfileBuild(t *testing.T) {
	dir := filepath.Join(squadDir, "articles")
	if _, err := os.Stat(dir); err != nil {
		t.Skip()
	}
	f, _ := os.Create("/tmp/build.prof")
	pprof.StartCPUProfile(f)
	var b *Base
	for i := 0; i < 3; i++ {
		start := time.Now()
		b, _ = Load(os.DirFS(dir))
		t.Log(time.Since(start))
	}
	pprof.StopCPUProfile()
	runtime.GC()
	hf, _ := os.Create("/tmp/heap.prof")
	pprof.WriteHeapProfile(hf)
	hf.Close()
	runtime.KeepAlive(b)
}
