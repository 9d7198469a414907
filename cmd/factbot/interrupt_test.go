package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// bigFolder writes n distinct articles into a new folder: enough that
// loading them takes a while.
func bigFolder(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("a%05d.txt", i)), fmt.Sprintf(
			"Daily Wire\n\nBridge Number %d Opens\n\nThe bridge number %d opened on day %d after %d years of work, said mayor Lee%d.\n\nIt cost $%d million.\n",
			i, i, i%28+1, i%9+2, i, i*3+7))
	}
	return dir
}

// TestInterruptedLoad cancels the commands that load a folder, as SIGINT
// or SIGTERM would, while they load: each must stop within a deadline,
// print nothing, and fail, so that it exits non-zero.
func TestInterruptedLoad(t *testing.T) {
	dir := bigFolder(t, 3000)
	tests := []struct {
		name string
		args []string
		vars map[string]string
	}{
		{"facts", []string{"facts", "--articles", dir}, nil},
		{"ask", []string{"ask", "--articles", dir, "When did bridge number 7 open?"}, nil},
		{"ask from stdin", []string{"ask", "--articles", dir}, nil},
		{"serve", []string{"serve"}, map[string]string{
			"DISCORD_TOKEN": "tok", "FACTBOT_ARTICLES": dir, "DISCORD_API_URL": "http://" + unusedAddr(t),
			"FACTBOT_DATA": t.TempDir(), // not the default ./factbot-data, in the package's folder
		}},
	}
	for _, tt := range tests {
		for _, after := range []time.Duration{0, 10 * time.Millisecond} {
			t.Run(fmt.Sprintf("%s/cancelled after %v", tt.name, after), func(t *testing.T) {
				ctx, cancel := context.WithCancel(context.Background())
				var cancelled time.Time
				stop := time.AfterFunc(after, func() { cancelled = time.Now(); cancel() })
				defer stop.Stop()
				var stdout, stderr bytes.Buffer
				err := run(ctx, tt.args, env(tt.vars), strings.NewReader("When did bridge number 7 open?\n"), &stdout, &stderr)
				if !errors.Is(err, context.Canceled) {
					t.Fatalf("run = %v, want context.Canceled (the load took longer than %v?)", err, after)
				}
				if took := time.Since(cancelled); took > 2*time.Second {
					t.Errorf("stopped %v after the cancel, want under 2s", took)
				}
				if code := exitCode(err); code == 0 {
					t.Errorf("exit code 0 when interrupted")
				}
				if stdout.Len() > 0 {
					t.Errorf("printed %q when interrupted", stdout.String())
				}
			})
		}
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64 // 0: an error
	}{
		{"1", 1}, {"500000", 500000}, {"16MiB", 16 << 20}, {"16M", 16 << 20}, {"16 MB", 16 << 20},
		{"512kib", 512 << 10}, {"2GiB", 2 << 30}, {"0", 0}, {"-5", 0}, {"", 0}, {"MiB", 0}, {"3 TiB", 0}, {"1.5MiB", 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseSize(tt.in)
			if (err != nil) != (tt.want == 0) || got != tt.want {
				t.Errorf("parseSize(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
			}
		})
	}
}
