package admin

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/factbot/factbot/internal/store"
)

// Reporter reads the report. A *store.DB is one.
type Reporter interface {
	Report(ctx context.Context, since time.Time) (store.Report, error)
}

// Options configure the page. Token and Reports are required.
type Options struct {
	Token    string          // the admin token; empty: no page
	Reports  Reporter        // where the report comes from
	Articles func() []string // the articles served, so that those never cited show; nil: none
	Logger   *slog.Logger    // nil logs nothing
}

// Path is where the page is served; its login form posts to Path+"/login".
const Path = "/admin"

// cookieName holds a hash of the token, never the token itself.
const cookieName = "factbot_admin"

// defaultSince is how far back the page looks without ?since=.
const defaultSince = 7 * 24 * time.Hour

// NewHandler returns the page's handler, for Path and below.
func NewHandler(opt Options) http.Handler {
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	h := &handler{opt: opt, cookie: cookieValue(opt.Token)}
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+Path, h.page)
	mux.HandleFunc("POST "+Path+"/login", h.login)
	mux.HandleFunc("POST "+Path+"/logout", h.logout)
	return mux
}

type handler struct {
	opt    Options
	cookie string
}

// cookieValue is what the login cookie holds: a hash of the token.
func cookieValue(token string) string {
	sum := sha256.Sum256([]byte("factbot admin cookie\x00" + token))
	return hex.EncodeToString(sum[:])
}

// authorized reports whether r carries the token, as a bearer token or
// the login cookie.
func (h *handler) authorized(r *http.Request) bool {
	if auth, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		return equal(strings.TrimSpace(auth), h.opt.Token)
	}
	if c, err := r.Cookie(cookieName); err == nil {
		return equal(c.Value, h.cookie)
	}
	return false
}

// equal compares in constant time.
func equal(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

// headers are sent with every response: nothing is cached or framed, and
// the page loads nothing but itself.
func headers(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
}

// page shows the report, or the login form to a request without the token.
func (h *handler) page(w http.ResponseWriter, r *http.Request) {
	headers(w)
	if h.opt.Token == "" {
		http.NotFound(w, r)
		return
	}
	if !h.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="factbot admin"`)
		render(w, http.StatusUnauthorized, loginTemplate, loginData{Failed: r.URL.Query().Has("failed")})
		return
	}
	since, label, err := parseSince(r.URL.Query().Get("since"))
	if err != nil {
		http.Error(w, "since: want a number of days, such as 7d, or 0 for everything kept", http.StatusBadRequest)
		return
	}
	var from time.Time
	if since > 0 {
		from = time.Now().Add(-since)
	}
	rep, err := h.opt.Reports.Report(r.Context(), from)
	if err != nil {
		h.opt.Logger.Error("admin: report", "err", err)
		http.Error(w, "the report could not be read; see the logs", http.StatusInternalServerError)
		return
	}
	if h.opt.Articles != nil {
		rep.WithArticles(h.opt.Articles())
	}
	render(w, http.StatusOK, reportTemplate, newPageData(rep, label))
}

// login checks the token typed into the form and sets the cookie.
func (h *handler) login(w http.ResponseWriter, r *http.Request) {
	headers(w)
	if h.opt.Token == "" {
		http.NotFound(w, r)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	if !equal(r.PostFormValue("token"), h.opt.Token) {
		h.opt.Logger.Warn("admin: a login with a wrong token", "remote", r.RemoteAddr)
		http.Redirect(w, r, Path+"?failed", http.StatusSeeOther)
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name: cookieName, Value: h.cookie, Path: Path, MaxAge: int((12 * time.Hour).Seconds()),
		HttpOnly: true, Secure: r.TLS != nil, SameSite: http.SameSiteStrictMode,
	})
	http.Redirect(w, r, Path, http.StatusSeeOther)
}

// logout clears the cookie.
func (h *handler) logout(w http.ResponseWriter, r *http.Request) {
	headers(w)
	http.SetCookie(w, &http.Cookie{Name: cookieName, Path: Path, MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, Path, http.StatusSeeOther)
}

// parseSince reads ?since=: "7d" (the default), a duration such as "12h",
// or "0" for everything kept; it returns the duration and its label.
func parseSince(s string) (time.Duration, string, error) {
	switch s = strings.TrimSpace(s); s {
	case "":
		return defaultSince, "7d", nil
	case "0":
		return 0, "0", nil
	}
	if n, ok := strings.CutSuffix(s, "d"); ok {
		d, err := strconv.Atoi(n)
		if err != nil || d < 0 || d > 36500 {
			return 0, "", errors.New("admin: bad since")
		}
		return time.Duration(d) * 24 * time.Hour, s, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, "", errors.New("admin: bad since")
	}
	return d, s, nil
}
