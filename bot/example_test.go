package bot_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/factbot/factbot/bot"
	"github.com/factbot/factbot/internal/fakediscord"
	"github.com/factbot/factbot/internal/fakefacts"
)

// A bot connected to a fake Discord, in place of https://discord.com,
// replies to a message that mentions it. Its engine replays answers
// recorded from the seed articles; a *facts.Base, from facts.Seeds or
// facts.Load, is an Answerer in the same way.
func Example() {
	discord := fakediscord.New(fakediscord.Options{})
	defer discord.Close()

	engine, err := fakefacts.Load(os.DirFS("testdata"))
	if err != nil {
		fmt.Println(err)
		return
	}
	b, err := bot.New(bot.Config{Token: "token", APIURL: discord.URL}, engine)
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	discord.Wait(10*time.Second, b.Ready)

	discord.Dispatch("MESSAGE_CREATE", map[string]any{
		"id": "1", "channel_id": "2", "guild_id": fakediscord.GuildID, "type": 0,
		"author":   map[string]any{"id": "3", "username": "reader"},
		"content":  "<@" + fakediscord.BotID + "> How much crypto has North Korea stolen?",
		"mentions": []any{map[string]any{"id": fakediscord.BotID}},
	})
	var reply fakediscord.Message
	discord.Wait(10*time.Second, func() bool {
		for _, c := range discord.Calls() {
			if c.Method == "POST" && strings.HasSuffix(c.Path, "/messages") {
				return c.Decode(&reply) == nil
			}
		}
		return false
	})
	fmt.Println(strings.Split(reply.Embeds[0].Description, "\n")[0])
	fmt.Println(reply.Embeds[0].Fields[0].Value)
	fmt.Println(reply.Embeds[0].Footer.Text)

	stop()
	fmt.Println(<-done)
	// Output:
	// **approximately $545 million and $735 million**
	// [1] [Is North Korea Behind Stealing 700 Million USD In Crypto?](https://btcwires.example/north-korea-%28crypto%29) — BTC Wires, paragraph 2
	// [2] North Korea Reportedly Stole Over $700 Million in Digital Assets — paragraph 1
	// Confidence 89%
	// <nil>
}
