package store

import (
	"context"
	"database/sql/driver"
	"fmt"
	"time"
)

// identifyLockKey is the first of the PostgreSQL advisory lock keys that
// IdentifyLock takes, one per bucket; migrate takes 7243001.
const identifyLockKey = 7243100

// IdentifyLock takes the PostgreSQL advisory lock of a gateway identify
// bucket, waiting for it until ctx is done, so that the processes sharing
// the database IDENTIFY one at a time per bucket. Its release keeps the
// lock for hold more (Discord's 5 seconds between two IDENTIFYs of a
// bucket), then lets it go, without blocking the caller. The lock lives on
// a connection of its own, so it goes if the process dies. Only
// PostgreSQL has these locks: on SQLite, a store of one process,
// IdentifyLock returns at once.
func (s *DB) IdentifyLock(ctx context.Context, bucket int, hold time.Duration) (release func(), err error) {
	if s.dialect != "postgres" {
		return func() {}, nil
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: identify lock: %w", err)
	}
	key := int64(identifyLockKey + bucket)
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, key); err != nil {
		conn.Close()
		return nil, fmt.Errorf("store: identify lock: %w", err)
	}
	return func() {
		go func() {
			time.Sleep(hold)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_unlock($1)`, key); err != nil {
				// A lock not released goes with its session: end it
				// rather than return it to the pool.
				_ = conn.Raw(func(any) error { return driver.ErrBadConn })
			}
			conn.Close()
		}()
	}, nil
}
