package bot_test

import (
	"strings"
	"testing"
)

// TestCheckAgainstSources runs "Check against sources" on the seed
// articles: a message with a wrong figure is told the sources' figures,
// with citations and their sources; a claim the sources do not cover is
// said so; the check is private, and Post to channel shares it.
func TestCheckAgainstSources(t *testing.T) {
	t.Parallel()
	h := start(t, func(s *setup) { s.engine = seeds(t) })
	target := h.newID()
	_, token := h.interaction(2, map[string]any{"id": "502", "name": "Check against sources", "type": 3, "target_id": target,
		"resolved": map[string]any{"messages": map[string]any{target: map[string]any{
			"id": target, "channel_id": channelID, "content": "North Korea has stolen $900 million in crypto. Bitcoin hit $100,000 in 2025.",
		}}}}, "")
	r := decode[response](t, h.callback(token))
	checkNoMentions(t, r.Data)
	if r.Type != 4 || r.Data.Flags != 64 || len(r.Data.Embeds) != 1 {
		t.Fatalf("response type %d flags %d with %d embeds, want one ephemeral embed", r.Type, r.Data.Flags, len(r.Data.Embeds))
	}
	d := unescape(r.Data.Embeds[0].Description)
	wrong, uncovered, ok := strings.Cut(d, "\n\n")
	if !ok {
		t.Fatalf("the check is not one part per claim:\n%s", d)
	}
	for _, want := range []string{"says **$900 million**; the sources say **$545 million, $735 million", "** [1]", "[1] Is North Korea Behind Stealing 700 Million USD In Crypto?"} {
		if !strings.Contains(wrong, want) {
			t.Errorf("the wrong figure's check lacks %q:\n%s", want, wrong)
		}
	}
	if !strings.Contains(uncovered, "Bitcoin hit") || !strings.Contains(uncovered, "don't cover this") {
		t.Errorf("the uncovered claim's check:\n%s", uncovered)
	}
	ids := r.Data.CustomIDs()
	if len(ids) != 1 || !strings.HasPrefix(ids[0], "postcheck:") {
		t.Fatalf("buttons %v, want Post to channel", ids)
	}
	_, token = h.interaction(3, map[string]any{"custom_id": ids[0], "component_type": 2}, "")
	r = decode[response](t, h.callback(token))
	checkNoMentions(t, r.Data)
	if r.Data.Flags != 0 || len(r.Data.Embeds) != 1 || unescape(r.Data.Embeds[0].Description) != d {
		t.Errorf("posted %+v, want the check for everyone", r.Data)
	}
}
