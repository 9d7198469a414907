package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A page as the SQuAD explorer writes it, cut down to what squad2gen reads.
const testPage = `<html><body><h1 id="title">Fresno,_California</h1><div>` +
	`<div class="para-wrap"><div class="row"><div class="col-md-6"><pre>Fresno is a city &amp; county seat.
It lies in the   San Joaquin Valley.</pre></div><div class="col-md-6"><div class="qas-wrap">` +
	`<div class="qa-wrap" data-id="a1"><p> <strong class="question">Where does Fresno lie?</strong></p><ul class="list-unstyled"><li><p><i>Ground Truth Answers: </i>` +
	`<span class="answer">San Joaquin Valley</span><span class="answer">the San Joaquin Valley</span><span class="answer">San Joaquin Valley</span></p></li>` +
	`<li class="prediction-holder"><p><i>Prediction: </i><span class="prediction"></span></p></li></ul></div>` +
	`<div class="qa-wrap" data-id="n1"><p> <strong class="question">What is Fresno&#39;s motto?</strong></p><ul class="list-unstyled"><li><p><i>Ground Truth Answers: </i>` +
	`<span class="no-answer">&lt;No Answer&gt;</span></p></li><li class="prediction-holder"><p><i>Prediction: </i><span class="prediction"></span></p></li></ul></div>` +
	`</div></div></div></div>` +
	`<div class="para-wrap"><div class="row"><div class="col-md-6"><pre>It was founded in 1872.</pre></div><div class="col-md-6"><div class="qas-wrap">` +
	`<div class="qa-wrap" data-id="a2"><p> <strong class="question">When was Fresno founded?</strong></p><ul class="list-unstyled"><li><p><i>Ground Truth Answers: </i>` +
	`<span class="answer">1872</span></p></li><li class="prediction-holder"><p><i>Prediction: </i><span class="prediction"></span></p></li></ul></div>` +
	`</div></div></div></div></div></body></html>`

const testIndex = `<a href="/SQuAD-explorer/explore/v2.0/dev/">Explore 2.0</a>` +
	`<a href="/SQuAD-explorer/explore/v2.0/dev/Fresno,_California.html">Fresno</a>` +
	`<a href="/SQuAD-explorer/explore/v2.0/dev/Fresno,_California.html?model=x&amp;version=v2.0">Fresno</a>`

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestGenerate(t *testing.T) {
	dir := t.TempDir()
	pages, out := filepath.Join(dir, "pages"), filepath.Join(dir, "out")
	writeFile(t, filepath.Join(pages, "index.html"), testIndex)
	writeFile(t, filepath.Join(pages, "Fresno,_California.html"), testPage)
	writeFile(t, filepath.Join(dir, "train", "000-other.txt"), "Some other article\n\nText.\n")

	args := []string{"-pages", pages, "-out", out, "-disjoint", filepath.Join(dir, "train")}
	if err := run(context.Background(), args, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"articles/000-fresno-california.txt": "Fresno, California\n\nFresno is a city & county seat. It lies in the San Joaquin Valley.\n\nIt was founded in 1872.\n",
		"unanswerable.jsonl":                 `{"id":"n1","q":"What is Fresno's motto?","none":true,"source":"000-fresno-california","paragraph":1}` + "\n",
		"answerable.jsonl": `{"id":"a1","q":"Where does Fresno lie?","facts":["San Joaquin Valley","the San Joaquin Valley"],"answers":["San Joaquin Valley","the San Joaquin Valley"],"source":"000-fresno-california","paragraph":1}` + "\n" +
			`{"id":"a2","q":"When was Fresno founded?","facts":["1872"],"answers":["1872"],"source":"000-fresno-california","paragraph":2}` + "\n",
	}
	first := map[string]string{}
	for name, text := range want {
		got := readFile(t, filepath.Join(out, name))
		if got != text {
			t.Errorf("%s:\n got %q\nwant %q", name, got, text)
		}
		first[name] = got
	}
	src := readFile(t, filepath.Join(out, "SOURCE.txt"))
	for _, s := range []string{"index.html", "Fresno,_California.html", "1 articles, 2 paragraphs, 3 questions: 1 unanswerable, 2 answerable", "no title in common"} {
		if !strings.Contains(src, s) {
			t.Errorf("SOURCE.txt lacks %q:\n%s", s, src)
		}
	}

	// Rerunning gives the same bytes.
	if err := run(context.Background(), args, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	for name, text := range first {
		if got := readFile(t, filepath.Join(out, name)); got != text {
			t.Errorf("%s changed on rerun", name)
		}
	}
	if got := readFile(t, filepath.Join(out, "SOURCE.txt")); got != src {
		t.Error("SOURCE.txt changed on rerun")
	}
}

func TestDisjointFails(t *testing.T) {
	dir := t.TempDir()
	pages := filepath.Join(dir, "pages")
	writeFile(t, filepath.Join(pages, "index.html"), testIndex)
	writeFile(t, filepath.Join(pages, "Fresno,_California.html"), testPage)
	writeFile(t, filepath.Join(dir, "train", "110-fresno.txt"), "Fresno, California\n\nText.\n")

	args := []string{"-pages", pages, "-out", filepath.Join(dir, "out"), "-disjoint", filepath.Join(dir, "train")}
	err := run(context.Background(), args, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "110-fresno.txt") {
		t.Fatalf("run = %v, want an error naming the clashing article", err)
	}
}

func TestMalformedPage(t *testing.T) {
	for name, page := range map[string]string{
		"no title":          strings.Replace(testPage, `<h1 id="title">`, `<h1>`, 1),
		"no paragraph":      `<h1 id="title">X</h1>`,
		"answer and none":   strings.Replace(testPage, `<span class="no-answer">`, `<span class="answer">x</span><span class="no-answer">`, 1),
		"neither":           strings.Replace(testPage, `<span class="answer">1872</span>`, ``, 1),
		"paragraph no text": strings.Replace(testPage, `<pre>It was founded in 1872.</pre>`, ``, 1),
	} {
		if _, err := parsePage("p.html", page); err == nil {
			t.Errorf("%s: parsePage accepted it", name)
		}
	}
}
