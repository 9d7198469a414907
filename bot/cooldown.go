package bot

import (
	"sync"
	"time"
)

// Cooldown limits how often one user may ask: at most Questions questions in
// any span of Per. The zero Cooldown is the default, 3 questions per 10
// seconds; a negative Questions turns the limit off.
type Cooldown struct {
	Questions int
	Per       time.Duration
}

// The default cooldown.
const (
	defaultCooldownQuestions = 3
	defaultCooldownPer       = 10 * time.Second
)

// limiter enforces a Cooldown per user with a sliding window: it keeps the
// times of each user's last Questions questions.
type limiter struct {
	n   int
	per time.Duration
	now func() time.Time

	mu    sync.Mutex
	users map[string]*window
	calls int // since the last sweep
}

// A window holds a user's recent question times, oldest first.
type window struct {
	times  []time.Time
	warned bool // told to wait since the last allowed question
}

// sweepEvery is how many calls pass between sweeps of idle users.
const sweepEvery = 1024

func newLimiter(c Cooldown, now func() time.Time) *limiter {
	if c.Questions == 0 {
		c.Questions = defaultCooldownQuestions
	}
	if c.Per <= 0 {
		c.Per = defaultCooldownPer
	}
	return &limiter{n: c.Questions, per: c.Per, now: now, users: map[string]*window{}}
}

// allow reports whether user may ask a question now, and records it if so.
// If not, wait is how long until they may, and first reports whether this
// is the first refusal since their last allowed question, so that a note
// to wait is sent once, not once per message.
func (l *limiter) allow(user string) (ok bool, wait time.Duration, first bool) {
	if l.n < 0 {
		return true, 0, false
	}
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.calls++; l.calls >= sweepEvery {
		l.sweep(now)
	}
	w := l.users[user]
	if w == nil {
		w = &window{}
		l.users[user] = w
	}
	for len(w.times) > 0 && now.Sub(w.times[0]) >= l.per {
		w.times = w.times[1:]
	}
	if len(w.times) >= l.n {
		first = !w.warned
		w.warned = true
		return false, w.times[0].Add(l.per).Sub(now), first
	}
	w.times = append(w.times, now)
	w.warned = false
	return true, 0, false
}

// sweep forgets the users with no question in the last window.
func (l *limiter) sweep(now time.Time) {
	l.calls = 0
	for u, w := range l.users {
		if len(w.times) == 0 || now.Sub(w.times[len(w.times)-1]) >= l.per {
			delete(l.users, u)
		}
	}
}
