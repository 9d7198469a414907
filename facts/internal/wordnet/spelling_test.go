package wordnet

import "testing"

func TestAmerican(t *testing.T) {
	tests := []struct{ word, want string }{
		{"organisation", "organization"},
		{"organisations", "organizations"},
		{"organised", "organized"},
		{"colour", "color"},
		{"colours", "colors"},
		{"favourite", "favorite"},
		{"neighbourhood", "neighborhood"},
		{"centre", "center"},
		{"theatres", "theaters"},
		{"fibre", "fiber"},
		{"defence", "defense"},
		{"licence", "license"},
		{"catalogue", "catalog"},
		{"analyse", "analyze"},
		{"programme", "program"},
		// Not British spellings, or not of these words.
		{"four", ""},
		{"acre", ""},
		{"filled", ""},
		{"science", ""},
		{"exercise", ""},
		{"promise", ""},
		{"hour", ""},
		{"color", ""},
		{"organization", ""},
		{"sentence", ""},
	}
	for _, tt := range tests {
		if got := American(tt.word); got != tt.want {
			t.Errorf("American(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestAmericanAllocs(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { American("science") }); n > 1 {
		t.Errorf("American(science) allocates %v times, want at most 1", n)
	}
	if n := testing.AllocsPerRun(100, func() { American("question") }); n != 0 {
		t.Errorf("American(question) allocates %v times, want 0", n)
	}
}
