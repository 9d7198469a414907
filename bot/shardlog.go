package bot

import (
	"context"
	"log/slog"
)

// The events of a shard are handled with a context that names the shard,
// and the bot's logger adds it to each record logged with that context
// (InfoContext and the like): "question" and "feedback" lines say which
// shard the question came on, as the gateway's lines do.

type shardKey struct{}

// withShard returns ctx naming shard id.
func withShard(ctx context.Context, id int) context.Context {
	return context.WithValue(ctx, shardKey{}, id)
}

// shardLogHandler adds the shard of the context, if it names one, to each
// record.
type shardLogHandler struct{ slog.Handler }

func (h shardLogHandler) Handle(ctx context.Context, r slog.Record) error {
	if id, ok := ctx.Value(shardKey{}).(int); ok {
		r = r.Clone()
		r.AddAttrs(slog.Int("shard", id))
	}
	return h.Handler.Handle(ctx, r)
}

func (h shardLogHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return shardLogHandler{h.Handler.WithAttrs(attrs)}
}

func (h shardLogHandler) WithGroup(name string) slog.Handler {
	return shardLogHandler{h.Handler.WithGroup(name)}
}
