package squadsplit

import (
	"fmt"
	"testing"
)

func TestHeldOutArticle(t *testing.T) {
	for _, tc := range []struct {
		id   string
		want bool
	}{
		{"009-ipod", true},
		{"019-x", true},
		{"010-x", false},
		{"000-university-of-notre-dame", false},
		{"seeds", false},
		{"", false},
	} {
		if got := HeldOutArticle(tc.id); got != tc.want {
			t.Errorf("HeldOutArticle(%q) = %v, want %v", tc.id, got, tc.want)
		}
	}
}

// TestSplitter walks a made-up questions file: the sample's questions
// count for nothing, every seventh other is picked, and the rest of the
// base's go six, one, three.
func TestSplitter(t *testing.T) {
	s := New([]string{"s1", "s2"})
	count := map[Part]int{}
	var order []Part
	for i := range 140 {
		id, article := fmt.Sprint("q", i), "000-base"
		if i%20 == 0 {
			article = "009-held-out"
		}
		if i == 3 || i == 50 {
			id = []string{"s1", "s2"}[i%2]
		}
		p := s.Next(id, article)
		count[p]++
		if article == "000-base" && p != Sample && p != Fit {
			order = append(order, p)
		}
	}
	if count[Sample] != 2 {
		t.Errorf("%d sample questions, want 2", count[Sample])
	}
	if got := count[Fit] + count[HeldOut]; got != 138/7 {
		t.Errorf("%d picked, want %d", got, 138/7)
	}
	if count[General] == 0 || count[HeldOut]+count[General] != 7 {
		t.Errorf("held-out article: %d held out, %d general; want 7 in all", count[HeldOut], count[General])
	}
	want := []Part{SpanTrain, SpanTrain, SpanTrain, SpanTrain, SpanTrain, SpanTrain, Tuning, Measure, Measure, Measure}
	for i, p := range order {
		if p != want[i%10] {
			t.Fatalf("rest question %d: %v, want %v", i, p, want[i%10])
		}
	}
}
