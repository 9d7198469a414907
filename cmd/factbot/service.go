package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/drain"
	"github.com/factbot/factbot/internal/httpapi"
	"github.com/factbot/factbot/internal/live"
	"github.com/factbot/factbot/internal/metrics"
	"github.com/factbot/factbot/internal/store"
)

// A service is what `factbot serve` runs beside the Discord bot: the live
// fact base and what rebuilds it, the metrics, the gate that counts the
// /ask questions in flight, and the HTTP side port. serve uses it so:
//
//	svc := newService(cfg, log)
//	// The bot answers through svc.base and reports to svc.metrics.
//	if err := svc.start(ctx, hup, bot.Ready); err != nil { … }
//	ran := make(chan error, 1)
//	go func() { ran <- bot.Run(ctx) }() // until SIGINT or SIGTERM ends ctx
//	// Once ctx is done (or Run has failed):
//	svc.stop(func() error { return <-ran })
type service struct {
	cfg     serveConfig
	log     *slog.Logger
	base    *live.Base
	metrics *metrics.Recorder
	gate    drain.Gate

	watcher atomic.Pointer[live.Watcher]           // watches the articles folder while it runs; nil when not
	shards  atomic.Pointer[func() []metrics.Shard] // the bot's shards, once there is a bot
	store   *store.DB                              // nil when not recording
	writer  *store.Writer                          // nil when not recording

	addr     string             // where the HTTP side port listens, once started; "" when off
	stopWork context.CancelFunc // stops the HTTP side port and the rebuilds
	work     sync.WaitGroup
}

// httpGrace is how long the HTTP side port waits, once the questions in
// flight are done, for the requests still open (scrapes, probes).
const httpGrace = time.Second

// errNotConnected is the readiness error while the gateway is down.
var errNotConnected = errors.New("not connected")

// newService returns the service for cfg, logging to log (nil logs
// nothing). It starts nothing and loads nothing.
func newService(cfg serveConfig, log *slog.Logger) *service {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &service{cfg: cfg, log: log}
	s.metrics = metrics.New(metrics.Options{
		Version: version,
		Base:    func() *facts.Base { return s.base.Current() },
		Status:  func() live.Status { return s.base.Status() },
		Watch:   s.watchState,
		Shards: func() []metrics.Shard {
			if f := s.shards.Load(); f != nil {
				return (*f)()
			}
			return nil
		},
	})
	s.base = live.New(s.loader(), live.Options{Logger: log, Hook: s.metrics, Timeout: cfg.ReloadTimeout})
	return s
}

// start opens the HTTP side port if there is one, loads the fact base,
// and starts the rebuilds: one for each signal on hup, and one when files
// in the articles folder change, if they are watched. connected reports
// whether the Discord gateway is connected, for /readyz; nil leaves it out.
// start fails if the port cannot be opened or no fact base can be loaded.
// The service runs until stop, not until ctx ends: it must outlive the
// signal that stops it, to drain.
func (s *service) start(ctx context.Context, hup <-chan os.Signal, connected func() bool) error {
	work, cancel := context.WithCancel(context.WithoutCancel(ctx))
	// Rebuilds stop at the signal, not at the end of the drain: one under
	// way must not hold the process past its shutdown timeout.
	reloads, stopReloads := context.WithCancel(ctx)
	s.stopWork = func() { stopReloads(); cancel() }
	if s.cfg.HTTPAddr != "" {
		ln, err := net.Listen("tcp", s.cfg.HTTPAddr)
		if err != nil {
			s.stopWork()
			return fmt.Errorf("HTTP side port: %w", err)
		}
		s.addr = ln.Addr().String()
		opt := httpapi.Options{
			Engine: s.base, Checks: s.checks(connected), Metrics: s.metrics, Gate: &s.gate, Logger: s.log,
			Loaded: s.base.Ready, Details: s.details,
		}
		if s.writer != nil {
			opt.Recorder = s.writer
		}
		opt.Admin = s.adminPage()
		h := httpapi.NewHandler(opt)
		s.work.Go(func() {
			if err := httpapi.Serve(work, ln, h, httpGrace, s.log); err != nil {
				s.log.Error("HTTP side port", "err", err)
			}
		})
		s.log.Info("HTTP side port listening", "addr", s.addr)
	}
	if err := s.base.Reload(ctx); err != nil {
		s.stopWork()
		s.work.Wait()
		return err
	}
	s.work.Go(func() { s.base.Run(reloads) })
	if s.shared() != nil {
		s.work.Go(func() { store.ListenArticles(reloads, string(s.cfg.Store.DatabaseURL), s.base.Trigger, s.log) })
		s.log.Info("sharing the articles added from Discord through PostgreSQL")
	}
	if s.store != nil && s.cfg.Retention > 0 {
		s.work.Go(func() { store.KeepFor(work, s.store, s.cfg.Retention, purgeEvery, s.log) })
	}
	s.work.Go(func() {
		for {
			select {
			case <-work.Done():
				return
			case <-hup:
				s.log.Info("SIGHUP: rebuilding the fact base")
				s.base.Trigger()
			}
		}
	})
	if dir := s.watchedDir(); s.cfg.Watch && dir != "" {
		w, err := live.NewWatcher(dir, live.WatchOptions{
			Debounce: s.cfg.ReloadDebounce, Poll: s.cfg.PollInterval, Logger: s.log,
		})
		if err != nil {
			s.log.Warn("not watching the articles folder; SIGHUP still rebuilds", "err", err)
		} else {
			s.watcher.Store(w)
			s.work.Go(func() {
				w.Run(work, s.base.Trigger)
				s.watcher.Store(nil)
			})
		}
	}
	return nil
}

// watchedDir is the folder whose changes rebuild the fact base: the
// articles folder or, on the built-in seeds, FACTBOT_DATA/articles if it
// exists (the bot's /factbot add creates it, and rebuilds by itself).
func (s *service) watchedDir() string {
	if s.cfg.Articles != "" {
		return s.cfg.Articles
	}
	dir := s.cfg.addedDir()
	if fi, err := os.Stat(dir); dir == "" || err != nil || !fi.IsDir() {
		return ""
	}
	return dir
}

// checks are the conditions of /readyz.
func (s *service) checks(connected func() bool) []httpapi.Check {
	cs := []httpapi.Check{{Name: "facts", Ready: s.base.Ready}}
	if connected != nil {
		cs = append(cs, httpapi.Check{Name: "gateway", Ready: func() error {
			if !connected() {
				return errNotConnected
			}
			return nil
		}})
	}
	return append(cs, httpapi.Check{Name: "questions", Ready: s.gate.Ready})
}

// watchState returns how the articles folder is watched, and false when
// it is not.
func (s *service) watchState() (live.WatchState, bool) {
	if w := s.watcher.Load(); w != nil {
		return w.State(), true
	}
	return live.WatchState{}, false
}

// details are the lines /readyz shows below its checks: the fact base in
// service, how its last rebuild went, and how the folder is watched.
func (s *service) details() []string {
	st := s.base.Status()
	var lines []string
	if st.Snapshot == "" {
		lines = append(lines, "snapshot: none loaded yet")
	} else {
		lines = append(lines, fmt.Sprintf("snapshot: %s, loaded %s", st.Snapshot, st.Loaded.UTC().Format(time.RFC3339)))
	}
	if st.Err != nil {
		lines = append(lines, fmt.Sprintf("last reload: failed %s: %v; the previous fact base still serves",
			st.Failed.UTC().Format(time.RFC3339), st.Err))
	} else if st.Snapshot != "" {
		lines = append(lines, "last reload: ok")
	}
	if f := s.shards.Load(); f != nil {
		if st := (*f)(); len(st) > 0 {
			lines = append(lines, shardsLine(st))
		}
	}
	switch ws, ok := s.watchState(); {
	case !ok:
		lines = append(lines, "watch: off")
	case ws.Notified:
		lines = append(lines, "watch: notifications on "+ws.Folder)
	default:
		lines = append(lines, fmt.Sprintf("watch: polling every %v (%s)", ws.Polling, ws.Reason))
	}
	return lines
}

// shardsLine says which of the process's shards are connected:
// "shards: 0 connected, 1 connected, 2 not connected".
func shardsLine(st []metrics.Shard) string {
	parts := make([]string, len(st))
	for i, sh := range st {
		state := "connected"
		if !sh.Connected {
			state = "not connected"
		}
		parts[i] = fmt.Sprintf("%d %s", sh.ID, state)
	}
	return "shards: " + strings.Join(parts, ", ")
}

// stop shuts the service down, in order: it closes the gate, so that
// /readyz fails and new /ask questions are turned away; waits up to the
// shutdown timeout for those in flight; calls stopBot (nil for none),
// which closes the Discord gateway and lets the bot's replies finish, or
// waits for the bot to have done so; then stops the HTTP side port and the
// rebuilds, which serve probes and scrapes until the end; and last writes
// out the queued records and closes the store. What goes wrong
// is logged: the process still exits 0.
func (s *service) stop(stopBot func() error) {
	ctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	s.log.Info("shutting down: finishing the questions in flight", "timeout", s.cfg.ShutdownTimeout)
	if err := s.gate.Close(ctx); err != nil {
		s.log.Warn("stopping with questions unanswered", "err", err)
	}
	if stopBot != nil {
		if err := stopBot(); err != nil {
			s.log.Warn("stopping the Discord bot", "err", err)
		}
	}
	s.stopWork()
	s.work.Wait()
	s.closeStore(ctx)
	s.log.Info("stopped")
}
