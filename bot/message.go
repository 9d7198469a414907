package bot

import (
	"context"
	"regexp"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/factbot/factbot/facts"
)

// noteHowTo answers a mention with no question in it.
const noteHowTo = "Mention me with a question, or use /ask, and I'll answer from the news articles I know, citing my sources."

// onMessage answers a message received at start that is a question: a
// direct message, a message that mentions the bot (me), or a message
// ending in "?" in one of Config.Channels. The answer replies to it.
func (b *Bot) onMessage(ctx context.Context, s session, me string, m *discordgo.Message, start time.Time) {
	via, question, ok := b.question(m, me)
	if !ok {
		return
	}
	reply := func(msg message) error {
		_, err := s.ChannelMessageSendComplex(m.ChannelID, msg.send(m), discordgo.WithContext(ctx))
		return err
	}
	if question == "" {
		if err := reply(message{content: noteHowTo}); err != nil {
			b.metrics.RESTError("reply")
			b.log.Error("cannot send a note", "err", redact(err))
		}
		return
	}
	if ok, wait, first := b.limiter.allow(m.Author.ID); !ok {
		// A channel reply cannot be ephemeral: the note is sent once per
		// cooldown, and later questions in it are ignored.
		var err error
		if first {
			err = reply(message{content: cooldownNote(wait)})
		}
		b.cooledDown(via, start, err)
		return
	}
	var turns []facts.Turn
	if t, fvia, ok := b.followed(ctx, s, m, me); ok {
		turns, via = t, fvia
	}
	res := b.askIn(question, turns)
	msg := b.answerMessage(res, m.ID, false)
	if res.err == nil {
		b.rememberTurn(m.ID, turns, res.answer)
		if b.threads.has(m.ChannelID) {
			b.threads.put(m.ChannelID, m.ID) // the thread's next question follows this answer
		} else if m.GuildID != "" {
			msg.components = withThread(msg.components, m.ID)
		}
	}
	err := reply(msg)
	b.finished(ctx, fromMessage(m, via, question), res, start, err)
}

// question reports whether m is a question to the bot (me), where it was
// asked, and the question, without mentions and other Discord markup.
func (b *Bot) question(m *discordgo.Message, me string) (via Via, question string, ok bool) {
	if m == nil || m.Author == nil || m.Author.Bot || m.WebhookID != "" || m.Author.ID == me ||
		(m.Type != discordgo.MessageTypeDefault && m.Type != discordgo.MessageTypeReply) {
		return "", "", false
	}
	content := strings.TrimSpace(m.Content)
	switch {
	case m.GuildID == "":
		via = ViaDM
	case me != "" && mentions(m, me):
		via = ViaMention
	case content != "" && (repliesTo(m, me) || b.threads.has(m.ChannelID) && strings.HasSuffix(content, "?")):
		// Seen with the message content intent only: a follow-up that
		// does not mention the bot, replying to it or asked in its thread.
		via = ViaReply
	case b.channels[m.ChannelID] && strings.HasSuffix(content, "?"):
		via = ViaChannel
	default:
		return "", "", false
	}
	return via, strings.TrimSpace(discordTokens.ReplaceAllString(content, " ")), true
}

// discordTokens matches what Discord writes for mentions of users, roles
// and channels, custom emoji and timestamps: no part of a question.
var discordTokens = regexp.MustCompile(`<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:-?\d+(?::\w)?)>`)

// repliesTo reports whether m replies to a message of the user id.
func repliesTo(m *discordgo.Message, id string) bool {
	r := m.ReferencedMessage
	return id != "" && r != nil && r.Author != nil && r.Author.ID == id
}

// mentions reports whether m mentions the user id.
func mentions(m *discordgo.Message, id string) bool {
	for _, u := range m.Mentions {
		if u != nil && u.ID == id {
			return true
		}
	}
	return false
}
