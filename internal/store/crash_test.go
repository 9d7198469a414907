package store

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// crashChild, set to a folder, makes TestKillMidWrite the child that
// writes into the SQLite database there until it is killed.
const crashChild = "FACTBOT_STORE_CRASH_CHILD"

// TestKillMidWrite kills (SIGKILL) a process in the middle of a burst of
// writes, then reopens its database: it must pass SQLite's integrity
// check and hold every record the child saw committed.
func TestKillMidWrite(t *testing.T) {
	if dir := os.Getenv(crashChild); dir != "" {
		writeUntilKilled(dir)
		return
	}
	if testing.Short() {
		t.Skip("skipping the kill -9 test in -short mode")
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillMidWrite$")
	cmd.Env = append(os.Environ(), crashChild+"="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Read the child's count of committed questions until it has written
	// a good many, then kill it mid-burst.
	committed := 0
	lines := bufio.NewScanner(out)
	deadline := time.Now().Add(30 * time.Second)
	for committed < 300 && time.Now().Before(deadline) && lines.Scan() {
		if n, err := strconv.Atoi(strings.TrimPrefix(lines.Text(), "committed ")); err == nil {
			committed = n
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if committed == 0 {
		t.Fatal("the child committed nothing before it was killed")
	}

	s, err := OpenSQLite(context.Background(), dir)
	if err != nil {
		t.Fatalf("reopening after kill -9: %v", err)
	}
	defer s.Close()
	if err := s.IntegrityCheck(context.Background()); err != nil {
		t.Fatal(err)
	}
	r, err := s.Report(context.Background(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Asked < committed {
		t.Errorf("after kill -9: %d questions kept, but the child saw %d committed", r.Asked, committed)
	}
	t.Logf("child committed %d questions before kill -9; %d kept", committed, r.Asked)
}

// writeUntilKilled writes questions into dir's database from four
// goroutines, and a stream of votes through a Writer, printing the number
// of questions committed after each, until the process is killed.
func writeUntilKilled(dir string) {
	ctx := context.Background()
	s, err := OpenSQLite(ctx, dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	w := NewWriter(s, WriterOptions{})
	counts := make(chan int)
	for g := range 4 {
		go func() {
			for i := 0; ; i++ {
				id := fmt.Sprintf("g%d-%d", g, i)
				q := Question{ID: id, Text: "How much was stolen " + id + "?", Via: "slash", UserID: "u",
					Answered: i%3 != 0, Facts: []string{"a#p1:00000001", "b#p2:00000002"}}
				if err := s.RecordQuestion(ctx, q); err != nil {
					fmt.Fprintln(os.Stderr, err)
					os.Exit(1)
				}
				w.Vote(Vote{AnswerID: id, UserID: "v", Helpful: i%2 == 0})
				counts <- 1
			}
		}()
	}
	n := 0
	for c := range counts {
		n += c
		fmt.Printf("committed %d\n", n)
	}
}
