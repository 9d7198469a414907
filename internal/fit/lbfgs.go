package fit

import (
	"errors"
	"fmt"
	"math"
)

// A Func returns the value of a loss at w and writes its gradient into
// grad, which is as long as w and zeroed.
type Func func(w, grad []float64) float64

// Options bound Minimize.
type Options struct {
	// GradTol is the convergence tolerance: Minimize stops when no
	// component of the gradient exceeds it in absolute value. 0 means 1e-6.
	GradTol float64
	// MaxIter is the most iterations; 0 means 1000.
	MaxIter int
	// Memory is how many corrections L-BFGS keeps; 0 means 10.
	Memory int
}

// A Result reports how a minimisation went.
type Result struct {
	Loss       float64 // the loss at the solution
	GradNorm   float64 // the largest component of the gradient there
	Iterations int
	Evals      int // calls of the loss
}

// ErrNoConvergence is returned when Minimize stops before the gradient is
// within tolerance.
var ErrNoConvergence = errors.New("fit: no convergence")

// Minimize minimises f with L-BFGS from w, which it updates in place to
// the solution. The line search backtracks from a unit step (from a step
// of length 1 on the first iteration) until the loss decreases enough
// (Armijo's condition); a correction pair without positive curvature is
// not kept. On a convex f it finds the minimum; on another, a stationary
// point that depends only on the start. It returns ErrNoConvergence,
// wrapped, with the last w and its Result, when the gradient is still out
// of tolerance after MaxIter iterations, or when no step decreases the
// loss by more than rounding does (the tolerance is then too tight).
func Minimize(f Func, w []float64, opt Options) (Result, error) {
	if opt.GradTol == 0 {
		opt.GradTol = 1e-6
	}
	if opt.MaxIter == 0 {
		opt.MaxIter = 1000
	}
	if opt.Memory == 0 {
		opt.Memory = 10
	}
	n := len(w)
	var res Result
	eval := func(x, g []float64) float64 {
		clear(g)
		res.Evals++
		return f(x, g)
	}
	g := make([]float64, n)
	loss := eval(w, g)
	var (
		ss, ys [][]float64 // the kept corrections, oldest first
		rhos   []float64
		dir    = make([]float64, n)
		alpha  = make([]float64, opt.Memory)
		wNew   = make([]float64, n)
		gNew   = make([]float64, n)
	)
	for res.Iterations = 0; ; res.Iterations++ {
		res.Loss, res.GradNorm = loss, maxAbs(g)
		if res.GradNorm <= opt.GradTol {
			return res, nil
		}
		if res.Iterations == opt.MaxIter {
			return res, fmt.Errorf("%w after %d iterations: gradient %.3g", ErrNoConvergence, res.Iterations, res.GradNorm)
		}
		if math.IsNaN(loss) || math.IsInf(loss, 0) {
			return res, fmt.Errorf("%w: loss is %v", ErrNoConvergence, loss)
		}
		// The direction: minus the inverse Hessian estimate times g, by
		// the two-loop recursion.
		for i := range dir {
			dir[i] = -g[i]
		}
		for k := len(ss) - 1; k >= 0; k-- {
			alpha[k] = rhos[k] * dot(ss[k], dir)
			axpy(-alpha[k], ys[k], dir)
		}
		step := 1.0
		if k := len(ss) - 1; k >= 0 {
			scale(dot(ss[k], ys[k])/dot(ys[k], ys[k]), dir)
		} else {
			step = 1 / math.Sqrt(dot(g, g))
		}
		for k := range ss {
			beta := rhos[k] * dot(ys[k], dir)
			axpy(alpha[k]-beta, ss[k], dir)
		}
		slope := dot(g, dir)
		if slope >= 0 { // not a descent direction: start afresh
			ss, ys, rhos = ss[:0], ys[:0], rhos[:0]
			for i := range dir {
				dir[i] = -g[i]
			}
			slope = -dot(g, g)
			step = 1 / math.Sqrt(-slope)
		}
		// Backtracking line search.
		const c1 = 1e-4
		var lossNew float64
		for tries := 0; ; tries++ {
			for i := range w {
				wNew[i] = w[i] + step*dir[i]
			}
			lossNew = eval(wNew, gNew)
			if lossNew <= loss+c1*step*slope {
				break
			}
			if tries == 60 {
				return res, fmt.Errorf("%w: the line search found no decrease (gradient %.3g)", ErrNoConvergence, res.GradNorm)
			}
			step /= 2
		}
		if loss-lossNew <= 1e-15*math.Abs(loss) {
			// Rounding, not the loss, now decides the steps: going on
			// would only spend evaluations.
			return res, fmt.Errorf("%w: stalled at loss %v (gradient %.3g)", ErrNoConvergence, lossNew, res.GradNorm)
		}
		s, y := make([]float64, n), make([]float64, n)
		for i := range w {
			s[i], y[i] = wNew[i]-w[i], gNew[i]-g[i]
		}
		if sy := dot(s, y); sy > 1e-12*math.Sqrt(dot(s, s)*dot(y, y)) {
			if len(ss) == opt.Memory {
				ss, ys, rhos = ss[1:], ys[1:], rhos[1:]
			}
			ss, ys, rhos = append(ss, s), append(ys, y), append(rhos, 1/sy)
		}
		copy(w, wNew)
		copy(g, gNew)
		loss = lossNew
	}
}

func dot(x, y []float64) float64 {
	s := 0.0
	for i := range x {
		s += x[i] * y[i]
	}
	return s
}

// axpy adds a·x to y.
func axpy(a float64, x, y []float64) {
	for i := range x {
		y[i] += a * x[i]
	}
}

func scale(a float64, x []float64) {
	for i := range x {
		x[i] *= a
	}
}

func maxAbs(x []float64) float64 {
	m := 0.0
	for _, v := range x {
		m = max(m, math.Abs(v))
	}
	return m
}
