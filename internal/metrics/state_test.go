package metrics

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/factbot/factbot/internal/live"
)

func TestRecorderState(t *testing.T) {
	loaded := time.Unix(1_800_000_000, 500_000_000)
	names := []string{
		`factbot_snapshot_info{snapshot="0123456789ab"}`,
		"factbot_last_reload_success_timestamp_seconds",
		"factbot_reload_failing",
		"factbot_watch_active",
		"factbot_watch_polling",
	}
	tests := []struct {
		name   string
		status live.Status
		watch  live.WatchState
		want   []string // the samples of names, in order; "" for none
	}{
		{"before the first load, not watched", live.Status{}, live.WatchState{},
			[]string{"", "0", "0", "0", "0"}},
		{"loaded, notified", live.Status{Snapshot: "0123456789ab", Loaded: loaded}, live.WatchState{Notified: true},
			[]string{"1", "1.8000000005e+09", "0", "1", "0"}},
		{"last rebuild failed, polling",
			live.Status{Snapshot: "0123456789ab", Loaded: loaded, Failed: loaded.Add(time.Hour), Err: errors.New("disk")},
			live.WatchState{Polling: time.Second, Reason: "cannot watch"},
			[]string{"1", "1.8000000005e+09", "1", "0", "1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(Options{
				Status: func() live.Status { return tt.status },
				Watch:  func() (live.WatchState, bool) { return tt.watch, true },
			})
			all := scrape(t, r)
			var got []string
			for _, n := range names {
				got = append(got, all[n])
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("samples %q (-want +got):\n%s", names, diff)
			}
		})
	}
}
