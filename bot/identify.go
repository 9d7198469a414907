package bot

import (
	"context"
	"sync"
	"time"
)

// Discord lets a bot start max_concurrency sessions at a time: shard s is
// in bucket s % max_concurrency, and each bucket may IDENTIFY once every
// 5 seconds (session_start_limit in GET /gateway/bot). The bot asks an
// IdentifyGate before each connection that will identify: the first of a
// shard, and any retry before its first READY. Resuming needs no turn.
//
// discordgo answers op 9 (invalid session) by identifying at once, inside
// its reader, where no gate can reach: those identifies are not paced.

// An IdentifyGate paces the IDENTIFYs of a bot's shards. The bot calls
// Acquire before a connection that will identify, and the release it
// returns once that connection's IDENTIFY has been sent (or the attempt
// failed). Its methods are called from many goroutines at once.
type IdentifyGate interface {
	// Acquire waits until shard, of a bot whose sessions start
	// maxConcurrency at a time, may identify, or until ctx is done.
	Acquire(ctx context.Context, shard, maxConcurrency int) (release func(), err error)
}

// IdentifyInterval is how long Discord has a bucket wait between two
// IDENTIFYs.
const IdentifyInterval = 5 * time.Second

// NewIdentifyGate returns the gate that paces the IDENTIFYs of the shards
// of one process: one at a time per bucket, each at least interval after
// the last of its bucket was sent. Share one between the Bots of a process
// (Config.IdentifyGate); processes that share a bot need a gate they share
// too, or to start their shards at different times.
func NewIdentifyGate(interval time.Duration) IdentifyGate {
	return &identifyGate{interval: interval, buckets: map[int]chan time.Time{}}
}

type identifyGate struct {
	interval time.Duration
	mu       sync.Mutex
	buckets  map[int]chan time.Time // holds the time of the bucket's last IDENTIFY while the bucket is free
}

func (g *identifyGate) bucket(b int) chan time.Time {
	g.mu.Lock()
	defer g.mu.Unlock()
	ch, ok := g.buckets[b]
	if !ok {
		ch = make(chan time.Time, 1)
		ch <- time.Time{}
		g.buckets[b] = ch
	}
	return ch
}

// Acquire implements IdentifyGate.
func (g *identifyGate) Acquire(ctx context.Context, shard, maxConcurrency int) (func(), error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ch := g.bucket(shard % max(maxConcurrency, 1))
	var last time.Time
	select {
	case last = <-ch:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if wait := time.Until(last.Add(g.interval)); !last.IsZero() && wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			ch <- last
			return nil, ctx.Err()
		}
	}
	var once sync.Once
	return func() { once.Do(func() { ch <- time.Now() }) }, nil
}
