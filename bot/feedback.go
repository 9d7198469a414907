package bot

import (
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/factbot/factbot/internal/store"
)

// Feedback on an answer: 👍 is thanked for; 👎 is thanked for with one
// button for each reason (store.Reasons); a reason opens a modal with one
// optional line to say more. Each step records the vote again with what
// it knows, so that a voter who stops half way still leaves the vote and
// the reason.
//
// Custom ids: "up:KEY" and "down:KEY" (render.go), "why:REASON:KEY" on the
// reason buttons, "note:REASON:KEY" on the modal, whose text input is
// "note". KEY is the id the answer is recorded under.
const (
	buttonWhy   = "why"
	modalNote   = "note"
	inputNote   = "note"
	modalTitle  = "What was wrong?"
	noteNoted   = "Thanks, noted. The people who run this bot will see it."
	noteWhyDown = noteUnhelpful + " If you like, tell us what was wrong:"
)

// voteButton returns the handler of 👍 (helpful) or 👎 on the answer
// recorded under the request's key.
func (b *Bot) voteButton(helpful bool) handler {
	return func(req *request) reply { return b.vote(req, helpful, req.key) }
}

func (b *Bot) vote(req *request, helpful bool, key string) reply {
	b.metrics.Feedback(helpful)
	attrs := []any{"helpful", helpful, "answer_id", key}
	if a, ok := b.answers.get(key); ok {
		attrs = append(attrs, "question", logged(a.Question), "answer", logged(a.Text), "confidence", a.Confidence, "abstained", a.Abstained())
	}
	b.log.InfoContext(req.ctx, "feedback", attrs...)
	b.recorder.Vote(store.Vote{AnswerID: key, UserID: req.user(), Helpful: helpful})
	if helpful {
		return note(noteHelpful)
	}
	return reply{msg: message{content: noteWhyDown, components: reasonButtons(key), ephemeral: true}}
}

// reasonButtons returns a button for each reason an answer can be voted
// down for.
func reasonButtons(key string) []discordgo.MessageComponent {
	var row []discordgo.MessageComponent
	for _, reason := range store.Reasons {
		id := buttonWhy + ":" + string(reason) + ":" + key
		if len(id) > maxCustomID {
			return nil
		}
		row = append(row, discordgo.Button{Label: reason.Label(), Style: discordgo.SecondaryButton, CustomID: id})
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
}

// reasonButton records the reason picked for a 👎 and opens the modal
// that asks for more.
func (b *Bot) reasonButton(req *request) reply {
	reason, key, ok := parseReason(req.key)
	if !ok {
		b.log.Info("declined an interaction", "reason", "unknown reason")
		return note(noteUnknownButton)
	}
	b.recorder.Vote(store.Vote{AnswerID: key, UserID: req.user(), Reason: reason})
	return reply{modal: &modal{customID: modalNote + ":" + string(reason) + ":" + key, title: modalTitle, components: []discordgo.MessageComponent{
		discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.TextInput{
			CustomID:    inputNote,
			Label:       truncate(reason.Label()+": anything to add?", 45),
			Style:       discordgo.TextInputShort,
			Placeholder: "Optional: what should the answer have been?",
			Required:    false,
			MaxLength:   store.MaxNote,
		}}},
	}}}
}

// noteModal records the note sent with a 👎's reason.
func (b *Bot) noteModal(req *request) reply {
	data, _ := req.i.Data.(discordgo.ModalSubmitInteractionData)
	reason, key, ok := parseReason(req.key)
	if !ok {
		b.log.Info("declined an interaction", "reason", "unknown modal")
		return note(noteUnknownButton)
	}
	text := strings.TrimSpace(textInput(data.Components, inputNote))
	b.recorder.Vote(store.Vote{AnswerID: key, UserID: req.user(), Reason: reason, Note: text})
	b.log.Info("feedback reason", "answer_id", key, "reason", reason, "note", text != "")
	return note(noteNoted)
}

// parseReason reads "REASON:KEY".
func parseReason(s string) (store.Reason, string, bool) {
	reason, key, ok := strings.Cut(s, ":")
	r := store.Reason(reason)
	return r, key, ok && key != "" && r != store.ReasonNone && r.Valid()
}

// textInput returns the value of the text input id among a modal's
// components.
func textInput(cs []discordgo.MessageComponent, id string) string {
	for _, c := range cs {
		switch c := c.(type) {
		case *discordgo.ActionsRow:
			if v := textInput(c.Components, id); v != "" {
				return v
			}
		case *discordgo.TextInput:
			if c.CustomID == id {
				return c.Value
			}
		}
	}
	return ""
}
