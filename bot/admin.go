package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/factbot/factbot/internal/report"
	"github.com/factbot/factbot/internal/store"
)

// Reports reads the store for the admins' commands: /factbot report, and
// /forget-me, which erases a user's own records. A *store.DB is one.
type Reports interface {
	Report(ctx context.Context, since time.Time) (store.Report, error)
	Forget(ctx context.Context, userID string) (int64, error)
}

// The admin's commands. /factbot is a command group for the people who
// run a server: Discord shows it only to members with Manage Server
// (default_member_permissions), only in servers, and the bot checks the
// member's permissions again, since a server's admins can change who sees
// a command. /forget-me is a command of its own, not a /factbot
// subcommand: default_member_permissions applies to a whole command, so a
// subcommand of /factbot would be hidden from the very people it is for,
// and it works in direct messages too.
const (
	commandFactbot  = "factbot"
	subReport       = "report"
	optionSince     = "since"
	commandForgetMe = "forget-me"
	buttonForget    = "forget"

	defaultSince = 7 * 24 * time.Hour
	reportFile   = "factbot-report.csv"
)

// What the admin's commands say.
const (
	noteGuildOnly     = "/factbot works in a server only."
	noteNeedsManage   = "You need the Manage Server permission to see the report."
	noteNoStore       = "I keep no records here: recording is off."
	noteBadSince      = "I couldn't read since:%s. Use a number of days, such as 7d, or hours, such as 12h."
	noteForgetAsk     = "This erases every question you asked me and every vote you cast, everywhere I keep them. It cannot be undone. Questions still on their way to the store may be kept; ask again in a minute to be sure."
	noteForgetDone    = "Done: I erased %d records of yours."
	noteForgetKept    = "Nothing was erased."
	noteForgetOther   = "That button belongs to someone else's /forget-me."
	labelForgetYes    = "Erase my records"
	labelForgetCancel = "Cancel"
)

// manageServer is the Manage Server permission, which /factbot needs.
const manageServer = discordgo.PermissionManageGuild

// adminCommands returns /factbot (with report) and /forget-me.
func adminCommands() []*discordgo.ApplicationCommand {
	perms := int64(manageServer)
	no := false
	guild := []discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	return []*discordgo.ApplicationCommand{{
		Type:                     discordgo.ChatApplicationCommand,
		Name:                     commandFactbot,
		Description:              "Tools for the people who run this server.",
		DefaultMemberPermissions: &perms,
		DMPermission:             &no,
		Contexts:                 &guild,
		Options: append([]*discordgo.ApplicationCommandOption{{
			Type:        discordgo.ApplicationCommandOptionSubCommand,
			Name:        subReport,
			Description: "What went unanswered, what was voted down and why, which articles are cited.",
			Options: []*discordgo.ApplicationCommandOption{{
				Type:        discordgo.ApplicationCommandOptionString,
				Name:        optionSince,
				Description: "How far back: 7d (the default), 30d, 12h…",
				MaxLength:   10,
			}},
		}}, curationOptions()...),
	}, {
		Type:        discordgo.ChatApplicationCommand,
		Name:        commandForgetMe,
		Description: "Erase every question you asked me and every vote you cast.",
	}}
}

// adminRoutes adds the admin's commands to rt.
func (b *Bot) adminRoutes(rt *router) {
	always := func(*request) bool { return true }
	late := func(_ *request, err error) reply {
		if errors.Is(err, errTooSlow) {
			return note(noteTooSlow)
		}
		return note(noteFailed)
	}
	rt.command(commandFactbot+" "+subReport, b.deferring(always, late, b.reportCommand))
	rt.command(commandForgetMe, b.forgetMe)
	rt.component(buttonForget, b.forgetButton)
	b.curationRoutes(rt, late)
}

// reportCommand answers /factbot report with the report as an embed and
// the whole of it as a CSV attachment, for the asker alone.
func (b *Bot) reportCommand(req *request) reply {
	if req.i.GuildID == "" || req.i.Member == nil {
		return note(noteGuildOnly)
	}
	if req.i.Member.Permissions&manageServer == 0 {
		b.log.Info("refused /factbot report", "reason", "no Manage Server permission", "user", req.user())
		return note(noteNeedsManage)
	}
	if b.reports == nil {
		return note(noteNoStore)
	}
	data, _ := req.i.Data.(discordgo.ApplicationCommandInteractionData)
	since := defaultSince
	for _, o := range subOptions(data) {
		if s, ok := o.Value.(string); ok && o.Name == optionSince && strings.TrimSpace(s) != "" {
			d, err := parseSince(s)
			if err != nil {
				return note(fmt.Sprintf(noteBadSince, plain(truncate(s, 10))))
			}
			since = d
		}
	}
	r, err := b.reports.Report(req.ctx, time.Now().Add(-since))
	if err != nil {
		b.log.Error("cannot read the report", "err", err)
		return note(noteFailed)
	}
	var csv bytes.Buffer
	if err := report.WriteCSV(&csv, r); err != nil {
		b.log.Error("cannot write the report", "err", err)
		return note(noteFailed)
	}
	b.log.Info("sent /factbot report", "user", req.user(), "since", since)
	return reply{msg: message{
		embeds:    []*discordgo.MessageEmbed{reportEmbed(r)},
		files:     []*discordgo.File{{Name: reportFile, ContentType: "text/csv", Reader: &csv}},
		ephemeral: true,
	}}
}

// parseSince reads "7d", or a duration such as "12h".
func parseSince(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if n, ok := strings.CutSuffix(s, "d"); ok {
		d, err := strconv.Atoi(n)
		if err != nil || d <= 0 {
			return 0, errors.New("bot: want a number of days")
		}
		return time.Duration(d) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, errors.New("bot: want a duration")
	}
	return d, nil
}

// forgetMe asks the user to confirm that their records be erased.
func (b *Bot) forgetMe(req *request) reply {
	if b.reports == nil {
		return note(noteNoStore)
	}
	user := req.user()
	return reply{msg: message{content: noteForgetAsk, ephemeral: true, components: []discordgo.MessageComponent{
		discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: labelForgetYes, Style: discordgo.DangerButton, CustomID: buttonForget + ":yes:" + user},
			discordgo.Button{Label: labelForgetCancel, Style: discordgo.SecondaryButton, CustomID: buttonForget + ":no:" + user},
		}},
	}}}
}

// forgetButton erases the presser's records, once confirmed, and replaces
// the question with what was done.
func (b *Bot) forgetButton(req *request) reply {
	answer, user, _ := strings.Cut(req.key, ":")
	switch {
	case user != req.user():
		return note(noteForgetOther)
	case answer != "yes":
		return reply{msg: message{content: noteForgetKept, ephemeral: true}, update: true}
	case b.reports == nil:
		return note(noteNoStore)
	}
	n, err := b.reports.Forget(req.ctx, user)
	if err != nil {
		b.log.Error("cannot forget a user", "err", err)
		return note(noteFailed)
	}
	b.log.Info("forgot a user's records", "records", n)
	return reply{msg: message{content: fmt.Sprintf(noteForgetDone, n), ephemeral: true, components: []discordgo.MessageComponent{}}, update: true}
}

// reportEmbed renders the report as an embed: the counts, then the top of
// each part; the CSV attachment holds all of it.
func reportEmbed(r store.Report) *discordgo.MessageEmbed {
	const top = 8
	var unanswered, down, most, least []string
	for _, u := range r.Unanswered[:min(top, len(r.Unanswered))] {
		unanswered = append(unanswered, fmt.Sprintf("%d× %s", u.Count, plain(truncate(u.Question, 120))))
	}
	for _, d := range r.Downvoted[:min(top, len(r.Downvoted))] {
		line := fmt.Sprintf("**%s**: %s", report.ReasonText(d.Reason), plain(truncate(report.Question(d), 120)))
		if d.Note != "" {
			line += " — “" + plain(truncate(d.Note, 120)) + "”"
		}
		down = append(down, line)
	}
	for _, a := range r.MostCited(report.Ends) {
		most = append(most, fmt.Sprintf("%d · %s", a.Citations, plain(a.Article)))
	}
	for _, a := range r.LeastCited(report.Ends) {
		least = append(least, fmt.Sprintf("%d · %s", a.Citations, plain(a.Article)))
	}
	lines := func(ss []string) string {
		if len(ss) == 0 {
			return "None."
		}
		return strings.Join(ss, "\n")
	}
	e := &discordgo.MessageEmbed{
		Type:  discordgo.EmbedTypeRich,
		Title: "factbot report",
		Description: fmt.Sprintf("Since %s: **%d** questions, %d answered, %d abstained; %d 👍, %d 👎.",
			report.Since(r), r.Asked, r.Answered, r.Abstained, r.Up, r.Down),
		Color: colourAbstain,
		Fields: []*discordgo.MessageEmbedField{
			{Name: fmt.Sprintf("Unanswered questions (%d)", len(r.Unanswered)), Value: lines(unanswered)},
			{Name: fmt.Sprintf("Answers voted down (%d)", len(r.Downvoted)), Value: lines(down)},
			{Name: "Most cited articles", Value: lines(most), Inline: true},
			{Name: "Least cited articles", Value: lines(least), Inline: true},
		},
		Footer: &discordgo.MessageEmbedFooter{Text: "All of it is in " + reportFile + "."},
	}
	fitEmbed(e)
	return e
}
