package bot

import (
	"context"
	"runtime/debug"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// addHandlers routes discordgo's events to the bot. discordgo runs each
// handler in a goroutine of its own and never recovers a panic, so each one
// goes through guard. Replies use ctx.
func (b *Bot) addHandlers(ctx context.Context) {
	s := b.session
	s.AddHandler(func(s *discordgo.Session, e *discordgo.InteractionCreate) {
		start := time.Now()
		b.guard("interaction", func() { b.onInteraction(ctx, s, e.Interaction, start) })
	})
	s.AddHandler(func(s *discordgo.Session, e *discordgo.MessageCreate) {
		start := time.Now()
		b.guard("message", func() { b.onMessage(ctx, s, botID(s), e.Message, start) })
	})
	s.AddHandler(func(_ *discordgo.Session, e *discordgo.Ready) { b.guard("ready", func() { b.onReady(e) }) })
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) { b.guard("resumed", b.onResumed) })
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) { b.guard("disconnect", b.onDisconnect) })
	s.AddHandler(func(_ *discordgo.Session, e *discordgo.RateLimit) { b.guard("rate limit", func() { b.onRateLimit(e) }) })
}

// botID returns the bot's own user id, from the READY event.
func botID(s *discordgo.Session) string {
	s.State.RLock()
	defer s.State.RUnlock()
	if s.State.User == nil {
		return ""
	}
	return s.State.User.ID
}

// guard runs f, the handler of one event, and recovers and logs a panic in
// it. Once Run is shutting down and the replies under way have been sent
// or given up, it drops new events.
func (b *Bot) guard(event string, f func()) {
	if !b.flight.enter() {
		return
	}
	defer b.flight.leave()
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("panic in a handler", "event", event, "panic", p, "stack", string(debug.Stack()))
		}
	}()
	f()
}

// flight counts the handlers under way, so that shutdown can wait for them.
// Its zero value is ready to use.
type flight struct {
	mu     sync.Mutex
	n      int
	closed bool
	idle   chan struct{} // closed when closed and n == 0
}

// enter counts a handler in, unless drain has been called.
func (f *flight) enter() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return false
	}
	f.n++
	return true
}

// leave counts a handler out.
func (f *flight) leave() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.n--; f.n == 0 && f.idle != nil {
		close(f.idle)
		f.idle = nil
	}
}

// drain stops counting handlers in and waits up to timeout for those under
// way to end. It reports whether they all did.
func (f *flight) drain(timeout time.Duration) bool {
	f.mu.Lock()
	f.closed = true
	if f.n == 0 {
		f.mu.Unlock()
		return true
	}
	idle := make(chan struct{})
	f.idle = idle
	f.mu.Unlock()
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-idle:
		return true
	case <-t.C:
		return false
	}
}
