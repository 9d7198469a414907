package facts

import (
	"slices"

	"github.com/factbot/factbot/facts/internal/lang"
	"github.com/factbot/factbot/facts/internal/text"
	"github.com/factbot/factbot/facts/internal/wordnet"
)

// Surnames: news names a person in full once ("microbiologist Dr. Helen
// Marsh") and then by the surname alone ("Marsh said the discovery…"). A
// fact that names someone by the surname an earlier sentence of its
// article gave in full gets the other words of the full name too, as extra
// tokens after the surname, so that a question that names the person in
// full ("what did Helen Marsh say?") finds it.

// A fullName is what an article's surname stands for: the word ids of the
// name's other words, or none when two full names share the surname.
type fullName struct {
	given     []int32
	ambiguous bool
}

// maxFullNameWords bounds a full name: "Helen Marsh", "Sergei Neverov",
// "Mary Ann Evans"; a longer run of capitalised words is rather a title or
// an organisation.
const maxFullNameWords = 3

// noteFullNames records, for a sentence's tokens, the full names it holds:
// runs of two or three capitalised words, none a stop word, a word of an
// organisation, a place or a country, nor an extra form.
func (p *parser) noteFullNames(toks []text.Token) {
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && p.nameToken(toks, j) {
			j++
		}
		// A person's first name is no adjective: "French Revolution",
		// "North Miami" and "Red Cross" name no one.
		if n := j - i; n >= 2 && n <= maxFullNameWords && (j == len(toks) || toks[j].Flags&text.Aux == 0) && !wordnet.IsAdjective(p.words[i]) {
			last := p.ids[j-1]
			given := append([]int32(nil), p.ids[i:j-1]...)
			if old, ok := p.surnames[last]; ok && !slices.Equal(old.given, given) {
				p.surnames[last] = fullName{ambiguous: true}
			} else if !ok {
				p.surnames[last] = fullName{given: given}
			}
		}
		i = max(j, i+1)
	}
}

// nameToken reports whether token i may be a word of a person's full name.
func (p *parser) nameToken(toks []text.Token, i int) bool {
	const notPerson = text.LexStop | text.LexOrg | text.LexPlace | text.LexCountry
	return p.cls[i]&text.ClassCap != 0 && p.cls[i]&text.ClassAux == 0 && toks[i].Flags&text.AllCaps == 0 &&
		p.lf[i]&notPerson == 0 && !lang.Honorifics[p.words[i]]
}

// givenNames returns the other words of the full name that token i, a
// capitalised word alone (no capitalised word next to it), is the surname
// of, or nil.
func (p *parser) givenNames(toks []text.Token, i int) []int32 {
	if toks[i].Flags&text.Cap == 0 || toks[i].Flags&text.Aux != 0 {
		return nil
	}
	capital := func(k int) bool {
		return k >= 0 && k < len(toks) && p.cls[k]&text.ClassCap != 0 && toks[k].Flags&text.Aux == 0
	}
	if capital(i-1) || capital(i+1) {
		return nil
	}
	if n, ok := p.surnames[p.ids[i]]; ok && !n.ambiguous {
		return n.given
	}
	return nil
}
