package bot

import (
	"context"

	"github.com/bwmarrin/discordgo"
)

// session is the part of *discordgo.Session that the handlers use to reply.
type session interface {
	InteractionRespond(i *discordgo.Interaction, r *discordgo.InteractionResponse, options ...discordgo.RequestOption) error
	InteractionResponseEdit(i *discordgo.Interaction, e *discordgo.WebhookEdit, options ...discordgo.RequestOption) (*discordgo.Message, error)
	ChannelMessageSendComplex(channelID string, m *discordgo.MessageSend, options ...discordgo.RequestOption) (*discordgo.Message, error)
}

// A message is what the bot says, before it is shaped for one of the
// three ways of saying it: an interaction response, an edit of a deferred
// response, or a reply in a channel. Every shape carries allowed_mentions
// with an empty parse list, so that nothing the bot says pings anyone, and
// content within Discord's limit.
type message struct {
	content    string
	embeds     []*discordgo.MessageEmbed
	components []discordgo.MessageComponent
	files      []*discordgo.File
	ephemeral  bool // interactions only: seen only by the user who asked
}

// noMentions allows no mentions at all: "parse": [].
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

func (m message) flags() discordgo.MessageFlags {
	if m.ephemeral {
		return discordgo.MessageFlagsEphemeral
	}
	return 0
}

// response shapes m as the data of an interaction response.
func (m message) response() *discordgo.InteractionResponseData {
	return &discordgo.InteractionResponseData{
		Content:         truncate(m.content, maxContent),
		Embeds:          m.embeds,
		Components:      m.components,
		Files:           m.files,
		AllowedMentions: noMentions(),
		Flags:           m.flags(),
	}
}

// edit shapes m as the edit that completes a deferred response.
func (m message) edit() *discordgo.WebhookEdit {
	content := truncate(m.content, maxContent)
	embeds, components := m.embeds, m.components
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	if components == nil {
		components = []discordgo.MessageComponent{}
	}
	return &discordgo.WebhookEdit{Content: &content, Embeds: &embeds, Components: &components, Files: m.files, AllowedMentions: noMentions()}
}

// send shapes m as a reply to a message.
func (m message) send(to *discordgo.Message) *discordgo.MessageSend {
	no := false
	return &discordgo.MessageSend{
		Content:         truncate(m.content, maxContent),
		Embeds:          m.embeds,
		Components:      m.components,
		AllowedMentions: noMentions(),
		Reference: &discordgo.MessageReference{
			MessageID: to.ID, ChannelID: to.ChannelID, GuildID: to.GuildID,
			FailIfNotExists: &no, // the question may be deleted before the answer comes
		},
	}
}

// An interactionReply answers one interaction. Discord takes one response
// per interaction, within 3 seconds; a deferred response is completed by
// editing it, within 15 minutes.
type interactionReply struct {
	ctx       context.Context
	s         session
	i         *discordgo.Interaction
	responded bool
}

// respond sends the interaction response.
func (r *interactionReply) respond(t discordgo.InteractionResponseType, m message) error {
	r.responded = true
	return r.s.InteractionRespond(r.i, &discordgo.InteractionResponse{Type: t, Data: m.response()}, discordgo.WithContext(r.ctx))
}

// say responds with m as a message.
func (r *interactionReply) say(m message) error {
	return r.respond(discordgo.InteractionResponseChannelMessageWithSource, m)
}

// note responds with text that only the user sees.
func (r *interactionReply) note(text string) error {
	return r.say(message{content: text, ephemeral: true})
}

// deferReply tells Discord that the answer comes later; Discord shows that
// the bot is thinking.
func (r *interactionReply) deferReply(ephemeral bool) error {
	return r.respond(discordgo.InteractionResponseDeferredChannelMessageWithSource, message{ephemeral: ephemeral})
}

// complete replaces a deferred response with m.
func (r *interactionReply) complete(m message) error {
	_, err := r.s.InteractionResponseEdit(r.i, m.edit(), discordgo.WithContext(r.ctx))
	return err
}

// modal responds with a pop-up form: a title and text inputs, which
// Discord sends back as a modal submit interaction with customID.
func (r *interactionReply) modal(customID, title string, components []discordgo.MessageComponent) error {
	r.responded = true
	return r.s.InteractionRespond(r.i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseModal,
		Data: &discordgo.InteractionResponseData{CustomID: customID, Title: title, Components: components},
	}, discordgo.WithContext(r.ctx))
}

// suggest responds to an autocomplete request. Its response is no message,
// so it carries choices only.
func (r *interactionReply) suggest(choices []*discordgo.ApplicationCommandOptionChoice) error {
	r.responded = true
	return r.s.InteractionRespond(r.i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	}, discordgo.WithContext(r.ctx))
}
