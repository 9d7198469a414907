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
// Watcher that sees files change in the articles folder. Every load takes
// a context and may be given a timeout; Status says which base serves,
// since when, and whether the last rebuild failed.
//
// A Watcher follows the folder's path rather than the folder it found:
// it watches the parent too, and re-arms itself when the path comes to
// name another folder (deleted and re-created, swapped with mv, or a
// swapped link, as Kubernetes updates a mounted ConfigMap). Where
// notifications cannot cover the folder it polls, and State says so.
package live
