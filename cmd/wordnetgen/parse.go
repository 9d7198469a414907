package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// The four parts of speech in WordNet's file names and index lines, in the
// order of their bits in the compiled file's part-of-speech masks.
var posNames = [4]string{"noun", "verb", "adj", "adv"}

// posLetters are the one-letter codes of posNames in index and data lines.
const posLetters = "nvar"

// A synsetKey names a synset: its part of speech (an index into posNames;
// adjective satellites are adjectives) and its byte offset in data.<pos>.
type synsetKey struct {
	pos    uint8
	offset uint32
}

// A pointer is one relation from a synset. For a lexical pointer src and dst
// are 1-based word numbers in the two synsets; for a semantic one both are 0.
type pointer struct {
	symbol   string
	target   synsetKey
	src, dst int
}

// A synset is one data.<pos> line without its gloss: its lemmas in order and
// its pointers.
type synset struct {
	words    []string
	pointers []pointer
}

// A sense is one meaning of a lemma: its synset, its rank among the lemma's
// senses of that part of speech (1 is the most frequent) and its tag count in
// the semantic concordances (cntlist.rev).
type sense struct {
	synset synsetKey
	rank   int
	count  int
}

// A dict is what the generator reads of a WordNet database.
type dict struct {
	synsets map[synsetKey]*synset
	// senses lists each lemma's senses, nouns first, then verbs, adjectives
	// and adverbs, each part of speech in sense order.
	senses map[string][]sense
	// exceptions maps an inflected form to its base forms, by part of speech.
	exceptions [4]map[string][]string
}

// inputFiles are the files the generator reads from the dictionary directory,
// in the order their checksums are recorded.
var inputFiles = []string{
	"index.noun", "index.verb", "index.adj", "index.adv",
	"data.noun", "data.verb", "data.adj", "data.adv",
	"noun.exc", "verb.exc", "adj.exc", "adv.exc",
	"cntlist.rev",
}

// readDict reads the WordNet database in dir.
func readDict(dir string) (*dict, error) {
	d := &dict{synsets: make(map[synsetKey]*synset), senses: make(map[string][]sense)}
	counts, err := readCounts(filepath.Join(dir, "cntlist.rev"))
	if err != nil {
		return nil, err
	}
	for pos, name := range posNames {
		if err := eachLine(filepath.Join(dir, "data."+name), func(line string, offset int64) error {
			return d.addSynset(uint8(pos), line, offset)
		}); err != nil {
			return nil, err
		}
	}
	for pos, name := range posNames {
		if err := eachLine(filepath.Join(dir, "index."+name), func(line string, _ int64) error {
			return d.addIndex(uint8(pos), line, counts)
		}); err != nil {
			return nil, err
		}
	}
	for pos, name := range posNames {
		d.exceptions[pos] = make(map[string][]string)
		if err := eachLine(filepath.Join(dir, name+".exc"), func(line string, _ int64) error {
			f := strings.Fields(line)
			if len(f) < 2 {
				return fmt.Errorf("want a form and its base forms, got %q", line)
			}
			form := lemmaName(f[0])
			for _, base := range f[1:] {
				d.exceptions[pos][form] = append(d.exceptions[pos][form], lemmaName(base))
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// eachLine calls fn on each line of the file at path that is not part of the
// licence header (lines that start with a space) and not blank, with the
// line's byte offset in the file.
func eachLine(path string, fn func(line string, offset int64) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return eachLineOf(path, f, fn)
}

func eachLineOf(name string, r io.Reader, fn func(line string, offset int64) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	var next int64
	for sc.Scan() {
		n++
		line := sc.Text()
		offset := next
		next += int64(len(line)) + 1
		if strings.TrimSpace(line) == "" || line[0] == ' ' {
			continue
		}
		if err := fn(line, offset); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}

// lemmaName is the form the compiled file stores a WordNet word in: lower
// case, with spaces between the words of a collocation, without an
// adjective's syntactic marker such as "(a)" or "(ip)".
func lemmaName(w string) string {
	if i := strings.IndexByte(w, '('); i > 0 && strings.HasSuffix(w, ")") {
		w = w[:i]
	}
	return strings.ToLower(strings.ReplaceAll(w, "_", " "))
}

// posIndex maps a pointer's or sense key's part of speech to an index into
// posNames; adjective satellites ("s", or 5 in sense keys) are adjectives.
func posIndex(c string) (uint8, error) {
	switch c {
	case "n", "1":
		return 0, nil
	case "v", "2":
		return 1, nil
	case "a", "s", "3", "5":
		return 2, nil
	case "r", "4":
		return 3, nil
	}
	return 0, fmt.Errorf("unknown part of speech %q", c)
}

// A countKey names one sense in cntlist.rev: the lemma, its part of speech
// and its sense number.
type countKey struct {
	lemma string
	pos   uint8
	rank  int
}

// readCounts reads cntlist.rev, whose lines are "sense_key sense_number
// tag_cnt" with sense_key "lemma%ss_type:lex_filenum:lex_id:head:head_id".
func readCounts(path string) (map[countKey]int, error) {
	counts := make(map[countKey]int)
	err := eachLine(path, func(line string, _ int64) error {
		f := strings.Fields(line)
		if len(f) != 3 {
			return fmt.Errorf("want 3 fields, got %q", line)
		}
		lemma, rest, ok := strings.Cut(f[0], "%")
		if !ok || rest == "" {
			return fmt.Errorf("bad sense key %q", f[0])
		}
		pos, err := posIndex(rest[:1])
		if err != nil {
			return err
		}
		rank, err1 := strconv.Atoi(f[1])
		n, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil {
			return fmt.Errorf("bad numbers in %q", line)
		}
		counts[countKey{lemmaName(lemma), pos, rank}] += n
		return nil
	})
	return counts, err
}

// addSynset parses one data.<pos> line, found at byte position at:
//
//	offset lex_filenum ss_type w_cnt(hex) [word lex_id(hex)]... p_cnt [symbol offset pos src/dst(hex)]... [frames] | gloss
//
// A synset's offset is the byte position of its line, which the generator
// checks: a file whose offsets do not match has been edited or mangled.
func (d *dict) addSynset(pos uint8, line string, at int64) error {
	if i := strings.Index(line, " | "); i >= 0 {
		line = line[:i]
	}
	f := strings.Fields(line)
	if len(f) < 4 {
		return fmt.Errorf("short data line %q", line)
	}
	offset, err := strconv.ParseUint(f[0], 10, 32)
	if err != nil {
		return fmt.Errorf("bad offset: %w", err)
	}
	if int64(offset) != at {
		return fmt.Errorf("synset offset %d is not the line's byte position %d", offset, at)
	}
	nw, err := strconv.ParseUint(f[3], 16, 16)
	if err != nil {
		return fmt.Errorf("bad word count: %w", err)
	}
	i := 4
	s := &synset{}
	for range nw {
		if i+1 >= len(f) {
			return fmt.Errorf("short word list in %q", line)
		}
		s.words = append(s.words, lemmaName(f[i]))
		i += 2
	}
	if i >= len(f) {
		return fmt.Errorf("no pointer count in %q", line)
	}
	np, err := strconv.Atoi(f[i])
	if err != nil {
		return fmt.Errorf("bad pointer count: %w", err)
	}
	i++
	for range np {
		if i+3 >= len(f) {
			return fmt.Errorf("short pointer list in %q", line)
		}
		to, err := strconv.ParseUint(f[i+1], 10, 32)
		if err != nil {
			return fmt.Errorf("bad pointer offset: %w", err)
		}
		tpos, err := posIndex(f[i+2])
		if err != nil {
			return err
		}
		sd, err := strconv.ParseUint(f[i+3], 16, 16)
		if err != nil {
			return fmt.Errorf("bad pointer source/target: %w", err)
		}
		s.pointers = append(s.pointers, pointer{
			symbol: f[i],
			target: synsetKey{tpos, uint32(to)},
			src:    int(sd >> 8),
			dst:    int(sd & 0xff),
		})
		i += 4
	}
	d.synsets[synsetKey{pos, uint32(offset)}] = s
	return nil
}

// addIndex parses one index.<pos> line:
//
//	lemma pos synset_cnt p_cnt [ptr_symbol]... sense_cnt tagsense_cnt synset_offset...
//
// whose synset offsets are in sense order.
func (d *dict) addIndex(pos uint8, line string, counts map[countKey]int) error {
	f := strings.Fields(line)
	if len(f) < 6 {
		return fmt.Errorf("short index line %q", line)
	}
	lemma := lemmaName(f[0])
	nsyn, err1 := strconv.Atoi(f[2])
	np, err2 := strconv.Atoi(f[3])
	if err1 != nil || err2 != nil || len(f) != 4+np+2+nsyn {
		return fmt.Errorf("malformed index line %q", line)
	}
	for r, o := range f[4+np+2:] {
		offset, err := strconv.ParseUint(o, 10, 32)
		if err != nil {
			return fmt.Errorf("bad synset offset: %w", err)
		}
		key := synsetKey{pos, uint32(offset)}
		if d.synsets[key] == nil {
			return fmt.Errorf("%s: no synset %s %08d", lemma, posNames[pos], offset)
		}
		d.senses[lemma] = append(d.senses[lemma], sense{
			synset: key,
			rank:   r + 1,
			count:  counts[countKey{lemma, pos, r + 1}],
		})
	}
	return nil
}
