package bot

import (
	"testing"

	"github.com/factbot/factbot/facts"
)

func TestMemory(t *testing.T) {
	m := newMemory[facts.Answer](2)
	m.put("a", facts.Answer{Text: "A"})
	m.put("b", facts.Answer{Text: "B"})
	if a, ok := m.get("a"); !ok || a.Text != "A" { // a is now the most recent
		t.Fatalf("get(a) = %v, %v", a, ok)
	}
	m.put("c", facts.Answer{Text: "C"}) // forgets b, the least recent
	m.put("a", facts.Answer{Text: "A2"})
	for key, want := range map[string]string{"a": "A2", "b": "", "c": "C"} {
		a, ok := m.get(key)
		if ok != (want != "") || a.Text != want {
			t.Errorf("get(%s) = %q, %v; want %q", key, a.Text, ok, want)
		}
	}
}
