package bot

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/bwmarrin/discordgo"
	"github.com/factbot/factbot/facts"
)

// "Check against sources" is a message command: it splits a message into
// its claims (sentences), asks the engine about each, and says for each
// whether the sources cover it, and when the claim gives a figure that no
// fact the engine cites gives, what figures the sources give instead:
// "The message says $900 million; the sources say $545 million, $735
// million [1][2]". It is to the member alone, with "Post to channel".
//
// The figures are read with a regular expression (amounts of money,
// numbers with their scale word, percentages, years): a first cut, which
// the engine's own amounts and dates (facts' extract.go) should replace
// once facts exports them.
const (
	commandCheck = "Check against sources"

	// maxClaims is how many claims of a message are checked.
	maxClaims = 5
	// maxFigureCites is how many citations a differing figure names.
	maxFigureCites = 3
)

// What the check says.
const (
	checkNotCovered = "My sources don't cover this."
	checkAgrees     = "The sources say the same"
	checkRelated    = "Closest source"
	checkTitle      = "Checked against my sources"
)

// figure matches a figure in text: "$545 million", "$4,500", "700 million",
// "12%", "2019".
var figure = regexp.MustCompile(`(?i)(?:[$€£]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:thousand|million|billion|trillion|[mbk])\b)?|\b\d[\d,]*(?:\.\d+)?\s?(?:thousand|million|billion|trillion|percent|%)|\b(?:1[89]|20)\d\d\b)`)

// figures returns the figures of text, normalised: lower case, spaces
// and commas gone.
func figures(text string) []string {
	var out []string
	for _, f := range figure.FindAllString(text, -1) {
		f = strings.NewReplacer(" ", "", ",", "", "percent", "%").Replace(strings.ToLower(f))
		out = append(out, f)
	}
	return out
}

// claims splits a message into its sentences, at most maxClaims of them,
// each at most maxQuestion characters.
func claims(text string) []string {
	var out []string
	for _, line := range strings.Split(visible(text), "\n") {
		start := 0
		rs := []rune(line)
		for i := 0; i < len(rs); i++ {
			end := i == len(rs)-1
			if !end && strings.ContainsRune(".!?", rs[i]) && rs[i+1] == ' ' && i+2 < len(rs) && rs[i+2] >= 'A' && rs[i+2] <= 'Z' {
				end = true
			}
			if end {
				if c := strings.TrimSpace(string(rs[start : i+1])); len(strings.Fields(c)) >= 3 {
					out = append(out, truncate(c, maxQuestion))
				}
				start = i + 1
			}
		}
	}
	return out[:min(len(out), maxClaims)]
}

// checkClaim renders what the sources say about one claim, with the
// sources it cites.
func checkClaim(claim string, a facts.Answer) string {
	head := "> " + plain(truncate(claim, maxShortAnswer)) + "\n"
	if a.Abstained() || a.SmallTalk || len(a.Citations) == 0 {
		return head + checkNotCovered
	}
	said, raw := figures(claim), figure.FindAllString(claim, -1)
	inSources := map[string]bool{}
	var sourceFigures []string
	var cited []facts.Citation
	for _, c := range a.Citations {
		norm, rawQ := figures(c.Quote), figure.FindAllString(c.Quote, -1)
		if len(norm) == 0 || len(cited) == maxFigureCites {
			continue
		}
		cited = append(cited, c)
		for i, f := range norm {
			if !inSources[f] {
				sourceFigures = append(sourceFigures, strings.TrimSpace(rawQ[i]))
			}
			inSources[f] = true
		}
	}
	var differ []string
	for i, f := range said {
		if !inSources[f] {
			differ = append(differ, strings.TrimSpace(raw[i]))
		}
	}
	var line string
	switch first := a.Citations[0]; {
	case len(differ) > 0 && len(sourceFigures) > 0:
		var marks string
		for _, c := range cited {
			marks += fmt.Sprintf("[%d]", c.N)
		}
		line = fmt.Sprintf("The message says **%s**; the sources say **%s** %s", plain(strings.Join(differ, ", ")),
			plain(strings.Join(sourceFigures, ", ")), marks)
	case len(said) > 0 && len(differ) == 0:
		cited = []facts.Citation{first}
		line = fmt.Sprintf("%s [%d]: %s", checkAgrees, first.N, quote(first.Quote, maxQuote))
	default:
		cited = []facts.Citation{first}
		line = fmt.Sprintf("%s [%d]: %s", checkRelated, first.N, quote(first.Quote, maxQuote))
	}
	for _, c := range cited {
		line += fmt.Sprintf("\n[%d] %s", c.N, sourceLine(c))
	}
	return head + line
}

// indexOf returns the index of s in list.
func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return 0
}

// checkCommand answers "Check against sources" privately, with a button
// to post the check.
func (b *Bot) checkCommand(req *request) reply {
	data, _ := req.i.Data.(discordgo.ApplicationCommandInteractionData)
	cs := claims(targetText(data))
	if len(cs) == 0 {
		return note(noteNoText)
	}
	if ok, wait, _ := b.limiter.allow(req.user()); !ok {
		return note(cooldownNote(wait))
	}
	var parts []string
	for _, c := range cs {
		res := b.ask(c)
		if res.err != nil {
			return note(noteFailed)
		}
		parts = append(parts, checkClaim(c, res.answer))
	}
	e := &discordgo.MessageEmbed{
		Type:        discordgo.EmbedTypeRich,
		Title:       checkTitle,
		Description: strings.Join(parts, "\n\n"),
		Color:       colourAbstain,
	}
	fitEmbed(e)
	b.log.Info("checked a message", "claims", len(cs), "user", req.user())
	key := req.i.ID
	b.checks.put(key, e)
	m := message{embeds: []*discordgo.MessageEmbed{e}, ephemeral: true}
	if id := buttonPostCheck + ":" + key; len(id) <= maxCustomID {
		m.components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: labelPost, Style: discordgo.PrimaryButton, CustomID: id},
		}}}
	}
	return reply{msg: m}
}

// buttonPostCheck posts a check for everyone: "postcheck:KEY".
const buttonPostCheck = "postcheck"

// postCheckButton posts the check remembered under the request's key.
func (b *Bot) postCheckButton(req *request) reply {
	e, ok := b.checks.get(req.key)
	if !ok {
		return note(noteAlreadyPost)
	}
	return reply{msg: message{content: fmt.Sprintf(noteSharedBy, plain(truncate(userName(req.i), maxTitle))), embeds: []*discordgo.MessageEmbed{e}}}
}
