package admin

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// chromium returns the path of a Chromium binary, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("skipping the browser test: no chromium binary on PATH (apt-get install chromium; .ci/run does)")
	return ""
}

// dumpDOM loads url in headless Chromium, lets it run (and follow
// redirects and form posts) for a few seconds of virtual time, and
// returns the DOM it ends with.
func dumpDOM(t *testing.T, bin, url string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
		"--no-first-run", "--user-data-dir="+t.TempDir(), "--virtual-time-budget=5000", "--dump-dom", url)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium --dump-dom %s: %v", url, err)
	}
	return string(out)
}

// TestInChromium loads the page in a real browser: without the token it
// shows only the login form; signing in through the form (a test page
// that fills it in and submits it) sets the cookie and shows the tables.
func TestInChromium(t *testing.T) {
	bin := chromium(t)
	mux := http.NewServeMux()
	mux.Handle("/admin", NewHandler(Options{Token: token, Reports: fakeReports{}, Articles: func() []string { return []string{"nk", "weather"} }}))
	mux.Handle("/admin/", NewHandler(Options{Token: token, Reports: fakeReports{}}))
	// A person typing the token into the form, played by a script.
	mux.HandleFunc("/test/sign-in", func(w http.ResponseWriter, r *http.Request) {
		tok := r.URL.Query().Get("token")
		fmt.Fprintf(w, `<!doctype html><form method="post" action="/admin/login"><input name="token" value="%s"></form>
<script>document.forms[0].submit()</script>`, html.EscapeString(tok))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tests := []struct {
		name string
		url  string
		want []string
		not  []string
	}{
		{"refused without the token", srv.URL + "/admin", []string{`id="token"`, "Sign in"}, []string{`id="unanswered"`, "mayor"}},
		{"a wrong token", srv.URL + "/test/sign-in?token=guess", []string{`id="failed"`, `id="token"`}, []string{`id="unanswered"`}},
		{"signed in through the form", srv.URL + "/test/sign-in?token=" + token, []string{
			`id="summary"`, "<strong>5</strong> questions",
			`id="unanswered"`, "Who is the &lt;script&gt;mayor&lt;/script&gt;?",
			`id="downvoted"`, "Wrong fact", "not this fact",
			`id="most"`, `id="least"`, "<td>weather</td>",
		}, []string{`id="token"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dom := dumpDOM(t, bin, tt.url)
			for _, w := range tt.want {
				if !strings.Contains(dom, w) {
					t.Errorf("the page lacks %q:\n%s", w, dom)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(dom, w) {
					t.Errorf("the page holds %q:\n%s", w, dom)
				}
			}
		})
	}
}
