package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

var soak = flag.Duration("soak", 2*time.Second, "how long TestServiceSoak churns the articles folder; run with -soak 30s for the full soak")

// TestServiceSoak runs a service with the watch on while clients ask over
// HTTP without pause and the articles folder churns: files written,
// renamed and removed, hostile files (a named pipe, a link out of the
// folder, a file over the cap) coming and going, the whole folder swapped
// with mv, and SIGHUPs. Every request must be answered from the bridge
// article, which every version of the folder holds; afterwards the watch
// must still be armed, and no goroutine left behind.
func TestServiceSoak(t *testing.T) {
	before := runtime.NumGoroutine()
	top := t.TempDir()
	writeFile(t, filepath.Join(top, "secret.txt"), "Secret Memo\n\nThe launch code is swordfish, the memo said.\n")
	hup := make(chan os.Signal, 1)
	svc, dir := testService(t, testOptions{hup: hup, configure: func(c *serveConfig) { c.Load.MaxArticleBytes = 64 << 10 }})

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
	var requests, failures atomic.Int64
	stop := make(chan struct{})
	var clients sync.WaitGroup
	for range 8 {
		clients.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				requests.Add(1)
				resp, err := client.Get("http://" + svc.addr + "/ask?q=" + url.QueryEscape("How much did the Tallis Bridge cost?"))
				if err != nil {
					failures.Add(1)
					t.Errorf("GET /ask: %v", err)
					continue
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 || !strings.Contains(string(body), `"source":"bridge"`) || strings.Contains(string(body), "swordfish") {
					failures.Add(1)
					t.Errorf("GET /ask = %d %s", resp.StatusCode, body)
				}
			}
		})
	}

	changes := 0
	deadline := time.Now().Add(*soak)
	for i := 0; time.Now().Before(deadline); i++ {
		name := filepath.Join(dir, fmt.Sprintf("comet%d.txt", i%5))
		switch i % 8 {
		case 0, 1, 2: // a file written, then one removed
			writeFile(t, name, cometArticle)
			os.Remove(filepath.Join(dir, fmt.Sprintf("comet%d.txt", (i+2)%5)))
		case 3: // the bridge rewritten, atomically
			writeFile(t, filepath.Join(dir, ".bridge.tmp"), bridgeArticle)
			os.Rename(filepath.Join(dir, ".bridge.tmp"), filepath.Join(dir, "bridge.txt"))
		case 4: // hostile files
			syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644)
			os.Symlink(filepath.Join(top, "secret.txt"), filepath.Join(dir, "secret.txt"))
			writeFile(t, filepath.Join(dir, "huge.txt"), "Huge\n\n"+strings.Repeat("word ", 100_000))
		case 5:
			os.Remove(filepath.Join(dir, "pipe.txt"))
			os.Remove(filepath.Join(dir, "secret.txt"))
			os.Remove(filepath.Join(dir, "huge.txt"))
		case 6: // the folder swapped with mv
			next := dir + ".next"
			if err := os.MkdirAll(next, 0o755); err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(next, "bridge.txt"), bridgeArticle)
			os.RemoveAll(dir + ".old")
			os.Rename(dir, dir+".old")
			os.Rename(next, dir)
		case 7:
			select {
			case hup <- syscall.SIGHUP:
			default:
			}
		}
		changes++
		time.Sleep(5 * time.Millisecond)
	}
	close(stop)
	clients.Wait()

	// The watch survived: a last change is picked up by notification.
	writeFile(t, filepath.Join(dir, "orchard.txt"), "Farm Ledger\n\nPear Harvest Breaks Record\n\nThe Moreton orchard harvested 9,000 tonnes of pears this autumn.\n")
	poll(t, "the watch picks up a change after the churn", func() bool {
		for _, a := range svc.base.Current().Articles() {
			if a.ID == "orchard" {
				return true
			}
		}
		return false
	})
	ws, ok := svc.watchState()
	_, m := get(svc.addr, "/metrics")
	reloads := metricValue(m, "factbot_reloads_total")
	t.Logf("%v: %d requests, %d failed, %d folder changes, %s reloads (%s failed), watch %+v",
		*soak, requests.Load(), failures.Load(), changes, reloads, metricValue(m, "factbot_reload_failures_total"), ws)
	if !ok || !ws.Notified {
		t.Errorf("after the churn, the watch is %+v, want notifications", ws)
	}
	if requests.Load() == 0 || reloads == "0" {
		t.Errorf("%d requests and %s reloads: the soak did not run", requests.Load(), reloads)
	}

	svc.stop(nil)
	client.CloseIdleConnections()
	var after int
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if after = runtime.NumGoroutine(); after <= before+1 {
			break
		}
	}
	t.Logf("goroutines: %d before, %d after", before, after)
	if after > before+1 {
		buf := make([]byte, 1<<20)
		t.Errorf("%d goroutines before the service, %d after it stopped:\n%s", before, after, buf[:runtime.Stack(buf, true)])
	}
}

// metricValue returns the value of a sample without labels in a scrape,
// or "" if there is none.
func metricValue(scrape, name string) string {
	for line := range strings.Lines(scrape) {
		if v, ok := strings.CutPrefix(line, name+" "); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
