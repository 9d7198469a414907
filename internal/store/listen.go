package store

import (
	"context"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
)

// listenerName is the application_name of ListenArticles' connection, as
// pg_stat_activity shows it.
const listenerName = "factbot-articles-listener"

// Pauses between failed connections of ListenArticles.
const (
	minListenBackoff = time.Second
	maxListenBackoff = time.Minute
)

// ListenArticles listens on ArticlesChannel of the PostgreSQL database at
// url, and calls changed at each announcement, until ctx is done. It also
// calls changed each time it starts listening, the first time included:
// announcements made before, while the process loaded its fact base or
// was disconnected, are lost. A lost connection is logged and opened
// again, with a growing pause.
func ListenArticles(ctx context.Context, url string, changed func(), log *slog.Logger) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	pause := minListenBackoff
	for ctx.Err() == nil {
		listened, err := listen(ctx, url, changed, changed)
		if ctx.Err() != nil {
			return
		}
		if listened {
			pause = minListenBackoff
		}
		log.Warn("store: not listening for articles added by other processes; retrying", "err", err, "in", pause)
		select {
		case <-ctx.Done():
			return
		case <-time.After(pause):
		}
		pause = min(2*pause, maxListenBackoff)
	}
}

// listen connects, LISTENs, calls ready, then calls changed at each
// notification until the connection fails or ctx is done. listened
// reports whether it got as far as LISTEN.
func listen(ctx context.Context, url string, ready, changed func()) (listened bool, err error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return false, err
	}
	cfg.RuntimeParams["application_name"] = listenerName
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return false, err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{ArticlesChannel}.Sanitize()); err != nil {
		return false, err
	}
	ready()
	for {
		if _, err := conn.WaitForNotification(ctx); err != nil {
			return true, err
		}
		changed()
	}
}
