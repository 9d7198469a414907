package main

import (
	"context"
	"runtime"
	"sync"
)

// forEach calls f(i) for i in [0, n) on all cores, each core taking every
// GOMAXPROCS-th index, and returns ctx's error if it was cancelled (then
// some indices may not have been called). f must only write what belongs
// to index i, or to core k's slot where it counts per core.
func forEach(ctx context.Context, n int, f func(k, i int)) error {
	cores := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for k := range cores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := k; i < n; i += cores {
				if i%1000 == k && ctx.Err() != nil {
					return
				}
				f(k, i)
			}
		}()
	}
	wg.Wait()
	return ctx.Err()
}
