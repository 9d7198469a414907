package bot

import (
	"fmt"
	"testing"
	"time"
)

func TestLimiter(t *testing.T) {
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	type step struct {
		at    time.Duration // after t0
		user  string
		ok    bool
		wait  time.Duration
		first bool
	}
	for _, tc := range []struct {
		name  string
		c     Cooldown
		steps []step
	}{
		{"default: 3 per 10s", Cooldown{}, []step{
			{0, "a", true, 0, false},
			{time.Second, "a", true, 0, false},
			{2 * time.Second, "a", true, 0, false},
			{3 * time.Second, "a", false, 7 * time.Second, true},
			{4 * time.Second, "a", false, 6 * time.Second, false},
			{4 * time.Second, "b", true, 0, false},
			{10 * time.Second, "a", true, 0, false}, // the first question left the window
			{10 * time.Second, "a", false, time.Second, true},
		}},
		{"1 per minute", Cooldown{Questions: 1, Per: time.Minute}, []step{
			{0, "a", true, 0, false},
			{59 * time.Second, "a", false, time.Second, true},
			{time.Minute, "a", true, 0, false},
		}},
		{"off", Cooldown{Questions: -1}, []step{
			{0, "a", true, 0, false},
			{0, "a", true, 0, false},
			{0, "a", true, 0, false},
			{0, "a", true, 0, false},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var now time.Time
			l := newLimiter(tc.c, func() time.Time { return now })
			for i, s := range tc.steps {
				now = t0.Add(s.at)
				ok, wait, first := l.allow(s.user)
				if ok != s.ok || wait != s.wait || first != s.first {
					t.Errorf("step %d (%v, %s): allow = %v, %v, %v; want %v, %v, %v", i, s.at, s.user, ok, wait, first, s.ok, s.wait, s.first)
				}
			}
		})
	}
}

func TestLimiterForgetsIdleUsers(t *testing.T) {
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	l := newLimiter(Cooldown{}, func() time.Time { return now })
	for i := range 2 * sweepEvery {
		l.allow(fmt.Sprint(i))
	}
	now = now.Add(time.Hour)
	for range sweepEvery {
		l.allow("active")
	}
	if n := len(l.users); n != 1 {
		t.Errorf("%d users remembered, want 1", n)
	}
}
