package facts

import (
	"fmt"
	"math"
	"slices"
)

// The ranking's second part: boosted regression trees over the same
// features, whose values add to the linear score. They learn what a sum
// cannot: that full cover means less when the fact holds no answer of the
// kind asked, that context counts for more when the fact itself is short.
// factfit fits them after the linear weights (internal/fit's Boost).

// A Tree is one regression tree of Weights.Trees: Nodes[0] is its root. An
// inner node sends a fact to Left when its feature (an index into
// FeatureNames) is at most Cut and to Right otherwise; a leaf (Feature < 0)
// adds Value to the fact's score.
type Tree struct {
	Nodes []TreeNode
}

// A TreeNode is one node of a Tree.
type TreeNode struct {
	Feature     int
	Cut         float64
	Left, Right int
	Value       float64
}

// treeTop is how many candidates, the best by the linear score, the trees
// rerank; the others take the least the trees could add, and stay below
// any the trees favour. On SQuAD train questions outside the sample, the
// trees over the best 10 chose the same first candidate as over all
// (top-1 0.7135 either way) at a third of the walks.
const treeTop = 12

// addTrees adds the trees' values to the scores of the treeTop best
// candidates of s by their linear scores, and the trees' floor to the
// others'. The candidates' order changes: read sorts them next.
func (b *Base) addTrees(s *scratch) {
	f := &b.forest
	if len(f.leaves) == 0 {
		return
	}
	cs := s.cands
	if len(cs) <= treeTop {
		f.addTo(cs)
		return
	}
	s.linear = s.linear[:0]
	for i := range cs {
		s.linear = append(s.linear, cs[i].score)
	}
	slices.Sort(s.linear)
	kth := s.linear[len(cs)-treeTop]
	k := 0
	for i := range cs {
		if cs[i].score >= kth {
			cs[i], cs[k] = cs[k], cs[i]
			k++
		}
	}
	f.addTo(cs[:k])
	for i := k; i < len(cs); i++ {
		cs[i].score += f.floor
	}
}

// A forest is the trees compiled for reading: each tree made perfect, of
// the depth of the deepest (a leaf above it repeated below, under splits
// that always go left), and laid out level by level, so that a fact walks
// each tree in depth steps without a branch to mispredict.
type forest struct {
	floor  float32 // the least the trees add: the sum of their least leaves
	depth  int
	inner  []split   // per tree, 2^depth - 1 splits
	leaves []float32 // per tree, 2^depth values
}

type split struct {
	feature int32
	cut     float32
}

// newForest compiles ts, which must be valid (see checkTrees).
func newForest(ts []Tree) forest {
	var f forest
	for _, t := range ts {
		f.depth = max(f.depth, treeDepth(t, 0))
	}
	nIn, nLeaf := 1<<f.depth-1, 1<<f.depth
	f.inner = make([]split, nIn*len(ts))
	f.leaves = make([]float32, nLeaf*len(ts))
	for k, t := range ts {
		in, leaves := f.inner[k*nIn:(k+1)*nIn], f.leaves[k*nLeaf:(k+1)*nLeaf]
		var fill func(n, pos, depth int)
		fill = func(n, pos, depth int) {
			node := &t.Nodes[n]
			switch {
			case depth == f.depth:
				leaves[pos-nIn] = float32(node.Value)
			case node.Feature < 0:
				in[pos] = split{cut: float32(math.Inf(1))}
				fill(n, 2*pos+1, depth+1)
				fill(n, 2*pos+2, depth+1)
			default:
				in[pos] = split{feature: int32(node.Feature), cut: float32(node.Cut)}
				fill(node.Left, 2*pos+1, depth+1)
				fill(node.Right, 2*pos+2, depth+1)
			}
		}
		fill(0, 0, 0)
		f.floor += slices.Min(leaves)
	}
	return f
}

// treeDepth is the most splits on a path down from node n of t.
func treeDepth(t Tree, n int) int {
	node := &t.Nodes[n]
	if node.Feature < 0 {
		return 0
	}
	return 1 + max(treeDepth(t, node.Left), treeDepth(t, node.Right))
}

// addTo adds to each candidate's score the sum of the trees' values at its
// features. A tree is walked for four facts at
// once: a walk is a chain of loads, each waiting on the last, and four
// chains keep the processor busy where one would leave it waiting.
func (f *forest) addTo(cs []cand) {
	if len(f.leaves) == 0 {
		return
	}
	nIn, nLeaf := 1<<f.depth-1, 1<<f.depth
	// step goes down one level from node i for the facts x: right when x
	// is above the cut, without a branch (the sign of cut-x, 0 only when
	// they are equal).
	step := func(in []split, i int, x *[nFeatures]float32) int {
		sp := in[i]
		return 2*i + 1 + int(math.Float32bits(sp.cut-x[sp.feature])>>31)
	}
	for k := range len(f.leaves) / nLeaf {
		in, leaves := f.inner[k*nIn:(k+1)*nIn], f.leaves[k*nLeaf:(k+1)*nLeaf]
		c := 0
		for ; c+4 <= len(cs); c += 4 {
			i0, i1, i2, i3 := 0, 0, 0, 0
			for range f.depth {
				i0 = step(in, i0, cs[c].x)
				i1 = step(in, i1, cs[c+1].x)
				i2 = step(in, i2, cs[c+2].x)
				i3 = step(in, i3, cs[c+3].x)
			}
			cs[c].score += leaves[i0-nIn]
			cs[c+1].score += leaves[i1-nIn]
			cs[c+2].score += leaves[i2-nIn]
			cs[c+3].score += leaves[i3-nIn]
		}
		for ; c < len(cs); c++ {
			i := 0
			for range f.depth {
				i = step(in, i, cs[c].x)
			}
			cs[c].score += leaves[i-nIn]
		}
	}
}

// value returns the sum of the trees' values at the inputs x, walking
// each tree without a branch, as addTo does for many facts, and four trees
// at once, for the same reason: four chains of loads instead of one.
func (f *forest) value(x []float32) float32 {
	if len(f.leaves) == 0 {
		return 0
	}
	nIn, nLeaf := 1<<f.depth-1, 1<<f.depth
	step := func(in []split, i int) int {
		sp := in[i]
		return 2*i + 1 + int(math.Float32bits(sp.cut-x[sp.feature])>>31)
	}
	nTrees := len(f.leaves) / nLeaf
	var sum float32
	k := 0
	for ; k+4 <= nTrees; k += 4 {
		in0, in1 := f.inner[k*nIn:(k+1)*nIn], f.inner[(k+1)*nIn:(k+2)*nIn]
		in2, in3 := f.inner[(k+2)*nIn:(k+3)*nIn], f.inner[(k+3)*nIn:(k+4)*nIn]
		i0, i1, i2, i3 := 0, 0, 0, 0
		for range f.depth {
			i0, i1, i2, i3 = step(in0, i0), step(in1, i1), step(in2, i2), step(in3, i3)
		}
		// Added one by one, in the trees' order, as a plain walk would.
		sum += f.leaves[k*nLeaf+i0-nIn]
		sum += f.leaves[(k+1)*nLeaf+i1-nIn]
		sum += f.leaves[(k+2)*nLeaf+i2-nIn]
		sum += f.leaves[(k+3)*nLeaf+i3-nIn]
	}
	for ; k < nTrees; k++ {
		i := 0
		for range f.depth {
			i = step(f.inner[k*nIn:(k+1)*nIn], i)
		}
		sum += f.leaves[k*nLeaf+i-nIn]
	}
	return sum
}

// checkTrees reports the first tree whose nodes do not form a tree over
// nIn inputs: every child after its parent and in range, every input known,
// so that a walk always ends.
func checkTrees(ts []Tree, nIn int) error {
	for k, t := range ts {
		if len(t.Nodes) == 0 {
			return fmt.Errorf("tree %d has no nodes", k)
		}
		for i, n := range t.Nodes {
			if n.Feature < 0 {
				continue
			}
			if n.Feature >= nIn {
				return fmt.Errorf("tree %d, node %d: no feature %d", k, i, n.Feature)
			}
			for _, c := range []int{n.Left, n.Right} {
				if c <= i || c >= len(t.Nodes) {
					return fmt.Errorf("tree %d, node %d: child %d out of order or range", k, i, c)
				}
			}
		}
	}
	return nil
}

// Value returns the tree's value at the inputs x: a plain walk, for the
// confidence model's trees, which read one question's inputs, not many
// facts'.
func (t Tree) Value(x []float64) float64 {
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
