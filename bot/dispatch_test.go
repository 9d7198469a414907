package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/fakefacts"
)

// recorder is a session that records what the bot sends.
type recorder struct {
	mu        sync.Mutex
	responses []*discordgo.InteractionResponse
	edits     []*discordgo.WebhookEdit
	sent      []*discordgo.MessageSend
}

func (r *recorder) InteractionRespond(_ *discordgo.Interaction, resp *discordgo.InteractionResponse, _ ...discordgo.RequestOption) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.responses = append(r.responses, resp)
	return nil
}

func (r *recorder) InteractionResponseEdit(_ *discordgo.Interaction, e *discordgo.WebhookEdit, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.edits = append(r.edits, e)
	return &discordgo.Message{}, nil
}

func (r *recorder) ChannelMessageSendComplex(_ string, m *discordgo.MessageSend, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sent = append(r.sent, m)
	return &discordgo.Message{}, nil
}

// newTestBot returns a Bot answering from the recorded answers, logging to
// the returned buffer.
func newTestBot(t *testing.T, cfg Config) (*Bot, *bytes.Buffer) {
	t.Helper()
	var logs bytes.Buffer
	cfg.Token = "t"
	cfg.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	b, err := New(cfg, fakefacts.ForTest(t, os.DirFS("testdata")))
	if err != nil {
		t.Fatal(err)
	}
	return b, &logs
}

// TestOnInteraction replays interactions, as Discord sends them, through
// the dispatcher into a recorder.
func TestOnInteraction(t *testing.T) {
	b, _ := newTestBot(t, Config{Cooldown: Cooldown{Questions: -1}})
	b.answers.put("42", facts.Answer{Text: "x", Citations: []facts.Citation{{N: 1, Title: "T", Quote: "Q.", Paragraph: 3}}})
	const ask = `"type": 2, "data": {"name": "ask", "type": 1, "options": `
	for _, tc := range []struct {
		name     string
		json     string
		typ      discordgo.InteractionResponseType // 0: no response
		flags    discordgo.MessageFlags
		contains string // in the content, embeds or choices
	}{
		{"ask", ask + `[{"name": "question", "type": 3, "value": "How much crypto has North Korea stolen?"}]}`, 4, 0, "$545 million"},
		{"ask privately", ask + `[{"name": "question", "type": 3, "value": "How much crypto has North Korea stolen?"}, {"name": "private", "type": 5, "value": true}]}`, 4, discordgo.MessageFlagsEphemeral, "$545 million"},
		{"empty question", ask + `[{"name": "question", "type": 3, "value": " "}]}`, 4, discordgo.MessageFlagsEphemeral, "Please give me a question"},
		{"missing question", ask + `[]}`, 4, discordgo.MessageFlagsEphemeral, "Please give me a question"},
		{"question of the wrong type", ask + `[{"name": "question", "type": 4, "value": 7}]}`, 4, discordgo.MessageFlagsEphemeral, "Please give me a question"},
		{"unknown command", `"type": 2, "data": {"name": "**nope**", "type": 1}`, 4, discordgo.MessageFlagsEphemeral, `I don't know the command /\*\*nope\*\*`},
		{"no data", `"type": 2`, 4, discordgo.MessageFlagsEphemeral, "I couldn't read that command"},
		{"null data", `"type": 2, "data": null`, 4, discordgo.MessageFlagsEphemeral, "I couldn't read that command"},
		{"autocomplete", `"type": 4, "data": {"name": "ask", "type": 1, "options": [{"name": "question", "type": 3, "value": "Laz", "focused": true}]}`, 8, 0, "Lazarus"},
		{"autocomplete of another option", `"type": 4, "data": {"name": "ask", "type": 1, "options": [{"name": "private", "type": 5, "value": true, "focused": true}]}`, 8, 0, "Who is North Korea?"},
		{"Sources", `"type": 3, "data": {"custom_id": "src:42", "component_type": 2}`, 4, discordgo.MessageFlagsEphemeral, "[1] T"},
		{"Sources of a forgotten answer", `"type": 3, "data": {"custom_id": "src:43", "component_type": 2}`, 4, discordgo.MessageFlagsEphemeral, "I no longer have"},
		{"👍", `"type": 3, "data": {"custom_id": "up:42", "component_type": 2}`, 4, discordgo.MessageFlagsEphemeral, "Glad it helped"},
		{"👎", `"type": 3, "data": {"custom_id": "down:42", "component_type": 2}`, 4, discordgo.MessageFlagsEphemeral, "didn't help"},
		{"unknown button", `"type": 3, "data": {"custom_id": "x:42", "component_type": 2}`, 4, discordgo.MessageFlagsEphemeral, "doesn't do anything"},
		{"reason for 👎", `"type": 3, "data": {"custom_id": "why:wrong_fact:42", "component_type": 2}`, 9, 0, "Wrong fact: anything to add?"},
		{"unknown reason", `"type": 3, "data": {"custom_id": "why:rude:42", "component_type": 2}`, 4, discordgo.MessageFlagsEphemeral, "doesn't do anything"},
		{"modal submit", `"type": 5, "data": {"custom_id": "note:wrong_fact:42", "components": [{"type": 1, "components": [{"type": 4, "custom_id": "note", "value": "it was 1998"}]}]}`, 4, discordgo.MessageFlagsEphemeral, "Thanks, noted"},
		{"unknown modal submit", `"type": 5, "data": {"custom_id": "m"}`, 4, discordgo.MessageFlagsEphemeral, "doesn't do anything"},
		{"ping", `"type": 1`, 0, 0, ""},
		{"unknown type", `"type": 99`, 0, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var i discordgo.Interaction
			// discordgo reports missing data as an error, and goes on with what it read.
			_ = json.Unmarshal([]byte(`{"id": "1", "application_id": "2", "token": "t", `+tc.json+`}`), &i)
			rec := &recorder{}
			b.onInteraction(context.Background(), rec, &i, time.Now())
			if tc.typ == 0 {
				if len(rec.responses)+len(rec.edits)+len(rec.sent) != 0 {
					t.Errorf("responded to an interaction it should ignore: %+v", rec.responses)
				}
				return
			}
			if len(rec.responses) != 1 || len(rec.edits) != 0 {
				t.Fatalf("%d responses and %d edits, want one response", len(rec.responses), len(rec.edits))
			}
			r := rec.responses[0]
			if r.Type != tc.typ || r.Data.Flags != tc.flags {
				t.Errorf("response type %d flags %d, want %d and %d", r.Type, r.Data.Flags, tc.typ, tc.flags)
			}
			if r.Type != discordgo.InteractionApplicationCommandAutocompleteResult && r.Type != discordgo.InteractionResponseModal &&
				(r.Data.AllowedMentions == nil || r.Data.AllowedMentions.Parse == nil || len(r.Data.AllowedMentions.Parse) != 0) {
				t.Errorf("allowed_mentions = %+v, want parse: []", r.Data.AllowedMentions)
			}
			if got := dataText(r.Data); !strings.Contains(got, tc.contains) {
				t.Errorf("response lacks %q:\n%s", tc.contains, got)
			}
		})
	}
}

// dataText returns the text of a response: content, embeds and choices.
func dataText(d *discordgo.InteractionResponseData) string {
	parts := []string{d.Content}
	for _, e := range d.Embeds {
		parts = append(parts, e.Title, e.Description)
		for _, f := range e.Fields {
			parts = append(parts, f.Name, f.Value)
		}
	}
	for _, c := range d.Choices {
		parts = append(parts, c.Name)
	}
	parts = append(parts, d.Title)
	for _, row := range d.Components {
		if row, ok := row.(discordgo.ActionsRow); ok {
			for _, c := range row.Components {
				if in, ok := c.(discordgo.TextInput); ok {
					parts = append(parts, in.Label)
				}
			}
		}
	}
	return strings.Join(parts, "\n")
}

func TestOnInteractionNil(t *testing.T) {
	b, logs := newTestBot(t, Config{})
	rec := &recorder{}
	b.onInteraction(context.Background(), rec, nil, time.Now())
	if len(rec.responses) != 0 || !strings.Contains(logs.String(), "ignored an interaction with no body") {
		t.Errorf("responses %v; logs:\n%s", rec.responses, logs)
	}
}

func TestQuestion(t *testing.T) {
	const me, guild, asked = "1", "2", "3"
	b, _ := newTestBot(t, Config{Channels: []string{asked, " "}})
	user := &discordgo.User{ID: "9"}
	mention := []*discordgo.User{{ID: me}}
	for _, tc := range []struct {
		name string
		m    *discordgo.Message
		via  Via // "" if no question
		want string
	}{
		{"direct message", &discordgo.Message{Author: user, Content: " Who? "}, ViaDM, "Who?"},
		{"mention", &discordgo.Message{GuildID: guild, Author: user, Mentions: mention, Content: "<@1> Who is Kim?"}, ViaMention, "Who is Kim?"},
		{"nickname mention", &discordgo.Message{GuildID: guild, Author: user, Mentions: mention, Content: "Who is <@!1> Kim <@&5> <#6> <:e:7> <t:8:R>?"}, ViaMention, "Who is   Kim        ?"},
		{"reply that mentions", &discordgo.Message{Type: discordgo.MessageTypeReply, GuildID: guild, Author: user, Mentions: mention, Content: "and?"}, ViaMention, "and?"},
		{"bare mention", &discordgo.Message{GuildID: guild, Author: user, Mentions: mention, Content: "<@1>"}, ViaMention, ""},
		{"question in an asked channel", &discordgo.Message{GuildID: guild, ChannelID: asked, Author: user, Content: "Who? "}, ViaChannel, "Who?"},
		{"statement in an asked channel", &discordgo.Message{GuildID: guild, ChannelID: asked, Author: user, Content: "Kim."}, "", ""},
		{"question elsewhere", &discordgo.Message{GuildID: guild, ChannelID: "4", Author: user, Content: "Who?"}, "", ""},
		{"mention of someone else", &discordgo.Message{GuildID: guild, Author: user, Mentions: []*discordgo.User{nil, {ID: "8"}}, Content: "<@8> Who?"}, "", ""},
		{"from a bot", &discordgo.Message{Author: &discordgo.User{ID: "9", Bot: true}, Content: "Who?"}, "", ""},
		{"from itself", &discordgo.Message{Author: &discordgo.User{ID: me}, Content: "Who?"}, "", ""},
		{"from a webhook", &discordgo.Message{Author: user, WebhookID: "5", Content: "Who?"}, "", ""},
		{"a system message", &discordgo.Message{Type: discordgo.MessageTypeGuildMemberJoin, Author: user, Content: "Who?"}, "", ""},
		{"no author", &discordgo.Message{Content: "Who?"}, "", ""},
		{"no message", nil, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			via, q, ok := b.question(tc.m, me)
			if ok != (tc.via != "") || via != tc.via || q != tc.want {
				t.Errorf("question = %q, %q, %v; want %q, %q", via, q, ok, tc.via, tc.want)
			}
		})
	}
}

func TestOnMessage(t *testing.T) {
	b, _ := newTestBot(t, Config{})
	rec := &recorder{}
	m := &discordgo.Message{ID: "10", ChannelID: "11", GuildID: "12", Author: &discordgo.User{ID: "9"},
		Mentions: []*discordgo.User{{ID: "1"}}, Content: "<@1> How much crypto has North Korea stolen?"}
	b.onMessage(context.Background(), rec, "1", m, time.Now())
	if len(rec.sent) != 1 {
		t.Fatalf("%d messages sent, want 1", len(rec.sent))
	}
	s := rec.sent[0]
	if s.Reference == nil || s.Reference.MessageID != "10" || s.Reference.ChannelID != "11" || s.Reference.GuildID != "12" {
		t.Errorf("reference = %+v, want the question", s.Reference)
	}
	if s.AllowedMentions == nil || s.AllowedMentions.Parse == nil || len(s.AllowedMentions.Parse) != 0 || s.AllowedMentions.RepliedUser {
		t.Errorf("allowed_mentions = %+v, want none", s.AllowedMentions)
	}
	if len(s.Embeds) != 1 || !strings.Contains(s.Embeds[0].Description, "$545 million") {
		t.Errorf("embeds = %+v, want the answer", s.Embeds)
	}
}

func TestGuard(t *testing.T) {
	b, logs := newTestBot(t, Config{})
	b.guard(b.log, "test", func() { panic("boom") })
	if !strings.Contains(logs.String(), `msg="panic in a handler" event=test panic=boom`) {
		t.Errorf("logs:\n%s", logs)
	}
}

// TestGuardAfterShutdown checks that once the handlers are drained, guard
// drops new events.
func TestGuardAfterShutdown(t *testing.T) {
	b, _ := newTestBot(t, Config{})
	if err := b.flight.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	ran := false
	b.guard(b.log, "test", func() { ran = true })
	if ran {
		t.Error("guard ran a handler after shutdown")
	}
}

func TestNew(t *testing.T) {
	base := fakefacts.ForTest(t, os.DirFS("testdata"))
	for _, tc := range []struct {
		name   string
		cfg    Config
		engine Answerer
		ok     bool
	}{
		{"token", Config{Token: "abc"}, base, true},
		{"token with prefix", Config{Token: "Bot abc"}, base, true},
		{"no token", Config{Token: " "}, base, false},
		{"prefix only", Config{Token: "Bot "}, base, false},
		{"no engine", Config{Token: "abc"}, nil, false},
		{"bad API URL", Config{Token: "abc", APIURL: "localhost:1"}, base, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := New(tc.cfg, tc.engine)
			if (err == nil) != tc.ok {
				t.Fatalf("New: err = %v, want ok %v", err, tc.ok)
			}
			if err == nil && b.session.Token != "Bot abc" {
				t.Errorf("session token = %q, want \"Bot abc\"", b.session.Token)
			}
		})
	}
}
