package bot_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/factbot/factbot/internal/fakediscord"
	"github.com/google/go-cmp/cmp"
)

// TestReconnect breaks the gateway connection mid-session in each way
// Discord may, with a question sent while the bot is away: the bot must
// come back, resume or start a new session, answer the question once, and
// keep answering.
func TestReconnect(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name       string
		breakIt    func(*fakediscord.Server) error
		identifies int // in all, after the break
		resumes    int
		reconnects int // counted by the bot
		log        string
	}{
		{"op 7 reconnect", (*fakediscord.Server).Reconnect, 1, 1, 1, "resumed the Discord gateway session"},
		{"dropped connection", (*fakediscord.Server).Drop, 1, 1, 1, "resumed the Discord gateway session"},
		{"op 9 invalid session", (*fakediscord.Server).InvalidateSession, 2, 0, 0, "connected to Discord"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h := start(t)
			if err := tc.breakIt(h.fake); err != nil {
				t.Fatal(err)
			}
			if tc.identifies > 1 { // a new session: nothing to send in until it exists
				h.wait("a new session", func() bool { return h.fake.Stats().Identifies == tc.identifies })
			}
			id := h.mention(crypto)
			checkAnswer(t, h.reply(id))
			h.wait("the bot to be ready", h.bot.Ready)
			if tc.resumes > 0 { // RESUMED is handled in a goroutine of its own, maybe after the replayed question
				h.wait("RESUMED handled", func() bool { return h.metrics.get("gateway resumed") >= 1 })
			}
			if st := h.fake.Stats(); st.Identifies != tc.identifies || st.Resumes != tc.resumes {
				t.Errorf("identifies %d, resumes %d; want %d, %d", st.Identifies, st.Resumes, tc.identifies, tc.resumes)
			}
			if got := h.metrics.get("gateway reconnect"); got != tc.reconnects {
				t.Errorf("reconnects counted %d, want %d", got, tc.reconnects)
			}
			if tc.resumes > 0 && h.metrics.get("gateway resumed") != 1 {
				t.Errorf("metrics: %v, want one resume", h.metrics)
			}
			if !strings.Contains(h.logs.String(), tc.log) {
				t.Errorf("logs lack %q:\n%s", tc.log, h.logs)
			}
			// Still serving, and the question sent during the break was
			// answered once.
			checkAnswer(t, h.reply(h.mention(crypto)))
			replies := 0
			for _, c := range h.fake.Calls() {
				if strings.Contains(string(c.Body), `"message_id":"`+id+`"`) {
					replies++
				}
			}
			if replies != 1 {
				t.Errorf("the question sent during the break was answered %d times", replies)
			}
		})
	}
}

// TestRESTFailures fails the bot's REST calls: a 429 on the first reply,
// which discordgo must wait out and send again, and a 500, which the bot
// must count and log; it must keep serving.
func TestRESTFailures(t *testing.T) {
	t.Parallel()
	h := start(t)
	t.Run("429", func(t *testing.T) { testRateLimited(t, h.sub(t)) })
	t.Run("500", func(t *testing.T) { testRESTError(t, h.sub(t)) })
}

func testRateLimited(t *testing.T, h *harness) {
	for _, tc := range []struct {
		name  string
		path  string
		reply func(h *harness) (route string, wait func() sent)
	}{
		{"/ask", "/callback", func(h *harness) (string, func() sent) {
			id, token := h.ask(question(crypto))
			return "POST /api/v9/interactions/" + id + "/" + token + "/callback",
				func() sent { return decode[response](h.t, h.callback(token)).Data }
		}},
		{"mention", "/messages", func(h *harness) (string, func() sent) {
			id := h.mention(crypto)
			return "POST /api/v9/channels/" + channelID + "/messages", func() sent { return h.reply(id) }
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := h.sub(t)
			h.fake.RateLimit("POST", tc.path, 50*time.Millisecond)
			mark := h.mark()
			route, wait := tc.reply(h)
			checkAnswer(t, wait())
			calls := h.fake.CallsSince(mark)
			var got []string
			for _, c := range calls {
				got = append(got, c.String()+" "+http.StatusText(c.Status))
			}
			want := []string{route + " Too Many Requests", route + " " + http.StatusText(calls[len(calls)-1].Status)}
			if diff := cmp.Diff(want, got); diff != "" || calls[1].Status >= 300 {
				t.Fatalf("REST calls (-want +got):\n%s", diff)
			}
			if gap := calls[1].At.Sub(calls[0].At); gap < 50*time.Millisecond {
				t.Errorf("retried after %v, before retry_after", gap)
			}
			checkAnswer(t, h.reply(h.mention(crypto)))
		})
	}
	logs := h.logs.String()
	if !strings.Contains(logs, `msg="rate limited by Discord; retrying" route=/api/v9/interactions/`) {
		t.Errorf("logs do not report the rate limit:\n%s", logs)
	}
	if strings.Contains(logs, "token-") {
		t.Errorf("logs hold an interaction token:\n%s", logs)
	}
}

func testRESTError(t *testing.T, h *harness) {
	counted := h.counted("rest error reply", 1)
	h.fake.Inject(fakediscord.Fault{Method: "POST", Path: "/messages", Status: 500, Body: `{"message": "500: Internal Server Error", "code": 0}`})
	h.mention(crypto)
	counted()
	h.wait("the error to be counted", func() bool { return h.metrics.get("question mention error") == 1 })
	if !strings.Contains(h.logs.String(), "level=ERROR msg=question via=mention outcome=error") {
		t.Errorf("logs do not report the failed reply:\n%s", h.logs)
	}
	checkAnswer(t, h.reply(h.mention(crypto)))
}
