package bot

import "time"

// Metrics receives what the bot counts and times, for a metrics system to
// export. The bot calls it from many goroutines at once. A nil Metrics in
// Config counts nothing.
type Metrics interface {
	// Question is called once for each question the bot is asked, when it
	// has been answered, declined or failed; latency runs from the event's
	// arrival to the end of the reply's REST call.
	Question(via Via, outcome Outcome, latency time.Duration)

	// Autocomplete is called once for each autocomplete request answered.
	Autocomplete(latency time.Duration)

	// Feedback is called when someone presses 👍 (helpful) or 👎 on an answer.
	Feedback(helpful bool)

	// RESTError is called when a REST call to Discord fails; call names it
	// ("reply", "register", …).
	RESTError(call string)

	// Gateway is called at each change of a shard's gateway connection.
	Gateway(shard int, event GatewayEvent)
}

// Via is where a question was asked.
type Via string

// The places a question comes from.
const (
	ViaSlash   Via = "slash"   // the /ask command
	ViaMention Via = "mention" // a message that mentions the bot
	ViaDM      Via = "dm"      // a direct message to the bot
	ViaChannel Via = "channel" // a message ending in "?" in one of Config.Channels
	ViaApp     Via = "app"     // the message command "Ask factbot"
	ViaReply   Via = "reply"   // a reply to one of the bot's answers, read in its context
	ViaThread  Via = "thread"  // a question in a thread started from an answer, read in its context
)

// Outcome is how a question ended.
type Outcome string

// The outcomes of a question.
const (
	OutcomeAnswered  Outcome = "answered"  // the engine answered, with citations
	OutcomeAbstained Outcome = "abstained" // the engine declined, with suggestions
	OutcomeCooldown  Outcome = "cooldown"  // the user asked too often and was told to wait
	OutcomeError     Outcome = "error"     // the engine or the reply failed
)

// GatewayEvent is a change of the gateway connection.
type GatewayEvent string

// The gateway events.
const (
	GatewayReady      GatewayEvent = "ready"      // a new session began (READY)
	GatewayResumed    GatewayEvent = "resumed"    // a session was resumed (RESUMED)
	GatewayDisconnect GatewayEvent = "disconnect" // the connection was lost or closed
	GatewayReconnect  GatewayEvent = "reconnect"  // the bot is connecting again after a loss
)

// nopMetrics counts nothing.
type nopMetrics struct{}

func (nopMetrics) Question(Via, Outcome, time.Duration) {}
func (nopMetrics) Autocomplete(time.Duration)           {}
func (nopMetrics) Feedback(bool)                        {}
func (nopMetrics) RESTError(string)                     {}
func (nopMetrics) Gateway(int, GatewayEvent)            {}
