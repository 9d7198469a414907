// Package cli is the main function the project's tool commands share: a
// context cancelled by SIGINT or SIGTERM, the command's run function, and
// the exit status (2 for a usage error, 1 for any other).
package cli

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

// Main runs run with the command line's arguments, standard output and
// standard error, under a context that SIGINT and SIGTERM cancel, and exits
// with its status. An error is printed prefixed with the command's name,
// except flag.ErrHelp, whose usage the flag package has printed already.
func Main(name string, run func(ctx context.Context, args []string, stdout, stderr io.Writer) error) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(Exit(name, err, os.Stderr))
}

// Exit reports err on stderr as Main does and returns the exit status.
func Exit(name string, err error, stderr io.Writer) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 2
	}
	fmt.Fprintf(stderr, "%s: %v\n", name, err)
	return 1
}
