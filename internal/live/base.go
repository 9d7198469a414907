package live

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/factbot/factbot/facts"
)

// ErrNotLoaded is the readiness error of a Base that has no fact base yet.
var ErrNotLoaded = errors.New("live: fact base not loaded yet")

// A Loader builds a fact base from scratch: from the seeds or from an
// articles folder. A file it skips belongs in the base's Problems; an error
// means that no base could be built. It should stop soon after ctx ends.
type Loader func(ctx context.Context) (*facts.Base, error)

// A Hook hears about rebuilds after the first load. *metrics.Recorder is
// one.
type Hook interface {
	Reloaded()
	ReloadFailed()
}

// Options configure a Base. The zero value logs nothing, reports to no
// hook and gives a rebuild all the time it takes.
type Options struct {
	Logger *slog.Logger
	Hook   Hook

	// Timeout bounds each load and rebuild; 0 for none. A rebuild that
	// takes longer fails, and the old base stays in service.
	Timeout time.Duration
}

// Status is what a Base says about its fact base, for /readyz and
// /metrics.
type Status struct {
	Snapshot string    // a digest of the base in service, "" before the first load
	Loaded   time.Time // when the base in service was swapped in
	Failed   time.Time // when the last rebuild failed; zero if it succeeded
	Err      error     // why the last rebuild failed, if it did
}

// A Base is a fact base that can be rebuilt while it serves. It answers
// with the base most recently loaded; before the first load it abstains.
// Its methods are safe for concurrent use.
type Base struct {
	load    Loader
	log     *slog.Logger
	hook    Hook
	timeout time.Duration

	cur     atomic.Pointer[facts.Base]
	status  atomic.Pointer[Status]
	mu      sync.Mutex    // held during a build, so that builds run one at a time
	pending chan struct{} // holds a token while a background rebuild is due
}

// New returns a Base that builds with load. It loads nothing yet: call
// Reload for the first load.
func New(load Loader, opt Options) *Base {
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	b := &Base{load: load, log: log, hook: opt.Hook, timeout: opt.Timeout, pending: make(chan struct{}, 1)}
	b.status.Store(&Status{})
	return b
}

// Status returns the state of the base: which one serves, since when, and
// whether the last rebuild failed.
func (b *Base) Status() Status { return *b.status.Load() }

// Current returns the fact base in service, or nil before the first load.
func (b *Base) Current() *facts.Base { return b.cur.Load() }

// Ready returns ErrNotLoaded until the first load has succeeded, then nil.
func (b *Base) Ready() error {
	if b.cur.Load() == nil {
		return ErrNotLoaded
	}
	return nil
}

// Ask answers question from the current fact base. Before the first load
// it abstains.
func (b *Base) Ask(question string) facts.Answer {
	if fb := b.cur.Load(); fb != nil {
		return fb.Ask(question)
	}
	return facts.Answer{Question: question, Citations: []facts.Citation{}}
}

// AskInContext answers question from the current fact base, as the next
// turn of a conversation (facts.Base.AskInContext). Before the first load
// it abstains.
func (b *Base) AskInContext(question string, turns []facts.Turn) facts.Answer {
	if fb := b.cur.Load(); fb != nil {
		return fb.AskInContext(question, turns)
	}
	return facts.Answer{Question: question, Citations: []facts.Citation{}}
}

// Suggest returns up to n suggestions for the typed text from the current
// fact base; before the first load, none.
func (b *Base) Suggest(typed string, n int) []string {
	if fb := b.cur.Load(); fb != nil {
		return fb.Suggest(typed, n)
	}
	return nil
}

// Article returns the article id of the current fact base; before the
// first load, none.
func (b *Base) Article(id string) (facts.Article, bool) {
	if fb := b.cur.Load(); fb != nil {
		return fb.Article(id)
	}
	return facts.Article{}, false
}

// Articles returns the articles of the current fact base; before the
// first load, none.
func (b *Base) Articles() []facts.Article {
	if fb := b.cur.Load(); fb != nil {
		return fb.Articles()
	}
	return nil
}

// Reload builds a new fact base and swaps it in. Each skipped file is
// logged. If the build fails or runs out of time, the old base stays in
// service, and the failure is logged, counted, kept in the Status and
// returned; a failed first load is only returned, for the caller to stop
// on. A build stopped because ctx ended is neither logged as a failure nor
// counted. Builds run one at a time.
func (b *Base) Reload(ctx context.Context) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	start := time.Now()
	first := b.cur.Load() == nil
	lctx := ctx
	if b.timeout > 0 {
		var cancel context.CancelFunc
		lctx, cancel = context.WithTimeout(ctx, b.timeout)
		defer cancel()
	}
	fb, err := b.load(lctx)
	if err == nil && fb == nil {
		err = errors.New("loader returned no fact base")
	}
	if err != nil && ctx.Err() == nil && lctx.Err() != nil {
		err = fmt.Errorf("took longer than %v: %w", b.timeout, err)
	}
	switch {
	case err != nil && first:
		return fmt.Errorf("live: load: %w", err)
	case err != nil && ctx.Err() != nil:
		b.log.Info("fact base rebuild stopped; the old one stays in service", "err", err)
		return fmt.Errorf("live: reload: %w", err)
	case err != nil:
		if b.hook != nil {
			b.hook.ReloadFailed()
		}
		st := b.Status()
		st.Failed, st.Err = time.Now(), err
		b.status.Store(&st)
		b.log.Error("fact base reload failed; the old one stays in service",
			"err", err, "serving", st.Snapshot, "loaded", st.Loaded.Format(time.RFC3339))
		return fmt.Errorf("live: reload: %w", err)
	}
	for _, p := range fb.Problems() {
		b.log.Warn("skipped article file", "file", p.File, "err", p.Err)
	}
	snap := Snapshot(fb)
	b.cur.Store(fb)
	b.status.Store(&Status{Snapshot: snap, Loaded: time.Now()})
	if !first && b.hook != nil {
		b.hook.Reloaded()
	}
	b.log.Info("fact base loaded", "snapshot", snap, "facts", fb.Len(), "articles", len(fb.Articles()),
		"skipped", len(fb.Problems()), "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// Trigger asks Run for a rebuild and returns at once. Triggers that come
// while a rebuild is due are merged into it; one that comes during a
// rebuild gets another, so that no change is missed.
func (b *Base) Trigger() {
	select {
	case b.pending <- struct{}{}:
	default:
	}
}

// Run rebuilds the fact base after each Trigger until ctx is done. A
// failed rebuild is logged and counted by Reload; Run carries on.
func (b *Base) Run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-b.pending:
			_ = b.Reload(ctx)
		}
	}
}
