// Package bot is factbot's Discord adapter: it answers questions asked in
// Discord with the answers of a fact base (package facts) and their
// citations.
//
// People ask with the /ask command (its question option autocompletes from
// the fact base; private:true answers ephemerally), by mentioning the bot,
// by direct message, or, in the channels of Config.Channels, with any
// message ending in "?". The answer is an embed: the short answer, the
// quoted facts with [n] markers, the sources, and the confidence; under it,
// a "Sources" button, "Verify" (the paragraph of a citation with the quote
// in bold, and what identifies the article and the fact: verify.go) and
// 👍 / 👎 feedback buttons. A private answer also carries "Post to channel";
// a public one in a server, "Follow up in a thread".
//
// A reply to one of the bot's answers, or a question in a thread started
// from one, is a follow-up: it is answered in the context of the questions
// before it, when the Answerer is a ContextAnswerer (followup.go).
//
// Two message commands work on someone else's message (Apps in its menu):
// "Ask factbot" answers its text as a question (appcommand.go); "Check
// against sources" checks its claims and their figures (check.go).
//
// With a Recorder, the bot keeps each question and each 👍 / 👎 (after a
// 👎 it asks what was wrong: a reason button, then a modal for a note).
// With Reports, /factbot report shows the admin's report to members with
// Manage Server, and /forget-me erases a user's own records. With a
// Curation, the same members add articles (/factbot add, an attachment or
// a pasted text), remove them and list them (curate.go).
//
// Interactions go through one router (route.go): each command, subcommand,
// button and modal has a handler that returns a reply value, and slow
// handlers are deferred by one middleware (deferred.go).
//
// Everything the bot sends stays within Discord's limits, escapes the text
// of articles and users, and allows no mentions. Each handler recovers from
// panics; each user has a cooldown; slow answers to /ask are deferred.
//
// The bot holds some or all of the gateway's shards (Config.Shards): one
// session each, with its own reconnection, IDENTIFYs paced by an
// IdentifyGate, events handled on the shard they came on (shards.go,
// gateway.go). Several processes can each hold some shards of one count.
//
// New checks a Config; Run connects and answers until its context is done.
// The bot depends on the engine through Answerer, reports through Metrics
// and a *slog.Logger, and tells whether it is connected through Ready.
package bot
