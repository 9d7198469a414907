package bot

import (
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Discord's limits on what a message may hold. Discord counts characters
// as JavaScript does, in UTF-16 code units; length counts the same way, which
// is never less than the number of code points, so a text within these
// limits is within them whichever way Discord counts.
const (
	maxContent          = 2000 // message content
	maxEmbedTitle       = 256
	maxEmbedDescription = 4096
	maxFields           = 25
	maxFieldName        = 256
	maxFieldValue       = 1024
	maxFooter           = 2048
	maxEmbedTotal       = 6000 // title, description, field names and values, footer: all embeds of a message
	maxChoices          = 25   // autocomplete choices
	maxChoiceLen        = 100  // an autocomplete choice's name and value
	maxCustomID         = 100  // a button's custom_id
)

// ellipsis ends every text that was cut short.
const ellipsis = "…"

// length returns the length of s as Discord counts it: UTF-16 code units.
func length(s string) int {
	n := 0
	for _, r := range s {
		if utf16.RuneLen(r) == 2 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// truncate returns s if it is at most n characters long, else its start cut
// at a word boundary, with "…", in at most n characters. A start with no
// word boundary in its second half is cut inside its last word.
func truncate(s string, n int) string {
	if length(s) <= n {
		return s
	}
	if n < length(ellipsis) {
		return ""
	}
	cut := prefixBytes(s, n-length(ellipsis))
	if r, _ := utf8.DecodeRuneInString(s[cut:]); !unicode.IsSpace(r) {
		if i := strings.LastIndexFunc(s[:cut], unicode.IsSpace); i >= cut/2 && i > 0 {
			cut = i
		}
	}
	return strings.TrimRightFunc(s[:cut], unicode.IsSpace) + ellipsis
}

// prefixBytes returns the length in bytes of the longest start of s that is
// at most n characters long.
func prefixBytes(s string, n int) int {
	for i, r := range s {
		w := 1
		if utf16.RuneLen(r) == 2 {
			w = 2
		}
		if n < w {
			return i
		}
		n -= w
	}
	return len(s)
}

// truncateLines returns s if it is at most n characters long, else its
// first lines that fit with a last line "…"; a first line too long on its
// own is cut at a word boundary.
func truncateLines(s string, n int) string {
	if length(s) <= n {
		return s
	}
	keep := ""
	for line := range strings.Lines(s) {
		if length(keep)+length(line)+length(ellipsis) > n {
			break
		}
		keep += line
	}
	if keep == "" {
		return truncate(s, n)
	}
	if !strings.HasSuffix(keep, "\n") {
		keep += "\n"
	}
	return keep + ellipsis
}

// markdown escapes the characters that Discord's markdown reads, so that
// text from articles and users shows as written and cannot format a
// message: no bold, links, spoilers, code, quotes, mentions, custom emoji
// or timestamps. A zero-width space after "@" keeps @everyone, @here and
// user or role mentions from being read as mentions. Headings and lists
// need a line of their own, which plain never gives untrusted text.
var markdown = strings.NewReplacer(
	`\`, `\\`, `*`, `\*`, `_`, `\_`, "`", "\\`", `~`, `\~`, `|`, `\|`,
	`>`, `\>`, `<`, `\<`, `[`, `\[`, `]`, `\]`, `(`, `\(`, `)`, `\)`,
	`@`, "@\u200b",
)

// plain returns untrusted text as Discord should show it: on one line, with
// control and invisible characters gone and markdown escaped. Putting
// everything on one line means that no untrusted text begins a line, where
// Discord reads headings, lists and quotes.
func plain(s string) string {
	return markdown.Replace(oneLine(visible(s)))
}

// visible returns s without its invisible characters. It runs before the
// markdown escapes, which add a zero-width space of their own after "@".
func visible(s string) string {
	if strings.IndexFunc(s, invisible) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return r
	}, s)
}

// oneLine replaces every run of spaces, line breaks and control characters
// in s with one space, and trims it.
func oneLine(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// invisible reports whether r changes how the text around it shows
// without showing itself: a bidirectional control (an embedding,
// override or isolate, a left-to-right, right-to-left or Arabic letter
// mark), with which "txt.exe" can show as "exe.txt", or a zero-width
// character (space, joiner, non-joiner, word joiner, byte order mark),
// with which two words that read alike compare unlike. Text shown in
// Discord drops them; the quotes keep them in the fact base, verbatim.
func invisible(r rune) bool {
	switch {
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069',
		r == '\u200e', r == '\u200f', r == '\u061c':
		return true
	case r >= '\u200b' && r <= '\u200d', r == '\u2060', r == '\ufeff':
		return true
	}
	return false
}

// maxLogged is the most characters of a user's or an article's text that
// a log record keeps.
const maxLogged = 200

// logged returns untrusted text cut to fit a log record: at most
// maxLogged characters, ending in "…" when cut.
func logged(s string) string { return truncate(s, maxLogged) }
