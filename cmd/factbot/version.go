package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/factbot/factbot/facts"
)

// version is factbot's release, stamped at build time by scripts/build
// with -ldflags "-X main.version=…". It is the one package variable: the
// linker can set nothing else.
var version = "dev"

func runVersion(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	fs.SetOutput(stderr)
	notices := fs.Bool("notices", false, "print the notices of the data compiled in (WordNet, SQuAD, SCOWL)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: factbot version [--notices]\n\nPrints the version of factbot, or with --notices the notices of the data it includes.")
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	if *notices {
		fmt.Fprint(stdout, facts.Notices())
		return nil
	}
	fmt.Fprintf(stdout, "factbot %s\n", version)
	return nil
}
