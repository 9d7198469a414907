// Package translate holds a learned table of question-to-answer words: for a
// word of a question, the words that tend to appear in the sentence that
// answers it, as stems: "peopl" (people) → "popul", "tall" → "ft",
// "height"; "die" → "death"; "film" → "movi", "director".
//
// The table is IBM Model 1 (as in Berger et al., "Bridging the lexical
// chasm", SIGIR 2000), trained by facts/cmd/translatetrain on the question /
// answer-sentence pairs of SQuAD v1.1 train (Rajpurkar et al., 2016; CC BY-SA
// 4.0). Its entries are t(answer word | question word). It is keyed by stems
// on both sides, made by Stem, which must stay the engine's own stem rule
// (facts/internal/stem). It holds only pairs of different stems: the engine already
// matches a word with itself, so the table carries the self-translation
// probability t(q | q) apart, as Self.
//
// The table is compiled in (table.bin.gz, its provenance in table.md beside
// it) and read once, on the first Lookup; Lookup and Self are safe for
// concurrent use.
package translate
