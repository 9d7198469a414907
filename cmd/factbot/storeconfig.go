package main

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/factbot/factbot/internal/store"
)

// storeConfig says where the store of questions and votes is: SQLite in
// DataDir, or PostgreSQL at DatabaseURL. `factbot serve` and `factbot
// report` read the same settings, so that the report reads what the bot
// wrote.
type storeConfig struct {
	DataDir     string // folder of the SQLite store
	DatabaseURL secret // PostgreSQL instead of SQLite; "" for SQLite
}

// storeSettings returns the settings of the store, storing into c.
func storeSettings(c *storeConfig) []setting {
	return []setting{{
		flag: "data", env: "FACTBOT_DATA", arg: "DIR", def: "./factbot-data",
		usage: "folder of the SQLite store of questions and votes (made if missing); unused with --database-url",
		set:   func(v string) error { c.DataDir = v; return nil },
	}, {
		flag: "database-url", env: "FACTBOT_DATABASE_URL", arg: "URL", secret: true, none: "SQLite in --data",
		usage: "PostgreSQL URL (postgres://user:password@host/db) of the store, instead of SQLite",
		set: func(v string) error {
			c.DatabaseURL = secret(strings.TrimSpace(v))
			if v != "" && !strings.HasPrefix(v, "postgres://") && !strings.HasPrefix(v, "postgresql://") {
				return errors.New("want a postgres:// URL")
			}
			return nil
		},
	}}
}

// open opens the store, and migrates it to the current schema.
func (c storeConfig) open(ctx context.Context) (*store.DB, error) {
	if c.DatabaseURL == "" && c.DataDir == "" {
		return nil, errors.New("store: no data folder: set FACTBOT_DATA or FACTBOT_DATABASE_URL")
	}
	return store.Open(ctx, c.DataDir, string(c.DatabaseURL))
}

// parseDays parses a duration that may be given in days ("90d") as well
// as in Go's units ("720h"); it must not be negative.
func parseDays(v string) (time.Duration, error) {
	if n, ok := strings.CutSuffix(v, "d"); ok {
		d, err := strconv.Atoi(n)
		switch {
		case err != nil:
			return 0, errors.New("want a number of days, such as 90d, or a duration, such as 720h")
		case d < 0:
			return 0, errors.New("must not be negative")
		}
		return time.Duration(d) * 24 * time.Hour, nil
	}
	d, err := parseDuration(v)
	if err != nil {
		return 0, errors.New("want a number of days, such as 90d, or a duration, such as 720h")
	}
	return d, nil
}
