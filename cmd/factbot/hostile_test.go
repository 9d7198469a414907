package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/factbot/factbot/facts"
)

// TestFactsHostileFolder runs issue 11's reproduction: the seed articles
// beside a named pipe, a link to /dev/zero and a link to a secret outside
// the folder. factbot facts must finish, list the seeds' facts, and say
// why it skipped each of the three.
func TestFactsHostileFolder(t *testing.T) {
	top := t.TempDir()
	dir := filepath.Join(top, "d")
	if err := os.CopyFS(dir, facts.SeedFS()); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(top, "secret.txt"), "Secret Memo\n\nThe launch code is swordfish, the memo said.\n")
	for target, link := range map[string]string{"/dev/zero": "zero.txt", filepath.Join(top, "secret.txt"): "secret.txt"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	seeds, err := facts.Seeds()
	if err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var stdout, stderr bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"facts", "--articles", dir}, env(nil), strings.NewReader(""), &stdout, &stderr)
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("factbot facts: %v\n%s", err, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("factbot facts on a folder with a named pipe did not finish")
	}
	out := stdout.String()
	for _, want := range []string{
		"Skipped 3 files:\n",
		"  pipe.txt: not a regular file: a named pipe\n",
		"  secret.txt: symbolic link to a file outside the articles folder\n",
		"  zero.txt: symbolic link to a file outside the articles folder\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("factbot facts does not print %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "swordfish") {
		t.Error("factbot facts lists the secret outside the folder")
	}
	if want := fmt.Sprintf("\n%d facts from %d articles.\n", seeds.Len(), len(seeds.Articles())); !strings.Contains(out, want) {
		t.Errorf("factbot facts does not print %q:\n%s", want, out)
	}
}
