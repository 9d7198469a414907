package bot

import (
	"context"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/bwmarrin/discordgo"
)

// addHandlers routes discordgo's events to the bot. discordgo runs each
// handler in a goroutine of its own and never recovers a panic, so each one
// goes through guard. Events are handled with the session of the shard
// they came on. Replies use ctx.
func (b *Bot) addHandlers(ctx context.Context, sh *shard) {
	s := sh.session
	s.AddHandler(func(s *discordgo.Session, e *discordgo.InteractionCreate) {
		start := time.Now()
		b.guard(sh.log, "interaction", func() { b.onInteraction(ctx, s, e.Interaction, start) })
	})
	s.AddHandler(func(s *discordgo.Session, e *discordgo.MessageCreate) {
		start := time.Now()
		b.guard(sh.log, "message", func() { b.onMessage(ctx, s, botID(s), e.Message, start) })
	})
	s.AddHandler(func(_ *discordgo.Session, e *discordgo.Ready) { b.guard(sh.log, "ready", func() { b.onReady(sh, e) }) })
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) {
		b.guard(sh.log, "resumed", func() { b.onResumed(sh) })
	})
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) {
		b.guard(sh.log, "disconnect", func() { b.onDisconnect(sh) })
	})
	s.AddHandler(func(_ *discordgo.Session, e *discordgo.RateLimit) {
		b.guard(sh.log, "rate limit", func() { b.onRateLimit(e) })
	})
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
func (b *Bot) guard(log *slog.Logger, event string, f func()) {
	leave, ok := b.flight.Enter()
	if !ok {
		return
	}
	defer leave()
	defer func() {
		if p := recover(); p != nil {
			log.Error("panic in a handler", "event", event, "panic", p, "stack", string(debug.Stack()))
		}
	}()
	f()
}
