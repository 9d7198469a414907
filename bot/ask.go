package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"runtime/debug"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/store"
)

// What the bot says in its own words, besides answers.
const (
	noteFailed    = "Sorry, something went wrong while I was answering. Please try again later."
	noteTooSlow   = "Sorry, I took too long to answer. Please try again later."
	noteCooldown  = "You're asking faster than I can answer well. Please wait %d seconds, then ask again."
	noteForgotten = "I no longer have the sources of that answer. Ask the question again to see them."
)

// followupWindow is how long a deferred answer may take: an interaction's
// token lasts 15 minutes, and the answer must be sent before it ends.
const followupWindow = 14 * time.Minute

// errTooSlow is the error of an answer that took longer than followupWindow.
var errTooSlow = errors.New("bot: the answer took too long")

// A result is the engine's answer to a question, or why there is none.
type result struct {
	answer facts.Answer
	err    error
}

// ask asks the engine, turning a panic into an error.
func (b *Bot) ask(question string) (res result) {
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("panic in the engine", "panic", p, "stack", string(debug.Stack()))
			res = result{err: fmt.Errorf("bot: engine panic: %v", p)}
		}
	}()
	return result{answer: b.engine.Ask(question)}
}

// answerMessage renders a result as a message, remembering the answer
// under key for the buttons under it.
func (b *Bot) answerMessage(res result, key string, ephemeral bool) message {
	switch {
	case errors.Is(res.err, errTooSlow):
		return message{content: noteTooSlow, ephemeral: ephemeral}
	case res.err != nil:
		return message{content: noteFailed, ephemeral: ephemeral}
	}
	b.answers.put(key, res.answer)
	return message{
		embeds:     []*discordgo.MessageEmbed{answerEmbed(res.answer)},
		components: answerButtons(key),
		ephemeral:  ephemeral,
	}
}

// cooldownNote tells a user how long to wait.
func cooldownNote(wait time.Duration) string {
	return fmt.Sprintf(noteCooldown, max(1, int(math.Ceil(wait.Seconds()))))
}

// finished counts, logs and records a question: its outcome follows from
// the engine's result and the error of the reply, if any.
func (b *Bot) finished(ctx context.Context, q store.Question, res result, start time.Time, err error) {
	latency := time.Since(start)
	via, question := Via(q.Via), q.Text
	outcome := OutcomeAnswered
	switch {
	case err != nil || res.err != nil:
		outcome = OutcomeError
	case res.answer.Abstained():
		outcome = OutcomeAbstained
	}
	// The log line comes before the count, so that whoever sees the count
	// (a test, a scrape) finds the line written.
	defer b.record(q, res, latency)
	defer b.metrics.Question(via, outcome, latency)
	attrs := []any{"via", via, "outcome", outcome, "latency", latency,
		"confidence", math.Round(res.answer.Confidence*1000) / 1000, "abstained", res.answer.Abstained()}
	if b.log.Enabled(ctx, slog.LevelDebug) {
		attrs = append(attrs, "question", logged(question))
	}
	if err == nil {
		err = res.err
	}
	if err != nil {
		b.log.ErrorContext(ctx, "question", append(attrs, "err", redact(err))...)
		if res.err == nil {
			b.metrics.RESTError("reply")
		}
		return
	}
	b.log.InfoContext(ctx, "question", attrs...)
}

// cooledDown counts and logs a question refused for the cooldown.
func (b *Bot) cooledDown(via Via, start time.Time, err error) {
	b.metrics.Question(via, OutcomeCooldown, time.Since(start))
	if err != nil {
		b.metrics.RESTError("reply")
		b.log.Error("question", "via", via, "outcome", OutcomeCooldown, "err", redact(err))
		return
	}
	b.log.Info("question", "via", via, "outcome", OutcomeCooldown)
}
