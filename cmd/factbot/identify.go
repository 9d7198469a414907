package main

import (
	"context"
	"log/slog"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/internal/store"
)

// sharedIdentifyGate paces the IDENTIFYs of every process that shares the
// PostgreSQL store: each waits its turn in its own process (bot's gate),
// then takes the bucket's advisory lock in the database, which the last
// IDENTIFY of the bucket holds for bot.IdentifyInterval. Without it, two
// processes starting at once would identify in the same bucket at once.
// When the database cannot be reached, the process paces its own shards
// only, and says so.
type sharedIdentifyGate struct {
	local bot.IdentifyGate
	db    *store.DB
	log   *slog.Logger
}

func newSharedIdentifyGate(db *store.DB, log *slog.Logger) sharedIdentifyGate {
	return sharedIdentifyGate{local: bot.NewIdentifyGate(bot.IdentifyInterval), db: db, log: log}
}

// Acquire implements bot.IdentifyGate.
func (g sharedIdentifyGate) Acquire(ctx context.Context, shard, maxConcurrency int) (func(), error) {
	release, err := g.local.Acquire(ctx, shard, maxConcurrency)
	if err != nil {
		return nil, err
	}
	unlock, err := g.db.IdentifyLock(ctx, shard%max(maxConcurrency, 1), bot.IdentifyInterval)
	if err != nil {
		if ctx.Err() != nil {
			release()
			return nil, ctx.Err()
		}
		g.log.Warn("cannot pace this IDENTIFY with the other processes through PostgreSQL; pacing this process's alone",
			"shard", shard, "err", err)
		return release, nil
	}
	return func() { unlock(); release() }, nil
}
