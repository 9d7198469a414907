// Package answerjson writes answers in the engine's JSON contract: one
// facts.Answer per line, as `factbot ask --json` prints them and the HTTP
// /ask endpoint returns them. Both use this package, so that the two can
// never drift apart.
package answerjson
