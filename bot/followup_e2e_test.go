package bot_test

import (
	"strings"
	"testing"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/fakediscord"
	"github.com/google/go-cmp/cmp"
)

// The conversation of the follow-up tests, on the seed articles: the
// follow-ups lean on the question before them ("they"; "and about …").
const (
	firstQuestion  = "Which think tank reported the thefts?"
	secondQuestion = "what did they say about sanctions?"
	thirdQuestion  = "and about luxury goods?"
)

// withSeeds runs the bot on the real engine over the seed articles.
func withSeeds(t *testing.T) func(*setup) {
	return func(s *setup) { s.engine = seeds(t) }
}

// followupReply dispatches a reply to the bot's answer message (with the
// message replied to in the event, or, when bare, with its reference
// only) that mentions the bot, and returns its id.
func (h *harness) followupReply(answer map[string]any, text string, bare bool) string {
	h.t.Helper()
	id, user := h.newID(), h.newID()
	d := map[string]any{
		"id": id, "channel_id": answer["channel_id"], "guild_id": fakediscord.GuildID, "type": 19,
		"content":           "<@" + fakediscord.BotID + "> " + text,
		"author":            map[string]any{"id": user, "username": "user" + user},
		"mentions":          []any{map[string]any{"id": fakediscord.BotID, "username": "factbot", "bot": true}},
		"message_reference": map[string]any{"message_id": answer["id"], "channel_id": answer["channel_id"], "guild_id": fakediscord.GuildID},
	}
	if !bare {
		d["referenced_message"] = answer
	}
	h.dispatch("MESSAGE_CREATE", d)
	return id
}

// posted waits for the bot's answer to message id and returns the message
// as the fake keeps it.
func (h *harness) posted(id string) (sent, map[string]any) {
	h.t.Helper()
	m := h.reply(id)
	p, ok := h.fake.Posted(id)
	if !ok {
		h.t.Fatalf("the fake kept no answer to %s", id)
	}
	return m, p
}

// wantFollowup fails the test unless m answers question as the engine
// answers it after turns, and says how it read it.
func wantFollowup(t *testing.T, m sent, question string, turns []facts.Turn) {
	t.Helper()
	want := seeds(t).AskInContext(question, turns)
	if want.Resolved == "" || len(want.Citations) == 0 {
		t.Fatalf("the engine does not read %q as an answered follow-up: %+v", question, want)
	}
	text := m.Text()
	if line := "Reading it as “" + want.Resolved + "”"; !strings.Contains(text, line) {
		t.Errorf("answer to %q lacks %q:\n%s", question, line, text)
	}
	if !strings.Contains(text, want.Citations[0].Quote[:60]) {
		t.Errorf("answer to %q does not quote the engine's first citation %q:\n%s", question, want.Citations[0].Quote, text)
	}
	checkNoMentions(t, m)
}

// TestFollowupReply: a reply to one of the bot's answers is answered with
// that answer's question as context, and a reply to that answer with both
// before it; when Discord leaves the message replied to out of the event,
// the bot fetches it.
func TestFollowupReply(t *testing.T) {
	h := start(t, withSeeds(t))
	counted := h.counted("question reply answered", 2)
	first := h.mention(firstQuestion)
	_, answer1 := h.posted(first)

	mark := h.mark()
	second := h.followupReply(answer1, secondQuestion, false)
	m2, answer2 := h.posted(second)
	turns := []facts.Turn{{Question: firstQuestion}}
	wantFollowup(t, m2, secondQuestion, turns)
	if diff := cmp.Diff([]string{"POST /api/v9/channels/" + channelID + "/messages"}, h.routes(mark)); diff != "" {
		t.Errorf("REST calls (-want +got):\n%s", diff)
	}

	mark = h.mark()
	third := h.followupReply(answer2, thirdQuestion, true)
	m3, _ := h.posted(third)
	wantFollowup(t, m3, thirdQuestion, append(turns, facts.Turn{Question: secondQuestion}))
	wantRoutes := []string{
		"GET /api/v9/channels/" + channelID + "/messages/" + answer2["id"].(string),
		"POST /api/v9/channels/" + channelID + "/messages",
	}
	if diff := cmp.Diff(wantRoutes, h.routes(mark)); diff != "" {
		t.Errorf("REST calls (-want +got):\n%s", diff)
	}
	counted() // the log line comes before the count
	if logs := h.logs.String(); strings.Count(logs, "msg=question via=reply outcome=answered") != 2 {
		t.Errorf("logs do not show two replies answered:\n%s", logs)
	}

	// A question that stands on its own, replying to an answer, is
	// answered as it would be alone.
	alone := "How much crypto has North Korea stolen?"
	m4, _ := h.posted(h.followupReply(answer1, alone, false))
	if want := seeds(t).Ask(alone); !strings.Contains(m4.Text(), want.Text) || strings.Contains(m4.Text(), "Reading it as") {
		t.Errorf("a stand-alone question in reply: %s, want %q unread", m4.Text(), want.Text)
	}
}

// TestFollowupThread: the thread button under an answer starts a thread
// from the answer message, named after its question; questions in it are
// answered with the thread's earlier turns as context (mentions and /ask
// alike), and their answers carry no thread button. A second thread from the same answer is refused
// politely.
func TestFollowupThread(t *testing.T) {
	h := start(t, withSeeds(t))
	counted := h.counted("question thread answered", 2)
	first := h.mention(firstQuestion)
	m1, answer1 := h.posted(first)
	if ids := m1.CustomIDs(); !strings.Contains(strings.Join(ids, " "), "thread:"+first) {
		t.Fatalf("answer buttons %v lack thread:%s", ids, first)
	}
	answerID := answer1["id"].(string)

	press := func() response {
		t.Helper()
		_, token := h.interaction(3, map[string]any{"custom_id": "thread:" + first, "component_type": 2}, "", map[string]any{
			"message": answer1,
		})
		r := decode[response](t, h.callback(token))
		checkNoMentions(t, r.Data)
		return r
	}
	mark := h.mark()
	r := press()
	if r.Data.Flags != 64 || !strings.Contains(r.Data.Content, "<#"+answerID+">") {
		t.Errorf("thread button: %+v, want an ephemeral note naming the thread <#%s>", r.Data, answerID)
	}
	var start struct {
		Name                string `json:"name"`
		AutoArchiveDuration int    `json:"auto_archive_duration"`
	}
	call := h.waitCall(func(c fakediscord.Call) bool { return strings.HasSuffix(c.Path, "/threads") })
	if err := call.Decode(&start); err != nil || start.Name != firstQuestion || call.Path != "/api/v9/channels/"+channelID+"/messages/"+answerID+"/threads" {
		t.Errorf("thread started by %s %s, want from the answer message, named after the question", call, call.Body)
	}
	if routes := h.routes(mark); len(routes) != 2 {
		t.Errorf("REST calls %v, want the thread and the note", routes)
	}

	thread := answerID // a thread started from a message has its id
	asked := h.message(msg{content: "<@" + fakediscord.BotID + "> " + secondQuestion, channel: thread, mentions: true})
	m2 := h.reply(asked)
	turns := []facts.Turn{{Question: firstQuestion}}
	wantFollowup(t, m2, secondQuestion, turns)
	if ids := strings.Join(m2.CustomIDs(), " "); strings.Contains(ids, "thread:") {
		t.Errorf("an answer in a thread has a thread button: %s", ids)
	}
	asked = h.message(msg{content: "<@" + fakediscord.BotID + "> " + thirdQuestion, channel: thread, mentions: true})
	wantFollowup(t, h.reply(asked), thirdQuestion, append(turns, facts.Turn{Question: secondQuestion}))
	counted()
	if logs := h.logs.String(); strings.Count(logs, "via=thread outcome=answered") != 2 {
		t.Errorf("logs do not show two questions answered in the thread:\n%s", logs)
	}

	// /ask in the thread follows it too.
	fourth := "what about jewelry?"
	_, token := h.interaction(2, map[string]any{"id": "500", "name": "ask", "type": 1, "options": []any{question(fourth)}}, "",
		map[string]any{"channel_id": thread})
	all := append(turns, facts.Turn{Question: secondQuestion}, facts.Turn{Question: thirdQuestion})
	wantFollowup(t, decode[response](t, h.callback(token)).Data, fourth, all)

	if r := press(); !strings.Contains(r.Data.Content, "couldn't start a thread") || r.Data.Flags != 64 {
		t.Errorf("second thread from one answer: %+v, want a polite ephemeral note", r.Data)
	}
	if got := h.metrics.get("rest error thread"); got != 1 {
		t.Errorf("rest error thread counted %d times, want 1", got)
	}
}

// TestFollowupForgotten: a reply to an answer the bot does not remember (it
// restarted since) is read after the question that answer replied to,
// which the bot fetches.
func TestFollowupForgotten(t *testing.T) {
	h := start(t, withSeeds(t))
	questionID, answerID, user := h.newID(), h.newID(), h.newID()
	h.fake.AddMessage(map[string]any{
		"id": questionID, "channel_id": channelID, "guild_id": fakediscord.GuildID, "type": 0,
		"content": "<@" + fakediscord.BotID + "> " + firstQuestion,
		"author":  map[string]any{"id": user, "username": "user" + user},
	})
	answer := map[string]any{
		"id": answerID, "channel_id": channelID, "type": 19, "content": "",
		"author":            map[string]any{"id": fakediscord.BotID, "username": "factbot", "bot": true},
		"message_reference": map[string]any{"message_id": questionID, "channel_id": channelID},
		"components": []any{map[string]any{"type": 1, "components": []any{
			map[string]any{"type": 2, "style": 2, "label": "Sources", "custom_id": "src:" + questionID},
		}}},
	}
	mark := h.mark()
	m, _ := h.posted(h.followupReply(answer, secondQuestion, false))
	wantFollowup(t, m, secondQuestion, []facts.Turn{{Question: firstQuestion}})
	wantRoutes := []string{
		"GET /api/v9/channels/" + channelID + "/messages/" + questionID,
		"POST /api/v9/channels/" + channelID + "/messages",
	}
	if diff := cmp.Diff(wantRoutes, h.routes(mark)); diff != "" {
		t.Errorf("REST calls (-want +got):\n%s", diff)
	}
}
