package main

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/live"
	"github.com/factbot/factbot/internal/syncbuf"
)

const (
	bridgeArticle = "Harbor Times\n\nArlen Opens The Tallis Bridge\n\nThe Tallis Bridge cost $40 million to build.\n"
	cometArticle  = "Sky Weekly\n\nAstronomers Name A New Comet\n\nAstronomers at the Kelso Observatory discovered the comet Brannock on March 3.\n"
)

// testOptions vary a test's service.
type testOptions struct {
	connected       func() bool
	hup             <-chan os.Signal
	log             *slog.Logger
	shutdownTimeout time.Duration
	configure       func(*serveConfig) // changes the configuration; nil for none
}

// testService starts a service over a folder holding the bridge article,
// with the HTTP side port on a free port, and returns it with the folder.
func testService(t *testing.T, opt testOptions) (*service, string) {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "bridge.txt"), bridgeArticle)
	cfg := defaults()
	cfg.Articles, cfg.HTTPAddr, cfg.ReloadDebounce = dir, "127.0.0.1:0", 10*time.Millisecond
	if opt.shutdownTimeout > 0 {
		cfg.ShutdownTimeout = opt.shutdownTimeout
	}
	if opt.configure != nil {
		opt.configure(&cfg)
	}
	svc := newService(cfg, opt.log)
	if err := svc.start(context.Background(), opt.hup, opt.connected); err != nil {
		t.Fatal(err)
	}
	return svc, dir
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// get returns the status and body of GET http://addr+path, or status 0
// when nothing answers.
func get(addr, path string) (int, string) {
	resp, err := http.Get("http://" + addr + path)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// poll checks cond every few milliseconds until it holds, failing the test
// after a generous deadline.
func poll(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
	}
}

func TestServiceLifecycle(t *testing.T) {
	var connected atomic.Bool
	hup := make(chan os.Signal, 1)
	svc, dir := testService(t, testOptions{connected: connected.Load, hup: hup})
	ask := func(q string) string {
		_, body := get(svc.addr, "/ask?q="+url.QueryEscape(q))
		return body
	}

	if code, _ := get(svc.addr, "/healthz"); code != 200 {
		t.Errorf("/healthz: %d, want 200", code)
	}
	if code, body := get(svc.addr, "/readyz"); code != 503 || !strings.HasPrefix(body, "facts: ok\ngateway: not connected\nquestions: ok\nsnapshot: ") {
		t.Errorf("/readyz before the gateway connects: %d %q", code, body)
	}
	connected.Store(true)
	if code, body := get(svc.addr, "/readyz"); code != 200 {
		t.Errorf("/readyz once connected: %d %q, want 200", code, body)
	}
	if body := ask("How much did the Tallis Bridge cost?"); !strings.Contains(body, `"source":"bridge"`) {
		t.Errorf("/ask does not answer from the bridge article: %s", body)
	}

	// SIGHUP rebuilds the fact base.
	before := svc.base.Current()
	hup <- os.Interrupt // any signal value: the channel is what serve feeds SIGHUP into
	poll(t, "SIGHUP rebuilds the fact base", func() bool { return svc.base.Current() != before })

	// A new article is picked up by the watcher.
	writeFile(t, filepath.Join(dir, "comet.txt"), cometArticle)
	poll(t, "the new article answers", func() bool {
		return strings.Contains(ask("When was the comet Brannock discovered?"), `"source":"comet"`)
	})
	_, m := get(svc.addr, "/metrics")
	for _, want := range []string{"\nfactbot_articles_loaded 2\n", "\nfactbot_reload_failures_total 0\n", `factbot_questions_total{outcome="answered",via="http"}`} {
		if !strings.Contains(m, want) {
			t.Errorf("/metrics has no %q", strings.TrimSpace(want))
		}
	}

	// Shutdown: when the bot is stopped, the gate is already closed and
	// the side port still up; after stop, the port is closed.
	var atBotStop []string
	svc.stop(func() error {
		_, body := get(svc.addr, "/readyz")
		checks, _, _ := strings.Cut(body, "snapshot: ")
		atBotStop = append(atBotStop, checks)
		code, _ := get(svc.addr, "/healthz")
		atBotStop = append(atBotStop, http.StatusText(code))
		_, body = get(svc.addr, "/ask?q=hi")
		atBotStop = append(atBotStop, body)
		return nil
	})
	want := []string{
		"facts: ok\ngateway: ok\nquestions: drain: shutting down\n",
		"OK",
		`{"error":"shutting down: ask again shortly"}` + "\n",
	}
	if diff := cmp.Diff(want, atBotStop); diff != "" {
		t.Errorf("/readyz, /healthz, /ask when the bot is stopped (-want +got):\n%s", diff)
	}
	if code, _ := get(svc.addr, "/healthz"); code != 0 {
		t.Errorf("/healthz after stop: %d, want no answer", code)
	}
}

// TestServiceStopWaitsForQuestions holds an /ask question in flight and
// checks that the bot is stopped only once it is answered.
func TestServiceStopWaitsForQuestions(t *testing.T) {
	svc, _ := testService(t, testOptions{})
	leave, ok := svc.gate.Enter()
	if !ok {
		t.Fatal("the gate turned a question away before shutdown")
	}
	var mu sync.Mutex
	var events []string
	record := func(e string) {
		mu.Lock()
		events = append(events, e)
		mu.Unlock()
	}
	stopped := make(chan struct{})
	go func() {
		svc.stop(func() error { record("bot stopped"); return nil })
		close(stopped)
	}()
	poll(t, "shutdown begins", func() bool { return svc.gate.Ready() != nil })
	time.Sleep(20 * time.Millisecond) // room for a stop that does not wait to stop the bot too soon
	record("question answered")
	leave()
	<-stopped
	if diff := cmp.Diff([]string{"question answered", "bot stopped"}, events); diff != "" {
		t.Errorf("shutdown order (-want +got):\n%s", diff)
	}
}

// TestServiceStopTimeout checks that a question that outlasts the
// shutdown timeout does not hold the shutdown up.
func TestServiceStopTimeout(t *testing.T) {
	var logs syncbuf.Buffer
	svc, _ := testService(t, testOptions{
		log:             slog.New(slog.NewTextHandler(&logs, nil)),
		shutdownTimeout: 10 * time.Millisecond,
	})
	if _, ok := svc.gate.Enter(); !ok {
		t.Fatal("the gate turned a question away before shutdown")
	}
	stopped := false
	svc.stop(func() error { stopped = true; return nil })
	if !stopped {
		t.Error("the bot was not stopped")
	}
	if want := "drain: 1 questions still in flight: context deadline exceeded"; !strings.Contains(logs.String(), want) {
		t.Errorf("log %q does not say %q", logs.String(), want)
	}
}

func TestServiceStartFails(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	freeAddr := unusedAddr(t)

	tests := []struct {
		name    string
		addr    string
		files   map[string]string
		wantErr string // a prefix
	}{
		{"port in use", busy.Addr().String(), map[string]string{"a.txt": bridgeArticle}, "HTTP side port: listen tcp "},
		{"no readable article", freeAddr, map[string]string{"a.txt": ""}, "live: load: facts: no readable articles"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, text := range tt.files {
				writeFile(t, filepath.Join(dir, name), text)
			}
			cfg := defaults()
			cfg.Articles, cfg.HTTPAddr = dir, tt.addr
			err := newService(cfg, nil).start(context.Background(), nil, nil)
			if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
				t.Fatalf("start = %v, want an error starting %q", err, tt.wantErr)
			}
			// A failed start releases the port.
			ln, err := net.Listen("tcp", freeAddr)
			if err != nil {
				t.Errorf("after a failed start: %v", err)
			} else {
				ln.Close()
			}
		})
	}
}

// TestServiceReloadFails empties the articles folder under a running
// service: the rebuild fails, the previous base keeps answering, and
// /readyz and /metrics say so; a good file brings it back.
func TestServiceReloadFails(t *testing.T) {
	svc, dir := testService(t, testOptions{})
	defer svc.stop(nil)
	ask := func() string {
		_, body := get(svc.addr, "/ask?q="+url.QueryEscape("How much did the Tallis Bridge cost?"))
		return body
	}
	_, ready := get(svc.addr, "/readyz")
	if want := "\nlast reload: ok\nwatch: notifications on "; !strings.Contains(ready, want) {
		t.Errorf("/readyz = %q, want %q", ready, want)
	}
	_, m := get(svc.addr, "/metrics")
	for _, want := range []string{"\nfactbot_watch_active 1\n", "\nfactbot_reload_failing 0\n", "\nfactbot_snapshot_info{snapshot=\""} {
		if !strings.Contains(m, want) {
			t.Errorf("/metrics has no %q", strings.TrimSpace(want))
		}
	}

	if err := os.Remove(filepath.Join(dir, "bridge.txt")); err != nil {
		t.Fatal(err)
	}
	poll(t, "/readyz reports the failed rebuild", func() bool {
		_, body := get(svc.addr, "/readyz")
		return strings.Contains(body, "last reload: failed ") &&
			strings.Contains(body, "facts: no readable articles; the previous fact base still serves")
	})
	if code, body := get(svc.addr, "/readyz"); code != 200 {
		t.Errorf("/readyz after a failed rebuild = %d %q, want 200: the old base serves", code, body)
	}
	if body := ask(); !strings.Contains(body, `"source":"bridge"`) {
		t.Errorf("/ask after a failed rebuild does not answer from the old base: %s", body)
	}
	_, m = get(svc.addr, "/metrics")
	for _, want := range []string{"\nfactbot_reload_failing 1\n", "\nfactbot_reload_failures_total 1\n"} {
		if !strings.Contains(m, want) {
			t.Errorf("/metrics has no %q", strings.TrimSpace(want))
		}
	}

	writeFile(t, filepath.Join(dir, "comet.txt"), cometArticle)
	poll(t, "a good file brings the rebuilds back", func() bool {
		_, body := get(svc.addr, "/readyz")
		return strings.Contains(body, "last reload: ok")
	})
}

// TestServiceNotReadyUntilLoaded holds the first load back: meanwhile the
// side port answers /ask with 503 and a JSON error, and /readyz with 503.
func TestServiceNotReadyUntilLoaded(t *testing.T) {
	cfg := defaults()
	cfg.HTTPAddr = unusedAddr(t)
	svc := newService(cfg, nil)
	release := make(chan struct{})
	svc.base = live.New(func(ctx context.Context) (*facts.Base, error) {
		<-release
		return facts.Seeds()
	}, live.Options{})
	started := make(chan error, 1)
	go func() { started <- svc.start(context.Background(), nil, nil) }()

	poll(t, "the side port answers", func() bool { code, _ := get(cfg.HTTPAddr, "/healthz"); return code == 200 })
	resp, err := http.Get("http://" + cfg.HTTPAddr + "/ask?q=hi")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	got := []string{resp.Status, resp.Header.Get("Content-Type"), resp.Header.Get("Retry-After"), string(body)}
	want := []string{"503 Service Unavailable", "application/json; charset=utf-8", "5",
		`{"error":"not ready: the fact base is still loading; ask again shortly"}` + "\n"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("/ask before the first load (-want +got):\n%s", diff)
	}
	if code, body := get(cfg.HTTPAddr, "/readyz"); code != 503 || !strings.Contains(body, "snapshot: none loaded yet") {
		t.Errorf("/readyz before the first load = %d %q", code, body)
	}

	close(release)
	if err := <-started; err != nil {
		t.Fatal(err)
	}
	defer svc.stop(nil)
	if code, body := get(cfg.HTTPAddr, "/ask?q=hi"); code != 200 {
		t.Errorf("/ask once loaded = %d %q, want 200", code, body)
	}
}

// TestServiceStopDuringSlowReload signals shutdown while a rebuild that
// would never end on its own is under way: the signal itself cancels it,
// and stop returns well within the shutdown timeout.
func TestServiceStopDuringSlowReload(t *testing.T) {
	cfg := defaults()
	cfg.ShutdownTimeout = 5 * time.Second
	svc := newService(cfg, nil)
	var loads atomic.Int64
	inReload, stopped := make(chan struct{}), make(chan struct{})
	svc.base = live.New(func(ctx context.Context) (*facts.Base, error) {
		if loads.Add(1) == 1 {
			return facts.Seeds()
		}
		close(inReload)
		<-ctx.Done() // a reload slower than any timeout
		close(stopped)
		return nil, ctx.Err()
	}, live.Options{})
	ctx, sigterm := context.WithCancel(context.Background())
	hup := make(chan os.Signal, 1)
	if err := svc.start(ctx, hup, nil); err != nil {
		t.Fatal(err)
	}
	hup <- os.Interrupt
	<-inReload

	start := time.Now()
	sigterm()
	select {
	case <-stopped: // by the signal itself, before the drain
	case <-time.After(time.Second):
		t.Error("the signal did not cancel the reload")
	}
	svc.stop(nil)
	if took := time.Since(start); took > time.Second {
		t.Errorf("stop during a slow reload took %v, want well under the 5s shutdown timeout", took)
	}
	if svc.base.Current() == nil {
		t.Error("the base in service was dropped")
	}
}

// TestServiceSeedsWatchAdded runs the service on the seeds with an added
// articles folder in FACTBOT_DATA: an article dropped there is answered.
func TestServiceSeedsWatchAdded(t *testing.T) {
	data := t.TempDir()
	added := filepath.Join(data, "articles")
	if err := os.MkdirAll(added, 0o755); err != nil {
		t.Fatal(err)
	}
	svc, _ := testService(t, testOptions{configure: func(c *serveConfig) {
		c.Articles, c.Store.DataDir = "", data
	}})
	defer svc.stop(func() error { return nil })
	ask := func(q string) string {
		_, body := get(svc.addr, "/ask?q="+url.QueryEscape(q))
		return body
	}
	if body := ask("How much crypto has North Korea stolen?"); !strings.Contains(body, `"source":"000_57d83770277fbe9f"`) {
		t.Errorf("the seeds do not answer: %s", body)
	}
	writeFile(t, filepath.Join(added, "comet.txt"), cometArticle)
	poll(t, "the added article answers", func() bool {
		return strings.Contains(ask("When was the comet Brannock discovered?"), `"source":"comet"`)
	})
}
