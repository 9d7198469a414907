package bot_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/factbot/factbot/internal/fakediscord"
	"github.com/factbot/factbot/internal/store"
)

// TestAdminReport runs the admin's story against the fake Discord, with
// the real store (SQLite) behind a real Writer: questions asked, one of
// them abstained on, a 👎 with its reason and note through the modal;
// then /factbot report shows them to a member with Manage Server, and is
// refused to one without it, by Discord's permission model and by the
// bot; last, /forget-me erases the asker's records.
func TestAdminReport(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := openStore(t)
	w := store.NewWriter(db, store.WriterOptions{})
	t.Cleanup(func() { w.Close(ctx) })
	h := start(t, func(s *setup) { s.cfg.Recorder, s.cfg.Reports = w, db })

	const (
		asker, abstainer, voter = "700000000000000001", "700000000000000002", "700000000000000003"
		admin, member           = "700000000000000004", "700000000000000005"
		manageServer            = "32"
		france                  = "What is the capital of France?"
		note                    = "it was $700 million"
	)
	answerID, token := h.askAs(asker, question(crypto))
	h.callback(token)
	_, token = h.askAs(abstainer, question(france))
	h.callback(token)

	// 👎, a reason, and the modal's note.
	_, token = h.interaction(3, map[string]any{"custom_id": "down:" + answerID, "component_type": 2}, voter)
	r := decode[response](t, h.callback(token))
	why := "why:wrong_fact:" + answerID
	if ids := r.Data.CustomIDs(); !strings.Contains(strings.Join(ids, " "), why) {
		t.Fatalf("👎 offered %v, want the reason %s", ids, why)
	}
	_, token = h.interaction(3, map[string]any{"custom_id": why, "component_type": 2}, voter)
	modal := decode[struct {
		Type int               `json:"type"`
		Data fakediscord.Modal `json:"data"`
	}](t, h.callback(token))
	if modal.Type != 9 || len(modal.Data.Components) != 1 {
		t.Fatalf("the reason opened %+v, want a modal with one text input", modal)
	}
	input := modal.Data.Components[0].Components[0]
	_, token = h.interaction(5, map[string]any{"custom_id": modal.Data.CustomID, "components": []any{
		map[string]any{"type": 1, "components": []any{map[string]any{"type": 4, "custom_id": input.CustomID, "value": note}}},
	}}, voter)
	if r := decode[response](t, h.callback(token)); !strings.Contains(r.Data.Content, "Thanks, noted") {
		t.Errorf("the modal was answered %q", r.Data.Content)
	}
	h.wait("the store to hold the questions and the vote", func() bool {
		r, err := db.Report(ctx, time.Time{})
		return err == nil && r.Asked == 2 && len(r.Downvoted) == 1 && r.Downvoted[0].Note == note
	})

	t.Run("report by a member with Manage Server", func(t *testing.T) {
		if !h.fake.Permitted("factbot", 32, false) {
			t.Error("Discord would hide /factbot from a member with Manage Server")
		}
		if h.fake.Permitted("factbot", 32, true) {
			t.Error("Discord would offer /factbot in a DM")
		}
		_, token := h.memberInteraction(2, reportData(), admin, manageServer)
		c := h.callback(token)
		r := decode[response](t, c)
		checkNoMentions(t, r.Data)
		if r.Data.Flags != int(discordgo.MessageFlagsEphemeral) {
			t.Errorf("the report's flags %d, want ephemeral", r.Data.Flags)
		}
		text := r.Data.Text()
		for _, want := range []string{"2** questions, 1 answered, 1 abstained", "1× " + france, "Wrong fact", note, "000\\_57d83770277fbe9f"} {
			if !strings.Contains(text, want) {
				t.Errorf("the report's embed lacks %q:\n%s", want, text)
			}
		}
		if len(c.Files) != 1 || c.Files[0].Name != "factbot-report.csv" {
			t.Fatalf("files %v, want factbot-report.csv", c.Files)
		}
		rows, err := csv.NewReader(strings.NewReader(string(c.Files[0].Data))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		found := map[string]bool{}
		for _, row := range rows {
			found[row[0]+" "+row[1]] = true
		}
		for _, want := range []string{"unanswered " + france, "downvoted " + crypto, "summary asked"} {
			if !found[want] {
				t.Errorf("the CSV lacks a row %q:\n%s", want, c.Files[0].Data)
			}
		}
	})

	t.Run("report by a member without it", func(t *testing.T) {
		if h.fake.Permitted("factbot", 0, false) || h.fake.Permitted("factbot", 1<<11, false) {
			t.Error("Discord would show /factbot to a member without Manage Server")
		}
		// Were it shown anyway (a server's admins can change who sees a
		// command), the bot refuses too.
		_, token := h.memberInteraction(2, reportData(), member, "2048")
		r := decode[response](t, h.callback(token))
		if !strings.Contains(r.Data.Content, "Manage Server") || strings.Contains(r.Data.Text(), france) {
			t.Errorf("a member without Manage Server got %q", r.Data.Text())
		}
	})

	t.Run("forget-me", func(t *testing.T) {
		if !h.fake.Permitted("forget-me", 0, false) || !h.fake.Permitted("forget-me", 0, true) {
			t.Error("Discord would hide /forget-me from an ordinary member")
		}
		_, token := h.interaction(2, map[string]any{"id": "502", "name": "forget-me", "type": 1}, abstainer)
		r := decode[response](t, h.callback(token))
		yes := "forget:yes:" + abstainer
		if !strings.Contains(strings.Join(r.Data.CustomIDs(), " "), yes) {
			t.Fatalf("/forget-me offered %v, want %s", r.Data.CustomIDs(), yes)
		}
		// Someone else cannot press it.
		_, token = h.interaction(3, map[string]any{"custom_id": yes, "component_type": 2}, asker)
		if r := decode[response](t, h.callback(token)); !strings.Contains(r.Data.Content, "someone else") {
			t.Errorf("another user's press was answered %q", r.Data.Content)
		}
		_, token = h.interaction(3, map[string]any{"custom_id": yes, "component_type": 2}, abstainer)
		r = decode[response](t, h.callback(token))
		if r.Type != 7 || !strings.Contains(r.Data.Content, "erased 1 records") {
			t.Errorf("confirming got type %d %q, want the message updated: erased 1 records", r.Type, r.Data.Content)
		}
		rep, err := db.Report(ctx, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Asked != 1 || rep.Abstained != 0 {
			t.Errorf("after /forget-me the store holds %d questions, %d abstained; want the asker's one answer", rep.Asked, rep.Abstained)
		}
	})
}

// reportData is the data of /factbot report.
func reportData() map[string]any {
	return map[string]any{"id": "501", "name": "factbot", "type": 1, "options": []any{
		map[string]any{"name": "report", "type": 1, "options": []any{map[string]any{"name": "since", "type": 3, "value": "7d"}}},
	}}
}

// memberInteraction dispatches an interaction from a guild member with
// the given permissions, as Discord computes them for the channel.
func (h *harness) memberInteraction(typ int, data any, user, permissions string) (id, token string) {
	h.t.Helper()
	id, token = h.newID(), "token-"+h.newID()
	h.dispatch("INTERACTION_CREATE", map[string]any{
		"id": id, "application_id": fakediscord.AppID, "type": typ, "token": token, "version": 1,
		"guild_id": fakediscord.GuildID, "channel_id": channelID, "data": data,
		"member": map[string]any{"user": map[string]any{"id": user, "username": fmt.Sprint("user", user)}, "permissions": permissions},
	})
	return id, token
}
