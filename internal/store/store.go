package store

import (
	"context"
	"errors"
	"time"
)

// A Store keeps questions and votes, and reports on them. Its methods are
// safe for concurrent use.
type Store interface {
	// RecordQuestion keeps a question and its outcome. A question whose ID
	// is already kept is ignored.
	RecordQuestion(ctx context.Context, q Question) error

	// RecordVote keeps a vote on an answer. A user's later vote on the
	// same answer replaces the earlier one.
	RecordVote(ctx context.Context, v Vote) error

	// Report reads what was asked and voted from since on.
	Report(ctx context.Context, since time.Time) (Report, error)

	// Purge removes the questions asked and the votes cast before before,
	// and returns how many records it removed.
	Purge(ctx context.Context, before time.Time) (int64, error)

	// Forget removes every question a user asked, the votes on them, and
	// every vote the user cast; it returns how many records it removed.
	Forget(ctx context.Context, userID string) (int64, error)

	// Close releases the store.
	Close() error
}

// A Question is one question asked and how it ended.
type Question struct {
	// ID names the answer, so that votes can refer to it: the Discord
	// interaction or message id, or one made up for HTTP. Required.
	ID string

	Time time.Time // when it was asked; zero means now
	Text string    // the question, as asked

	// Where it was asked: Via is "slash", "mention", "dm", "channel" or
	// "http"; the Discord ids are empty where they do not apply (GuildID
	// in a DM, all three over HTTP).
	Via       string
	GuildID   string
	ChannelID string
	UserID    string

	Answered    bool     // false when the engine abstained
	Confidence  float64  // the engine's confidence, in [0, 1]
	Facts       []string // the cited facts' ids (FactID), best first
	Suggestions []string // when it abstained, the ids of the closest facts offered
	Snapshot    string   // the fact base's snapshot id
	Latency     time.Duration
}

// A Vote is a 👍 (Helpful) or 👎 on an answer.
type Vote struct {
	AnswerID string    // the Question.ID of the answer voted on
	UserID   string    // who voted
	Time     time.Time // zero means now
	Helpful  bool
	Reason   Reason // why a 👎, if said
	Note     string // what the voter wrote, if anything
}

// A Reason is why an answer was voted down.
type Reason string

// The reasons a voter can pick.
const (
	ReasonNone          Reason = ""
	ReasonWrongFact     Reason = "wrong_fact"         // the fact cited does not answer
	ReasonWrongShort    Reason = "wrong_short_answer" // the fact is right, the short answer cut from it is not
	ReasonShouldAbstain Reason = "should_have_abstained"
	ReasonOther         Reason = "other"
)

// Reasons are the reasons a voter can pick, in the order they are offered.
var Reasons = []Reason{ReasonWrongFact, ReasonWrongShort, ReasonShouldAbstain, ReasonOther}

// Label is the reason as a person reads it.
func (r Reason) Label() string {
	switch r {
	case ReasonWrongFact:
		return "Wrong fact"
	case ReasonWrongShort:
		return "Wrong short answer"
	case ReasonShouldAbstain:
		return "Should have abstained"
	case ReasonOther:
		return "Other"
	}
	return ""
}

// Valid reports whether r is one of Reasons or none.
func (r Reason) Valid() bool { return r == ReasonNone || r.Label() != "" }

// Limits on what is kept, so that hostile input cannot fill the store.
const (
	MaxText  = 1000 // characters of a question
	MaxNote  = 300  // characters of a vote's note
	maxFacts = 25   // cited or suggested facts kept per question
)

// ErrInvalid is wrapped by the errors about a record that cannot be kept.
var ErrInvalid = errors.New("store: invalid record")
