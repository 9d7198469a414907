// Package bot is factbot's Discord adapter: it answers questions asked in
// Discord with the answers of a fact base (package facts) and their
// citations.
//
// People ask with the /ask command (its question option autocompletes from
// the fact base; private:true answers ephemerally), by mentioning the bot,
// by direct message, or, in the channels of Config.Channels, with any
// message ending in "?". The answer is an embed: the short answer, the
// quoted facts with [n] markers, the sources, and the confidence; under it,
// a "Sources" button and 👍 / 👎 feedback buttons.
//
// With a Recorder, the bot keeps each question and each 👍 / 👎 (after a
// 👎 it asks what was wrong: a reason button, then a modal for a note).
// With Reports, /factbot report shows the admin's report to members with
// Manage Server, and /forget-me erases a user's own records.
//
// Interactions go through one router (route.go): each command, subcommand,
// button and modal has a handler that returns a reply value, and slow
// handlers are deferred by one middleware (deferred.go).
//
// Everything the bot sends stays within Discord's limits, escapes the text
// of articles and users, and allows no mentions. Each handler recovers from
// panics; each user has a cooldown; slow answers to /ask are deferred.
//
// New checks a Config; Run connects and answers until its context is done.
// The bot depends on the engine through Answerer, reports through Metrics
// and a *slog.Logger, and tells whether it is connected through Ready.
package bot
