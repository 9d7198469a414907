package facts

import (
	"math"
	"slices"
	"testing"
)

// TestConfidenceInputsDenialAndOpposites checks the inputs that tell a
// question that denies, or asks the opposite of, what its one fact says.
func TestConfidenceInputsDenialAndOpposites(t *testing.T) {
	one := func(fact string) *Base {
		return New([]Article{{ID: "a", Title: "Valley towns", Paragraphs: []string{fact}}}, nil)
	}
	largest := one("Elmwood is the largest town of the valley, with 40,000 people.")
	raised := one("The mayor of Elmwood increased the harbour tax in 2019.")
	notRaised := one("The mayor of Elmwood did not increase the harbour tax in 2019.")
	for _, tt := range []struct {
		b     *Base
		q     string
		input int
		want  float64
	}{
		{largest, "Which town of the valley is the smallest?", cAntonym, 1},
		{largest, "Which town of the valley is the largest?", cAntonym, 0},
		{largest, "Which town of the valley is the biggest?", cAntonym, 0}, // a synonym, not an opposite
		{raised, "Who decreased the harbour tax of Elmwood?", cAntonym, 1},
		{raised, "Who did not increase the harbour tax of Elmwood?", cNegation, 1},
		{raised, "Who increased the harbour tax of Elmwood?", cNegation, 0},
		{notRaised, "Who did not increase the harbour tax of Elmwood?", cNegation, 0},
	} {
		x := tt.b.Explain(tt.q).ConfidenceInputs
		if len(x) != int(nConfInputs) {
			t.Fatalf("Explain(%q): %d confidence inputs, want %d", tt.q, len(x), nConfInputs)
		}
		if x[tt.input] != tt.want {
			t.Errorf("Explain(%q): %s = %v, want %v", tt.q, ConfidenceInputs[tt.input], x[tt.input], tt.want)
		}
	}
}

func TestInflections(t *testing.T) {
	for _, tt := range []struct {
		w    string
		want []string // among the forms
	}{
		{"large", []string{"large", "larger", "largest"}},
		{"big", []string{"bigger", "biggest"}},
		{"happy", []string{"happier", "happiest"}},
		{"decrease", []string{"decreased", "decreasing"}},
		{"win", []string{"wins", "winning"}},
	} {
		got := inflections(tt.w)
		for _, f := range tt.want {
			if !slices.Contains(got, f) {
				t.Errorf("inflections(%q) = %q, want %q among them", tt.w, got, f)
			}
		}
	}
}

// TestUnknownCommon checks that the confidence model sees how much of the
// question's unknown part is in words any question may use, and how much
// names something the base lacks.
func TestUnknownCommon(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Valley towns", Paragraphs: []string{
		"The mayor of Elmwood increased the harbour tax in 2019."}}}, nil)
	for _, tt := range []struct {
		q                     string
		unknown, mostlyCommon bool
	}{
		{"Who increased the harbour tax of Elmwood?", false, false},
		{"Who increased the harbour tax of Elmwood overall?", true, true},
		{"Who increased the harbour tax of Zyxwood?", true, false},
	} {
		x := b.Explain(tt.q).ConfidenceInputs
		unknown, mostlyCommon := x[cUnknown] > 0, x[cUnknownCommon] > x[cUnknown]/2
		if unknown != tt.unknown || mostlyCommon != tt.mostlyCommon {
			t.Errorf("Explain(%q): unknown %.3f, of which common %.3f; want unknown %v, mostly common %v",
				tt.q, x[cUnknown], x[cUnknownCommon], tt.unknown, tt.mostlyCommon)
		}
	}
}

// TestSpanInputs checks that the confidence reads the span reader's belief
// that the best fact holds the answer, for the questions a span may answer
// only.
func TestSpanInputs(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Valley towns", Paragraphs: []string{
		"The harbour town of Elmwood was founded by the merchant Ann Lee in 1620."}}}, nil)
	for _, tt := range []struct {
		q     string
		asks  bool
		given bool // the reader gives the fact's best span some weight
	}{
		{"Who founded the harbour town of Elmwood?", true, true},
		{"When was the harbour town of Elmwood founded?", false, false}, // a date: the extractors' work
		{"Was Elmwood founded in 1620?", false, false},                  // yes/no
	} {
		x := b.Explain(tt.q).ConfidenceInputs
		if got := x[cSpanAsks] == 1; got != tt.asks {
			t.Errorf("Explain(%q): span-asks %v, want %v", tt.q, x[cSpanAsks], tt.asks)
		}
		if got := x[cSpan] > 0; got != tt.given {
			t.Errorf("Explain(%q): span %v, want > 0: %v", tt.q, x[cSpan], tt.given)
		}
	}
}

// TestPassageMargin checks that the passage margin is the best fact's lead
// over the best fact of another passage, not over its neighbour: two
// sentences of the right paragraph close together say nothing against it.
func TestPassageMargin(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Valley towns", Paragraphs: []string{
		"The harbour of Elmwood was built in 1820 by the river company. The harbour of Elmwood was widened in 1910.",
		"The river company also built the quay of Ashford in 1850. Fishing boats still use the old quay of Ashford every morning.",
	}}}, nil)
	ex := b.Explain("When was the harbour of Elmwood built by the river company?")
	x, cs := ex.ConfidenceInputs, ex.Candidates
	if len(cs) < 3 {
		t.Fatalf("%d candidates, want 3", len(cs))
	}
	if cs[0].Paragraph != 1 || cs[1].Paragraph != 1 || cs[2].Paragraph != 2 {
		t.Fatalf("candidates in paragraphs %d, %d, %d; want 1, 1, 2", cs[0].Paragraph, cs[1].Paragraph, cs[2].Paragraph)
	}
	if want := cs[0].Score - cs[2].Score; !near(x[cPassMargin], want) {
		t.Errorf("passage margin %.4f, want the lead over paragraph 2's fact, %.4f", x[cPassMargin], want)
	}
	if !near(x[cMargin], cs[0].Score-cs[1].Score) || x[cPassMargin] <= x[cMargin] {
		t.Errorf("margin %.4f, passage margin %.4f: want the margin over the neighbour, and the passage margin above it", x[cMargin], x[cPassMargin])
	}
}

func near(x, y float64) bool { return x-y < 1e-3 && y-x < 1e-3 }

// TestConfidenceInputsFocusMissing checks the input that tells a question
// whose best fact lacks the thing it asks about ("which lake").
func TestConfidenceInputsFocusMissing(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Valley towns", Paragraphs: []string{
		"The mayor of Elmwood increased the harbour tax in 2019. " +
			"The river Tarn floods the lower town every spring. " +
			"A ferry crosses the lake."}}}, nil)
	for _, tt := range []struct {
		q     string
		focus bool
	}{
		{"Which river floods the lower town?", false},
		{"Which lake floods the lower town?", true},
		{"Who increased the harbour tax of Elmwood?", false}, // no thing asked about
	} {
		x := b.Explain(tt.q).ConfidenceInputs
		if focus := x[cFocusMiss] == 1; focus != tt.focus {
			t.Errorf("Explain(%q): focus-missing %v, want %v", tt.q, x[cFocusMiss], tt.focus)
		}
	}
}

// TestConfidenceInputsNamesInLowerCase checks that a name typed in lower
// case, as chat types it, is still a name the best fact may lack.
func TestConfidenceInputsNamesInLowerCase(t *testing.T) {
	b := New([]Article{{ID: "a", Title: "Valley towns", Paragraphs: []string{
		"The mayor of Elmwood increased the harbour tax in 2019.",
		"A new school opened in Ashford.",
	}}}, nil)
	for _, q := range []string{"Who is the mayor of Ashford?", "who is the mayor of ashford"} {
		x := b.Explain(q).ConfidenceInputs
		if x[cNamesMiss]+x[cNamesAround] == 0 {
			t.Errorf("Explain(%q): names-missing %.3f, names-around %.3f; want the name counted", q, x[cNamesMiss], x[cNamesAround])
		}
	}
}

// TestLogisticNaN checks that an input out of range (a NaN reached through
// a division by zero) gives a probability of 0, which JSON can carry,
// rather than a NaN, which broke the reply.
func TestLogisticNaN(t *testing.T) {
	var ws, x [nConfInputs]float64
	ws[cScore], x[cScore] = 1, math.NaN()
	if p := logistic(&ws, nil, &x); p != 0 {
		t.Errorf("logistic of NaN = %v, want 0", p)
	}
	x[cScore] = 2
	if p := logistic(&ws, nil, &x); p <= 0.5 || p >= 1 {
		t.Errorf("logistic of 2 = %v, want in (0.5, 1)", p)
	}
}
