package bot

import (
	"context"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Interactions are routed the way arikawa's api/cmdroute routes them: a
// handler is a function from a request to a reply value; a router maps
// each command (and subcommand), autocomplete, button custom id and modal
// custom id to its handler; middleware (deferring, in deferred.go) wraps a
// handler that may be slow. The router sends the reply, so that no
// handler talks to Discord itself, and every reply allows no mentions.

// A request is one interaction, as a handler sees it.
type request struct {
	ctx   context.Context
	i     *discordgo.Interaction
	start time.Time // when the interaction arrived

	// out answers the interaction; only middleware uses it, to defer.
	out *interactionReply

	// key is what follows the kind in a button's or modal's custom id
	// ("src:KEY"): the id of the answer it belongs to, and more.
	key string
}

// user returns the id of the user behind the request.
func (r *request) user() string { return interactionUser(r.i) }

// A reply is what a handler answers: a message (an interaction response,
// or the edit that completes a deferred one), a modal, or autocomplete
// choices.
type reply struct {
	msg     message
	modal   *modal
	choices []*discordgo.ApplicationCommandOptionChoice
	update  bool // replace the message the button is under, instead of a new one

	// Set by deferring: the reply completes a deferred response; or it
	// cannot be sent, for this reason.
	deferred bool
	unsent   error

	// sent, if set, is called with the error of sending the reply (nil
	// when it was sent). Without it, a failure is counted and logged.
	sent func(err error)
}

// A modal is a pop-up form.
type modal struct {
	customID, title string
	components      []discordgo.MessageComponent
}

// note returns a reply that only the user sees.
func note(text string) reply { return reply{msg: message{content: text, ephemeral: true}} }

// A handler answers one interaction.
type handler func(req *request) reply

// A router maps interactions to handlers. Its zero value routes nothing;
// what it cannot route it answers with a note.
type router struct {
	commands     map[string]handler // by "name" or "name subcommand"
	autocomplete map[string]handler // by command name
	components   map[string]handler // by the custom id's kind: what comes before ":"
	modals       map[string]handler // likewise
}

func add(m *map[string]handler, name string, h handler) {
	if *m == nil {
		*m = map[string]handler{}
	}
	(*m)[name] = h
}

// command routes a chat command, or a subcommand as "name subcommand".
func (rt *router) command(name string, h handler) { add(&rt.commands, name, h) }

// complete routes the autocomplete requests of a command.
func (rt *router) complete(name string, h handler) { add(&rt.autocomplete, name, h) }

// component routes the buttons whose custom ids are "kind" or "kind:…".
func (rt *router) component(kind string, h handler) { add(&rt.components, kind, h) }

// modalSubmit routes the modals whose custom ids are "kind" or "kind:…".
func (rt *router) modalSubmit(kind string, h handler) { add(&rt.modals, kind, h) }

// route returns the handler of i, and the key it is given; or, when there
// is none, why not, for the log, and what to tell the user (empty to
// ignore the interaction).
func (rt *router) route(i *discordgo.Interaction) (h handler, key, why, say string) {
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
		if !ok || data.Name == "" {
			return nil, "", "no command data", noteUnreadable
		}
		if h := rt.commands[commandPath(data)]; h != nil {
			return h, "", "", ""
		}
		return nil, "", "unknown command", unknownCommand(data.Name)
	case discordgo.InteractionApplicationCommandAutocomplete:
		data, _ := i.Data.(discordgo.ApplicationCommandInteractionData)
		if h := rt.autocomplete[data.Name]; h != nil {
			return h, "", "", ""
		}
		return rt.autocomplete[commandAsk], "", "", "" // the only command that autocompletes
	case discordgo.InteractionMessageComponent:
		data, ok := i.Data.(discordgo.MessageComponentInteractionData)
		if !ok {
			return nil, "", "no component data", noteUnknownButton
		}
		kind, key, _ := strings.Cut(data.CustomID, ":")
		if h := rt.components[kind]; h != nil {
			return h, key, "", ""
		}
		return nil, "", "unknown button", noteUnknownButton
	case discordgo.InteractionModalSubmit:
		data, ok := i.Data.(discordgo.ModalSubmitInteractionData)
		if !ok {
			return nil, "", "no modal data", noteUnknownButton
		}
		kind, key, _ := strings.Cut(data.CustomID, ":")
		if h := rt.modals[kind]; h != nil {
			return h, key, "", ""
		}
		return nil, "", "unknown modal", noteUnknownButton
	}
	return nil, "", "", ""
}

// commandPath is a command's name, followed by its subcommand's if it has
// one: "ask", "factbot report".
func commandPath(data discordgo.ApplicationCommandInteractionData) string {
	for _, o := range data.Options {
		if o != nil && o.Type == discordgo.ApplicationCommandOptionSubCommand {
			return data.Name + " " + o.Name
		}
	}
	return data.Name
}

// subOptions returns the options of a command's subcommand, or the
// command's own when it has none.
func subOptions(data discordgo.ApplicationCommandInteractionData) []*discordgo.ApplicationCommandInteractionDataOption {
	for _, o := range data.Options {
		if o != nil && o.Type == discordgo.ApplicationCommandOptionSubCommand {
			return o.Options
		}
	}
	return data.Options
}

// send sends a handler's reply through r: as the interaction response, or,
// when deferred, as the edit that completes the deferred response.
func (rep reply) send(r *interactionReply) error {
	switch {
	case rep.unsent != nil:
		return rep.unsent
	case rep.modal != nil:
		return r.modal(rep.modal.customID, rep.modal.title, rep.modal.components)
	case rep.choices != nil:
		return r.suggest(rep.choices)
	case rep.deferred:
		return r.complete(rep.msg)
	case rep.update:
		return r.respond(discordgo.InteractionResponseUpdateMessage, rep.msg)
	}
	return r.say(rep.msg)
}
