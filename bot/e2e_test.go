package bot_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/fakediscord"
	"github.com/factbot/factbot/internal/fakefacts"
	"github.com/google/go-cmp/cmp"
)

// crypto is the question of the recorded answer (testdata/answers/answer.json).
const crypto = "How much crypto has North Korea stolen?"

// TestConversation talks to one bot through every way of asking, in turn.
func TestConversation(t *testing.T) {
	t.Parallel()
	h := start(t)
	t.Run("registration", func(t *testing.T) {
		testRegistration(t, h.sub(t), "/api/v9/applications/"+fakediscord.AppID+"/commands")
	})
	t.Run("gateway session", func(t *testing.T) { testGatewaySession(t, h.sub(t)) })
	t.Run("mention", func(t *testing.T) { testMention(t, h.sub(t)) })
	t.Run("direct message", func(t *testing.T) { testDirectMessage(t, h.sub(t)) })
	t.Run("ask", func(t *testing.T) { testAsk(t, h.sub(t)) })
	t.Run("abstention", func(t *testing.T) { testAbstention(t, h.sub(t)) })
	t.Run("autocomplete", func(t *testing.T) { testAutocomplete(t, h.sub(t)) })
	t.Run("buttons", func(t *testing.T) { testButtons(t, h.sub(t)) })
	t.Run("shutdown", func(t *testing.T) { testShutdown(t, h.sub(t)) })
	t.Run("no token in logs", func(t *testing.T) {
		if strings.Contains(h.logs.String(), testToken) {
			t.Errorf("logs hold the token:\n%s", h.logs)
		}
	})
}

// testRegistration checks that the bot registered its commands with one
// bulk overwrite at path: /factbot for Manage Server only, in servers only.
func testRegistration(t *testing.T, h *harness, path string) {
	type option struct {
		Type         int    `json:"type"`
		Name         string `json:"name"`
		Required     bool   `json:"required"`
		Autocomplete bool   `json:"autocomplete"`
		MaxLength    int    `json:"max_length"`
	}
	type command struct {
		Type         int      `json:"type"`
		Name         string   `json:"name"`
		Options      []option `json:"options"`
		Permissions  string   `json:"default_member_permissions"`
		DMPermission *bool    `json:"dm_permission"`
		Contexts     []int    `json:"contexts"`
	}
	no := false
	want := []command{{Type: 1, Name: "ask", Options: []option{
		{Type: 3, Name: "question", Required: true, Autocomplete: true, MaxLength: 500},
		{Type: 5, Name: "private"},
	}}, {Type: 3, Name: "Ask factbot"}, {Type: 3, Name: "Check against sources"}, {Type: 1, Name: "factbot", Options: []option{{Type: 1, Name: "report"}, {Type: 1, Name: "add"}, {Type: 1, Name: "remove"}, {Type: 1, Name: "articles"}},
		Permissions: "32", DMPermission: &no, Contexts: []int{0}, // Manage Server, guild only
	}, {Type: 1, Name: "forget-me"}}
	var register []fakediscord.Call
	for _, c := range h.fake.Calls() {
		if strings.HasSuffix(c.Path, "/commands") {
			register = append(register, c)
		}
	}
	if len(register) != 1 || register[0].Method != "PUT" || register[0].Path != path || register[0].Status != 200 {
		t.Fatalf("registration calls = %v, want one PUT %s answered 200", register, path)
	}
	if got := register[0].Auth; got != "Bot "+testToken {
		t.Errorf("Authorization = %q, want the bot token with its prefix", got)
	}
	if diff := cmp.Diff(want, decode[[]command](t, register[0])); diff != "" {
		t.Errorf("registered commands (-want +got):\n%s", diff)
	}
}

func testGatewaySession(t *testing.T, h *harness) {
	h.wait("heartbeats", func() bool { return h.fake.Stats().Heartbeats >= 2 })
	st := h.fake.Stats()
	want := discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	if st.Identifies != 1 || st.Intents != want {
		t.Errorf("identifies = %d with intents %b, want 1 with %b (no privileged intent)", st.Identifies, st.Intents, want)
	}
	if !strings.Contains(h.logs.String(), `msg="connected to Discord" shard=0 user=factbot guilds=1`) {
		t.Errorf("logs do not say the bot connected, with the guild count:\n%s", h.logs)
	}
	if h.metrics.get("gateway ready") != 1 {
		t.Errorf("metrics: %v, want one gateway ready", h.metrics)
	}
}

func testMention(t *testing.T, h *harness) {
	counted := h.counted("question mention answered", 1)
	mark := h.mark()
	id := h.mention(crypto)
	m := h.reply(id)
	if diff := cmp.Diff([]string{"POST /api/v9/channels/" + channelID + "/messages"}, h.routes(mark)); diff != "" {
		t.Errorf("REST calls (-want +got):\n%s", diff)
	}
	checkNoMentions(t, m)
	if r := m.Reference; r.ChannelID != channelID || r.GuildID != fakediscord.GuildID || r.FailIfNotExists == nil || *r.FailIfNotExists {
		t.Errorf("message_reference = %+v, want the question's message, channel and guild, not failing if it is gone", *r)
	}
	checkAnswer(t, m)
	if diff := cmp.Diff([]string{"src:" + id, "verify:" + id, "up:" + id, "down:" + id, "thread:" + id}, m.CustomIDs()); diff != "" {
		t.Errorf("buttons (-want +got):\n%s", diff)
	}
	counted()
	// The recorded confidence, 0.8873, is logged to three places.
	if logs := h.logs.String(); !strings.Contains(logs, "msg=question via=mention outcome=answered latency=") || !strings.Contains(logs, "confidence=0.887 ") {
		t.Errorf("logs do not report the question:\n%s", logs)
	}
}

func testDirectMessage(t *testing.T, h *harness) {
	id := h.message(msg{content: crypto, dm: true})
	m := h.reply(id)
	checkNoMentions(t, m)
	checkAnswer(t, m)
}

// TestConfigured runs a bot with a test guild and channels to answer in.
func TestConfigured(t *testing.T) {
	t.Parallel()
	const guild, asked = "600000000000000001", "300000000000000009"
	h := start(t, func(s *setup) { s.cfg.GuildID, s.cfg.Channels = guild, []string{asked} })
	testRegistration(t, h, "/api/v9/applications/"+fakediscord.AppID+"/guilds/"+guild+"/commands")
	if st := h.fake.Stats(); st.Intents&discordgo.IntentsMessageContent == 0 {
		t.Errorf("intents %b lack message content, which channel questions need", st.Intents)
	}
	ignored := []string{
		h.message(msg{channel: asked, content: "North Korea stole crypto."}),
		h.message(msg{channel: channelID, content: crypto}),
	}
	id := h.message(msg{channel: asked, content: crypto})
	checkAnswer(t, h.reply(id))
	h.mention(crypto) // mentions work beside channel questions
	h.wait("the mention to be answered", func() bool { return h.metrics.get("question mention answered") == 1 })
	for _, c := range h.fake.Calls() {
		for _, ig := range ignored {
			if strings.Contains(string(c.Body), ig) {
				t.Errorf("%s replies to a message that is no question: %s", c, c.Body)
			}
		}
	}
}

func TestMessageContentIntentRefused(t *testing.T) {
	t.Parallel()
	h := start(t, func(s *setup) {
		s.cfg.Channels = []string{channelID}
		s.fake.RefuseIntents = discordgo.IntentsMessageContent
	})
	if st := h.fake.Stats(); st.Intents&discordgo.IntentsMessageContent != 0 {
		t.Errorf("connected with intents %b, want without message content", st.Intents)
	}
	if !strings.Contains(h.logs.String(), "level=ERROR msg=\"Discord refused the message content intent (gateway close 4014)") ||
		!strings.Contains(h.logs.String(), "MESSAGE CONTENT INTENT") {
		t.Errorf("logs do not explain the refused intent:\n%s", h.logs)
	}
	checkAnswer(t, h.reply(h.mention(crypto)))
}

func testAsk(t *testing.T, h *harness) {
	for _, tc := range []struct {
		name    string
		options []any
		flags   int
	}{
		{"public", []any{question(crypto)}, 0},
		{"private", []any{question(crypto), private(true)}, int(discordgo.MessageFlagsEphemeral)},
		{"private false", []any{private(false), question(crypto)}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := h.sub(t)
			mark := h.mark()
			id, token := h.ask(tc.options...)
			r := decode[response](t, h.callback(token))
			if diff := cmp.Diff([]string{"POST /api/v9/interactions/" + id + "/" + token + "/callback"}, h.routes(mark)); diff != "" {
				t.Errorf("REST calls (-want +got):\n%s", diff)
			}
			if r.Type != int(discordgo.InteractionResponseChannelMessageWithSource) || r.Data.Flags != tc.flags {
				t.Errorf("response type %d flags %d, want type 4 flags %d", r.Type, r.Data.Flags, tc.flags)
			}
			checkNoMentions(t, r.Data)
			checkAnswer(t, r.Data)
			want := []string{"src:" + id, "verify:" + id, "up:" + id, "down:" + id}
			if tc.flags != 0 {
				want = append(want, "post:"+id) // a private answer can be shared
			} else {
				want = append(want, "thread:"+id) // a public one can be followed up in a thread
			}
			if diff := cmp.Diff(want, r.Data.CustomIDs()); diff != "" {
				t.Errorf("buttons (-want +got):\n%s", diff)
			}
		})
	}
}

func testAbstention(t *testing.T, h *harness) {
	counted := h.counted("question slash abstained", 1)
	_, token := h.ask(question(fakefacts.ForTest(t, os.DirFS("testdata")).MustAnswer(t, "abstention").Question))
	r := decode[response](t, h.callback(token))
	checkNoMentions(t, r.Data)
	checkRendered(t, r.Data, "abstention", "answer")
	counted()
}

func testAutocomplete(t *testing.T, h *harness) {
	counted := h.counted("autocomplete", 7)
	engine := fakefacts.ForTest(t, os.DirFS("testdata"))
	for _, tc := range []struct {
		typed any
		want  []string
	}{
		{"Laz", engine.Suggest("Laz", 25)},
		// Choices are on one line: no-break spaces become spaces.
		{"north", spaced(engine.Suggest("north", 25))},
		// The last two suggestions differ only there, and become one.
		{"", spaced(engine.Suggest("", 25))[:24]},
		// With no suggestion, what has been typed, cut to 100 characters.
		{"Who", []string{"Who"}},
		{strings.Repeat("x", 150), []string{strings.Repeat("x", 99) + "…"}},
		{"@everyone <@&1> ||spoiler||", []string{"@everyone <@&1> ||spoiler||"}},
		// Not text: as if nothing had been typed.
		{42, spaced(engine.Suggest("", 25))[:24]},
	} {
		options := []any{map[string]any{"name": "question", "type": 3, "value": tc.typed, "focused": true}}
		_, token := h.interaction(4, map[string]any{"id": "500", "name": "ask", "type": 1, "options": options}, "")
		r := decode[response](t, h.callback(token))
		if r.Type != int(discordgo.InteractionApplicationCommandAutocompleteResult) {
			t.Errorf("%#v: response type %d, want 8", tc.typed, r.Type)
		}
		var names []string
		for _, c := range r.Data.Choices {
			if v, _ := c.Value.(string); v != c.Name {
				t.Errorf("%#v: choice %q has the value %v", tc.typed, c.Name, c.Value)
			}
			names = append(names, c.Name)
		}
		if diff := cmp.Diff(tc.want, names); diff != "" {
			t.Errorf("%#v: choices (-want +got):\n%s", tc.typed, diff)
		}
	}
	counted()
}

// spaced returns ss with each no-break space as a space.
func spaced(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.ReplaceAll(s, "\u00a0", " ")
	}
	return out
}

// slowEngine answers like its Answerer, each question once release lets it.
type slowEngine struct {
	bot.Answerer
	release chan struct{}
}

func (e slowEngine) Ask(q string) facts.Answer {
	<-e.release
	return e.Answerer.Ask(q)
}

func TestDeferredAnswer(t *testing.T) {
	t.Parallel()
	slow := slowEngine{fakefacts.ForTest(t, os.DirFS("testdata")), make(chan struct{})}
	h := start(t, func(s *setup) { s.engine, s.cfg.DeferAfter = slow, 20*time.Millisecond })
	t.Cleanup(func() { close(slow.release) }) // before the bot stops
	for _, tc := range []struct {
		name    string
		private bool
		flags   int
	}{
		{"public", false, 0},
		{"private", true, int(discordgo.MessageFlagsEphemeral)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := h.sub(t)
			mark := h.mark()
			id, token := h.ask(question(crypto), private(tc.private))
			r := decode[response](t, h.callback(token))
			if r.Type != int(discordgo.InteractionResponseDeferredChannelMessageWithSource) || r.Data.Flags != tc.flags {
				t.Errorf("first response: type %d flags %d, want 5 (deferred) with flags %d", r.Type, r.Data.Flags, tc.flags)
			}
			checkNoMentions(t, r.Data)
			slow.release <- struct{}{}
			edit := h.waitCall(func(c fakediscord.Call) bool { return c.Method == "PATCH" && strings.Contains(c.Path, token) })
			want := []string{
				"POST /api/v9/interactions/" + id + "/" + token + "/callback",
				"PATCH /api/v9/webhooks/" + fakediscord.AppID + "/" + token + "/messages/@original",
			}
			if diff := cmp.Diff(want, h.routes(mark)); diff != "" {
				t.Errorf("REST calls (-want +got):\n%s", diff)
			}
			if edit.Status != 200 {
				t.Errorf("the edit was answered %d: %s", edit.Status, edit.Body)
			}
			m := decode[sent](t, edit)
			checkNoMentions(t, m)
			checkAnswer(t, m)
		})
	}
}

func testButtons(t *testing.T, h *harness) {
	up, down := h.counted("feedback true", 1), h.counted("feedback false", 1)
	id, token := h.ask(question(crypto))
	h.callback(token)
	press := func(customID string) response {
		t.Helper()
		r := h.press(t, customID)
		if r.Type != 4 || r.Data.Flags != int(discordgo.MessageFlagsEphemeral) {
			t.Errorf("%s: response type %d flags %d, want an ephemeral message", customID, r.Type, r.Data.Flags)
		}
		return r
	}

	checkRendered(t, press("src:"+id).Data, "answer", "sources")

	for _, tc := range []struct{ kind, note, log string }{
		{"up", "Glad it helped", "helpful=true"},
		{"down", "didn't help", "helpful=false"},
	} {
		r := press(tc.kind + ":" + id)
		if !strings.Contains(r.Data.Content, tc.note) {
			t.Errorf("%s: note %q lacks %q", tc.kind, r.Data.Content, tc.note)
		}
		if want := "msg=feedback " + tc.log + " answer_id=" + id + " question=\"" + crypto + "\""; !strings.Contains(h.logs.String(), want) {
			t.Errorf("%s: logs lack %s:\n%s", tc.kind, want, h.logs)
		}
	}
	up()
	down()

	for customID, want := range map[string]string{
		"src:999":     "I no longer have the sources",
		"bogus":       "doesn't do anything",
		"":            "doesn't do anything",
		"vote:up:123": "doesn't do anything",
	} {
		if r := press(customID); !strings.Contains(r.Data.Content, want) {
			t.Errorf("button %q: note %q lacks %q", customID, r.Data.Content, want)
		}
	}
}

func TestCooldown(t *testing.T) {
	t.Parallel()
	h := start(t, func(s *setup) { s.cfg.Cooldown = bot.Cooldown{Questions: 2, Per: time.Hour} })
	const user = "700000000000000001"
	for i := range 2 {
		_, token := h.askAs(user, question(crypto))
		if r := decode[response](t, h.callback(token)); len(r.Data.Embeds) != 1 {
			t.Fatalf("question %d: not answered: %+v", i+1, r.Data)
		}
	}
	_, token := h.askAs(user, question(crypto))
	r := decode[response](t, h.callback(token))
	if r.Data.Flags != int(discordgo.MessageFlagsEphemeral) || !strings.Contains(r.Data.Content, "Please wait 3600 seconds") {
		t.Errorf("third question: %+v, want an ephemeral note to wait", r.Data)
	}
	checkNoMentions(t, r.Data)

	// By message, the note cannot be ephemeral: it is sent for the first
	// question over the limit, and later ones are ignored.
	const other = "700000000000000002"
	ask := func() string {
		return h.message(msg{user: other, content: "<@" + fakediscord.BotID + "> " + crypto, mentions: true})
	}
	for range 2 {
		checkAnswer(t, h.reply(ask()))
	}
	if m := h.reply(ask()); !strings.Contains(m.Content, "Please wait") || len(m.Embeds) != 0 {
		t.Errorf("first mention over the limit: %+v, want a note to wait", m)
	}
	ask()
	h.wait("the questions to be counted", func() bool { return h.metrics.get("question mention cooldown") == 2 })
	if h.metrics.get("question slash cooldown") != 1 {
		t.Errorf("metrics: %v", h.metrics)
	}
	notes := 0
	for _, c := range h.fake.Calls() {
		if strings.Contains(string(c.Body), "Please wait") {
			notes++
		}
	}
	if notes != 2 {
		t.Errorf("%d notes to wait, want 2: one ephemeral, one by message", notes)
	}
	// Other users are not held back.
	checkAnswer(t, h.reply(h.mention(crypto)))
}

// testShutdown stops the bot as SIGINT or SIGTERM would.
func testShutdown(t *testing.T, h *harness) {
	if !h.bot.Ready() {
		t.Fatal("not ready after start")
	}
	if err := h.stop(); err != nil {
		t.Fatalf("Run: %v", err)
	}
	if h.bot.Ready() {
		t.Error("still ready after Run returned")
	}
	h.wait("the gateway to see the session closed", func() bool { return !h.fake.Stats().Connected })
	if !strings.Contains(h.logs.String(), "disconnected from Discord") {
		t.Errorf("logs do not say the bot disconnected:\n%s", h.logs)
	}
	if h.metrics.get("gateway disconnect") != 0 {
		t.Errorf("a clean shutdown counted as a lost connection: %v", h.metrics)
	}
}
