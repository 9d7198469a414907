// Command spellmeasure measures package spell on questions rewritten as chat
// beside the same questions clean: how many of the chat questions' words the
// corrector turns back into the clean question's words, and how many words
// of the clean questions it changes. It is for tuning on aggregate rates, not
// a test: it needs SQuAD train from ../shared.
//
// Usage, from the repository root:
//
//	go run ./facts/internal/spell/cmd/spellmeasure -base all
//
// The fact base is either all of SQuAD train's articles (-base all) or the
// question's own article (-base article). A word typed with a capital, other
// than a question's first, is kept, as the engine keeps names.
package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/factbot/factbot/facts/internal/spell"
	"github.com/factbot/factbot/facts/internal/text"
	"github.com/factbot/factbot/internal/cli"
	"github.com/factbot/factbot/internal/eval"
)

func main() { cli.Main("spellmeasure", run) }

type question struct {
	ID     string `json:"id"`
	Q      string `json:"q"`
	Source string `json:"source"`
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("spellmeasure", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("squad", "../shared/corpora/squad-train", "SQuAD train folder")
	base := fs.String("base", "all", "the fact base: all articles, or each question's article")
	show := fs.Int("show", 0, "print this many fixes of each sort (good, bad, other)")
	minKnown := fs.Int("minknown", 1, "pass New only the base's words seen this often")
	n := fs.Int("n", 0, "measure on the first n questions only (0: all)")
	half := fs.String("half", "", "measure only on questions about the articles of even or odd number (held out from a word list made from the other half)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	clean, err := readQuestions(filepath.Join(*dir, "sample-2000.jsonl"))
	if err != nil {
		return err
	}
	chat, err := readQuestions(filepath.Join(*dir, "sample-2000-chat.jsonl"))
	if err != nil {
		return err
	}
	if len(clean) != len(chat) {
		return fmt.Errorf("spellmeasure: %d clean questions, %d chat", len(clean), len(chat))
	}
	if *half != "" {
		var cl, ch []question
		for i := range chat {
			var num int
			fmt.Sscanf(chat[i].Source, "%d", &num)
			if (num%2 == 0) == (*half == "even") {
				cl, ch = append(cl, clean[i]), append(ch, chat[i])
			}
		}
		clean, chat = cl, ch
	}
	if *n > 0 && *n < len(chat) {
		clean, chat = clean[:*n], chat[:*n]
	}
	z := text.NewTokenizer()
	vocab := map[string]map[string]int{} // by article, or "" for all
	files, _ := filepath.Glob(filepath.Join(*dir, "articles", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("spellmeasure: %w", err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		v := map[string]int{}
		for _, t := range z.Tokenize(string(data)) {
			v[string(z.Word(t))]++
		}
		vocab[name] = v
	}
	correctors := map[string]*spell.Corrector{}
	corrector := func(source string) (*spell.Corrector, error) {
		key := ""
		if *base == "article" {
			key = source
		}
		if c, ok := correctors[key]; ok {
			return c, nil
		}
		all := map[string]int{}
		for name, v := range vocab {
			if key == "" || name == key {
				for w, n := range v {
					all[w] += n
				}
			}
		}
		for w, n := range all {
			if n < *minKnown {
				delete(all, w)
			}
		}
		c, err := spell.New(maps.All(all), 1)
		if err != nil {
			return nil, err
		}
		correctors[key] = c
		return c, nil
	}

	var m measure
	left := map[string]int{}
	examples := map[string][]string{}
	for i := range chat {
		if err := ctx.Err(); err != nil {
			return err
		}
		c, err := corrector(chat[i].Source)
		if err != nil {
			return err
		}
		want, wkeep := words(z, clean[i].Q)
		got, gkeep := words(z, chat[i].Q)
		in := bag(want)
		m.cleanWords += len(want)
		m.chatWords += len(got)
		for _, w := range got {
			if !in[w] {
				m.noisy++
			}
		}
		out, fixes := c.Correct(got, gkeep)
		m.matchedBefore += eval.Overlap(got, want)
		m.matchedAfter += eval.Overlap(out, want)
		for _, w := range out {
			switch {
			case in[w]:
			case c.Known(w):
				m.leftKnown++
			default:
				m.leftUnknown++
				left[w]++
			}
		}
		for _, f := range fixes {
			from, to := strings.Fields(f.From), strings.Fields(f.To)
			sort := "other"
			switch {
			case f.Kind == spell.Contraction && all(from, in):
				sort = "other" // "don't" in the clean question too
				m.other++
			case all(from, in):
				sort = "bad"
				m.bad++
			case all(to, in):
				sort = "good"
				m.good++
				m.goodWords += len(from)
			default:
				m.other++
			}
			m.byKind[f.Kind]++
			if len(examples[sort]) < *show {
				examples[sort] = append(examples[sort], fmt.Sprintf("%s %q→%q in %q", f.Kind, f.From, f.To, chat[i].Q))
			}
		}
		// The clean question: every change is wrong, but for a contraction.
		_, cfixes := c.Correct(want, wkeep)
		for _, f := range cfixes {
			if f.Kind == spell.Contraction {
				m.cleanContractions++
				continue
			}
			m.cleanChanged += f.N
			if len(examples["clean"]) < *show {
				examples["clean"] = append(examples["clean"], fmt.Sprintf("%s %q→%q in %q", f.Kind, f.From, f.To, clean[i].Q))
			}
		}
	}
	fmt.Fprintf(stdout, "base: %s; %d questions\n", *base, len(chat))
	fmt.Fprintf(stdout, "chat words %d, of which not in the clean question %d\n", m.chatWords, m.noisy)
	fmt.Fprintf(stdout, "clean words matched: before %d/%d (%.1f%%), after %d/%d (%.1f%%)\n",
		m.matchedBefore, m.cleanWords, pct(m.matchedBefore, m.cleanWords), m.matchedAfter, m.cleanWords, pct(m.matchedAfter, m.cleanWords))
	fmt.Fprintf(stdout, "fixes on chat: %d good (%d words), %d bad (a clean word changed), %d other; by kind %v\n",
		m.good, m.goodWords, m.bad, m.other, m.kinds())
	fmt.Fprintf(stdout, "chat words left not in the clean question: %d known to the base (never corrected), %d not\n", m.leftKnown, m.leftUnknown)
	fmt.Fprintf(stdout, "clean questions: %d of %d words changed (%.2f%%), %d contractions expanded\n",
		m.cleanChanged, m.cleanWords, pct(m.cleanChanged, m.cleanWords), m.cleanContractions)
	if *show > 0 {
		var ws []string
		for w := range left {
			ws = append(ws, w)
		}
		slices.SortFunc(ws, func(a, b string) int { return cmp.Or(left[b]-left[a], strings.Compare(a, b)) })
		for _, w := range ws[:min(len(ws), *show)] {
			fmt.Fprintf(stdout, "  left: %q %d\n", w, left[w])
		}
	}
	for _, k := range []string{"good", "bad", "other", "clean"} {
		for _, e := range examples[k] {
			fmt.Fprintf(stdout, "  %s: %s\n", k, e)
		}
	}
	return nil
}

type measure struct {
	cleanWords, chatWords, noisy    int
	matchedBefore, matchedAfter     int
	good, goodWords, bad, other     int
	cleanChanged, cleanContractions int
	leftKnown, leftUnknown          int
	byKind                          [8]int
}

func (m *measure) kinds() string {
	var parts []string
	for k, n := range m.byKind {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", spell.Kind(k), n))
		}
	}
	return strings.Join(parts, ", ")
}

func pct(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }

// words returns the folded words of q and which to keep: those typed with a
// capital, but for the first.
func words(z *text.Tokenizer, q string) ([]string, []bool) {
	var ws []string
	var keep []bool
	for _, t := range z.Tokenize(q) {
		if t.Flags&text.Aux != 0 {
			continue
		}
		ws = append(ws, string(z.Word(t)))
		keep = append(keep, t.Flags&(text.Cap|text.AllCaps) != 0 && t.Flags&text.First == 0)
	}
	return ws, keep
}

func bag(ws []string) map[string]bool {
	m := map[string]bool{}
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func all(ws []string, in map[string]bool) bool {
	for _, w := range ws {
		if !in[w] {
			return false
		}
	}
	return len(ws) > 0
}

func readQuestions(path string) ([]question, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("spellmeasure: %w", err)
	}
	defer f.Close()
	var qs []question
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var q question
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			return nil, fmt.Errorf("spellmeasure: %s: %w", path, err)
		}
		qs = append(qs, q)
	}
	return qs, sc.Err()
}
