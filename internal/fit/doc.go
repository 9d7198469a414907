// Package fit fits the engine's weights: it minimises smooth losses with
// L-BFGS (Minimize) and provides the two the engine needs, softmax
// regression over groups of candidates (Softmax) and logistic regression
// (Logistic), each with an L2 penalty.
//
// Everything is sequential and deterministic: the same inputs give the
// same weights, bit for bit, on the same kind of machine.
package fit
