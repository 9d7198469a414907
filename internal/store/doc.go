// Package store keeps what factbot is asked and what people think of its
// answers: each question (where it was asked, answered or abstained, the
// confidence, the facts cited, the fact base's snapshot, the latency) and
// each 👍 or 👎 vote tied to its answer, with an optional reason. An admin
// reads it back as a Report: what went unanswered, what was voted down and
// why, which articles are cited most and least.
//
// One Store interface has two backends sharing one schema and one set of
// versioned migrations (schema.go): SQLite in a data folder, through a
// pure-Go driver so that the binary stays static, and PostgreSQL. A Writer
// puts a bounded queue and one goroutine in front of a Store, so that
// recording never delays an answer: when the queue is full a record is
// dropped and counted.
//
// Only Discord ids are kept about people, never names.
package store
