// Package httpapi is factbot's HTTP side port, for operators and for other
// tools:
//
//	GET /healthz   200 "ok" while the process runs (liveness)
//	GET /readyz    200 when every readiness check passes, else 503; the
//	               body names each check and its state
//	GET /metrics   the Prometheus metrics of a *metrics.Recorder
//	GET /ask?q=…   the engine's answer, in the JSON that
//	               `factbot ask --json` prints (see package answerjson)
//
// Errors from /ask are JSON too: {"error": "…"}, with status 400 for a
// missing question, 405 for a method other than GET or HEAD, and 503 while
// the service shuts down.
package httpapi
