package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/facts"
)

// env returns a getenv over m.
func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

// defaults is the configuration with nothing set but the token.
func defaults() serveConfig {
	return serveConfig{
		Token:           "tok",
		Cooldown:        3,
		CooldownWindow:  10 * time.Second,
		Load:            facts.LoadOptions{MaxArticleBytes: 16 << 20},
		ReloadTimeout:   5 * time.Minute,
		Watch:           true,
		ReloadDebounce:  500 * time.Millisecond,
		PollInterval:    10 * time.Second,
		Store:           storeConfig{DataDir: "./factbot-data"},
		Record:          true,
		Retention:       90 * 24 * time.Hour,
		LogLevel:        slog.LevelInfo,
		LogFormat:       "text",
		ShutdownTimeout: 5 * time.Second,
	}
}

func TestServeConfigPrecedence(t *testing.T) {
	dir, other := t.TempDir(), t.TempDir()
	tokenFile := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(tokenFile, []byte("  from-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	allEnv := map[string]string{
		"DISCORD_TOKEN":             "tok",
		"DISCORD_GUILD_ID":          "111",
		"DISCORD_API_URL":           "http://127.0.0.1:8790",
		"FACTBOT_CHANNELS":          "222, 333,,",
		"FACTBOT_SHARDS":            "0-1/4",
		"FACTBOT_COOLDOWN":          "5",
		"FACTBOT_COOLDOWN_WINDOW":   "1m",
		"FACTBOT_ARTICLES":          dir,
		"FACTBOT_STRICT":            "true",
		"FACTBOT_MAX_ARTICLE_BYTES": "512KiB",
		"FACTBOT_FOLLOW_SYMLINKS":   "true",
		"FACTBOT_RELOAD_TIMEOUT":    "0s",
		"FACTBOT_POLL_INTERVAL":     "1m",
		"FACTBOT_WATCH":             "false",
		"FACTBOT_RELOAD_DEBOUNCE":   "0s",
		"FACTBOT_RECORD":            "false",
		"FACTBOT_DATA":              "/var/factbot",
		"FACTBOT_DATABASE_URL":      "postgres://f@db/f",
		"FACTBOT_RETENTION":         "7d",
		"FACTBOT_HTTP_ADDR":         ":8080",
		"FACTBOT_ADMIN_TOKEN":       "0123456789abcdef",
		"FACTBOT_LOG_LEVEL":         "DEBUG",
		"FACTBOT_LOG_FORMAT":        "json",
		"FACTBOT_SHUTDOWN_TIMEOUT":  "30s",
	}
	fromEnv := serveConfig{
		Token: "tok", GuildID: "111", APIURL: "http://127.0.0.1:8790", Channels: []string{"222", "333"},
		Shards: bot.Shards{IDs: []int{0, 1}, Count: 4}, Cooldown: 5, CooldownWindow: time.Minute,
		Articles: dir, Strict: true, Load: facts.LoadOptions{MaxArticleBytes: 512 << 10, FollowSymlinks: true},
		Watch: false, ReloadDebounce: 0, PollInterval: time.Minute,
		Record: false, Store: storeConfig{DataDir: "/var/factbot", DatabaseURL: "postgres://f@db/f"}, Retention: 7 * 24 * time.Hour,
		HTTPAddr: ":8080", AdminToken: "0123456789abcdef", LogLevel: slog.LevelDebug, LogFormat: "json", ShutdownTimeout: 30 * time.Second,
	}
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want serveConfig
	}{{
		name: "defaults",
		env:  map[string]string{"DISCORD_TOKEN": "tok"},
		want: defaults(),
	}, {
		name: "every variable",
		env:  allEnv,
		want: fromEnv,
	}, {
		name: "every flag, without the environment",
		args: []string{
			"--token", "tok", "--guild", "111", "--api-url", "http://127.0.0.1:8790", "--channels", "222, 333,,",
			"--shards", "0-1/4", "--cooldown", "5", "--cooldown-window", "1m", "--articles", dir, "--strict", "--watch=false",
			"--max-article-bytes", "524288", "--follow-symlinks", "--reload-timeout", "0", "--poll-interval", "60s",
			"--reload-debounce", "0s", "--record=false", "--data", "/var/factbot", "--database-url", "postgres://f@db/f",
			"--retention", "168h", "--http-addr", ":8080", "--admin-token", "0123456789abcdef", "--log-level", "DEBUG", "--log-format", "json",
			"--shutdown-timeout", "30s",
		},
		want: fromEnv,
	}, {
		name: "flags win over variables",
		args: []string{
			"--token", "flagtok", "--guild", "999", "--api-url", "https://proxy.example", "--channels", "444",
			"--shards", "auto", "--cooldown", "0", "--cooldown-window", "2s", "--articles", other, "--strict=false", "--watch",
			"--max-article-bytes", "1M", "--follow-symlinks=false", "--reload-timeout", "1m", "--poll-interval", "2s",
			"--reload-debounce", "1s", "--record", "--data", "d2", "--database-url", "", "--retention", "0", "--admin-token", "",
			"--http-addr", "127.0.0.1:9090", "--log-level", "error", "--log-format", "text",
			"--shutdown-timeout", "1s",
		},
		env: allEnv,
		want: serveConfig{
			Token: "flagtok", GuildID: "999", APIURL: "https://proxy.example", Channels: []string{"444"},
			Cooldown: 0, CooldownWindow: 2 * time.Second,
			Articles: other, Strict: false, Load: facts.LoadOptions{MaxArticleBytes: 1 << 20},
			ReloadTimeout: time.Minute, Watch: true, ReloadDebounce: time.Second, PollInterval: 2 * time.Second,
			Record: true, Store: storeConfig{DataDir: "d2"},
			HTTPAddr: "127.0.0.1:9090", LogLevel: slog.LevelError, LogFormat: "text", ShutdownTimeout: time.Second,
		},
	}, {
		name: "a flag given its default value still wins",
		args: []string{"--log-level=info", "--cooldown=3"},
		env:  map[string]string{"DISCORD_TOKEN": "tok", "FACTBOT_LOG_LEVEL": "warn", "FACTBOT_COOLDOWN": "9"},
		want: defaults(),
	}, {
		name: "an empty variable is unset",
		env:  map[string]string{"DISCORD_TOKEN": "tok", "FACTBOT_LOG_LEVEL": "", "FACTBOT_WATCH": ""},
		want: defaults(),
	}, {
		name: "token from DISCORD_TOKEN_FILE, trimmed",
		env:  map[string]string{"DISCORD_TOKEN_FILE": tokenFile},
		want: func() serveConfig { c := defaults(); c.Token, c.TokenFile = "from-file", tokenFile; return c }(),
	}, {
		name: "token from --token-file",
		args: []string{"--token-file", tokenFile},
		want: func() serveConfig { c := defaults(); c.Token, c.TokenFile = "from-file", tokenFile; return c }(),
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			got, err := parseServeConfig(tt.args, env(tt.env), &stderr)
			if err != nil {
				t.Fatalf("parseServeConfig: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("config (-want +got):\n%s", diff)
			}
			if stderr.Len() > 0 {
				t.Errorf("stderr: %s", stderr.String())
			}
		})
	}
}

func TestServeConfigBadValues(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file.txt")
	empty := filepath.Join(t.TempDir(), "empty")
	for _, f := range []string{file, empty} {
		if err := os.WriteFile(f, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	missing := filepath.Join(t.TempDir(), "missing")
	tok := map[string]string{"DISCORD_TOKEN": "s3cret"}
	with := func(k, v string) map[string]string { return map[string]string{"DISCORD_TOKEN": "s3cret", k: v} }
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"unknown log level", nil, with("FACTBOT_LOG_LEVEL", "loud"),
			`invalid FACTBOT_LOG_LEVEL "loud": want debug, info, warn or error`},
		{"unknown log level, by flag", []string{"--log-level", "loud"}, tok,
			`invalid --log-level "loud": want debug, info, warn or error`},
		{"unknown log format", []string{"--log-format=xml"}, tok,
			`invalid --log-format "xml": want text or json`},
		{"shard out of range", nil, with("FACTBOT_SHARDS", "2-4/4"),
			`invalid FACTBOT_SHARDS "2-4/4": shard 4 out of range: a count of 4 has shards 0 to 3`},
		{"shards without a count", []string{"--shards", "0-3"}, tok,
			`invalid --shards "0-3": want auto, or shard ids and their count such as 0-3/8`},
		{"negative cooldown", nil, with("FACTBOT_COOLDOWN", "-1"),
			`invalid FACTBOT_COOLDOWN "-1": must not be negative`},
		{"malformed cooldown", nil, with("FACTBOT_COOLDOWN", "three"),
			`invalid FACTBOT_COOLDOWN "three": want a whole number of questions, such as 3`},
		{"negative cooldown window", []string{"--cooldown-window=-5s"}, tok,
			`invalid --cooldown-window "-5s": must not be negative`},
		{"cooldown window without a unit", nil, with("FACTBOT_COOLDOWN_WINDOW", "10"),
			`invalid FACTBOT_COOLDOWN_WINDOW "10": want a duration, such as 10s or 500ms`},
		{"empty cooldown window", nil, with("FACTBOT_COOLDOWN_WINDOW", "0s"),
			`invalid FACTBOT_COOLDOWN_WINDOW "0s": must be longer than 0`},
		{"negative shutdown timeout", nil, with("FACTBOT_SHUTDOWN_TIMEOUT", "-1s"),
			`invalid FACTBOT_SHUTDOWN_TIMEOUT "-1s": must not be negative`},
		{"malformed reload debounce", nil, with("FACTBOT_RELOAD_DEBOUNCE", "soon"),
			`invalid FACTBOT_RELOAD_DEBOUNCE "soon": want a duration, such as 10s or 500ms`},
		{"size cap not a size", nil, with("FACTBOT_MAX_ARTICLE_BYTES", "16 megs"),
			`invalid FACTBOT_MAX_ARTICLE_BYTES "16 megs": want a size of more than 0 bytes, such as 16MiB or 500000`},
		{"size cap of 0", []string{"--max-article-bytes=0"}, tok,
			`invalid --max-article-bytes "0": want a size of more than 0 bytes, such as 16MiB or 500000`},
		{"size cap that overflows", nil, with("FACTBOT_MAX_ARTICLE_BYTES", "99999999999GiB"),
			`invalid FACTBOT_MAX_ARTICLE_BYTES "99999999999GiB": want a size of more than 0 bytes, such as 16MiB or 500000`},
		{"follow symlinks not a bool", nil, with("FACTBOT_FOLLOW_SYMLINKS", "sometimes"),
			`invalid FACTBOT_FOLLOW_SYMLINKS "sometimes": want true or false`},
		{"poll interval of 0", nil, with("FACTBOT_POLL_INTERVAL", "0s"),
			`invalid FACTBOT_POLL_INTERVAL "0s": must be longer than 0`},
		{"short admin token", nil, with("FACTBOT_ADMIN_TOKEN", "admin"),
			`invalid FACTBOT_ADMIN_TOKEN: too short: use at least 16 random characters, such as the output of openssl rand -hex 16`},
		{"retention in weeks", nil, with("FACTBOT_RETENTION", "2w"),
			`invalid FACTBOT_RETENTION "2w": want a number of days, such as 90d, or a duration, such as 720h`},
		{"negative retention", []string{"--retention=-1d"}, tok,
			`invalid --retention "-1d": must not be negative`},
		{"database URL of another kind", nil, with("FACTBOT_DATABASE_URL", "mysql://x"),
			`invalid FACTBOT_DATABASE_URL: want a postgres:// URL`},
		{"articles folder that does not exist", nil, with("FACTBOT_ARTICLES", missing),
			fmt.Sprintf("invalid FACTBOT_ARTICLES %q: no such folder", missing)},
		{"articles folder that is a file", []string{"--articles", file}, tok,
			fmt.Sprintf("invalid --articles %q: not a folder", file)},
		{"http addr without a port", nil, with("FACTBOT_HTTP_ADDR", "8080"),
			`invalid FACTBOT_HTTP_ADDR "8080": want host:port, such as :8080 or 127.0.0.1:8080`},
		{"http addr with a port out of range", nil, with("FACTBOT_HTTP_ADDR", ":99999"),
			`invalid FACTBOT_HTTP_ADDR ":99999": want host:port, such as :8080 or 127.0.0.1:8080`},
		{"strict not a bool", nil, with("FACTBOT_STRICT", "yes please"),
			`invalid FACTBOT_STRICT "yes please": want true or false`},
		{"watch not a bool", nil, with("FACTBOT_WATCH", "maybe"),
			`invalid FACTBOT_WATCH "maybe": want true or false`},
		{"guild id not a number", nil, with("DISCORD_GUILD_ID", "my-server"),
			`invalid DISCORD_GUILD_ID "my-server": want a numeric Discord id, such as 123456789012345678`},
		{"channel id not a number", nil, with("FACTBOT_CHANNELS", "123, general"),
			`invalid FACTBOT_CHANNELS "123, general": channel "general": want a numeric Discord id, such as 123456789012345678`},
		{"api url without a scheme", nil, with("DISCORD_API_URL", "discord.com"),
			`invalid DISCORD_API_URL "discord.com": want a scheme and a host only, such as http://127.0.0.1:8790`},
		{"api url with a path", nil, with("DISCORD_API_URL", "https://discord.com/api/v10"),
			`invalid DISCORD_API_URL "https://discord.com/api/v10": want a scheme and a host only, such as http://127.0.0.1:8790`},
		{"token file missing", nil, map[string]string{"DISCORD_TOKEN_FILE": missing},
			fmt.Sprintf("invalid DISCORD_TOKEN_FILE %q: open %s: no such file or directory", missing, missing)},
		{"token file empty", []string{"--token-file", empty}, nil,
			fmt.Sprintf("invalid --token-file %q: the file is empty", empty)},
		{"token set twice", []string{"--token-file", file}, tok,
			fmt.Sprintf("invalid --token-file %q: the token is set by DISCORD_TOKEN or --token too; set one of the two", file)},
		{"no token", nil, nil,
			"no bot token: set DISCORD_TOKEN, or DISCORD_TOKEN_FILE to a file that holds it"},
		{"several bad values, each reported", []string{"--log-level", "loud"}, with("FACTBOT_COOLDOWN", "-2"),
			`invalid FACTBOT_COOLDOWN "-2": must not be negative` + "\n" +
				`invalid --log-level "loud": want debug, info, warn or error`},
		{"unknown flag", []string{"--colour"}, tok,
			"flag provided but not defined: -colour"},
		{"an argument", []string{"now"}, tok,
			`unexpected argument "now"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			_, err := parseServeConfig(tt.args, env(tt.env), &stderr)
			if err == nil {
				t.Fatal("parseServeConfig succeeded, want an error")
			}
			if diff := cmp.Diff(tt.want, err.Error()); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if code := exitCode(err); code != 2 {
				t.Errorf("exit code %d, want 2 (a usage error)", code)
			}
			if out := err.Error() + stderr.String(); strings.Contains(out, "s3cret") {
				t.Errorf("the token shows in the output: %s", out)
			}
		})
	}
}

func TestServeConfigHelp(t *testing.T) {
	var stderr bytes.Buffer
	_, err := parseServeConfig([]string{"--help"}, env(nil), &stderr)
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("parseServeConfig --help = %v, want %v", err, flag.ErrHelp)
	}
	help := stderr.String()
	for _, s := range serveSettings(new(serveConfig)) {
		name := "--" + s.flag
		if s.arg != "" {
			name += " " + s.arg
		}
		for _, want := range []string{"  " + name + "\n", "env " + s.env + ";", "default " + s.shown() + ")", s.usage} {
			if !strings.Contains(help, want) {
				t.Errorf("--help does not show %q for --%s", want, s.flag)
			}
		}
	}
}

// TestSettingsDefaultsParse checks that every default is a good value.
func TestSettingsDefaultsParse(t *testing.T) {
	for _, s := range serveSettings(new(serveConfig)) {
		if err := s.set(s.def); err != nil {
			t.Errorf("the default of --%s, %q: %v", s.flag, s.def, err)
		}
	}
}

func TestSecretDoesNotShow(t *testing.T) {
	c := defaults()
	c.Token = "s3cret"
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("config", "token", c.Token, "config", c)
	slog.New(slog.NewTextHandler(&logs, nil)).Info("config", "token", c.Token)
	out := fmt.Sprintf("%v %+v %#v %s %q", c, c, c, c.Token, c.Token) + logs.String()
	if strings.Contains(out, "s3cret") {
		t.Errorf("the token shows: %s", out)
	}
	if string(c.Token) != "s3cret" {
		t.Errorf("string(Token) = %q, want the token itself", string(c.Token))
	}
}

func TestServeConfigLogger(t *testing.T) {
	tests := []struct {
		format string
		level  slog.Level
		want   string
	}{
		{"text", slog.LevelInfo, "level=INFO msg=shown\n"},
		{"json", slog.LevelInfo, `{"level":"INFO","msg":"shown"}` + "\n"},
		{"text", slog.LevelWarn, ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.format, tt.level), func(t *testing.T) {
			var buf bytes.Buffer
			c := serveConfig{LogFormat: tt.format, LogLevel: tt.level}
			log := c.logger(&buf)
			log = slog.New(dropTime{log.Handler()})
			log.Info("shown")
			if diff := cmp.Diff(tt.want, buf.String()); diff != "" {
				t.Errorf("log (-want +got):\n%s", diff)
			}
		})
	}
}

// dropTime is a handler that leaves out the time, so that log lines can be
// compared.
type dropTime struct{ slog.Handler }

func (h dropTime) Handle(ctx context.Context, r slog.Record) error {
	r.Time = time.Time{}
	return h.Handler.Handle(ctx, r)
}

func TestServeConfigLoader(t *testing.T) {
	seeds, err := facts.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, text := range map[string]string{
		"good.txt":   "Harbor Times\n\nArlen Opens A Bridge\n\nThe bridge cost $40 million to build.\n",
		"broken.txt": "binary\x00junk",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name         string
		c            serveConfig
		wantFacts    int
		wantProblems int
		wantErr      string
	}{
		{name: "seeds", c: serveConfig{}, wantFacts: seeds.Len()},
		{name: "folder, skipping the broken file", c: serveConfig{Articles: dir}, wantFacts: 1, wantProblems: 1},
		{name: "strict folder", c: serveConfig{Articles: dir, Strict: true},
			wantErr: "strict: 1 article files could not be loaded:\nbroken.txt: looks like a binary file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.c.loader()(context.Background())
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("load = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got, want := [2]int{b.Len(), len(b.Problems())}, [2]int{tt.wantFacts, tt.wantProblems}; got != want {
				t.Errorf("(facts, problems) = %v, want %v", got, want)
			}
		})
	}
}
