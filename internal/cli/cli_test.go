package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"testing"
)

func TestExit(t *testing.T) {
	for _, tt := range []struct {
		err     error
		code    int
		printed string
	}{
		{nil, 0, ""},
		{flag.ErrHelp, 2, ""},
		{fmt.Errorf("parse: %w", flag.ErrHelp), 2, ""},
		{errors.New("no such folder"), 1, "tool: no such folder\n"},
	} {
		var out bytes.Buffer
		if code := Exit("tool", tt.err, &out); code != tt.code || out.String() != tt.printed {
			t.Errorf("Exit(%v) = %d, printed %q; want %d, %q", tt.err, code, out.String(), tt.code, tt.printed)
		}
	}
}
