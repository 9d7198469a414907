// Command squad2gen turns SQuAD 2.0 dev into an eval set for factbot: a folder
// of articles factbot reads and two question files in score.py's format, so
// that abstention on SQuAD 2.0's unanswerable questions and false abstentions
// on its answerable ones are measured over the same fact base.
//
// Its input is the SQuAD explorer's pages for SQuAD 2.0 dev
// (github.com/rajpurkar/SQuAD-explorer, branch gh-pages, explore/v2.0/dev/):
// index.html, which lists the 35 articles in dataset order, and one page per
// article with every paragraph and every question, its id, and its gold
// answers or "<No Answer>". The official dev-v2.0.json is stored in that
// repository as a Git LFS object; the pages hold the same articles,
// paragraphs, questions and ids. To get them:
//
//	git --git-dir=SQuAD-explorer.git archive gh-pages explore/v2.0/dev | tar -x -C /tmp/s2src
//	go run ./internal/eval/cmd/squad2gen -pages /tmp/s2src/explore/v2.0/dev -out internal/eval/testdata/squad2 \
//	    -disjoint ../shared/corpora/squad-train/articles
//
// It writes, under -out:
//
//	articles/NNN-slug.txt  one per article: the title (underscores as spaces), a blank line, then each paragraph, blank-line separated
//	unanswerable.jsonl     the questions with no answer: {"id", "q", "none": true, "source", "paragraph"}
//	answerable.jsonl       the others: {"id", "q", "facts", "answers", "source", "paragraph"}
//	SOURCE.txt             provenance: the command line, the SHA-256 of every input page, the counts
//
// NNN is the article's place in the dataset; facts and answers are the
// distinct gold answers, as in ../shared/corpora/squad-train; source and
// paragraph (1-based) are where the question was written, and id is SQuAD's.
// With -disjoint DIR it fails if an article's title is also the title of an
// article in DIR. The output is byte-identical on rerun with the same pages.
//
// The set is for measuring only: never tune the engine on it.
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/factbot/factbot/internal/cli"
)

func main() { cli.Main("squad2gen", run) }

var (
	reIndexLink = regexp.MustCompile(`href="/SQuAD-explorer/explore/v2\.0/dev/([^"?]+\.html)"`)
	reTitle     = regexp.MustCompile(`<h1 id="title">(.*?)</h1>`)
	rePre       = regexp.MustCompile(`(?s)<pre>(.*?)</pre>`)
	reQA        = regexp.MustCompile(`(?s)<div class="qa-wrap" data-id="([^"]+)">(.*?)</ul></div>`)
	reQuestion  = regexp.MustCompile(`(?s)<strong class="question">(.*?)</strong>`)
	reAnswer    = regexp.MustCompile(`(?s)<span class="answer">(.*?)</span>`)
	reSpace     = regexp.MustCompile(`\s+`)
	reNonSlug   = regexp.MustCompile(`[^a-z0-9]+`)
)

type article struct {
	page, title string
	paras       []string
	qs          []question
}

type question struct {
	ID        string   `json:"id"`
	Q         string   `json:"q"`
	Facts     []string `json:"facts,omitempty"`
	Answers   []string `json:"answers,omitempty"`
	None      bool     `json:"none,omitempty"`
	Source    string   `json:"source"`
	Paragraph int      `json:"paragraph"`
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("squad2gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	pages := fs.String("pages", "", "`dir` of the SQuAD explorer's explore/v2.0/dev pages (index.html and one page per article)")
	out := fs.String("out", "", "`dir` to write articles/, unanswerable.jsonl, answerable.jsonl and SOURCE.txt into")
	disjoint := fs.String("disjoint", "", "articles `dir` whose titles must not overlap the generated ones (e.g. squad-train/articles)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *pages == "" || *out == "" {
		return errors.New("-pages and -out are required")
	}

	var prov strings.Builder
	fmt.Fprintf(&prov, "SQuAD 2.0 dev (Rajpurkar, Jia and Liang, 2018), CC BY-SA 4.0, from the SQuAD explorer's pages\n")
	fmt.Fprintf(&prov, "command: go run ./internal/eval/cmd/squad2gen %s\n\ninputs (SHA-256):\n", strings.Join(args, " "))

	index, err := readSum(filepath.Join(*pages, "index.html"), &prov)
	if err != nil {
		return err
	}
	var names []string
	seen := map[string]bool{}
	for _, m := range reIndexLink.FindAllStringSubmatch(index, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			names = append(names, m[1])
		}
	}
	if len(names) == 0 {
		return errors.New("index.html lists no article")
	}

	var arts []*article
	for _, name := range names {
		if err := ctx.Err(); err != nil {
			return err
		}
		page, err := readSum(filepath.Join(*pages, name), &prov)
		if err != nil {
			return err
		}
		a, err := parsePage(name, page)
		if err != nil {
			return err
		}
		arts = append(arts, a)
	}

	if *disjoint != "" {
		if err := checkDisjoint(arts, *disjoint, &prov); err != nil {
			return err
		}
	}

	artDir := filepath.Join(*out, "articles")
	if err := os.RemoveAll(artDir); err != nil {
		return err
	}
	if err := os.MkdirAll(artDir, 0o755); err != nil {
		return err
	}
	var ans, none strings.Builder
	var nParas, nAns, nNone, notInPara int
	for i, a := range arts {
		src := fmt.Sprintf("%03d-%s", i, strings.Trim(reNonSlug.ReplaceAllString(strings.ToLower(a.title), "-"), "-"))
		text := a.title + "\n\n" + strings.Join(a.paras, "\n\n") + "\n"
		if err := os.WriteFile(filepath.Join(artDir, src+".txt"), []byte(text), 0o644); err != nil {
			return err
		}
		nParas += len(a.paras)
		for _, q := range a.qs {
			q.Source = src
			line, err := json.Marshal(q)
			if err != nil {
				return err
			}
			if q.None {
				nNone++
				none.Write(line)
				none.WriteByte('\n')
				continue
			}
			nAns++
			ans.Write(line)
			ans.WriteByte('\n')
			if !anyIn(q.Facts, a.paras[q.Paragraph-1]) {
				notInPara++
			}
		}
	}
	if err := os.WriteFile(filepath.Join(*out, "unanswerable.jsonl"), []byte(none.String()), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(*out, "answerable.jsonl"), []byte(ans.String()), 0o644); err != nil {
		return err
	}
	counts := fmt.Sprintf("%d articles, %d paragraphs, %d questions: %d unanswerable, %d answerable (%d with no gold answer verbatim in their paragraph)\n",
		len(arts), nParas, nAns+nNone, nNone, nAns, notInPara)
	fmt.Fprintf(&prov, "\n%s", counts)
	if err := os.WriteFile(filepath.Join(*out, "SOURCE.txt"), []byte(prov.String()), 0o644); err != nil {
		return err
	}
	fmt.Fprint(stdout, counts)
	return nil
}

// readSum reads a file and records its SHA-256 in prov.
func readSum(path string, prov *strings.Builder) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(data)
	fmt.Fprintf(prov, "  %s  %s\n", hex.EncodeToString(sum[:]), filepath.Base(path))
	return string(data), nil
}

// parsePage reads one article page: its title, paragraphs and questions.
func parsePage(name, page string) (*article, error) {
	t := reTitle.FindStringSubmatch(page)
	if t == nil {
		return nil, fmt.Errorf("%s: no title", name)
	}
	a := &article{page: name, title: strings.ReplaceAll(clean(t[1]), "_", " ")}
	chunks := strings.Split(page, `<div class="para-wrap">`)[1:]
	if len(chunks) == 0 {
		return nil, fmt.Errorf("%s: no paragraph", name)
	}
	for _, c := range chunks {
		p := rePre.FindStringSubmatch(c)
		if p == nil {
			return nil, fmt.Errorf("%s: paragraph %d has no text", name, len(a.paras)+1)
		}
		a.paras = append(a.paras, clean(p[1]))
		n := len(a.paras)
		for _, m := range reQA.FindAllStringSubmatch(c, -1) {
			qm := reQuestion.FindStringSubmatch(m[2])
			if qm == nil {
				return nil, fmt.Errorf("%s: question %s has no text", name, m[1])
			}
			q := question{ID: m[1], Q: clean(qm[1]), Paragraph: n}
			var golds []string
			for _, am := range reAnswer.FindAllStringSubmatch(m[2], -1) {
				if g := clean(am[1]); g != "" && !contains(golds, g) {
					golds = append(golds, g)
				}
			}
			noAnswer := strings.Contains(m[2], `class="no-answer"`)
			switch {
			case noAnswer && len(golds) == 0:
				q.None = true
			case !noAnswer && len(golds) > 0:
				q.Facts, q.Answers = golds, golds
			default:
				return nil, fmt.Errorf("%s: question %s has %d answers and no-answer=%v", name, m[1], len(golds), noAnswer)
			}
			a.qs = append(a.qs, q)
		}
	}
	return a, nil
}

// clean unescapes HTML and puts every run of white space as one space, so a
// paragraph stays one paragraph.
func clean(s string) string {
	return strings.TrimSpace(reSpace.ReplaceAllString(html.UnescapeString(s), " "))
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func anyIn(facts []string, para string) bool {
	for _, f := range facts {
		if strings.Contains(para, f) {
			return true
		}
	}
	return false
}

// checkDisjoint fails if a generated article's title is the title (first
// line) of an article in dir, compared case-insensitively.
func checkDisjoint(arts []*article, dir string, prov *strings.Builder) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	titles := map[string]string{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return err
		}
		first, _, _ := strings.Cut(string(data), "\n")
		titles[strings.ToLower(strings.TrimSpace(first))] = e.Name()
	}
	var clash []string
	for _, a := range arts {
		if f, ok := titles[strings.ToLower(a.title)]; ok {
			clash = append(clash, fmt.Sprintf("%q (%s)", a.title, f))
		}
	}
	sort.Strings(clash)
	if len(clash) > 0 {
		return fmt.Errorf("titles also in %s: %s", dir, strings.Join(clash, ", "))
	}
	fmt.Fprintf(prov, "\nno title in common with the %d articles of %s\n", len(titles), filepath.Base(filepath.Dir(dir))+"/"+filepath.Base(dir))
	return nil
}
