package fakediscord

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// Messages the bot posts to a channel are kept, so that the bot can fetch
// one (GET /channels/{channel}/messages/{message}), as it does the message
// a reply refers to; and a thread can be started from one of them (POST
// /channels/{channel}/messages/{message}/threads), once, as Discord allows.
// A thread started from a message has the message's id, as in Discord.

// keepMessageLocked keeps a message the bot posted to channel as id, and
// returns it as Discord answers it: the payload with the id, channel and
// author. s.mu is held.
func (s *Server) keepMessageLocked(id, channel string, body []byte) map[string]any {
	m := map[string]any{}
	_ = json.Unmarshal(body, &m) // checked by checkMessage already
	delete(m, "allowed_mentions")
	m["id"], m["channel_id"], m["type"] = id, channel, 0
	m["author"] = map[string]any{"id": BotID, "username": "factbot", "bot": true}
	if _, ok := m["content"]; !ok {
		m["content"] = ""
	}
	if s.messages == nil {
		s.messages = map[string]map[string]any{}
	}
	s.messages[id] = m
	return m
}

// messageLocked answers GET /channels/{channel}/messages/{id}.
func (s *Server) messageLocked(channel, id string) (int, http.Header, string) {
	m, ok := s.messages[id]
	if !ok || m["channel_id"] != channel {
		return errorJSON(http.StatusNotFound, 10008, "Unknown Message", nil)
	}
	return jsonOK(m)
}

// threadLocked answers POST /channels/{channel}/messages/{id}/threads.
func (s *Server) threadLocked(channel, id string, c Call) (int, http.Header, string) {
	var req struct {
		Name                string `json:"name"`
		AutoArchiveDuration int    `json:"auto_archive_duration"`
	}
	if err := json.Unmarshal(c.Body, &req); err != nil {
		return invalidForm([]string{"body: " + err.Error()})
	}
	var problems []string
	if n := size(req.Name); n < 1 || n > 100 {
		problems = append(problems, fmt.Sprintf("name: %d characters, want 1 to 100", n))
	}
	switch req.AutoArchiveDuration {
	case 0, 60, 1440, 4320, 10080:
	default:
		problems = append(problems, fmt.Sprintf("auto_archive_duration: %d, want 60, 1440, 4320 or 10080", req.AutoArchiveDuration))
	}
	if len(problems) > 0 {
		return invalidForm(problems)
	}
	if m, ok := s.messages[id]; !ok || m["channel_id"] != channel {
		return errorJSON(http.StatusNotFound, 10008, "Unknown Message", nil)
	}
	if s.threads[id] {
		return errorJSON(http.StatusBadRequest, 160004, "A thread has already been created for this message", nil)
	}
	if s.threads == nil {
		s.threads = map[string]bool{}
	}
	s.threads[id] = true
	return jsonOK(map[string]any{"id": id, "type": 11, "name": req.Name, "parent_id": channel, "guild_id": GuildID})
}

// Posted returns the message the bot posted in reply to the message id,
// as the fake keeps it (and as a MESSAGE_CREATE would carry it as a
// referenced message), and whether there is one.
func (s *Server) Posted(replyTo string) (map[string]any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range s.messages {
		if ref, ok := m["message_reference"].(map[string]any); ok && ref["message_id"] == replyTo {
			return m, true
		}
	}
	return nil, false
}

// AddMessage keeps a message as if someone had posted it, for the bot to
// fetch: its JSON fields, with "id" and "channel_id" at least.
func (s *Server) AddMessage(m map[string]any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.messages == nil {
		s.messages = map[string]map[string]any{}
	}
	s.messages[fmt.Sprint(m["id"])] = m
}
