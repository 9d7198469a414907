package bot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/live"
	"github.com/factbot/factbot/internal/store"
)

// Verify, a button under every answer, shows the presser what is needed to
// check a quote against its source: the whole paragraph it stands in, the
// quoted sentence in bold; the article's title, publisher, date and link
// when it has them; the SHA-256 of the article as the fact base holds it
// (live.Digest) and of its file as stored, when the bot can find it, the
// fact's id (store.FactID) and, when the engine says,
// the fact base's snapshot id. It shows the first citation, with a button
// for each of the others, which replaces it with theirs.
//
// Custom ids: "verify:KEY" for the first citation of the answer
// remembered under KEY, "verify:KEY/N" for citation N.
const (
	buttonVerify = "verify"
	labelVerify  = "Verify"

	// maxVerifyButtons is how many citations get a button of their own:
	// one action row.
	maxVerifyButtons = 5
	// maxAround is how much of a paragraph shows on each side of the quote.
	maxAround = 1500
)

// What Verify says when it cannot show the paragraph.
const (
	noteVerifyNone    = "This answer quotes nothing to verify."
	noteVerifyGone    = "I no longer have this article: it was removed or renamed after I answered. The quote, as I answered it:"
	noteVerifyChanged = "This article changed after I answered: its paragraph no longer holds the quote. The quote, as I answered it:"
)

// An articleFinder finds the article a citation quotes. *facts.Base and
// *live.Base are ones; with an Answerer that is not one, Verify shows the
// quote and where it comes from, without its paragraph.
type articleFinder interface {
	Article(id string) (facts.Article, bool)
}

// A snapshotter says which fact base is in service. *live.Base is one.
type snapshotter interface {
	Status() live.Status
}

// verifyButton shows a citation of the answer remembered under the
// request's key, with its paragraph and what identifies it.
func (b *Bot) verifyButton(req *request) reply {
	key, nth, _ := strings.Cut(req.key, "/")
	n, err := strconv.Atoi(nth)
	if nth == "" {
		n, err = 1, nil
	}
	a, ok := b.answers.get(key)
	if !ok || err != nil {
		return note(noteForgotten)
	}
	cites := a.Citations
	if a.Abstained() {
		cites = a.Suggestions
	}
	if n < 1 || n > len(cites) {
		return note(noteVerifyNone)
	}
	c := cites[n-1]
	var art *facts.Article
	if f, ok := b.engine.(articleFinder); ok {
		if found, ok := f.Article(c.Source); ok {
			art = &found
		}
	}
	snapshot := ""
	if s, ok := b.engine.(snapshotter); ok {
		snapshot = s.Status().Snapshot
	}
	e := verifyEmbed(c, art, snapshot)
	if sum := b.fileDigest(req.ctx, c.Source); sum != "" && art != nil {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "File SHA-256", Value: code(sum), Inline: true})
		fitEmbed(e)
	}
	m := message{embeds: []*discordgo.MessageEmbed{e}, ephemeral: true}
	m.components = verifyButtons(key, n, len(cites))
	return reply{msg: m, update: nth != ""}
}

// fileDigest returns the SHA-256, in hex, of the file of article id as it
// is stored now: at the top of the articles folder of Config.Curation, or
// among the built-in seeds, or, when the articles added are shared, in
// the store; "" when it is in none (a subfolder, say).
func (b *Bot) fileDigest(ctx context.Context, id string) string {
	if !plainName(id) {
		return ""
	}
	if c := b.cfg.Curation; c != nil && c.Shared && c.Records != nil && existing(c.Dir, id) == "" {
		if added, err := c.Records.AddedArticles(ctx); err == nil {
			for _, a := range added {
				if a.ID == id && a.SHA256 != "" {
					return a.SHA256
				}
			}
		}
	}
	var places []fs.FS
	if c := b.cfg.Curation; c != nil && c.Dir != "" {
		places = append(places, os.DirFS(c.Dir))
	}
	places = append(places, facts.SeedFS())
	for _, fsys := range places {
		for _, ext := range []string{".txt", ".md"} {
			f, err := fsys.Open(id + ext)
			if err != nil {
				continue
			}
			h := sha256.New()
			_, err = io.Copy(h, io.LimitReader(f, facts.DefaultMaxArticleBytes))
			f.Close()
			if err == nil {
				return hex.EncodeToString(h.Sum(nil))
			}
		}
	}
	return ""
}

// verifyEmbed renders citation c with its article, nil when the fact base
// no longer has it, and the snapshot id of the fact base, if known.
func verifyEmbed(c facts.Citation, art *facts.Article, snapshot string) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{
		Type:  discordgo.EmbedTypeRich,
		Title: fmt.Sprintf("[%d] %s", c.N, plain(truncate(c.Title, maxTitle))),
		Color: colourAnswer,
	}
	field := func(name, value string) {
		if value != "" {
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: name, Value: value, Inline: true})
		}
	}
	switch para, ok := paragraph(art, c.Paragraph); {
	case art == nil:
		e.Description = noteVerifyGone + "\n" + quote(c.Quote, maxQuote)
	case !ok || !strings.Contains(para, c.Quote):
		e.Description = noteVerifyChanged + "\n" + quote(c.Quote, maxQuote)
	default:
		e.Description = boldQuote(para, c.Quote)
	}
	publisher, published, link := c.Publisher, "", c.URL
	if art != nil {
		publisher, published, link = cmpOr(art.Publisher, publisher), art.Published, cmpOr(art.URL, link)
	}
	field("Publisher", plain(truncate(publisher, maxTitle)))
	field("Date", plain(truncate(published, maxTitle)))
	field("Paragraph", strconv.Itoa(c.Paragraph))
	if u, ok := safeURL(link); ok {
		e.URL = u
		field("Link", "[Read the article]("+u+")")
	}
	if art != nil {
		field("Article SHA-256", "`"+live.Digest(*art)+"`")
	}
	field("Fact id", code(store.FactID(c.Source, c.Paragraph, c.Quote)))
	if snapshot != "" {
		field("Fact base", code(snapshot))
	}
	fitEmbed(e)
	return e
}

// code renders s as inline code, where markdown is not read; or, when s
// holds a backquote, as escaped text.
func code(s string) string {
	s = truncate(oneLine(visible(s)), maxTitle)
	if s == "" || strings.Contains(s, "`") {
		return plain(s)
	}
	return "`" + s + "`"
}

// cmpOr returns a if it is not empty, else b.
func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// paragraph returns body paragraph n of art, from 1.
func paragraph(art *facts.Article, n int) (string, bool) {
	if art == nil || n < 1 || n > len(art.Paragraphs) {
		return "", false
	}
	return art.Paragraphs[n-1], true
}

// boldQuote renders a paragraph with the quote q, which it holds, in
// bold, and at most maxAround characters of the paragraph on each side.
func boldQuote(para, q string) string {
	i := strings.Index(para, q)
	before, after := para[:i], para[i+len(q):]
	var parts []string
	if s := plain(truncateStart(before, maxAround)); s != "" {
		parts = append(parts, s)
	}
	parts = append(parts, "**"+plain(truncate(q, maxQuote))+"**")
	if s := plain(truncate(after, maxAround)); s != "" {
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// truncateStart returns s if it is at most n characters long, else "…"
// and its end, in at most n characters.
func truncateStart(s string, n int) string {
	if length(s) <= n {
		return s
	}
	keep, cut := n-length(ellipsis), len(s)
	for cut > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:cut])
		if w := length(string(r)); w <= keep {
			keep -= w
			cut -= size
			continue
		}
		break
	}
	return ellipsis + strings.TrimLeft(s[cut:], " ")
}

// verifyButtons returns a button for each citation but the one shown
// (nth), up to maxVerifyButtons, or none when there is only one or an id
// would be too long.
func verifyButtons(key string, nth, count int) []discordgo.MessageComponent {
	if count < 2 {
		return nil
	}
	var row []discordgo.MessageComponent
	for n := 1; n <= min(count, maxVerifyButtons); n++ {
		id := fmt.Sprintf("%s:%s/%d", buttonVerify, key, n)
		if len(id) > maxCustomID {
			return nil
		}
		style := discordgo.SecondaryButton
		if n == nth {
			style = discordgo.PrimaryButton
		}
		row = append(row, discordgo.Button{Label: fmt.Sprintf("[%d]", n), Style: style, CustomID: id, Disabled: n == nth})
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
}
