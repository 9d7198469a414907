package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/internal/fakediscord"
	"github.com/factbot/factbot/internal/store"
	"github.com/factbot/factbot/internal/syncbuf"
)

// serve runs "factbot serve args" with vars, and returns what it wrote on
// stderr and its error.
func serve(ctx context.Context, vars map[string]string, args ...string) (string, error) {
	var stderr syncbuf.Buffer
	err := serveTo(ctx, &stderr, vars, args...)
	return stderr.String(), err
}

// serveTo runs "factbot serve args" with vars, writing on stderr. Unless
// vars name a data folder, nothing is recorded: the default folder is
// relative to the working directory.
func serveTo(ctx context.Context, stderr *syncbuf.Buffer, vars map[string]string, args ...string) error {
	if _, ok := vars["FACTBOT_DATA"]; !ok {
		vars = maps.Clone(vars)
		if vars == nil {
			vars = map[string]string{}
		}
		vars["FACTBOT_RECORD"] = "false"
	}
	var stdout bytes.Buffer
	return run(ctx, append([]string{"serve"}, args...), env(vars), strings.NewReader(""), &stdout, stderr)
}

// TestServeRefuses checks that serve stops at once, with a message naming
// the variable to fix, when it cannot run, and without reaching Discord.
func TestServeRefuses(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, []byte("\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		vars map[string]string
		args []string
		want string
	}{
		{"no token", nil, nil, "no bot token: set DISCORD_TOKEN"},
		{"blank token", map[string]string{"DISCORD_TOKEN": "  "}, nil, "no bot token: set DISCORD_TOKEN"},
		{"two tokens", map[string]string{"DISCORD_TOKEN": "a", "DISCORD_TOKEN_FILE": empty}, nil, "the token is set by DISCORD_TOKEN or --token too"},
		{"empty token file", map[string]string{"DISCORD_TOKEN_FILE": empty}, nil, `DISCORD_TOKEN_FILE "` + empty + `": the file is empty`},
		{"missing token file", map[string]string{"DISCORD_TOKEN_FILE": filepath.Join(dir, "nope")}, nil, `DISCORD_TOKEN_FILE "` + filepath.Join(dir, "nope") + `": open`},
		{"bad channels", map[string]string{"DISCORD_TOKEN": "a", "FACTBOT_CHANNELS": "123,#general"}, nil, `FACTBOT_CHANNELS "123,#general": channel "#general": want a numeric Discord id`},
		{"two guilds", map[string]string{"DISCORD_TOKEN": "a", "DISCORD_GUILD_ID": "1,2"}, nil, `DISCORD_GUILD_ID "1,2": want a numeric Discord id`},
		{"bad API URL", map[string]string{"DISCORD_TOKEN": "a", "DISCORD_API_URL": "127.0.0.1:8790"}, nil, `DISCORD_API_URL "127.0.0.1:8790": want a scheme and a host only`},
		{"arguments", map[string]string{"DISCORD_TOKEN": "a"}, []string{"now"}, `unexpected argument "now"`},
		{"bad cooldown", map[string]string{"DISCORD_TOKEN": "a"}, []string{"--cooldown-window=0s"}, "--cooldown-window"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			_, err := serve(ctx, tc.vars, tc.args...)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("serve: %v, want an error with %q", err, tc.want)
			}
			if ctx.Err() != nil {
				t.Errorf("serve did not stop at once")
			}
		})
	}
}

// TestServeTokenRefused runs serve against a fake Discord that refuses the
// token, over REST (401) or on the gateway (close 4004).
func TestServeTokenRefused(t *testing.T) {
	t.Parallel()
	const token = "wrong-token-123"
	dir := t.TempDir()
	tokenFile := filepath.Join(dir, "token")
	if err := os.WriteFile(tokenFile, []byte(token+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		opts fakediscord.Options
		vars map[string]string
		want string
	}{
		{"HTTP 401", fakediscord.Options{Token: "right-token"}, map[string]string{"DISCORD_TOKEN": token},
			"serve: bot: Discord refused the bot token (HTTP 401): check DISCORD_TOKEN (or DISCORD_TOKEN_FILE)"},
		{"HTTP 401, token from a file", fakediscord.Options{Token: "right-token"}, map[string]string{"DISCORD_TOKEN_FILE": tokenFile},
			"serve: bot: Discord refused the bot token (HTTP 401): check DISCORD_TOKEN (or DISCORD_TOKEN_FILE)"},
		{"gateway close 4004", fakediscord.Options{CloseIdentify: 4004}, map[string]string{"DISCORD_TOKEN": token},
			"serve: bot: Discord refused the bot token (gateway close 4004): check DISCORD_TOKEN (or DISCORD_TOKEN_FILE)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fake := fakediscord.New(tc.opts)
			defer fake.Close()
			tc.vars["DISCORD_API_URL"] = fake.URL
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			logs, err := serve(ctx, tc.vars)
			if err == nil || err.Error() != tc.want {
				t.Fatalf("serve: %v\nwant: %s", err, tc.want)
			}
			if !errors.Is(err, bot.ErrTokenRejected) {
				t.Errorf("serve: %v is not bot.ErrTokenRejected", err)
			}
			if exitCode(err) != 1 {
				t.Errorf("exit code %d, want 1", exitCode(err))
			}
			if strings.Contains(logs, token) {
				t.Errorf("logs hold the token:\n%s", logs)
			}
		})
	}
}

// TestServe runs serve against a fake Discord until its context ends, as
// main's does at SIGINT or SIGTERM, and checks that it stops cleanly, with
// the question asked over HTTP kept in the store.
func TestServe(t *testing.T) {
	t.Parallel()
	const token = "good-token-456"
	const adminToken = "admin-token-0123456789"
	fake := fakediscord.New(fakediscord.Options{Token: token})
	defer fake.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr syncbuf.Buffer
	done := make(chan error, 1)
	data := t.TempDir()
	go func() {
		done <- serveTo(ctx, &stderr, map[string]string{
			"DISCORD_TOKEN": token, "DISCORD_API_URL": fake.URL,
			"DISCORD_GUILD_ID": "600000000000000001", "FACTBOT_CHANNELS": "300000000000000001, 300000000000000002",
			"FACTBOT_DATA": data, "FACTBOT_HTTP_ADDR": "127.0.0.1:0", "FACTBOT_ADMIN_TOKEN": adminToken,
		}, "--log-format=json")
	}()
	registered := func() bool { return strings.Contains(stderr.String(), `"msg":"registered /ask"`) }
	for deadline := time.Now().Add(10 * time.Second); !registered() && time.Now().Before(deadline); {
		fake.Wait(5*time.Millisecond, registered)
	}
	const question = "How much crypto has North Korea stolen?"
	addr := regexp.MustCompile(`"msg":"HTTP side port listening","addr":"([^"]+)"`).FindStringSubmatch(stderr.String())
	if addr == nil {
		t.Fatalf("logs do not say where the HTTP side port listens:\n%s", stderr.String())
	}
	resp, err := http.Get(fmt.Sprintf("http://%s/ask?q=%s", addr[1], url.QueryEscape(question)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	// The question reaches the store through the queue; the admin page
	// shows it once it is written.
	page := func() string {
		req, _ := http.NewRequest("GET", "http://"+addr[1]+"/admin", nil)
		req.Header.Set("Authorization", "Bearer "+adminToken)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err.Error()
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return fmt.Sprint(resp.StatusCode, " ", string(b))
	}
	shown := func() bool {
		return strings.Contains(page(), "200 ") && strings.Contains(page(), "<strong>1</strong> questions")
	}
	for deadline := time.Now().Add(10 * time.Second); !shown() && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if !shown() {
		t.Errorf("/admin with the token does not show the question:\n%s", page())
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve: %v\n%s", err, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop when its context ended")
	}
	logs := stderr.String()
	for _, want := range []string{`"msg":"fact base loaded"`, `"articles":2`, `"msg":"connected to Discord"`, `"msg":"registered /ask","scope":"guild 600000000000000001"`, `"msg":"disconnected from Discord"`} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %s:\n%s", want, logs)
		}
	}
	if strings.Contains(logs, token) {
		t.Errorf("logs hold the token:\n%s", logs)
	}
	st, err := store.OpenSQLite(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r, err := st.Report(context.Background(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Asked != 1 || r.Answered != 1 || len(r.Articles) == 0 {
		t.Errorf("the store holds %d questions, %d answered, citing %v; want the one asked over HTTP", r.Asked, r.Answered, r.Articles)
	}
	if !fake.Wait(time.Second, func() bool { return !fake.Stats().Connected }) {
		t.Error("the gateway session is still open")
	}
}
