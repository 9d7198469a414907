package bot

import (
	"errors"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// "Ask factbot" is a message command: a member right-clicks a message,
// picks Apps → Ask factbot, and the bot answers the message's text as a
// question, the way /ask answers its question option, to the member alone.
// Under the answer, besides the usual buttons, "Post to channel" posts it
// for everyone (as under a private /ask): a reply to the button's interaction, so that the bot needs
// no permission to send messages in the channel.
//
// Custom id: "post:KEY", KEY the id the answer is remembered under.
const (
	commandAskMessage = "Ask factbot"
	buttonPost        = "post"
	labelPost         = "Post to channel"
)

// What the message command says in its own words.
const (
	noteNoText      = "That message has no text I can read as a question."
	noteTooLong     = "That message is too long to read as one question (%d characters at most)."
	noteSharedBy    = "Asked by %s."
	noteAlreadyPost = "I no longer have that answer to post. Ask again to post it."
)

// appCommands returns the message commands: "Ask factbot" and "Check
// against sources" (check.go). A message
// command has a name, shown in the Apps menu, and no description or
// options.
func appCommands() []*discordgo.ApplicationCommand {
	return []*discordgo.ApplicationCommand{
		{Type: discordgo.MessageApplicationCommand, Name: commandAskMessage},
		{Type: discordgo.MessageApplicationCommand, Name: commandCheck},
	}
}

// targetText returns the text of the message a message command targets.
func targetText(data discordgo.ApplicationCommandInteractionData) string {
	if data.Resolved == nil {
		return ""
	}
	m := data.Resolved.Messages[data.TargetID]
	if m == nil {
		return ""
	}
	return strings.TrimSpace(m.Content)
}

// askMessageCommand answers "Ask factbot" privately, with a button to post
// the answer. The router defers it when the answer is slow.
func (b *Bot) askMessageCommand(req *request) reply {
	data, _ := req.i.Data.(discordgo.ApplicationCommandInteractionData)
	question := targetText(data)
	switch {
	case question == "":
		return note(noteNoText)
	case length(question) > maxQuestion:
		return note(fmt.Sprintf(noteTooLong, maxQuestion))
	}
	if ok, wait, _ := b.limiter.allow(req.user()); !ok {
		rep := note(cooldownNote(wait))
		rep.sent = func(err error) { b.cooledDown(ViaApp, req.start, err) }
		return rep
	}
	res := b.ask(question)
	m := b.answerMessage(res, req.i.ID, true)
	if res.err == nil {
		m.components = withPost(m.components, req.i.ID)
	}
	q := fromInteraction(req.i, question)
	q.Via = string(ViaApp)
	return reply{msg: m, sent: func(err error) { b.finished(req.ctx, q, res, req.start, err) }}
}

// askMessageLate is the reply to an "Ask factbot" whose answer did not
// come in time.
func (b *Bot) askMessageLate(req *request, err error) reply {
	if errors.Is(err, errTooSlow) {
		return note(noteTooSlow)
	}
	return note(noteFailed)
}

// withPost adds "Post to channel" to the first row of an answer's buttons.
func withPost(cs []discordgo.MessageComponent, key string) []discordgo.MessageComponent {
	return withButton(cs, discordgo.Button{Label: labelPost, Style: discordgo.PrimaryButton, CustomID: buttonPost + ":" + key})
}

// withButton adds button to the first row of cs, or to a new row when cs
// has none; it leaves cs as it is when the custom id is too long or the
// row is full.
func withButton(cs []discordgo.MessageComponent, button discordgo.Button) []discordgo.MessageComponent {
	if len(button.CustomID) > maxCustomID {
		return cs
	}
	if len(cs) == 0 {
		return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{button}}}
	}
	row, ok := cs[0].(discordgo.ActionsRow)
	if !ok || len(row.Components) >= 5 {
		return cs
	}
	row.Components = append(append([]discordgo.MessageComponent(nil), row.Components...), button)
	return append([]discordgo.MessageComponent{row}, cs[1:]...)
}

// postButton posts a private answer to the channel, for everyone, with
// the answer's usual buttons and who asked.
func (b *Bot) postButton(req *request) reply {
	a, ok := b.answers.get(req.key)
	if !ok {
		return note(noteAlreadyPost)
	}
	return reply{msg: message{
		content:    fmt.Sprintf(noteSharedBy, plain(truncate(userName(req.i), maxTitle))),
		embeds:     []*discordgo.MessageEmbed{answerEmbed(a)},
		components: answerButtons(req.key),
	}}
}

// userName returns the name of the user behind an interaction, as others
// see it in the server.
func userName(i *discordgo.Interaction) string {
	switch {
	case i.Member != nil && i.Member.Nick != "":
		return i.Member.Nick
	case i.Member != nil && i.Member.User != nil:
		return cmpOr(i.Member.User.GlobalName, i.Member.User.Username)
	case i.User != nil:
		return cmpOr(i.User.GlobalName, i.User.Username)
	}
	return "someone"
}
