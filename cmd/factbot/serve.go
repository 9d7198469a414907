package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/factbot/factbot/bot"
)

// The environment variables of factbot serve.
const (
	envToken     = "DISCORD_TOKEN"      // the bot token
	envTokenFile = "DISCORD_TOKEN_FILE" // a file holding it, for container secrets
	envGuild     = "DISCORD_GUILD_ID"   // register /ask in this guild only
	envAPIURL    = "DISCORD_API_URL"    // replaces https://discord.com for REST calls
	envChannels  = "FACTBOT_CHANNELS"   // channels where every question is answered
)

const serveUsage = `Usage: factbot serve [flags]

Runs the Discord bot until interrupted (SIGINT or SIGTERM). It answers /ask,
messages that mention it, and direct messages, from the built-in seed
articles or from --articles DIR.

Environment:
  DISCORD_TOKEN       the bot token (required, or DISCORD_TOKEN_FILE)
  DISCORD_TOKEN_FILE  a file holding the bot token, for container secrets
  DISCORD_GUILD_ID    register /ask in this guild only, where it shows at once
                      (default: globally)
  DISCORD_API_URL     scheme and host that replace https://discord.com in every
                      REST call, for a Discord-compatible server or a REST proxy
  FACTBOT_CHANNELS    channel IDs, separated by commas, where every message
                      ending in "?" is answered (needs the message content intent)

Flags:
`

func runServe(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var bf baseFlags
	bf.register(fs)
	logJSON := fs.Bool("log-json", false, "write logs as JSON lines instead of text")
	debug := fs.Bool("debug", false, "also log each question's text")
	cooldown := fs.Int("cooldown", 3, "questions each user may ask per --cooldown-per; 0 for no limit")
	per := fs.Duration("cooldown-per", 10*time.Second, "the span of --cooldown")
	fs.Usage = func() {
		fmt.Fprint(stderr, serveUsage)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("serve takes no arguments, got %q", fs.Args())}
	}
	if *cooldown < 0 || *per <= 0 {
		return usageError{"--cooldown must be 0 or more and --cooldown-per more than 0"}
	}
	token, err := botToken(getenv)
	if err != nil {
		return err
	}
	channels, err := ids(envChannels, getenv(envChannels))
	if err != nil {
		return err
	}
	guild, err := ids(envGuild, getenv(envGuild))
	if err != nil {
		return err
	}
	if len(guild) > 1 {
		return fmt.Errorf("serve: %s: one id, not %d", envGuild, len(guild))
	}

	log := newLogger(stderr, *logJSON, *debug)
	base, err := bf.load(io.Discard)
	if err != nil {
		return err
	}
	for _, p := range base.Problems() {
		log.Warn("skipped an article file", "file", p.File, "err", p.Err)
	}
	log.Info("loaded the fact base", "articles", len(base.Articles()), "facts", base.Len())

	c := bot.Cooldown{Questions: *cooldown, Per: *per}
	if *cooldown == 0 {
		c.Questions = -1
	}
	b, err := bot.New(bot.Config{
		Token:    token,
		GuildID:  strings.Join(guild, ""), // at most one
		Channels: channels,
		APIURL:   getenv(envAPIURL),
		Cooldown: c,
		Logger:   log,
	}, base)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	err = b.Run(ctx)
	if errors.Is(err, bot.ErrTokenRejected) {
		return fmt.Errorf("serve: %w: check %s (or %s)", err, envToken, envTokenFile)
	}
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// botToken returns the bot token from DISCORD_TOKEN or DISCORD_TOKEN_FILE.
func botToken(getenv func(string) string) (string, error) {
	token, file := strings.TrimSpace(getenv(envToken)), getenv(envTokenFile)
	switch {
	case token != "" && file != "":
		return "", fmt.Errorf("serve: set %s or %s, not both", envToken, envTokenFile)
	case file != "":
		data, err := os.ReadFile(file)
		if err != nil {
			return "", fmt.Errorf("serve: %s: %w", envTokenFile, err)
		}
		token = strings.TrimSpace(string(data))
		if token == "" {
			return "", fmt.Errorf("serve: %s: %s is empty", envTokenFile, file)
		}
	case token == "":
		return "", fmt.Errorf("serve: no bot token: set %s to the token of your bot (Discord developer portal → your application → Bot → Reset Token), or %s to a file holding it", envToken, envTokenFile)
	}
	return token, nil
}

// ids parses the value of the environment variable name: Discord ids
// (snowflakes, all digits), separated by commas or spaces.
func ids(name, value string) ([]string, error) {
	var out []string
	for _, f := range strings.FieldsFunc(value, func(r rune) bool { return r == ',' || r == ' ' }) {
		if strings.Trim(f, "0123456789") != "" || len(f) > 20 {
			return nil, fmt.Errorf("serve: %s: %q is not a Discord id (turn on Developer Mode in Discord, then right-click → Copy ID)", name, f)
		}
		out = append(out, f)
	}
	return out, nil
}

// newLogger returns the logger of serve: text or JSON lines on w, at info
// level, or debug level with the text of each question.
func newLogger(w io.Writer, asJSON, debug bool) *slog.Logger {
	opts := &slog.HandlerOptions{Level: slog.LevelInfo}
	if debug {
		opts.Level = slog.LevelDebug
	}
	if asJSON {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
