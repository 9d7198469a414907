package main

import (
	"bytes"
	"context"
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
