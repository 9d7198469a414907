package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/factbot/factbot/facts"
	"github.com/factbot/factbot/internal/report"
)

const reportUsage = `Usage: factbot report [--since 7d] [--format text|csv|json] [flags]

Reads the store that "factbot serve" writes (FACTBOT_DATA or
FACTBOT_DATABASE_URL, as the bot has them) and prints the admin's report:
the questions it could not answer, grouped, with the closest facts it
offered; the answers voted down, with their reasons; the articles most and
least cited. It may run beside a running bot.

`

// runReport prints the report of what the bot was asked.
func runReport(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var sc storeConfig
	ss := storeSettings(&sc)
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	since := fs.String("since", "7d", "report on what was asked this long ago and since, such as 7d or 12h; 0 for everything kept")
	format := fs.String("format", "text", "text, csv or json")
	bf := new(baseFlags)
	bf.register(fs)
	fs.Usage = func() {
		fmt.Fprint(stderr, reportUsage)
		fs.PrintDefaults()
		fmt.Fprintln(stderr, "\nThe store (a flag wins over its variable):")
		printSettings(stderr, ss)
	}
	if err := parseSettings(fs, ss, args, getenv); err != nil {
		return err
	}
	d, err := parseDays(*since)
	if err != nil {
		return usageError{fmt.Sprintf("invalid --since %q: %v", *since, err)}
	}
	f, err := report.ParseFormat(*format)
	if err != nil {
		return usageError{fmt.Sprintf("invalid --format %q: want text, csv or json", *format)}
	}
	if bf.articles == "" {
		bf.articles = getenv("FACTBOT_ARTICLES")
	}

	db, err := sc.open(ctx)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	defer db.Close()
	var from time.Time
	if d > 0 {
		from = time.Now().Add(-d)
	}
	r, err := db.Report(ctx, from)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	// The articles never cited are those of the fact base the bot serves.
	if b, err := bf.load(ctx, stderr); err != nil {
		fmt.Fprintf(stderr, "factbot: report: the articles never cited are left out: %v\n", err)
	} else {
		r.WithArticles(articleIDs(b))
	}
	return report.Write(stdout, f, r)
}

// articleIDs returns the ids of b's articles.
func articleIDs(b *facts.Base) []string {
	as := b.Articles()
	ids := make([]string, len(as))
	for i, a := range as {
		ids[i] = a.ID
	}
	return ids
}
