// Package eval scores answers against question sets, the way
// ../shared/eval/score.py does: whether the cited quotes contain a gold fact
// (cite@1, cite@3), whether the engine abstains on questions its sources
// cannot answer, and how often it abstains on ones they can.
//
// Question files are JSON lines:
//
//	{"id": "v01", "q": "How much …?", "facts": ["…"], "answers": ["…"]}
//	{"id": "v36", "q": "What is the price of Bitcoin today?", "none": true}
//
// with optional "source" and "paragraph" naming where the gold answer is.
package eval
