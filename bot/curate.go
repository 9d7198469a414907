package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/store"
)

// Curation lets the people who run a server add and remove articles from
// Discord: /factbot add takes a .txt or .md attachment, /factbot remove an
// article added that way, /factbot articles lists them. A nil Curation
// answers those commands that curation is off.
type Curation struct {
	// Dir is the folder that added articles are written to, one file
	// each, named after the attachment. The engine's loader must read it.
	Dir string

	// Reload, if set, rebuilds the fact base after an add or a remove,
	// so that the reply can say the change is live. Without it the reply
	// says the change is live at the next reload.
	Reload func(ctx context.Context) error

	// Records keeps who added which article and when; nil keeps nothing.
	Records Articles

	// Shared means that Records keeps each added article's text for every
	// process that shares it (PostgreSQL), and that the engine's loader
	// reads the articles from there: an add is written to Records only,
	// not to Dir, and remove also takes an article that only Records
	// holds. Records must be set.
	Shared bool

	// MaxBytes caps an attachment: zero means 1 MiB, more than 25 MB
	// means 25 MB (Discord's own limit for a bot's users).
	MaxBytes int64

	// Timeout bounds the download of an attachment; zero means 10 seconds.
	Timeout time.Duration

	// Hosts are the hosts an attachment may be fetched from, over https
	// or http; nil means Discord's CDN (cdn.discordapp.com and
	// media.discordapp.net), over https only.
	Hosts []string

	// Client fetches attachments; nil means http.DefaultTransport. It
	// never follows a redirect to a host not in Hosts.
	Client *http.Client
}

// Articles keeps the records of the articles added from Discord. A
// *store.DB is one.
type Articles interface {
	AddArticle(ctx context.Context, a store.Added) error
	RemoveArticle(ctx context.Context, id string) error
	AddedArticles(ctx context.Context) ([]store.Added, error)
}

// The limits of Curation's zero value.
const (
	defaultMaxAttachment = 1 << 20
	maxAttachment        = 25_000_000
	defaultFetchTimeout  = 10 * time.Second
)

// discordCDN are the hosts Discord serves attachments from.
var discordCDN = []string{"cdn.discordapp.com", "media.discordapp.net"}

// The curation subcommands of /factbot and their options.
const (
	subAdd        = "add"
	subRemove     = "remove"
	subArticles   = "articles"
	optionFile    = "file"
	optionArticle = "article"
)

// What the curation commands say.
const (
	noteCurationOff  = "Adding articles from Discord is off here: the bot has no articles folder to write to."
	noteRefused      = "I didn't add %s: %s"
	noteRemoved      = "Removed “%s”."
	noteCannotRemove = "I can remove only articles in my articles folder, and “%s” is not one of them."
	noteLive         = "It is live now: ask away."
	noteLiveLater    = "It will be live at my next reload, within a minute or so."
	noteReloadFailed = "I saved it, but rebuilding my fact base failed, so it is not live yet; the people who run me can see why in the log."
	noteNoArticles   = "I have no articles."
	noteGone         = "I no longer answer from it."
	noteGoneLater    = "I stop answering from it at my next reload, within a minute or so."
	noteGoneFailed   = "I deleted its file, but rebuilding my fact base failed, so I still answer from it for now; the people who run me can see why in the log."
)

// curationOptions returns the subcommands add, remove and articles.
func curationOptions() []*discordgo.ApplicationCommandOption {
	return []*discordgo.ApplicationCommandOption{{
		Type:        discordgo.ApplicationCommandOptionSubCommand,
		Name:        subAdd,
		Description: "Add an article from a .txt or .md file.",
		Options: []*discordgo.ApplicationCommandOption{{
			Type:        discordgo.ApplicationCommandOptionAttachment,
			Name:        optionFile,
			Description: "The article: a .txt or .md file, title first. Without one, paste it.",
		}},
	}, {
		Type:        discordgo.ApplicationCommandOptionSubCommand,
		Name:        subRemove,
		Description: "Remove an article added from Discord.",
		Options: []*discordgo.ApplicationCommandOption{{
			Type:         discordgo.ApplicationCommandOptionString,
			Name:         optionArticle,
			Description:  "Which article",
			Required:     true,
			Autocomplete: true,
		}},
	}, {
		Type:        discordgo.ApplicationCommandOptionSubCommand,
		Name:        subArticles,
		Description: "List my articles: title, publisher, facts, who added them and when.",
	}}
}

// curationRoutes adds the curation commands to rt.
func (b *Bot) curationRoutes(rt *router, late func(*request, error) reply) {
	always := func(*request) bool { return true }
	rt.command(commandFactbot+" "+subAdd, b.deferring(always, late, b.admin(b.addCommand)))
	rt.command(commandFactbot+" "+subRemove, b.deferring(always, late, b.admin(b.removeCommand)))
	rt.command(commandFactbot+" "+subArticles, b.deferring(always, late, b.admin(b.articlesCommand)))
	rt.modalSubmit(modalAdd, b.deferring(always, late, b.admin(b.addTextModal)))
	rt.component(buttonArticles, b.admin(b.articlesButton))
	rt.complete(commandFactbot, b.articleChoices)
}

// admin wraps a /factbot handler: it runs in a server only, for a member
// with Manage Server.
func (b *Bot) admin(h handler) handler {
	return func(req *request) reply {
		if req.i.GuildID == "" || req.i.Member == nil {
			return note(noteGuildOnly)
		}
		if req.i.Member.Permissions&manageServer == 0 {
			b.log.Info("refused a /factbot command", "reason", "no Manage Server permission", "user", req.user())
			return note(noteNeedsManageTo)
		}
		return h(req)
	}
}

// noteNeedsManageTo refuses a /factbot subcommand.
const noteNeedsManageTo = "You need the Manage Server permission to do that."

// refusal is why an attachment was not added, in words for the admin.
type refusal struct{ why string }

func (r refusal) Error() string { return r.why }

func refuse(format string, args ...any) error { return refusal{fmt.Sprintf(format, args...)} }

// addCommand answers /factbot add: it fetches the attachment, parses it
// as the loader would, writes it into the articles folder, and says what
// it learned, or why it refused the file. Without an attachment it opens
// a modal to paste the article into (addTextModal).
func (b *Bot) addCommand(req *request) reply {
	c := b.cfg.Curation
	if c == nil || c.Dir == "" {
		return note(noteCurationOff)
	}
	data, _ := req.i.Data.(discordgo.ApplicationCommandInteractionData)
	att := attachment(data)
	if att == nil {
		return reply{modal: addModal()}
	}
	art, err := b.addFile(req.ctx, c, att, req)
	return b.added(req, c, att.Filename, art, err)
}

// addTextModal adds the article pasted into the modal of /factbot add.
func (b *Bot) addTextModal(req *request) reply {
	c := b.cfg.Curation
	if c == nil || c.Dir == "" {
		return note(noteCurationOff)
	}
	data, _ := req.i.Data.(discordgo.ModalSubmitInteractionData)
	title := strings.TrimSpace(textInput(data.Components, inputTitle))
	publisher := strings.TrimSpace(textInput(data.Components, inputPublisher))
	text := strings.TrimSpace(textInput(data.Components, inputText))
	var body strings.Builder
	if publisher != "" {
		body.WriteString(oneLine(publisher) + "\n\n")
	}
	body.WriteString(oneLine(title) + "\n\n" + text + "\n")
	art, err := b.accept(req.ctx, c, articleID(title), ".txt", []byte(body.String()), req)
	return b.added(req, c, title, art, err)
}

// added renders the outcome of an add of name: what was learned (title,
// publisher, date, paragraphs, facts, id, the names it mentions and two
// questions it can now answer), or the
// reason it was refused.
func (b *Bot) added(req *request, c *Curation, name string, art facts.Article, err error) reply {
	shown := plain(truncate(name, maxTitle))
	var r refusal
	switch {
	case errors.As(err, &r):
		b.log.Info("refused an article", "file", logged(name), "reason", r.why, "user", req.user())
		return note(fmt.Sprintf(noteRefused, shown, plain(r.why)))
	case err != nil:
		b.log.Error("cannot add an article", "file", logged(name), "err", err)
		return note(noteFailed)
	}
	learned := facts.New([]facts.Article{art}, nil)
	live := noteLiveLater
	if c.Reload != nil {
		live = noteLive
		if err := c.Reload(req.ctx); err != nil {
			b.log.Error("cannot rebuild the fact base after an add", "err", err)
			live = noteReloadFailed
		}
	}
	b.log.Info("added an article", "id", art.ID, "facts", learned.Len(), "user", req.user())
	return reply{msg: message{embeds: []*discordgo.MessageEmbed{addedEmbed(art, learned, live)}, ephemeral: true}}
}

// The modal of /factbot add without an attachment, and its text inputs.
const (
	modalAdd       = "addtext"
	inputTitle     = "title"
	inputPublisher = "publisher"
	inputText      = "text"
	maxPastedText  = 4000 // Discord's limit on a text input
)

// addModal asks for an article's title, publisher and text.
func addModal() *modal {
	input := func(id, label string, style discordgo.TextInputStyle, required bool, max int, placeholder string) discordgo.MessageComponent {
		return discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.TextInput{
			CustomID: id, Label: label, Style: style, Required: required, MaxLength: max, Placeholder: placeholder,
		}}}
	}
	return &modal{customID: modalAdd, title: "Add an article", components: []discordgo.MessageComponent{
		input(inputTitle, "Title", discordgo.TextInputShort, true, 200, "The article's headline"),
		input(inputPublisher, "Publisher", discordgo.TextInputShort, false, 100, "Optional: who published it"),
		input(inputText, "Text", discordgo.TextInputParagraph, true, maxPastedText, "The article's text: paragraphs separated by blank lines"),
	}}
}

// addFile fetches and checks an attachment, then accepts it. A refusal
// is a refusal error.
func (b *Bot) addFile(ctx context.Context, c *Curation, att *discordgo.MessageAttachment, req *request) (facts.Article, error) {
	ext := strings.ToLower(filepath.Ext(att.Filename))
	if ext != ".txt" && ext != ".md" {
		return facts.Article{}, refuse("only .txt and .md files are articles")
	}
	id := articleID(att.Filename)
	limit := c.maxBytes()
	if int64(att.Size) > limit {
		return facts.Article{}, refuse("it is %d bytes, over my limit of %d", att.Size, limit)
	}
	if err := b.free(c, id); err != nil {
		return facts.Article{}, err
	}
	body, err := c.fetch(ctx, att.URL, limit)
	if err != nil {
		return facts.Article{}, err
	}
	return b.accept(ctx, c, id, ext, body, req)
}

// free returns a refusal unless id names an article, and no article
// has it yet.
func (b *Bot) free(c *Curation, id string) error {
	if id == "" {
		return refuse("its name has no letters or digits to name the article by")
	}
	if _, ok := b.findArticle(id); ok {
		return refuse("I already have an article named %s; remove it first", id)
	}
	if existing(c.Dir, id) != "" {
		return refuse("my articles folder already holds a file named %s; remove it first", id)
	}
	return nil
}

// accept parses an article file, writes it into the articles folder as
// id+ext, and records who added it.
func (b *Bot) accept(ctx context.Context, c *Curation, id, ext string, body []byte, req *request) (facts.Article, error) {
	art, err := facts.ParseArticle(id, body, ext == ".md")
	if err != nil {
		return facts.Article{}, refuse("%s", strings.TrimPrefix(err.Error(), "facts: "))
	}
	rec := store.Added{ID: id, Title: art.Title, Publisher: art.Publisher, Facts: facts.New([]facts.Article{art}, nil).Len(),
		UserID: req.user(), UserName: userName(req.i), Body: body, Ext: ext}
	b.curating.Lock() // two adds of one name: the second is refused
	err = b.free(c, id)
	switch {
	case err == nil && c.Shared:
		if err = c.Records.AddArticle(ctx, rec); err != nil {
			err = fmt.Errorf("bot: store article: %w", err)
		}
	case err == nil:
		if err = writeAtomic(c.Dir, id+ext, body); err != nil {
			err = fmt.Errorf("bot: write article: %w", err)
		}
	}
	b.curating.Unlock()
	if err != nil {
		return facts.Article{}, err
	}
	if c.Records != nil && !c.Shared {
		rec.Body = nil // the folder holds the text
		if err := c.Records.AddArticle(ctx, rec); err != nil {
			b.log.Error("cannot record an added article", "id", id, "err", err)
		}
	}
	return art, nil
}

// stored reports whether the store holds the text of the article id, when
// the added articles are shared.
func (b *Bot) stored(ctx context.Context, c *Curation, id string) bool {
	if !c.Shared || c.Records == nil {
		return false
	}
	added, err := c.Records.AddedArticles(ctx)
	if err != nil {
		b.log.Error("cannot list the articles added", "err", err)
		return false
	}
	return slices.ContainsFunc(added, func(a store.Added) bool { return a.ID == id && a.SHA256 != "" })
}

func (c *Curation) maxBytes() int64 {
	switch {
	case c.MaxBytes <= 0:
		return defaultMaxAttachment
	case c.MaxBytes > maxAttachment:
		return maxAttachment
	}
	return c.MaxBytes
}

// allowed reports whether an attachment may be fetched from u.
func (c *Curation) allowed(u *url.URL) bool {
	hosts, schemes := c.Hosts, []string{"https", "http"}
	if hosts == nil {
		hosts, schemes = discordCDN, []string{"https"}
	}
	return u.User == nil && slices.Contains(schemes, u.Scheme) && slices.Contains(hosts, u.Host)
}

// fetch downloads an attachment from raw, within the timeout and at most
// limit bytes; more is refused.
func (c *Curation) fetch(ctx context.Context, raw string, limit int64) ([]byte, error) {
	u, err := url.Parse(raw)
	if err != nil || !c.allowed(u) {
		return nil, refuse("its address is not Discord's file server")
	}
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = defaultFetchTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	client := http.Client{Transport: http.DefaultTransport, CheckRedirect: func(r *http.Request, via []*http.Request) error {
		if len(via) >= 3 || !c.allowed(r.URL) {
			return errors.New("bot: redirect away from the file server")
		}
		return nil
	}}
	if c.Client != nil {
		client.Transport = c.Client.Transport
	}
	r, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("bot: fetch attachment: %w", err)
	}
	resp, err := client.Do(r)
	if err != nil {
		if ctx.Err() != nil {
			return nil, refuse("downloading it took longer than %s", timeout)
		}
		return nil, refuse("I could not download it")
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, refuse("I could not download it (HTTP %d)", resp.StatusCode)
	}
	if resp.ContentLength > limit {
		return nil, refuse("it is %d bytes, over my limit of %d", resp.ContentLength, limit)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	switch {
	case ctx.Err() != nil:
		return nil, refuse("downloading it took longer than %s", timeout)
	case err != nil:
		return nil, refuse("I could not download it")
	case int64(len(data)) > limit:
		return nil, refuse("it is over my limit of %d bytes", limit)
	}
	return data, nil
}

// attachment returns the attachment of /factbot add.
func attachment(data discordgo.ApplicationCommandInteractionData) *discordgo.MessageAttachment {
	if data.Resolved == nil {
		return nil
	}
	for _, o := range subOptions(data) {
		if id, ok := o.Value.(string); ok && o.Name == optionFile {
			return data.Resolved.Attachments[id]
		}
	}
	return nil
}

// articleID names an article after its file: the name without its
// extension, lower case, ASCII letters and digits only, other runs as
// "-", at most 64 bytes: "Freedonia heist.txt" and "freedonia_heist.md"
// are both "freedonia-heist". It is a file name in any folder and on any
// system.
func articleID(filename string) string {
	base := strings.TrimSuffix(filepath.Base(filename), filepath.Ext(filename))
	var sb strings.Builder
	dash := false
	for _, r := range strings.ToLower(base) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && sb.Len() > 0 {
				sb.WriteByte('-')
			}
			dash = false
			sb.WriteRune(r)
		default:
			dash = true
		}
		if sb.Len() >= 64 {
			break
		}
	}
	return sb.String()
}

// plainName reports whether id can name a file directly in the articles
// folder: not empty, not hidden, no separator, nothing invisible.
func plainName(id string) bool {
	return id != "" && !strings.HasPrefix(id, ".") && !strings.ContainsAny(id, `/\:`) &&
		filepath.IsLocal(id) && visible(id) == id && oneLine(id) == id
}

// existing returns the path of the article file id in dir, .txt or .md,
// or "" when there is none.
func existing(dir, id string) string {
	for _, ext := range []string{".txt", ".md"} {
		p := filepath.Join(dir, id+ext)
		if fi, err := os.Lstat(p); err == nil && fi.Mode().IsRegular() {
			return p
		}
	}
	return ""
}

// writeAtomic writes data to dir/name through a hidden temporary file,
// which the loader and the watcher ignore, renamed into place: a reload
// sees the whole file or none of it.
func writeAtomic(dir, name string, data []byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".add-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // fails once renamed
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(f.Name(), filepath.Join(dir, name))
}

// addedEmbed says what the bot learned from an article.
func addedEmbed(a facts.Article, learned *facts.Base, live string) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{
		Type:        discordgo.EmbedTypeRich,
		Title:       "Added: " + plain(truncate(a.Title, maxTitle)),
		Description: live,
		Color:       colourAnswer,
	}
	field := func(name, value string, inline bool) {
		if value != "" {
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: name, Value: value, Inline: inline})
		}
	}
	field("Publisher", plain(truncate(a.Publisher, maxTitle)), true)
	field("Date", plain(truncate(a.Published, maxTitle)), true)
	field("Paragraphs", fmt.Sprint(len(a.Paragraphs)), true)
	field("Facts", fmt.Sprint(learned.Len()), true)
	field("Article id", code(a.ID), true)
	var names []string
	for _, n := range learned.Names(maxNamesShown) {
		names = append(names, plain(truncate(n, maxTitle)))
	}
	field("Names I found", strings.Join(names, ", "), false)
	var qs []string
	for _, q := range learned.Suggest("", 2) {
		qs = append(qs, "• "+plain(truncate(q, maxShortAnswer)))
	}
	field("Questions I can now answer", strings.Join(qs, "\n"), false)
	fitEmbed(e)
	return e
}

// maxNamesShown is how many of the names an added article mentions its
// reply lists.
const maxNamesShown = 12

// findArticle returns the article id of the engine, if it says.
func (b *Bot) findArticle(id string) (facts.Article, bool) {
	if f, ok := b.engine.(articleFinder); ok {
		return f.Article(id)
	}
	return facts.Article{}, false
}

// A catalog lists the engine's articles. *facts.Base and *live.Base are
// ones.
type catalog interface {
	Articles() []facts.Article
}

// engineArticles returns the engine's articles, or none if it does not
// list them.
func (b *Bot) engineArticles() []facts.Article {
	if c, ok := b.engine.(catalog); ok {
		return c.Articles()
	}
	return nil
}

// removeCommand answers /factbot remove: it deletes the article's file
// from the articles folder, and its record.
func (b *Bot) removeCommand(req *request) reply {
	c := b.cfg.Curation
	if c == nil || c.Dir == "" {
		return note(noteCurationOff)
	}
	data, _ := req.i.Data.(discordgo.ApplicationCommandInteractionData)
	var id string
	for _, o := range subOptions(data) {
		if s, ok := o.Value.(string); ok && o.Name == optionArticle {
			id = strings.TrimSpace(s)
		}
	}
	title := id
	if a, ok := b.findArticle(id); ok {
		title = a.Title
	}
	path := ""
	if plainName(id) {
		path = existing(c.Dir, id)
	}
	if path == "" && !b.stored(req.ctx, c, id) {
		return note(fmt.Sprintf(noteCannotRemove, plain(truncate(title, maxTitle))))
	}
	var err error
	if path != "" {
		b.curating.Lock()
		err = os.Remove(path)
		b.curating.Unlock()
	}
	if err != nil {
		b.log.Error("cannot remove an article", "id", id, "err", err)
		return note(noteFailed)
	}
	if c.Records != nil {
		if err := c.Records.RemoveArticle(req.ctx, id); err != nil {
			b.log.Error("cannot forget an added article", "id", id, "err", err)
			if c.Shared { // the store holds the article itself
				return note(noteFailed)
			}
		}
	}
	live := noteGoneLater
	if c.Reload != nil {
		live = noteGone
		if err := c.Reload(req.ctx); err != nil {
			b.log.Error("cannot rebuild the fact base after a remove", "err", err)
			live = noteGoneFailed
		}
	}
	b.log.Info("removed an article", "id", id, "user", req.user())
	return note(fmt.Sprintf(noteRemoved, plain(truncate(title, maxTitle))) + " " + live)
}

// articleChoices suggests the articles of the articles folder whose title
// or id holds what has been typed, for /factbot remove.
func (b *Bot) articleChoices(req *request) reply {
	out := []*discordgo.ApplicationCommandOptionChoice{}
	c := b.cfg.Curation
	if c == nil || req.i.Member == nil || req.i.Member.Permissions&manageServer == 0 {
		return reply{choices: out}
	}
	data, _ := req.i.Data.(discordgo.ApplicationCommandInteractionData)
	var typed string
	for _, o := range subOptions(data) {
		if s, ok := o.Value.(string); ok && o.Focused {
			typed = strings.ToLower(strings.TrimSpace(s))
		}
	}
	stored := map[string]bool{}
	if c.Shared && c.Records != nil {
		added, _ := c.Records.AddedArticles(req.ctx)
		for _, a := range added {
			stored[a.ID] = a.SHA256 != ""
		}
	}
	for _, a := range b.engineArticles() {
		if len(out) == maxChoices {
			break
		}
		if len(a.ID) > maxChoiceLen || !plainName(a.ID) || (existing(c.Dir, a.ID) == "" && !stored[a.ID]) {
			continue
		}
		if typed != "" && !strings.Contains(strings.ToLower(a.Title), typed) && !strings.Contains(a.ID, typed) {
			continue
		}
		name := truncate(oneLine(visible(a.Title)), maxChoiceLen)
		if name == "" {
			name = a.ID
		}
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: name, Value: a.ID})
	}
	return reply{choices: out}
}

// articlesPerPage is how many articles a page of /factbot articles lists.
const articlesPerPage = 10

// buttonArticles turns the pages of /factbot articles: "arts:N" shows
// page N, from 0.
const buttonArticles = "arts"

// articlesCommand answers /factbot articles with the first page of the
// engine's articles.
func (b *Bot) articlesCommand(req *request) reply { return b.articlesPage(req, 0) }

// articlesButton shows another page of /factbot articles, in place.
func (b *Bot) articlesButton(req *request) reply {
	page, err := strconv.Atoi(req.key)
	if err != nil || page < 0 {
		return note(noteUnknownButton)
	}
	rep := b.articlesPage(req, page)
	rep.update = rep.msg.embeds != nil
	return rep
}

// articlesPage lists page of the engine's articles: title, publisher,
// facts, and who added each from Discord, and when.
func (b *Bot) articlesPage(req *request, page int) reply {
	arts := b.engineArticles()
	if len(arts) == 0 {
		return note(noteNoArticles)
	}
	pages := (len(arts) + articlesPerPage - 1) / articlesPerPage
	page = min(page, pages-1)
	added := map[string]store.Added{}
	if c := b.cfg.Curation; c != nil && c.Records != nil {
		recs, err := c.Records.AddedArticles(req.ctx)
		if err != nil {
			b.log.Error("cannot read the added articles", "err", err)
		}
		for _, r := range recs {
			added[r.ID] = r
		}
	}
	counts := b.factCounts()
	var lines []string
	for _, a := range arts[page*articlesPerPage : min(len(arts), (page+1)*articlesPerPage)] {
		line := "**" + plain(truncate(a.Title, maxTitle)) + "**"
		if a.Publisher != "" {
			line += " — " + plain(truncate(a.Publisher, maxTitle))
		}
		if n, ok := counts[a.ID]; ok {
			line += fmt.Sprintf(" · %d facts", n)
		}
		if r, ok := added[a.ID]; ok {
			line += fmt.Sprintf(" · added by %s <t:%d:R>", plain(truncate(cmpOr(r.UserName, r.UserID), maxTitle)), r.Time.Unix())
		}
		lines = append(lines, line)
	}
	e := &discordgo.MessageEmbed{
		Type:        discordgo.EmbedTypeRich,
		Title:       fmt.Sprintf("My articles (%d)", len(arts)),
		Description: strings.Join(lines, "\n"),
		Color:       colourAbstain,
	}
	if pages > 1 {
		e.Footer = &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("Page %d of %d", page+1, pages)}
	}
	fitEmbed(e)
	m := message{embeds: []*discordgo.MessageEmbed{e}, ephemeral: true}
	if pages > 1 {
		m.components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{Label: "Previous", Style: discordgo.SecondaryButton, CustomID: fmt.Sprintf("%s:%d", buttonArticles, page-1), Disabled: page == 0},
			discordgo.Button{Label: "Next", Style: discordgo.SecondaryButton, CustomID: fmt.Sprintf("%s:%d", buttonArticles, page+1), Disabled: page == pages-1},
		}}}
	}
	return reply{msg: m}
}

// factCounts returns the number of facts of each article of the engine,
// by id, if the engine lets them be counted.
func (b *Bot) factCounts() map[string]int {
	var base *facts.Base
	switch e := b.engine.(type) {
	case *facts.Base:
		base = e
	case interface{ Current() *facts.Base }:
		base = e.Current()
	}
	counts := map[string]int{}
	if base == nil {
		return counts
	}
	for f := range base.Facts {
		counts[f.Article.ID]++
	}
	return counts
}
