package bot

import (
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/factbot/factbot/internal/store"
)

// Recorder keeps the questions the bot answers and the votes on its
// answers, for the admin's report, without making the bot wait: each call
// returns at once, and reports whether the record was taken. A
// *store.Writer is one. A nil Recorder in Config keeps nothing.
type Recorder interface {
	Question(q store.Question) bool
	Vote(v store.Vote) bool
}

// nopRecorder keeps nothing.
type nopRecorder struct{}

func (nopRecorder) Question(store.Question) bool { return false }
func (nopRecorder) Vote(store.Vote) bool         { return false }

// fromInteraction returns a question record of where an interaction came
// from: its id names the answer, as the buttons under it do.
func fromInteraction(i *discordgo.Interaction, text string) store.Question {
	return store.Question{ID: i.ID, Text: text, Via: string(ViaSlash), GuildID: i.GuildID, ChannelID: i.ChannelID, UserID: interactionUser(i)}
}

// fromMessage returns a question record of where a message came from.
func fromMessage(m *discordgo.Message, via Via, text string) store.Question {
	q := store.Question{ID: m.ID, Text: text, Via: string(via), GuildID: m.GuildID, ChannelID: m.ChannelID}
	if m.Author != nil {
		q.UserID = m.Author.ID
	}
	return q
}

// record keeps a question the engine answered or abstained on; errors and
// refusals are counted in metrics only.
func (b *Bot) record(q store.Question, res result, latency time.Duration) {
	if res.err != nil {
		return
	}
	q.SetAnswer(res.answer)
	q.Latency = latency
	b.recorder.Question(q)
}
