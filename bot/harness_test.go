package bot_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/fakediscord"
	"github.com/factbot/factbot/internal/fakefacts"
	"github.com/factbot/factbot/internal/store"
	"github.com/factbot/factbot/internal/syncbuf"
	"github.com/google/go-cmp/cmp"
)

// The end-to-end tests run the real discordgo session of a real Bot
// against fakediscord, and check the REST calls the bot makes.

const (
	testToken = "test-token"
	channelID = "300000000000000001"
)

// waitLimit bounds every wait for the bot: generous, for slow race-detector
// runs, and never spent when the bot behaves.
const waitLimit = 10 * time.Second

// A harness is a running Bot connected to a fake Discord.
type harness struct {
	t       testing.TB
	fake    *fakediscord.Server
	bot     *bot.Bot
	logs    *syncbuf.Buffer
	metrics *countMetrics
	ids     *atomic.Int64
	stop    func() error // stops the bot once, and returns what Run did
}

// sub returns h for a subtest.
func (h *harness) sub(t testing.TB) *harness {
	c := *h
	c.t = t
	return &c
}

// A setup is what start is given, for options to change.
type setup struct {
	cfg    bot.Config
	engine bot.Answerer
	fake   fakediscord.Options

	// withFake, if set, changes the setup once the fake Discord runs, and
	// before the bot starts.
	withFake func(s *setup, f *fakediscord.Server)
}

// start runs a Bot answering from the recorded answers against a new fake
// Discord, and waits until it has registered its command. The bot stops,
// and Run must return nil, when the test ends.
func start(t testing.TB, options ...func(*setup)) *harness {
	t.Helper()
	h := &harness{t: t, logs: &syncbuf.Buffer{}, metrics: newCountMetrics(), ids: new(atomic.Int64)}
	h.ids.Store(400000000000000000)
	st := setup{engine: fakefacts.ForTest(t, os.DirFS("testdata")), fake: fakediscord.Options{Token: testToken}}
	for _, o := range options {
		o(&st)
	}
	h.fake = fakediscord.New(st.fake)
	if st.withFake != nil {
		st.withFake(&st, h.fake)
	}
	st.cfg.Token, st.cfg.APIURL = testToken, h.fake.URL
	if st.cfg.Logger == nil {
		st.cfg.Logger = slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	st.cfg.Metrics = h.metrics
	var err error
	h.bot, err = bot.New(st.cfg, st.engine)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- h.bot.Run(ctx) }()
	h.stop = sync.OnceValue(func() error {
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(waitLimit):
			return errors.New("Run did not return after its context ended")
		}
	})
	t.Cleanup(func() {
		if err := h.stop(); err != nil {
			t.Errorf("Run: %v", err)
		}
		h.fake.Close()
		if t.Failed() {
			t.Logf("bot logs:\n%s", h.logs)
		}
	})
	h.waitCall(func(c fakediscord.Call) bool { return strings.HasSuffix(c.Path, "/commands") })
	h.wait("the bot to be ready", h.bot.Ready)
	return h
}

// wait waits until cond holds, failing the test if it does not in time. It
// checks cond at each change of the fake, and every few milliseconds for
// changes elsewhere.
func (h *harness) wait(what string, cond func() bool) {
	h.t.Helper()
	for deadline := time.Now().Add(waitLimit); time.Now().Before(deadline); {
		if h.fake.Wait(5*time.Millisecond, cond) {
			return
		}
	}
	h.t.Fatalf("timed out waiting for %s", what)
}

// waitCall waits for a REST call that matches and returns the first.
func (h *harness) waitCall(match func(fakediscord.Call) bool) fakediscord.Call {
	h.t.Helper()
	var found fakediscord.Call
	h.wait("a REST call", func() bool {
		for _, c := range h.fake.Calls() {
			if match(c) {
				found = c
				return true
			}
		}
		return false
	})
	return found
}

// mark returns the number of REST calls so far, for callsSince.
func (h *harness) mark() int { return h.fake.NumCalls() }

// routes returns "METHOD path" of the calls after mark.
func (h *harness) routes(mark int) []string {
	var r []string
	for _, c := range h.fake.CallsSince(mark) {
		r = append(r, c.String())
	}
	return r
}

func (h *harness) newID() string { return fmt.Sprint(h.ids.Add(1)) }

func (h *harness) dispatch(t string, d any) {
	h.t.Helper()
	if err := h.fake.Dispatch(t, d); err != nil {
		h.t.Fatal(err)
	}
}

// A msg is a MESSAGE_CREATE to dispatch.
type msg struct {
	content  string
	user     string // a new user if ""
	channel  string // channelID if ""
	dm       bool   // no guild
	mentions bool   // mentions the bot
}

// message dispatches a message and returns its id.
func (h *harness) message(m msg) string {
	h.t.Helper()
	id := h.newID()
	if m.user == "" {
		m.user = h.newID()
	}
	if m.channel == "" {
		m.channel = channelID
	}
	d := map[string]any{
		"id": id, "channel_id": m.channel, "type": 0, "content": m.content,
		"author":   map[string]any{"id": m.user, "username": "user" + m.user},
		"mentions": []any{},
	}
	if !m.dm {
		d["guild_id"] = fakediscord.GuildID
	}
	if m.mentions {
		d["mentions"] = []any{map[string]any{"id": fakediscord.BotID, "username": "factbot", "bot": true}}
	}
	h.dispatch("MESSAGE_CREATE", d)
	return id
}

// mention dispatches a message that mentions the bot, and returns its id.
func (h *harness) mention(text string) string {
	return h.message(msg{content: "<@" + fakediscord.BotID + "> " + text, mentions: true})
}

// interaction dispatches an INTERACTION_CREATE of type typ with data (no
// "data" key if data is nil) from user (a new user if ""), and returns its
// id and token. The fields of extra, if any, are added to the interaction
// ("message": the message a button is under).
func (h *harness) interaction(typ int, data any, user string, extra ...map[string]any) (id, token string) {
	h.t.Helper()
	id, token = h.newID(), "token-"+h.newID()
	if user == "" {
		user = h.newID()
	}
	d := map[string]any{
		"id": id, "application_id": fakediscord.AppID, "type": typ, "token": token, "version": 1,
		"guild_id": fakediscord.GuildID, "channel_id": channelID,
		"member": map[string]any{"user": map[string]any{"id": user, "username": "user" + user}},
	}
	if data != nil {
		d["data"] = data
	}
	for _, x := range extra {
		for k, v := range x {
			d[k] = v
		}
	}
	h.dispatch("INTERACTION_CREATE", d)
	return id, token
}

// ask dispatches /ask with the given options and returns its id and token.
func (h *harness) ask(options ...any) (id, token string) {
	return h.askAs("", options...)
}

func (h *harness) askAs(user string, options ...any) (id, token string) {
	return h.interaction(2, map[string]any{"id": "500", "name": "ask", "type": 1, "options": options}, user)
}

// question and private are options of /ask.
func question(q any) map[string]any { return map[string]any{"name": "question", "type": 3, "value": q} }
func private(p bool) map[string]any { return map[string]any{"name": "private", "type": 5, "value": p} }

// callback waits for the response to the interaction with token.
func (h *harness) callback(token string) fakediscord.Call {
	h.t.Helper()
	return h.waitCall(func(c fakediscord.Call) bool {
		return strings.Contains(c.Path, "/"+token+"/callback") && c.Status < 300
	})
}

// reply waits for the bot's reply to message id, answered with success.
func (h *harness) reply(id string) sent {
	h.t.Helper()
	c := h.waitCall(func(c fakediscord.Call) bool {
		var m sent
		return c.Method == "POST" && strings.HasSuffix(c.Path, "/messages") && c.Status < 300 && c.Decode(&m) == nil &&
			m.Reference != nil && m.Reference.MessageID == id
	})
	return decode[sent](h.t, c)
}

// sent and response are the JSON of a message the bot sent and of an
// interaction response.
type (
	sent     = fakediscord.Message
	response = fakediscord.Response
)

func decode[T any](t testing.TB, c fakediscord.Call) T {
	t.Helper()
	var v T
	if err := c.Decode(&v); err != nil {
		t.Fatalf("%s: %v in %s", c, err, c.Body)
	}
	return v
}

// seeds returns the real engine on the seed articles, for the tests that
// are about the bot and the engine together.
func seeds(t testing.TB) *facts.Base {
	t.Helper()
	base, err := facts.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	return base
}

// checkRendered fails the test unless m has one embed with the title,
// description, fields and footer of part ("answer", the reply, or
// "sources", what the Sources button shows) of the golden file
// testdata/render/name.json: TestRenderGolden checks that file against the
// recorded answer of that name. Colours are left to TestRenderGolden.
func checkRendered(t testing.TB, m sent, name, part string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "render", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var golden map[string]fakediscord.Embed
	if err := json.Unmarshal(data, &golden); err != nil {
		t.Fatalf("testdata/render/%s.json: %v", name, err)
	}
	want, ok := golden[part]
	if !ok {
		t.Fatalf("testdata/render/%s.json has no %q", name, part)
	}
	if len(m.Embeds) != 1 {
		t.Fatalf("%d embeds, want 1: %+v", len(m.Embeds), m)
	}
	if diff := cmp.Diff(want, m.Embeds[0]); diff != "" {
		t.Errorf("embed, against testdata/render/%s.json's %s (-want +got):\n%s", name, part, diff)
	}
}

// checkAnswer fails the test unless m shows the recorded answer to crypto.
func checkAnswer(t testing.TB, m sent) {
	t.Helper()
	checkRendered(t, m, "answer", "answer")
}

// checkNoMentions fails the test unless m allows no mentions: its
// allowed_mentions is exactly {"parse": []} (with replied_user false).
func checkNoMentions(t testing.TB, m sent) {
	t.Helper()
	var am struct {
		Parse       *[]string `json:"parse"`
		Roles       []string  `json:"roles"`
		Users       []string  `json:"users"`
		RepliedUser bool      `json:"replied_user"`
	}
	if err := json.Unmarshal(m.AllowedMentions, &am); err != nil || am.Parse == nil || len(*am.Parse) != 0 ||
		len(am.Roles) != 0 || len(am.Users) != 0 || am.RepliedUser {
		t.Errorf("allowed_mentions = %s, want {\"parse\": []}", m.AllowedMentions)
	}
}

// countMetrics counts what the bot reports.
type countMetrics struct {
	mu     sync.Mutex
	counts map[string]int
}

func newCountMetrics() *countMetrics { return &countMetrics{counts: map[string]int{}} }

func (m *countMetrics) add(key string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.counts[key]++
}

func (m *countMetrics) get(key string) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.counts[key]
}

func (m *countMetrics) String() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return fmt.Sprint(m.counts)
}

// counted waits until the metric key has been counted n more times than it
// was when counted was called, and fails the test if that does not happen.
func (h *harness) counted(key string, n int) func() {
	before := h.metrics.get(key)
	return func() {
		h.t.Helper()
		h.wait(fmt.Sprintf("%d more %q", n, key), func() bool { return h.metrics.get(key) == before+n })
	}
}

func (m *countMetrics) Question(via bot.Via, o bot.Outcome, _ time.Duration) {
	m.add("question " + string(via) + " " + string(o))
}
func (m *countMetrics) Autocomplete(time.Duration)        { m.add("autocomplete") }
func (m *countMetrics) Feedback(helpful bool)             { m.add(fmt.Sprint("feedback ", helpful)) }
func (m *countMetrics) RESTError(call string)             { m.add("rest error " + call) }
func (m *countMetrics) Gateway(_ int, e bot.GatewayEvent) { m.add("gateway " + string(e)) }

// openStore opens a SQLite store in a temporary folder, closed when the
// test ends.
func openStore(t testing.TB) *store.DB {
	t.Helper()
	db, err := store.OpenSQLite(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// press clicks the button customID and returns the bot's response, which
// must allow no mentions.
func (h *harness) press(t *testing.T, customID string) response {
	t.Helper()
	_, token := h.interaction(3, map[string]any{"custom_id": customID, "component_type": 2}, "")
	r := decode[response](t, h.callback(token))
	checkNoMentions(t, r.Data)
	return r
}
