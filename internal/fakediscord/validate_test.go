package fakediscord

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestCheckMessage(t *testing.T) {
	field := func(name, value string) map[string]any { return map[string]any{"name": name, "value": value} }
	many := func(n int, f map[string]any) []any {
		var fs []any
		for range n {
			fs = append(fs, f)
		}
		return fs
	}
	button := func(id string) map[string]any {
		return map[string]any{"type": 1, "components": []any{map[string]any{"type": 2, "custom_id": id, "label": "x"}}}
	}
	for _, tc := range []struct {
		name string
		msg  map[string]any
		want string // in the problems; "" for none
	}{
		{"fine", map[string]any{"content": "hi", "embeds": []any{map[string]any{"description": "d", "fields": many(25, field("n", "v"))}}}, ""},
		{"content at the limit", map[string]any{"content": strings.Repeat("x", 2000)}, ""},
		{"content over", map[string]any{"content": strings.Repeat("x", 2001)}, "content: 2001"},
		{"emoji count twice", map[string]any{"content": strings.Repeat("👍", 1001)}, "content: 2002"},
		{"empty", map[string]any{}, "empty message"},
		{"description over", map[string]any{"embeds": []any{map[string]any{"description": strings.Repeat("x", 4097)}}}, "description: 4097"},
		{"26 fields", map[string]any{"embeds": []any{map[string]any{"fields": many(26, field("n", "v"))}}}, "fields: 26"},
		{"empty field", map[string]any{"embeds": []any{map[string]any{"fields": many(1, field("n", ""))}}}, "value: empty"},
		{"field over", map[string]any{"embeds": []any{map[string]any{"fields": many(1, field("n", strings.Repeat("x", 1025)))}}}, "value: empty or 1025"},
		{"over 6000 in all", map[string]any{"embeds": []any{map[string]any{"description": strings.Repeat("x", 4000), "fields": many(2, field("n", strings.Repeat("x", 1000)))}}}, "6002 characters in all"},
		{"custom_id over", map[string]any{"content": "x", "components": []any{button(strings.Repeat("x", 101))}}, "custom_id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body, _ := json.Marshal(tc.msg)
			got := strings.Join(checkMessage(body), "; ")
			if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
				t.Errorf("problems: %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCheckCallback(t *testing.T) {
	choices := func(n int, name string) string {
		var cs []string
		for range n {
			cs = append(cs, `{"name": "`+name+`", "value": "`+name+`"}`)
		}
		return `{"type": 8, "data": {"choices": [` + strings.Join(cs, ",") + `]}}`
	}
	for _, tc := range []struct {
		name, body, want string
	}{
		{"message", `{"type": 4, "data": {"content": "hi"}}`, ""},
		{"deferred", `{"type": 5, "data": {"flags": 64}}`, ""},
		{"25 choices", choices(25, "a"), ""},
		{"26 choices", choices(26, "a"), "choices: 26"},
		{"empty choice", choices(1, ""), "name: 0 characters"},
		{"long choice", choices(1, strings.Repeat("x", 101)), "name: 101 characters"},
		{"pong", `{"type": 1}`, "not a response type"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.Join(checkCallback([]byte(tc.body)), "; ")
			if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
				t.Errorf("problems: %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCheckCommands(t *testing.T) {
	for _, tc := range []struct {
		name, body, want string
	}{
		{"fine", `[{"name": "ask", "description": "d", "options": [{"name": "question", "description": "q", "required": true, "autocomplete": true}, {"name": "private", "description": "p"}]}]`, ""},
		{"capital", `[{"name": "Ask", "description": "d"}]`, `command name "Ask"`},
		{"no description", `[{"name": "ask"}]`, "description: 0 characters"},
		{"message command", `[{"type": 3, "name": "Ask factbot"}]`, ""},
		{"message command with a description", `[{"type": 3, "name": "Ask factbot", "description": "d"}]`, "has a description"},
		{"message command name too long", `[{"type": 3, "name": "` + strings.Repeat("x", 33) + `"}]`, "not 1 to 32"},
		{"required after optional", `[{"name": "ask", "description": "d", "options": [{"name": "a", "description": "a"}, {"name": "b", "description": "b", "required": true}]}]`, "required option b after an optional one"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var cmds []map[string]any
			if err := json.Unmarshal([]byte(tc.body), &cmds); err != nil {
				t.Fatal(err)
			}
			got := strings.Join(checkCommands(cmds), "; ")
			if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
				t.Errorf("problems: %q, want %q", got, tc.want)
			}
		})
	}
}
