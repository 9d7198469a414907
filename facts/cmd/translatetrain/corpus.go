package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/stem"
	"github.com/factbot/factbot/facts/internal/text"
)

// A question is one line of SQuAD's questions.jsonl.
type question struct {
	ID        string   `json:"id"`
	Q         string   `json:"q"`
	Answers   []string `json:"answers"`
	Source    string   `json:"source"`
	Paragraph int      `json:"paragraph"`
}

// readQuestions reads a JSON-lines file of questions.
func readQuestions(path string) ([]question, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read questions: %w", err)
	}
	defer f.Close()
	var out []question
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var q question
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			return nil, fmt.Errorf("read questions: %s:%d: %w", path, n, err)
		}
		out = append(out, q)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read questions: %w", err)
	}
	return out, nil
}

// corpus reads articles on demand and keeps them split into paragraphs.
type corpus struct {
	dir   string
	paras map[string][]string
}

// paragraph returns paragraph n (1-based) of an article, after its title.
func (c *corpus) paragraph(source string, n int) (string, error) {
	ps, ok := c.paras[source]
	if !ok {
		b, err := os.ReadFile(filepath.Join(c.dir, "articles", source+".txt"))
		if err != nil {
			return "", fmt.Errorf("read article: %w", err)
		}
		blocks := strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n\n")
		for _, p := range blocks[1:] { // blocks[0] is the title
			if p = strings.TrimSpace(p); p != "" {
				ps = append(ps, p)
			}
		}
		if c.paras == nil {
			c.paras = map[string][]string{}
		}
		c.paras[source] = ps
	}
	if n < 1 || n > len(ps) {
		return "", fmt.Errorf("article %s has no paragraph %d", source, n)
	}
	return ps[n-1], nil
}

// sentences splits a paragraph into sentences with the engine's splitter.
func sentences(p string) []string {
	var out []string
	for _, sp := range text.SplitSentences(p) {
		out = append(out, p[sp.Start:sp.End])
	}
	return out
}

// answerSentences returns the indices of the sentences that hold an answer
// text, in order.
func answerSentences(sents []string, answers []string) []int {
	var out []int
	for i, s := range sents {
		for _, a := range answers {
			if a = strings.TrimSpace(a); a != "" && strings.Contains(s, a) {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// A wordSplitter turns text into the stems the table is made of, with the
// engine's tokenizer and stem rule. One serves one goroutine.
type wordSplitter struct {
	z *text.Tokenizer
}

// askWords are kept on the question side though they are stop words: they
// tell what is asked, and are the table's strongest predictors.
var askWords = map[string]bool{"many": true, "much": true}

// allWords returns the stems of s that the engine indexes, as near as the
// evaluation needs: every word but the stop words, names and numbers too.
func (ws wordSplitter) allWords(s string) []string {
	var out []string
	for _, t := range ws.z.Tokenize(s) {
		if t.Flags&text.Aux != 0 {
			continue
		}
		if w := text.Key(ws.z.Word(t), t.Flags); !lang.Stopwords[w] {
			out = append(out, stem.Of(w))
		}
	}
	return out
}

// words returns the stems of s that the table uses: no stop words (but on
// the question side the question words), no numbers, no single letters, and
// no names (a capitalised word inside the sentence, or an acronym, as the
// engine tells a name), which are facts about one article, not English.
func (ws wordSplitter) words(s string, questionSide bool) []string {
	var out []string
	for _, t := range ws.z.Tokenize(s) {
		if t.Flags&(text.Aux|text.Number|text.Ordinal|text.Percent) != 0 {
			continue
		}
		if t.Flags&(text.Cap|text.AllCaps) != 0 && t.Flags&text.First == 0 || t.Flags&text.AllCaps != 0 {
			continue
		}
		w := text.Key(ws.z.Word(t), t.Flags)
		if len(w) < 2 || text.IsDigit(w[0]) {
			continue
		}
		if lang.Stopwords[w] && !(questionSide && (lang.QuestionWords[w] || askWords[w])) {
			continue
		}
		out = append(out, stem.Of(w))
	}
	return out
}
