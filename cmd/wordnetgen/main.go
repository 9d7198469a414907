// Command wordnetgen compiles a WordNet database into the file that package
// facts/internal/wordnet embeds: factbot's lexical knowledge of English.
//
// It reads WordNet's index.*, data.*, *.exc and cntlist.rev files, keeps
// only word-level relations between lower-cased lemmas (no glosses, no
// synset structure) and writes three files:
//
//	<out>              the compiled relations, gzip-compressed (format in facts/internal/wordnet/format.go)
//	<out>.txt          its provenance: source package, SHA-256 of each input, the command line, the settings
//	<dir of out>/LICENSE.WordNet  WordNet's licence, copied from the header of data.noun
//
// The output is byte-identical on rerun with the same inputs and Go version.
// To regenerate the committed file (Debian's wordnet-base is WordNet 3.0):
//
//	apt-get install -y wordnet-base
//	go run ./cmd/wordnetgen -dict /usr/share/wordnet -out facts/internal/wordnet/wordnet.bin.gz
//
// -source names the package the files came from; by default it asks dpkg for
// wordnet-base's version.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/factbot/factbot/internal/cli"
)

func main() { cli.Main("wordnetgen", run) }

// run parses args, compiles the dictionary and writes the output files,
// reporting what it wrote on stdout.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("wordnetgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dict", "/usr/share/wordnet", "directory of the WordNet database files")
	out := fs.String("out", "facts/internal/wordnet/wordnet.bin.gz", "compiled `file` to write")
	source := fs.String("source", "", "package the files came from (default: dpkg's wordnet-base version)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: wordnetgen [-dict dir] [-out file] [-source package]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if *source == "" {
		*source = debianSource(ctx)
	}
	g, err := generate(*dir)
	if err != nil {
		return err
	}
	g.command = commandLine(args)
	g.source = *source
	files, err := g.files(*out)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := os.WriteFile(f.path, f.data, 0o644); err != nil {
			return fmt.Errorf("wordnetgen: %w", err)
		}
		fmt.Fprintf(stdout, "wrote %s (%d bytes)\n", f.path, len(f.data))
	}
	return nil
}
