package spell

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The data files, all UTF-8 text; a line that opens with '#' is a comment.
//
//   - english.tsv.gz (gzip; made by cmd/spellfreq): "word\tcount\tlower\tvalid" a
//     line: how often the word was seen in SQuAD train's articles, how often
//     in lower case (a word seen only with a capital is a name), and 1 if it
//     is a lower-case word of Debian's wamerican list. A comment before the
//     words, "# Lines: N", says how many lines of text (titles and
//     paragraphs) the counts come from.
//   - compounds.tsv (made by cmd/spellfreq): "joined\tleft\tright\tjoinedCount\tsplitCount"
//     a line: a word of the list that is also two words of it, and how often
//     each form was seen. A pair that is not in the file was never seen as
//     two words.
//   - chat.txt and contractions.txt (by hand): "typed: meant" a line.
//   - short-words.txt (by hand): words separated by white space.
//
//go:embed data/english.tsv.gz data/compounds.tsv data/chat.txt data/contractions.txt data/short-words.txt data/wamerican-copyright.txt
var files embed.FS

// WordListNotice returns the copyright notice of Debian's wamerican word
// list (SCOWL), whose words english.tsv.gz marks as valid: it goes with
// every copy of the data.
func WordListNotice() string {
	b, err := files.ReadFile("data/wamerican-copyright.txt")
	if err != nil {
		return "" // an embedded file: cannot happen
	}
	return string(b)
}

// An entry is what general English says of one word.
type entry struct {
	count, lower int32
	valid        bool
}

// A compound is a word that is also written as two.
type compound struct {
	left, right   string
	joined, split int32
}

// english is the general English the package embeds, read once.
type english struct {
	words        map[string]entry
	compounds    map[string]compound // by the joined word
	chat         map[string][]string // typed → meant words
	contractions map[string][]string
	short        map[string]bool // words of one or two letters a split may make
	lines        int             // how many lines of text (titles, paragraphs) the counts come from
	lex          lexicon         // the words that may be meant, seen in lower case, indexed
}

// valid reports whether w is a word of general English: a valid word of
// wamerican, or one seen in lower case often enough.
func (e *english) valid(w string) bool {
	x, ok := e.words[w]
	return ok && (x.valid || x.lower >= minLower)
}

// candidate reports whether w may be meant by a typo: a valid word, or a
// common name ("china"). Other names are not candidates unless the base
// has them.
func (e *english) candidate(w string) bool {
	return e.valid(w) || e.words[w].count >= minName
}

var loadEnglish = sync.OnceValues(readEnglish)

func readEnglish() (*english, error) {
	e := &english{words: map[string]entry{}, compounds: map[string]compound{}}
	f, err := files.Open("data/english.tsv.gz")
	if err != nil {
		return nil, fmt.Errorf("spell: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("spell: english.tsv.gz: %w", err)
	}
	all, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("spell: english.tsv.gz: %w", err)
	}
	if e.lines, err = linesOf(all); err != nil {
		return nil, fmt.Errorf("spell: english.tsv.gz: %w", err)
	}
	err = eachLine(bytes.NewReader(all), 4, func(f []string) error {
		c, err1 := strconv.Atoi(f[1])
		l, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil || (f[3] != "0" && f[3] != "1") {
			return fmt.Errorf("bad counts %q", f)
		}
		e.words[f[0]] = entry{int32(c), int32(l), f[3] == "1"}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("spell: english.tsv.gz: %w", err)
	}
	data, err := files.ReadFile("data/compounds.tsv")
	if err != nil {
		return nil, fmt.Errorf("spell: %w", err)
	}
	err = eachLine(bytes.NewReader(data), 5, func(f []string) error {
		j, err1 := strconv.Atoi(f[3])
		s, err2 := strconv.Atoi(f[4])
		if err1 != nil || err2 != nil || f[1]+f[2] != f[0] {
			return fmt.Errorf("bad compound %q", f)
		}
		e.compounds[f[0]] = compound{f[1], f[2], int32(j), int32(s)}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("spell: compounds.tsv: %w", err)
	}
	if e.chat, err = readPairs("chat"); err != nil {
		return nil, err
	}
	if e.contractions, err = readPairs("contractions"); err != nil {
		return nil, err
	}
	if data, err = files.ReadFile("data/short-words.txt"); err != nil {
		return nil, fmt.Errorf("spell: %w", err)
	}
	var words []string
	for w := range e.words {
		if e.candidate(w) {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	freq := make([]int32, len(words))
	for i, w := range words {
		freq[i] = max(e.words[w].lower, e.words[w].count/10) + 1
	}
	if e.lex, err = newLexicon(words, freq); err != nil {
		return nil, err
	}
	e.short = map[string]bool{}
	for _, l := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(l, "#") {
			for _, w := range strings.Fields(l) {
				e.short[w] = true
			}
		}
	}
	return e, nil
}

// linesOf returns the number in the comment "# Lines: N (…)" of the
// english.tsv.gz data, which says how many lines of text its counts come
// from.
func linesOf(data []byte) (int, error) {
	const header = "# Lines: "
	for l := range bytes.Lines(data) {
		if rest, ok := bytes.CutPrefix(l, []byte(header)); ok {
			n, _, _ := bytes.Cut(rest, []byte(" "))
			v, err := strconv.Atoi(string(bytes.TrimSpace(n)))
			if err != nil || v <= 0 {
				return 0, fmt.Errorf("bad line %q", bytes.TrimSpace(l))
			}
			return v, nil
		}
		if len(l) > 0 && l[0] != '#' {
			break // the comments come first
		}
	}
	return 0, fmt.Errorf("no %q comment", strings.TrimSpace(header))
}

// eachLine calls fn with the n tab-separated fields of each line of r that
// is not blank or a comment.
func eachLine(r io.Reader, n int, fn func([]string) error) error {
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) != n {
			return fmt.Errorf("line %d: %d fields, want %d", line, len(f), n)
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
	}
	return sc.Err()
}

// readPairs reads data/name.txt, "typed: meant" a line.
func readPairs(name string) (map[string][]string, error) {
	data, err := files.ReadFile("data/" + name + ".txt")
	if err != nil {
		return nil, fmt.Errorf("spell: %w", err)
	}
	m := map[string][]string{}
	for i, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || l[0] == '#' {
			continue
		}
		typed, meant, ok := strings.Cut(l, ":")
		typed = strings.Join(strings.Fields(typed), " ")
		if !ok || typed == "" || len(strings.Fields(meant)) == 0 {
			return nil, fmt.Errorf("spell: %s.txt line %d: want \"typed: meant\", got %q", name, i+1, l)
		}
		if _, dup := m[typed]; dup {
			return nil, fmt.Errorf("spell: %s.txt line %d: %q twice", name, i+1, typed)
		}
		m[typed] = strings.Fields(meant)
	}
	return m, nil
}
