package bot

import (
	"container/list"
	"sync"
)

// memory keeps the most recent answers by key, so that the buttons under
// an answer can show all of its sources and log feedback about it. It
// forgets the oldest when full; a button on a forgotten answer says so.
type memory[T any] struct {
	max int

	mu    sync.Mutex
	order *list.List // of *remembered, most recent first
	byKey map[string]*list.Element
}

type remembered[T any] struct {
	key    string
	answer T
}

// rememberAnswers is how many answers the buttons can reach.
const rememberAnswers = 2048

func newMemory[T any](max int) *memory[T] {
	return &memory[T]{max: max, order: list.New(), byKey: map[string]*list.Element{}}
}

// put remembers a under key.
func (m *memory[T]) put(key string, a T) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, ok := m.byKey[key]; ok {
		e.Value.(*remembered[T]).answer = a
		m.order.MoveToFront(e)
		return
	}
	m.byKey[key] = m.order.PushFront(&remembered[T]{key, a})
	for m.order.Len() > m.max {
		old := m.order.Remove(m.order.Back()).(*remembered[T])
		delete(m.byKey, old.key)
	}
}

// has reports whether an answer is remembered under key, without making
// it the most recent.
func (m *memory[T]) has(key string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.byKey[key]
	return ok
}

// get returns the answer remembered under key.
func (m *memory[T]) get(key string) (T, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.byKey[key]
	if !ok {
		var zero T
		return zero, false
	}
	m.order.MoveToFront(e)
	return e.Value.(*remembered[T]).answer, true
}
