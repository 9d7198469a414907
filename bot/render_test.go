package bot

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/fakefacts"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestRenderGolden renders each recorded answer (see recorded) as the
// embed of a reply and the embed of its Sources button, and compares them
// with testdata/render/NAME.json. go test -update rewrites those files.
func TestRenderGolden(t *testing.T) {
	engine := fakefacts.ForTest(t, os.DirFS("testdata"))
	names := engine.Names()
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			a, _ := engine.Answer(name)
			got, err := json.MarshalIndent(map[string]any{
				"answer":  answerEmbed(a),
				"sources": sourcesEmbed(a),
			}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join("testdata", "render", name+".json"), got)
		})
	}
	goldens, err := filepath.Glob(filepath.Join("testdata", "render", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range goldens {
		if !slices.Contains(names, strings.TrimSuffix(filepath.Base(g), ".json")) {
			t.Errorf("%s renders no recorded answer: remove it", g)
		}
	}
}

// TestRenderLimits renders every recorded answer, and one with more and
// longer citations than Discord takes, and checks each embed against
// Discord's limits.
func TestRenderLimits(t *testing.T) {
	engine := fakefacts.ForTest(t, os.DirFS("testdata"))
	answers := map[string]facts.Answer{}
	for _, name := range engine.Names() {
		answers[name], _ = engine.Answer(name)
	}
	huge := facts.Answer{Text: "x", Confidence: 0.5}
	for i := 1; i <= 40; i++ {
		huge.Citations = append(huge.Citations, facts.Citation{N: i, Title: strings.Repeat("t", 300), Quote: strings.Repeat("q ", 700), Paragraph: i})
	}
	answers["huge"] = huge
	for name, a := range answers {
		for what, e := range map[string]*discordgo.MessageEmbed{"answer": answerEmbed(a), "sources": sourcesEmbed(a)} {
			name := name + " " + what
			checkEmbed(t, name, e)
			text, _ := json.Marshal(e)
			if strings.Contains(string(text), "@everyone") || strings.Contains(string(text), "@here") {
				t.Errorf("%s: can mention @everyone or @here", name)
			}
		}
	}
}

// checkEmbed fails the test if e breaks one of Discord's limits.
func checkEmbed(t *testing.T, name string, e *discordgo.MessageEmbed) {
	t.Helper()
	if n := length(e.Title); n > maxEmbedTitle {
		t.Errorf("%s: title %d long", name, n)
	}
	if n := length(e.Description); n > maxEmbedDescription {
		t.Errorf("%s: description %d long", name, n)
	}
	if len(e.Fields) > maxFields {
		t.Errorf("%s: %d fields", name, len(e.Fields))
	}
	for i, f := range e.Fields {
		if n := length(f.Name); n < 1 || n > maxFieldName {
			t.Errorf("%s: field %d name %d long", name, i, n)
		}
		if n := length(f.Value); n < 1 || n > maxFieldValue {
			t.Errorf("%s: field %d value %d long", name, i, n)
		}
	}
	if e.Footer != nil && length(e.Footer.Text) > maxFooter {
		t.Errorf("%s: footer %d long", name, length(e.Footer.Text))
	}
	if n := embedLength(e); n > maxEmbedTotal {
		t.Errorf("%s: %d characters in all", name, n)
	}
}

func TestSafeURL(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // "" if refused
	}{
		{"https://example.com/a", "https://example.com/a"},
		{"http://example.com/a(b)c", "http://example.com/a%28b%29c"},
		{" https://example.com/a b ", "https://example.com/a%20b"},
		{"javascript:alert(1)", ""},
		{"ftp://example.com/", ""},
		{"//example.com/", ""},
		{"https://user:pw@example.com/", ""},
		{"https://example.com/" + strings.Repeat("x", 600), ""},
		{"https://example.com/a\u202egnp.exe", ""},
		{"https://example.com/?q=\u200b", ""},
		{"", ""},
	} {
		got, ok := safeURL(tc.in)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("safeURL(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

func TestAnswerButtons(t *testing.T) {
	if b := answerButtons(strings.Repeat("9", 200)); b != nil {
		t.Errorf("buttons with a custom_id over 100 characters: %+v", b)
	}
	row := answerButtons("123")[0].(discordgo.ActionsRow)
	var ids []string
	for _, c := range row.Components {
		ids = append(ids, c.(discordgo.Button).CustomID)
	}
	if diff := cmp.Diff([]string{"src:123", "verify:123", "up:123", "down:123"}, ids); diff != "" {
		t.Errorf("custom ids (-want +got):\n%s", diff)
	}
}

// TestRenderDropsInvisible renders an answer whose article text holds
// bidirectional overrides and zero-width characters: none reaches the
// embeds (but the "@" escape's own zero-width space), and the answer
// itself, the article's text as stored, keeps them.
func TestRenderDropsInvisible(t *testing.T) {
	c := facts.Citation{
		N: 1, Source: "memo", Title: "Quarterly \u202ecod.exe\u202c report", Publisher: "Daily\u200b Wire\u2066",
		URL: "https://example.com/memo", Paragraph: 2,
		Quote: "The fund lost \u2067$5 million\u2069 in\u200d the hack, said\ufeff @\u200beveryone.",
	}
	a := facts.Answer{Question: "How much?", Text: "$5\u200e million", Confidence: 0.9, Citations: []facts.Citation{c}}
	for _, e := range []*discordgo.MessageEmbed{answerEmbed(a), sourcesEmbed(a)} {
		texts := []string{e.Title, e.Description}
		if e.Footer != nil {
			texts = append(texts, e.Footer.Text)
		}
		for _, f := range e.Fields {
			texts = append(texts, f.Name, f.Value)
		}
		for _, text := range texts {
			if i := strings.IndexFunc(strings.ReplaceAll(text, "@\u200b", "@"), invisible); i >= 0 {
				t.Errorf("embed text %q keeps an invisible character", text)
			}
		}
		if !strings.Contains(e.Description+fieldValues(e), "Quarterly cod.exe report") && !strings.Contains(e.Description+fieldValues(e), "The fund lost $5 million in the hack") {
			t.Errorf("embed %q shows neither the title nor the quote, cleaned", e.Title)
		}
	}
	if !strings.ContainsRune(a.Citations[0].Quote, '\u2067') {
		t.Error("rendering changed the answer's quote")
	}
}

// fieldValues joins the names and values of an embed's fields.
func fieldValues(e *discordgo.MessageEmbed) string {
	var b strings.Builder
	for _, f := range e.Fields {
		b.WriteString(f.Name + "\n" + f.Value + "\n")
	}
	return b.String()
}

// TestRenderReading checks that an answer says how the question was read,
// that an abstention says what the sources lack, and that small talk gets
// a friendly line instead of an abstention.
func TestRenderReading(t *testing.T) {
	quote := facts.Citation{N: 1, Source: "a", Title: "T", Paragraph: 1, Quote: "They stole $5."}
	for _, tt := range []struct {
		name string
		a    facts.Answer
		want []string
		not  []string
	}{
		{"corrected", facts.Answer{Text: "$5", Confidence: 0.9, Citations: []facts.Citation{quote},
			Corrections: []facts.Correction{{From: "teh", To: "the"}, {From: "hwo", To: "how"}}},
			[]string{"Reading “teh” as “the”, “hwo” as “how”."}, nil},
		{"gap", facts.Answer{Citations: []facts.Citation{}, Gap: &facts.Gap{Unknown: []string{"Upbit"}, Kind: "date"}},
			[]string{abstainText, "They never mention “Upbit”.", "The closest facts name no date for that."}, nil},
		{"small talk", facts.Answer{Citations: []facts.Citation{}, SmallTalk: true},
			[]string{smallTalkText}, []string{abstainText}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := answerEmbed(tt.a)
			text := e.Title + "\n" + e.Description
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("embed %q lacks %q", text, w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(text, w) {
					t.Errorf("embed %q has %q", text, w)
				}
			}
		})
	}
}

// checkGolden compares got with the golden file, or writes it with -update.
func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)+"\n"); diff != "" {
		t.Errorf("%s (-want +got):\n%s", golden, diff)
	}
}
