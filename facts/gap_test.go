package facts

import (
	"slices"
	"testing"
)

func TestAbstentionExplains(t *testing.T) {
	b := seeds(t)
	for _, tt := range []struct {
		q         string
		smallTalk bool
		unknown   string // a word the gap must name
		kind      string // the kind the gap must say is missing
	}{
		{q: "thanks!", smallTalk: true},
		{q: "hi there", smallTalk: true},
		{q: "how much did the Upbit hack cost", unknown: "Upbit"},
		// No fact shares a word of it: still said which.
		{q: "how much did Xerxes give?", unknown: "Xerxes"},
	} {
		t.Run(tt.q, func(t *testing.T) {
			a := b.Ask(tt.q)
			if !a.Abstained() {
				t.Fatalf("Ask(%q) answered %q, want an abstention", tt.q, a.Text)
			}
			if a.SmallTalk != tt.smallTalk {
				t.Errorf("SmallTalk = %v, want %v", a.SmallTalk, tt.smallTalk)
			}
			if tt.unknown != "" && (a.Gap == nil || !slices.Contains(a.Gap.Unknown, tt.unknown)) {
				t.Errorf("Gap = %+v, want %q among the unknown words", a.Gap, tt.unknown)
			}
			if tt.kind != "" && (a.Gap == nil || a.Gap.Kind != tt.kind) {
				t.Errorf("Gap = %+v, want kind %q", a.Gap, tt.kind)
			}
			if tt.smallTalk && (a.Gap != nil || len(a.Suggestions) > 0) {
				t.Errorf("small talk got a gap %+v and %d suggestions", a.Gap, len(a.Suggestions))
			}
		})
	}
}

func TestDescribeGap(t *testing.T) {
	for _, tt := range []struct {
		gap  *Gap
		want string
	}{
		{nil, ""},
		{&Gap{Unknown: []string{"Upbit"}}, "They never mention “Upbit”."},
		{&Gap{Unknown: []string{"Upbit", "Coinbase", "Binance"}}, "They never mention “Upbit”, “Coinbase” and “Binance”."},
		{&Gap{Kind: "date"}, "The closest facts name no date for that."},
		{&Gap{Unknown: []string{"Upbit"}, Kind: "money"}, "They never mention “Upbit”. The closest facts name no amount for that."},
		{&Gap{Asked: Analysis{Class: "NUM:count", Focus: "employees", Constraints: []string{"Lazarus", "2018"}}, Counted: "employees"},
			"I read it as asking for a number of “employees”, about “Lazarus” and “2018”. The closest facts give no count of “employees”."},
		{&Gap{Asked: Analysis{Class: "NUM:date", Constraints: []string{"Upbit"}}, Unknown: []string{"Upbit"}},
			"I read it as asking for a date, about “Upbit”. They never mention “Upbit”."},
		{&Gap{Asked: Analysis{YesNo: true, Constraints: []string{"Kim"}}}, "I read it as asking whether it is so, about “Kim”."},
		{&Gap{Asked: Analysis{Class: "HUM:gr", Focus: "firm"}}, "I read it as asking for an organisation or group (“firm”)."},
	} {
		if got := DescribeGap(tt.gap); got != tt.want {
			t.Errorf("DescribeGap(%+v) = %q, want %q", tt.gap, got, tt.want)
		}
	}
}

// A question that asks for a date, over facts that name none, is not
// answered with one of them: the engine says what is missing.
func TestAbstentionNamesTheMissingKind(t *testing.T) {
	b := New([]Article{{ID: "harbour", Title: "Harbour news", Paragraphs: []string{
		"The council of Ostwick opened a new ferry terminal by the harbour.",
		"The ferry terminal has two berths and a cafe for passengers.",
	}}}, nil)
	for _, q := range []string{"When did Ostwick open the ferry terminal?", "In what year did the council open the terminal?"} {
		a := b.Ask(q)
		if !a.Abstained() {
			t.Errorf("Ask(%q) answered %q from facts that hold no %s", q, a.Text, a.Type)
			continue
		}
		if a.Gap == nil || a.Gap.Kind == "" {
			t.Errorf("Ask(%q): gap %+v, want the kind of answer missing", q, a.Gap)
		}
	}
}
