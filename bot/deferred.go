package bot

import (
	"runtime/debug"
	"time"
)

// deferring is the middleware for a handler that may be slow. Discord
// takes an interaction's response within 3 seconds: if h has not replied
// after Config.DeferAfter, deferring tells Discord that the answer comes
// later (privately when ephemeral says so) and waits for it up to the
// follow-up window; the router then sends the reply as the edit that
// completes the deferred response. When the window ends, or the bot stops
// for good, first, late gives the reply instead. h runs in a goroutine of
// its own, and a panic in it becomes the "something went wrong" note.
func (b *Bot) deferring(ephemeral func(*request) bool, late func(req *request, err error) reply, h handler) handler {
	return func(req *request) reply {
		c := make(chan reply, 1)
		go func() { c <- b.safely(req, h) }()
		t := time.NewTimer(b.deferAfter - time.Since(req.start))
		defer t.Stop()
		select {
		case rep := <-c:
			return rep
		case <-t.C:
		}
		if err := req.out.deferReply(ephemeral(req)); err != nil {
			rep := late(req, err)
			rep.unsent = err
			return rep
		}
		window := time.NewTimer(time.Until(req.start.Add(followupWindow)))
		defer window.Stop()
		var rep reply
		select {
		case rep = <-c:
		case <-window.C:
			rep = late(req, errTooSlow)
		case <-req.ctx.Done():
			rep = late(req, req.ctx.Err())
		}
		rep.deferred = true
		return rep
	}
}

// safely runs h, turning a panic into the "something went wrong" note.
func (b *Bot) safely(req *request, h handler) (rep reply) {
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("panic in a handler", "event", "interaction", "panic", p, "stack", string(debug.Stack()))
			rep = note(noteFailed)
		}
	}()
	return h(req)
}
