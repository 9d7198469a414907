package bot

// recorded returns an engine that answers from the answers and suggestions
// recorded in testdata (see internal/fakefacts). The answers, by name:
//
//   - answer: a short answer with two citations from two articles, the
//     first with a URL;
//   - answer-quote: an answer that is its one citation's quote;
//   - abstention: an abstention with three suggestions;
//   - abstention-without-suggestions: the engine's answer to noise;
//   - hostile: an article whose every text tries to break the message:
//     too long, full of markdown, mentions and control characters, with
//     bad URLs and a confidence over 1.
//
// All but hostile were recorded from the seed articles with factbot ask
// --json, then kept as they are: answer is the engine's answer before a
// later tuning gave it five citations from the same two articles, with a
// URL added, since the seed articles have none. Edit them by hand; there
// is no flag to record them again, which would bring back the churn.
