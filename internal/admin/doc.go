// Package admin serves the admin's page: the report of what factbot was
// asked (what went unanswered, what was voted down and why, which
// articles are cited most and least), rendered on the server with
// html/template, read-only, behind a token.
//
// The token is sent as "Authorization: Bearer TOKEN", or typed once into
// the page's login form, which sets a cookie. Without a token configured
// there is no page: the caller does not mount it, and the handler answers
// 404 to everything.
package admin
