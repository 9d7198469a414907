package fit

import (
	"math"
	"slices"
)

// A Tree is a regression tree over a candidate's features: Nodes[0] is its
// root. An inner node sends a candidate to Left when its feature Feature
// is at most Cut and to Right otherwise; a leaf (Feature < 0) gives Value.
type Tree struct {
	Nodes []Node
}

// A Node is one node of a Tree.
type Node struct {
	Feature     int // -1 for a leaf
	Cut         float64
	Left, Right int
	Value       float64
}

// Eval returns the tree's value at x.
func (t Tree) Eval(x []float64) float64 {
	i := 0
	for t.Nodes[i].Feature >= 0 {
		n := &t.Nodes[i]
		if x[n.Feature] <= n.Cut {
			i = n.Left
		} else {
			i = n.Right
		}
	}
	return t.Nodes[i].Value
}

// BoostOptions shape Boost's trees.
type BoostOptions struct {
	Trees int     // how many; 0 means 100
	Depth int     // the most levels of splits; 0 means 4
	Rate  float64 // the learning rate, folded into the leaves' values; 0 means 0.1
	// MinLeaf is the least curvature (the sum of p(1-p)) on each side of
	// a split; 0 means 20.
	MinLeaf float64
	// Bins is how many cuts each feature may split at: its quantiles over
	// the candidates; 0 means 32, the most.
	Bins int
}

func (o *BoostOptions) defaults() {
	if o.Trees == 0 {
		o.Trees = 100
	}
	if o.Depth == 0 {
		o.Depth = 4
	}
	if o.Rate == 0 {
		o.Rate = 0.1
	}
	if o.MinLeaf == 0 {
		o.MinLeaf = 20
	}
	if o.Bins == 0 || o.Bins > 32 {
		o.Bins = 32
	}
}

// Boost fits trees that add to the linear scores w·x of the candidates of
// groups, so that the softmax of the sum over each group puts its weight
// on the right candidates (the AnyRight loss of Softmax): gradient
// boosting with second-order leaves (Newton steps with an L2 penalty of 1,
// as in XGBoost), on each feature's quantiles. Groups without a right
// candidate, or with one candidate, add nothing. Like the rest of the
// package it is sequential and deterministic.
func Boost(groups []Group, w []float64, opt BoostOptions) []Tree {
	opt.defaults()
	var xs [][]float64
	var pos []bool
	starts := []int{0}
	for _, g := range groups {
		if len(g.X) < 2 || !slices.Contains(g.Pos, true) {
			continue
		}
		xs = append(xs, g.X...)
		pos = append(pos, g.Pos...)
		starts = append(starts, len(xs))
	}
	return boost(xs, w, opt, func(f, grad, hess []float64) {
		for g := range len(starts) - 1 {
			softmaxSteps(f[starts[g]:starts[g+1]], pos[starts[g]:starts[g+1]], grad[starts[g]:starts[g+1]], hess[starts[g]:starts[g+1]])
		}
	})
}

// BoostLogistic fits trees that add to the linear scores w·x of the
// samples xs, so that the sigmoid of the sum predicts ys: the weighted
// logistic loss of WeightedLogistic, each sample weighing ws[i], boosted
// as Boost does.
func BoostLogistic(xs [][]float64, ys []bool, ws []float64, w []float64, opt BoostOptions) []Tree {
	opt.defaults()
	return boost(xs, w, opt, func(f, grad, hess []float64) {
		for i, v := range f {
			p := 1 / (1 + math.Exp(-v))
			grad[i] = ws[i] * -p
			if ys[i] {
				grad[i] += ws[i]
			}
			hess[i] = max(ws[i]*p*(1-p), 1e-6)
		}
	})
}

// boost grows opt.Trees trees on the samples xs, whose scores f start at
// their linear scores w·x: before each tree, steps writes the loss's
// negative gradient and curvature at f, and the tree's values are added
// to f.
func boost(xs [][]float64, w []float64, opt BoostOptions, steps func(f, grad, hess []float64)) []Tree {
	if len(xs) == 0 {
		return nil
	}
	f := make([]float64, len(xs))
	for i, x := range xs {
		f[i] = dot(w, x)
	}
	cuts, bins := quantileBins(xs, opt.Bins)
	grad, hess := make([]float64, len(xs)), make([]float64, len(xs))
	b := booster{bins: bins, cuts: cuts, grad: grad, hess: hess, opt: opt}
	trees := make([]Tree, 0, opt.Trees)
	rows := make([]int, len(xs))
	for range opt.Trees {
		steps(f, grad, hess)
		for i := range rows {
			rows[i] = i
		}
		b.tree = Tree{}
		b.grow(rows, 0)
		trees = append(trees, b.tree)
		for i, x := range xs {
			f[i] += b.tree.Eval(x)
		}
	}
	return trees
}

// softmaxSteps writes, for one group's scores f, the negative gradient of
// -log Σ_right p and its diagonal curvature p(1-p).
func softmaxSteps(f []float64, pos []bool, grad, hess []float64) {
	hi := slices.Max(f)
	var zAll, zPos float64
	for i, v := range f {
		e := math.Exp(v - hi)
		zAll += e
		if pos[i] {
			zPos += e
		}
	}
	for i, v := range f {
		e := math.Exp(v - hi)
		p := e / zAll
		grad[i] = -p
		if pos[i] {
			grad[i] += e / zPos
		}
		hess[i] = max(p*(1-p), 1e-6)
	}
}

// quantileBins returns, for each feature, the distinct values at its
// quantiles (the cuts a split may use, at most n-1 of them), and each
// candidate's bin per feature: the number of cuts below its value.
func quantileBins(xs [][]float64, n int) ([][]float64, [][]uint8) {
	d := len(xs[0])
	cuts := make([][]float64, d)
	col := make([]float64, len(xs))
	for k := range d {
		for i, x := range xs {
			col[i] = x[k]
		}
		slices.Sort(col)
		for q := 1; q < n; q++ {
			v := col[q*len(col)/n]
			if len(cuts[k]) == 0 || v > cuts[k][len(cuts[k])-1] {
				cuts[k] = append(cuts[k], v)
			}
		}
	}
	bins := make([][]uint8, len(xs))
	for i, x := range xs {
		bins[i] = make([]uint8, d)
		for k, v := range x {
			below, _ := slices.BinarySearch(cuts[k], v) // cuts under v
			bins[i][k] = uint8(below)
		}
	}
	return cuts, bins
}

// A booster grows one tree at a time on the current gradients.
type booster struct {
	bins       [][]uint8
	cuts       [][]float64
	grad, hess []float64
	opt        BoostOptions
	tree       Tree
}

// grow adds the node for rows at depth and its subtree, and returns its
// index. A split is taken where it gains the most in the second-order
// estimate of the loss, if anywhere.
func (b *booster) grow(rows []int, depth int) int {
	var g, h float64
	for _, i := range rows {
		g += b.grad[i]
		h += b.hess[i]
	}
	me := len(b.tree.Nodes)
	b.tree.Nodes = append(b.tree.Nodes, Node{Feature: -1, Value: b.opt.Rate * g / (h + 1)})
	if depth == b.opt.Depth {
		return me
	}
	parent := g * g / (h + 1)
	bestGain, bestK, bestBin := 1e-9, -1, 0
	for k := range b.cuts {
		var gs, hs [33]float64
		for _, i := range rows {
			bin := b.bins[i][k]
			gs[bin] += b.grad[i]
			hs[bin] += b.hess[i]
		}
		var gl, hl float64
		for c := range b.cuts[k] {
			gl += gs[c]
			hl += hs[c]
			gr, hr := g-gl, h-hl
			if hl < b.opt.MinLeaf || hr < b.opt.MinLeaf {
				continue
			}
			if gain := gl*gl/(hl+1) + gr*gr/(hr+1) - parent; gain > bestGain {
				bestGain, bestK, bestBin = gain, k, c
			}
		}
	}
	if bestK < 0 {
		return me
	}
	// Partition rows in place: those at or under the cut first.
	n := 0
	for j, i := range rows {
		if int(b.bins[i][bestK]) <= bestBin {
			rows[j], rows[n] = rows[n], rows[j]
			n++
		}
	}
	b.tree.Nodes[me].Feature, b.tree.Nodes[me].Cut = bestK, b.cuts[bestK][bestBin]
	left := b.grow(rows[:n], depth+1)
	right := b.grow(rows[n:], depth+1)
	b.tree.Nodes[me].Left, b.tree.Nodes[me].Right = left, right
	return me
}
