package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/internal/fakediscord"
	"github.com/factbot/factbot/internal/pgtest"
	"github.com/factbot/factbot/internal/syncbuf"
)

// TestSharedPostgres runs two serve processes, holding shards 0/2 and 1/2
// of one fake Discord, on one PostgreSQL: an article an admin adds through
// the first is answered by the second within its reload, both then serve
// the same snapshot (as /readyz and /metrics say), and a vote cast through
// the second shows in the report of the first. Their IDENTIFYs are paced
// together, through the database.
func TestSharedPostgres(t *testing.T) {
	t.Parallel()
	db := pgtest.SchemaURL(t, "the test of processes sharing PostgreSQL")
	const token = "shared-token-789"
	fake := fakediscord.New(fakediscord.Options{Token: token, Shards: 2})
	defer fake.Close()
	guildA, guildB := fmt.Sprint(uint64(1000)<<22), fmt.Sprint(uint64(1001)<<22) // shards 0 and 1
	if fake.ShardOf(guildA) != 0 || fake.ShardOf(guildB) != 1 {
		t.Fatal("the guilds are not on shards 0 and 1")
	}
	const adminToken = "admin-token-0123456789"
	a := startServe(t, "0/2", map[string]string{
		"DISCORD_TOKEN": token, "DISCORD_API_URL": fake.URL, "FACTBOT_DATABASE_URL": db, "FACTBOT_ADMIN_TOKEN": adminToken,
	})
	b := startServe(t, "1/2", map[string]string{"DISCORD_TOKEN": token, "DISCORD_API_URL": fake.URL, "FACTBOT_DATABASE_URL": db})
	within(t, "both processes ready", func() bool { return a.get("/readyz").ok && b.get("/readyz").ok })
	// The two processes identified one after the other, in the one bucket
	// of max_concurrency 1, paced through PostgreSQL.
	if ids := fake.Identifies(); len(ids) != 2 {
		t.Errorf("%d IDENTIFYs, want 2: %+v", len(ids), ids)
	} else if gap := ids[1].At.Sub(ids[0].At); gap < bot.IdentifyInterval {
		t.Errorf("the second process identified %v after the first, want at least %v", gap, bot.IdentifyInterval)
	}
	if r := b.get("/readyz").body; !strings.Contains(r, "\nshards: 1 connected\n") {
		t.Errorf("/readyz of 1/2 does not show its shard:\n%s", r)
	}

	const question = "How long did floods close the port of Freedonia?"
	const article = "floods-close-the-port-of-freedonia"
	if cites(b.ask(question), article) {
		t.Fatal("the second process cites the article before it was added")
	}

	// An admin adds an article through the first process (a modal submit
	// in a guild of shard 0), pasted as /factbot add without a file takes it.
	const manageServer = "32"
	if err := fake.Dispatch("INTERACTION_CREATE", map[string]any{
		"id": "700000000000000001", "application_id": fakediscord.AppID, "type": 5, "token": "token-add", "version": 1,
		"guild_id": guildA, "channel_id": "300000000000000001",
		"member": map[string]any{"user": map[string]any{"id": "800000000000000001", "username": "admin"}, "permissions": manageServer},
		"data": map[string]any{"custom_id": "addtext", "components": []any{
			map[string]any{"type": 1, "components": []any{map[string]any{"type": 4, "custom_id": "title", "value": "Floods Close The Port Of Freedonia"}}},
			map[string]any{"type": 1, "components": []any{map[string]any{"type": 4, "custom_id": "publisher", "value": "The Gazette"}}},
			map[string]any{"type": 1, "components": []any{map[string]any{"type": 4, "custom_id": "text",
				"value": "Floods closed the port of Freedonia for 12 days in March.\n\nShips waited offshore."}}},
		}},
	}); err != nil {
		t.Fatal(err)
	}
	within(t, "the second process to answer from the article added through the first", func() bool { return cites(b.ask(question), article) })
	within(t, "the first process to say it added the article", func() bool { return strings.Contains(a.logs.String(), `"msg":"added an article"`) })
	if strings.Contains(b.logs.String(), `"msg":"added an article"`) {
		t.Errorf("the article was not added by the first process alone:\n%s\n%s", a.logs, b.logs)
	}
	if _, err := os.Stat(a.data + "/articles/" + article + ".txt"); err == nil {
		t.Error("the article was written to the first process's folder, not only to PostgreSQL")
	}

	// Both serve the same snapshot, and say so.
	snapshot := regexp.MustCompile(`snapshot: ([0-9a-f]+)`)
	var snapA, snapB []string
	within(t, "the same snapshot in both /readyz", func() bool {
		snapA, snapB = snapshot.FindStringSubmatch(a.get("/readyz").body), snapshot.FindStringSubmatch(b.get("/readyz").body)
		return snapA != nil && snapB != nil && snapA[1] == snapB[1]
	})
	for _, p := range []*served{a, b} {
		m := p.get("/metrics").body
		if !strings.Contains(m, `factbot_snapshot_info{snapshot="`+snapA[1]+`"} 1`) {
			t.Errorf("/metrics of %s lacks snapshot %s", p.shards, snapA[1])
		}
		shard := p.shards[:1]
		if !strings.Contains(m, `factbot_shard_connected{shard="`+shard+`"} 1`) ||
			!strings.Contains(m, `factbot_shard_heartbeat_ack_age_seconds{shard="`+shard+`"}`) {
			t.Errorf("/metrics of %s lacks the state of shard %s", p.shards, shard)
		}
	}

	// A 👍 through the second process (a button in a guild of shard 1)
	// shows in the first's report.
	if err := fake.Dispatch("INTERACTION_CREATE", map[string]any{
		"id": "700000000000000002", "application_id": fakediscord.AppID, "type": 3, "token": "token-vote", "version": 1,
		"guild_id": guildB, "channel_id": "300000000000000002",
		"member": map[string]any{"user": map[string]any{"id": "800000000000000002", "username": "reader"}},
		"data":   map[string]any{"custom_id": "up:700000000000000099", "component_type": 2},
	}); err != nil {
		t.Fatal(err)
	}
	report := func() string {
		req, _ := http.NewRequest("GET", "http://"+a.addr+"/admin", nil)
		req.Header.Set("Authorization", "Bearer "+adminToken)
		return a.do(req).body
	}
	within(t, "the vote cast through the second in the first's report", func() bool { return strings.Contains(report(), "votes: 1 up, 0 down") })
	if strings.Contains(a.logs.String(), `"msg":"feedback"`) {
		t.Errorf("the vote was not taken by the second process alone")
	}
}

// A served is a running "factbot serve" of the test.
type served struct {
	shards, addr, data string
	logs               *syncbuf.Buffer
}

// startServe runs serve holding shards, with vars and an HTTP side port of
// its own, until the test ends.
func startServe(t *testing.T, shards string, vars map[string]string) *served {
	t.Helper()
	s := &served{shards: shards, data: t.TempDir(), logs: &syncbuf.Buffer{}}
	vars["FACTBOT_SHARDS"], vars["FACTBOT_DATA"], vars["FACTBOT_HTTP_ADDR"] = shards, s.data, "127.0.0.1:0"
	vars["FACTBOT_RELOAD_DEBOUNCE"] = "0s"
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serveTo(ctx, s.logs, vars, "--log-format=json") }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve %s: %v", shards, err)
			}
		case <-time.After(10 * time.Second):
			t.Errorf("serve %s did not stop", shards)
		}
		if t.Failed() {
			t.Logf("logs of %s:\n%s", shards, s.logs)
		}
	})
	listening := regexp.MustCompile(`"msg":"HTTP side port listening","addr":"([^"]+)"`)
	within(t, "serve "+shards+" to listen", func() bool {
		m := listening.FindStringSubmatch(s.logs.String())
		if m != nil {
			s.addr = m[1]
		}
		return m != nil
	})
	return s
}

type httpResult struct {
	ok   bool
	body string
}

func (s *served) do(req *http.Request) httpResult {
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return httpResult{body: err.Error()}
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return httpResult{resp.StatusCode == http.StatusOK, string(body)}
}

func (s *served) get(path string) httpResult {
	req, _ := http.NewRequest("GET", "http://"+s.addr+path, nil)
	return s.do(req)
}

// ask asks over HTTP and returns the sources the answer cites.
func (s *served) ask(q string) []string {
	var a struct {
		Citations []struct{ Source string } `json:"citations"`
	}
	_ = json.Unmarshal([]byte(s.get("/ask?q="+url.QueryEscape(q)).body), &a)
	var out []string
	for _, c := range a.Citations {
		out = append(out, c.Source)
	}
	return out
}

func cites(sources []string, article string) bool {
	for _, s := range sources {
		if s == article {
			return true
		}
	}
	return false
}

// within polls cond until it holds, failing the test after 30 seconds.
// The conditions are in other processes' reach (HTTP answers), which no
// channel here can signal.
func within(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}
