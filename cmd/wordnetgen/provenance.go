package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// A generation is one compiled lexicon with what it was made from.
type generation struct {
	encoded []byte
	lx      *lexicon
	license string
	version string   // WordNet's, from its licence
	inputs  []string // "sha256  name" lines
	command string
	source  string
}

// generate reads the database in dir and compiles it.
func generate(dir string) (*generation, error) {
	g := &generation{}
	for _, name := range inputFiles {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("wordnetgen: %w", err)
		}
		g.inputs = append(g.inputs, fmt.Sprintf("%x  %s", sha256.Sum256(b), name))
		if name == "data.noun" {
			g.license = licenseText(b)
		}
	}
	if m := regexp.MustCompile(`WordNet (\d+(\.\d+)*) Copyright`).FindStringSubmatch(g.license); m != nil {
		g.version = m[1]
	} else {
		return nil, fmt.Errorf("wordnetgen: no WordNet licence with a version in %s", filepath.Join(dir, "data.noun"))
	}
	d, err := readDict(dir)
	if err != nil {
		return nil, fmt.Errorf("wordnetgen: %w", err)
	}
	g.lx = build(d)
	g.encoded, err = encode(g.lx)
	if err != nil {
		return nil, fmt.Errorf("wordnetgen: %w", err)
	}
	return g, nil
}

// licenseText extracts the licence from a data file's header, whose lines
// are "  N text  ".
func licenseText(data []byte) string {
	var b strings.Builder
	for line := range strings.Lines(string(data)) {
		if !strings.HasPrefix(line, "  ") {
			break
		}
		f := strings.SplitN(strings.TrimLeft(line, " "), " ", 2)
		text := ""
		if len(f) == 2 {
			text = strings.TrimRight(f[1], " \n")
		}
		b.WriteString(text + "\n")
	}
	return b.String()
}

type outFile struct {
	path string
	data []byte
}

// files lays out the compiled file, its provenance and the licence.
func (g *generation) files(out string) ([]outFile, error) {
	var p bytes.Buffer
	fmt.Fprintf(&p, "%s: WordNet %s lexical relations compiled for factbot by cmd/wordnetgen.\n", filepath.Base(out), g.version)
	fmt.Fprintf(&p, "WordNet %s, Copyright Princeton University; licence in LICENSE.WordNet beside this file.\n\n", g.version)
	fmt.Fprintf(&p, "source: %s\n", g.source)
	fmt.Fprintf(&p, "command: %s\n", g.command)
	fmt.Fprintf(&p, "settings: minShare=%g smoothing=%g maxList=%d maxFanOut=%d\n", minShare, smoothing, maxList, maxFanOut)
	fmt.Fprintf(&p, "output: %x  %s (%d bytes)\n", sha256.Sum256(g.encoded), filepath.Base(out), len(g.encoded))
	fmt.Fprintf(&p, "lemmas: %d, exception forms: %d\n", len(g.lx.lemmas), len(g.lx.exceptions))
	names := [numRelations]string{"synonym", "derived", "hypernym", "hyponym", "holonym", "meronym", "pertainym", "antonym", "ancestor"}
	fmt.Fprintf(&p, "pairs:")
	for r, name := range names {
		n := 0
		for _, es := range g.lx.rels[r] {
			n += len(es)
		}
		fmt.Fprintf(&p, " %s %d", name, n)
	}
	fmt.Fprintf(&p, "\ninputs (sha256):\n")
	for _, in := range g.inputs {
		fmt.Fprintf(&p, "%s\n", in)
	}
	return []outFile{
		{out, g.encoded},
		{out + ".txt", p.Bytes()},
		{filepath.Join(filepath.Dir(out), "LICENSE.WordNet"), []byte(g.license)},
	}, nil
}

// debianSource names the installed wordnet-base package, or says it is unknown.
func debianSource(ctx context.Context) string {
	b, err := exec.CommandContext(ctx, "dpkg-query", "-W", "-f=${Package} ${Version}", "wordnet-base").Output()
	if err != nil || len(b) == 0 {
		return "unknown (not from an installed wordnet-base; pass -source)"
	}
	return "Debian package " + string(b)
}

// commandLine records how the generator was run, quoting arguments that
// need it.
func commandLine(args []string) string {
	parts := []string{"go run ./cmd/wordnetgen"}
	for _, a := range args {
		if a == "" || strings.ContainsAny(a, " \t\"'$\\") {
			a = strconv.Quote(a)
		}
		parts = append(parts, a)
	}
	return strings.Join(parts, " ")
}
