// Package text turns article and question text into the units the engine
// works on: sentences (SplitSentences, aware of abbreviations, initials and
// dotted acronyms), tokens (a Tokenizer that folds case, accents, quotes and
// dashes, and keeps each token's byte offsets in the source), and token
// classes (Classify: a number, an amount of money, a year, a date, part of a
// name). It knows nothing of an index or a question.
package text
