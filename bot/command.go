package bot

import (
	"strings"

	"github.com/bwmarrin/discordgo"
)

// The /ask command and its options.
const (
	commandAsk     = "ask"
	optionQuestion = "question"
	optionPrivate  = "private"

	// maxQuestion is the longest question /ask takes.
	maxQuestion = 500
)

// commands returns the bot's application commands: /ask question:<text>,
// with autocomplete, and an optional private:<bool>; and the admin's
// commands (admin.go).
func commands() []*discordgo.ApplicationCommand {
	one := 1
	return append([]*discordgo.ApplicationCommand{{
		Type:        discordgo.ChatApplicationCommand,
		Name:        commandAsk,
		Description: "Ask a question; I answer from news articles and cite my sources.",
		Options: []*discordgo.ApplicationCommandOption{
			{
				Type:         discordgo.ApplicationCommandOptionString,
				Name:         optionQuestion,
				Description:  "What do you want to know?",
				Required:     true,
				Autocomplete: true,
				MinLength:    &one,
				MaxLength:    maxQuestion,
			},
			{
				Type:        discordgo.ApplicationCommandOptionBoolean,
				Name:        optionPrivate,
				Description: "Show the answer to you only.",
			},
		},
	}}, append(appCommands(), adminCommands()...)...)
}

// askOptions returns the options of an /ask: the question, trimmed, and
// whether to answer privately. A missing option, or one of the wrong type,
// reads as empty.
func askOptions(data discordgo.ApplicationCommandInteractionData) (question string, private bool) {
	for _, o := range data.Options {
		if o == nil {
			continue
		}
		switch o.Name {
		case optionQuestion:
			s, _ := o.Value.(string)
			question = strings.TrimSpace(s)
		case optionPrivate:
			private, _ = o.Value.(bool)
		}
	}
	return question, private
}

// typedText returns what has been typed so far into the question option
// of an autocomplete request.
func typedText(data discordgo.ApplicationCommandInteractionData) string {
	for _, o := range data.Options {
		if o != nil && o.Focused && o.Name == optionQuestion {
			s, _ := o.Value.(string)
			return s
		}
	}
	return ""
}
