package bot

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLength(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"é", 1},
		{"…", 1},
		{"👍", 2}, // outside the BMP: two UTF-16 code units
		{"a👍b", 4},
	} {
		if got := length(tc.in); got != tc.want {
			t.Errorf("length(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"the quick brown fox", 12, "the quick…"},
		{"the quick brown fox", 10, "the quick…"},
		{"the quick brown fox", 9, "the quic…"}, // the boundary would lose over half
		{"the quick  brown", 11, "the quick…"},
		{"abcdefghij", 5, "abcd…"}, // no word boundary: cut inside the word
		{"a bcdefghijklmnop", 10, "a bcdefgh…"},
		{"👍👍👍", 4, "👍…"},
		{"👍👍👍", 2, "…"},
		{"anything", 1, "…"},
		{"anything", 0, ""},
		{"anything", -1, ""},
	} {
		got := truncate(tc.in, tc.n)
		if got != tc.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

func TestTruncateLines(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"one\ntwo\nthree", 20, "one\ntwo\nthree"},
		{"one\ntwo\nthree", 10, "one\ntwo\n…"},
		{"one\ntwo\nthree", 6, "one\n…"},
		{"a long first line\ntwo", 10, "a long…"},
	} {
		if got := truncateLines(tc.in, tc.n); got != tc.want {
			t.Errorf("truncateLines(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

func TestPlain(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{
		{"plain words", "plain words"},
		{"**bold** and __under__", `\*\*bold\*\* and \_\_under\_\_`},
		{"@everyone @here", "@\u200beveryone @\u200bhere"},
		{"<@123> <@&456> <#789>", "\\<@\u200b123\\> \\<@\u200b&456\\> \\<#789\\>"},
		{"[click](http://evil.example)", `\[click\]\(http://evil.example\)`},
		{"||spoiler|| `code` ~~gone~~", "\\|\\|spoiler\\|\\| \\`code\\` \\~\\~gone\\~\\~"},
		{"# heading\n> quote\n- item", `# heading \> quote - item`},
		{"  tabs\tand\r\nnewlines\x00 ", "tabs and newlines"},
		{`back\slash`, `back\\slash`},
		{"$545 million – North Korea’s", "$545 million – North Korea’s"},
		{"report\u202efdp.exe", "reportfdp.exe"},
		{"\u2066isolated\u2069 \u200eLRM\u200f \u061cALM \u202a\u202b\u202c\u202d", "isolated LRM ALM"},
		{"zero\u200bwidth\u200c\u200d\u2060\ufeff", "zerowidth"},
		{"@\u200b\u200beveryone", "@\u200beveryone"},
	} {
		if got := plain(tc.in); got != tc.want {
			t.Errorf("plain(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzTruncate(f *testing.F) {
	f.Add("the quick brown fox", 10)
	f.Add("👍👍👍 word", 3)
	f.Add("\xff\xfe broken", 4)
	f.Fuzz(func(t *testing.T, s string, n int) {
		got := truncate(s, n)
		if length(s) <= n {
			if got != s {
				t.Fatalf("truncate(%q, %d) = %q, want it unchanged", s, n, got)
			}
			return
		}
		if length(got) > max(n, 0) {
			t.Fatalf("truncate(%q, %d) = %q, %d long", s, n, got, length(got))
		}
		if got != "" && (!strings.HasSuffix(got, ellipsis) || !strings.HasPrefix(s, strings.TrimSuffix(got, ellipsis))) {
			t.Fatalf("truncate(%q, %d) = %q: not a start of it with …", s, n, got)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("truncate(%q, %d) = %q splits a character", s, n, got)
		}
	})
}

func FuzzPlain(f *testing.F) {
	f.Add("**@everyone** <@&1> [x](y) ||z||")
	f.Add("a\u202eb\u200b@\u2066c")
	f.Add("# heading\n- item")
	f.Fuzz(func(t *testing.T, s string) {
		got := plain(s)
		if strings.ContainsAny(got, "\n\r") {
			t.Fatalf("plain(%q) = %q has a line break", s, got)
		}
		if strings.Contains(got, "@everyone") || strings.Contains(got, "@here") {
			t.Fatalf("plain(%q) = %q can mention", s, got)
		}
		if i := strings.IndexFunc(strings.ReplaceAll(got, "@\u200b", "@"), invisible); i >= 0 {
			t.Fatalf("plain(%q) = %q keeps an invisible character at %d", s, got, i)
		}
		// Every markdown character is escaped: after removing escaped
		// pairs, none is left.
		rest := got
		for _, c := range []string{`\\`, `\*`, `\_`, "\\`", `\~`, `\|`, `\>`, `\<`, `\[`, `\]`, `\(`, `\)`} {
			rest = strings.ReplaceAll(rest, c, "")
		}
		if i := strings.IndexAny(rest, "\\*_`~|><[]()"); i >= 0 {
			t.Fatalf("plain(%q) = %q leaves %q unescaped", s, got, rest[i:i+1])
		}
	})
}

func TestInvisible(t *testing.T) {
	for _, r := range "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\u200c\u200d\u2060\ufeff" {
		if !invisible(r) {
			t.Errorf("invisible(%U) = false", r)
		}
	}
	for _, r := range "a é’–\u00a0\u2028\u2065\u206a\u2061\u202f\u200a👍" {
		if invisible(r) {
			t.Errorf("invisible(%U) = true", r)
		}
	}
}

func TestLogged(t *testing.T) {
	long := strings.Repeat("ab ", 5000)
	for _, tc := range []struct{ in, want string }{
		{"short question?", "short question?"},
		{long, strings.TrimSpace(long[:198]) + "…"},
	} {
		got := logged(tc.in)
		if got != tc.want {
			t.Errorf("logged(%d bytes) = %q, want %q", len(tc.in), got, tc.want)
		}
		if length(got) > maxLogged {
			t.Errorf("logged(%d bytes) is %d long, over %d", len(tc.in), length(got), maxLogged)
		}
	}
}
