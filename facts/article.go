package facts

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// An Article is one source document: its metadata and its body paragraphs.
type Article struct {
	// ID is the file name without its extension; citations name it as "source".
	ID string `json:"id"`

	Title     string `json:"title"`
	Publisher string `json:"publisher,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Author    string `json:"author,omitempty"`

	// Paragraphs holds the body paragraphs; paragraph n is Paragraphs[n-1].
	// Title and publisher lines are not paragraphs.
	Paragraphs []string `json:"-"`
}

// Errors that explain why an article file was skipped. They are wrapped with
// the file name; test for them with errors.Is.
var (
	ErrEmpty         = errors.New("file is empty")
	ErrNotUTF8       = errors.New("not valid UTF-8")
	ErrBinary        = errors.New("looks like a binary file")
	ErrFrontMatter   = errors.New("front matter is not closed by a --- line")
	ErrNoBody        = errors.New("no body paragraphs after the title")
	errUnknownFormat = errors.New("unsupported file type")
)

// maxPublisherWords is the most words a publisher line ("BTC Wires") has.
const maxPublisherWords = 5

// ParseArticle parses one article file. id names the article (the file name
// without its extension); markdown selects the .md conventions (a leading
// "# " on the title, heading blocks that are not paragraphs).
//
// The format is plain text: blocks separated by blank lines. Optional front
// matter comes first, between two "---" lines, as "key: value" lines (title,
// publisher, url, published, author). Without a title in the front matter the
// first block is the title, unless the file opens with a short publisher line
// ("BTC Wires") followed by a headline, in which case the first block is the
// publisher and the second the title. The remaining blocks are the body.
func ParseArticle(id string, data []byte, markdown bool) (Article, error) {
	return parseArticle(id, string(data), markdown)
}

// parseArticle is ParseArticle on text that the article may keep: its
// title and paragraphs are parts of it.
func parseArticle(id, text string, markdown bool) (Article, error) {
	a := Article{ID: id}
	text = strings.TrimPrefix(text, "\ufeff")
	if !utf8.ValidString(text) {
		return a, ErrNotUTF8
	}
	if looksBinary(text) {
		return a, ErrBinary
	}
	if strings.TrimSpace(text) == "" {
		return a, ErrEmpty
	}
	text, err := a.frontMatter(text)
	if err != nil {
		return a, err
	}
	blocks := splitBlocks(text)
	if markdown {
		blocks = markdownBlocks(blocks, a.Title == "")
	}
	if a.Title == "" {
		if len(blocks) == 0 {
			return a, ErrEmpty
		}
		if a.Publisher == "" && len(blocks) >= 3 && isPublisherLine(blocks[0]) && isHeadline(blocks[1]) {
			a.Publisher = blocks[0]
			blocks = blocks[1:]
		}
		a.Title = collapseSpace(blocks[0])
		blocks = blocks[1:]
	}
	if len(blocks) == 0 {
		return a, ErrNoBody
	}
	a.Paragraphs = blocks
	return a, nil
}

// frontMatter reads the optional "---" block at the top of text into a and
// returns the rest of the text.
func (a *Article) frontMatter(text string) (string, error) {
	rest := strings.TrimLeft(text, " \t\r\n")
	first, rest, _ := strings.Cut(rest, "\n")
	if strings.TrimSpace(first) != "---" {
		return text, nil
	}
	for {
		if rest == "" {
			return "", ErrFrontMatter
		}
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		line = strings.TrimSpace(line)
		if line == "---" {
			return rest, nil
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		value = unquote(strings.TrimSpace(value))
		switch strings.ToLower(strings.TrimSpace(key)) {
		case "title":
			a.Title = strings.Join(strings.Fields(value), " ") // one line, as a title from the body is
		case "publisher", "source", "site":
			a.Publisher = value
		case "url", "link":
			a.URL = value
		case "published", "date":
			a.Published = value
		case "author", "by":
			a.Author = value
		}
	}
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

// splitBlocks splits text into trimmed blocks separated by blank lines.
func splitBlocks(text string) []string {
	var blocks []string
	start := -1 // start of the current block, -1 outside one
	lineStart := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != '\n' {
			continue
		}
		line := text[lineStart:i]
		blank := strings.TrimSpace(line) == ""
		switch {
		case blank && start >= 0:
			blocks = append(blocks, strings.TrimSpace(text[start:lineStart]))
			start = -1
		case !blank && start < 0:
			start = lineStart
		}
		lineStart = i + 1
	}
	if start >= 0 {
		blocks = append(blocks, strings.TrimSpace(text[start:]))
	}
	return blocks
}

// markdownBlocks drops markdown headings; a leading heading is instead the
// title, its marker stripped, when the article has none yet (title set).
func markdownBlocks(blocks []string, title bool) []string {
	out := blocks[:0]
	for i, b := range blocks {
		if n := headingMarker(b); n > 0 {
			if i == 0 && title {
				out = append(out, strings.TrimSpace(b[n:]))
			}
			continue
		}
		out = append(out, b)
	}
	return out
}

// headingMarker returns the length of the "#" marker that opens b if b is a
// markdown heading, as CommonMark has them: one to six '#' and then white
// space or the end; 0 if it is not one ("#1 reason", "#hashtag").
func headingMarker(b string) int {
	n := 0
	for n < len(b) && b[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n < len(b) && !strings.ContainsRune(" \t\r\n", rune(b[n])) {
		return 0
	}
	return n
}

// isPublisherLine reports whether b is a short name line such as "BTC Wires":
// one line, a few words, no sentence punctuation.
func isPublisherLine(b string) bool {
	if strings.ContainsAny(b, "\n.?!:;,") || len(b) > 40 {
		return false
	}
	return len(strings.Fields(b)) <= maxPublisherWords
}

// isHeadline reports whether b reads as a title: one short line, mostly
// capitalised words, not a run of sentences.
func isHeadline(b string) bool {
	if strings.Contains(b, "\n") || len(b) > 200 || strings.Contains(b, ". ") {
		return false
	}
	words := strings.Fields(b)
	if len(words) < 2 {
		return false
	}
	caps := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) || r == '$' {
			caps++
		}
	}
	return caps*2 >= len(words)
}

// looksBinary reports whether data has NUL bytes or is mostly control
// characters, as binary files are.
func looksBinary(data string) bool {
	if strings.IndexByte(data, 0) >= 0 {
		return true
	}
	n := min(len(data), 8192)
	ctl := 0
	for _, c := range []byte(data[:n]) {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctl++
		}
	}
	return ctl*10 > n
}

// collapseSpace replaces each run of white space in s with one space, and
// returns s itself when there is nothing to collapse.
func collapseSpace(s string) string {
	clean := true
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		sp := c == ' '
		if c == '\n' || c == '\r' || c == '\t' || (sp && prevSpace) {
			clean = false
			break
		}
		prevSpace = sp
	}
	if clean {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// fileKind tells how a file name is parsed, and whether it is an article at all.
func fileKind(name string) (id string, markdown bool, err error) {
	switch {
	case strings.HasSuffix(name, ".txt"):
		return strings.TrimSuffix(name, ".txt"), false, nil
	case strings.HasSuffix(name, ".md"):
		return strings.TrimSuffix(name, ".md"), true, nil
	}
	return "", false, fmt.Errorf("%w: %s", errUnknownFormat, name)
}
