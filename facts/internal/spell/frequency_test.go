package spell

import "testing"

// TestFrequency checks the general-English frequencies the confidence
// model reads: a common word, a name (seen with a capital only) and a word
// never seen.
func TestFrequency(t *testing.T) {
	all, lower := Frequency("the")
	if lower < 10000 || all < lower {
		t.Errorf("Frequency(the) = %v, %v; want tens of thousands per million, all ≥ lower", all, lower)
	}
	if all, lower := Frequency("japan"); all < 1 || lower != 0 {
		t.Errorf("Frequency(japan) = %v, %v; want a name: seen, never in lower case", all, lower)
	}
	if all, lower := Frequency("qwzxv"); all != 0 || lower != 0 {
		t.Errorf("Frequency(qwzxv) = %v, %v; want 0, 0", all, lower)
	}
	// Per million words of the text: the counts of the file, scaled.
	e, err := loadEnglish()
	if err != nil {
		t.Fatal(err)
	}
	if _, lower := Frequency("largest"); lower != float64(e.words["largest"].lower)*1e6/float64(e.seen) {
		t.Errorf("Frequency(largest) lower = %v, want its count per million", lower)
	}
}
