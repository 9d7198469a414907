package main

import (
	"math"
	"testing"
)

// Paraphrased twins share their group's weight of answerable questions:
// the answerable questions, twins or not, weigh against the unanswerable
// ones as the questions as asked did alone; and each group of sizes
// weighs the same.
func TestWeighParaphrases(t *testing.T) {
	mass := func(ss []sample) (ans, not float64) {
		for _, s := range ss {
			if s.answerable {
				ans += s.weight
			} else {
				not += s.weight
			}
		}
		return ans, not
	}
	asked := []sample{{answerable: true}, {answerable: true}, {}, {}, {}}
	weigh(asked)
	a0, n0 := mass(asked)
	with := append([]sample{{answerable: true, paraphrase: true}, {answerable: true, paraphrase: true}, {answerable: true, paraphrase: true}},
		sample{answerable: true}, sample{answerable: true}, sample{}, sample{}, sample{})
	weigh(with)
	a1, n1 := mass(with)
	if math.Abs(a0/n0-a1/n1) > 1e-12 {
		t.Errorf("answerable against unanswerable weight: %.4f with paraphrases, %.4f without", a1/n1, a0/n0)
	}
	if with[0].weight != with[3].weight {
		t.Errorf("a paraphrased twin weighs %v, its question as asked %v: want the same", with[0].weight, with[3].weight)
	}

	// Two groups of sizes, of 2 and 6 samples, weigh the same.
	two := []sample{{group: 0}, {group: 0}, {group: 1}, {group: 1}, {group: 1}, {group: 1}, {group: 1}, {group: 1, answerable: true, paraphrase: true}}
	weigh(two)
	var g0, g1 float64
	for _, s := range two {
		if s.group == 0 {
			g0 += s.weight
		} else {
			g1 += s.weight
		}
	}
	if math.Abs(g0-g1) > 1e-12 {
		t.Errorf("groups weigh %.4f and %.4f, want the same", g0, g1)
	}
	// Groups without samples in a slice take none of its weight: the
	// weights still add up to the number of samples.
	if math.Abs(g0+g1-float64(len(two))) > 1e-9 {
		t.Errorf("weights add up to %.4f, want %d, the samples", g0+g1, len(two))
	}
}
