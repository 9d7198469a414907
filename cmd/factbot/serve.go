package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/internal/metrics"
)

// runServe runs the Discord bot with the service around it (the live fact
// base, its rebuilds, metrics and the HTTP side port) until ctx ends, at
// SIGINT or SIGTERM, or Discord refuses the bot. SIGHUP rebuilds the fact
// base.
func runServe(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	cfg, err := parseServeConfig(args, getenv, stderr)
	if err != nil {
		return err
	}
	log := cfg.logger(stderr)
	log.Info("starting factbot", "version", version)
	svc := newService(cfg, log)
	if err := svc.openStore(ctx); err != nil {
		return fmt.Errorf("serve: %w", err)
	}

	cooldown := bot.Cooldown{Questions: cfg.Cooldown, Per: cfg.CooldownWindow}
	if cfg.Cooldown == 0 {
		cooldown.Questions = -1 // the configuration's 0 is "no limit", the bot's is "the default"
	}
	b, err := bot.New(bot.Config{
		Token:         string(cfg.Token),
		GuildID:       cfg.GuildID,
		Channels:      cfg.Channels,
		Shards:        cfg.Shards,
		APIURL:        cfg.APIURL,
		Cooldown:      cooldown,
		ShutdownGrace: cfg.ShutdownTimeout,
		Logger:        log,
		Metrics:       botMetrics{svc.metrics},
		Recorder:      svc.recorder(),
		Reports:       svc.reports(),
		Curation:      svc.curation(),
		IdentifyGate:  svc.identifyGate(),
	}, svc.base)
	if err != nil {
		svc.closeStore(ctx)
		return fmt.Errorf("serve: %w", err)
	}

	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	svc.shards.Store(new(shardStates(b)))
	if err := svc.start(ctx, hup, b.Ready); err != nil {
		svc.closeStore(ctx)
		return fmt.Errorf("serve: %w", err)
	}
	ran := make(chan error, 1)
	go func() { ran <- b.Run(ctx) }()
	var runErr error
	select {
	case <-ctx.Done():
	case runErr = <-ran: // Discord refused the bot, or the gateway failed for good
		ran <- runErr
	}
	svc.stop(func() error { return <-ran })
	switch {
	case errors.Is(runErr, bot.ErrTokenRejected):
		return fmt.Errorf("serve: %w: check DISCORD_TOKEN (or DISCORD_TOKEN_FILE)", runErr)
	case runErr != nil:
		return fmt.Errorf("serve: %w", runErr)
	}
	return nil
}

// botMetrics adapts the metrics recorder to the bot's Metrics hook.
type botMetrics struct{ *metrics.Recorder }

func (m botMetrics) Question(via bot.Via, outcome bot.Outcome, d time.Duration) {
	m.Recorder.Question(string(via), string(outcome), d)
}

func (m botMetrics) Gateway(shard int, e bot.GatewayEvent) { m.Recorder.Gateway(shard, string(e)) }

// shardStates adapts the bot's shard states to the metrics'.
func shardStates(b *bot.Bot) func() []metrics.Shard {
	return func() []metrics.Shard {
		var out []metrics.Shard
		for _, s := range b.Shards() {
			out = append(out, metrics.Shard{ID: s.ID, Connected: s.Connected, HeartbeatAck: s.HeartbeatAck})
		}
		return out
	}
}
