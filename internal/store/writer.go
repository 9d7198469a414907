package store

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"
)

// WriterOptions configure a Writer. All may be left out.
type WriterOptions struct {
	// Queue is how many records may wait to be written; zero means 1024.
	Queue int

	// Snapshot, if set, fills in Question.Snapshot where it is empty.
	Snapshot func() string

	// Dropped, if set, is called for each record dropped because the queue
	// was full or the Writer closed, or because writing it failed.
	Dropped func()

	// Logger receives write errors; nil logs nothing.
	Logger *slog.Logger

	// Gather is how long the writer waits, after a record arrives, for
	// more to write in the same transaction; zero means 200ms. Records wait
	// in memory that long at most (plus the write), and a kill -9 loses
	// them as it loses the queue. Fewer, larger transactions cost less in
	// all, which keeps the writer out of answers' way (BenchmarkAskLoad in
	// internal/httpapi).
	Gather time.Duration
}

// writeTimeout bounds one write, so that a stuck database cannot hold the
// queue for ever.
const writeTimeout = 10 * time.Second

// A Writer records into a Store without making its callers wait: each
// record goes into a bounded queue that one goroutine writes out, in
// order. When the queue is full the record is dropped and counted. Its
// methods are safe for concurrent use.
type Writer struct {
	st       Store
	opt      WriterOptions
	log      *slog.Logger
	queue    chan record
	mu       sync.RWMutex // guards closed against sends on a closed queue
	closed   bool
	dropped  atomic.Int64
	finished chan struct{}
}

// NewWriter starts a Writer in front of st. Close it to flush the queue.
func NewWriter(st Store, opt WriterOptions) *Writer {
	if opt.Queue <= 0 {
		opt.Queue = 1024
	}
	if opt.Gather <= 0 {
		opt.Gather = 200 * time.Millisecond
	}
	w := &Writer{st: st, opt: opt, log: opt.Logger, queue: make(chan record, opt.Queue), finished: make(chan struct{})}
	if w.log == nil {
		w.log = slog.New(slog.DiscardHandler)
	}
	go w.run()
	return w
}

// Question queues q, and reports whether it was queued.
func (w *Writer) Question(q Question) bool {
	if q.Time.IsZero() {
		q.Time = time.Now()
	}
	if q.Snapshot == "" && w.opt.Snapshot != nil {
		q.Snapshot = w.opt.Snapshot()
	}
	return w.enqueue(record{q: &q})
}

// Vote queues v, and reports whether it was queued.
func (w *Writer) Vote(v Vote) bool {
	if v.Time.IsZero() {
		v.Time = time.Now()
	}
	return w.enqueue(record{v: &v})
}

// A record is a question or a vote, queued.
type record struct {
	q *Question
	v *Vote
}

// A batcher keeps many records in one transaction; *DB is one. The Writer
// batches for a Store that is one, and writes one record at a time to any
// other.
type batcher interface {
	recordBatch(ctx context.Context, rs []record) (bad int, err error)
}

// maxBatch bounds the records written in one transaction.
const maxBatch = 256

func (w *Writer) enqueue(r record) bool {
	w.mu.RLock()
	defer w.mu.RUnlock()
	if !w.closed {
		select {
		case w.queue <- r:
			return true
		default:
		}
	}
	w.drop()
	return false
}

func (w *Writer) drop() {
	w.dropped.Add(1)
	if w.opt.Dropped != nil {
		w.opt.Dropped()
	}
}

// Dropped returns how many records were not kept.
func (w *Writer) Dropped() int64 { return w.dropped.Load() }

func (w *Writer) run() {
	defer close(w.finished)
	batch := make([]record, 0, maxBatch)
	gather := time.NewTimer(0)
	<-gather.C
	for r := range w.queue {
		// Take what else comes within Gather, and write it all at once:
		// a transaction costs about as much for one record as for many.
		batch = append(batch[:0], r)
		gather.Reset(w.opt.Gather)
	more:
		for len(batch) < maxBatch {
			select {
			case r, ok := <-w.queue:
				if !ok {
					break more
				}
				batch = append(batch, r)
			case <-gather.C:
				break more
			}
		}
		gather.Stop()
		w.write(batch)
	}
}

// write writes a batch: in one transaction if the Store batches and the
// transaction works, else one record at a time, so that one bad record
// does not cost the others.
func (w *Writer) write(batch []record) {
	ctx, cancel := context.WithTimeout(context.Background(), writeTimeout)
	defer cancel()
	if b, ok := w.st.(batcher); ok && len(batch) > 1 {
		bad, err := b.recordBatch(ctx, batch)
		if err == nil {
			for range bad {
				w.drop()
			}
			return
		}
		w.log.Warn("store: a batch failed; writing its records one by one", "records", len(batch), "err", err)
	}
	for _, r := range batch {
		var err error
		if r.q != nil {
			err = w.st.RecordQuestion(ctx, *r.q)
		} else {
			err = w.st.RecordVote(ctx, *r.v)
		}
		if err != nil {
			w.drop()
			w.log.Error("store: a record was not kept", "err", err)
		}
	}
}

// Close stops taking records and waits until those queued are written, or
// ctx is done; then it returns an error that counts the records left. It
// does not close the Store.
func (w *Writer) Close(ctx context.Context) error {
	w.mu.Lock()
	if !w.closed {
		w.closed = true
		close(w.queue)
	}
	w.mu.Unlock()
	select {
	case <-w.finished:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("store: %d records not written: %w", len(w.queue), ctx.Err())
	}
}

// KeepFor purges what st holds older than keep, at once and then every
// period, until ctx is done. It logs what it removed.
func KeepFor(ctx context.Context, st Store, keep, period time.Duration, log *slog.Logger) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		n, err := st.Purge(ctx, time.Now().Add(-keep))
		switch {
		case err != nil && ctx.Err() == nil:
			log.Error("store: purge", "err", err)
		case n > 0:
			log.Info("store: purged old records", "records", n, "older_than", time.Now().Add(-keep).UTC().Format(time.DateOnly))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
