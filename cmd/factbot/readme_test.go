package main

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the README's configuration table from the settings")

// The README's configuration table stands between these lines.
const (
	tableStart = "<!-- settings: generated from cmd/factbot/config.go by `go test ./cmd/factbot -update` -->\n"
	tableEnd   = "<!-- end of settings -->\n"
)

// TestReadmeSettings checks that the README's configuration table is the
// one the settings make; -update rewrites it.
func TestReadmeSettings(t *testing.T) {
	const path = "../../README.md"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	before, rest, ok1 := strings.Cut(readme, tableStart)
	got, after, ok2 := strings.Cut(rest, tableEnd)
	if !ok1 || !ok2 {
		t.Fatalf("README.md has no configuration table between %q and %q", tableStart, tableEnd)
	}
	want := settingsTable(serveSettings(new(serveConfig)))
	if *update {
		if err := os.WriteFile(path, []byte(before+tableStart+want+tableEnd+after), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("README.md's configuration table is out of date; run go test ./cmd/factbot -update (-want +got):\n%s", diff)
	}
}
