// Package live serves a fact base that is rebuilt while it answers.
//
// A Base holds the current *facts.Base behind an atomic pointer and
// answers with whichever base is current when a question arrives: a
// question in flight finishes on the base it started on, and a rebuilt base
// is swapped in whole, never seen half-built. A rebuild that fails leaves
// the old base in service.
//
// Rebuilds happen when Reload is called, or in the background, through
// Run, after Trigger: from a SIGHUP that cmd/factbot catches, or from a
// Watcher that sees files change in the articles folder.
package live
