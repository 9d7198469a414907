package bot

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestParseAPIURL(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"http://127.0.0.1:8790", true},
		{"https://discord-proxy.example", true},
		{"https://discord-proxy.example/", true},
		{"127.0.0.1:8790", false},
		{"ftp://example.com", false},
		{"http://example.com/api", false},
		{"http://example.com?x=1", false},
		{"http://user:pw@example.com", false},
		{"http://", false},
		{"://", false},
	} {
		if _, err := ParseAPIURL(tc.in); (err == nil) != tc.ok {
			t.Errorf("ParseAPIURL(%q): err = %v, want ok %v", tc.in, err, tc.ok)
		}
	}
}

func TestRehost(t *testing.T) {
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.Host+" "+r.URL.String())
	}))
	defer srv.Close()
	api, err := ParseAPIURL(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	c := rehostedClient(api)
	req, _ := http.NewRequest("GET", "https://discord.com/api/v9/gateway?v=9", nil)
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if want := api.Host + " /api/v9/gateway?v=9"; len(got) != 1 || got[0] != want {
		t.Errorf("server got %q, want %q", got, want)
	}
	if req.URL.Host != "discord.com" {
		t.Errorf("the caller's request was changed: %v", req.URL)
	}
	// Other hosts are left alone: the request to 127.0.0.1 goes straight there.
	resp, err = c.Get(srv.URL + "/other")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if len(got) != 2 || got[1] != api.Host+" /other" {
		t.Errorf("server got %q", got)
	}
}

func TestRedactURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://discord.com/api/v9/interactions/123/aW50ZXJhY3Rpb24/callback": "/api/v9/interactions/123/…/callback",
		"https://discord.com/api/v9/webhooks/456/tok/messages/@original":       "/api/v9/webhooks/456/…/messages/@original",
		"https://discord.com/api/v9/webhooks/456/tok?wait=true":                "/api/v9/webhooks/456/…",
		"https://discord.com/api/v9/channels/789/messages":                     "/api/v9/channels/789/messages",
	} {
		if got := redactURL(in); got != want {
			t.Errorf("redactURL(%q) = %q, want %q", in, got, want)
		}
	}
}
