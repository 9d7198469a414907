package fakediscord

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Gateway opcodes.
const (
	opDispatch       = 0
	opHeartbeat      = 1
	opIdentify       = 2
	opResume         = 6
	opReconnect      = 7
	opInvalidSession = 9
	opHello          = 10
	opHeartbeatACK   = 11
)

// keepEvents is how many dispatches a session keeps for RESUME to replay.
const keepEvents = 1024

// A shardState is what the gateway holds for one shard: its session, and
// the connection identified or resumed in it, if any.
type shardState struct {
	conn    *conn
	session *session
}

// A session is a gateway session: its id and the dispatches sent in it.
type session struct {
	id     string
	seq    int64
	events []event
}

type event struct {
	seq  int64
	data []byte
}

// A conn is one websocket connection. Writes to it are serialised; s.mu,
// when needed, is taken before wmu, never after.
type conn struct {
	ws    *websocket.Conn
	wmu   sync.Mutex
	shard int // once identified or resumed; guarded by s.mu
}

func (c *conn) write(data []byte) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	return c.ws.WriteMessage(websocket.TextMessage, data)
}

// close closes the connection with a close code, as Discord does.
func (c *conn) close(code int, text string) {
	c.wmu.Lock()
	_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, text), time.Now().Add(time.Second))
	c.wmu.Unlock()
	c.ws.Close()
}

func payload(op int, d any) []byte {
	data, err := json.Marshal(map[string]any{"op": op, "d": d})
	if err != nil {
		panic(err) // only fixed shapes are marshalled
	}
	return data
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

// serveGateway runs one gateway connection.
func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &conn{ws: ws}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		ws.Close()
		return
	}
	s.conns = append(s.conns, c)
	s.mu.Unlock()
	defer s.drop(c)

	if c.write(payload(opHello, map[string]any{"heartbeat_interval": s.opts.HeartbeatInterval.Milliseconds()})) != nil {
		return
	}
	for {
		_, data, err := ws.ReadMessage()
		if err != nil {
			return
		}
		var p struct {
			Op int             `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if json.Unmarshal(data, &p) != nil {
			c.close(4002, "Decode error.")
			return
		}
		switch p.Op {
		case opHeartbeat:
			s.mu.Lock()
			s.heartbeats++
			s.changedLocked()
			s.mu.Unlock()
			if c.write(payload(opHeartbeatACK, nil)) != nil {
				return
			}
		case opIdentify:
			if !s.identify(c, p.D) {
				return
			}
		case opResume:
			s.resume(c, p.D)
		}
	}
}

// drop forgets a connection that has ended.
func (s *Server) drop(c *conn) {
	c.ws.Close()
	s.mu.Lock()
	defer s.mu.Unlock()
	if st := s.shards[c.shard]; st != nil && st.conn == c {
		st.conn = nil
		s.changedLocked()
	}
}

// shardLocked returns the state of shard, made if new; s.mu is held.
func (s *Server) shardLocked(shard int) *shardState {
	st := s.shards[shard]
	if st == nil {
		st = &shardState{}
		s.shards[shard] = st
	}
	return st
}

// connLocked returns the connection of shard, or nil; s.mu is held.
func (s *Server) connLocked(shard int) *conn {
	if st := s.shards[shard]; st != nil {
		return st.conn
	}
	return nil
}

// identify answers IDENTIFY with READY and a new session, or closes the
// connection; it reports whether the connection is still open.
func (s *Server) identify(c *conn, d json.RawMessage) bool {
	var id struct {
		Token   string           `json:"token"`
		Intents discordgo.Intent `json:"intents"`
		Shard   *[2]int          `json:"shard"`
	}
	_ = json.Unmarshal(d, &id)
	shard := [2]int{0, 1}
	if id.Shard != nil {
		shard = *id.Shard
	}
	switch {
	case s.opts.CloseIdentify != 0:
		c.close(s.opts.CloseIdentify, "Closed by the test.")
		return false
	case !s.tokenOK(id.Token):
		c.close(4004, "Authentication failed.")
		return false
	case id.Intents&s.opts.RefuseIntents != 0:
		c.close(4014, "Disallowed intent(s).")
		return false
	case shard[1] != s.opts.Shards || shard[0] < 0 || shard[0] >= shard[1]:
		c.close(4010, "Invalid shard.")
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sessions++
	st := s.shardLocked(shard[0])
	st.session = &session{id: fmt.Sprintf("session-%d", s.sessions)}
	s.identifies = append(s.identifies, Identify{Shard: shard[0], Count: shard[1], At: time.Now()})
	s.intents = id.Intents
	st.conn, c.shard = c, shard[0]
	guilds := []any{}
	if s.ShardOf(GuildID) == shard[0] {
		guilds = append(guilds, map[string]any{"id": GuildID, "unavailable": true})
	}
	s.dispatchLocked(st, "READY", map[string]any{
		"v":          10,
		"session_id": st.session.id,
		"user":       map[string]any{"id": BotID, "username": "factbot", "discriminator": "0", "bot": true},
		"application": map[string]any{
			"id": AppID, "flags": 0,
		},
		"guilds":             guilds,
		"shard":              shard,
		"resume_gateway_url": s.wsURL(),
	})
	s.changedLocked()
	return true
}

// resume answers RESUME: it replays the session's events after the
// client's sequence number, then sends RESUMED; or, for a session it does
// not have, it sends op 9 (invalid session, not resumable).
func (s *Server) resume(c *conn, d json.RawMessage) {
	var r struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	_ = json.Unmarshal(d, &r)
	s.mu.Lock()
	defer s.mu.Unlock()
	var st *shardState
	shard := 0
	for id, x := range s.shards {
		if x.session != nil && x.session.id == r.SessionID {
			st, shard = x, id
		}
	}
	if !s.tokenOK(r.Token) || st == nil ||
		(len(st.session.events) > 0 && r.Seq < st.session.events[0].seq-1) {
		_ = c.write(payload(opInvalidSession, false))
		return
	}
	s.resumes++
	st.conn, c.shard = c, shard
	for _, e := range st.session.events {
		if e.seq > r.Seq {
			_ = c.write(e.data)
		}
	}
	s.dispatchLocked(st, "RESUMED", map[string]any{})
	s.changedLocked()
}

func (s *Server) tokenOK(token string) bool {
	return s.opts.Token == "" || token == "Bot "+s.opts.Token
}

func (s *Server) wsURL() string {
	return "ws" + strings.TrimPrefix(s.URL, "http") + "/gateway"
}

// Dispatch sends an event (type t, data d) in the session of the shard
// that Discord would send it to: the shard of its guild_id (ShardOf), or
// shard 0 without one. If that shard is not connected, the event waits in
// its session for RESUME. An INTERACTION_CREATE's token becomes one the
// REST API will take responses to.
func (s *Server) Dispatch(t string, d any) error {
	data, err := json.Marshal(d)
	if err != nil {
		return err
	}
	var g struct {
		GuildID string `json:"guild_id"`
	}
	_ = json.Unmarshal(data, &g)
	shard := s.ShardOf(g.GuildID)
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.shards[shard]
	if st == nil || st.session == nil {
		return fmt.Errorf("fakediscord: no session of shard %d to dispatch in", shard)
	}
	if t == "INTERACTION_CREATE" {
		var i struct{ ID, Token string }
		if json.Unmarshal(data, &i) == nil && i.Token != "" {
			s.pending[i.Token] = i.ID
		}
	}
	s.dispatchLocked(st, t, json.RawMessage(data))
	return nil
}

// dispatchLocked sends a dispatch in the session of st; s.mu is held.
func (s *Server) dispatchLocked(st *shardState, t string, d any) {
	sess := st.session
	sess.seq++
	data, err := json.Marshal(map[string]any{"op": opDispatch, "s": sess.seq, "t": t, "d": d})
	if err != nil {
		panic(err)
	}
	sess.events = append(sess.events, event{sess.seq, data})
	if len(sess.events) > keepEvents {
		sess.events = sess.events[len(sess.events)-keepEvents:]
	}
	if st.conn != nil {
		_ = st.conn.write(data) // a lost event is replayed on RESUME
	}
}

// Reconnect sends op 7 to shard 0: the client must reconnect and resume.
func (s *Server) Reconnect() error { return s.sendOp(0, opReconnect, nil, false) }

// InvalidateSession sends op 9 (not resumable) to shard 0 and forgets its
// session: the client must identify again.
func (s *Server) InvalidateSession() error { return s.sendOp(0, opInvalidSession, false, true) }

func (s *Server) sendOp(shard, op int, d any, forget bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.shards[shard]
	if st == nil || st.conn == nil {
		return errors.New("fakediscord: not connected")
	}
	if forget {
		st.session = nil
	}
	return st.conn.write(payload(op, d))
}

// Drop closes the connection of shard 0 without a close frame, as a
// network failure would; the client must reconnect and resume.
func (s *Server) Drop() error { return s.DropShard(0) }

// DropShard closes the connection of shard without a close frame.
func (s *Server) DropShard(shard int) error {
	s.mu.Lock()
	c := s.connLocked(shard)
	s.mu.Unlock()
	if c == nil {
		return errors.New("fakediscord: not connected")
	}
	return c.ws.UnderlyingConn().Close()
}
