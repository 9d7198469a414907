package bot

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Sharding. Run asks Discord for the gateway's plan (GET /gateway/bot: the
// recommended shard count and session_start_limit.max_concurrency), opens
// one session for each shard of Config.Shards (every shard of the
// recommended count when it is auto), and runs each with its own
// connection, reconnection and resume (gateway.go). Discord sends a
// guild's events to the guild's shard (ShardOf) and direct messages to
// shard 0; each event is handled with the session it came on. The sessions
// share one HTTP client and one REST rate limiter. The process that holds
// shard 0 registers the commands.

// gatewayPlan is what a bot's sessions need to know of the gateway.
type gatewayPlan struct {
	shards         Shards
	maxConcurrency int
}

// plan asks Discord for the recommended shard count and the identify
// concurrency, retrying until it answers, ctx is done, or it refuses the
// token.
func (b *Bot) plan(ctx context.Context) (gatewayPlan, error) {
	pause := minBackoff
	for {
		g, err := b.session.GatewayBot(discordgo.WithContext(ctx))
		if err == nil {
			p := gatewayPlan{shards: b.cfg.Shards, maxConcurrency: max(g.SessionStartLimit.MaxConcurrency, 1)}
			if !p.shards.Auto() && p.shards.Count < g.Shards {
				b.log.Warn("the shard count is below Discord's recommendation: a shard may hold at most 2,500 servers, and Discord refuses a count too low for them (close 4011)",
					"count", p.shards.Count, "recommended", g.Shards)
			}
			if p.shards.Auto() {
				p.shards = Shards{Count: max(g.Shards, 1)}
				for id := range p.shards.Count {
					p.shards.IDs = append(p.shards.IDs, id)
				}
			}
			if g.SessionStartLimit.Total > 0 && g.SessionStartLimit.Remaining < len(p.shards.IDs) {
				b.log.Warn("Discord allows fewer session starts today than this process has shards",
					"remaining", g.SessionStartLimit.Remaining, "shards", len(p.shards.IDs),
					"reset_after", time.Duration(g.SessionStartLimit.ResetAfter)*time.Millisecond)
			}
			return p, nil
		}
		if status(err) == 401 {
			return gatewayPlan{}, fmt.Errorf("%w (HTTP 401)", ErrTokenRejected)
		}
		b.log.Warn("cannot ask Discord for the gateway's shard count; retrying", "err", redact(err), "in", pause)
		select {
		case <-ctx.Done():
			return gatewayPlan{}, ctx.Err()
		case <-time.After(pause):
		}
		pause = min(2*pause, maxBackoff)
	}
}

// openShards makes the sessions of the plan's shards, each with the bot's
// handlers, replying with ctx. It connects none.
func (b *Bot) openShards(ctx context.Context, p gatewayPlan) ([]*shard, error) {
	var shards []*shard
	for _, id := range p.shards.IDs {
		s, err := discordgo.New(b.session.Token)
		if err != nil {
			return nil, fmt.Errorf("bot: %w", err)
		}
		s.Client = b.session.Client
		s.Ratelimiter = b.session.Ratelimiter
		s.LogLevel = discordgoSilent
		s.ShouldReconnectOnError = false
		s.StateEnabled = false
		s.Identify.Intents = b.session.Identify.Intents
		s.ShardID, s.ShardCount = id, p.shards.Count
		sh := &shard{id: id, session: s, log: b.log.With("shard", id), lost: make(chan struct{}, 1)}
		b.addHandlers(withShard(ctx, id), sh)
		shards = append(shards, sh)
	}
	return shards, nil
}

// runShards runs every shard until ctx is done, or one fails for good;
// then it stops the others and returns that failure.
func (b *Bot) runShards(ctx context.Context, shards []*shard, p gatewayPlan) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	b.log.Info("connecting to the Discord gateway", "shards", p.shards.String(), "max_concurrency", p.maxConcurrency)
	errs := make(chan error, len(shards))
	for _, sh := range shards {
		go func() { errs <- b.runShard(ctx, sh, p) }()
	}
	var first error
	for range shards {
		if err := <-errs; err != nil && first == nil {
			first = err
			cancel()
		}
	}
	return first
}

// closeShards closes the gateway sessions.
func (b *Bot) closeShards(shards []*shard) {
	var errs []error
	for _, sh := range shards {
		sh.ready.Store(false)
		if err := sh.session.Close(); err != nil {
			errs = append(errs, fmt.Errorf("shard %d: %w", sh.id, err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		b.log.Warn("closing the gateway", "err", err)
	}
}

// ShardState is the state of one of the bot's shards.
type ShardState struct {
	ID        int
	Connected bool
	// HeartbeatAck is when the gateway last acknowledged a heartbeat of
	// the shard; zero before the first.
	HeartbeatAck time.Time
}

// Shards returns the state of each shard the bot holds, in order of id;
// none before Run has asked Discord for its plan.
func (b *Bot) Shards() []ShardState {
	p := b.shards.Load()
	if p == nil {
		return nil
	}
	var st []ShardState
	for _, sh := range *p {
		s := ShardState{ID: sh.id, Connected: sh.ready.Load()}
		if s.Connected {
			sh.session.RLock()
			s.HeartbeatAck = sh.session.LastHeartbeatAck
			sh.session.RUnlock()
		}
		st = append(st, s)
	}
	return st
}
