package bot_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/internal/fakediscord"
	"github.com/factbot/factbot/internal/fakefacts"
	"github.com/factbot/factbot/internal/syncbuf"
)

// TestShardedInstances runs two bots against a fake Discord that
// recommends 4 shards: one holds shards 0-1/4, the other 2-3/4, as two
// processes would. Every guild's question is answered exactly once, by the
// instance that holds the guild's shard; direct messages go to shard 0;
// IDENTIFYs keep the pace of session_start_limit; stopping one instance
// leaves the other's guilds answered, and starting it again brings its
// guilds back. Only the holder of shard 0 registers the commands.
//
// The two instances share one IdentifyGate, as processes must share the
// pacing of their IDENTIFYs (see NewIdentifyGate).
func TestShardedInstances(t *testing.T) {
	t.Parallel()
	const (
		shards   = 4
		interval = 100 * time.Millisecond
	)
	fake := fakediscord.New(fakediscord.Options{Token: testToken, Shards: shards, MaxConcurrency: 1})
	defer fake.Close()
	gate := bot.NewIdentifyGate(interval)
	engine := fakefacts.ForTest(t, os.DirFS("testdata"))

	// Two guilds on each shard.
	guilds := map[int][]string{}
	for n := range 2 * shards {
		id := fmt.Sprint(uint64(n)<<22 | 12345)
		shard, err := bot.ShardOf(id, shards)
		if err != nil {
			t.Fatal(err)
		}
		guilds[shard] = append(guilds[shard], id)
	}

	a := startInstance(t, fake, engine, gate, "0-1/4")
	b := startInstance(t, fake, engine, gate, "2-3/4")
	waitFake(t, fake, "both instances ready", func() bool { return a.bot.Ready() && b.bot.Ready() })

	var ids atomic.Int64
	ids.Store(600000000000000000)
	ask := func(guild string) string {
		t.Helper()
		id, user := fmt.Sprint(ids.Add(1)), fmt.Sprint(ids.Add(1))
		d := map[string]any{
			"id": id, "channel_id": channelID, "type": 0, "content": "<@" + fakediscord.BotID + "> " + crypto,
			"author":   map[string]any{"id": user, "username": "user" + user},
			"mentions": []any{map[string]any{"id": fakediscord.BotID, "username": "factbot", "bot": true}},
		}
		if guild != "" {
			d["guild_id"] = guild
		}
		if err := fake.Dispatch("MESSAGE_CREATE", d); err != nil {
			t.Fatal(err)
		}
		return id
	}
	// answered waits until each message has a reply, then checks that none
	// has two.
	answered := func(what string, msgs []string) {
		t.Helper()
		replies := func() map[string]int {
			n := map[string]int{}
			for _, c := range fake.Calls() {
				var m sent
				if c.Method == "POST" && strings.HasSuffix(c.Path, "/messages") && c.Status < 300 &&
					c.Decode(&m) == nil && m.Reference != nil {
					n[m.Reference.MessageID]++
				}
			}
			return n
		}
		waitFake(t, fake, what, func() bool {
			n := replies()
			for _, id := range msgs {
				if n[id] == 0 {
					return false
				}
			}
			return true
		})
		n := replies()
		for _, id := range msgs {
			if n[id] != 1 {
				t.Errorf("%s: message %s answered %d times, want once", what, id, n[id])
			}
		}
	}

	var all []string
	for shard := range shards {
		for _, g := range guilds[shard] {
			all = append(all, ask(g))
		}
	}
	all = append(all, ask("")) // a direct message: shard 0
	answered("every guild's question and a direct message", all)

	// Stop the instance of shards 2-3: the other's guilds are still answered.
	if err := b.stop(); err != nil {
		t.Fatalf("Run of 2-3/4: %v", err)
	}
	waitFake(t, fake, "shards 2 and 3 closed", func() bool { return !fake.Connected(2) && !fake.Connected(3) })
	var still []string
	for _, g := range append(guilds[0], guilds[1]...) {
		still = append(still, ask(g))
	}
	answered("the guilds of shards 0 and 1, with 2-3/4 stopped", still)

	// Start it again: its guilds are answered again, once.
	b = startInstance(t, fake, engine, gate, "2-3/4")
	waitFake(t, fake, "2-3/4 ready again", b.bot.Ready)
	var back []string
	for _, g := range append(guilds[2], guilds[3]...) {
		back = append(back, ask(g))
	}
	back = append(back, ask(guilds[0][0]))
	answered("the guilds of shards 2 and 3, after 2-3/4 restarted", back)

	// IDENTIFYs: each shard's, in its own shard with the count, and in
	// the one bucket of max_concurrency 1, never two within the interval.
	idents := fake.Identifies()
	seen := map[int]int{}
	for i, id := range idents {
		seen[id.Shard]++
		if id.Count != shards {
			t.Errorf("IDENTIFY %d: shard count %d, want %d", i, id.Count, shards)
		}
		if i > 0 {
			if gap := id.At.Sub(idents[i-1].At); gap < interval {
				t.Errorf("IDENTIFY of shard %d came %v after shard %d's, want at least %v", id.Shard, gap, idents[i-1].Shard, interval)
			}
		}
	}
	if want := map[int]int{0: 1, 1: 1, 2: 2, 3: 2}; fmt.Sprint(seen) != fmt.Sprint(want) {
		t.Errorf("IDENTIFYs by shard = %v, want %v", seen, want)
	}

	// Commands are registered once, by the holder of shard 0.
	registered := 0
	for _, c := range fake.Calls() {
		if c.Method == "PUT" && strings.HasSuffix(c.Path, "/commands") {
			registered++
		}
	}
	if registered != 1 {
		t.Errorf("commands registered %d times, want once", registered)
	}
	// Logs carry the shard: the gateway's lines, and each question's.
	for _, tc := range []struct {
		in   *instance
		want string
	}{
		{a, `msg="connected to Discord" shard=1`},
		{b, `msg="connected to Discord" shard=2`},
		{a, `msg=question via=mention outcome=answered .* shard=0\n`},
		{a, `msg=question via=dm outcome=answered .* shard=0\n`},
		{b, `msg=question via=mention outcome=answered .* shard=3\n`},
	} {
		if !regexp.MustCompile(tc.want).MatchString(tc.in.logs.String()) {
			t.Errorf("logs lack %s:\n%s", tc.want, tc.in.logs)
		}
	}
}

// An instance is a running Bot, as one process of several.
type instance struct {
	bot  *bot.Bot
	logs *syncbuf.Buffer
	stop func() error // stops the bot once, and returns what Run did
}

// startInstance runs a Bot that holds shards against fake; it stops when
// the test ends, if it has not been stopped before.
func startInstance(t *testing.T, fake *fakediscord.Server, engine bot.Answerer, gate bot.IdentifyGate, shards string) *instance {
	t.Helper()
	sh, err := bot.ParseShards(shards)
	if err != nil {
		t.Fatal(err)
	}
	in := &instance{logs: &syncbuf.Buffer{}}
	in.bot, err = bot.New(bot.Config{
		Token: testToken, APIURL: fake.URL, Shards: sh, IdentifyGate: gate,
		Logger: slog.New(slog.NewTextHandler(in.logs, nil)),
	}, engine)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- in.bot.Run(ctx) }()
	var stopped atomic.Bool
	var result error
	in.stop = func() error {
		if stopped.Swap(true) {
			return result
		}
		cancel()
		select {
		case result = <-done:
		case <-time.After(waitLimit):
			result = errors.New("Run did not return after its context ended")
		}
		return result
	}
	t.Cleanup(func() {
		if err := in.stop(); err != nil {
			t.Errorf("Run of %s: %v", shards, err)
		}
		if t.Failed() {
			t.Logf("logs of %s:\n%s", shards, in.logs)
		}
	})
	return in
}

// waitFake waits until cond holds, checking it at each change of fake and
// every few milliseconds, and fails the test if it does not in time.
func waitFake(t *testing.T, fake *fakediscord.Server, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(waitLimit); time.Now().Before(deadline); {
		if fake.Wait(5*time.Millisecond, cond) {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// TestShardCountRefused: a process whose shard count is not the one the
// gateway expects is closed with 4010 (invalid shard), after which Discord
// forbids reconnecting: Run fails, and says why.
func TestShardCountRefused(t *testing.T) {
	t.Parallel()
	fake := fakediscord.New(fakediscord.Options{Token: testToken, Shards: 4})
	defer fake.Close()
	logs := &syncbuf.Buffer{}
	b, err := bot.New(bot.Config{Token: testToken, APIURL: fake.URL, Shards: bot.Shards{IDs: []int{0}, Count: 2},
		Logger: slog.New(slog.NewTextHandler(logs, nil))},
		fakefacts.ForTest(t, os.DirFS("testdata")))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	err = b.Run(ctx)
	if err == nil || !strings.Contains(err.Error(), "shard 0: Discord closed the gateway and forbids reconnecting") || !strings.Contains(err.Error(), "4010") {
		t.Errorf("Run = %v, want the gateway's refusal of shard 0 (4010)", err)
	}
	if ctx.Err() != nil {
		t.Error("Run kept trying after the refusal")
	}
	if !strings.Contains(logs.String(), "the shard count is below Discord's recommendation") {
		t.Errorf("logs do not warn of a count below the recommendation:\n%s", logs)
	}
}
