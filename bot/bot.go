package bot

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/drain"
)

// Answerer answers questions and suggests them while they are typed. A
// *facts.Base is one; so is anything that swaps one Base for another while
// the bot runs. Its methods are called from many goroutines at once.
type Answerer interface {
	Ask(question string) facts.Answer
	Suggest(typed string, n int) []string
}

// Config is what a Bot needs to know besides its Answerer. Only Token is
// required.
type Config struct {
	// Token is the bot token from the Discord developer portal, with or
	// without its "Bot " prefix.
	Token string

	// GuildID, if set, registers /ask in that guild only, where it shows at
	// once, instead of globally.
	GuildID string

	// Channels are the IDs of channels where every message ending in "?"
	// is a question. Reading them needs the privileged message content
	// intent; if Discord refuses it, the bot logs an error and answers only
	// /ask, mentions and direct messages.
	Channels []string

	// APIURL, if set, replaces the scheme and host of https://discord.com in
	// every REST call, for example "http://127.0.0.1:8790". The gateway's
	// address comes from that API, as usual.
	APIURL string

	// Cooldown limits how often one user may ask.
	Cooldown Cooldown

	// DeferAfter is how long /ask waits for an answer before it tells
	// Discord that the answer will come later. Discord allows 3 seconds,
	// network included: zero means 1 second, and more than 2 seconds
	// means 2.
	DeferAfter time.Duration

	// ShutdownGrace is how long Run waits, once its context is done and the
	// gateway closed, for the replies under way to be sent; zero means 5
	// seconds.
	ShutdownGrace time.Duration

	// Logger receives the bot's logs; nil logs nothing. The token is never
	// logged.
	Logger *slog.Logger

	// Metrics receives counts and timings; nil counts nothing.
	Metrics Metrics

	// Recorder keeps each question answered and each vote, for the
	// admin's report; nil keeps nothing.
	Recorder Recorder

	// Reports reads the store for /factbot report and /forget-me; nil
	// answers them that nothing is kept.
	Reports Reports

	// Curation lets admins add and remove articles from Discord
	// (/factbot add, remove, articles); nil answers that it is off.
	Curation *Curation

	// Shards are the gateway shards the bot holds; the zero value holds
	// every shard of the count Discord recommends (shards.go).
	Shards Shards

	// IdentifyGate paces the shards' IDENTIFYs; nil paces them by
	// Discord's session_start_limit within this Bot (identify.go).
	IdentifyGate IdentifyGate
}

// A Bot answers questions in Discord: the /ask command with autocomplete,
// messages that mention it, direct messages, and questions in the
// channels of Config.Channels.
type Bot struct {
	cfg      Config
	engine   Answerer
	log      *slog.Logger
	metrics  Metrics
	recorder Recorder
	reports  Reports
	session  *discordgo.Session // for REST calls; the shards' sessions share its client and rate limiter
	shards   atomic.Pointer[[]*shard]
	gate     IdentifyGate
	channels map[string]bool
	limiter  *limiter
	answers  *memory[facts.Answer]
	turns    *memory[[]facts.Turn]            // by answer key: the turns that led to it, when there were any before it
	threads  *memory[string]                  // by thread id: the key of the last answer in a thread the bot started
	checks   *memory[*discordgo.MessageEmbed] // "Check against sources", for Post to channel
	router   *router
	curating sync.Mutex // held while an article file is checked and written, or removed

	deferAfter time.Duration
	started    atomic.Bool
	closing    atomic.Bool
	flight     drain.Gate // counts the handlers under way, so that shutdown can wait for them
}

// ErrTokenRejected is returned by Run when Discord refuses the bot token,
// over REST (HTTP 401) or on the gateway (close code 4004).
var ErrTokenRejected = errors.New("bot: Discord refused the bot token")

// Config.DeferAfter's default and largest value.
const (
	defaultDeferAfter = time.Second
	maxDeferAfter     = 2 * time.Second
)

// discordgoSilent is a discordgo log level under all of its own: discordgo
// logs through the standard library's global logger, which the bot leaves
// alone. The bot logs what matters itself (see gateway.go).
const discordgoSilent = discordgo.LogError - 1

// New returns a Bot that answers with engine. It checks cfg, but does not
// connect: Run does.
func New(cfg Config, engine Answerer) (*Bot, error) {
	token := botToken(cfg.Token)
	if token == "" {
		return nil, errors.New("bot: no token")
	}
	if engine == nil {
		return nil, errors.New("bot: no Answerer")
	}
	s, err := discordgo.New("Bot " + token)
	if err != nil {
		return nil, fmt.Errorf("bot: %w", err)
	}
	if cfg.APIURL != "" {
		api, err := ParseAPIURL(cfg.APIURL)
		if err != nil {
			return nil, err
		}
		s.Client = rehostedClient(api)
	}
	s.LogLevel = discordgoSilent
	s.ShouldReconnectOnError = false // the bot reconnects itself: see gateway.go
	s.StateEnabled = false           // the bot keeps only READY, which discordgo always does
	s.Identify.Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages

	b := &Bot{
		cfg:        cfg,
		engine:     engine,
		log:        cfg.Logger,
		metrics:    cfg.Metrics,
		recorder:   cfg.Recorder,
		reports:    cfg.Reports,
		session:    s,
		channels:   map[string]bool{},
		limiter:    newLimiter(cfg.Cooldown, time.Now),
		answers:    newMemory[facts.Answer](rememberAnswers),
		turns:      newMemory[[]facts.Turn](rememberAnswers),
		threads:    newMemory[string](rememberAnswers),
		checks:     newMemory[*discordgo.MessageEmbed](rememberAnswers),
		deferAfter: cfg.DeferAfter,
		gate:       cfg.IdentifyGate,
	}
	for _, c := range cfg.Channels {
		if c = strings.TrimSpace(c); c != "" {
			b.channels[c] = true
		}
	}
	if len(b.channels) > 0 {
		s.Identify.Intents |= discordgo.IntentsMessageContent
	}
	if b.log == nil {
		b.log = slog.New(slog.DiscardHandler)
	}
	b.log = slog.New(shardLogHandler{b.log.Handler()})
	if b.metrics == nil {
		b.metrics = nopMetrics{}
	}
	if b.recorder == nil {
		b.recorder = nopRecorder{}
	}
	if b.gate == nil {
		b.gate = NewIdentifyGate(IdentifyInterval)
	}
	if b.deferAfter <= 0 {
		b.deferAfter = defaultDeferAfter
	}
	b.deferAfter = min(b.deferAfter, maxDeferAfter)
	b.router = b.routes()
	return b, nil
}

// botToken returns a token without surrounding space or its "Bot " prefix.
func botToken(s string) string {
	s = strings.TrimSpace(s)
	if f := strings.Fields(s); len(f) > 0 && f[0] == "Bot" {
		s = strings.TrimSpace(strings.TrimPrefix(s, "Bot"))
	}
	return s
}

// Ready reports whether every shard the bot holds is connected to the
// Discord gateway and receiving events.
func (b *Bot) Ready() bool {
	p := b.shards.Load()
	if p == nil || len(*p) == 0 {
		return false
	}
	for _, sh := range *p {
		if !sh.ready.Load() {
			return false
		}
	}
	return true
}

// defaultShutdownGrace is Config.ShutdownGrace's zero value.
const defaultShutdownGrace = 5 * time.Second

// Run connects every shard to Discord, registers /ask (if it holds shard
// 0), and answers until ctx is done; then it closes the gateway sessions
// cleanly and returns nil. It returns an error, wrapping ErrTokenRejected
// if that is the cause, when Discord refuses the bot or a shard. Run may be
// called once.
func (b *Bot) Run(ctx context.Context) error {
	if !b.started.CompareAndSwap(false, true) {
		return errors.New("bot: Run called twice")
	}
	// Replies outlive ctx by the shutdown grace, so that a question being
	// answered when the signal comes still gets its answer.
	replyCtx, cancelReplies := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelReplies()
	b.session.AddHandler(func(_ *discordgo.Session, e *discordgo.RateLimit) {
		b.guard(b.log, "rate limit", func() { b.onRateLimit(e) })
	})

	var shards []*shard
	err := b.checkToken(ctx)
	var plan gatewayPlan
	if err == nil {
		plan, err = b.plan(ctx)
	}
	if err == nil {
		shards, err = b.openShards(replyCtx, plan)
	}
	if err == nil {
		b.shards.Store(&shards)
		err = b.runShards(ctx, shards, plan)
	}
	b.closing.Store(true)
	b.closeShards(shards)
	grace := cmp.Or(b.cfg.ShutdownGrace, defaultShutdownGrace)
	drainCtx, cancelDrain := context.WithTimeout(context.WithoutCancel(ctx), grace)
	if err := b.flight.Close(drainCtx); err != nil {
		b.log.Warn("shutting down with replies unsent", "grace", grace, "err", err)
	}
	cancelDrain()
	if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		err = nil
	}
	if err == nil {
		b.log.Info("disconnected from Discord")
	}
	return err
}

// checkToken asks Discord who the bot is, so that a refused token is
// reported before the gateway is tried.
func (b *Bot) checkToken(ctx context.Context) error {
	me, err := b.session.User("@me", discordgo.WithContext(ctx))
	if err != nil {
		if status(err) == 401 {
			return fmt.Errorf("%w (HTTP 401)", ErrTokenRejected)
		}
		return fmt.Errorf("bot: ask Discord who the bot is: %w", redact(err))
	}
	b.log.Info("logging in", "user", me.Username, "id", me.ID)
	return nil
}

// register replaces the bot's commands with /ask, globally or in
// Config.GuildID. It logs a failure instead of returning it: mentions and
// direct messages work without the command.
func (b *Bot) register(ctx context.Context, s *discordgo.Session) {
	s.State.RLock()
	app := s.State.Application
	s.State.RUnlock()
	if app == nil || app.ID == "" {
		b.log.Error("cannot register /ask: READY named no application")
		return
	}
	scope := "global"
	if b.cfg.GuildID != "" {
		scope = "guild " + b.cfg.GuildID
	}
	if _, err := s.ApplicationCommandBulkOverwrite(app.ID, b.cfg.GuildID, commands(), discordgo.WithContext(ctx)); err != nil {
		b.metrics.RESTError("register")
		b.log.Error("cannot register /ask", "scope", scope, "err", redact(err))
		return
	}
	b.log.Info("registered /ask", "scope", scope)
}
