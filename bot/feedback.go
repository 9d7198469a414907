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

// onVote records 👍 or 👎 on the answer remembered under key.
func (b *Bot) onVote(r *interactionReply, helpful bool, key string) error {
	b.metrics.Feedback(helpful)
	attrs := []any{"helpful", helpful, "answer_id", key}
	if a, ok := b.answers.get(key); ok {
		attrs = append(attrs, "question", a.Question, "answer", a.Text, "confidence", a.Confidence, "abstained", a.Abstained())
	}
	b.log.Info("feedback", attrs...)
	b.recorder.Vote(store.Vote{AnswerID: key, UserID: interactionUser(r.i), Helpful: helpful})
	if helpful {
		return r.note(noteHelpful)
	}
	return r.say(message{content: noteWhyDown, components: reasonButtons(key), ephemeral: true})
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

// onReason records the reason picked for a 👎 and opens the modal that
// asks for more.
func (b *Bot) onReason(r *interactionReply, rest string) error {
	reason, key, ok := parseReason(rest)
	if !ok {
		return r.note(noteUnknownButton)
	}
	b.recorder.Vote(store.Vote{AnswerID: key, UserID: interactionUser(r.i), Reason: reason})
	return r.modal(modalNote+":"+string(reason)+":"+key, modalTitle, []discordgo.MessageComponent{
		discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.TextInput{
			CustomID:    inputNote,
			Label:       truncate(reason.Label()+": anything to add?", 45),
			Style:       discordgo.TextInputShort,
			Placeholder: "Optional: what should the answer have been?",
			Required:    false,
			MaxLength:   store.MaxNote,
		}}},
	})
}

// onModal records the note sent with a 👎's reason.
func (b *Bot) onModal(r *interactionReply, data discordgo.ModalSubmitInteractionData) error {
	kind, rest, _ := strings.Cut(data.CustomID, ":")
	reason, key, ok := parseReason(rest)
	if kind != modalNote || !ok {
		b.log.Info("declined an interaction", "reason", "unknown modal")
		return r.note(noteUnknownButton)
	}
	note := strings.TrimSpace(textInput(data.Components, inputNote))
	b.recorder.Vote(store.Vote{AnswerID: key, UserID: interactionUser(r.i), Reason: reason, Note: note})
	b.log.Info("feedback reason", "answer_id", key, "reason", reason, "note", note != "")
	return r.note(noteNoted)
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
