package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// The gateway connection. discordgo opens the connection, heartbeats,
// answers op 1, re-identifies on op 9 (invalid session) and resumes a
// session it has when it opens again. What it does not do well is
// reconnect: it retries forever, even when Discord has said never to
// (a refused token, refused intents), logs only to the global logger, and
// can reopen the session after Close during shutdown. So the bot turns its
// reconnection off (Session.ShouldReconnectOnError) and reconnects itself:
// every lost connection emits discordgo's Disconnect event (after op 7,
// a read error or missed heartbeat ACKs), and serve then calls Open again,
// which resumes the session, with a growing pause between failed attempts,
// until ctx is done or Discord closes with a code that forbids reconnecting.
// Each shard (shards.go) has its own session, and reconnects alone.

// Gateway close codes after which Discord forbids reconnecting.
const (
	closeAuthFailed       = 4004
	closeInvalidShard     = 4010
	closeShardingRequired = 4011
	closeInvalidVersion   = 4012
	closeInvalidIntents   = 4013
	closeDisallowedIntent = 4014
)

// Pauses between failed connection attempts.
const (
	minBackoff = time.Second
	maxBackoff = time.Minute
)

// A shard is one gateway session of the bot, with its own connection,
// reconnection and resume. Its events are handled with its session.
type shard struct {
	id         int
	session    *discordgo.Session
	log        *slog.Logger  // the bot's, with the shard's id
	ready      atomic.Bool   // connected and receiving events
	identified atomic.Bool   // a session was started: opening again resumes it
	lost       chan struct{} // the connection was lost
}

// runShard connects sh, registers the commands if sh is shard 0, and
// reconnects each time the connection is lost, until ctx is done or a
// connection fails for good.
func (b *Bot) runShard(ctx context.Context, sh *shard, plan gatewayPlan) error {
	if _, err := b.connect(ctx, sh, plan); err != nil {
		return err
	}
	if sh.id == 0 {
		b.register(ctx, sh.session)
	}
	return b.serve(ctx, sh, plan)
}

// connect opens the gateway connection of sh, retrying until it succeeds,
// ctx is done, or Discord refuses the bot. A connection that will identify
// waits its turn at the identify gate. When Discord refuses the message
// content intent it logs an error and connects without it. opened is false
// when the gateway was open already.
func (b *Bot) connect(ctx context.Context, sh *shard, plan gatewayPlan) (opened bool, err error) {
	pause := minBackoff
	for {
		release := func() {}
		if !sh.identified.Load() {
			if release, err = b.gate.Acquire(ctx, sh.id, plan.maxConcurrency); err != nil {
				return false, err
			}
		}
		err := sh.session.Open()
		release()
		if err == nil || errors.Is(err, discordgo.ErrWSAlreadyOpen) {
			// Open returns after READY or RESUMED: discordgo holds a
			// session to resume from now on.
			sh.identified.Store(true)
			sh.ready.Store(true)
			return err == nil, nil
		}
		code := closeCode(err)
		switch {
		case code == closeAuthFailed || status(err) == http.StatusUnauthorized:
			return false, fmt.Errorf("%w (gateway close %d)", ErrTokenRejected, closeAuthFailed)
		case code == closeDisallowedIntent && sh.session.Identify.Intents&discordgo.IntentsMessageContent != 0:
			sh.log.Error("Discord refused the message content intent (gateway close 4014), which answering every question in the configured channels needs: "+
				"turn on MESSAGE CONTENT INTENT under Bot in the Discord developer portal. Until then the bot answers only /ask, mentions and direct messages.",
				"channels", len(b.channels))
			sh.session.Lock()
			sh.session.Identify.Intents &^= discordgo.IntentsMessageContent
			sh.session.Unlock()
			continue
		case code >= closeInvalidShard && code <= closeDisallowedIntent:
			return false, fmt.Errorf("bot: shard %d: Discord closed the gateway and forbids reconnecting: %w", sh.id, err)
		}
		sh.log.Warn("cannot connect to the Discord gateway; retrying", "err", redact(err), "in", pause)
		select {
		case <-ctx.Done():
			return false, ctx.Err()
		case <-time.After(pause):
		}
		pause = min(2*pause, maxBackoff)
	}
}

// serve reconnects sh each time its connection is lost, until ctx is done
// or a reconnection fails for good.
func (b *Bot) serve(ctx context.Context, sh *shard, plan gatewayPlan) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-sh.lost:
		}
		if ctx.Err() != nil {
			return nil
		}
		sh.log.Info("reconnecting to the Discord gateway")
		opened, err := b.connect(ctx, sh, plan)
		if err != nil {
			return err
		}
		// A late report of a loss already mended (discordgo may report
		// one loss from its reader and again from Close) finds the
		// gateway open: no reconnection to count.
		if opened {
			b.metrics.Gateway(sh.id, GatewayReconnect)
		}
	}
}

// onReady logs a new gateway session.
// It logs before it counts, so that whoever sees the count sees the log.
func (b *Bot) onReady(sh *shard, r *discordgo.Ready) {
	user := ""
	if r.User != nil {
		user = r.User.Username
	}
	sh.log.Info("connected to Discord", "user", user, "guilds", len(r.Guilds))
	b.metrics.Gateway(sh.id, GatewayReady)
}

// onResumed logs a resumed gateway session, and counts it after.
func (b *Bot) onResumed(sh *shard) {
	sh.log.Info("resumed the Discord gateway session")
	b.metrics.Gateway(sh.id, GatewayResumed)
}

// onDisconnect notes a lost connection for serve to reconnect.
func (b *Bot) onDisconnect(sh *shard) {
	if !sh.ready.CompareAndSwap(true, false) {
		return // this connection's loss is known already
	}
	if b.closing.Load() {
		return
	}
	b.metrics.Gateway(sh.id, GatewayDisconnect)
	sh.log.Warn("lost the Discord gateway connection")
	select {
	case sh.lost <- struct{}{}:
	default: // a reconnection is already due
	}
}

// onRateLimit logs a REST call that Discord rate-limited; discordgo waits
// and sends it again.
func (b *Bot) onRateLimit(r *discordgo.RateLimit) {
	var wait time.Duration
	if r.TooManyRequests != nil {
		wait = r.RetryAfter
	}
	b.log.Warn("rate limited by Discord; retrying", "route", redactURL(r.URL), "retry_after", wait)
}

// closeCode returns the close code of a gateway error, or 0.
func closeCode(err error) int {
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		return ce.Code
	}
	return 0
}

// status returns the HTTP status of a REST error, or 0.
func status(err error) int {
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil {
		return re.Response.StatusCode
	}
	return 0
}

// redact returns err with any URL in it redacted by redactURL: the URLs of
// interaction replies hold the interaction's token.
func redact(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return &url.Error{Op: ue.Op, URL: redactURL(ue.URL), Err: ue.Err}
	}
	return err
}

// redactURL returns a REST URL's path with the token of an interaction or
// webhook (in /interactions/{id}/{token}/… and /webhooks/{id}/{token}/…)
// replaced by "…".
func redactURL(raw string) string {
	path := raw
	if u, err := url.Parse(raw); err == nil {
		path = u.Path
	}
	segs := strings.Split(path, "/")
	for i := 0; i+2 < len(segs); i++ {
		if segs[i] == "interactions" || segs[i] == "webhooks" {
			segs[i+2] = ellipsis
		}
	}
	return strings.Join(segs, "/")
}
