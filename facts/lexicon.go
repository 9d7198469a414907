package facts

import (
	"strings"

	"github.com/kljensen/snowball/english"
)

// This file holds the general English word lists the engine uses. None of
// them is about any corpus: corpus names belong in an aliases file beside
// the articles, and acronyms are learned from the articles.

// stopwords are words too common to match on. They stay in a fact's token
// sequence (for proximity) but are not indexed.
var stopwords = setOf(`a about above after again against all also am an and any are aren as at
be been before being below between both but by can cannot could couldn did didn do does
doesn doing don down during each either else ever few for from further had hadn has hasn have
haven having he her here hers herself him himself his how however i if in into is isn it its
itself just let ll many me might more most much must mustn my myself neither no nor not now of off on
once only or other ought our ours ourselves out over own re s same shall shan she should shouldn
some such t than that the their theirs them themselves then there these they this those
through thus to too under until up upon us ve very was wasn we were weren what whatever when
whenever where wherever whether which while who whom whose why will with won wouldn would yet you
your yours yourself yourselves d m o y ain isnt dont doesnt didnt wont cant thats whats hows
whos wheres whens theres`)

// chatter are words of small talk and request phrasing: they carry no
// content in a question ("thanks!", "tell me about …", "please").
var chatter = setOf(`hi hello hey thanks thank thx ty please pls tell know explain give show
find list name describe want wondering wonder ok okay yes yeah nope sure bye goodbye cheers
lol hmm anyone someone somebody something anything kind sort type like really actually
exactly approximately roughly basically currently today`)

// irregular maps irregular English word forms to their base form, so that
// "stole" and "stolen" match "steal".
var irregular = pairsOf(`arose:arise arisen:arise awoke:awake awoken:awake was:be were:be been:be
bore:bear borne:bear beat:beat beaten:beat became:become began:begin begun:begin bent:bend
bet:bet bound:bind bitten:bite bled:bleed blew:blow blown:blow broke:break
broken:break bred:breed brought:bring broadcast:broadcast built:build burnt:burn burst:burst
bought:buy caught:catch chose:choose chosen:choose clung:cling came:come cost:cost crept:creep
cut:cut dealt:deal dug:dig did:do done:do drew:draw drawn:draw dreamt:dream drank:drink
drunk:drink drove:drive driven:drive ate:eat eaten:eat fell:fall fallen:fall fed:feed felt:feel
fought:fight fled:flee flung:fling flew:fly flown:fly forbade:forbid
forbidden:forbid forgot:forget forgotten:forget forgave:forgive forgiven:forgive froze:freeze
frozen:freeze got:get gotten:get gave:give given:give went:go gone:go grew:grow
grown:grow hung:hang had:have heard:hear hid:hide hidden:hide hit:hit held:hold hurt:hurt
kept:keep knelt:kneel knew:know known:know laid:lay led:lead leapt:leap learnt:learn
lent:lend lit:light lost:lose made:make meant:mean met:meet mistook:mistake
paid:pay proved:prove proven:prove put:put quit:quit read:read rode:ride ridden:ride rang:ring
rung:ring rose:rise risen:rise ran:run said:say saw:see seen:see sought:seek sold:sell sent:send
set:set shook:shake shaken:shake shed:shed shone:shine shot:shoot showed:show shown:show
shrank:shrink shrunk:shrink shut:shut sang:sing sung:sing sank:sink sunk:sink sat:sit slept:sleep
slid:slide slung:sling spoke:speak spoken:speak sped:speed spent:spend spun:spin spat:spit
split:split spread:spread sprang:spring sprung:spring stood:stand stole:steal stolen:steal
stuck:stick stung:sting stank:stink struck:strike stricken:strike strove:strive striven:strive
swore:swear sworn:swear swept:sweep swam:swim swum:swim swung:swing took:take taken:take
taught:teach tore:tear torn:tear told:tell thought:think threw:throw thrown:throw thrust:thrust
trod:tread trodden:tread understood:understand undertook:undertake undertaken:undertake
upset:upset woke:wake woken:wake wore:wear worn:wear wove:weave woven:weave wept:weep won:win
withdrew:withdraw withdrawn:withdraw wrote:write written:write overtook:overtake
overtaken:overtake overthrew:overthrow overthrown:overthrow underwent:undergo undergone:undergo
men:man women:woman children:child people:person mice:mouse geese:goose feet:foot teeth:tooth
wives:wife lives:life knives:knife leaves:leaf analyses:analysis crises:crisis theses:thesis
criteria:criterion phenomena:phenomenon indices:index`)

// synonyms are small groups of everyday words that a question may use for
// what a text says another way. A question word also matches the other
// words of its group, a little below an exact match.
var synonyms = groupsOf(`buy purchase acquire spend
plane aircraft airplane airliner jet
steal theft heist rob robbery loot thief embezzle
hack hacker breach
hacker cybercriminal
publish release issue
sanction embargo
summit meeting conference
malware ransomware virus
jewelry jewellery
defense defence
organization organisation
program programme
center centre
color colour
labor labour
favor favour
honor honour
analyze analyse
license licence
theater theatre
gray grey
money fund cash
big large huge
small little tiny
begin start commence
found establish
create make build
end finish
die death dead
kill murder slay
say state claim note indicate assert declare
call name dub refer nickname aka alias
country nation
company firm business corporation enterprise
city town
car automobile vehicle
job occupation profession
help assist aid
use utilize employ
need require
get obtain receive gain
rich wealthy
price cost
fast quick rapid
pay payment
lose loss
grow growth increase rise
decrease decline drop fall
film movie
child kid
home house residence
writer author
ship boat vessel
shop store
answer reply respond
law legislation statute
goal aim purpose objective
reason cause motive impetus
old ancient
speak talk
doctor physician
ill sick
sell trade
choose select pick
try attempt
happen occur
show display exhibit
allow permit
stop halt cease
mostly mainly predominantly primarily chiefly
worth value
crypto cryptocurrency
leader head chief
employee staff worker
work employ
salary wage pay
attack assault strike hit cyberattack`)

// questionWords open questions; they are stop words, but tell the
// question's type.
var questionWords = setOf(`what which who whom whose when where why how`)

func setOf(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

func pairsOf(pairs string) map[string]string {
	m := make(map[string]string)
	for _, p := range strings.Fields(pairs) {
		from, to, _ := strings.Cut(p, ":")
		m[from] = to
	}
	return m
}

func groupsOf(lines string) [][]string {
	var gs [][]string
	for _, line := range strings.Split(lines, "\n") {
		if ws := strings.Fields(line); len(ws) > 1 {
			gs = append(gs, ws)
		}
	}
	return gs
}

// stem returns the index term of a folded word: its base form for irregular
// words, then its Snowball (Porter2) stem. Numbers are their own term.
func stem(w string) string {
	if w == "" || isDigit(w[0]) || 'A' <= w[0] && w[0] <= 'Z' {
		return w // a number, or an all-caps stop word kept apart ("US")
	}
	if base, ok := irregular[w]; ok {
		w = base
	}
	if len(w) <= 2 {
		return w
	}
	return english.Stem(w, false)
}
