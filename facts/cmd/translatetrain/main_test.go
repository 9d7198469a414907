package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/factbot/factbot/facts/internal/text"
	"github.com/factbot/factbot/facts/internal/translate"
)

// TestModel1 trains on the textbook corpus (Koehn, Statistical Machine
// Translation, §4.2.1), whose right alignment is known: the words that
// occur together in every pair pull each other's mass away from the rest.
func TestModel1(t *testing.T) {
	pairs := []pair{
		{q: []string{"the", "house"}, s: []string{"das", "haus"}},
		{q: []string{"the", "book"}, s: []string{"das", "buch"}},
		{q: []string{"a", "book"}, s: []string{"ein", "buch"}},
	}
	m, err := train(context.Background(), pairs, emOptions{iters: 10, nullWeight: 1})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ q, want string }{
		{"house", "haus"},
		{"the", "das"},
		{"book", "buch"},
		{"a", "ein"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			best, bestP, sum := "", 0.0, 0.0
			for _, s := range m.sWords {
				p := m.prob(tt.q, s)
				sum += p
				if p > bestP {
					best, bestP = s, p
				}
			}
			if best != tt.want {
				t.Errorf("the best s for %q is %q (%.3f), want %q (%.3f)", tt.q, best, bestP, tt.want, m.prob(tt.q, tt.want))
			}
			if sum < 0.999 || sum > 1.001 {
				t.Errorf("Σ_s t(s|%q) = %v, want 1", tt.q, sum)
			}
		})
	}
	if p := m.prob("house", "haus"); p < 0.7 {
		t.Errorf("t(haus|house) = %.3f after 10 iterations, want it above 0.7", p)
	}
}

// TestModel1Cancel checks that training stops with its context.
func TestModel1Cancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := train(ctx, []pair{{q: []string{"a"}, s: []string{"b"}}}, emOptions{iters: 3, nullWeight: 1}); err == nil {
		t.Errorf("train ran with a cancelled context")
	}
}

// runFixture trains on testdata/squad into dir and returns the table's
// bytes, the provenance and what the command printed.
func runFixture(t *testing.T, dir string, extra ...string) (table, prov []byte, out string) {
	t.Helper()
	path := filepath.Join(dir, "table.bin.gz")
	args := append([]string{"-squad", "testdata/squad", "-out", path, "-min-count", "1", "-min-articles", "1", "-k", "5", "-min-p", "0"}, extra...)
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	table, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	prov, err = os.ReadFile(filepath.Join(dir, "table.md"))
	if err != nil {
		t.Fatal(err)
	}
	return table, prov, stdout.String()
}

func TestRunDeterministic(t *testing.T) {
	dir := t.TempDir()
	a, provA, _ := runFixture(t, dir)
	b, provB, _ := runFixture(t, dir)
	if !bytes.Equal(a, b) {
		t.Errorf("two runs wrote different tables")
	}
	if !bytes.Equal(provA, provB) {
		t.Errorf("two runs wrote different provenance:\n%s", cmp.Diff(string(provA), string(provB)))
	}
	for _, want := range []string{"CC BY-SA 4.0", "Rajpurkar", "sample-2000.jsonl", "NNN % 10 == 9", "8 iterations of EM", "questions.jsonl: "} {
		if !bytes.Contains(provA, []byte(want)) {
			t.Errorf("the provenance does not say %q", want)
		}
	}
}

// TestRunHoldsOut checks which fixture questions are trained on: not the
// one in sample-2000.jsonl, not the one about article 009, not the
// seventh of the rest (train-00009, the engine's tuning slice), not the one
// whose answer is in no sentence (train-00010).
func TestRunHoldsOut(t *testing.T) {
	d, err := load("testdata/squad")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, q := range d.qs {
		ids = append(ids, q.ID)
	}
	want := []string{"train-00001", "train-00002", "train-00003", "train-00004", "train-00005", "train-00006"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("trained on (-want +got):\n%s", diff)
	}
	if d.skipped != 1 {
		t.Errorf("skipped %d questions, want 1", d.skipped)
	}
}

// TestRunRoundTrip reads the written table back through the package's
// loader.
func TestRunRoundTrip(t *testing.T) {
	table, _, out := runFixture(t, t.TempDir(), "-eval")
	tab, err := translate.Decode(bytes.NewReader(table))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	// "Who directed Night Train?" is answered by "The film Night Train was
	// directed by Anna Berg.": names and stop words gone, "who" and
	// "direct" are left to explain "film".
	if !slices.ContainsFunc(tab.Lookup("direct"), func(p translate.Pair) bool { return p.Stem == "film" }) {
		t.Errorf("Lookup(direct) = %v, want film among them", tab.Lookup("direct"))
	}
	if tab.Self("direct") == 0 {
		t.Errorf("Self(direct) = 0, want the mass of direct → direct")
	}
	for _, r := range tab.Rows() {
		for _, p := range r.Pairs {
			if p.Stem == r.Q {
				t.Errorf("%q lists itself", r.Q)
			}
		}
		if r.Q == "dunmor" || r.Q == "berg" {
			t.Errorf("a name, %q, is a question word", r.Q)
		}
	}
	if !strings.Contains(out, "sample-2000") {
		t.Errorf("-eval printed no figures:\n%s", out)
	}
}

func TestRunUsage(t *testing.T) {
	for _, args := range [][]string{{"-nosuch"}, {"extra"}} {
		if err := run(context.Background(), args, &bytes.Buffer{}, &bytes.Buffer{}); err == nil {
			t.Errorf("run(%q) = nil, want an error", args)
		}
	}
}

func TestWords(t *testing.T) {
	ws := wordSplitter{z: text.NewTokenizer()}
	tests := []struct {
		in       string
		question bool
		want     []string
	}{
		{"How many people lived in Paris in 1858?", true, []string{"how", "mani", "peopl", "live"}},
		{"How many people lived in Paris in 1858?", false, []string{"peopl", "live"}},
		{"Who directed the film?", true, []string{"who", "direct", "film"}},
		{"The NATO film was directed by Anna Berg.", false, []string{"film", "direct"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, ws.words(tt.in, tt.question)); diff != "" {
				t.Errorf("words (-want +got):\n%s", diff)
			}
		})
	}
}
