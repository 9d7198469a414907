package bot

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
	"github.com/factbot/factbot/facts"
	"github.com/google/go-cmp/cmp"
)

// TestResolvedLine: an answer read in context opens with how it was read,
// in italics, its markup escaped; one read alone has no such line.
func TestResolvedLine(t *testing.T) {
	a := facts.Answer{
		Question: "what did *they* say?", Text: "RUSI", Confidence: 0.9,
		Resolved:  "what did **RUSI** @everyone say?",
		Citations: []facts.Citation{{N: 1, Source: "a", Title: "T", Paragraph: 1, Quote: "RUSI said so."}},
	}
	desc := answerEmbed(a).Description
	want := "*Reading it as “what did \\*\\*RUSI\\*\\* @\u200beveryone say?”*" // markup escaped, no ping
	if first, _, _ := strings.Cut(desc, "\n"); first != want {
		t.Errorf("first line %q, want %q", first, want)
	}
	a.Resolved = ""
	if strings.Contains(answerEmbed(a).Description, "Read as") {
		t.Errorf("an answer read alone says how it was read:\n%s", answerEmbed(a).Description)
	}
}

// TestAnswerKey reads the key of an answer from its buttons as the bot
// sent them and as Discord sends them back in a message.
func TestAnswerKey(t *testing.T) {
	sentButtons := withThread(answerButtons("123"), "123")
	if got := answerKey(&discordgo.Message{Components: sentButtons}); got != "123" {
		t.Errorf("answerKey of the buttons sent = %q, want 123", got)
	}
	// Discord sends back the components of the message the bot sent.
	data, err := json.Marshal(&discordgo.MessageSend{Components: sentButtons})
	if err != nil {
		t.Fatal(err)
	}
	var back discordgo.Message
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if got := answerKey(&back); got != "123" {
		t.Errorf("answerKey of the buttons as received = %q, want 123", got)
	}
	var ids []string
	for _, c := range sentButtons[0].(discordgo.ActionsRow).Components {
		ids = append(ids, c.(discordgo.Button).CustomID)
	}
	if diff := cmp.Diff([]string{"src:123", "verify:123", "up:123", "down:123", "thread:123"}, ids); diff != "" {
		t.Errorf("buttons (-want +got):\n%s", diff)
	}
	for _, m := range []*discordgo.Message{{}, {Components: []discordgo.MessageComponent{discordgo.ActionsRow{}}}} {
		if got := answerKey(m); got != "" {
			t.Errorf("answerKey of a message with no answer = %q", got)
		}
	}
}

// TestRememberTurn: the turns kept for an answer are the turns before it
// and the answer, the last maxTurns of them; an answer with none before it
// is found among the answers.
func TestRememberTurn(t *testing.T) {
	b := &Bot{answers: newMemory[facts.Answer](4), turns: newMemory[[]facts.Turn](4)}
	b.answers.put("a", facts.Answer{Question: "q0"})
	if got := b.conversation("a"); len(got) != 1 || got[0].Question != "q0" || got[0].Answer == nil {
		t.Errorf("conversation of a lone answer = %+v", got)
	}
	turns := b.conversation("a")
	for i := 1; i <= maxTurns+2; i++ {
		key := string(rune('a' + i))
		b.rememberTurn(key, turns, facts.Answer{Question: "q" + string(rune('0'+i))})
		turns = b.conversation(key)
	}
	if len(turns) != maxTurns || turns[len(turns)-1].Question != "q"+string(rune('0'+maxTurns+2)) {
		t.Errorf("after %d turns: %d kept, the last %q", maxTurns+3, len(turns), turns[len(turns)-1].Question)
	}
	if got := b.conversation("forgotten"); got != nil {
		t.Errorf("conversation of a forgotten answer = %+v", got)
	}
}
