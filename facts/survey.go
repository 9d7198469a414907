package facts

import (
	"slices"
	"strings"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/text"
	"github.com/factbot/factbot/facts/internal/wordnet"
)

// Surveys: a list question that names nothing but the kind of thing it
// wants ("Which countries are named in the articles?", "list every date",
// "what companies are mentioned?") asks about the whole fact base, and no
// fact is nearer to it than another. It is answered with the things of
// that kind the facts name, in the articles' order, each fact cited once
// for the things it adds: "France, Spain [1]; Norway [2]".

// maxSurveyFacts bounds the fact bases surveyed: a survey reads every fact,
// and "every country named" among thousands of articles is no answer.
const maxSurveyFacts = 5000

// surveyKinds are the kinds a survey lists, by the coarse class of the
// thing asked about.
var surveyKinds = map[string]kind{"HUM": kName, "LOC": kPlace, "NUM:date": kDate}

// People are not surveyed: a run of capitalised words with no word of an
// organisation or a place is as often a product or a firm ("Wanna Cry",
// "You Bit") as a person, and a list half wrong is worse than none.

// surveyKind returns the kind of thing q asks the fact base to list, or 0
// when q is not a survey: a list question whose words of content are all
// the thing asked about (and words of a list's, of mention, or of the
// sources that no fact uses). A word of content that is not the thing
// asked about is something to look for: "where do the flights go" lists
// no places.
func (b *Base) surveyKind(q *query, c *compiled) kind {
	if len(b.facts) > maxSurveyFacts || q.yesNo || q.compare || q.defines != "" {
		return 0
	}
	thing := ""
	for _, g := range c.groups {
		switch {
		case g.chatter || lang.MentionWords[g.word] || lang.ListWords[g.word]:
		case g.focus:
			thing = g.word
		default:
			return 0 // it names something to look for
		}
	}
	if !q.asksList() && !plural(thing) && !slices.Contains(q.words, "are") && !slices.Contains(q.words, "were") {
		return 0
	}
	class := q.class()
	if class == "" && thing != "" {
		class = nounClass(thing)
	}
	if class == "HUM:ind" || class == "LOC:city" || class == "LOC:state" {
		return 0 // no list of words tells a person, a city or a state
	}
	return surveyKinds[classOf(class)]
}

// plural reports whether WordNet reads noun as the plural of another
// ("people": person, "countries": country).
func plural(noun string) bool {
	ls := wordnet.Lemmas(noun)
	return slices.ContainsFunc(ls, func(l string) bool { return l != noun })
}

// survey answers a survey for things of kind k, of the class the
// question asks for: the facts that name new ones, in order, at most
// maxCitations, and the things each adds.
func (b *Base) survey(s *scratch, q *query, c *compiled, k kind) ([]uint32, string) {
	class := q.class()
	seen := map[string]bool{}
	var cited []uint32
	var parts []part
	var found []string
	for f := range b.facts {
		if len(cited) == maxCitations {
			break
		}
		e := b.extractOf(s, q, c, uint32(f))
		found = found[:0]
		add := func(t string) {
			t = strings.TrimSuffix(strings.TrimSuffix(t, "’s"), "'s")
			if key := strings.ToLower(t); t != "" && !seen[key] {
				seen[key] = true
				found = append(found, t)
			}
		}
		if k == kDate {
			add(e.date(false))
		} else {
			for i := 0; i < len(e.toks); i++ {
				end := e.nameRun(i)
				if end < 0 {
					continue
				}
				if e.surveyed(i, end, class) {
					add(e.cut(i, end))
				}
				i = end
			}
		}
		if len(found) > 0 {
			cited = append(cited, uint32(f))
			parts = append(parts, part{text: strings.Join(found, ", "), ns: []int{len(cited)}})
		}
	}
	return cited, joinParts(parts)
}

// surveyed reports whether the name of tokens i..j is of the class a
// survey asks for: an organisation (a word such as "Institute"), a
// country, or a place; never a people's adjective ("British")
// or a name of the question.
func (e *extract) surveyed(i, j int, class string) bool {
	var lex text.Lex
	for k := i; k <= j; k++ {
		if e.qname[k] {
			return false
		}
		lex |= e.lf[k]
	}
	if demonym(e.text[e.toks[i].Start:e.toks[j].End]) {
		return false
	}
	place := lang.PlaceNames[strings.ToLower(e.cut(i, j))]
	switch {
	case classOf(class) == "HUM":
		return lex&text.LexOrg != 0
	case lex&text.LexOrg != 0: // "Russian State Duma" is no place
		return false
	case class == "LOC:country":
		return lex&text.LexCountry != 0 || place
	case classOf(class) == "LOC":
		return lex&(text.LexCountry|text.LexPlace) != 0 || place
	}
	return false
}
