package bot

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Shards are the gateway shards a process holds: the shards IDs of a
// count of Count. Discord sends each guild's events to one shard, the
// guild's (ShardOf), and direct messages to shard 0. The zero value is
// "auto": Discord's recommended count, every shard in this process.
type Shards struct {
	IDs   []int // ascending, each below Count
	Count int   // 0 for auto
}

// Auto reports whether the shards are Discord's recommended count, all in
// this process.
func (s Shards) Auto() bool { return s.Count == 0 }

// String returns s as ParseShards reads it: "auto", or "0-3/8", "4,6/8".
func (s Shards) String() string {
	if s.Auto() {
		return "auto"
	}
	var parts []string
	for i := 0; i < len(s.IDs); {
		j := i
		for j+1 < len(s.IDs) && s.IDs[j+1] == s.IDs[j]+1 {
			j++
		}
		if j == i {
			parts = append(parts, strconv.Itoa(s.IDs[i]))
		} else {
			parts = append(parts, fmt.Sprintf("%d-%d", s.IDs[i], s.IDs[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ",") + "/" + strconv.Itoa(s.Count)
}

// maxShards bounds a shard count, so that a typo cannot make a process
// allocate millions of sessions. Discord's largest bots run a few
// thousand shards.
const maxShards = 1 << 16

// ParseShards parses "auto", or shard ids and a count as IDS/COUNT: ids
// separated by commas, each a number or an inclusive range, such as
// "0-3/8", "4,5/8" or "0/1". Every id must be below the count, and none
// given twice. Its errors say what is wrong in the words of a setting.
func ParseShards(v string) (Shards, error) {
	v = strings.TrimSpace(v)
	if v == "auto" {
		return Shards{}, nil
	}
	if v == "" {
		return Shards{}, errors.New("empty: want auto, or shard ids and their count such as 0-3/8")
	}
	ids, count, ok := strings.Cut(v, "/")
	if !ok {
		return Shards{}, errors.New("want auto, or shard ids and their count such as 0-3/8")
	}
	n, err := strconv.Atoi(strings.TrimSpace(count))
	switch {
	case err != nil:
		return Shards{}, fmt.Errorf("shard count %q: want a whole number, such as 8", count)
	case n < 1:
		return Shards{}, errors.New("shard count must be at least 1")
	case n > maxShards:
		return Shards{}, fmt.Errorf("shard count %d: at most %d", n, maxShards)
	}
	s := Shards{Count: n}
	seen := map[int]bool{}
	for item := range strings.SplitSeq(ids, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			return Shards{}, errors.New("empty shard id: want ids such as 0-3 or 4,5 before the /")
		}
		lo, hi, err := shardRange(item)
		if err != nil {
			return Shards{}, err
		}
		if hi >= n {
			return Shards{}, fmt.Errorf("shard %d out of range: a count of %d has shards 0 to %d", hi, n, n-1)
		}
		for id := lo; id <= hi; id++ {
			if seen[id] {
				return Shards{}, fmt.Errorf("shard %d given twice", id)
			}
			seen[id] = true
			s.IDs = append(s.IDs, id)
		}
	}
	slices.Sort(s.IDs)
	return s, nil
}

// shardRange parses "3" or "0-3".
func shardRange(item string) (lo, hi int, err error) {
	a, b, isRange := strings.Cut(item, "-")
	lo, err1 := strconv.Atoi(strings.TrimSpace(a))
	hi, err2 := lo, error(nil)
	if isRange {
		hi, err2 = strconv.Atoi(strings.TrimSpace(b))
	}
	switch {
	case err1 != nil || err2 != nil || lo < 0 || hi < 0:
		return 0, 0, fmt.Errorf("shard id %q: want a whole number or a range such as 0-3", item)
	case hi < lo:
		return 0, 0, fmt.Errorf("shard range %q runs backwards", item)
	case hi >= maxShards:
		return 0, 0, fmt.Errorf("shard %d out of range", hi)
	}
	return lo, hi, nil
}

// ShardOf returns the shard of count that receives the events of the guild
// with id guildID: (guild_id >> 22) % count, as Discord routes them.
func ShardOf(guildID string, count int) (int, error) {
	id, err := strconv.ParseUint(guildID, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("bot: guild id %q: not a Discord id", guildID)
	}
	if count < 1 {
		return 0, fmt.Errorf("bot: shard count %d: must be at least 1", count)
	}
	return int((id >> 22) % uint64(count)), nil
}
