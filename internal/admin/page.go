package admin

import (
	"bytes"
	"html/template"
	"net/http"

	"github.com/factbot/factbot/internal/report"
	"github.com/factbot/factbot/internal/store"
)

// render executes t with data and writes it with status; a template error
// becomes a 500 before anything is written.
func render(w http.ResponseWriter, status int, t *template.Template, data any) {
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		http.Error(w, "admin: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// loginData fills the login form.
type loginData struct{ Failed bool }

// pageData fills the report page.
type pageData struct {
	store.Report
	Since      string // the ?since= it shows
	SinceText  string // from when, as a person reads it
	MostCited  []store.ArticleCount
	LeastCited []store.ArticleCount
}

func newPageData(r store.Report, since string) pageData {
	return pageData{Report: r, Since: since, SinceText: report.Since(r), MostCited: r.MostCited(10), LeastCited: r.LeastCited(10)}
}

var funcs = template.FuncMap{
	"day":    report.Day,
	"reason": report.ReasonText,
	"question": func(d store.Downvoted) string {
		return report.Question(d)
	},
}

const style = `<style>
body{font:15px/1.4 system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#222}
table{border-collapse:collapse;width:100%;margin:.5em 0 2em}
th,td{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f4f4f4}td.n{text-align:right;width:4em}code{font-size:90%;color:#555}
form.inline{display:inline}
</style>`

var loginTemplate = template.Must(template.New("login").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>factbot admin: sign in</title>` + style + `</head>
<body><h1>factbot admin</h1>
{{if .Failed}}<p id="failed"><strong>That token is not the admin token.</strong></p>{{end}}
<form method="post" action="/admin/login">
<label>Admin token (FACTBOT_ADMIN_TOKEN) <input type="password" name="token" id="token" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form></body></html>
`))

var reportTemplate = template.Must(template.New("report").Funcs(funcs).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>factbot admin: report</title>` + style + `</head>
<body><h1>factbot report</h1>
<p id="summary">Since {{.SinceText}}: <strong>{{.Asked}}</strong> questions, {{.Answered}} answered, {{.Abstained}} abstained; votes: {{.Up}} up, {{.Down}} down.</p>
<form method="get" action="/admin" class="inline"><label>Since <input name="since" value="{{.Since}}" size="5"></label> <button>Show</button></form>
<form method="post" action="/admin/logout" class="inline"><button>Sign out</button></form>

<h2>Unanswered questions ({{len .Unanswered}})</h2>
<table id="unanswered"><thead><tr><th>Times</th><th>Last asked</th><th>Question</th><th>Closest facts offered</th></tr></thead><tbody>
{{range .Unanswered}}<tr><td class="n">{{.Count}}</td><td>{{day .Last}}</td><td>{{.Question}}</td><td>{{range .Suggestions}}<code>{{.}}</code> {{end}}</td></tr>
{{else}}<tr><td colspan="4">None.</td></tr>
{{end}}</tbody></table>

<h2>Answers voted down ({{len .Downvoted}})</h2>
<table id="downvoted"><thead><tr><th>When</th><th>Reason</th><th>Question</th><th>Note</th><th>Facts cited</th></tr></thead><tbody>
{{range .Downvoted}}<tr><td>{{day .Time}}</td><td>{{reason .Reason}}</td><td>{{question .}}</td><td>{{.Note}}</td><td>{{range .Facts}}<code>{{.}}</code> {{end}}</td></tr>
{{else}}<tr><td colspan="5">None.</td></tr>
{{end}}</tbody></table>

<h2>Most cited articles</h2>
<table id="most"><thead><tr><th>Citations</th><th>Article</th></tr></thead><tbody>
{{range .MostCited}}<tr><td class="n">{{.Citations}}</td><td>{{.Article}}</td></tr>
{{else}}<tr><td colspan="2">None.</td></tr>
{{end}}</tbody></table>

<h2>Least cited articles</h2>
<table id="least"><thead><tr><th>Citations</th><th>Article</th></tr></thead><tbody>
{{range .LeastCited}}<tr><td class="n">{{.Citations}}</td><td>{{.Article}}</td></tr>
{{else}}<tr><td colspan="2">None.</td></tr>
{{end}}</tbody></table>
</body></html>
`))
