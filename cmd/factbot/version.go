package main

import (
	"flag"
	"fmt"
	"io"
)

// version is factbot's release, stamped at build time by scripts/build
// with -ldflags "-X main.version=…". It is the one package variable: the
// linker can set nothing else.
var version = "dev"

func runVersion(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintln(stderr, "Usage: factbot version\n\nPrints the version of factbot.") }
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	fmt.Fprintf(stdout, "factbot %s\n", version)
	return nil
}
