package bot

import (
	"container/list"
	"sync"

	"github.com/factbot/factbot/facts"
)

// memory keeps the most recent answers by key, so that the buttons under
// an answer can show all of its sources and log feedback about it. It
// forgets the oldest when full; a button on a forgotten answer says so.
type memory struct {
	max int

	mu    sync.Mutex
	order *list.List // of *remembered, most recent first
	byKey map[string]*list.Element
}

type remembered struct {
	key    string
	answer facts.Answer
}

// rememberAnswers is how many answers the buttons can reach.
const rememberAnswers = 2048

func newMemory(max int) *memory {
	return &memory{max: max, order: list.New(), byKey: map[string]*list.Element{}}
}

// put remembers a under key.
func (m *memory) put(key string, a facts.Answer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, ok := m.byKey[key]; ok {
		e.Value.(*remembered).answer = a
		m.order.MoveToFront(e)
		return
	}
	m.byKey[key] = m.order.PushFront(&remembered{key, a})
	for m.order.Len() > m.max {
		old := m.order.Remove(m.order.Back()).(*remembered)
		delete(m.byKey, old.key)
	}
}

// get returns the answer remembered under key.
func (m *memory) get(key string) (facts.Answer, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.byKey[key]
	if !ok {
		return facts.Answer{}, false
	}
	m.order.MoveToFront(e)
	return e.Value.(*remembered).answer, true
}
