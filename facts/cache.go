package facts

import "sync"

// A cache is a map that many questions read at once and that stops
// growing at max entries: what is past it is computed again each time, so
// a flood of new keys costs time, never unbounded memory. A plain map under
// a read lock finds a key in a probe or two; sync.Map's trie walks a
// pointer a level, a cache miss each on a cold question.
type cache[K comparable, V any] struct {
	mu  sync.RWMutex
	m   map[K]V
	max int
}

func (c *cache[K, V]) get(k K) (V, bool) {
	c.mu.RLock()
	v, ok := c.m[k]
	c.mu.RUnlock()
	return v, ok
}

// put stores v under k unless k is there or the cache is full.
func (c *cache[K, V]) put(k K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = make(map[K]V)
	}
	if _, ok := c.m[k]; !ok && len(c.m) < c.max {
		c.m[k] = v
	}
}
