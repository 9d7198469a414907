package bot

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
	"github.com/factbot/factbot/facts"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// hostile is an answer whose every text tries to break the message: too
// long, full of markdown and mentions, with bad URLs.
func hostile() facts.Answer {
	long := strings.Repeat("@everyone **bold** [link](http://x.example) ||spoiler|| ", 100)
	c := func(n int, url string) facts.Citation {
		return facts.Citation{N: n, Source: "s", Title: long, Publisher: long, URL: url, Paragraph: n, Quote: long}
	}
	return facts.Answer{
		Question: long, Text: long, Confidence: 1.5,
		Citations: []facts.Citation{
			c(1, "https://example.com/a (b)"), c(2, "javascript:alert(1)"), c(3, "http://user:pw@example.com/"),
			c(4, "https://example.com/"+strings.Repeat("x", 600)), c(5, ""),
		},
	}
}

func TestRenderGolden(t *testing.T) {
	base, err := facts.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	withURL := base.Ask("How much crypto has North Korea stolen?")
	withURL.Citations[0].URL = "https://btcwires.example/north-korea-(crypto)"
	for _, tc := range []struct {
		name   string
		answer facts.Answer
	}{
		{"answer", base.Ask("How much crypto has North Korea stolen?")},
		{"answer-with-url", withURL},
		{"abstention", base.Ask("What is the capital of France?")},
		{"abstention-without-suggestions", facts.Answer{Question: "?", Citations: []facts.Citation{}}},
		{"hostile", hostile()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := json.MarshalIndent(map[string]any{
				"answer":  answerEmbed(tc.answer),
				"sources": sourcesEmbed(tc.answer),
			}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "render", tc.name+".json")
			if *update {
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
		})
	}
}

func TestRenderLimits(t *testing.T) {
	h := hostile()
	huge := facts.Answer{Text: "x", Confidence: 0.5}
	for i := 1; i <= 40; i++ {
		huge.Citations = append(huge.Citations, facts.Citation{N: i, Title: strings.Repeat("t", 300), Quote: strings.Repeat("q ", 700), Paragraph: i})
	}
	for name, e := range map[string]*discordgo.MessageEmbed{
		"hostile answer":  answerEmbed(h),
		"hostile sources": sourcesEmbed(h),
		"huge answer":     answerEmbed(huge),
		"huge sources":    sourcesEmbed(huge),
	} {
		checkEmbed(t, name, e)
		text, _ := json.Marshal(e)
		if strings.Contains(string(text), "@everyone") {
			t.Errorf("%s: can mention @everyone", name)
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
	if diff := cmp.Diff([]string{"src:123", "up:123", "down:123"}, ids); diff != "" {
		t.Errorf("custom ids (-want +got):\n%s", diff)
	}
}
