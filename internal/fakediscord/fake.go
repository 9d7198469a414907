// Package fakediscord is an in-process Discord for tests: a REST API served
// by httptest and a gateway over a websocket, speaking enough of Discord's
// protocol to drive a real discordgo session. It records every REST call,
// checks message payloads against Discord's limits (answering 400, as
// Discord does, to one that breaks them), and lets a test dispatch events,
// ask for a reconnect (op 7), invalidate the session (op 9), drop the
// connection, and answer a REST call with 429 or another error. It keeps
// the messages the bot posts, to be fetched or to start a thread from
// (thread.go).
//
// The REST API is at URL; point the client's https://discord.com there.
// GET /api/v9/gateway names the websocket. The gateway sends HELLO,
// answers heartbeats with ACKs, answers IDENTIFY with READY (a new session)
// and RESUME with the events the client missed, then RESUMED.
//
// It shards as Discord does (Options.Shards): GET /api/v9/gateway/bot
// recommends the count with a session_start_limit, each shard has its own
// session and connection, and an event goes to the shard of its guild,
// (guild_id >> 22) % count, or to shard 0 without one. It records the
// time of each IDENTIFY (Identifies) for tests of their pacing.
package fakediscord

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// The ids of the fake's bot user, application and only guild.
const (
	BotID   = "100000000000000001"
	AppID   = "100000000000000002"
	GuildID = "100000000000000003"
)

// Options shape a Server. The zero value accepts any token.
type Options struct {
	// Token, if set, is the only bot token accepted (without "Bot "):
	// other tokens get 401 over REST and close 4004 on the gateway.
	Token string

	// HeartbeatInterval is sent in HELLO; 250ms if zero.
	HeartbeatInterval time.Duration

	// RefuseIntents: an IDENTIFY asking for any of them is closed with 4014
	// (disallowed intents), as Discord does for a privileged intent that
	// the application has not turned on.
	RefuseIntents discordgo.Intent

	// CloseIdentify, if set, is the close code that answers every IDENTIFY.
	CloseIdentify int

	// Shards is the shard count GET /gateway/bot recommends, and the one
	// an IDENTIFY must give (close 4010 otherwise): a guild's events go
	// to the connection of shard (guild_id >> 22) % Shards, direct
	// messages to shard 0. Zero means 1: no shard array needed.
	Shards int

	// MaxConcurrency is GET /gateway/bot's session_start_limit.max_concurrency;
	// zero means 1. The fake records each IDENTIFY's time (Identifies) and
	// does not enforce the limit: tests check the record.
	MaxConcurrency int
}

// A Call is one REST request the server received, and its answer.
type Call struct {
	Method string
	Path   string // from /api/v9/…
	Query  string
	Auth   string    // the Authorization header
	Body   []byte    // the JSON body; of a multipart request, its payload_json
	Files  []File    // the files of a multipart request
	Status int       // the status answered
	At     time.Time // when the request arrived
}

// A File is a file attached to a message.
type File struct {
	Name        string // its file name
	ContentType string
	Data        []byte
}

// String returns the call's method and path, as in "POST /api/v9/…".
func (c Call) String() string { return c.Method + " " + c.Path }

// Decode unmarshals the call's JSON body into v.
func (c Call) Decode(v any) error { return json.Unmarshal(c.Body, v) }

// A Fault is an answer a REST request gets instead of the usual one.
type Fault struct {
	Method string // "" matches any
	Path   string // the request's path contains it
	Status int
	Body   string
	Header http.Header
}

// A Server is a fake Discord.
type Server struct {
	// URL is the base URL of the REST API, like http://127.0.0.1:1234.
	URL string

	opts Options
	http *httptest.Server

	mu         sync.Mutex
	changed    chan struct{} // closed and replaced on every change
	calls      []Call
	faults     []Fault
	pending    map[string]string // interaction token → id, not yet answered
	answered   map[string]bool   // interaction tokens answered
	commands   []map[string]any  // the commands last registered
	nextID     int64
	shards     map[int]*shardState // by shard id
	conns      []*conn             // every connection, to close
	sessions   int
	identifies []Identify
	resumes    int
	heartbeats int
	intents    discordgo.Intent
	closed     bool

	cdn cdn // attachments (cdn.go)

	messages map[string]map[string]any // by id: the messages the bot posted to channels (thread.go)
	threads  map[string]bool           // the messages threads were started from
}

// New starts a Server. Close it when done.
func New(opts Options) *Server {
	if opts.HeartbeatInterval <= 0 {
		opts.HeartbeatInterval = 250 * time.Millisecond
	}
	opts.Shards = max(opts.Shards, 1)
	opts.MaxConcurrency = max(opts.MaxConcurrency, 1)
	s := &Server{
		opts:     opts,
		changed:  make(chan struct{}),
		pending:  map[string]string{},
		answered: map[string]bool{},
		shards:   map[int]*shardState{},
		nextID:   200000000000000000,
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/gateway", s.serveGateway)
	mux.HandleFunc("/gateway/", s.serveGateway) // discordgo adds a slash
	mux.HandleFunc("/api/", s.serveREST)
	mux.HandleFunc("/attachments/", s.serveCDN)
	s.http = httptest.NewServer(mux)
	s.URL = s.http.URL
	return s
}

// Close closes every gateway connection and the server.
func (s *Server) Close() {
	s.mu.Lock()
	s.closed = true
	conns := s.conns
	s.conns = nil
	s.mu.Unlock()
	for _, c := range conns {
		c.ws.Close()
	}
	s.http.Close()
}

// changedLocked wakes the waiters; s.mu is held.
func (s *Server) changedLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// Wait waits until cond returns true, or timeout passes; it reports
// whether cond returned true. cond is called again after every change.
func (s *Server) Wait(timeout time.Duration, cond func() bool) bool {
	t := time.NewTimer(timeout)
	defer t.Stop()
	for {
		s.mu.Lock()
		ch := s.changed
		s.mu.Unlock()
		if cond() {
			return true
		}
		select {
		case <-ch:
		case <-t.C:
			return cond()
		}
	}
}

// Calls returns the REST calls received so far.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.calls...)
}

// NumCalls returns the number of REST calls received so far.
func (s *Server) NumCalls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.calls)
}

// CallsSince returns the REST calls received after the first n.
func (s *Server) CallsSince(n int) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	if n > len(s.calls) {
		return nil
	}
	return append([]Call(nil), s.calls[n:]...)
}

// Stats are counts of what the gateway received.
type Stats struct {
	Identifies int              // IDENTIFY payloads answered with READY
	Resumes    int              // RESUME payloads answered with RESUMED
	Heartbeats int              // heartbeats, each answered with an ACK
	Intents    discordgo.Intent // of the last IDENTIFY answered with READY
	Connected  bool             // shard 0 has an identified or resumed connection
}

// Stats returns the gateway's counts.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return Stats{len(s.identifies), s.resumes, s.heartbeats, s.intents, s.connLocked(0) != nil}
}

// An Identify is one IDENTIFY answered with READY.
type Identify struct {
	Shard, Count int
	At           time.Time // when it arrived
}

// Identifies returns the IDENTIFYs answered so far, in order.
func (s *Server) Identifies() []Identify {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Identify(nil), s.identifies...)
}

// Connected reports whether shard has an identified or resumed connection.
func (s *Server) Connected(shard int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.connLocked(shard) != nil
}

// ShardOf returns the shard that receives the events of the guild with id
// guildID, (guild_id >> 22) % Options.Shards, or 0 for "" (direct
// messages) or an id that is not a number.
func (s *Server) ShardOf(guildID string) int {
	id, err := strconv.ParseUint(guildID, 10, 64)
	if err != nil {
		return 0
	}
	return int((id >> 22) % uint64(s.opts.Shards))
}

// Inject makes the next REST request that matches f get f's answer.
func (s *Server) Inject(f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, f)
}

// RateLimit makes the next REST request with method and a path containing
// path get 429 Too Many Requests, with retry_after.
func (s *Server) RateLimit(method, path string, retryAfter time.Duration) {
	body := fmt.Sprintf(`{"message": "You are being rate limited.", "retry_after": %.3f, "global": false}`, retryAfter.Seconds())
	h := http.Header{}
	h.Set("Retry-After", fmt.Sprint(int(retryAfter.Seconds()+0.999)))
	s.Inject(Fault{Method: method, Path: path, Status: http.StatusTooManyRequests, Body: body, Header: h})
}

// newID returns a new snowflake-like id; s.mu is held.
func (s *Server) newIDLocked() string {
	s.nextID++
	return fmt.Sprint(s.nextID)
}

// fault returns and forgets the first fault that matches r; s.mu is held.
func (s *Server) faultLocked(r *http.Request) (Fault, bool) {
	for i, f := range s.faults {
		if (f.Method == "" || f.Method == r.Method) && strings.Contains(r.URL.Path, f.Path) {
			s.faults = append(s.faults[:i], s.faults[i+1:]...)
			return f, true
		}
	}
	return Fault{}, false
}
