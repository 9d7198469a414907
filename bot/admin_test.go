package bot

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/factbot/factbot/internal/store"
)

// slowReports is a Reports that takes its time, or fails.
type slowReports struct {
	wait time.Duration
	err  error
}

func (s slowReports) Report(ctx context.Context, since time.Time) (store.Report, error) {
	time.Sleep(s.wait)
	return store.Report{Since: since, Asked: 3, Unanswered: []store.Unanswered{{Question: "Who?", Count: 3}}}, s.err
}

func (s slowReports) Forget(context.Context, string) (int64, error) { return 0, s.err }

func TestReportCommand(t *testing.T) {
	const report = `"type": 2, "data": {"name": "factbot", "type": 1, "options": [{"name": "report", "type": 1, "options": %s}]}`
	member := func(perms string) string {
		return `"guild_id": "7", "channel_id": "8", "member": {"user": {"id": "9"}, "permissions": "` + perms + `"}, `
	}
	tests := []struct {
		name     string
		reports  Reports
		json     string
		deferred bool
		contains string
		files    int
	}{
		{"in a DM", slowReports{}, `"channel_id": "8", "user": {"id": "9"}, ` + strings.Replace(report, "%s", "[]", 1), false, "works in a server only", 0},
		{"without Manage Server", slowReports{}, member("2048") + strings.Replace(report, "%s", "[]", 1), false, "Manage Server permission", 0},
		{"as an administrator without Manage Server", slowReports{}, member("8") + strings.Replace(report, "%s", "[]", 1), false, "Manage Server permission", 0},
		{"with Manage Server", slowReports{}, member("32") + strings.Replace(report, "%s", "[]", 1), false, "3** questions", 1},
		{"slow, deferred", slowReports{wait: 50 * time.Millisecond}, member("32") + strings.Replace(report, "%s", "[]", 1), true, "Who?", 1},
		{"a bad since", slowReports{}, member("32") + strings.Replace(report, "%s", `[{"name": "since", "type": 3, "value": "soon"}]`, 1), false, "couldn't read since:soon", 0},
		{"the store fails", slowReports{err: errors.New("disk")}, member("32") + strings.Replace(report, "%s", "[]", 1), false, "something went wrong", 0},
		{"no store", nil, member("32") + strings.Replace(report, "%s", "[]", 1), false, "recording is off", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, _ := newTestBot(t, Config{Reports: tt.reports, DeferAfter: 20 * time.Millisecond})
			var i discordgo.Interaction
			if err := json.Unmarshal([]byte(`{"id": "1", "application_id": "2", "token": "t", `+tt.json+`}`), &i); err != nil {
				t.Fatal(err)
			}
			rec := &recorder{}
			b.onInteraction(context.Background(), rec, &i, time.Now())
			if len(rec.responses) != 1 {
				t.Fatalf("%d responses, want 1", len(rec.responses))
			}
			r := rec.responses[0]
			if r.Data.Flags != discordgo.MessageFlagsEphemeral {
				t.Errorf("flags %d, want ephemeral", r.Data.Flags)
			}
			var got string
			var files int
			switch {
			case tt.deferred:
				if r.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || len(rec.edits) != 1 {
					t.Fatalf("response type %d and %d edits, want a deferral completed by one edit", r.Type, len(rec.edits))
				}
				e := rec.edits[0]
				got, files = dataText(&discordgo.InteractionResponseData{Content: *e.Content, Embeds: *e.Embeds}), len(e.Files)
			default:
				got, files = dataText(r.Data), len(r.Data.Files)
			}
			if !strings.Contains(got, tt.contains) || files != tt.files {
				t.Errorf("reply with %d files, want %d; text lacks %q?\n%s", files, tt.files, tt.contains, got)
			}
		})
	}
}

func TestParseSince(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{{"7d", 7 * 24 * time.Hour, true}, {" 12h ", 12 * time.Hour, true}, {"0d", 0, false}, {"-1h", 0, false}, {"soon", 0, false}}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseSince(tt.in)
			if got != tt.want || (err == nil) != tt.ok {
				t.Errorf("parseSince(%q) = %v, %v", tt.in, got, err)
			}
		})
	}
}
