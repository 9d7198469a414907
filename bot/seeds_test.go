package bot_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/factbot/factbot/facts"
	"github.com/google/go-cmp/cmp"
)

// TestSeeds runs the bot on the real engine and the seed articles, and
// checks only what holds however the engine ranks: the reply shows the
// answer that the engine gives at test time, its short answer, quotes,
// sources and confidence, as the bot renders any answer. How the bot
// renders is for TestRenderGolden, on recorded answers.
func TestSeeds(t *testing.T) {
	t.Parallel()
	base := seeds(t)
	want := base.Ask(crypto)
	if want.Abstained() {
		t.Fatalf("the engine abstains on %q: this test needs a question that the seed articles answer", crypto)
	}
	h := start(t, func(s *setup) { s.engine = base })
	for _, tc := range []struct {
		name string
		send func(h *harness) (id string, reply func() sent)
	}{
		{"mention", func(h *harness) (string, func() sent) {
			id := h.mention(crypto)
			return id, func() sent { return h.reply(id) }
		}},
		{"ask", func(h *harness) (string, func() sent) {
			id, token := h.ask(question(crypto))
			return id, func() sent { return decode[response](h.t, h.callback(token)).Data }
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := h.sub(t)
			id, reply := tc.send(h)
			m := reply()
			checkNoMentions(t, m)
			checkShows(t, m, want)
			if diff := cmp.Diff([]string{"src:" + id, "verify:" + id, "up:" + id, "down:" + id, "thread:" + id}, m.CustomIDs()); diff != "" {
				t.Errorf("buttons (-want +got):\n%s", diff)
			}
		})
	}
}

// checkShows fails the test unless m shows a, an answer, in one embed: a
// bold short answer first (unless the answer is its first quote), then
// the quote of each citation verbatim, in order, marked [n]; a Sources
// field with each citation's title, publisher and paragraph, in order;
// and the confidence as a percentage in the footer. Text is compared as
// it reads in Discord: markdown escapes undone, runs of spaces as one
// space. A part cut short to fit Discord's limits ends in "…", and must
// be the start of what it cuts; a list cut short ends with a line "…".
func checkShows(t *testing.T, m sent, a facts.Answer) {
	t.Helper()
	if len(m.Embeds) != 1 {
		t.Fatalf("%d embeds, want 1: %+v", len(m.Embeds), m)
	}
	e := m.Embeds[0]
	lines := strings.Split(e.Description, "\n")
	if a.Text != a.Citations[0].Quote {
		first := lines[0]
		if !strings.HasPrefix(first, "**") || !strings.HasSuffix(first, "**") || len(first) < 5 || len(lines) < 2 || lines[1] != "" {
			t.Fatalf("the description does not start with a bold short answer and a blank line:\n%s", e.Description)
		}
		if !shownAs(strings.TrimSuffix(strings.TrimPrefix(first, "**"), "**"), a.Text) {
			t.Errorf("short answer %s, want %q", first, a.Text)
		}
		lines = lines[2:]
	}
	for i, line := range cutList(t, "quotes", lines, len(a.Citations)) {
		prefix := fmt.Sprintf("[%d] “", a.Citations[i].N)
		if !strings.HasPrefix(line, prefix) || !strings.HasSuffix(line, "”") {
			t.Errorf("quote line %d is not %s…”: %s", i+1, prefix, line)
			continue
		}
		if q := strings.TrimSuffix(strings.TrimPrefix(line, prefix), "”"); !shownAs(q, a.Citations[i].Quote) {
			t.Errorf("quote [%d] is not the citation's quote:\n got: %s\nwant: %s", a.Citations[i].N, q, a.Citations[i].Quote)
		}
	}

	if len(e.Fields) != 1 || e.Fields[0].Name != "Sources" {
		t.Fatalf("fields %+v, want one named Sources", e.Fields)
	}
	for i, line := range cutList(t, "sources", strings.Split(e.Fields[0].Value, "\n"), len(a.Citations)) {
		c := a.Citations[i]
		text := words(unescape(line))
		if !strings.HasPrefix(line, fmt.Sprintf("[%d] ", c.N)) || !strings.Contains(text, words(c.Title)) ||
			!strings.Contains(text, words(c.Publisher)) || !strings.HasSuffix(text, fmt.Sprintf("paragraph %d", c.Paragraph)) {
			t.Errorf("source line %d is not [%d] %q — %q, paragraph %d: %s", i+1, c.N, c.Title, c.Publisher, c.Paragraph, line)
		}
	}

	if want := fmt.Sprintf("Confidence %.0f%%", 100*a.Confidence); e.Footer == nil || e.Footer.Text != want {
		t.Errorf("footer %+v, want %q", e.Footer, want)
	}
}

// cutList returns lines, one for each of n items, after checking that
// there is one line for each, or, if the list was cut short, a line for
// each of the first ones and a last line "…".
func cutList(t *testing.T, what string, lines []string, n int) []string {
	t.Helper()
	if k := len(lines) - 1; k >= 1 && k < n && lines[k] == "…" {
		return lines[:k]
	}
	if len(lines) != n {
		t.Fatalf("%d lines of %s, want %d:\n%s", len(lines), what, n, strings.Join(lines, "\n"))
	}
	return lines
}

// shownAs reports whether shown, text as the bot wrote it, reads as
// original in Discord, or as its start cut short with "…".
func shownAs(shown, original string) bool {
	got, want := words(unescape(shown)), words(original)
	if cut, ok := strings.CutSuffix(got, "…"); ok && got != want {
		return cut != "" && strings.HasPrefix(want, words(cut))
	}
	return got == want
}

// unescape undoes the escapes of Discord markdown: a backslash before a
// character, and a zero-width space after "@".
func unescape(s string) string {
	var b strings.Builder
	escaped := false
	for _, r := range s {
		switch {
		case escaped:
			escaped = false
		case r == '\\':
			escaped = true
			continue
		case r == '\u200b' && strings.HasSuffix(b.String(), "@"):
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// words returns s with each run of spaces as one space, and trimmed.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }
