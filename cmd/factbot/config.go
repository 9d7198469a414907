package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/live"
)

// serveConfig is the configuration of `factbot serve`, from its flags and
// the environment. parseServeConfig fills it and checks every value.
type serveConfig struct {
	// Discord.
	Token          secret        // the bot token, from DISCORD_TOKEN or read from DISCORD_TOKEN_FILE
	TokenFile      string        // where the token was read from, if from a file
	GuildID        string        // register commands in this server only; "" for globally
	APIURL         string        // Discord-compatible API; "" for https://discord.com
	Channels       []string      // channel ids where every question ending in "?" is answered
	Shards         bot.Shards    // the gateway shards this process holds; zero for auto
	Cooldown       int           // questions each user may ask per CooldownWindow; 0 for no limit
	CooldownWindow time.Duration // > 0

	// The fact base.
	Articles       string // folder of articles; "" for the seeds
	Strict         bool   // a file that cannot be loaded fails the load
	Load           facts.LoadOptions
	ReloadTimeout  time.Duration // how long a load or rebuild may take; 0 for no limit
	Watch          bool          // rebuild when files in Articles change
	ReloadDebounce time.Duration // quiet time after a change before the rebuild
	PollInterval   time.Duration // how often to look for changes when notifications fail

	// The store of questions and votes.
	Store     storeConfig   // where the store is
	Record    bool          // keep questions and votes; false: no store
	Retention time.Duration // how long records are kept; 0 for ever

	// Operations.
	AdminToken      secret // the token of the /admin page; "" for no page
	HTTPAddr        string // host:port of the HTTP side port; "" for off
	LogLevel        slog.Level
	LogFormat       string        // "text" or "json"
	ShutdownTimeout time.Duration // how long questions in flight may take to finish
}

// serveSettings returns the settings of `factbot serve`, storing into c.
func serveSettings(c *serveConfig) []setting {
	return slices.Concat([]setting{{
		flag: "token", env: "DISCORD_TOKEN", arg: "TOKEN", secret: true,
		usage: "the bot token; prefer the variable or --token-file, since a flag shows in the process list",
		set:   func(v string) error { c.Token = secret(strings.TrimSpace(v)); return nil },
	}, {
		flag: "token-file", env: "DISCORD_TOKEN_FILE", arg: "FILE",
		usage: "file that holds the bot token, such as a container secret; instead of DISCORD_TOKEN",
		set: func(v string) error {
			// The token setting comes first, so c.Token holds its value.
			c.TokenFile = v
			if v == "" {
				return nil
			}
			if c.Token != "" {
				return errors.New("the token is set by DISCORD_TOKEN or --token too; set one of the two")
			}
			data, err := os.ReadFile(v)
			if err != nil {
				return err
			}
			if c.Token = secret(strings.TrimSpace(string(data))); c.Token == "" {
				return errors.New("the file is empty")
			}
			return nil
		},
	}, {
		flag: "guild", env: "DISCORD_GUILD_ID", arg: "ID", none: "all servers",
		usage: "register /ask in this one server (instant, for testing) instead of globally",
		set:   func(v string) error { c.GuildID = v; return checkSnowflake(v) },
	}, {
		flag: "api-url", env: "DISCORD_API_URL", arg: "URL", none: "https://discord.com",
		usage: "scheme and host of a Discord-compatible API or REST proxy to call instead of https://discord.com",
		set:   func(v string) error { c.APIURL = v; return checkAPIURL(v) },
	}, {
		flag: "channels", env: "FACTBOT_CHANNELS", arg: "IDS",
		usage: "comma-separated channel ids where every message ending in \"?\" is answered (needs the message content intent)",
		set: func(v string) error {
			c.Channels = nil
			for _, id := range strings.Split(v, ",") {
				if id = strings.TrimSpace(id); id == "" {
					continue
				}
				if err := checkSnowflake(id); err != nil {
					return fmt.Errorf("channel %q: %w", id, err)
				}
				c.Channels = append(c.Channels, id)
			}
			return nil
		},
	}, {
		flag: "shards", env: "FACTBOT_SHARDS", arg: "IDS/COUNT", def: "auto",
		usage: "the gateway shards this process holds: auto (Discord's recommended count, all here), or ids of a count such as 0-3/8 or 4,5/8",
		set:   func(v string) (err error) { c.Shards, err = bot.ParseShards(v); return err },
	}, {
		flag: "cooldown", env: "FACTBOT_COOLDOWN", arg: "N", def: "3",
		usage: "questions each user may ask per cooldown window; 0 for no limit",
		set: func(v string) (err error) {
			c.Cooldown, err = strconv.Atoi(v)
			switch {
			case err != nil:
				return errors.New("want a whole number of questions, such as 3")
			case c.Cooldown < 0:
				return errors.New("must not be negative")
			}
			return nil
		},
	}, {
		flag: "cooldown-window", env: "FACTBOT_COOLDOWN_WINDOW", arg: "DURATION", def: "10s",
		usage: "the window of the per-user cooldown",
		set: func(v string) (err error) {
			c.CooldownWindow, err = parseDuration(v)
			if err == nil && c.CooldownWindow == 0 {
				return errors.New("must be longer than 0")
			}
			return err
		},
	}, {
		flag: "articles", env: "FACTBOT_ARTICLES", arg: "DIR", none: "the built-in seed articles",
		usage: articlesUsage,
		set: func(v string) error {
			c.Articles = v
			if v == "" {
				return nil
			}
			return checkDir(v)
		},
	}, {
		flag: "strict", env: "FACTBOT_STRICT", def: "false",
		usage: strictUsage + ", at start and on reload",
		set:   func(v string) (err error) { c.Strict, err = parseBool(v); return err },
	}, {
		flag: "max-article-bytes", env: "FACTBOT_MAX_ARTICLE_BYTES", arg: "SIZE", def: defaultMaxArticle,
		usage: maxArticleBytesUsage,
		set:   func(v string) (err error) { c.Load.MaxArticleBytes, err = parseSize(v); return err },
	}, {
		flag: "follow-symlinks", env: "FACTBOT_FOLLOW_SYMLINKS", def: "false",
		usage: followSymlinksUsage,
		set:   func(v string) (err error) { c.Load.FollowSymlinks, err = parseBool(v); return err },
	}, {
		flag: "reload-timeout", env: "FACTBOT_RELOAD_TIMEOUT", arg: "DURATION", def: "5m",
		usage: "how long a rebuild of the fact base may take before it is given up and the old base kept; 0 for no limit",
		set:   func(v string) (err error) { c.ReloadTimeout, err = parseDuration(v); return err },
	}, {
		flag: "watch", env: "FACTBOT_WATCH", def: "true",
		usage: "rebuild the fact base when files in the articles folder change (SIGHUP always does)",
		set:   func(v string) (err error) { c.Watch, err = parseBool(v); return err },
	}, {
		flag: "reload-debounce", env: "FACTBOT_RELOAD_DEBOUNCE", arg: "DURATION", def: "500ms",
		usage: "how long the articles folder must stay quiet after a change before the rebuild",
		set:   func(v string) (err error) { c.ReloadDebounce, err = parseDuration(v); return err },
	}, {
		flag: "poll-interval", env: "FACTBOT_POLL_INTERVAL", arg: "DURATION", def: "10s",
		usage: "how often to look for changes in the articles folder where file notifications fail or part of it cannot be watched",
		set: func(v string) (err error) {
			c.PollInterval, err = parseDuration(v)
			if err == nil && c.PollInterval == 0 {
				return errors.New("must be longer than 0")
			}
			return err
		},
	}, {
		flag: "record", env: "FACTBOT_RECORD", def: "true",
		usage: "keep each question and vote in the store, for the admin's report (false: no store)",
		set:   func(v string) (err error) { c.Record, err = parseBool(v); return err },
	}}, storeSettings(&c.Store), []setting{{
		flag: "retention", env: "FACTBOT_RETENTION", arg: "DURATION", def: "90d",
		usage: "how long questions and votes are kept, purged daily, such as 90d or 720h; 0 keeps them for ever",
		set:   func(v string) (err error) { c.Retention, err = parseDays(v); return err },
	}, {
		flag: "http-addr", env: "FACTBOT_HTTP_ADDR", arg: "ADDR", none: "off",
		usage: "host:port of the HTTP side port (/healthz, /readyz, /metrics, /ask, /admin), such as :8080",
		set:   func(v string) error { c.HTTPAddr = v; return checkAddr(v) },
	}, {
		flag: "admin-token", env: "FACTBOT_ADMIN_TOKEN", arg: "TOKEN", secret: true, none: "no /admin page",
		usage: "token of the read-only /admin report page on the HTTP side port (at least 16 characters); prefer the variable",
		set: func(v string) error {
			c.AdminToken = secret(strings.TrimSpace(v))
			if c.AdminToken != "" && len(c.AdminToken) < 16 {
				return errors.New("too short: use at least 16 random characters, such as the output of openssl rand -hex 16")
			}
			return nil
		},
	}, {
		flag: "log-level", env: "FACTBOT_LOG_LEVEL", arg: "LEVEL", def: "info",
		usage: "the least important log records to write: debug, info, warn or error",
		set: func(v string) error {
			levels := map[string]slog.Level{"debug": slog.LevelDebug, "info": slog.LevelInfo, "warn": slog.LevelWarn, "error": slog.LevelError}
			l, ok := levels[strings.ToLower(v)]
			if !ok {
				return errors.New("want debug, info, warn or error")
			}
			c.LogLevel = l
			return nil
		},
	}, {
		flag: "log-format", env: "FACTBOT_LOG_FORMAT", arg: "FORMAT", def: "text",
		usage: "log record format: text or json",
		set: func(v string) error {
			if c.LogFormat = strings.ToLower(v); c.LogFormat != "text" && c.LogFormat != "json" {
				return errors.New("want text or json")
			}
			return nil
		},
	}, {
		flag: "shutdown-timeout", env: "FACTBOT_SHUTDOWN_TIMEOUT", arg: "DURATION", def: "5s",
		usage: "on SIGINT or SIGTERM, how long questions in flight may take to finish",
		set:   func(v string) (err error) { c.ShutdownTimeout, err = parseDuration(v); return err },
	}})
}

// parseServeConfig reads the configuration of `factbot serve` from args
// and the environment: each setting from its flag, else its environment
// variable, else its default. It fails with a usage error that names each
// bad setting, or when no bot token is given; --help prints every setting.
func parseServeConfig(args []string, getenv func(string) string, stderr io.Writer) (serveConfig, error) {
	var c serveConfig
	ss := serveSettings(&c)
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, serveUsage)
		printSettings(stderr, ss)
	}
	if err := parseSettings(fs, ss, args, getenv); err != nil {
		return serveConfig{}, err
	}
	if c.Token == "" {
		return serveConfig{}, usageError{"no bot token: set DISCORD_TOKEN, or DISCORD_TOKEN_FILE to a file that holds it"}
	}
	return c, nil
}

const serveUsage = `Usage: factbot serve [flags]

Answers questions on Discord, from the built-in seed articles or a folder
of them, until SIGINT or SIGTERM. SIGHUP rebuilds the fact base.

Every flag can be set instead by the environment variable named below it;
a flag wins over its variable, and a variable over the default.

`

// logger returns the logger the configuration asks for, writing to w.
func (c serveConfig) logger(w io.Writer) *slog.Logger {
	opt := &slog.HandlerOptions{Level: c.LogLevel}
	if c.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opt))
	}
	return slog.New(slog.NewTextHandler(w, opt))
}

// loader returns the function that builds the fact base: from the seeds,
// or from the articles folder, honouring Strict.
func (c serveConfig) loader() live.Loader {
	if c.Articles == "" {
		added := c.addedDir()
		return func(ctx context.Context) (*facts.Base, error) {
			if added == "" {
				return facts.Seeds()
			}
			return facts.LoadFS(ctx, seedsWith{facts.SeedFS(), os.DirFS(added)}, c.Load)
		}
	}
	return func(ctx context.Context) (*facts.Base, error) { return loadDir(ctx, c.Articles, c.Strict, c.Load) }
}

// addedDir is the folder the bot writes articles added from Discord to:
// the articles folder, or, on the built-in seeds, FACTBOT_DATA/articles,
// which the loader then reads beside the seeds; "" when there is neither.
func (c serveConfig) addedDir() string {
	switch {
	case c.Articles != "":
		return c.Articles
	case c.Store.DataDir != "":
		return filepath.Join(c.Store.DataDir, "articles")
	}
	return ""
}

// A secret is a string that does not show itself: formatted with fmt,
// logged with slog or encoded as JSON, it reads "[redacted]". Convert it
// to a string to use it.
type secret string

func (secret) String() string { return "[redacted]" }

func (secret) GoString() string { return `"[redacted]"` }

func (secret) LogValue() slog.Value { return slog.StringValue("[redacted]") }

func (secret) MarshalJSON() ([]byte, error) { return []byte(`"[redacted]"`), nil }

// checkSnowflake returns an error unless id is empty or a Discord id.
func checkSnowflake(id string) error {
	if _, err := strconv.ParseUint(id, 10, 64); id != "" && err != nil {
		return errors.New("want a numeric Discord id, such as 123456789012345678")
	}
	return nil
}

// checkAPIURL returns an error unless u is empty or a scheme and a host:
// the bot's own check, in the words of the other settings' errors.
func checkAPIURL(u string) error {
	if u == "" {
		return nil
	}
	if _, err := bot.ParseAPIURL(u); err != nil {
		return errors.New("want a scheme and a host only, such as http://127.0.0.1:8790")
	}
	return nil
}

// checkAddr returns an error unless addr is empty or a host:port to
// listen on.
func checkAddr(addr string) error {
	if addr == "" {
		return nil
	}
	_, port, err := net.SplitHostPort(addr)
	if err == nil {
		_, err = strconv.ParseUint(port, 10, 16)
	}
	if err != nil {
		return errors.New("want host:port, such as :8080 or 127.0.0.1:8080")
	}
	return nil
}

// parseDuration parses a duration that must not be negative.
func parseDuration(v string) (time.Duration, error) {
	d, err := time.ParseDuration(v)
	switch {
	case err != nil:
		return 0, errors.New("want a duration, such as 10s or 500ms")
	case d < 0:
		return 0, errors.New("must not be negative")
	}
	return d, nil
}

// parseBool parses true or false, as the flag package does.
func parseBool(v string) (bool, error) {
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, errors.New("want true or false")
	}
	return b, nil
}
