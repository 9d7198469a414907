package bot_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// askMessage dispatches the message command "Ask factbot" on a message
// with content, and returns its id and token.
func (h *harness) askMessage(content string) (id, token string) {
	target := h.newID()
	return h.interaction(2, map[string]any{"id": "501", "name": "Ask factbot", "type": 3, "target_id": target,
		"resolved": map[string]any{"messages": map[string]any{target: map[string]any{
			"id": target, "channel_id": channelID, "content": content, "author": map[string]any{"id": "700000000000000009", "username": "poster"},
		}}}}, "")
}

// TestAskMessage runs "Ask factbot" on a message: the answer is the one
// /ask gives, to the member alone, with "Post to channel", which posts it
// for everyone; a message without text, or too long, is declined.
func TestAskMessage(t *testing.T) {
	t.Parallel()
	h := start(t)
	if !h.fake.Permitted("Ask factbot", 0, false) {
		t.Error("Discord would hide Ask factbot from a member without permissions")
	}
	counted := h.counted("question app answered", 1)
	id, token := h.askMessage("  " + crypto + "\n")
	r := decode[response](t, h.callback(token))
	checkNoMentions(t, r.Data)
	if r.Type != 4 || r.Data.Flags != 64 {
		t.Errorf("response type %d flags %d, want an ephemeral message", r.Type, r.Data.Flags)
	}
	checkAnswer(t, r.Data)
	if diff := cmp.Diff([]string{"src:" + id, "verify:" + id, "up:" + id, "down:" + id, "post:" + id}, r.Data.CustomIDs()); diff != "" {
		t.Errorf("buttons (-want +got):\n%s", diff)
	}
	counted()
	if logs := h.logs.String(); !strings.Contains(logs, "msg=question via=app outcome=answered") {
		t.Errorf("logs do not report the question as asked via app:\n%s", logs)
	}

	_, token = h.interaction(3, map[string]any{"custom_id": "post:" + id, "component_type": 2}, "")
	r = decode[response](t, h.callback(token))
	checkNoMentions(t, r.Data)
	if r.Type != 4 || r.Data.Flags != 0 {
		t.Errorf("Post to channel: response type %d flags %d, want a message for everyone", r.Type, r.Data.Flags)
	}
	checkAnswer(t, r.Data)
	if !strings.HasPrefix(r.Data.Content, "Asked by user") {
		t.Errorf("posted content %q, want who asked", r.Data.Content)
	}
	if diff := cmp.Diff([]string{"src:" + id, "verify:" + id, "up:" + id, "down:" + id}, r.Data.CustomIDs()); diff != "" {
		t.Errorf("posted buttons (-want +got):\n%s", diff)
	}

	for content, want := range map[string]string{
		"":                          "no text I can read",
		strings.Repeat("why ", 200): "too long",
	} {
		_, token := h.askMessage(content)
		r := decode[response](t, h.callback(token))
		if r.Data.Flags != 64 || !strings.Contains(r.Data.Content, want) {
			t.Errorf("message %.20q: %q flags %d, want an ephemeral %q", content, r.Data.Content, r.Data.Flags, want)
		}
	}
	_, token = h.interaction(3, map[string]any{"custom_id": "post:999", "component_type": 2}, "")
	if r := decode[response](t, h.callback(token)); !strings.Contains(r.Data.Content, "no longer have that answer") {
		t.Errorf("post of a forgotten answer: %q", r.Data.Content)
	}
}
