package fakediscord

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestPermitted(t *testing.T) {
	s := &Server{}
	s.commands = []map[string]any{
		{"name": "ask"},
		{"name": "factbot", "default_member_permissions": "32", "dm_permission": false, "contexts": []any{float64(0)}},
		{"name": "admins", "default_member_permissions": "0"},
	}
	for _, tc := range []struct {
		name        string
		command     string
		permissions int64
		dm          bool
		want        bool
	}{
		{"anyone may ask", "ask", 0, false, true},
		{"ask in a DM", "ask", 0, true, true},
		{"Manage Server", "factbot", 32, false, true},
		{"Manage Server and more", "factbot", 32 | 2048, false, true},
		{"without Manage Server", "factbot", 2048, false, false},
		{"administrator", "factbot", 8, false, true},
		{"not in a DM", "factbot", 32, true, false},
		{"0: administrators only", "admins", 2048, false, false},
		{"0, an administrator", "admins", 8, false, true},
		{"a command not registered", "nope", 8, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := s.Permitted(tc.command, tc.permissions, tc.dm); got != tc.want {
				t.Errorf("Permitted(%q, %d, dm %v) = %v, want %v", tc.command, tc.permissions, tc.dm, got, tc.want)
			}
		})
	}
}

func TestCheckModal(t *testing.T) {
	input := func(label string) map[string]any {
		return map[string]any{"type": 1, "components": []any{map[string]any{"type": 4, "custom_id": "note", "label": label}}}
	}
	for _, tc := range []struct {
		name  string
		modal map[string]any
		want  string // in the problems; "" for none
	}{
		{"fine", map[string]any{"custom_id": "m", "title": "What was wrong?", "components": []any{input("Note")}}, ""},
		{"no title", map[string]any{"custom_id": "m", "components": []any{input("Note")}}, "title: 0"},
		{"title over", map[string]any{"custom_id": "m", "title": strings.Repeat("x", 46), "components": []any{input("Note")}}, "title: 46"},
		{"label over", map[string]any{"custom_id": "m", "title": "t", "components": []any{input(strings.Repeat("x", 46))}}, "label: 46"},
		{"no components", map[string]any{"custom_id": "m", "title": "t"}, "components: 0 rows"},
		{"a button", map[string]any{"custom_id": "m", "title": "t", "components": []any{map[string]any{"type": 1, "components": []any{map[string]any{"type": 2, "custom_id": "b", "label": "x"}}}}}, "not an action row of one text input"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, _ := json.Marshal(tc.modal)
			body, _ := json.Marshal(map[string]any{"type": 9, "data": json.RawMessage(data)})
			got := strings.Join(checkCallback(body), "; ")
			if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
				t.Errorf("problems %q, want %q", got, tc.want)
			}
		})
	}
}
