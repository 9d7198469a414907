// Package metrics counts what factbot does, for Prometheus: questions by
// outcome, answer latency, the size of the fact base, reloads, gateway
// reconnects and Discord REST errors.
//
// A Recorder keeps its metrics in a registry of its own, never the global
// one, so that tests and several Recorders do not collide. Its methods
// match the hooks of the Discord bot, the HTTP /ask endpoint and the live
// fact base, which each define the small interface they call; a nil
// *Recorder records nothing.
//
// The metric names, all prefixed "factbot_":
//
//	questions_total{outcome}         questions answered, by outcome ("answered", "abstained", or the bot's own)
//	answer_duration_seconds          histogram of the time from question to answer
//	facts_loaded, articles_loaded    size of the fact base being served
//	reloads_total                    rebuilds of the fact base after the first load
//	reload_failures_total            rebuilds that failed, leaving the old base in service
//	gateway_ready_total              Discord gateway sessions that became ready
//	gateway_reconnects_total         Discord gateway reconnects
//	discord_rest_errors_total        failed Discord REST calls
//	build_info{version}              always 1; the version is the label
//
// plus the Go runtime's and the process's standard metrics (go_*, process_*).
package metrics
