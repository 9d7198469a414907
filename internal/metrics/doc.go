// Package metrics counts what factbot does, for Prometheus: questions by
// where they came from and how they ended, answer and autocomplete latency,
// the size of the fact base, reloads, the Discord gateway's events and
// Discord REST errors.
//
// A Recorder keeps its metrics in a registry of its own, never the global
// one, so that tests and several Recorders do not collide. Its methods
// take plain strings where the Discord bot's metrics hook takes its own
// string types, so that the adapter between the two is a conversion; the
// HTTP /ask endpoint and the live fact base call it directly. A nil
// *Recorder records nothing.
//
// The metric names, all prefixed "factbot_":
//
//	questions_total{via,outcome}        questions, by where they were asked ("slash", "mention", "dm",
//	                                    "channel", "http") and how they ended ("answered", "abstained",
//	                                    "cooldown", "error")
//	answer_duration_seconds{via}        histogram of the time from question to answer sent
//	autocomplete_duration_seconds       histogram of the time to answer an autocomplete request
//	feedback_total{vote}                👍 ("up") and 👎 ("down") pressed on answers
//	facts_loaded, articles_loaded       size of the fact base being served
//	reloads_total                       rebuilds of the fact base after the first load
//	reload_failures_total               rebuilds that failed, leaving the old base in service
//	gateway_events_total{event}         Discord gateway "ready", "resumed", "disconnect", "reconnect"
//	discord_rest_errors_total{call}     failed Discord REST calls, by call ("reply", "register", "autocomplete", …)
//	build_info{version}                 always 1; the version is the label
//
// plus the Go runtime's and the process's standard metrics (go_*, process_*).
package metrics
