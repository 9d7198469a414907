package drain

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

func TestGate(t *testing.T) {
	var g Gate
	if err := g.Ready(); err != nil {
		t.Errorf("Ready of a new Gate = %v, want nil", err)
	}
	leave, ok := g.Enter()
	if !ok {
		t.Fatal("Enter refused by an open Gate")
	}

	closed := make(chan error, 1)
	go func() { closed <- g.Close(context.Background()) }()

	// Once closing, the Gate fails readiness and turns questions away.
	for g.Ready() == nil {
		time.Sleep(time.Millisecond)
	}
	if !errors.Is(g.Ready(), ErrClosed) {
		t.Errorf("Ready while closing = %v, want %v", g.Ready(), ErrClosed)
	}
	if late, ok := g.Enter(); ok {
		late()
		t.Error("Enter let a question in after Close")
	}
	select {
	case err := <-closed:
		t.Fatalf("Close returned (%v) with a question in flight", err)
	default:
	}

	leave()
	leave() // again: harmless
	if err := <-closed; err != nil {
		t.Errorf("Close = %v, want nil once the question left", err)
	}
	if err := g.Close(context.Background()); err != nil {
		t.Errorf("second Close = %v, want nil", err)
	}
}

func TestGateCloseDeadline(t *testing.T) {
	var g Gate
	if _, ok := g.Enter(); !ok {
		t.Fatal("Enter refused by an open Gate")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	err := g.Close(ctx)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Close = %v, want %v", err, context.DeadlineExceeded)
	}
	if want := "drain: 1 questions still in flight: context deadline exceeded"; err == nil || err.Error() != want {
		t.Errorf("Close = %v, want %q", err, want)
	}
}

func TestGateConcurrent(t *testing.T) {
	var g Gate
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			for range 100 {
				if leave, ok := g.Enter(); ok {
					leave()
				}
			}
		})
	}
	if err := g.Close(context.Background()); err != nil {
		t.Errorf("Close = %v", err)
	}
	wg.Wait()
}
