package fakediscord

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// apiPrefix matches the start of every REST path: /api/v<version>/.
var apiPrefix = regexp.MustCompile(`^/api/v\d+/`)

// serveREST records a REST call and answers it.
func (s *Server) serveREST(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	call := Call{
		Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery,
		Auth: r.Header.Get("Authorization"), Body: body, At: time.Now(),
	}
	if mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		call.Body, call.Files = readMultipart(body, params["boundary"])
	}
	s.mu.Lock()
	status, header, answer := s.answerLocked(r, call)
	call.Status = status
	s.calls = append(s.calls, call)
	s.changedLocked()
	s.mu.Unlock()

	for k, v := range header {
		w.Header()[k] = v
	}
	if status == http.StatusNoContent {
		w.WriteHeader(status)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, answer)
}

// readMultipart splits a multipart body, as Discord takes a message with
// files, into its payload_json and its files.
func readMultipart(body []byte, boundary string) (payload []byte, files []File) {
	mr := multipart.NewReader(bytes.NewReader(body), boundary)
	for {
		p, err := mr.NextPart()
		if err != nil {
			return payload, files
		}
		data, _ := io.ReadAll(p)
		if p.FormName() == "payload_json" {
			payload = data
			continue
		}
		files = append(files, File{Name: p.FileName(), ContentType: p.Header.Get("Content-Type"), Data: data})
	}
}

// answerLocked returns the status, headers and body that answer a call;
// s.mu is held.
func (s *Server) answerLocked(r *http.Request, c Call) (int, http.Header, string) {
	if f, ok := s.faultLocked(r); ok {
		return f.Status, f.Header, f.Body
	}
	route := strings.Split(apiPrefix.ReplaceAllString(r.URL.Path, ""), "/")
	if !apiPrefix.MatchString(r.URL.Path) {
		return notFound()
	}
	needsAuth := route[0] != "interactions" && route[0] != "webhooks" && route[0] != "gateway"
	if needsAuth && !s.tokenOK(c.Auth) {
		return errorJSON(http.StatusUnauthorized, 0, "401: Unauthorized", nil)
	}
	switch {
	case r.Method == "GET" && match(route, "gateway"):
		return jsonOK(map[string]any{"url": s.wsURL()})
	case r.Method == "GET" && match(route, "gateway", "bot"):
		return jsonOK(map[string]any{"url": s.wsURL(), "shards": s.opts.Shards, "session_start_limit": map[string]any{
			"total": 1000, "remaining": 1000, "reset_after": 86400000, "max_concurrency": s.opts.MaxConcurrency,
		}})
	case r.Method == "GET" && match(route, "users", "@me"):
		return jsonOK(map[string]any{"id": BotID, "username": "factbot", "discriminator": "0", "bot": true})
	case r.Method == "PUT" && (match(route, "applications", "*", "commands") || match(route, "applications", "*", "guilds", "*", "commands")):
		return s.overwriteCommandsLocked(c)
	case r.Method == "POST" && match(route, "interactions", "*", "*", "callback"):
		return s.callbackLocked(route[1], route[2], c)
	case r.Method == "PATCH" && match(route, "webhooks", "*", "*", "messages", "*"):
		return s.webhookMessageLocked(route[2], c)
	case r.Method == "POST" && match(route, "webhooks", "*", "*"):
		return s.webhookMessageLocked(route[2], c)
	case r.Method == "POST" && match(route, "channels", "*", "messages"):
		if problems := checkMessage(c.Body); len(problems) > 0 {
			return invalidForm(problems)
		}
		return jsonOK(s.keepMessageLocked(s.newIDLocked(), route[1], c.Body))
	case r.Method == "GET" && match(route, "channels", "*", "messages", "*"):
		return s.messageLocked(route[1], route[3])
	case r.Method == "POST" && match(route, "channels", "*", "messages", "*", "threads"):
		return s.threadLocked(route[1], route[3], c)
	}
	return notFound()
}

// match reports whether a route is pattern, where "*" matches one segment.
func match(route []string, pattern ...string) bool {
	if len(route) != len(pattern) {
		return false
	}
	for i, p := range pattern {
		if p != "*" && p != route[i] {
			return false
		}
	}
	return true
}

// callbackLocked answers an interaction response: once per interaction,
// for interactions dispatched by the test.
func (s *Server) callbackLocked(id, token string, c Call) (int, http.Header, string) {
	switch {
	case s.answered[token]:
		return errorJSON(http.StatusBadRequest, 40060, "Interaction has already been acknowledged.", nil)
	case s.pending[token] != id:
		return errorJSON(http.StatusNotFound, 10062, "Unknown interaction", nil)
	}
	if problems := checkCallback(c.Body); len(problems) > 0 {
		return invalidForm(problems)
	}
	delete(s.pending, token)
	s.answered[token] = true
	return http.StatusNoContent, nil, ""
}

// webhookMessageLocked answers a follow-up or an edit of an interaction's
// response: only after the interaction has been answered.
func (s *Server) webhookMessageLocked(token string, c Call) (int, http.Header, string) {
	if !s.answered[token] {
		return errorJSON(http.StatusNotFound, 10015, "Unknown Webhook", nil)
	}
	if problems := checkMessage(c.Body); len(problems) > 0 {
		return invalidForm(problems)
	}
	return jsonOK(map[string]any{"id": s.newIDLocked(), "type": 0, "content": ""})
}

// overwriteCommandsLocked answers a bulk overwrite of commands with the
// commands, given ids.
func (s *Server) overwriteCommandsLocked(c Call) (int, http.Header, string) {
	var cmds []map[string]any
	if err := json.Unmarshal(c.Body, &cmds); err != nil {
		return invalidForm([]string{"body: " + err.Error()})
	}
	if problems := checkCommands(cmds); len(problems) > 0 {
		return invalidForm(problems)
	}
	for _, cmd := range cmds {
		cmd["id"] = s.newIDLocked()
		cmd["application_id"] = AppID
		cmd["version"] = "1"
	}
	s.commands = cmds
	return jsonOK(cmds)
}

// Permitted reports whether Discord lets a member with permissions (a
// bit set, as in a member's "permissions") use the command name, as the
// bot last registered it, in a server or, if dm, in a direct message. A
// command's default_member_permissions, when set, are all needed
// (Administrator, 1<<3, holds every permission); in a DM, a command with
// dm_permission false, or whose contexts leave out bot DMs (1), is not
// there at all.
func (s *Server) Permitted(name string, permissions int64, dm bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.commands {
		if c["name"] != name {
			continue
		}
		if dm {
			if ok, set := c["dm_permission"].(bool); set && !ok {
				return false
			}
			if ctxs, set := c["contexts"].([]any); set && !slices.Contains(ctxs, any(float64(1))) {
				return false
			}
			return true
		}
		need, _ := c["default_member_permissions"].(string)
		if need == "" {
			return true
		}
		n, err := strconv.ParseInt(need, 10, 64)
		if err != nil {
			return false
		}
		// "0" leaves the command to administrators alone.
		return permissions&(1<<3) != 0 || (n != 0 && permissions&n == n)
	}
	return false
}

func jsonOK(v any) (int, http.Header, string) {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return http.StatusOK, nil, string(data)
}

func errorJSON(status, code int, msg string, errs any) (int, http.Header, string) {
	m := map[string]any{"code": code, "message": msg}
	if errs != nil {
		m["errors"] = errs
	}
	data, _ := json.Marshal(m)
	return status, nil, string(data)
}

func notFound() (int, http.Header, string) {
	return errorJSON(http.StatusNotFound, 0, "404: Not Found", nil)
}

func invalidForm(problems []string) (int, http.Header, string) {
	return errorJSON(http.StatusBadRequest, 50035, fmt.Sprintf("Invalid Form Body: %s", strings.Join(problems, "; ")), problems)
}
