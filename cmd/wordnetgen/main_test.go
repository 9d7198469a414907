package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden compiled fixture")

// golden is the fixture compiled, read back by facts/internal/wordnet's
// tests through its loader.
const golden = "../../facts/internal/wordnet/testdata/fixture.bin.gz"

// generateFixture runs the command on the hand-written fixture and returns
// the compiled file.
func generateFixture(t *testing.T) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "fixture.bin.gz")
	var stdout, stderr bytes.Buffer
	args := []string{"-dict", "testdata/dict", "-source", "hand-written fixture", "-out", out}
	if err := run(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	prov, err := os.ReadFile(out + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"source: hand-written fixture", "WordNet 3.0", "-source \"hand-written fixture\"", "  cntlist.rev\n", " pertainym 2 antonym 2 ancestor "} {
		if !strings.Contains(string(prov), want) {
			t.Errorf("provenance lacks %q:\n%s", want, prov)
		}
	}
	lic, err := os.ReadFile(filepath.Join(filepath.Dir(out), "LICENSE.WordNet"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(lic), "This software and database is being provided") {
		t.Errorf("licence starts %q", lic[:min(len(lic), 60)])
	}
	return b
}

func TestFixtureGolden(t *testing.T) {
	got := generateFixture(t)
	if again := generateFixture(t); !bytes.Equal(got, again) {
		t.Fatal("two runs on the same input differ")
	}
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("compiled fixture differs from %s; rerun with -update if the change is meant", golden)
	}
}

// TestEmbeddedUpToDate regenerates the committed file from the installed
// wordnet-base, when there is one, and checks it is byte-identical.
func TestEmbeddedUpToDate(t *testing.T) {
	const dict = "/usr/share/wordnet"
	if testing.Short() {
		t.Skip("slow: compiles all of WordNet")
	}
	if _, err := os.Stat(filepath.Join(dict, "data.noun")); err != nil {
		t.Skip("wordnet-base is not installed")
	}
	g, err := generate(dict)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../facts/internal/wordnet/wordnet.bin.gz")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(g.encoded, want) {
		t.Error("facts/internal/wordnet/wordnet.bin.gz is not what the generator makes of " + dict + "; regenerate it (see cmd/wordnetgen)")
	}
}

func TestFrequentSenses(t *testing.T) {
	a, b, c := synsetKey{1, 10}, synsetKey{1, 20}, synsetKey{0, 30}
	tests := []struct {
		name   string
		senses []sense
		want   []weightedSense
	}{
		{"one sense", []sense{{a, 1, 0}}, []weightedSense{{a, 1}}},
		{"rare sense dropped", []sense{{a, 1, 100}, {b, 2, 9}},
			[]weightedSense{{a, 100.5 / 110}}},
		{"frequent second sense kept, most frequent first", []sense{{c, 1, 8}, {a, 1, 34}},
			[]weightedSense{{a, 34.5 / 43}, {c, 8.5 / 43}}},
		{"untagged: first of each part of speech", []sense{{c, 1, 0}, {a, 1, 0}, {b, 2, 0}},
			[]weightedSense{{c, 1.0 / 3}, {a, 1.0 / 3}}},
		{"untagged sense of a tagged word: first only", []sense{{a, 1, 1}, {c, 1, 0}, {b, 2, 0}},
			[]weightedSense{{a, 1.5 / 2.5}, {c, 0.5 / 2.5}}},
		{"many untagged senses: the first only", []sense{{a, 1, 0}, {b, 2, 0}, {c, 1, 0}, {a, 3, 0}, {b, 4, 0}, {c, 2, 0}, {a, 5, 0}, {b, 6, 0}, {c, 3, 0}, {a, 7, 0}, {b, 8, 0}},
			[]weightedSense{{a, 1.0 / 11}}},
		{"no senses", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := frequentSenses(tt.senses)
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(weightedSense{}, synsetKey{})); diff != "" {
				t.Errorf("frequentSenses (-want +got):\n%s", diff)
			}
		})
	}
}

// TestWordRelations checks two relations on the fixture: the antonym
// pointer (good ! bad) gives a word-to-word relation both ways, and the
// satellite awful, similar to bad, gets no indirect antonym; a noun's
// ancestors are every synset above its dominant sense, nearest first,
// through hypernyms but not instance links.
func TestWordRelations(t *testing.T) {
	d, err := readDict("testdata/dict")
	if err != nil {
		t.Fatal(err)
	}
	lx := build(d)
	tests := []struct {
		rel   int
		lemma string
		want  []string
	}{
		{relAntonym, "good", []string{"bad"}},
		{relAntonym, "bad", []string{"good"}},
		{relAntonym, "awful", nil},
		{relAntonym, "french", nil},
		{relAncestor, "sedan", []string{"car", "motor vehicle", "vehicle"}},
		{relAncestor, "saloon", []string{"car", "motor vehicle", "vehicle"}},
		{relAncestor, "automobile", []string{"motor vehicle", "vehicle"}},
		{relAncestor, "vehicle", nil},
		{relAncestor, "lyon", nil}, // a name: an instance of a city, not a kind
		{relAncestor, "buy", nil},  // a verb
	}
	for _, tt := range tests {
		var got []string
		for _, e := range lx.rels[tt.rel][tt.lemma] {
			got = append(got, e.to)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("relation %d of %q (-want +got):\n%s", tt.rel, tt.lemma, diff)
		}
	}
}

// TestAncestorsDominantSense checks that the ancestors follow the sense
// tagged most often, not the first listed nor every sense.
func TestAncestorsDominantSense(t *testing.T) {
	key := func(o uint32) synsetKey { return synsetKey{0, o} }
	d := &dict{
		synsets: map[synsetKey]*synset{
			key(1): {words: []string{"entity"}},
			key(2): {words: []string{"person"}, pointers: []pointer{{symbol: "@", target: key(1)}}},
			key(3): {words: []string{"tube"}, pointers: []pointer{{symbol: "@", target: key(1)}}},
			key(4): {words: []string{"performer"}, pointers: []pointer{{symbol: "@", target: key(2)}}},
			key(5): {words: []string{"actor"}, pointers: []pointer{{symbol: "@", target: key(4)}}},
			key(6): {words: []string{"actor"}, pointers: []pointer{{symbol: "@", target: key(3)}}},
		},
		senses: map[string][]sense{
			"actor": {{key(6), 1, 2}, {key(5), 2, 40}},
		},
	}
	var got []string
	for _, e := range ancestors(d, "actor") {
		got = append(got, e.to)
	}
	if diff := cmp.Diff([]string{"performer", "person", "entity"}, got); diff != "" {
		t.Errorf("ancestors of the dominant sense (-want +got):\n%s", diff)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, line string
		parse      func(d *dict, line string) error
	}{
		{"data: short", "00001740 03 n", func(d *dict, l string) error { return d.addSynset(0, l, 1740) }},
		{"data: bad word count", "00001740 03 n zz entity 0 000 | x", func(d *dict, l string) error { return d.addSynset(0, l, 1740) }},
		{"data: pointer past the end", "00001740 03 n 01 entity 0 002 ~ 00001930 n 0000 | x", func(d *dict, l string) error { return d.addSynset(0, l, 1740) }},
		{"data: bad pointer pos", "00001740 03 n 01 entity 0 001 ~ 00001930 q 0000 | x", func(d *dict, l string) error { return d.addSynset(0, l, 1740) }},
		{"data: offset is not the byte position", "00001740 03 n 01 entity 0 000 | x", func(d *dict, l string) error { return d.addSynset(0, l, 0) }},
		{"index: wrong field count", "entity n 1 3 @ ~ 1 0 00001740", func(d *dict, l string) error { return d.addIndex(0, l, nil) }},
		{"index: unknown synset", "entity n 1 0 1 0 00001740", func(d *dict, l string) error { return d.addIndex(0, l, nil) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &dict{synsets: map[synsetKey]*synset{}, senses: map[string][]sense{}}
			if err := tt.parse(d, tt.line); err == nil {
				t.Errorf("parsing %q: no error", tt.line)
			}
		})
	}
}

func TestRunErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"missing dictionary", []string{"-dict", "testdata/nonexistent", "-source", "x", "-out", filepath.Join(t.TempDir(), "x.bin.gz")}},
		{"stray argument", []string{"-source", "x", "extra"}},
		{"unknown flag", []string{"-nope"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if err := run(context.Background(), tt.args, &stdout, &stderr); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestLemmaName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"French_Republic", "french republic"},
		{"beautiful(a)", "beautiful"},
		{"galore(ip)", "galore"},
		{"think_tank", "think tank"},
		{"u.s.", "u.s."},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := lemmaName(tt.in); got != tt.want {
				t.Errorf("lemmaName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
