package facts

import (
	"errors"
	"io/fs"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseArticle(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		markdown bool
		want     Article // ID is always "x"
	}{
		{
			name: "title and paragraphs",
			in:   "A Title\n\nThe first paragraph says this.\n\nThe second one says that.\n",
			want: Article{Title: "A Title", Paragraphs: []string{"The first paragraph says this.", "The second one says that."}},
		},
		{
			name: "no final newline",
			in:   "A Title\n\nOnly paragraph.",
			want: Article{Title: "A Title", Paragraphs: []string{"Only paragraph."}},
		},
		{
			name: "leading blank lines",
			in:   "\n \n\t\nA Title\n\nBody.",
			want: Article{Title: "A Title", Paragraphs: []string{"Body."}},
		},
		{
			name: "lines of a paragraph stay verbatim",
			in:   "T\n\nline one\nline two\n\n  indented   words  \n",
			want: Article{Title: "T", Paragraphs: []string{"line one\nline two", "indented   words"}},
		},
		{
			name: "whitespace-only lines separate paragraphs",
			in:   "T\n   \nP1\n\t\t\nP2\n \u00a0 \nP3\n\n\n\nP4",
			want: Article{Title: "T", Paragraphs: []string{"P1", "P2", "P3", "P4"}},
		},
		{
			name: "a title over two lines is one line",
			in:   "A long\n  title\n\nBody.",
			want: Article{Title: "A long title", Paragraphs: []string{"Body."}},
		},
		{
			name: "CRLF",
			in:   "A Title\r\n\r\nFirst line\r\nsecond line\r\n\r\nP2\r\n",
			want: Article{Title: "A Title", Paragraphs: []string{"First line\r\nsecond line", "P2"}},
		},
		{
			name: "byte order mark",
			in:   "\ufeffA Title\n\nBody.",
			want: Article{Title: "A Title", Paragraphs: []string{"Body."}},
		},
		{
			name: "front matter, every key",
			in: "---\ntitle: The Title\npublisher: The Daily\nurl: https://example.com/a?b=c:d\n" +
				"published: 2019-04-12\nauthor: Jane Roe\n---\nFirst block is body.\n\nSecond.",
			want: Article{
				Title: "The Title", Publisher: "The Daily", URL: "https://example.com/a?b=c:d",
				Published: "2019-04-12", Author: "Jane Roe",
				Paragraphs: []string{"First block is body.", "Second."},
			},
		},
		{
			name: "front matter, other names of the keys",
			in:   "---\nsite: The Daily\nlink: https://example.com/\ndate: 2019\nby: Jane Roe\n---\nHeadline Here\n\nBody.",
			want: Article{
				Title: "Headline Here", Publisher: "The Daily", URL: "https://example.com/",
				Published: "2019", Author: "Jane Roe", Paragraphs: []string{"Body."},
			},
		},
		{
			name: "front matter, source is the publisher",
			in:   "---\nsource: Wire\ntitle: T\n---\nBody.",
			want: Article{Title: "T", Publisher: "Wire", Paragraphs: []string{"Body."}},
		},
		{
			name: "front matter, quoted values, keys in any case",
			in:   "---\nTitle: \"Quoted: Title\"\nAUTHOR: 'Jane Roe'\nurl:  \"half\n---\nBody.",
			want: Article{Title: "Quoted: Title", Author: "Jane Roe", URL: "\"half", Paragraphs: []string{"Body."}},
		},
		{
			name: "front matter, unknown keys and stray lines are ignored",
			in:   "---\ntags: a, b\nno colon here\n\ntitle: T\nlayout: post\n---\n\nBody.",
			want: Article{Title: "T", Paragraphs: []string{"Body."}},
		},
		{
			name: "front matter title: white space is collapsed",
			in:   "---\ntitle:  A \r Title\t Here \n---\nBody.",
			want: Article{Title: "A Title Here", Paragraphs: []string{"Body."}},
		},
		{
			name: "front matter title: blank is none",
			in:   "---\ntitle: \" \"\n---\nHeadline\n\nBody.",
			want: Article{Title: "Headline", Paragraphs: []string{"Body."}},
		},
		{
			name: "front matter, CRLF",
			in:   "---\r\ntitle: T\r\nauthor: A\r\n---\r\nP1\r\n\r\nP2\r\n",
			want: Article{Title: "T", Author: "A", Paragraphs: []string{"P1", "P2"}},
		},
		{
			name: "front matter after a byte order mark and blank lines",
			in:   "\ufeff\n\n---\ntitle: T\n---\nBody.",
			want: Article{Title: "T", Paragraphs: []string{"Body."}},
		},
		{
			name: "front matter without a title: the first block is the title",
			in:   "---\nauthor: A\n---\n\nHeadline\n\nBody.",
			want: Article{Title: "Headline", Author: "A", Paragraphs: []string{"Body."}},
		},
		{
			name: "front matter publisher: no publisher line is looked for",
			in:   "---\npublisher: P\n---\nBTC Wires\n\nSome Headline Words\n\nBody.",
			want: Article{Title: "BTC Wires", Publisher: "P", Paragraphs: []string{"Some Headline Words", "Body."}},
		},
		{
			name: "publisher line before a headline",
			in:   "BTC Wires\n\nIs North Korea Behind Stealing 700 Million USD In Crypto?\n\nBody one.\n\nBody two.",
			want: Article{
				Title: "Is North Korea Behind Stealing 700 Million USD In Crypto?", Publisher: "BTC Wires",
				Paragraphs: []string{"Body one.", "Body two."},
			},
		},
		{
			name: "a short first block with only one block after it is the title",
			in:   "BTC Wires\n\nIs North Korea Behind It?",
			want: Article{Title: "BTC Wires", Paragraphs: []string{"Is North Korea Behind It?"}},
		},
		{
			name: "a long headline is not a publisher line",
			in:   "North Korea Reportedly Stole Over $700 Million in Digital Assets\n\nA Short Second Block\n\nBody.",
			want: Article{
				Title:      "North Korea Reportedly Stole Over $700 Million in Digital Assets",
				Paragraphs: []string{"A Short Second Block", "Body."},
			},
		},
		{
			name: "a line with punctuation is not a publisher line",
			in:   "Reuters, London\n\nMarkets Fall Again\n\nBody.",
			want: Article{Title: "Reuters, London", Paragraphs: []string{"Markets Fall Again", "Body."}},
		},
		{
			name: "no publisher line before a lower-case sentence",
			in:   "Daily Wire\n\nthe markets fell again today and nobody knew why\n\nBody.",
			want: Article{Title: "Daily Wire", Paragraphs: []string{"the markets fell again today and nobody knew why", "Body."}},
		},
		{
			name: "no publisher line before a run of sentences",
			in:   "Daily Wire\n\nMarkets Fell. Prices Dropped Hard\n\nBody.",
			want: Article{Title: "Daily Wire", Paragraphs: []string{"Markets Fell. Prices Dropped Hard", "Body."}},
		},
		{
			name:     "markdown title and headings",
			in:       "# The Title\n\nIntro.\n\n## A Section\n\nMore.\n\n### Deeper\n\nLast.",
			markdown: true,
			want:     Article{Title: "The Title", Paragraphs: []string{"Intro.", "More.", "Last."}},
		},
		{
			name:     "markdown without a # title",
			in:       "Plain Title\n\n## Section\n\nBody.",
			markdown: true,
			want:     Article{Title: "Plain Title", Paragraphs: []string{"Body."}},
		},
		{
			name:     "markdown with a publisher line",
			in:       "Daily Wire\n\n# Big News Today\n\nBody.",
			markdown: true,
			want:     Article{Title: "Daily Wire", Paragraphs: []string{"Body."}},
		},
		{
			name:     "markdown: # without a space is text, not a heading",
			in:       "# The Title\n\n#1 reason is cost.\n\n#hashtags spread fast.\n\n####### Seven is too many.",
			markdown: true,
			want: Article{Title: "The Title", Paragraphs: []string{
				"#1 reason is cost.", "#hashtags spread fast.", "####### Seven is too many.",
			}},
		},
		{
			name:     "markdown: a # heading under a front matter title is not a paragraph",
			in:       "---\ntitle: The Title\n---\n# The Title\n\nBody.",
			markdown: true,
			want:     Article{Title: "The Title", Paragraphs: []string{"Body."}},
		},
		{
			name: "a # in a text file is text",
			in:   "# The Title\n\nIntro.\n\n## A Section\n\nBody.",
			want: Article{Title: "# The Title", Paragraphs: []string{"Intro.", "## A Section", "Body."}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseArticle("x", []byte(tt.in), tt.markdown)
			if err != nil {
				t.Fatalf("ParseArticle(%q): %v", tt.in, err)
			}
			tt.want.ID = "x"
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseArticle(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestParseArticleErrors(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		want     error
		markdown bool // only as markdown; else both as text and as markdown
	}{
		{"empty", "", ErrEmpty, false},
		{"white space", " \n\t\r\n\u00a0\n", ErrEmpty, false},
		{"byte order mark only", "\ufeff\n", ErrEmpty, false},
		{"front matter only", "---\nauthor: A\n---\n\n", ErrEmpty, false},
		{"front matter closed at the end of the file", "---\nauthor: A\n---", ErrEmpty, false},
		{"markdown headings only", "## One\n\n### Two", ErrNoBody, true},
		{"title only", "Just A Title\n", ErrNoBody, false},
		{"title only, CRLF", "Just A Title\r\n\r\n", ErrNoBody, false},
		{"front matter title only", "---\ntitle: T\n---\n", ErrNoBody, false},
		{"markdown title only", "# Title\n\n## Section", ErrNoBody, true},
		{"invalid UTF-8", "Title\n\nBody \xff\xfe.", ErrNotUTF8, false},
		{"truncated rune", "Title\n\nBody \xe2\x80", ErrNotUTF8, false},
		{"Latin-1", "Caf\xe9\n\nBody.", ErrNotUTF8, false},
		{"NUL byte", "Title\n\nBody\x00 text.", ErrBinary, false},
		{"control characters", "\x01\x02\x03\x04\x05\x06\x07\x08Title\n\nBody", ErrBinary, false},
		{"unterminated front matter", "---\ntitle: T\n\nBody.", ErrFrontMatter, false},
		{"front matter opened only", "---", ErrFrontMatter, false},
		{"front matter, CRLF, unterminated", "---\r\ntitle: T\r\n", ErrFrontMatter, false},
		{"front matter closed by a longer rule", "---\ntitle: T\n----\nBody.", ErrFrontMatter, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			modes := []bool{false, true}
			if tt.markdown {
				modes = []bool{true}
			}
			for _, markdown := range modes {
				_, err := ParseArticle("x", []byte(tt.in), markdown)
				if !errors.Is(err, tt.want) {
					t.Errorf("ParseArticle(%q, markdown=%v) error = %v, want %v", tt.in, markdown, err, tt.want)
				}
			}
		})
	}
}

func TestParseArticleSeeds(t *testing.T) {
	tests := []struct {
		id         string
		publisher  string
		title      string
		paragraphs int
		first      string // the start of paragraph 1
		last       string // the start of the last paragraph
	}{
		{
			id:         "000_57d83770277fbe9f",
			publisher:  "BTC Wires",
			title:      "Is North Korea Behind Stealing 700 Million USD In Crypto?",
			paragraphs: 10,
			first:      "Many who keep up with the crypto industry",
			last:       "At a meeting at the North Korean foreign ministry",
		},
		{
			id:         "003_0b01d940f1db74a4",
			title:      "North Korea Reportedly Stole Over $700 Million in Digital Assets",
			paragraphs: 10,
			first:      "North Korea may have already stolen between $545 million to $735 million",
			last:       "RUSI’s report follows on the heels",
		},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			data, err := fs.ReadFile(SeedFS(), tt.id+".txt")
			if err != nil {
				t.Fatal(err)
			}
			a, err := ParseArticle(tt.id, data, false)
			if err != nil {
				t.Fatal(err)
			}
			if a.ID != tt.id || a.Publisher != tt.publisher || a.Title != tt.title {
				t.Errorf("got id %q, publisher %q, title %q; want %q, %q, %q", a.ID, a.Publisher, a.Title, tt.id, tt.publisher, tt.title)
			}
			if len(a.Paragraphs) != tt.paragraphs {
				t.Fatalf("got %d paragraphs, want %d:\n%s", len(a.Paragraphs), tt.paragraphs, strings.Join(a.Paragraphs, "\n--\n"))
			}
			if p := a.Paragraphs[0]; !strings.HasPrefix(p, tt.first) {
				t.Errorf("paragraph 1 = %q, want it to start %q", p, tt.first)
			}
			if p := a.Paragraphs[len(a.Paragraphs)-1]; !strings.HasPrefix(p, tt.last) {
				t.Errorf("last paragraph = %q, want it to start %q", p, tt.last)
			}
			// Nothing of the body is lost: every paragraph is in the file,
			// and every line of the file is in the title, publisher or a paragraph.
			text := string(data)
			for i, p := range a.Paragraphs {
				if !strings.Contains(text, p) {
					t.Errorf("paragraph %d is not verbatim in the file: %q", i+1, p)
				}
			}
			kept := a.Publisher + "\n" + a.Title + "\n" + strings.Join(a.Paragraphs, "\n")
			for _, line := range strings.Split(text, "\n") {
				if line = strings.TrimSpace(line); line != "" && !strings.Contains(kept, line) {
					t.Errorf("line lost: %q", line)
				}
			}
		})
	}
}
