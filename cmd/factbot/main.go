// Command factbot answers questions from news articles, citing its sources.
//
//	factbot ask "How much crypto has North Korea stolen?"
//	factbot facts
//	factbot version
//
// Run "factbot help" for every command.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	interrupted := ctx.Err() != nil
	stop()
	if err != nil {
		switch {
		case errors.Is(err, flag.ErrHelp):
		case errors.Is(err, context.Canceled) && interrupted:
			fmt.Fprintln(os.Stderr, "factbot: interrupted")
		default:
			fmt.Fprintln(os.Stderr, "factbot:", err)
		}
		os.Exit(exitCode(err))
	}
}

// exitCode is 2 for usage errors, as the flag package has it, and 1 otherwise.
func exitCode(err error) int {
	var u usageError
	if errors.As(err, &u) || errors.Is(err, flag.ErrHelp) {
		return 2
	}
	return 1
}

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

const usage = `factbot answers questions from news articles, and cites its sources.

Usage:
  factbot ask [--articles DIR] [--json] [QUESTION]   answer a question (or each line of standard input)
  factbot facts [--articles DIR]                     list the facts it knows and the files it skipped
  factbot serve [--articles DIR]                     run the Discord bot (needs DISCORD_TOKEN); see --help
  factbot bench [--articles DIR] [--questions FILE]  measure build time, memory and answer latency
  factbot report [--since 7d] [--format F]           report what the bot was asked: unanswered, voted down, cited
  factbot health [--http-addr ADDR]                  probe a running server's /healthz: exit 0 if alive, 1 if not
  factbot version                                    print the version

Without --articles, factbot answers from the two seed articles built into it.
Run "factbot COMMAND --help" for a command's options.
`

// run is the whole program, with its surroundings passed in so that tests
// can run it.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usageError{"no command given"}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "ask":
		return runAsk(ctx, rest, stdin, stdout, stderr)
	case "facts":
		return runFacts(ctx, rest, stdout, stderr)
	case "serve":
		return runServe(ctx, rest, getenv, stderr)
	case "bench":
		return runBench(ctx, rest, stdout, stderr)
	case "health":
		return runHealth(ctx, rest, getenv, stdout, stderr)
	case "report":
		return runReport(ctx, rest, getenv, stdout, stderr)
	case "version", "--version":
		return runVersion(rest, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return usageError{fmt.Sprintf("unknown command %q", cmd)}
}
