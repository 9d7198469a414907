package facts

import (
	"slices"
	"strings"
	"unicode"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/text"
	"github.com/factbot/factbot/facts/internal/wordnet"
)

// The first stage of the pipeline: parse reads a question into a query,
// with no index at hand. Everything here is about the question alone: its
// words, the kind of answer it asks for, the thing it asks about, whether it
// asks whether something is so or what a name is.

// A query is a question as parsed.
type query struct {
	text  string       // the question as read: links out, a question in capitals in lower case
	toks  []text.Token // its tokens, extra (joined-up) forms included
	words []string     // the folded key of each token
	want  kind         // the kind of answer the question asks for
	wh    string       // the question word that tells it: "when", "how much"
	yesNo bool         // the question asks whether something is so ("Is North Korea behind …?")
	// compare: the question asks whether the sources agree ("Do the
	// articles agree on the amount?"); its words of comparison and of
	// sources are request phrasing, not content.
	compare bool
	// amount is the comparison of a yes/no question with a number ("more
	// than 100 million"), when amountAsked says it has one
	// (verdict_amounts.go): compile does not look for its number, and the
	// verdict compares the facts' amounts with it.
	amount      amountAsked
	amountAsked bool
	// defines is the name a question asks to define ("What is
	// Pyongyang?", "Who is Taro Kono?"), as the question writes it.
	defines string
	// shortFrom and shortTo are the tokens [from, to) of a short form the
	// question asks to spell out ("What does NCAA stand for?"): a name,
	// however it is typed.
	shortFrom, shortTo int
	// focusFrom and focusTo are the tokens [from, to) of the thing asked
	// about: "exchanges" in "Which crypto exchanges were hacked?".
	focusFrom, focusTo int
	// sortOf: the question asks for a sort of the thing asked about
	// ("What type of pollution…?"), which the fact says before it ("lead
	// pollution").
	sortOf bool
}

// parse reads a question. The tokens and words are appended to toks and
// words, the caller's buffers, so that a query owns them.
func parse(z *text.Tokenizer, question string, toks []text.Token, words []string) query {
	question = wordIs(stripLinks(truncate(question, maxQuestionBytes)))
	if !strings.ContainsFunc(question, unicode.IsLower) {
		// A question in capitals: its words are not acronyms.
		question = strings.ToLower(question)
	}
	toks = append(toks, z.Tokenize(question)...)
	for _, t := range toks {
		words = append(words, text.Key(z.Word(t), t.Flags))
	}
	if k := chatOpening(question, toks, words); k > 0 {
		toks, words = toks[k:], words[k:]
		toks[0].Flags |= text.First
	}
	acronym, lead, first, end := spelledOut(question, toks, words)
	if acronym != "" {
		// "the acronym" and "stand for" are request phrasing: "As it
		// stands" answers nothing.
		toks = append(toks[:lead], toks[first:end]...)
		words = append(words[:lead], words[first:end]...)
	}
	q := query{text: question, toks: toks, words: words}
	q.want, q.wh = questionType(toks, words)
	q.yesNo = q.wh == "" && len(words) > 0 && lang.Auxiliaries[words[0]]
	q.defines = definedName(question, toks, words)
	if q.defines == "" {
		q.defines = definedWord(question, toks, words)
	}
	if acronym != "" {
		q.defines, q.shortFrom, q.shortTo = acronym, lead, lead+end-first
	}
	q.compare = comparison(words)
	if q.yesNo && slices.ContainsFunc(toks, func(t text.Token) bool { return t.Flags&(text.Number|text.Ordinal) != 0 }) {
		q.amount, q.amountAsked = askedAmount(&q, classes(toks, words))
	}
	q.focusFrom, q.focusTo = focusRun(question, toks, words)
	if i, ok := fragment(&q); ok {
		// "capital of north korea?" asks as "what is the capital of…".
		q.wh, q.focusFrom, q.focusTo = "what", i, i+1
		q.want = nounType(toks[i:], words[i:])
	}
	q.sortOf = q.focusFrom >= 2 && words[q.focusFrom-1] == "of" && lang.KindWords[words[q.focusFrom-2]]
	if q.want&^kList == 0 && q.focusTo > q.focusFrom && (q.wh == "what" || q.wh == "which") {
		// A noun the question-noun list lacks, typed through WordNet:
		// "which airlines" asks for names.
		q.want |= classKinds[classOf(nounClass(q.words[q.focusTo-1]))]
	}
	return q
}

// focusHead returns the last word of the thing q asks about ("exchanges"
// of "which crypto exchanges"), or "" when it asks about nothing in
// particular.
func (q *query) focusHead() string {
	if q.focusTo <= q.focusFrom {
		return ""
	}
	return q.words[q.focusTo-1]
}

// fragment reports whether q is a noun phrase asked as a question, as
// people type in chat: a noun, "of" and what it is of ("capital of north
// korea?", "the price of bitcoin"), with no question word nor auxiliary;
// and where its noun is.
func fragment(q *query) (int, bool) {
	if q.wh != "" || q.yesNo || q.defines != "" {
		return 0, false
	}
	i := 0
	if len(q.words) > 0 && articles[q.words[0]] {
		i++
	}
	ok := i+2 < len(q.words) && q.words[i+1] == "of" && !lang.Stopwords[q.words[i]] &&
		q.toks[i].Flags&(text.Number|text.Aux) == 0 && wordnet.IsNoun(q.words[i])
	return i, ok
}

// wordIs spells out the "'s" of a question word as "is" ("what's rusi",
// "Who’s Kim Jong-un?"), which the tokenizer would drop as a possessive;
// it returns question itself when there is none.
func wordIs(question string) string {
	if !strings.ContainsAny(question, "'’") {
		return question
	}
	var sb strings.Builder
	last := 0
	for i := 0; i < len(question); i++ {
		c := question[i]
		if c != '\'' && !strings.HasPrefix(question[i:], "’") {
			continue
		}
		w := len(question[:i]) - len(strings.TrimRightFunc(question[:i], unicode.IsLetter))
		n := 1
		if c != '\'' {
			n = len("’")
		}
		rest := question[i+n:]
		if len(rest) == 0 || rest[0] != 's' && rest[0] != 'S' || len(rest) > 1 && (unicode.IsLetter(rune(rest[1])) || unicode.IsDigit(rune(rest[1]))) {
			continue
		}
		if !lang.QuestionWords[strings.ToLower(question[i-w:i])] {
			continue
		}
		sb.WriteString(question[last:i])
		sb.WriteString(" is")
		last = i + n + 1
	}
	if last == 0 {
		return question
	}
	sb.WriteString(question[last:])
	return sb.String()
}

// chatOpening returns how many words open the question before the question
// proper, as people type in chat ("yo", "quick q:", "anyone know"): all of
// them of the chat openers, and the next a question word or an auxiliary,
// or any word after a colon ("q: Whne was…", whose typo is no name).
func chatOpening(question string, toks []text.Token, words []string) int {
	for k, w := range words {
		switch {
		case toks[k].Flags&text.Aux != 0:
			return 0
		case lang.QuestionWords[w] || lang.Auxiliaries[w]:
			return k
		case !lang.ChatOpeners[w]:
			return 0
		case k+1 < len(toks) && strings.Contains(question[toks[k].End:toks[k+1].Start], ":"):
			return k + 1
		}
	}
	return 0
}

// isName reports whether token i of the question is written as a name:
// capitalised inside the question, or in capitals, or the short form it
// asks to spell out.
func (q *query) isName(i int) bool {
	f := q.toks[i].Flags
	return f&(text.Cap|text.AllCaps) != 0 && f&text.First == 0 || f&text.AllCaps != 0 || i >= q.shortFrom && i < q.shortTo
}

// focusRun returns the tokens [from, to) of the noun phrase after "which",
// "what", "how many" or "how much": the thing the question asks about
// ("Which crypto exchanges were…", "How many hackers…", "What is the
// largest city…", "What type of pollution…"), at most three words, up to
// the first stop word.
func focusRun(question string, toks []text.Token, words []string) (int, int) {
	for i, w := range words {
		if w != "which" && w != "what" && w != "how" && (i > 0 || imperative(words) == 0) {
			continue
		}
		j := i + 1
		if i == 0 && imperative(words) > 0 {
			j = imperative(words)
		}
		if w == "how" {
			if j >= len(words) || words[j] != "many" && words[j] != "much" {
				return 0, 0
			}
			j++
		}
		// "What is the capital of…": the noun after the copula, unless a
		// name follows ("What was the Edo period also called?").
		if j+2 < len(words) && lang.Copulas[words[j]] && words[j+1] == "the" && toks[j+2].Flags&(text.Cap|text.AllCaps) == 0 {
			j += 2
		} else if j+1 < len(words) && lang.Copulas[words[j]] {
			j = afterOwner(question, toks, j+1, j)
		}
		// "What type of pollution…": the noun after "of".
		if j+1 < len(words) && lang.KindWords[words[j]] && words[j+1] == "of" {
			j += 2
		}
		k := j
		for k < len(words) && k < j+3 && !lang.Stopwords[words[k]] && !lang.QuestionWords[words[k]] && !(k > j && (verbAt(toks, words, k) || nameSubject(toks, words, k))) {
			k++
		}
		return j, k
	}
	return 0, 0
}

// afterOwner returns, for a name and its possessive from token i ("the
// Reconnaissance General Bureau's budget", "Elizabeth's nickname"), the
// token after the possessive: the thing asked about is what the name owns.
// Else it returns or.
func afterOwner(question string, toks []text.Token, i, or int) int {
	if toks[i].Flags&text.Aux == 0 && strings.EqualFold(question[toks[i].Start:toks[i].End], "the") {
		i++
	}
	for k := i; k < len(toks)-1 && toks[k].Flags&(text.Cap|text.AllCaps) != 0; k++ {
		if text.Possessive(question, toks[k]) {
			return k + 1
		}
	}
	return or
}

// nameSubject reports whether token k opens, after a word in lower case, a
// name that the question's verb follows: "countries" ends at "North" in
// "Which countries North Korea attacked", while "Canadian city" and "Idol
// star" stay one thing each.
func nameSubject(toks []text.Token, words []string, k int) bool {
	capital := func(t text.Token) bool { return t.Flags&(text.Cap|text.AllCaps) != 0 }
	if !capital(toks[k]) || capital(toks[k-1]) {
		return false
	}
	for k < len(toks) && (capital(toks[k]) || toks[k].Flags&text.Aux != 0) {
		k++
	}
	return k == len(toks) || verbAt(toks, words, k)
}

// imperative returns where the thing asked about starts in a question
// that opens by asking to list or name things ("list the countries …",
// "name all the exchanges …"), or 0.
func imperative(words []string) int {
	if len(words) < 2 || words[0] != "list" && words[0] != "name" {
		return 0
	}
	j := 1
	for j < len(words)-1 && (words[j] == "the" || words[j] == "all" || words[j] == "every" || words[j] == "each") {
		j++
	}
	if lang.Stopwords[words[j]] || lang.QuestionWords[words[j]] {
		return 0 // "name of the …", "list what …"
	}
	return j
}

// verbAt reports whether word k, after the first word of a focus, reads
// as the question's verb rather than part of the thing asked about: a past
// form ("Which city hosted…", "Which firm built…"), or a word followed by
// a name or an article ("Which province borders Ontario?"), or a verb in
// its base form after a plural ("How many people work for…").
func verbAt(toks []text.Token, words []string, k int) bool {
	w := words[k]
	if len(w) > 4 && strings.HasSuffix(w, "ed") || wordnet.Irregular(w, wordnet.Verb) != "" {
		return true
	}
	// A verb in its base form after a plural: "how many people work for…",
	// "which countries border…". WordNet has "people" as a noun of its own.
	if k > 0 && wordnet.IsVerb(w) && (wordnet.IsPlural(words[k-1]) || words[k-1] == "people") {
		return true
	}
	if k+1 < len(words) {
		next := toks[k+1]
		return words[k+1] == "the" || words[k+1] == "a" || words[k+1] == "an" ||
			next.Flags&(text.Cap|text.AllCaps) != 0 && next.Flags&text.Aux == 0
	}
	return false
}

// comparison reports whether words ask whether the sources agree: a word
// of comparison and a word for the sources.
func comparison(words []string) bool {
	cmp, src := false, false
	for _, w := range words {
		cmp = cmp || lang.CompareWords[w]
		src = src || lang.SourceWords[w]
	}
	return cmp && src
}

// stripLinks blanks out what in a chat message is not words of the
// question: links ("https://…", "www.…") and chat markup in angle brackets
// ("<@123>", "<:emoji:456>", "<https://…>").
func stripLinks(q string) string {
	if !strings.ContainsAny(q, "<:.") {
		return q
	}
	var sb strings.Builder
	for i := 0; i < len(q); {
		rest := q[i:]
		skip := 0
		switch {
		case strings.HasPrefix(rest, "http://"), strings.HasPrefix(rest, "https://"), strings.HasPrefix(rest, "www."):
			skip = strings.IndexFunc(rest, unicode.IsSpace)
		case rest[0] == '<':
			if end := strings.IndexByte(rest, '>'); end > 0 && !strings.ContainsFunc(rest[:end], unicode.IsSpace) {
				skip = end + 1
			}
		}
		if skip < 0 {
			skip = len(rest)
		}
		if skip > 0 {
			sb.WriteByte(' ')
			i += skip
			continue
		}
		sb.WriteByte(q[i])
		i++
	}
	return sb.String()
}

// maxQuestionBytes bounds the part of a question that is read.
const maxQuestionBytes = 2000

// definedName returns the name that "What is X?" or "Who was X?" asks to
// define, as written in the question, or "" for another question.
func definedName(question string, toks []text.Token, words []string) string {
	return nameAfterCopula(question, toks, words, func(i, last int) bool {
		return toks[i].Flags&(text.Cap|text.AllCaps) != 0 || toks[i].Flags&text.Hyphen != 0 && last == i-1
	})
}

// definedWord returns the noun that "what is X?" asks to define when X is
// one word in lower case ("what is polyethylene", "what's ransomware"), or
// "".
func definedWord(question string, toks []text.Token, words []string) string {
	if len(words) != 3 || words[0] != "what" || !lang.Copulas[words[1]] || toks[2].Flags&(text.Number|text.Aux) != 0 ||
		lang.Stopwords[words[2]] || !wordnet.IsNoun(words[2]) {
		return ""
	}
	return question[toks[2].Start:toks[2].End]
}

// nameAfterCopula returns the name that "What is X?" or "Who was X?" asks
// to define, as written in the question, or "": every word after the
// copula (and an article) must be one that isName says is of a name, given
// the last such word before it (-1 for none).
func nameAfterCopula(question string, toks []text.Token, words []string, isName func(i, last int) bool) string {
	if len(words) < 3 || words[0] != "what" && words[0] != "who" || !lang.Copulas[words[1]] {
		return ""
	}
	first, last := -1, -1
	for i := 2; i < len(toks); i++ {
		switch {
		case toks[i].Flags&text.Aux != 0:
		case first < 0 && (words[i] == "the" || words[i] == "a" || words[i] == "an"):
		case isName(i, last):
			if first < 0 {
				first = i
			}
			last = i
		default:
			return "" // not only a name: "What is the price of …"
		}
	}
	if first < 0 {
		return ""
	}
	return question[toks[first].Start:toks[last].End]
}

// spelledOut returns the short form that "What does NCAA stand for?",
// "What is DRM short for?", "what does the acronym rusi mean" or "WMD
// stands for what?" asks to spell out, as the question writes it, or "".
// The question's words to keep are [0, lead) and the short form's, [first,
// end). In chat the short form may be in lower case, if it is no word of
// WordNet's ("what did the treaty stand for" asks nothing of the kind);
// "mean" asks it of a word in capitals only.
func spelledOut(question string, toks []text.Token, words []string) (short string, lead, first, end int) {
	n := len(words)
	if n < 3 {
		return "", 0, 0, 0
	}
	stand := func(w string) bool { return w == "stand" || w == "stands" || w == "short" }
	capsOnly := false
	switch {
	case n >= 4 && words[0] == "what" && (lang.Auxiliaries[words[1]] || lang.Copulas[words[1]]):
		lead, first = 2, 2
		switch {
		case words[n-1] == "for" && stand(words[n-2]):
			end = n - 2
		case words[n-1] == "mean" || words[n-1] == "means":
			end, capsOnly = n-1, true
		default:
			return "", 0, 0, 0
		}
	case words[n-1] == "what" && words[n-2] == "for" && stand(words[n-3]):
		end = n - 3
		if end > 0 && lang.Copulas[words[end-1]] {
			end-- // "WMD is short for what"
		}
	default:
		return "", 0, 0, 0
	}
	for first < end && (words[first] == "the" || lang.AcronymWords[words[first]]) {
		first++
	}
	if first == end || end-first > maxSpelledOut {
		return "", 0, 0, 0
	}
	for i := first; i < end; i++ {
		caps := toks[i].Flags&(text.Cap|text.AllCaps) != 0
		switch {
		case lang.Stopwords[words[i]], capsOnly && toks[i].Flags&text.AllCaps == 0:
			return "", 0, 0, 0
		case !caps && wordnet.IsLemma(words[i]) && !initialism(words[i]):
			return "", 0, 0, 0 // "what did the treaty stand for": a word, not a short form
		}
	}
	return question[toks[first].Start:toks[end-1].End], lead, first, end
}

// initialism reports whether WordNet has the word w as the initials of a
// synonym of it ("wmd": weapon of mass destruction; "un": United
// Nations), function words aside: a short form chat types in lower case.
func initialism(w string) bool {
	for _, r := range wordnet.Synonyms(w) {
		k, words := 0, 0
		for part := range strings.FieldsSeq(r.Lemma) {
			if lang.Stopwords[part] && words > 0 {
				continue
			}
			if words++; k >= len(w) || part[0] != w[k] {
				k = -1
				break
			}
			k++
		}
		if words >= 2 && k == len(w) {
			return true
		}
	}
	return false
}

// maxSpelledOut bounds the words of a short form that a question asks to
// spell out.
const maxSpelledOut = 3

// questionType returns the kind of answer a question asks for, from its
// opening words: "how much" asks for money, "when" for a date.
func questionType(toks []text.Token, words []string) (kind, string) {
	for i, w := range words {
		if toks[i].Flags&text.Aux != 0 {
			continue
		}
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		cue := w
		if w == "how" {
			cue = "how " + next
		}
		if k := cueKinds[cue]; k != 0 {
			return k, cue
		}
		if i == 0 && imperative(words) > 0 {
			// "List the countries …", "name the exchanges …": as "which".
			rest := words[imperative(words):]
			k := nounType(toks[imperative(words):], rest)
			if n := focusNoun(rest); w == "list" || len(n) > 3 && n[len(n)-1] == 's' && !strings.HasSuffix(n, "ss") {
				k |= kList
			}
			return k, "which"
		}
		switch w {
		case "how":
			return 0, w
		case "what", "which":
			if lang.Doing[next] {
				return 0, w // "What did the minister point out?" asks for no kind of thing
			}
			k := nounType(toks[i+1:], words[i+1:])
			if n := focusNoun(words[i+1:]); len(n) > 3 && n[len(n)-1] == 's' && !strings.HasSuffix(n, "ss") {
				k |= kList // "which countries", "what businesses"
			}
			return k, w
		}
	}
	return 0, ""
}

// inName reports whether token i is a word of a name of several words
// that the question writes with capitals: "General" of "the
// Reconnaissance General Bureau", "Years" of "the Seven Years' War", but
// not "President" of "Which President…".
func inName(toks []text.Token, i int) bool {
	capital := func(k int) bool {
		return k >= 0 && k < len(toks) && toks[k].Flags&(text.Cap|text.AllCaps) != 0 && toks[k].Flags&text.First == 0
	}
	return capital(i) && (capital(i-1) || capital(i+1))
}

// focusNoun returns the first word after "what" or "which" that is not a
// stop word: the thing the question asks about.
func focusNoun(rest []string) string {
	for _, w := range rest {
		if !lang.Stopwords[w] {
			return w
		}
	}
	return ""
}

// nounType reads the answer type off the noun after "what" or "which":
// "what year" asks for a date, "which country" for a place.
func nounType(toks []text.Token, rest []string) kind {
	for i, w := range rest {
		if i > 3 {
			break
		}
		if k, ok := nounKinds[w]; ok && !inName(toks, i) {
			return k
		}
	}
	return 0
}
