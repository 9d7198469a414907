package bot_test

import (
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/internal/fakediscord"
)

// BenchmarkReply measures the bot's own path, against the fake Discord,
// from a dispatched gateway event to the REST call that answers it: the
// event's write to the websocket, discordgo's reading and decoding, the
// bot's handler, the engine (the real one, on the seed articles), the
// rendering, and the REST request, up to its arrival at the fake. Besides ns/op, which includes the benchmark's
// own waiting, it reports the median and 99th percentile of that latency
// (p50-ns, p99-ns). The bot logs at info level, to io.Discard; -benchmem
// counts the fake's allocations too.
func BenchmarkReply(b *testing.B) {
	h := start(b, func(s *setup) {
		s.engine = seeds(b)
		s.cfg.Cooldown = bot.Cooldown{Questions: -1}
		s.cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	})
	for _, bc := range []struct {
		name string
		send func(h *harness) (match func(fakediscord.Call) bool)
	}{
		{"mention", func(h *harness) func(fakediscord.Call) bool {
			id := h.mention(crypto)
			return func(c fakediscord.Call) bool { return strings.Contains(string(c.Body), `"message_id":"`+id+`"`) }
		}},
		{"ask", func(h *harness) func(fakediscord.Call) bool {
			_, token := h.ask(question(crypto))
			return func(c fakediscord.Call) bool { return strings.Contains(c.Path, token) }
		}},
		{"autocomplete", func(h *harness) func(fakediscord.Call) bool {
			options := []any{map[string]any{"name": "question", "type": 3, "value": "north", "focused": true}}
			_, token := h.interaction(4, askData(options...), "")
			return func(c fakediscord.Call) bool { return strings.Contains(c.Path, token) }
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			h := h.sub(b)
			b.ReportAllocs()
			latencies := make([]time.Duration, 0, b.N)
			for b.Loop() {
				mark := h.mark()
				start := time.Now()
				match := bc.send(h)
				var reply fakediscord.Call
				h.wait("the reply", func() bool {
					for _, c := range h.fake.CallsSince(mark) {
						if match(c) {
							reply = c
							return true
						}
					}
					return false
				})
				if reply.Status >= 300 {
					b.Fatalf("%s answered %d: %s", reply, reply.Status, reply.Body)
				}
				latencies = append(latencies, reply.At.Sub(start))
			}
			slices.Sort(latencies)
			b.ReportMetric(float64(percentile(latencies, 0.50)), "p50-ns")
			b.ReportMetric(float64(percentile(latencies, 0.99)), "p99-ns")
		})
	}
}

// percentile returns the q-quantile of sorted durations.
func percentile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[int(q*float64(len(sorted)-1)+0.5)]
}
