package admin

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/factbot/factbot/internal/store"
)

const token = "s3cret-admin-token"

// fakeReports returns a fixed report, or fails.
type fakeReports struct {
	err   error
	since *time.Time
}

func (f fakeReports) Report(_ context.Context, since time.Time) (store.Report, error) {
	if f.since != nil {
		*f.since = since
	}
	return sampleReport(), f.err
}

func sampleReport() store.Report {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	return store.Report{
		Since: at.Add(-7 * 24 * time.Hour), Asked: 5, Answered: 3, Abstained: 2, Up: 1, Down: 1,
		Unanswered: []store.Unanswered{{Question: "Who is the <script>mayor</script>?", Count: 2, Last: at, Suggestions: []string{"city#p2:0a0b0c0d"}}},
		Downvoted: []store.Downvoted{{AnswerID: "11", Question: "How much was stolen?", Answered: true,
			Facts: []string{"nk#p1:01020304"}, Reason: store.ReasonWrongFact, Note: "not this fact", Time: at}},
		Articles: []store.ArticleCount{{Article: "nk", Citations: 3}},
	}
}

func newTestHandler(t *testing.T, opt Options) http.Handler {
	t.Helper()
	if opt.Reports == nil {
		opt.Reports = fakeReports{}
	}
	return NewHandler(opt)
}

func TestPage(t *testing.T) {
	withToken := Options{Token: token, Articles: func() []string { return []string{"nk", "weather"} }}
	cookie := "factbot_admin=" + cookieValue(token)
	tests := []struct {
		name       string
		opt        Options
		method     string
		target     string
		header     map[string]string
		body       string
		wantStatus int
		want       []string // in the body, or the Location header of a redirect
		not        []string
	}{
		{"no token configured", Options{}, "GET", "/admin", map[string]string{"Authorization": "Bearer "}, "", 404, nil, nil},
		{"no credentials", withToken, "GET", "/admin", nil, "", 401, []string{`name="token"`, "Sign in"}, []string{"mayor", "Unanswered"}},
		{"wrong bearer token", withToken, "GET", "/admin", map[string]string{"Authorization": "Bearer nope"}, "", 401, []string{"Sign in"}, []string{"mayor"}},
		{"bearer token", withToken, "GET", "/admin", map[string]string{"Authorization": "Bearer " + token}, "", 200,
			[]string{`id="unanswered"`, "Who is the &lt;script&gt;mayor&lt;/script&gt;?", "Wrong fact", "not this fact", "<code>city#p2:0a0b0c0d</code>", "<td>weather</td>", "<strong>5</strong> questions"},
			[]string{"<script>"}},
		{"cookie", withToken, "GET", "/admin", map[string]string{"Cookie": cookie}, "", 200, []string{`id="downvoted"`}, nil},
		{"forged cookie", withToken, "GET", "/admin", map[string]string{"Cookie": "factbot_admin=" + token}, "", 401, []string{"Sign in"}, nil},
		{"bad since", withToken, "GET", "/admin?since=soon", map[string]string{"Authorization": "Bearer " + token}, "", 400, nil, nil},
		{"the store fails", Options{Token: token, Reports: fakeReports{err: errors.New("disk")}}, "GET", "/admin", map[string]string{"Authorization": "Bearer " + token}, "", 500, nil, []string{"disk"}},
		{"login with the token", withToken, "POST", "/admin/login", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, "token=" + url.QueryEscape(token), 303, []string{"/admin"}, nil},
		{"login with a wrong token", withToken, "POST", "/admin/login", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, "token=guess", 303, []string{"/admin?failed"}, nil},
		{"login, no token configured", Options{}, "POST", "/admin/login", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, "token=", 404, nil, nil},
		{"no writes", withToken, "POST", "/admin", map[string]string{"Authorization": "Bearer " + token}, "", 405, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newTestHandler(t, tt.opt)
			req := httptest.NewRequest(tt.method, tt.target, strings.NewReader(tt.body))
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.wantStatus {
				t.Fatalf("status %d, want %d:\n%s", rec.Code, tt.wantStatus, rec.Body)
			}
			got := rec.Body.String() + rec.Header().Get("Location")
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("response lacks %q:\n%s", w, got)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(got, w) {
					t.Errorf("response holds %q:\n%s", w, got)
				}
			}
			if rec.Code == 200 && !strings.Contains(rec.Header().Get("Content-Security-Policy"), "default-src 'none'") {
				t.Errorf("no Content-Security-Policy on the page")
			}
		})
	}
}

func TestLoginCookie(t *testing.T) {
	srv := httptest.NewServer(newTestHandler(t, Options{Token: token}))
	defer srv.Close()
	resp, err := http.PostForm(srv.URL+"/admin/login", url.Values{"token": {token}})
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	// The client follows the redirect, without the cookie jar: the page
	// asks to sign in, and the cookie was set on the redirect.
	if resp.Request.Response == nil {
		t.Fatal("the login did not redirect")
	}
	var c *http.Cookie
	for _, k := range resp.Request.Response.Cookies() {
		if k.Name == cookieName {
			c = k
		}
	}
	if c == nil || !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Value == token || strings.Contains(c.Value, token) {
		t.Fatalf("cookie %+v: want HttpOnly, SameSite=Strict, and not the token itself\n%s", c, body)
	}
}

func TestParseSince(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{{"", 7 * 24 * time.Hour, true}, {"30d", 30 * 24 * time.Hour, true}, {"0", 0, true}, {"12h", 12 * time.Hour, true}, {"-1d", 0, false}, {"x", 0, false}}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, _, err := parseSince(tt.in)
			if got != tt.want || (err == nil) != tt.ok {
				t.Errorf("parseSince(%q) = %v, %v", tt.in, got, err)
			}
		})
	}
}
