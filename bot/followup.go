package bot

import (
	"context"
	"fmt"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/factbot/factbot/facts"
)

// Follow-ups. A reply to one of the bot's answers, or a question in a
// thread started from one with the "Follow up in a thread" button, is read
// with the conversation before it as context (facts.Base.AskInContext), so
// that "how much did they steal?" or "what about Japan?" is understood.
// The bot remembers, beside each answer, the turns it followed, and which
// answer each thread it started last answered; an answer it has forgotten
// leaves the question to be read alone. A reply names its answer through
// the referenced message's buttons, whose custom ids carry the answer's
// key; when Discord leaves the referenced message out of the event, the
// bot fetches it.

// The thread button and what the bot says about threads.
const (
	buttonThread      = "thread"
	labelThread       = "Follow up in a thread"
	noteThreadStarted = "I started a thread for follow-ups: %s. Ask me there (mention me, or reply to my answers) and I'll read your questions with the earlier ones in mind."
	noteNoThread      = "Sorry, I couldn't start a thread here. You can still reply to my answer with a follow-up."
	// threadArchive is how long, in minutes, a quiet thread stays open: a day.
	threadArchive = 1440
	maxThreadName = 100 // Discord's limit on a channel's name
	// maxTurns is how many turns a conversation keeps: the engine reads a
	// follow-up with the last few only.
	maxTurns = 8
)

// ContextAnswerer is an Answerer that also answers a question in the
// context of the turns before it. A *facts.Base is one; with an Answerer
// that is not, follow-ups are read alone.
type ContextAnswerer interface {
	AskInContext(question string, turns []facts.Turn) facts.Answer
}

// askIn asks the engine in the context of turns, turning a panic into an
// error.
func (b *Bot) askIn(question string, turns []facts.Turn) (res result) {
	ce, ok := b.engine.(ContextAnswerer)
	if !ok || len(turns) == 0 {
		return b.ask(question)
	}
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("panic in the engine", "panic", p, "stack", string(debug.Stack()))
			res = result{err: fmt.Errorf("bot: engine panic: %v", p)}
		}
	}()
	return result{answer: ce.AskInContext(question, turns)}
}

// conversation returns the turns that led to the answer remembered under
// key, that answer included; nil when it is forgotten.
func (b *Bot) conversation(key string) []facts.Turn {
	if ts, ok := b.turns.get(key); ok {
		return ts
	}
	if a, ok := b.answers.get(key); ok {
		return []facts.Turn{{Question: a.Question, Answer: &a}}
	}
	return nil
}

// rememberTurn records that the answer a, under key, followed turns.
func (b *Bot) rememberTurn(key string, turns []facts.Turn, a facts.Answer) {
	if len(turns) == 0 {
		return // conversation finds a single turn among the answers
	}
	ts := append(slices.Clone(turns), facts.Turn{Question: a.Question, Answer: &a})
	b.turns.put(key, ts[max(0, len(ts)-maxTurns):])
}

// messageFetcher is the part of a session that fetches a message.
type messageFetcher interface {
	ChannelMessage(channelID, messageID string, options ...discordgo.RequestOption) (*discordgo.Message, error)
}

// followed returns the turns message m follows, and where it was asked:
// a reply to one of the bot's answers (me), or a question in a thread the
// bot started. It fetches the message replied to when the event left it
// out; for an answer it has forgotten (or never knew, having restarted
// since), it fetches the question the answer replied to.
func (b *Bot) followed(ctx context.Context, s session, m *discordgo.Message, me string) ([]facts.Turn, Via, bool) {
	if to := b.repliedTo(ctx, s, m); to != nil && me != "" && to.Author != nil && to.Author.ID == me {
		if key := answerKey(to); key != "" {
			if turns := b.conversation(key); turns != nil {
				return turns, ViaReply, true
			}
		}
		if q := b.repliedTo(ctx, s, to); q != nil && q.Author != nil && !q.Author.Bot {
			if text := strings.TrimSpace(discordTokens.ReplaceAllString(q.Content, " ")); text != "" {
				return []facts.Turn{{Question: text}}, ViaReply, true // asked again by the engine
			}
		}
		return nil, ViaReply, true
	}
	if key, ok := b.threads.get(m.ChannelID); ok {
		return b.conversation(key), ViaThread, true
	}
	return nil, "", false
}

// repliedTo returns the message m replies to, fetching it when the event
// left it out, or nil.
func (b *Bot) repliedTo(ctx context.Context, s session, m *discordgo.Message) *discordgo.Message {
	ref := m.MessageReference
	if ref == nil || ref.MessageID == "" {
		return nil
	}
	if m.ReferencedMessage != nil {
		return m.ReferencedMessage
	}
	f, ok := s.(messageFetcher)
	if !ok {
		return nil
	}
	to, err := f.ChannelMessage(cmpOr(ref.ChannelID, m.ChannelID), ref.MessageID, discordgo.WithContext(ctx))
	if err != nil {
		b.log.Info("cannot fetch the message replied to", "err", redact(err))
		return nil
	}
	return to
}

// answerKey returns the key of the answer in message m, from the custom
// id of its Sources button, or "".
func answerKey(m *discordgo.Message) string {
	for _, c := range m.Components {
		var row []discordgo.MessageComponent
		switch r := c.(type) {
		case discordgo.ActionsRow:
			row = r.Components
		case *discordgo.ActionsRow:
			row = r.Components
		}
		for _, c := range row {
			var id string
			switch b := c.(type) {
			case discordgo.Button:
				id = b.CustomID
			case *discordgo.Button:
				id = b.CustomID
			}
			if kind, key, ok := strings.Cut(id, ":"); ok && kind == buttonSources {
				return key
			}
		}
	}
	return ""
}

// withThread adds the thread button to the buttons of a public answer in
// a server, remembered under key.
func withThread(cs []discordgo.MessageComponent, key string) []discordgo.MessageComponent {
	return withButton(cs, discordgo.Button{Label: labelThread, Style: discordgo.SecondaryButton, CustomID: buttonThread + ":" + key})
}

// threadStarter is the part of a session that starts a thread.
type threadStarter interface {
	MessageThreadStartComplex(channelID, messageID string, data *discordgo.ThreadStart, options ...discordgo.RequestOption) (*discordgo.Channel, error)
}

// threadButton starts a thread from the answer the button is under, where
// questions are read with that answer's conversation as context.
func (b *Bot) threadButton(req *request) reply {
	a, ok := b.answers.get(req.key)
	if !ok {
		return note(noteForgotten)
	}
	starter, ok := req.out.s.(threadStarter)
	if !ok || req.i.Message == nil || req.i.GuildID == "" {
		return note(noteNoThread)
	}
	name := truncate(oneLine(visible(a.Question)), maxThreadName)
	if strings.TrimSpace(name) == "" {
		name = labelThread
	}
	th, err := starter.MessageThreadStartComplex(req.i.ChannelID, req.i.Message.ID,
		&discordgo.ThreadStart{Name: name, AutoArchiveDuration: threadArchive}, discordgo.WithContext(req.ctx))
	if err != nil || th == nil || th.ID == "" {
		b.metrics.RESTError("thread")
		b.log.Error("cannot start a thread", "err", redact(err))
		return note(noteNoThread)
	}
	b.threads.put(th.ID, req.key)
	return note(fmt.Sprintf(noteThreadStarted, "<#"+th.ID+">"))
}

// resolvedLine says how a question that leans on another was read: "Reading it as
// “how much did North Korea steal?”".
func resolvedLine(a facts.Answer) string {
	return "Reading it as “" + truncate(oneLine(a.Resolved), maxShortAnswer) + "”"
}
