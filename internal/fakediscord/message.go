package fakediscord

import (
	"encoding/json"
	"strings"
)

// A Message is the JSON of a message the bot sent: a message in a
// channel, the data of an interaction response, or an edit of one. It has
// the fields the server checks and tests look at.
type Message struct {
	Content         string          `json:"content"`
	Flags           int             `json:"flags"`
	AllowedMentions json.RawMessage `json:"allowed_mentions"`
	Embeds          []Embed         `json:"embeds"`
	Components      []Row           `json:"components"`
	Reference       *Reference      `json:"message_reference"`
	Choices         []Choice        `json:"choices"` // autocomplete responses only
}

// An Embed is a message's embed.
type Embed struct {
	Title       string  `json:"title"`
	Description string  `json:"description"`
	Fields      []Field `json:"fields"`
	Footer      *struct {
		Text string `json:"text"`
	} `json:"footer"`
	Author *struct {
		Name string `json:"name"`
	} `json:"author"`
}

// A Field is an embed's field.
type Field struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// A Row is an action row of components.
type Row struct {
	Type       int         `json:"type"`
	Components []Component `json:"components"`
}

// A Component is a button, for what the bot sends.
type Component struct {
	Type     int    `json:"type"`
	CustomID string `json:"custom_id"`
	Label    string `json:"label"`
	URL      string `json:"url"`
	Emoji    *struct {
		Name string `json:"name"`
	} `json:"emoji"`
}

// A Reference is the message a message replies to.
type Reference struct {
	MessageID       string `json:"message_id"`
	ChannelID       string `json:"channel_id"`
	GuildID         string `json:"guild_id"`
	FailIfNotExists *bool  `json:"fail_if_not_exists"`
}

// A Choice is an autocomplete choice.
type Choice struct {
	Name  string `json:"name"`
	Value any    `json:"value"`
}

// A Modal is the data of a modal response (type 9).
type Modal struct {
	CustomID   string `json:"custom_id"`
	Title      string `json:"title"`
	Components []Row  `json:"components"`
}

// A Response is the JSON of an interaction response.
type Response struct {
	Type int     `json:"type"`
	Data Message `json:"data"`
}

// Text returns all the text of m, one part a line: content, embeds and
// choices.
func (m Message) Text() string {
	parts := []string{m.Content}
	for _, e := range m.Embeds {
		parts = append(parts, e.Title, e.Description)
		for _, f := range e.Fields {
			parts = append(parts, f.Name, f.Value)
		}
		if e.Footer != nil {
			parts = append(parts, e.Footer.Text)
		}
	}
	for _, c := range m.Choices {
		parts = append(parts, c.Name)
	}
	return strings.Join(parts, "\n")
}

// CustomIDs returns the custom ids of m's buttons.
func (m Message) CustomIDs() []string {
	var ids []string
	for _, row := range m.Components {
		for _, c := range row.Components {
			ids = append(ids, c.CustomID)
		}
	}
	return ids
}
