package live

import (
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/factbot/factbot/facts"
)

// Articles the tests load. Each question is answered by the article named
// beside it.
var (
	bridge = `Harbor Times

Arlen Opens The Tallis Bridge

The city of Arlen opened the Tallis Bridge on Monday after four years of work.

The bridge cost $40 million to build, according to the mayor, Dana Whitfield.
`
	// bridge2 is bridge corrected: another amount.
	bridge2 = strings.Replace(bridge, "$40 million", "$45 million", 1)
	comet   = `Sky Weekly

Astronomers Name A New Comet

Astronomers at the Kelso Observatory discovered a comet named Brannock on March 3.

The comet passes the Sun every 212 years, the observatory said.
`
	orchard = `Farm Ledger

Pear Harvest Breaks Record

The Moreton orchard harvested 9,000 tonnes of pears this autumn.

Its owner, Priya Anand, hired 120 pickers for the season.
`
	questions = map[string]string{ // question → the article that answers it
		"How much did the Tallis Bridge cost?":            "bridge",
		"When was the comet Brannock discovered?":         "comet",
		"How many pickers did Priya Anand hire?":          "orchard",
		"How many pears did the Moreton orchard harvest?": "orchard",
	}
)

// mapFS returns a file system holding the given files.
func mapFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, text := range files {
		m[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return m
}

// mustLoad builds a fact base from files, failing the test if it cannot.
func mustLoad(t testing.TB, files map[string]string) *facts.Base {
	t.Helper()
	b, err := facts.Load(mapFS(files))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// fakeHook counts the rebuilds it hears about.
type fakeHook struct{ reloaded, failed atomic.Int64 }

func (h *fakeHook) Reloaded()     { h.reloaded.Add(1) }
func (h *fakeHook) ReloadFailed() { h.failed.Add(1) }

// eventually polls cond every few milliseconds until it holds, failing the
// test after a generous deadline.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
