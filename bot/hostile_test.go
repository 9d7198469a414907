package bot_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/fakediscord"
	"github.com/factbot/factbot/internal/fakefacts"
)

// panicky answers like its Answerer, but panics on a question or typed
// text holding "PANIC".
type panicky struct{ bot.Answerer }

func (e panicky) Ask(q string) facts.Answer {
	if strings.Contains(q, "PANIC") {
		panic("the engine broke")
	}
	return e.Answerer.Ask(q)
}

func (e panicky) Suggest(typed string, n int) []string {
	if strings.Contains(typed, "PANIC") {
		panic("the engine broke")
	}
	return e.Answerer.Suggest(typed, n)
}

// TestHostile sends one bot what it should not get. It must answer or
// decline each, within Discord's limits and pinging no one, and keep
// answering afterwards.
func TestHostile(t *testing.T) {
	t.Parallel()
	h := start(t, func(s *setup) { s.engine = panicky{fakefacts.ForTest(t, os.DirFS("testdata"))} })
	hostile := fakefacts.ForTest(t, os.DirFS("testdata")).MustAnswer(t, "hostile").Question
	// The start of the hostile answer's short answer, escaped: no mention,
	// no markdown.
	const escaped = "**Answer: @\u200beveryone @\u200bhere \\<@\u200b&123\\> \\<@\u200b!1\\> \\*\\*bold\\*\\* \\_\\_under"
	everyone := "<@" + fakediscord.BotID + "> " + strings.Repeat("@everyone ", 1000)[:10000-len("<@"+fakediscord.BotID+"> ")]

	for _, tc := range []struct {
		name string
		send func(h *harness) (reply func() sent) // nil: the event is ignored
		want string                               // in the reply
	}{
		{"10000 characters of @everyone", func(h *harness) func() sent {
			id := h.message(msg{content: everyone, mentions: true})
			return func() sent { return h.reply(id) }
		}, "My sources don't answer that"},
		{"markdown and mentions in a question", func(h *harness) func() sent {
			id := h.mention("**@here** <@&123> ||spoiler|| [link](http://x.example) " + crypto)
			return func() sent { return h.reply(id) }
		}, ""},
		{"an answer full of mentions and markdown", func(h *harness) func() sent {
			id := h.mention(hostile)
			return func() sent { return h.reply(id) }
		}, escaped},
		{"an answer full of mentions and markdown, to /ask", func(h *harness) func() sent {
			_, token := h.ask(question(hostile))
			return func() sent { return decode[response](h.t, h.callback(token)).Data }
		}, escaped},
		{"a mention with no question", func(h *harness) func() sent {
			id := h.mention("   ")
			return func() sent { return h.reply(id) }
		}, "Mention me with a question"},
		{"an interaction with no data", interaction(2, nil), "I couldn't read that command"},
		{"an interaction with null data", interaction(2, json.RawMessage("null")), "I couldn't read that command"},
		{"an empty option", interaction(2, askData(question("   "))), "Please give me a question"},
		{"a missing option", interaction(2, askData()), "Please give me a question"},
		{"an option of the wrong type", interaction(2, askData(question(42), private(true))), "Please give me a question"},
		{"an unknown command", interaction(2, map[string]any{"id": "501", "name": "<@&1>everyone", "type": 1}), "I don't know the command /\\<@\u200b&1\\>everyone."},
		{"a component with no data", interaction(3, nil), "That button doesn't do anything"},
		{"an autocomplete with no data", interaction(4, nil), "Who is North Korea?"},
		{"a panic in the engine", func(h *harness) func() sent {
			_, token := h.ask(question("PANIC " + crypto))
			return func() sent { return decode[response](h.t, h.callback(token)).Data }
		}, "something went wrong"},
		{"a panic in the engine, by message", func(h *harness) func() sent {
			id := h.mention("PANIC")
			return func() sent { return h.reply(id) }
		}, "something went wrong"},
		{"a panic in autocomplete", func(h *harness) func() sent {
			options := []any{map[string]any{"name": "question", "type": 3, "value": "PANIC", "focused": true}}
			_, token := h.interaction(4, askData(options...), "")
			return func() sent { return decode[response](h.t, h.callback(token)).Data }
		}, "PANIC"},
		{"an interaction with a null body", func(h *harness) func() sent {
			h.dispatch("INTERACTION_CREATE", nil)
			return nil
		}, ""},
		{"a ping interaction", interaction(1, nil), ""},
		{"a modal submit of an unknown modal", interaction(5, map[string]any{"custom_id": "m"}), "doesn't do anything"},
		{"a message with no author", func(h *harness) func() sent {
			h.dispatch("MESSAGE_CREATE", map[string]any{"id": h.newID(), "channel_id": channelID, "content": crypto})
			return nil
		}, ""},
		{"a message from a bot", func(h *harness) func() sent {
			h.dispatch("MESSAGE_CREATE", map[string]any{
				"id": h.newID(), "channel_id": channelID, "guild_id": fakediscord.GuildID, "content": crypto,
				"author":   map[string]any{"id": h.newID(), "bot": true},
				"mentions": []any{map[string]any{"id": fakediscord.BotID}},
			})
			return nil
		}, ""},
		{"a message from the bot itself", func(h *harness) func() sent {
			h.message(msg{user: fakediscord.BotID, content: crypto, dm: true})
			return nil
		}, ""},
		{"an event with malformed data", func(h *harness) func() sent {
			h.dispatch("MESSAGE_CREATE", []int{1, 2, 3})
			return nil
		}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := h.sub(t)
			mark := h.mark()
			if reply := tc.send(h); reply != nil {
				m := reply()
				if len(m.Choices) == 0 { // choices are no message, and have no allowed_mentions
					checkNoMentions(t, m)
				}
				if text := m.Text(); !strings.Contains(text, tc.want) {
					t.Errorf("reply lacks %q:\n%s", tc.want, text)
				}
			}
			// The bot keeps serving: the next question is answered, and
			// nothing Discord would refuse was sent.
			checkAnswer(t, h.reply(h.mention(crypto)))
			for _, c := range h.fake.CallsSince(mark) {
				if c.Status >= 300 {
					t.Errorf("%s was answered %d: %s", c, c.Status, c.Body)
				}
				if strings.Contains(string(c.Body), "@everyone") || strings.Contains(string(c.Body), "@here") {
					t.Errorf("%s holds an unescaped mention: %s", c, c.Body)
				}
			}
		})
	}
	if !strings.Contains(h.logs.String(), `level=ERROR msg="panic in the engine" panic="the engine broke"`) {
		t.Errorf("logs do not report the panic:\n%s", h.logs)
	}
}

// interaction returns a test step that sends an interaction of type typ
// with data (none if nil), and, if the bot should
// respond, waits for its response.
func interaction(typ int, data any) func(h *harness) func() sent {
	return func(h *harness) func() sent {
		_, token := h.interaction(typ, data, "")
		if typ == 1 {
			return nil
		}
		return func() sent { return decode[response](h.t, h.callback(token)).Data }
	}
}

// askData returns the data of an /ask with options.
func askData(options ...any) map[string]any {
	return map[string]any{"id": "500", "name": "ask", "type": 1, "options": options}
}
