// Package spell reads a question typed the way people chat and corrects its
// spelling at the level of the whole question: chat abbreviations ("ppl",
// "abt", "rn"), contractions typed without the apostrophe ("whats"), typos
// of one or two letters ("teh", "hwo", "goverment", "hackerss"), words run
// together ("thinktank") and words split in two ("data base").
//
// A Corrector is built once per fact base from the base's words and their
// counts, and it is safe for concurrent use. It never changes a word the
// fact base knows, a number, or a word the caller asks it to keep (a name
// typed with a capital). Candidates are the fact base's words first, then
// the words of general English, ranked by how often they occur and by how
// likely the typo is; each change is returned as a Fix, so that the caller
// can show "reading 'teh' as 'the'".
//
// General English comes from data files embedded in the package and read in
// one place (data.go): word counts from SQuAD v1.1 train's Wikipedia
// articles (CC BY-SA 4.0) marked with the valid words of Debian's wamerican
// word list (SCOWL), made by cmd/spellfreq; and small hand-written lists:
// chat abbreviations, contractions, and the short words a split may make.
// cmd/spellmeasure measures the corrector on SQuAD questions rewritten as
// chat.
package spell
