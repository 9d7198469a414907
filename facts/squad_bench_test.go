package facts

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

const squadDir = "../../shared/corpora/squad-train"

func loadSquad(tb testing.TB) (*Base, []string) {
	tb.Helper()
	dir := filepath.Join(squadDir, "articles")
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("SQuAD corpus not found at %s", dir)
	}
	b, err := Load(os.DirFS(dir))
	if err != nil {
		tb.Fatal(err)
	}
	f, err := os.Open(filepath.Join(squadDir, "sample-2000.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var q struct{ Q string }
		json.Unmarshal(sc.Bytes(), &q)
		qs = append(qs, q.Q)
	}
	return b, qs
}

func BenchmarkAskSquad(b *testing.B) {
	base, qs := loadSquad(b)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		base.Ask(qs[i%len(qs)])
	}
}
