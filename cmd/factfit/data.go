package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/eval"
	"github.com/factbot/factbot/internal/squadsplit"
)

// squad is what factfit reads of the SQuAD folder.
type squad struct {
	articles []facts.Article // all of them, in id order
	train    []eval.Question // questions about articles of the fact base
	heldOut  []eval.Question // questions about held-out articles
	// general are the other questions about held-out articles (not in
	// sample-2000.jsonl, not picked for the fit): the general measure's.
	general []eval.Question
	// rest are the questions about articles of the fact base that the
	// ranking and confidence fits leave alone (not in sample-2000.jsonl,
	// not picked): the span fit's (span.go).
	rest  []eval.Question
	files []dataFile // every file read, in the order read
	// chat are the chat twins of the questions, by the clean question's
	// id; nil without -chat.
	chat map[string]eval.Question
}

// withChat returns qs with each question's chat twin after it, or qs
// alone when there is no chat file.
func (d squad) withChat(qs []eval.Question) []eval.Question {
	if d.chat == nil {
		return qs
	}
	out := make([]eval.Question, 0, 2*len(qs))
	for _, q := range qs {
		out = append(out, q, d.chat[q.ID])
	}
	return out
}

// chatOf returns the chat twin of q, or q itself without a chat file.
func (d squad) chatOf(q eval.Question) string {
	if c, ok := d.chat[q.ID]; ok {
		return c.Q
	}
	return q.Q
}

// readChat reads the chat file name, the questions of questions.jsonl
// rewritten by chatnoise.py, each with its clean question's id and a
// "-chat" suffix, and checks that every question of d has its twin.
func (d *squad) readChat(name string) error {
	qs, f, err := readQuestions(repoRoot(), name)
	if err != nil {
		return err
	}
	d.files = append(d.files, f)
	d.chat = make(map[string]eval.Question, len(qs))
	for _, q := range qs {
		id, ok := strings.CutSuffix(q.ID, "-chat")
		if !ok {
			return fmt.Errorf("read %s: question %q: want an id with a -chat suffix", name, q.ID)
		}
		d.chat[id] = q
	}
	for _, set := range [][]eval.Question{d.train, d.heldOut, d.general, d.rest} {
		for _, q := range set {
			if _, ok := d.chat[q.ID]; !ok {
				return fmt.Errorf("read %s: no chat twin of question %q", name, q.ID)
			}
		}
	}
	return nil
}

// A dataFile is a file the fit read: its path relative to the repository
// (or as given, outside one) and its SHA-256.
type dataFile struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// readSquad reads the SQuAD folder dir: articles/, then sample-2000.jsonl
// and questions.jsonl.
func readSquad(dir string) (squad, error) {
	var d squad
	root := repoRoot()
	artDir := filepath.Join(dir, "articles")
	base, err := facts.Load(os.DirFS(artDir))
	if err != nil {
		return d, fmt.Errorf("read SQuAD articles: %w", err)
	}
	if ps := base.Problems(); len(ps) > 0 {
		// A fit should know exactly what it read.
		return d, fmt.Errorf("read SQuAD articles: %d files skipped; first: %w", len(ps), ps[0])
	}
	d.articles = base.Articles()
	// Every file of the folder that Load may have read, hidden ones
	// aside, in the order of fs.WalkDir (lexical).
	err = fs.WalkDir(os.DirFS(artDir), ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "." && strings.HasPrefix(e.Name(), ".") {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !e.Type().IsRegular() {
			return nil
		}
		f, err := checksum(root, filepath.Join(artDir, filepath.FromSlash(p)))
		d.files = append(d.files, f)
		return err
	})
	if err != nil {
		return d, fmt.Errorf("read SQuAD articles: %w", err)
	}

	sample, f, err := readQuestions(root, filepath.Join(dir, "sample-2000.jsonl"))
	if err != nil {
		return d, err
	}
	d.files = append(d.files, f)
	ids := make([]string, len(sample))
	for i, q := range sample {
		ids[i] = q.ID
	}
	all, f, err := readQuestions(root, filepath.Join(dir, "questions.jsonl"))
	if err != nil {
		return d, err
	}
	d.files = append(d.files, f)
	split := squadsplit.New(ids)
	for _, q := range all {
		switch split.Next(q.ID, q.Source) {
		case squadsplit.Fit:
			d.train = append(d.train, q)
		case squadsplit.HeldOut:
			d.heldOut = append(d.heldOut, q)
		case squadsplit.General:
			d.general = append(d.general, q)
		case squadsplit.SpanTrain, squadsplit.Tuning, squadsplit.Measure:
			d.rest = append(d.rest, q)
		}
	}
	return d, nil
}

// readQuestions reads a question file and its checksum.
func readQuestions(root, name string) ([]eval.Question, dataFile, error) {
	f, err := checksum(root, name)
	if err != nil {
		return nil, f, err
	}
	r, err := os.Open(name)
	if err != nil {
		return nil, f, fmt.Errorf("read questions: %w", err)
	}
	defer r.Close()
	qs, err := eval.ReadQuestions(r)
	if err != nil {
		return nil, f, fmt.Errorf("read %s: %w", name, err)
	}
	return qs, f, nil
}

// checksum returns the SHA-256 of a file, named relative to root.
func checksum(root, name string) (dataFile, error) {
	f := dataFile{Path: relPath(root, name)}
	r, err := os.Open(name)
	if err != nil {
		return f, fmt.Errorf("checksum: %w", err)
	}
	defer r.Close()
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return f, fmt.Errorf("checksum %s: %w", name, err)
	}
	f.SHA256 = hex.EncodeToString(h.Sum(nil))
	return f, nil
}

// repoRoot returns the absolute path of the repository that holds the
// working directory (the nearest folder up with a go.mod), or "" outside
// one.
func repoRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
}

// relPath returns name relative to root, with slashes, or name cleaned if
// it cannot.
func relPath(root, name string) string {
	abs, err := filepath.Abs(name)
	if root == "" || err != nil {
		return path.Clean(filepath.ToSlash(name))
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil {
		return path.Clean(filepath.ToSlash(name))
	}
	return filepath.ToSlash(rel)
}
