package fakediscord

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// The fake's CDN serves attachments, as cdn.discordapp.com does, at
// URL/attachments/CHANNEL/ID/NAME: a test adds a file with AddFile and
// puts the URL it returns in an interaction's resolved attachments.

// cdn holds the files the fake serves, and how often each was fetched.
type cdn struct {
	mu      sync.Mutex
	files   map[string]cdnFile // by path
	fetches map[string]int
	next    int
}

type cdnFile struct {
	data  []byte
	delay time.Duration
}

// AddFile serves data under name, and returns its URL. When delay is
// positive, the file's headers come after that long, or when the request
// ends.
func (s *Server) AddFile(name string, data []byte, delay time.Duration) string {
	s.cdn.mu.Lock()
	defer s.cdn.mu.Unlock()
	if s.cdn.files == nil {
		s.cdn.files, s.cdn.fetches = map[string]cdnFile{}, map[string]int{}
	}
	s.cdn.next++
	path := fmt.Sprintf("/attachments/%s/%d/%s", "300000000000000001", 900000000000000000+s.cdn.next, name)
	s.cdn.files[path] = cdnFile{data: data, delay: delay}
	return s.URL + path
}

// Fetches returns how many times the file at url was requested.
func (s *Server) Fetches(url string) int {
	s.cdn.mu.Lock()
	defer s.cdn.mu.Unlock()
	return s.cdn.fetches[strings.TrimPrefix(url, s.URL)]
}

// serveCDN serves a file added with AddFile.
func (s *Server) serveCDN(w http.ResponseWriter, r *http.Request) {
	s.cdn.mu.Lock()
	f, ok := s.cdn.files[r.URL.Path]
	if s.cdn.fetches != nil {
		s.cdn.fetches[r.URL.Path]++
	}
	s.cdn.mu.Unlock()
	if !ok || r.Method != http.MethodGet {
		http.NotFound(w, r)
		return
	}
	if f.delay > 0 {
		select {
		case <-time.After(f.delay):
		case <-r.Context().Done():
			return
		}
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	_, _ = w.Write(f.data)
}
