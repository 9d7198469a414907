package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// A setting is one option of a command: a flag, the environment variable
// that sets it when the flag is not given, and a default for when neither
// is. One table of settings drives the flags, the environment, the help
// and the README's configuration table.
type setting struct {
	flag   string // the flag's name, without dashes
	env    string // the environment variable
	def    string // the default, as a user would write it; "" for none
	none   string // what an empty value means, for help ("off"); "" for "none"
	arg    string // the value's placeholder in help ("DIR"); "" for a boolean flag
	usage  string // what it does, in a phrase
	secret bool   // never echo the value

	// set parses and stores the value, "" when it is unset and has no
	// default; an error says what is wrong with it, not where it came from.
	set func(v string) error
}

// flagValue is a setting's flag: it remembers whether it was given, so
// that a flag given with its default value still wins over the
// environment.
type flagValue struct {
	value   string
	given   bool
	boolean bool
}

func (f *flagValue) String() string {
	if f == nil {
		return ""
	}
	return f.value
}

func (f *flagValue) Set(v string) error {
	f.value, f.given = v, true
	return nil
}

func (f *flagValue) IsBoolFlag() bool { return f.boolean }

// parseSettings registers ss on fs, parses args, and sets each setting
// from its flag, else its environment variable, else its default. It
// reports every bad value at once, each naming where it came from.
func parseSettings(fs *flag.FlagSet, ss []setting, args []string, getenv func(string) string) error {
	vals := make([]flagValue, len(ss))
	for i, s := range ss {
		vals[i].boolean = s.arg == ""
		fs.Var(&vals[i], s.flag, s.usage)
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	var errs []error
	for i, s := range ss {
		v, from := s.def, "the default of --"+s.flag
		if e := getenv(s.env); e != "" {
			v, from = e, s.env
		}
		if vals[i].given {
			v, from = vals[i].value, "--"+s.flag
		}
		if err := s.set(v); err != nil {
			if s.secret {
				errs = append(errs, fmt.Errorf("invalid %s: %w", from, err))
			} else {
				errs = append(errs, fmt.Errorf("invalid %s %q: %w", from, v, err))
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return usageError{err.Error()}
	}
	return nil
}

// shown is the default as help shows it.
func (s setting) shown() string {
	switch {
	case s.def != "":
		return s.def
	case s.none != "":
		return s.none
	}
	return "none"
}

// printSettings writes the help for ss: each flag, what it does, its
// environment variable and its default.
func printSettings(w io.Writer, ss []setting) {
	for _, s := range ss {
		name := "--" + s.flag
		if s.arg != "" {
			name += " " + s.arg
		}
		fmt.Fprintf(w, "  %s\n    \t%s\n    \t(env %s; default %s)\n", name, s.usage, s.env, s.shown())
	}
}

// settingsTable returns ss as a Markdown table, as the README shows it.
func settingsTable(ss []setting) string {
	var b strings.Builder
	b.WriteString("| Flag | Environment variable | Default | Meaning |\n")
	b.WriteString("| --- | --- | --- | --- |\n")
	for _, s := range ss {
		name := "--" + s.flag
		if s.arg != "" {
			name += " " + s.arg
		}
		def := "`" + s.def + "`"
		if s.def == "" {
			def = s.shown()
		}
		fmt.Fprintf(&b, "| `%s` | `%s` | %s | %s |\n", name, s.env, def, strings.ReplaceAll(s.usage, "|", `\|`))
	}
	return b.String()
}
