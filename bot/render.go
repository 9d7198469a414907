package bot

import (
	"fmt"
	"math"
	"net/url"
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/factbot/factbot/facts"
)

// How an answer looks in Discord: one embed with the short answer first,
// then the quoted facts with [n] markers, then a "Sources" field (title,
// publisher, paragraph, and a link where the article has a url), and the
// confidence in the footer; under it, the buttons "Sources" (every citation
// in full, to the presser only), "Verify" (the paragraph of a citation and
// what identifies it, verify.go) and 👍 / 👎. An abstention says plainly that
// the sources don't answer, and lists the closest facts as suggestions.

// Embed colours.
const (
	colourAnswer  = 0x2b8a3e
	colourAbstain = 0x868e96
)

// Caps on single parts of an answer, so that one long quote cannot crowd
// out the others. Discord's limits are enforced by fitEmbed in any case.
const (
	maxShortAnswer = 500
	maxQuote       = 1000
	maxTitle       = 150
	maxURL         = 512
)

// Messages the bot says in its own words.
const (
	abstainTitle    = "My sources don't answer that"
	abstainText     = "Nothing in the articles I know answers this question."
	suggestionsText = "The closest facts I have are below: suggestions, not answers."
	smallTalkText   = "Hi! Ask me a question about the articles I know, and I'll answer with quotes from them."
)

// answerEmbed renders an answer as the embed of a reply.
func answerEmbed(a facts.Answer) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich}
	var desc []string
	cites, sourcesName := a.Citations, "Sources"
	if len(a.Corrections) > 0 {
		desc = append(desc, "*"+plain(readingLine(a.Corrections))+"*", "")
	}
	if a.Resolved != "" {
		desc = append(desc, "*"+plain(resolvedLine(a))+"*", "")
	}
	if a.SmallTalk {
		e.Color = colourAnswer
		e.Description = strings.TrimSpace(strings.Join(append(desc, smallTalkText), "\n"))
		fitEmbed(e)
		return e
	}
	if a.Abstained() {
		e.Title, e.Color = abstainTitle, colourAbstain
		desc = append(desc, abstainText)
		if gap := facts.DescribeGap(a.Gap); gap != "" {
			desc = append(desc, plain(gap))
		}
		if len(a.Suggestions) > 0 {
			desc = append(desc, suggestionsText, "")
		}
		cites, sourcesName = a.Suggestions, "Where the suggestions come from"
		e.Footer = &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("Confidence %s: too low to answer", percent(a.Confidence))}
	} else {
		e.Color = colourAnswer
		if a.Text != "" && (len(cites) == 0 || a.Text != cites[0].Quote) {
			desc = append(desc, "**"+plain(truncate(a.Text, maxShortAnswer))+"**", "")
		}
		e.Footer = &discordgo.MessageEmbedFooter{Text: "Confidence " + percent(a.Confidence)}
	}
	for _, c := range cites {
		desc = append(desc, quoteLine(c))
	}
	e.Description = strings.TrimSpace(strings.Join(desc, "\n"))
	if len(cites) > 0 {
		var src []string
		for _, c := range cites {
			src = append(src, fmt.Sprintf("[%d] %s", c.N, sourceLine(c)))
		}
		e.Fields = []*discordgo.MessageEmbedField{{Name: sourcesName, Value: strings.Join(src, "\n")}}
	}
	fitEmbed(e)
	return e
}

// readingLine says how the engine read a question's spelling:
// "Reading “teh” as “the”, “hwo” as “how”."
func readingLine(cs []facts.Correction) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = "“" + truncate(oneLine(c.From), maxShortAnswer) + "” as “" + truncate(oneLine(c.To), maxShortAnswer) + "”"
	}
	return "Reading " + strings.Join(parts, ", ") + "."
}

// sourcesEmbed renders every citation of an answer (or every suggestion of
// an abstention) in full, one field each.
func sourcesEmbed(a facts.Answer) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Title: "Sources", Color: colourAnswer}
	cites := a.Citations
	if a.Abstained() {
		e.Title, e.Color, cites = "Sources of the suggestions (not answers)", colourAbstain, a.Suggestions
	}
	for _, c := range cites {
		tail := "\n" + publisherLine(c)
		if u, ok := safeURL(c.URL); ok {
			tail += "\n[Read the article](" + u + ")"
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
			Name:  fmt.Sprintf("[%d] %s", c.N, plain(truncate(c.Title, maxTitle))),
			Value: quote(c.Quote, maxFieldValue-length(tail)) + tail,
		})
	}
	if len(cites) == 0 {
		e.Description = "This answer has no sources."
	}
	fitEmbed(e)
	return e
}

// quoteLine renders a citation's quote with its [n] marker.
func quoteLine(c facts.Citation) string {
	return fmt.Sprintf("[%d] %s", c.N, quote(c.Quote, maxQuote))
}

// quote renders a quote in quotation marks, in at most n characters.
func quote(s string, n int) string {
	return "“" + truncate(plain(s), n-2) + "”"
}

// sourceLine renders where a citation comes from: the title (a link where
// the article has a url), publisher, paragraph.
func sourceLine(c facts.Citation) string {
	title := plain(truncate(c.Title, maxTitle))
	if u, ok := safeURL(c.URL); ok {
		title = "[" + title + "](" + u + ")"
	}
	return title + " — " + publisherLine(c)
}

// publisherLine renders a citation's publisher and paragraph.
func publisherLine(c facts.Citation) string {
	s := fmt.Sprintf("paragraph %d", c.Paragraph)
	if p := plain(truncate(c.Publisher, maxTitle)); p != "" {
		s = p + ", " + s
	}
	return s
}

// safeURL returns raw fit for a markdown link: an absolute http or https
// URL, short, with nothing in it that ends a link early, and no invisible
// character that could make it read as another.
func safeURL(raw string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || strings.IndexFunc(raw, invisible) >= 0 || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return "", false
	}
	s := strings.NewReplacer("(", "%28", ")", "%29", "<", "%3C", ">", "%3E", " ", "%20").Replace(u.String())
	if len(s) > maxURL {
		return "", false
	}
	return s, true
}

// percent renders a confidence in [0, 1] as a whole percentage.
func percent(c float64) string {
	if math.IsNaN(c) {
		c = 0
	}
	return fmt.Sprintf("%.0f%%", 100*min(max(c, 0), 1))
}

// Button ids: a kind and the key under which the answer is remembered.
const (
	buttonSources = "src"
	buttonUp      = "up"
	buttonDown    = "down"
)

// The longest kind of button id under an answer.
const longestButton = len(buttonVerify)

// answerButtons returns the buttons under an answer remembered under key,
// or none if the key makes a custom_id too long.
func answerButtons(key string) []discordgo.MessageComponent {
	if longestButton+1+len(key)+len("/5") > maxCustomID {
		return nil
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "Sources", Style: discordgo.SecondaryButton, CustomID: buttonSources + ":" + key},
		discordgo.Button{Label: labelVerify, Style: discordgo.SecondaryButton, CustomID: buttonVerify + ":" + key},
		discordgo.Button{Emoji: &discordgo.ComponentEmoji{Name: "👍"}, Style: discordgo.SecondaryButton, CustomID: buttonUp + ":" + key},
		discordgo.Button{Emoji: &discordgo.ComponentEmoji{Name: "👎"}, Style: discordgo.SecondaryButton, CustomID: buttonDown + ":" + key},
	}}}
}

// fitEmbed makes e fit Discord's limits: each part within its own limit,
// at most 25 fields, no empty field, and at most 6000 characters in all,
// shortening the longest part first.
func fitEmbed(e *discordgo.MessageEmbed) {
	if len(e.Fields) > maxFields {
		e.Fields = e.Fields[:maxFields]
	}
	e.Title = truncate(oneLine(e.Title), maxEmbedTitle)
	e.Description = truncateLines(e.Description, maxEmbedDescription)
	parts := []*string{&e.Title, &e.Description}
	for _, f := range e.Fields {
		f.Name = orEllipsis(truncate(oneLine(f.Name), maxFieldName))
		f.Value = orEllipsis(truncateLines(f.Value, maxFieldValue))
		parts = append(parts, &f.Name, &f.Value)
	}
	if e.Footer != nil {
		e.Footer.Text = truncate(e.Footer.Text, maxFooter)
		parts = append(parts, &e.Footer.Text)
	}
	for excess := embedLength(e) - maxEmbedTotal; excess > 0; excess = embedLength(e) - maxEmbedTotal {
		longest := parts[0]
		for _, p := range parts[1:] {
			if length(*p) > length(*longest) {
				longest = p
			}
		}
		*longest = truncateLines(*longest, max(length(*longest)-excess, length(ellipsis)))
	}
}

// orEllipsis returns s, or "…" for an empty s: Discord rejects empty fields.
func orEllipsis(s string) string {
	if s == "" {
		return ellipsis
	}
	return s
}

// embedLength returns the characters of e that count towards the 6000.
func embedLength(e *discordgo.MessageEmbed) int {
	n := length(e.Title) + length(e.Description)
	for _, f := range e.Fields {
		n += length(f.Name) + length(f.Value)
	}
	if e.Footer != nil {
		n += length(e.Footer.Text)
	}
	return n
}
