package bot

import (
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// discordgo builds every REST URL from package variables that start with
// https://discord.com (discordgo.EndpointDiscord and the endpoints derived
// from it when the package is initialised). Changing those variables would
// be global, racy, and too late for the derived ones. Instead, each Bot's
// session gets its own http.Client whose transport sends requests for
// https://discord.com to Config.APIURL: every REST call, the gateway URL
// lookup included, goes there, and nothing outside the session changes.

// restTimeout bounds one REST call, as in discordgo's default client.
const restTimeout = 20 * time.Second

// discordHost is the scheme and host that Config.APIURL replaces.
const discordScheme, discordHost = "https", "discord.com"

// ParseAPIURL parses Config.APIURL: a scheme (http or https) and a host,
// with nothing after them. New uses it; so may a program that checks its
// configuration before it makes a Bot.
func ParseAPIURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("bot: API URL %q: %w", raw, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return nil, fmt.Errorf("bot: API URL %q: want only a scheme and host, like http://127.0.0.1:8790", raw)
	}
	return u, nil
}

// rehostedClient returns an HTTP client for a session's REST calls that
// sends Discord's requests to api.
func rehostedClient(api *url.URL) *http.Client {
	return &http.Client{Timeout: restTimeout, Transport: rehost{to: api, next: http.DefaultTransport}}
}

// rehost sends requests for https://discord.com to another scheme and host.
type rehost struct {
	to   *url.URL
	next http.RoundTripper
}

// RoundTrip implements http.RoundTripper.
func (t rehost) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Scheme == discordScheme && req.URL.Host == discordHost {
		req = req.Clone(req.Context())
		req.URL.Scheme, req.URL.Host = t.to.Scheme, t.to.Host
		req.Host = t.to.Host
	}
	return t.next.RoundTrip(req)
}
