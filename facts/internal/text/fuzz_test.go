package text

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The fuzz tests run their seed corpus as normal tests; to fuzz, run one
// alone: go test ./facts/internal/text -run XXX -fuzz FuzzTokenize -fuzztime 45s

// textSeeds are inputs every text fuzzer starts from.
var textSeeds = []string{
	"",
	" \n\t",
	"Title\n\nBody.",
	"Title\n\nBody \xff\xfe.",
	"Title\n\n- one\n- two\n1. three\n2) four",
	"The U.N. Security Council’s panel met U.S. president Donald Trump. It cost $4,500.",
	"Mr. Smith, J. R. R. Tolkien, No. 5, 3.5 percent, etc. The end… “Quoted.” Next!",
	"cyber-warfare moneyNorth YouBit Korea’s don't 6,000 $545 6th 1990s 16% Straße café\u00a0x",
	"Royal United Services Institute (RUSI) and WMD (weapons of mass destruction).",
	strings.Repeat("word ", 400) + "and no end",
	strings.Repeat("A.", 300),
}

func FuzzSplitSentences(f *testing.F) {
	for _, s := range textSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		prev := 0
		for i, sp := range SplitSentences(p) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(p) {
				t.Fatalf("span %d %v: want %d <= start < end <= %d", i, sp, prev, len(p))
			}
			prev = sp.End
			s := p[sp.Start:sp.End]
			first, _ := utf8.DecodeRuneInString(s)
			last, _ := utf8.DecodeLastRuneInString(s)
			if unicode.IsSpace(first) || unicode.IsSpace(last) {
				t.Errorf("span %d is not trimmed: %q", i, s)
			}
		}
	})
}

func FuzzTokenize(f *testing.F) {
	for _, s := range textSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		z := NewTokenizer()
		toks := z.Tokenize(s)
		prevEnd := 0
		for i, k := range toks {
			if k.Start < 0 || k.Start >= k.End || int(k.End) > len(s) {
				t.Fatalf("token %d %+v: source span outside [0, %d]", i, k, len(s))
			}
			if k.NS < 0 || k.NS >= k.NE || int(k.NE) > len(z.buf) {
				t.Fatalf("token %d %+v: empty or outside the buffer of %d bytes", i, k, len(z.buf))
			}
			if k.Flags&Aux != 0 {
				continue // a compound joined up spans the parts before it
			}
			if int(k.Start) < prevEnd {
				t.Fatalf("token %d %q starts at %d, before the end %d of the one before", i, s[k.Start:k.End], k.Start, prevEnd)
			}
			prevEnd = int(k.End)
		}
	})
}
