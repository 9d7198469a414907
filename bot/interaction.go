package bot

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/factbot/factbot/facts"
)

// What the bot says to interactions it cannot take.
const (
	noteUnreadable     = "I couldn't read that command. Please try /ask again."
	noteUnknownCommand = "I don't know the command /%s. Try /ask."
	noteEmptyQuestion  = "Please give me a question to answer: /ask question:<your question>"
	noteUnknownButton  = "That button doesn't do anything any more."
	noteHelpful        = "Thanks for the feedback! Glad it helped."
	noteUnhelpful      = "Thanks for the feedback! I'll note that it didn't help."
)

func unknownCommand(name string) string {
	return fmt.Sprintf(noteUnknownCommand, plain(truncate(name, 32)))
}

// routes returns the bot's router: each command, button and modal, and
// the handler that answers it.
func (b *Bot) routes() *router {
	rt := &router{}
	askPrivate := func(req *request) bool {
		data, _ := req.i.Data.(discordgo.ApplicationCommandInteractionData)
		_, private := askOptions(data)
		return private
	}
	rt.command(commandAsk, b.deferring(askPrivate, b.askLate, b.askCommand))
	rt.complete(commandAsk, b.autocomplete)
	rt.component(buttonSources, b.sourcesButton)
	rt.component(buttonVerify, b.verifyButton)
	rt.command(commandAskMessage, b.deferring(func(*request) bool { return true }, b.askMessageLate, b.askMessageCommand))
	rt.component(buttonPost, b.postButton)
	rt.component(buttonThread, b.threadButton)
	rt.command(commandCheck, b.deferring(func(*request) bool { return true }, b.askMessageLate, b.checkCommand))
	rt.component(buttonPostCheck, b.postCheckButton)
	rt.component(buttonUp, b.voteButton(true))
	rt.component(buttonDown, b.voteButton(false))
	rt.component(buttonWhy, b.reasonButton)
	rt.modalSubmit(modalNote, b.noteModal)
	b.adminRoutes(rt)
	return rt
}

// onInteraction handles one interaction received at start: it routes it
// (switching on its type before it reads its data, which may be missing
// or of another type), runs its handler and sends the reply. What it
// cannot route it answers with a clear ephemeral note, or ignores.
func (b *Bot) onInteraction(ctx context.Context, s session, i *discordgo.Interaction, start time.Time) {
	if i == nil {
		b.log.Warn("ignored an interaction with no body")
		return
	}
	out := &interactionReply{ctx: ctx, s: s, i: i}
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("panic in a handler", "event", "interaction", "panic", p, "stack", string(debug.Stack()))
			if !out.responded {
				_ = out.note(noteFailed)
			}
		}
	}()
	h, key, why, say := b.router.route(i)
	if h == nil {
		if say == "" {
			b.log.Debug("ignored an interaction", "type", i.Type)
			return
		}
		b.log.Info("declined an interaction", "reason", why)
		h = func(*request) reply { return note(say) }
	}
	rep := h(&request{ctx: ctx, i: i, start: start, key: key, out: out})
	err := rep.send(out)
	if rep.sent != nil {
		rep.sent(err)
		return
	}
	if err != nil {
		b.metrics.RESTError("reply")
		b.log.Error("cannot answer an interaction", "type", i.Type, "err", redact(err))
	}
}

// askCommand answers /ask. The router defers it when the answer is slow.
func (b *Bot) askCommand(req *request) reply {
	data, _ := req.i.Data.(discordgo.ApplicationCommandInteractionData)
	question, private := askOptions(data)
	if question == "" {
		b.log.Info("declined an interaction", "reason", "empty question")
		return note(noteEmptyQuestion)
	}
	if ok, wait, _ := b.limiter.allow(req.user()); !ok {
		rep := note(cooldownNote(wait))
		rep.sent = func(err error) { b.cooledDown(ViaSlash, req.start, err) }
		return rep
	}
	// In a thread the bot started, /ask follows the thread's last answer.
	var turns []facts.Turn
	key, inThread := b.threads.get(req.i.ChannelID)
	if inThread {
		turns = b.conversation(key)
	}
	res := b.askIn(question, turns)
	if res.err == nil {
		b.rememberTurn(req.i.ID, turns, res.answer)
		if inThread && !private {
			b.threads.put(req.i.ChannelID, req.i.ID)
		}
	}
	return b.askReply(req, question, private, res)
}

// askLate is the reply to an /ask whose answer did not come in time, or
// could not be deferred.
func (b *Bot) askLate(req *request, err error) reply {
	data, _ := req.i.Data.(discordgo.ApplicationCommandInteractionData)
	question, private := askOptions(data)
	return b.askReply(req, question, private, result{err: err})
}

// askReply renders the engine's result; sending it finishes the question.
func (b *Bot) askReply(req *request, question string, private bool, res result) reply {
	m := b.answerMessage(res, req.i.ID, private)
	if res.err != nil {
		m.ephemeral = true // the note of a failure is for the asker alone (an edit keeps the deferral's)
	} else if private {
		m.components = withPost(m.components, req.i.ID) // a private answer can be shared
	} else if _, inThread := b.threads.get(req.i.ChannelID); req.i.GuildID != "" && !inThread {
		m.components = withThread(m.components, req.i.ID)
	}
	return reply{msg: m, sent: func(err error) { b.finished(req.ctx, fromInteraction(req.i, question), res, req.start, err) }}
}

// interactionUser returns the id of the user behind an interaction.
func interactionUser(i *discordgo.Interaction) string {
	switch {
	case i.Member != nil && i.Member.User != nil:
		return i.Member.User.ID
	case i.User != nil:
		return i.User.ID
	}
	return ""
}

// autocomplete suggests questions for what has been typed so far.
func (b *Bot) autocomplete(req *request) reply {
	data, _ := req.i.Data.(discordgo.ApplicationCommandInteractionData)
	return reply{choices: b.choices(typedText(data)), sent: func(err error) {
		if err != nil {
			b.metrics.RESTError("autocomplete")
			b.log.Error("cannot send suggestions", "err", redact(err))
		}
		b.metrics.Autocomplete(time.Since(req.start))
	}}
}

// choices returns up to 25 autocomplete choices for typed, each of 1 to 100
// characters: the engine's suggestions or, when it has none, what has been
// typed, so that there is always something to pick.
func (b *Bot) choices(typed string) []*discordgo.ApplicationCommandOptionChoice {
	out := []*discordgo.ApplicationCommandOptionChoice{}
	seen := map[string]bool{}
	add := func(s string) {
		s = truncate(oneLine(visible(s)), maxChoiceLen)
		if s != "" && !seen[s] && len(out) < maxChoices {
			seen[s] = true
			out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: s, Value: s})
		}
	}
	for _, s := range b.suggestions(typed) {
		add(s)
	}
	if len(out) == 0 {
		add(typed)
	}
	return out
}

// suggestions asks the engine for suggestions, turning a panic into none.
func (b *Bot) suggestions(typed string) (s []string) {
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("panic in the engine's suggestions", "panic", p, "stack", string(debug.Stack()))
			s = nil
		}
	}()
	return b.engine.Suggest(typed, maxChoices)
}

// sourcesButton shows every citation of an answer to the presser.
func (b *Bot) sourcesButton(req *request) reply {
	a, ok := b.answers.get(req.key)
	if !ok {
		return note(noteForgotten)
	}
	return reply{msg: message{embeds: []*discordgo.MessageEmbed{sourcesEmbed(a)}, ephemeral: true}}
}
