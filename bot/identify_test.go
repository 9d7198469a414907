package bot_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/factbot/factbot/bot"
)

// TestIdentifyGate: one IDENTIFY at a time in a bucket, each at least the
// interval after the last was sent; buckets do not wait for each other.
func TestIdentifyGate(t *testing.T) {
	t.Parallel()
	const interval = 50 * time.Millisecond
	g := bot.NewIdentifyGate(interval)
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()

	// Shards 0 and 2 share bucket 0 of max_concurrency 2; shard 1 is in
	// bucket 1, and goes while bucket 0 is held.
	release0, err := g.Acquire(ctx, 0, 2)
	if err != nil {
		t.Fatal(err)
	}
	release1, err := g.Acquire(ctx, 1, 2)
	if err != nil {
		t.Fatalf("bucket 1 waited for bucket 0: %v", err)
	}
	release1()

	got := make(chan time.Time)
	go func() {
		release2, err := g.Acquire(ctx, 2, 2)
		if err != nil {
			t.Error(err)
			close(got)
			return
		}
		got <- time.Now()
		release2()
	}()
	select {
	case <-got:
		t.Fatal("shard 2 went while shard 0 held bucket 0")
	case <-time.After(20 * time.Millisecond): // the gate has had the chance to let it through wrongly
	}
	sent := time.Now()
	release0()
	if at := <-got; at.Sub(sent) < interval {
		t.Errorf("shard 2 went %v after shard 0's IDENTIFY, want at least %v", at.Sub(sent), interval)
	}

	// A caller that gives up leaves the bucket usable.
	done, cancelDone := context.WithCancel(ctx)
	cancelDone()
	if _, err := g.Acquire(done, 4, 2); !errors.Is(err, context.Canceled) {
		t.Errorf("Acquire with a cancelled context = %v, want context.Canceled", err)
	}
	release, err := g.Acquire(ctx, 4, 2)
	if err != nil {
		t.Fatal(err)
	}
	release()
	release() // a second release does nothing
}
