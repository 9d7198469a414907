package fit

import "math"

// A Group is one question's candidates for softmax regression: the
// feature vector of each, and which of them are right.
type Group struct {
	X   [][]float64
	Pos []bool
}

// A Target says what softmax regression rewards when a group has several
// right candidates.
type Target int

const (
	// AnyRight maximises the probability of the right candidates together:
	// the loss of a group is -log Σ_right p. It does not care which right
	// candidate wins, but it is not convex.
	AnyRight Target = iota
	// EachRight maximises the mean log-probability of the right
	// candidates: the loss of a group is -(1/r) Σ_right log p, the cross
	// entropy against a target spread evenly over them. It is convex.
	EachRight
)

// String returns the name the Target goes by in flags and files.
func (t Target) String() string {
	switch t {
	case AnyRight:
		return "any-right"
	case EachRight:
		return "each-right"
	}
	return "unknown"
}

// Softmax returns the loss of softmax regression over groups, with weights
// w as in Minimize: the mean over the groups of the loss that target says,
// where p is the softmax of the candidates' scores w·x, plus (l2/2)·|w|².
// A group without a right candidate adds nothing but counts in the mean.
func Softmax(groups []Group, target Target, l2 float64) Func {
	return func(w, grad []float64) float64 {
		loss := 0.0
		var scores, coef []float64
		for _, gr := range groups {
			scores, coef = scores[:0], coef[:0]
			hi, right := math.Inf(-1), 0
			for j, x := range gr.X {
				scores = append(scores, dot(w, x))
				hi = max(hi, scores[j])
				if gr.Pos[j] {
					right++
				}
			}
			if right == 0 {
				continue
			}
			var zAll, zPos, sPos float64
			for j, sc := range scores {
				e := math.Exp(sc - hi)
				zAll += e
				if gr.Pos[j] {
					zPos += e
					sPos += sc - hi
				}
			}
			switch target {
			case AnyRight:
				loss += math.Log(zAll) - math.Log(zPos)
			case EachRight:
				loss += math.Log(zAll) - sPos/float64(right)
			}
			// The gradient is Σ_j (p_j - t_j) x_j, t the target: the
			// posterior among the right ones or an even share of them.
			for j, sc := range scores {
				e := math.Exp(sc - hi)
				c := e / zAll
				if gr.Pos[j] {
					switch target {
					case AnyRight:
						c -= e / zPos
					case EachRight:
						c -= 1 / float64(right)
					}
				}
				axpy(c, gr.X[j], grad)
			}
		}
		return mean(loss, len(groups), w, grad, l2)
	}
}

// Logistic returns the loss of logistic regression of ys on xs, with
// weights w as in Minimize: the mean negative log-likelihood, where the
// probability that y is true is 1/(1+exp(-w·x)), plus (l2/2)·|w|². A bias
// is a constant input; it is penalised like the rest.
func Logistic(xs [][]float64, ys []bool, l2 float64) Func {
	return func(w, grad []float64) float64 {
		loss := 0.0
		for k, x := range xs {
			z := dot(w, x)
			// -log p(y) = log(1+exp(-z)) for y true, log(1+exp(z)) for false.
			sign := 1.0
			if !ys[k] {
				sign = -1
			}
			loss += softplus(-sign * z)
			axpy(Sigmoid(z)-b2f(ys[k]), x, grad)
		}
		return mean(loss, len(xs), w, grad, l2)
	}
}

// WeightedLogistic is Logistic with a weight for each example, ws[k] for
// xs[k]: the loss is the weighted mean negative log-likelihood, plus
// (l2/2)·|w|². Weights of 1 give Logistic; a weight of 2 counts an
// example twice.
func WeightedLogistic(xs [][]float64, ys []bool, ws []float64, l2 float64) Func {
	total := 0.0
	for _, v := range ws {
		total += v
	}
	return func(w, grad []float64) float64 {
		loss := 0.0
		for k, x := range xs {
			z := dot(w, x)
			sign := 1.0
			if !ys[k] {
				sign = -1
			}
			loss += ws[k] * softplus(-sign*z)
			axpy(ws[k]*(Sigmoid(z)-b2f(ys[k])), x, grad)
		}
		if total > 0 {
			loss /= total
			scale(1/total, grad)
		}
		axpy(l2, w, grad)
		return loss + l2/2*dot(w, w)
	}
}

// Sigmoid is the logistic function 1/(1+exp(-z)).
func Sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// mean turns a summed loss and gradient over n examples into their mean
// and adds the L2 penalty.
func mean(loss float64, n int, w, grad []float64, l2 float64) float64 {
	if n > 0 {
		loss /= float64(n)
		scale(1/float64(n), grad)
	}
	axpy(l2, w, grad)
	return loss + l2/2*dot(w, w)
}

// softplus is log(1+exp(z)) without overflow.
func softplus(z float64) float64 {
	if z > 0 {
		return z + math.Log1p(math.Exp(-z))
	}
	return math.Log1p(math.Exp(z))
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
