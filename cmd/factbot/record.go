package main

import (
	"context"
	"io/fs"
	"net/http"
	"os"
	"strings"
	"testing/fstest"
	"time"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/admin"
	"github.com/factbot/factbot/internal/live"
	"github.com/factbot/factbot/internal/store"
)

// purgeEvery is how often records older than the retention are purged.
const purgeEvery = 24 * time.Hour

// openStore opens the store of questions and votes, unless recording is
// off, and puts a Writer in front of it. Call it before start; stop
// flushes and closes it.
func (s *service) openStore(ctx context.Context) error {
	if !s.cfg.Record {
		s.log.Info("not recording questions and votes (FACTBOT_RECORD=false)")
		return nil
	}
	db, err := s.cfg.Store.open(ctx)
	if err != nil {
		return err
	}
	s.store = db
	s.writer = store.NewWriter(db, store.WriterOptions{
		Snapshot: func() string { return s.base.Status().Snapshot },
		Dropped:  s.metrics.StoreDropped,
		Logger:   s.log,
	})
	where := "PostgreSQL"
	if db.Dialect() == "sqlite" {
		where = s.cfg.Store.DataDir
	}
	s.log.Info("recording questions and votes", "store", db.Dialect(), "where", where, "retention", s.cfg.Retention)
	return nil
}

// recorder returns what the bot records into: the Writer, or nil when
// recording is off (a nil interface, not a nil *store.Writer).
func (s *service) recorder() bot.Recorder {
	if s.writer == nil {
		return nil
	}
	return s.writer
}

// curation returns what /factbot add and remove need: the folder they
// write to, the rebuild that makes a change live, and the store's records
// of who added what; nil when there is no folder to write to.
func (s *service) curation() *bot.Curation {
	dir := s.cfg.addedDir()
	if dir == "" {
		return nil
	}
	c := &bot.Curation{Dir: dir, Reload: s.base.Reload}
	if s.store != nil {
		c.Records = s.store
	}
	c.Shared = s.shared() != nil
	return c
}

// identifyGate returns what paces the bot's IDENTIFYs: with all other
// processes on the same PostgreSQL, or, with nil, within this process.
func (s *service) identifyGate() bot.IdentifyGate {
	if s.store == nil || s.store.Dialect() != "postgres" {
		return nil
	}
	return newSharedIdentifyGate(s.store, s.log)
}

// shared returns the store when it shares the articles added from Discord
// between processes: PostgreSQL, on the built-in seeds (an articles
// folder is shared as a folder); else nil.
func (s *service) shared() *store.DB {
	if s.store == nil || s.store.Dialect() != "postgres" || s.cfg.Articles != "" {
		return nil
	}
	return s.store
}

// loader returns the function that builds the fact base: the
// configuration's, with the articles kept in PostgreSQL beside the seeds
// and FACTBOT_DATA/articles when the store shares them (a name the seeds
// or the folder have wins).
func (s *service) loader() live.Loader {
	load := s.cfg.loader()
	return func(ctx context.Context) (*facts.Base, error) {
		db := s.shared()
		if db == nil {
			return load(ctx)
		}
		files, err := db.ArticleFiles(ctx)
		if err != nil {
			return nil, err
		}
		var fsys fs.FS = facts.SeedFS()
		if added := s.cfg.addedDir(); added != "" {
			fsys = seedsWith{fsys, os.DirFS(added)}
		}
		stored := fstest.MapFS{}
		for name, body := range files {
			if fs.ValidPath(name) && !strings.Contains(name, "/") && !strings.HasPrefix(name, ".") {
				stored[name] = &fstest.MapFile{Data: body, Mode: 0o444}
			}
		}
		return facts.LoadFS(ctx, seedsWith{fsys, stored}, s.cfg.Load)
	}
}

// reports returns what the bot reads its reports from: the store, with
// the articles of the fact base served so that those never cited show, or
// nil when recording is off.
func (s *service) reports() bot.Reports {
	if s.store == nil {
		return nil
	}
	return servedReports{s.store, s.base}
}

// servedReports adds the articles never cited to the store's reports.
type servedReports struct {
	*store.DB
	base *live.Base
}

func (r servedReports) Report(ctx context.Context, since time.Time) (store.Report, error) {
	rep, err := r.DB.Report(ctx, since)
	if err == nil {
		if b := r.base.Current(); b != nil {
			rep.WithArticles(articleIDs(b))
		}
	}
	return rep, err
}

// adminPage returns the /admin page's handler, or nil when there is no
// admin token or no store.
func (s *service) adminPage() http.Handler {
	if s.cfg.AdminToken == "" {
		return nil
	}
	if s.store == nil {
		s.log.Warn("no /admin page: recording is off (FACTBOT_RECORD=false)")
		return nil
	}
	s.log.Info("serving the /admin page")
	return admin.NewHandler(admin.Options{
		Token:   string(s.cfg.AdminToken),
		Reports: s.store,
		Articles: func() []string {
			if b := s.base.Current(); b != nil {
				return articleIDs(b)
			}
			return nil
		},
		Logger: s.log,
	})
}

// closeStore flushes the queued records, waiting until ctx is done at
// most, and closes the store.
func (s *service) closeStore(ctx context.Context) {
	if s.writer == nil {
		return
	}
	if err := s.writer.Close(ctx); err != nil {
		s.log.Warn("stopping with records unwritten", "err", err)
	}
	if err := s.store.Close(); err != nil {
		s.log.Warn("closing the store", "err", err)
	}
}
