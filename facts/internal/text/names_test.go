package text

import "testing"

func TestNameEnd(t *testing.T) {
	tests := []struct {
		in, start, want string
	}{
		{"He met Kim Jong-un in Hanoi.", "Kim", "Kim Jong-un"},
		{"The Bank of England said so.", "Bank", "Bank of England"},
		{"Royal United Services Institute (RUSI) said", "Royal", "Royal United Services Institute"},
		{"Pyongyang – North Korea’s capital", "Pyongyang", "Pyongyang"},
		{"as Russia’s Tass reported", "Russia’s", "Russia’s"},
		{"the 6th Technical Bureau of the army", "6th", "6th Technical Bureau"},
		{"Lazarus Group and YouBit", "Lazarus", "Lazarus Group"},
		{"in North Korea", "North", "North Korea"},
		{"of the Bank of", "Bank", "Bank"},
		{`on "It's Time" and`, "It's", "It's Time"},
		// Particles of personal names.
		{"persuaded August Wilhelm von Hofmann to", "Wilhelm", "Wilhelm von Hofmann"},
		{"Abū Rayhān al-Bīrūnī also states", "Abū", "Abū Rayhān al-Bīrūnī"},
		{"the painter Giotto di Bondone made", "Giotto", "Giotto di Bondone"},
		{"the army of al-Qaeda, and", "Qaeda", "Qaeda"},
		// An abbreviated title with its period is part of the name.
		{"led by microbiologist Dr. Helen Marsh, found", "Dr", "Dr. Helen Marsh"},
		{"the city of St. John's in Newfoundland", "St", "St. John's"},
		{"the firm Acme Inc. In 2019 it grew", "Acme", "Acme Inc"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			z := NewTokenizer()
			toks := z.Tokenize(tt.in)
			words := make([]string, len(toks))
			lex := make([]Lex, len(toks))
			for i, tok := range toks {
				words[i] = Key(z.Word(tok), tok.Flags)
				lex[i] = LexOf(words[i])
			}
			cls := make([]Class, len(toks))
			Classify(toks, words, lex, cls)
			start := -1
			for i, tok := range toks {
				if tt.in[tok.Start:tok.End] == tt.start {
					start = i
					break
				}
			}
			if start < 0 {
				t.Fatalf("no token %q", tt.start)
			}
			end := NameEnd(tt.in, toks, cls, lex, start)
			if got := tt.in[toks[start].Start:toks[end].End]; got != tt.want {
				t.Errorf("NameEnd from %q = %q, want %q", tt.start, got, tt.want)
			}
		})
	}
}
