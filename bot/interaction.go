package bot

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
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

// onInteraction handles one interaction received at start: an /ask, an
// autocomplete request or a button press. It switches on the interaction's
// type before it reads the data, which may be missing or of another type,
// and answers anything it cannot take with a clear ephemeral note.
func (b *Bot) onInteraction(ctx context.Context, s session, i *discordgo.Interaction, start time.Time) {
	if i == nil {
		b.log.Warn("ignored an interaction with no body")
		return
	}
	r := &interactionReply{ctx: ctx, s: s, i: i}
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("panic in a handler", "event", "interaction", "panic", p, "stack", string(debug.Stack()))
			if !r.responded {
				_ = r.note(noteFailed)
			}
		}
	}()
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
		switch {
		case !ok || data.Name == "":
			b.decline(r, "no command data", noteUnreadable)
		case data.Name == commandAsk:
			b.onAsk(r, data, start)
		default:
			b.decline(r, "unknown command", fmt.Sprintf(noteUnknownCommand, plain(truncate(data.Name, 32))))
		}
	case discordgo.InteractionApplicationCommandAutocomplete:
		data, _ := i.Data.(discordgo.ApplicationCommandInteractionData)
		b.onAutocomplete(r, data, start)
	case discordgo.InteractionMessageComponent:
		data, ok := i.Data.(discordgo.MessageComponentInteractionData)
		if !ok {
			b.decline(r, "no component data", noteUnknownButton)
			return
		}
		b.onButton(r, data)
	case discordgo.InteractionModalSubmit:
		data, ok := i.Data.(discordgo.ModalSubmitInteractionData)
		if !ok {
			b.decline(r, "no modal data", noteUnknownButton)
			return
		}
		if err := b.onModal(r, data); err != nil {
			b.metrics.RESTError("reply")
			b.log.Error("cannot answer a modal", "err", redact(err))
		}
	default:
		b.log.Debug("ignored an interaction", "type", i.Type)
	}
}

// decline answers an interaction the bot cannot take with an ephemeral note.
func (b *Bot) decline(r *interactionReply, reason, note string) {
	b.log.Info("declined an interaction", "reason", reason)
	if err := r.note(note); err != nil {
		b.metrics.RESTError("reply")
		b.log.Error("cannot send a note", "err", redact(err))
	}
}

// onAsk answers /ask. An answer that comes within DeferAfter is the
// response; a later one completes a deferred response.
func (b *Bot) onAsk(r *interactionReply, data discordgo.ApplicationCommandInteractionData, start time.Time) {
	question, private := askOptions(data)
	if question == "" {
		b.decline(r, "empty question", noteEmptyQuestion)
		return
	}
	if ok, wait, _ := b.limiter.allow(interactionUser(r.i)); !ok {
		b.cooledDown(ViaSlash, start, r.note(cooldownNote(wait)))
		return
	}
	answer := b.askAsync(question)
	timer := time.NewTimer(b.deferAfter - time.Since(start))
	defer timer.Stop()
	var res result
	var err error
	select {
	case res = <-answer:
		m := b.answerMessage(res, r.i.ID, private)
		if res.err != nil {
			m.ephemeral = true
		}
		err = r.say(m)
	case <-timer.C:
		if err = r.deferReply(private); err == nil {
			res = await(r.ctx, answer, start)
			err = r.complete(b.answerMessage(res, r.i.ID, private))
		}
	}
	b.finished(r.ctx, fromInteraction(r.i, question), res, start, err)
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

// onAutocomplete suggests questions for what has been typed so far.
func (b *Bot) onAutocomplete(r *interactionReply, data discordgo.ApplicationCommandInteractionData, start time.Time) {
	if err := r.suggest(b.choices(typedText(data))); err != nil {
		b.metrics.RESTError("autocomplete")
		b.log.Error("cannot send suggestions", "err", redact(err))
	}
	b.metrics.Autocomplete(time.Since(start))
}

// choices returns up to 25 autocomplete choices for typed, each of 1 to 100
// characters: the engine's suggestions or, when it has none, what has been
// typed, so that there is always something to pick.
func (b *Bot) choices(typed string) []*discordgo.ApplicationCommandOptionChoice {
	var out []*discordgo.ApplicationCommandOptionChoice
	seen := map[string]bool{}
	add := func(s string) {
		s = truncate(oneLine(s), maxChoiceLen)
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

// onButton handles the buttons under an answer: "Sources" shows every
// citation to the presser; 👍 and 👎 are recorded and thanked for
// (feedback.go), and so are the reasons given for a 👎.
func (b *Bot) onButton(r *interactionReply, data discordgo.MessageComponentInteractionData) {
	kind, key, _ := strings.Cut(data.CustomID, ":")
	var err error
	switch kind {
	case buttonSources:
		a, ok := b.answers.get(key)
		if !ok {
			err = r.note(noteForgotten)
			break
		}
		err = r.say(message{embeds: []*discordgo.MessageEmbed{sourcesEmbed(a)}, ephemeral: true})
	case buttonUp, buttonDown:
		err = b.onVote(r, kind == buttonUp, key)
	case buttonWhy:
		err = b.onReason(r, key)
	default:
		b.log.Info("declined an interaction", "reason", "unknown button")
		err = r.note(noteUnknownButton)
	}
	if err != nil {
		b.metrics.RESTError("reply")
		b.log.Error("cannot answer a button", "err", redact(err))
	}
}
