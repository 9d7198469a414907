// Package drain lets a service stop taking new questions and wait for the
// ones in flight before it exits.
//
// A Gate stands in front of what answers questions (the HTTP /ask
// endpoint; anything else that answers may share it): each question
// Enters and leaves it, and shutdown Closes it, which turns new questions
// away, fails the readiness check, and waits for those in flight, up to a
// deadline.
package drain
