package bot

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/factbot/factbot/internal/store"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// keeper is a Recorder that keeps what it is given.
type keeper struct {
	mu        sync.Mutex
	questions []store.Question
	votes     []store.Vote
}

func (k *keeper) Question(q store.Question) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.questions = append(k.questions, q)
	return true
}

func (k *keeper) Vote(v store.Vote) bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.votes = append(k.votes, v)
	return true
}

// TestRecords replays a question, an abstention and a 👎 with its reason
// and note, and checks what the bot records of each.
func TestRecords(t *testing.T) {
	k := &keeper{}
	b, _ := newTestBot(t, Config{Cooldown: Cooldown{Questions: -1}, Recorder: k})
	const where = `"guild_id": "7", "channel_id": "8", "member": {"user": {"id": "9"}}, `
	for _, js := range []string{
		`"id": "11", ` + where + `"type": 2, "data": {"name": "ask", "type": 1, "options": [{"name": "question", "type": 3, "value": "How much crypto has North Korea stolen?"}]}`,
		`"id": "12", ` + where + `"type": 2, "data": {"name": "ask", "type": 1, "options": [{"name": "question", "type": 3, "value": "What is the capital of France?"}]}`,
		`"id": "13", ` + where + `"type": 3, "data": {"custom_id": "down:11", "component_type": 2}`,
		`"id": "14", ` + where + `"type": 3, "data": {"custom_id": "why:wrong_short_answer:11", "component_type": 2}`,
		`"id": "15", ` + where + `"type": 5, "data": {"custom_id": "note:wrong_short_answer:11", "components": [{"type": 1, "components": [{"type": 4, "custom_id": "note", "value": " $700 million "}]}]}`,
	} {
		var i discordgo.Interaction
		if err := json.Unmarshal([]byte(`{"application_id": "2", "token": "t", `+js+`}`), &i); err != nil {
			t.Fatal(err)
		}
		b.onInteraction(context.Background(), &recorder{}, &i, time.Now())
	}
	ignore := cmpopts.IgnoreFields(store.Question{}, "Confidence", "Facts", "Suggestions", "Latency")
	want := []store.Question{
		{ID: "11", Text: "How much crypto has North Korea stolen?", Via: "slash", GuildID: "7", ChannelID: "8", UserID: "9", Answered: true},
		{ID: "12", Text: "What is the capital of France?", Via: "slash", GuildID: "7", ChannelID: "8", UserID: "9"},
	}
	if diff := cmp.Diff(want, k.questions, ignore); diff != "" {
		t.Errorf("questions recorded (-want +got):\n%s", diff)
	}
	if len(k.questions) == 2 && (len(k.questions[0].Facts) == 0 || len(k.questions[1].Suggestions) == 0 || len(k.questions[1].Facts) != 0) {
		t.Errorf("answer cites %v; abstention cites %v and suggests %v", k.questions[0].Facts, k.questions[1].Facts, k.questions[1].Suggestions)
	}
	wantVotes := []store.Vote{
		{AnswerID: "11", UserID: "9"},
		{AnswerID: "11", UserID: "9", Reason: store.ReasonWrongShort},
		{AnswerID: "11", UserID: "9", Reason: store.ReasonWrongShort, Note: "$700 million"},
	}
	if diff := cmp.Diff(wantVotes, k.votes); diff != "" {
		t.Errorf("votes recorded (-want +got):\n%s", diff)
	}
}
