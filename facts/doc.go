// Package facts answers questions from news articles and cites its sources:
// every answer quotes the sentences ("facts") it comes from, with their
// article and paragraph, and when no fact answers, the engine abstains and
// offers the closest facts instead.
//
// A Base is built once from articles (Load reads a folder, Seeds the two
// articles built in, New takes parsed articles) and is then immutable and
// safe for concurrent use. Building splits each article body into sentences,
// tokens and token classes (package facts/internal/text), maps the words to
// stemmed terms, and indexes them by passage (a paragraph, or a piece of a
// long one) and by article title.
//
// Base.Ask takes a question through a pipeline of stages, each a function
// that takes the values the stages before it returned and reads no other
// stage's working memory:
//
//   - parse (query.go): the question alone, with no index, read into a
//     query: its words, the kind of answer it asks for (an amount, a date, a
//     name…: one row per kind in kinds.go; other nouns typed through WordNet,
//     analyze.go, which also gives the question's Li–Roth class, focus and
//     constraints as Analyze), the thing it asks about, whether it asks
//     whether something is so, what a name is, or whether the sources agree;
//   - correct (correct.go): chat spelling read against the base's words and
//     general English;
//   - compile (compile.go): the query against the index: concept groups, each
//     a word or a phrase with the index terms that match it, weighted, every
//     term marked with the expander that proposed it (expand.go: synonyms,
//     derived forms, longer words, typos, abbreviations, aliases, acronyms);
//   - retrieve (retrieve.go): the best passages, by BM25 over the passage and
//     its article's title, with MaxScore-style pruning;
//   - read (read.go): every fact of those passages scored on features whose
//     weights are fitted on SQuAD (weights.go), and ordered;
//   - confidence (confidence.go): a logistic model of what the ranking found;
//     under its threshold, fitted for each size of fact base, the engine
//     abstains, and also when no fact it would cite passes the candidate
//     checks (check.go: an amount for "how much", a count next to the thing
//     counted);
//   - the answer (ask.go, extract.go): the best fact and the facts that say
//     the same, and the short answer: each article's answer for a comparison
//     (list.go), Yes or No where the best fact states or denies it
//     (verdict.go), every cited fact's names for a list, or the part of the
//     best fact of the kind asked for.
//
// Base.Explain runs the same stages and shows their working. Base.AskInContext
// reads a follow-up ("how much did they steal?") in the context of the turns
// before it, and answers the question it stands for (followup.go); asked
// alone, such a question is read about the articles' main subject, when
// they have one (subject.go). The
// engine's general English (word lists, irregular forms, synonyms, question
// nouns) is data, in facts/internal/lang; names particular to one corpus
// belong in its aliases file (AliasesFile).
package facts
