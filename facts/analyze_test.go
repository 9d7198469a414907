package facts

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAnalyze(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want Analysis
	}{
		{"How much crypto has North Korea stolen?", Analysis{Class: "NUM:money", Focus: "crypto", Constraints: []string{"North Korea"}}},
		{"How many employees did the firm have in 2018?", Analysis{Class: "NUM:count", Focus: "employees", Constraints: []string{"2018"}}},
		{"How many people work for the agency?", Analysis{Class: "NUM:count", Focus: "people"}},
		// A noun phrase asked as a question, as in chat.
		{"capital of north korea?", Analysis{Class: "ENTY:other", Focus: "capital"}},
		{"the price of the ticket?", Analysis{Class: "NUM:money", Focus: "price"}},
		{"of course?", Analysis{}},
		{"Which countries border Chad?", Analysis{Class: "LOC:country", Focus: "countries", Constraints: []string{"Chad"}}},
		{"How many car parts does it have?", Analysis{Class: "NUM:count", Focus: "car parts"}},
		{"When was the report published?", Analysis{Class: "NUM:date"}},
		{"What year did the war end?", Analysis{Class: "NUM:date", Focus: "year"}},
		{"What percentage of voters backed Smith?", Analysis{Class: "NUM:perc", Focus: "percentage", Constraints: []string{"Smith"}}},
		{"How long did the siege last?", Analysis{Class: "NUM:period"}},
		{"Who is Sergei Neverov?", Analysis{Class: "HUM:desc", Constraints: []string{"Sergei Neverov"}}},
		{"What is Pyongyang?", Analysis{Class: "DESC:def", Constraints: []string{"Pyongyang"}}},
		{"What is polyethylene?", Analysis{Class: "DESC:def"}},
		{"What is the price?", Analysis{Class: "NUM:money", Focus: "price"}},
		{"Who founded the company?", Analysis{Class: "HUM:ind"}},
		{"Which politician resigned?", Analysis{Class: "HUM:ind", Focus: "politician"}},
		{"Which company built the bridge?", Analysis{Class: "HUM:gr", Focus: "company"}},
		{"Which team won the cup?", Analysis{Class: "HUM:gr", Focus: "team"}},
		{"Which organisations were fined?", Analysis{Class: "HUM:gr", Focus: "organisations"}}, // British spelling, typed as the American
		{"Which nation hosted the games?", Analysis{Class: "LOC:country", Focus: "nation"}},
		{"Which city hosted the summit?", Analysis{Class: "LOC:city", Focus: "city"}},
		{"Which province borders Ontario?", Analysis{Class: "LOC:other", Focus: "province", Constraints: []string{"Ontario"}}},
		{"Where was Paolo Brandt born?", Analysis{Class: "LOC:other", Constraints: []string{"Paolo Brandt"}}},
		{"Why did the ferries stop?", Analysis{Class: "DESC:reason"}},
		{"How did the hackers get in?", Analysis{Class: "DESC:manner"}},
		{"Which song topped the charts?", Analysis{Class: "ENTY:other", Focus: "song"}},
		// Typed by the dominant sense's ancestors: an actor is a performer,
		// an entertainer, a person; an army a military service, a force,
		// an organization; a neighborhood a section, an area, a region, a
		// location. A poem's kinds (writing, communication) type nothing.
		{"Which actor played the villain?", Analysis{Class: "HUM:ind", Focus: "actor"}},
		{"Which army withdrew?", Analysis{Class: "HUM:gr", Focus: "army"}},
		{"Which neighborhood has the park?", Analysis{Class: "LOC:other", Focus: "neighborhood"}},
		{"Which poem won?", Analysis{Class: "ENTY:other", Focus: "poem"}},
		// "Where" with a word of ranking asks for a position.
		{"Where does Oslo rank among cities?", Analysis{Class: "NUM:ord", Constraints: []string{"Oslo"}}},
		{"In what place was the team ranked?", Analysis{Class: "NUM:ord", Focus: "place"}},
		// A term is a word in its dominant sense, not a term of office.
		{"What term describes the tax?", Analysis{Class: "ENTY:other", Focus: "term"}},
		{"What is the foggiest Canadian city?", Analysis{Class: "LOC:city", Focus: "foggiest Canadian city", Constraints: []string{"Canadian"}}},
		{"What is the largest city of Norway?", Analysis{Class: "LOC:city", Focus: "largest city", Constraints: []string{"Norway"}}},
		{"What kind of city is Oslo?", Analysis{Class: "LOC:city", Focus: "city", Constraints: []string{"Oslo"}}},
		{"Did the council approve the bridge?", Analysis{YesNo: true}},
		// What a name owns is the thing asked about; a word of a name
		// types nothing ("General" asks for no person).
		{"What is the Reconnaissance General Bureau's budget?", Analysis{Class: "ENTY:other", Focus: "budget", Constraints: []string{"Reconnaissance General Bureau"}}},
		{"What was Elizabeth's nickname?", Analysis{Class: "ENTY:other", Focus: "nickname", Constraints: []string{"Elizabeth"}}},
		{"What was the Seven Years' War fought over?", Analysis{Class: "ENTY:other", Constraints: []string{"Seven Years' War"}}},
		{"Which President signed the act?", Analysis{Class: "HUM:ind", Focus: "President", Constraints: []string{"President"}}},
		// Asked to list or name: as "which".
		{"List the countries North Korea attacked", Analysis{Class: "LOC:country", Focus: "countries", Constraints: []string{"North Korea"}}},
		{"name all the companies that were fined", Analysis{Class: "HUM:gr", Focus: "companies"}},
		{"Name of the firm?", Analysis{Class: "HUM:ind", Focus: "Name"}}, // no imperative: a noun phrase asked
	} {
		if got := Analyze(tc.q); !cmp.Equal(got, tc.want) {
			t.Errorf("Analyze(%q) = %+v, want %+v", tc.q, got, tc.want)
		}
	}
}
