package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), args, env(nil), nil, &stdout, &stderr); err != nil {
			t.Fatalf("factbot %v: %v", args, err)
		}
		if got, want := stdout.String(), "factbot "+version+"\n"; got != want {
			t.Errorf("factbot %v printed %q, want %q", args, got, want)
		}
	}
}

// The notices of the data compiled in go with every copy of the binary.
func TestVersionNotices(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"version", "--notices"}, env(nil), nil, &stdout, &stderr); err != nil {
		t.Fatalf("factbot version --notices: %v", err)
	}
	for _, want := range []string{"Princeton University", "CC BY-SA 4.0", "SCOWL"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("factbot version --notices does not mention %q", want)
		}
	}
}
