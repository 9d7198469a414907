package bot_test

import (
	"testing"

	"github.com/factbot/factbot/bot"
	"github.com/google/go-cmp/cmp"
)

func TestParseShards(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in      string
		want    bot.Shards
		wantErr string
	}{
		{in: "auto", want: bot.Shards{}},
		{in: " auto ", want: bot.Shards{}},
		{in: "0/1", want: bot.Shards{IDs: []int{0}, Count: 1}},
		{in: "0-3/8", want: bot.Shards{IDs: []int{0, 1, 2, 3}, Count: 8}},
		{in: "4,5/8", want: bot.Shards{IDs: []int{4, 5}, Count: 8}},
		{in: "7, 0-1 /8", want: bot.Shards{IDs: []int{0, 1, 7}, Count: 8}},
		{in: "2-2/4", want: bot.Shards{IDs: []int{2}, Count: 4}},

		{in: "", wantErr: "empty: want auto, or shard ids and their count such as 0-3/8"},
		{in: "  ", wantErr: "empty: want auto, or shard ids and their count such as 0-3/8"},
		{in: "0-3", wantErr: "want auto, or shard ids and their count such as 0-3/8"},
		{in: "Auto", wantErr: "want auto, or shard ids and their count such as 0-3/8"},
		{in: "0/0", wantErr: "shard count must be at least 1"},
		{in: "0/-2", wantErr: "shard count must be at least 1"},
		{in: "0/x", wantErr: `shard count "x": want a whole number, such as 8`},
		{in: "0/", wantErr: `shard count "": want a whole number, such as 8`},
		{in: "0/1/2", wantErr: `shard count "1/2": want a whole number, such as 8`},
		{in: "0/100000", wantErr: "shard count 100000: at most 65536"},
		{in: "/8", wantErr: "empty shard id: want ids such as 0-3 or 4,5 before the /"},
		{in: "1,,2/8", wantErr: "empty shard id: want ids such as 0-3 or 4,5 before the /"},
		{in: "8/8", wantErr: "shard 8 out of range: a count of 8 has shards 0 to 7"},
		{in: "0-8/8", wantErr: "shard 8 out of range: a count of 8 has shards 0 to 7"},
		{in: "-1/8", wantErr: `shard id "-1": want a whole number or a range such as 0-3`},
		{in: "a/8", wantErr: `shard id "a": want a whole number or a range such as 0-3`},
		{in: "1-2-3/8", wantErr: `shard id "1-2-3": want a whole number or a range such as 0-3`},
		{in: "3-1/8", wantErr: `shard range "3-1" runs backwards`},
		{in: "1,1/8", wantErr: "shard 1 given twice"},
		{in: "0-3,2/8", wantErr: "shard 2 given twice"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := bot.ParseShards(tc.in)
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("ParseShards(%q) = %v, %v; want error %q", tc.in, got, err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseShards(%q): %v", tc.in, err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ParseShards(%q) (-want +got):\n%s", tc.in, diff)
			}
			// What String writes, ParseShards reads back.
			again, err := bot.ParseShards(got.String())
			if err != nil || !cmp.Equal(again, got) {
				t.Errorf("ParseShards(%q) = %v, %v; want %v", got.String(), again, err, got)
			}
		})
	}
}

func FuzzParseShards(f *testing.F) {
	for _, s := range []string{"auto", "0-3/8", "4,5/8", "0/1", "1,,2/8", "3-1/8"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := bot.ParseShards(in)
		if err != nil {
			return
		}
		if s.Auto() {
			return
		}
		if len(s.IDs) == 0 || s.Count < 1 {
			t.Fatalf("ParseShards(%q) = %v: no shards", in, s)
		}
		for i, id := range s.IDs {
			if id < 0 || id >= s.Count || (i > 0 && id <= s.IDs[i-1]) {
				t.Fatalf("ParseShards(%q) = %v: bad ids", in, s)
			}
		}
	})
}

func TestShardOf(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		guild string
		count int
		want  int
	}{
		{"0", 4, 0},
		{"4194304", 4, 1},           // 1 << 22
		{"12582912", 4, 3},          // 3 << 22
		{"16777216", 4, 0},          // 4 << 22
		{"4194303", 4, 0},           // the low 22 bits do not count
		{"41771983423143937", 1, 0}, // Discord's example guild, one shard
		{"41771983423143937", 16, 6},
		{"18446744073709551615", 4, 3}, // the largest snowflake
	} {
		got, err := bot.ShardOf(tc.guild, tc.count)
		if err != nil || got != tc.want {
			t.Errorf("ShardOf(%s, %d) = %d, %v; want %d", tc.guild, tc.count, got, err, tc.want)
		}
	}
	for _, bad := range []struct {
		guild string
		count int
	}{{"", 4}, {"x", 4}, {"-1", 4}, {"1", 0}} {
		if got, err := bot.ShardOf(bad.guild, bad.count); err == nil {
			t.Errorf("ShardOf(%q, %d) = %d, want an error", bad.guild, bad.count, got)
		}
	}
}
