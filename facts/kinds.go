package facts

// A kind is a set of things a fact mentions, and so can answer.
type kind uint16

const (
	kMoney   kind = 1 << iota // an amount of money
	kCount                    // a number that is not a year or an amount of money
	kPercent                  // a percentage
	kDate                     // a year, month or day
	kName                     // a proper name
	kPerson                   // a name of two or more words that is not an organisation's
	kOrg                      // an organisation's name or an acronym
	kPlace                    // a name after "in", "at", "from"… or with a place word
	kReason                   // a cause: "because", "due to", "in order to"
	kList                     // several names joined by commas or "and"
)

var kindNames = []struct {
	k    kind
	name string
}{
	{kMoney, "money"}, {kCount, "count"}, {kPercent, "percent"}, {kDate, "date"},
	{kName, "name"}, {kPerson, "person"}, {kOrg, "organisation"}, {kPlace, "place"},
	{kReason, "reason"}, {kList, "list"},
}

func (k kind) String() string {
	for _, n := range kindNames {
		if k&n.k != 0 {
			return n.name
		}
	}
	return ""
}
