package fit

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
)

// xorGroups draws groups whose one right candidate is the one whose two
// features are on different sides of 0.5: a rule no linear score can
// learn, and trees of depth 2 can.
func xorGroups(r *rand.Rand, n int) []Group {
	groups := make([]Group, n)
	for i := range groups {
		right := r.IntN(4)
		for j := range 4 {
			a := r.Float64()
			b := r.Float64()
			if j == right && (a > 0.5) == (b > 0.5) || j != right && (a > 0.5) != (b > 0.5) {
				b = 1 - b // put it on the other side
			}
			groups[i].X = append(groups[i].X, []float64{a, b})
			groups[i].Pos = append(groups[i].Pos, j == right)
		}
	}
	return groups
}

// top1 is the share of groups whose best-scoring candidate is right.
func top1(groups []Group, score func(x []float64) float64) float64 {
	hit := 0
	for _, g := range groups {
		best, bi := math.Inf(-1), -1
		for j, x := range g.X {
			if s := score(x); s > best {
				best, bi = s, j
			}
		}
		if g.Pos[bi] {
			hit++
		}
	}
	return float64(hit) / float64(len(groups))
}

func TestBoostLearnsWhatLinearCannot(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	train, test := xorGroups(r, 2000), xorGroups(r, 500)
	w := make([]float64, 2)
	Minimize(Softmax(train, AnyRight, 1e-4), w, Options{})
	linear := top1(test, func(x []float64) float64 { return dot(w, x) })
	trees := Boost(train, w, BoostOptions{Trees: 30, Depth: 2, Rate: 0.3})
	boosted := top1(test, func(x []float64) float64 {
		s := dot(w, x)
		for _, tr := range trees {
			s += tr.Eval(x)
		}
		return s
	})
	if linear > 0.5 || boosted < 0.95 {
		t.Errorf("top-1 on held-out groups: linear %.3f (want ≤ 0.5), boosted %.3f (want ≥ 0.95)", linear, boosted)
	}
	for _, tr := range trees {
		if len(tr.Nodes) > 7 {
			t.Fatalf("a tree of depth 2 has %d nodes", len(tr.Nodes))
		}
	}
}

// TestBoostSkipsUselessGroups checks that groups with no right candidate
// or one candidate teach nothing: the trees are all leaves of 0.
func TestBoostSkipsUselessGroups(t *testing.T) {
	groups := []Group{
		{X: [][]float64{{1, 0}, {0, 1}}, Pos: []bool{false, false}},
		{X: [][]float64{{1, 0}}, Pos: []bool{true}},
	}
	if trees := Boost(groups, []float64{0, 0}, BoostOptions{}); trees != nil {
		t.Errorf("Boost = %v, want nil", trees)
	}
}

// TestBoostEval checks a tree's walk: at most the cut goes left.
func TestBoostEval(t *testing.T) {
	tr := Tree{Nodes: []Node{
		{Feature: 1, Cut: 0.5, Left: 1, Right: 2},
		{Feature: -1, Value: -1},
		{Feature: 0, Cut: 2, Left: 3, Right: 4},
		{Feature: -1, Value: 3},
		{Feature: -1, Value: 7},
	}}
	for _, c := range []struct {
		x    []float64
		want float64
	}{
		{[]float64{9, 0.5}, -1},
		{[]float64{2, 0.6}, 3},
		{[]float64{2.1, 0.6}, 7},
	} {
		if got := tr.Eval(c.x); got != c.want {
			t.Errorf("Eval(%v) = %v, want %v", c.x, got, c.want)
		}
	}
}

func TestBoostDeterministic(t *testing.T) {
	fitOnce := func() []Tree {
		r := rand.New(rand.NewPCG(9, 10))
		return Boost(xorGroups(r, 300), []float64{0.1, -0.2}, BoostOptions{Trees: 10})
	}
	if a, b := fitOnce(), fitOnce(); !reflect.DeepEqual(a, b) {
		t.Fatal("two fits differ")
	}
}

// BoostLogistic learns a label no linear score can (XOR of two features
// about 0.5), and a sample's weight counts as that many copies of it.
func TestBoostLogistic(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	draw := func(n int) ([][]float64, []bool, []float64) {
		var xs [][]float64
		var ys []bool
		var ws []float64
		for range n {
			a, b := r.Float64(), r.Float64()
			xs = append(xs, []float64{1, a, b})
			ys = append(ys, (a > 0.5) != (b > 0.5))
			ws = append(ws, 1)
		}
		return xs, ys, ws
	}
	xs, ys, ws := draw(3000)
	txs, tys, _ := draw(1000)
	w := make([]float64, 3)
	Minimize(WeightedLogistic(xs, ys, ws, 1e-4), w, Options{})
	accuracy := func(score func(x []float64) float64) float64 {
		hit := 0
		for i, x := range txs {
			if (score(x) > 0) == tys[i] {
				hit++
			}
		}
		return float64(hit) / float64(len(txs))
	}
	trees := BoostLogistic(xs, ys, ws, w, BoostOptions{Trees: 30, Depth: 2, Rate: 0.3})
	sum := func(ts []Tree) func(x []float64) float64 {
		return func(x []float64) float64 {
			s := dot(w, x)
			for _, tr := range ts {
				s += tr.Eval(x)
			}
			return s
		}
	}
	linear, boosted := accuracy(func(x []float64) float64 { return dot(w, x) }), accuracy(sum(trees))
	if linear > 0.6 || boosted < 0.9 {
		t.Errorf("accuracy linear %.3f, boosted %.3f: want under 0.6 and over 0.9", linear, boosted)
	}

	// Two copies of each sample fit as each sample weighing 2.
	var xs2 [][]float64
	var ys2 []bool
	var ws1, ws2 []float64
	for i := range xs[:500] {
		xs2 = append(xs2, xs[i], xs[i])
		ys2 = append(ys2, ys[i], ys[i])
		ws1 = append(ws1, 1, 1)
		ws2 = append(ws2, 2)
	}
	copied := BoostLogistic(xs2, ys2, ws1, w, BoostOptions{Trees: 5, Depth: 2})
	weighed := BoostLogistic(xs[:500], ys[:500], ws2, w, BoostOptions{Trees: 5, Depth: 2})
	for i, x := range txs[:200] {
		if a, b := sum(copied)(x), sum(weighed)(x); math.Abs(a-b) > 1e-9 {
			t.Fatalf("sample %d: %.6f from copies, %.6f from weights", i, a, b)
		}
	}
}
