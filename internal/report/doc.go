// Package report writes the admin's report (a store.Report) for people
// and programs: as text, CSV or JSON for `factbot report`, CSV for the
// attachment of /factbot report, and HTML for the /admin page. The same
// content in every form: what was asked, what went unanswered (grouped,
// with the closest facts offered), the answers voted down with their
// reasons, and the articles most and least cited.
package report
