package drain

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// ErrClosed is the readiness error of a closed Gate.
var ErrClosed = errors.New("drain: shutting down")

// A Gate counts the questions in flight and, once closed, turns new ones
// away. The zero value is an open Gate. Its methods are safe for
// concurrent use.
type Gate struct {
	mu     sync.Mutex
	n      int           // questions in flight
	closed bool          // no more questions
	idle   chan struct{} // made by Close; closed once closed and n == 0
}

// Enter lets a question in, unless the Gate is closed. When ok, the caller
// must call leave once the question is answered; calling it again does
// nothing.
func (g *Gate) Enter() (leave func(), ok bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return func() {}, false
	}
	g.n++
	return sync.OnceFunc(g.leave), true
}

func (g *Gate) leave() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.n--
	if g.closed && g.n == 0 {
		close(g.idle)
	}
}

// Ready returns nil while the Gate is open and ErrClosed once it is closed:
// a readiness check, so that load balancers stop sending questions.
func (g *Gate) Ready() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return ErrClosed
	}
	return nil
}

// Close turns new questions away and waits until those in flight have
// left, or until ctx is done; then it returns an error wrapping ctx's,
// with the number still in flight. Close may be called more than once.
func (g *Gate) Close(ctx context.Context) error {
	g.mu.Lock()
	if !g.closed {
		g.closed = true
		g.idle = make(chan struct{})
		if g.n == 0 {
			close(g.idle)
		}
	}
	idle := g.idle
	g.mu.Unlock()
	select {
	case <-idle:
		return nil
	case <-ctx.Done():
		g.mu.Lock()
		n := g.n
		g.mu.Unlock()
		return fmt.Errorf("drain: %d questions still in flight: %w", n, ctx.Err())
	}
}
