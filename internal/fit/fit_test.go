package fit

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

// randomGroups draws groups of candidates with random features, right
// ones among them at random (several in some groups, none in a few).
func randomGroups(r *rand.Rand, n, d int) []Group {
	groups := make([]Group, n)
	for i := range groups {
		k := 2 + r.IntN(5)
		for range k {
			x := make([]float64, d)
			for j := range x {
				x[j] = r.NormFloat64()
			}
			groups[i].X = append(groups[i].X, x)
			groups[i].Pos = append(groups[i].Pos, r.IntN(3) == 0)
		}
	}
	return groups
}

func randomExamples(r *rand.Rand, n, d int) ([][]float64, []bool) {
	xs := make([][]float64, n)
	ys := make([]bool, n)
	for i := range xs {
		xs[i] = make([]float64, d)
		xs[i][0] = 1
		for j := 1; j < d; j++ {
			xs[i][j] = r.NormFloat64()
		}
		ys[i] = r.IntN(2) == 0
	}
	return xs, ys
}

// TestGradients checks each loss's gradient against central finite
// differences at random weights.
func TestGradients(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const d = 5
	groups := randomGroups(r, 40, d)
	xs, ys := randomExamples(r, 60, d)
	ws := make([]float64, len(xs))
	for k := range ws {
		ws[k] = 0.5 + r.Float64()
	}
	for _, tc := range []struct {
		name string
		f    Func
	}{
		{"weighted logistic", WeightedLogistic(xs, ys, ws, 0.01)},
		{"softmax any-right", Softmax(groups, AnyRight, 0.01)},
		{"softmax each-right", Softmax(groups, EachRight, 0.01)},
		{"logistic", Logistic(xs, ys, 0.01)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for trial := range 5 {
				w := make([]float64, d)
				for i := range w {
					w[i] = 2 * r.NormFloat64()
				}
				g := make([]float64, d)
				tc.f(w, g)
				const h = 1e-5
				for i := range w {
					wp, wm := append([]float64(nil), w...), append([]float64(nil), w...)
					wp[i] += h
					wm[i] -= h
					num := (tc.f(wp, make([]float64, d)) - tc.f(wm, make([]float64, d))) / (2 * h)
					if math.Abs(num-g[i]) > 1e-6*max(1, math.Abs(num)) {
						t.Errorf("trial %d: ∂/∂w%d = %.9f, finite differences %.9f", trial, i, g[i], num)
					}
				}
			}
		})
	}
}

// TestKnownOptima fits models whose optimum has a closed form.
func TestKnownOptima(t *testing.T) {
	// A bias alone: the optimum is the log-odds of the share of trues.
	var xs [][]float64
	var ys []bool
	for i := range 1000 {
		xs = append(xs, []float64{1})
		ys = append(ys, i%10 < 3)
	}
	// Two candidates, the first with feature 1, right in 80% of groups
	// and the second in the rest: the optimum is log(0.8/0.2).
	var pairs []Group
	for i := range 100 {
		first := i%5 < 4
		pairs = append(pairs, Group{X: [][]float64{{1}, {0}}, Pos: []bool{first, !first}})
	}
	for _, tc := range []struct {
		name string
		f    Func
		want float64
	}{
		{"logistic bias", Logistic(xs, ys, 0), math.Log(0.3 / 0.7)},
		{"softmax each-right", Softmax(pairs, EachRight, 0), math.Log(4)},
		{"softmax any-right", Softmax(pairs, AnyRight, 0), math.Log(4)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := []float64{0}
			if _, err := Minimize(tc.f, w, Options{GradTol: 1e-10}); err != nil {
				t.Fatal(err)
			}
			if math.Abs(w[0]-tc.want) > 1e-8 {
				t.Errorf("w = %.10f, want %.10f", w[0], tc.want)
			}
		})
	}
}

// TestRecover fits data drawn from known models and checks that the fit
// finds their weights, within what the sample size allows.
func TestRecover(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	want := []float64{-1, 2, -0.5, 1.5}
	const n = 40000
	// Logistic: y is true with probability σ(want·x).
	xs, _ := randomExamples(r, n, len(want))
	ys := make([]bool, n)
	for i, x := range xs {
		ys[i] = r.Float64() < Sigmoid(dot(want, x))
	}
	// Softmax: one right candidate per group, drawn from the softmax of
	// want·x.
	groups := randomGroups(r, n/4, len(want))
	for _, g := range groups {
		var p []float64
		z := 0.0
		for _, x := range g.X {
			p = append(p, math.Exp(dot(want, x)))
			z += p[len(p)-1]
		}
		u, pick := r.Float64()*z, len(p)-1
		for j := range p {
			if u -= p[j]; u < 0 {
				pick = j
				break
			}
		}
		for j := range g.Pos {
			g.Pos[j] = j == pick
		}
	}
	for _, tc := range []struct {
		name string
		f    Func
	}{
		{"logistic", Logistic(xs, ys, 0)},
		{"softmax", Softmax(groups, EachRight, 0)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := make([]float64, len(want))
			res, err := Minimize(tc.f, w, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for i := range w {
				if math.Abs(w[i]-want[i]) > 0.1 {
					t.Errorf("w%d = %.3f, want %.3f ± 0.1 (%+v)", i, w[i], want[i], res)
				}
			}
		})
	}
}

// TestMinimize minimises functions of known minimum, and checks that
// Minimize reports when it stops short.
func TestMinimize(t *testing.T) {
	rosenbrock := func(w, g []float64) float64 {
		a, b := 1-w[0], w[1]-w[0]*w[0]
		g[0] = -2*a - 400*w[0]*b
		g[1] = 200 * b
		return a*a + 100*b*b
	}
	quadratic := func(w, g []float64) float64 { // ill-conditioned, minimum at (3, -2)
		g[0] = 2 * (w[0] - 3)
		g[1] = 2000 * (w[1] + 2)
		return (w[0]-3)*(w[0]-3) + 1000*(w[1]+2)*(w[1]+2)
	}
	for _, tc := range []struct {
		name    string
		f       Func
		start   []float64
		opt     Options
		want    []float64
		wantErr error
	}{
		{"rosenbrock", rosenbrock, []float64{-1.2, 1}, Options{GradTol: 1e-9}, []float64{1, 1}, nil},
		{"quadratic", quadratic, []float64{0, 0}, Options{GradTol: 1e-9}, []float64{3, -2}, nil},
		{"too few iterations", rosenbrock, []float64{-1.2, 1}, Options{MaxIter: 3}, nil, ErrNoConvergence},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := append([]float64(nil), tc.start...)
			res, err := Minimize(tc.f, w, tc.opt)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("err = %v, want %v", err, tc.wantErr)
			}
			for i := range tc.want {
				if math.Abs(w[i]-tc.want[i]) > 1e-6 {
					t.Errorf("w = %v, want %v (%+v)", w, tc.want, res)
				}
			}
		})
	}
}

// TestDeterministic checks that the same inputs give the same weights,
// bit for bit.
func TestDeterministic(t *testing.T) {
	fitOnce := func() []float64 {
		r := rand.New(rand.NewPCG(5, 6))
		w := make([]float64, 4)
		Minimize(Softmax(randomGroups(r, 500, 4), AnyRight, 1e-3), w, Options{})
		return w
	}
	a, b := fitOnce(), fitOnce()
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			t.Fatalf("two fits differ: %v and %v", a, b)
		}
	}
}

// TestWeightedLogistic checks that weights of 1 give Logistic and that a
// weight of 2 counts an example twice.
func TestWeightedLogistic(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	const d = 4
	xs, ys := randomExamples(r, 30, d)
	ones, twice := make([]float64, len(xs)), make([]float64, len(xs))
	dupX, dupY := append([][]float64(nil), xs...), append([]bool(nil), ys...)
	for k := range xs {
		ones[k], twice[k] = 1, 1
		if k%3 == 0 {
			twice[k] = 2
			dupX, dupY = append(dupX, xs[k]), append(dupY, ys[k])
		}
	}
	w := []float64{0.3, -1, 0.5, 2}
	for _, tc := range []struct {
		name      string
		got, want Func
	}{
		{"ones", WeightedLogistic(xs, ys, ones, 0.1), Logistic(xs, ys, 0.1)},
		{"twice", WeightedLogistic(xs, ys, twice, 0.1), Logistic(dupX, dupY, 0.1)},
	} {
		gg, gw := make([]float64, d), make([]float64, d)
		got, want := tc.got(w, gg), tc.want(w, gw)
		if math.Abs(got-want) > 1e-12 {
			t.Errorf("%s: loss %v, want %v", tc.name, got, want)
		}
		for i := range gg {
			if math.Abs(gg[i]-gw[i]) > 1e-12 {
				t.Errorf("%s: gradient %v, want %v", tc.name, gg, gw)
				break
			}
		}
	}
}
