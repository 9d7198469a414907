package store

// The schema, the same in SQLite and PostgreSQL. Times are Unix
// milliseconds (BIGINT), booleans 0 or 1 (INTEGER), lists of ids one per
// line (TEXT), so that both engines read every column alike.
//
//	schema_migrations(version)          one row per migration applied
//	questions(
//	  id          TEXT PRIMARY KEY      Question.ID: the answer's id
//	  asked_at    BIGINT                Unix ms
//	  text, norm  TEXT                  the question, and its normalised form (Normalize)
//	  via, guild_id, channel_id, user_id TEXT   where; "" where it does not apply
//	  answered    INTEGER               0 when the engine abstained
//	  confidence  DOUBLE PRECISION
//	  facts       TEXT                  cited fact ids, one a line, best first
//	  suggestions TEXT                  closest fact ids offered on an abstention
//	  snapshot    TEXT                  the fact base's snapshot id
//	  latency_us  BIGINT)
//	citations(question_id, n, article)  one row per cited fact, for counts by article
//	votes(
//	  answer_id, user_id TEXT           PRIMARY KEY together: one vote per user per answer
//	  voted_at    BIGINT                Unix ms
//	  helpful     INTEGER               1 for 👍, 0 for 👎
//	  reason, note TEXT)
//	articles(                           (2) articles added from Discord by /factbot add
//	  id          TEXT PRIMARY KEY      the article's id: its file name without extension
//	  title, publisher TEXT
//	  facts       INTEGER               its sentences when it was added
//	  added_by, added_by_name TEXT      the admin's user id and name
//	  added_at    BIGINT                Unix ms
//	  body        TEXT                  (3) the article file as added; "" in rows from before 3
//	  ext         TEXT                  (3) its extension: ".txt" or ".md"
//	  sha256      TEXT)                 (3) the hex SHA-256 of body
//
// In PostgreSQL, a change to articles is announced on the channel
// factbot_articles (NOTIFY, with the article's id), so that every process
// sharing the database reloads its fact base (ListenArticles).
//
// Votes have no foreign key to questions: a question dropped by a full
// queue, or purged, may still have votes, which the report shows without
// their question.
//
// A migration is a list of statements, applied in order, once, in one
// transaction with its row in schema_migrations. Never edit a migration
// that has shipped: add the next one.
var migrations = [][]string{
	1: {
		`CREATE TABLE questions (
			id TEXT PRIMARY KEY,
			asked_at BIGINT NOT NULL,
			text TEXT NOT NULL,
			norm TEXT NOT NULL,
			via TEXT NOT NULL,
			guild_id TEXT NOT NULL DEFAULT '',
			channel_id TEXT NOT NULL DEFAULT '',
			user_id TEXT NOT NULL DEFAULT '',
			answered INTEGER NOT NULL,
			confidence DOUBLE PRECISION NOT NULL,
			facts TEXT NOT NULL DEFAULT '',
			suggestions TEXT NOT NULL DEFAULT '',
			snapshot TEXT NOT NULL DEFAULT '',
			latency_us BIGINT NOT NULL
		)`,
		`CREATE INDEX questions_asked_at ON questions (asked_at)`,
		`CREATE INDEX questions_user_id ON questions (user_id)`,
		`CREATE TABLE citations (
			question_id TEXT NOT NULL,
			n INTEGER NOT NULL,
			article TEXT NOT NULL,
			PRIMARY KEY (question_id, n)
		)`,
		`CREATE TABLE votes (
			answer_id TEXT NOT NULL,
			user_id TEXT NOT NULL,
			voted_at BIGINT NOT NULL,
			helpful INTEGER NOT NULL,
			reason TEXT NOT NULL DEFAULT '',
			note TEXT NOT NULL DEFAULT '',
			PRIMARY KEY (answer_id, user_id)
		)`,
		`CREATE INDEX votes_voted_at ON votes (voted_at)`,
		`CREATE INDEX votes_user_id ON votes (user_id)`,
	},
	2: {
		`CREATE TABLE articles (
			id TEXT PRIMARY KEY,
			title TEXT NOT NULL,
			publisher TEXT NOT NULL DEFAULT '',
			facts INTEGER NOT NULL,
			added_by TEXT NOT NULL DEFAULT '',
			added_by_name TEXT NOT NULL DEFAULT '',
			added_at BIGINT NOT NULL
		)`,
	},
	3: {
		`ALTER TABLE articles ADD COLUMN body TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE articles ADD COLUMN ext TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE articles ADD COLUMN sha256 TEXT NOT NULL DEFAULT ''`,
	},
}

// SchemaVersion is the version of the schema this build writes.
func SchemaVersion() int { return len(migrations) - 1 }
