package answerjson

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/factbot/factbot/facts"
)

// Write writes a as one line of JSON: the object, then a newline. The
// encoding is encoding/json's, HTML-escaped, with the field names of
// facts.Answer.
func Write(w io.Writer, a facts.Answer) error {
	data, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("answerjson: %w", err)
	}
	data = append(data, '\n')
	if _, err := w.Write(data); err != nil {
		return fmt.Errorf("answerjson: %w", err)
	}
	return nil
}
