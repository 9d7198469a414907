package fakediscord

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestGatewayBot: GET /gateway/bot recommends Options.Shards, with
// max_concurrency in session_start_limit; zeros mean one of each.
func TestGatewayBot(t *testing.T) {
	for _, tc := range []struct {
		opts                Options
		shards, concurrency int
	}{
		{Options{}, 1, 1},
		{Options{Shards: 4, MaxConcurrency: 2}, 4, 2},
	} {
		s := New(tc.opts)
		resp, err := http.Get(s.URL + "/api/v10/gateway/bot")
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			URL    string `json:"url"`
			Shards int    `json:"shards"`
			Limit  struct {
				MaxConcurrency int `json:"max_concurrency"`
				Remaining      int `json:"remaining"`
			} `json:"session_start_limit"`
		}
		err = json.NewDecoder(resp.Body).Decode(&got)
		resp.Body.Close()
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got.Shards != tc.shards || got.Limit.MaxConcurrency != tc.concurrency || got.Limit.Remaining == 0 || got.URL == "" {
			t.Errorf("with %+v: GET /gateway/bot = %+v, want %d shards, max_concurrency %d", tc.opts, got, tc.shards, tc.concurrency)
		}
	}
}

// TestShardOf: a guild's shard is (guild_id >> 22) % Shards; a direct
// message (no guild) goes to shard 0.
func TestShardOf(t *testing.T) {
	s := &Server{opts: Options{Shards: 4}}
	got := map[string]int{}
	for _, g := range []string{"", "x", "4194304", "12582912", "16777216", "4194303"} {
		got[g] = s.ShardOf(g)
	}
	want := map[string]int{"": 0, "x": 0, "4194304": 1, "12582912": 3, "16777216": 0, "4194303": 0}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ShardOf (-want +got):\n%s", diff)
	}
}
