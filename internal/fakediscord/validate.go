package fakediscord

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf16"
)

// Discord's limits, checked on every message the server receives. Lengths
// are counted in UTF-16 code units, as Discord's JavaScript does.

// size returns the length of s in UTF-16 code units.
func size(s string) int { return len(utf16.Encode([]rune(s))) }

// checkMessage returns what is wrong with a message payload.
func checkMessage(body []byte) []string {
	var m Message
	if err := json.Unmarshal(body, &m); err != nil {
		return []string{"body: " + err.Error()}
	}
	return m.problems(true)
}

// problems returns what breaks Discord's limits in m; an empty message is
// wrong if nonEmpty.
func (m *Message) problems(nonEmpty bool) []string {
	var p []string
	check := func(ok bool, format string, args ...any) {
		if !ok {
			p = append(p, fmt.Sprintf(format, args...))
		}
	}
	check(size(m.Content) <= 2000, "content: %d characters, over 2000", size(m.Content))
	check(!nonEmpty || m.Content != "" || len(m.Embeds) > 0 || len(m.Components) > 0, "cannot send an empty message")
	check(len(m.Embeds) <= 10, "embeds: %d, over 10", len(m.Embeds))
	total := 0
	for i, e := range m.Embeds {
		check(size(e.Title) <= 256, "embeds[%d].title: over 256", i)
		check(size(e.Description) <= 4096, "embeds[%d].description: %d, over 4096", i, size(e.Description))
		check(len(e.Fields) <= 25, "embeds[%d].fields: %d, over 25", i, len(e.Fields))
		total += size(e.Title) + size(e.Description)
		for j, f := range e.Fields {
			check(f.Name != "" && size(f.Name) <= 256, "embeds[%d].fields[%d].name: empty or over 256", i, j)
			check(f.Value != "" && size(f.Value) <= 1024, "embeds[%d].fields[%d].value: empty or %d, over 1024", i, j, size(f.Value))
			total += size(f.Name) + size(f.Value)
		}
		if e.Footer != nil {
			check(size(e.Footer.Text) <= 2048, "embeds[%d].footer.text: over 2048", i)
			total += size(e.Footer.Text)
		}
		if e.Author != nil {
			check(size(e.Author.Name) <= 256, "embeds[%d].author.name: over 256", i)
			total += size(e.Author.Name)
		}
	}
	check(total <= 6000, "embeds: %d characters in all, over 6000", total)
	check(len(m.Components) <= 5, "components: %d rows, over 5", len(m.Components))
	for i, row := range m.Components {
		check(row.Type == 1 && len(row.Components) >= 1 && len(row.Components) <= 5, "components[%d]: not an action row of 1 to 5", i)
		for j, c := range row.Components {
			check(c.URL != "" || (c.CustomID != "" && size(c.CustomID) <= 100), "components[%d][%d].custom_id: empty or over 100", i, j)
			check(size(c.Label) <= 80, "components[%d][%d].label: over 80", i, j)
		}
	}
	return p
}

// checkCallback returns what is wrong with an interaction response.
func checkCallback(body []byte) []string {
	var r struct {
		Type int             `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return []string{"body: " + err.Error()}
	}
	switch r.Type {
	case 4, 7: // a message
		return checkMessage(r.Data)
	case 5, 6: // deferred: data holds flags at most
		if len(r.Data) == 0 || string(r.Data) == "null" {
			return nil
		}
		var m Message
		if err := json.Unmarshal(r.Data, &m); err != nil {
			return []string{"data: " + err.Error()}
		}
		return m.problems(false)
	case 9: // a modal
		return checkModal(r.Data)
	case 8: // autocomplete
		var m Message
		if err := json.Unmarshal(r.Data, &m); err != nil {
			return []string{"data: " + err.Error()}
		}
		var p []string
		if len(m.Choices) > 25 {
			p = append(p, fmt.Sprintf("choices: %d, over 25", len(m.Choices)))
		}
		for i, c := range m.Choices {
			v, _ := c.Value.(string)
			if n := size(c.Name); n < 1 || n > 100 {
				p = append(p, fmt.Sprintf("choices[%d].name: %d characters, not 1 to 100", i, n))
			}
			if n := size(v); n < 1 || n > 100 {
				p = append(p, fmt.Sprintf("choices[%d].value: %d characters, not 1 to 100", i, n))
			}
		}
		return p
	}
	return []string{fmt.Sprintf("type: %d is not a response type the bot should send", r.Type)}
}

// commandName is what Discord takes as the name of a chat command or option.
var commandName = regexp.MustCompile(`^[-_\p{Ll}\p{N}]{1,32}$`)

// checkCommands returns what is wrong with chat commands, and with user
// and message commands (types 2 and 3): a name of 1 to 32 characters, in
// any case and with spaces, and no description or options.
func checkCommands(cmds []map[string]any) []string {
	var p []string
	named := func(what string, m map[string]any) {
		name, _ := m["name"].(string)
		desc, _ := m["description"].(string)
		if !commandName.MatchString(name) {
			p = append(p, fmt.Sprintf("%s name %q", what, name))
		}
		if n := size(desc); n < 1 || n > 100 {
			p = append(p, fmt.Sprintf("%s %q description: %d characters, not 1 to 100", what, name, n))
		}
	}
	for _, c := range cmds {
		if t, _ := c["type"].(float64); t == 2 || t == 3 {
			name, _ := c["name"].(string)
			desc, _ := c["description"].(string)
			if n := size(name); n < 1 || n > 32 || strings.TrimSpace(name) != name {
				p = append(p, fmt.Sprintf("type %v command name %q: not 1 to 32 characters", t, name))
			}
			if desc != "" || c["options"] != nil {
				p = append(p, fmt.Sprintf("type %v command %q has a description or options", t, name))
			}
			continue
		}
		named("command", c)
		opts, _ := c["options"].([]any)
		if len(opts) > 25 {
			p = append(p, "over 25 options")
		}
		optional := false
		for _, o := range opts {
			o, _ := o.(map[string]any)
			named("option", o)
			required, _ := o["required"].(bool)
			if required && optional {
				p = append(p, fmt.Sprintf("required option %v after an optional one", o["name"]))
			}
			optional = optional || !required
			if auto, _ := o["autocomplete"].(bool); auto {
				if choices, _ := o["choices"].([]any); len(choices) > 0 {
					p = append(p, fmt.Sprintf("option %v has both autocomplete and choices", o["name"]))
				}
			}
		}
	}
	return p
}

// checkModal returns what is wrong with a modal: a custom id, a title of 1
// to 45 characters, and 1 to 5 action rows of one text input each.
func checkModal(data []byte) []string {
	var m Modal
	if err := json.Unmarshal(data, &m); err != nil {
		return []string{"data: " + err.Error()}
	}
	var p []string
	check := func(ok bool, format string, args ...any) {
		if !ok {
			p = append(p, fmt.Sprintf(format, args...))
		}
	}
	check(m.CustomID != "" && size(m.CustomID) <= 100, "custom_id: empty or over 100")
	check(size(m.Title) >= 1 && size(m.Title) <= 45, "title: %d characters, not 1 to 45", size(m.Title))
	check(len(m.Components) >= 1 && len(m.Components) <= 5, "components: %d rows, not 1 to 5", len(m.Components))
	for i, row := range m.Components {
		check(row.Type == 1 && len(row.Components) == 1 && row.Components[0].Type == 4, "components[%d]: not an action row of one text input", i)
		for _, c := range row.Components {
			check(c.CustomID != "" && size(c.CustomID) <= 100, "components[%d].custom_id: empty or over 100", i)
			check(size(c.Label) >= 1 && size(c.Label) <= 45, "components[%d].label: %d characters, not 1 to 45", i, size(c.Label))
		}
	}
	return p
}
