package answerjson

import (
	"bytes"
	"testing"

	"github.com/factbot/factbot/facts"
	"github.com/google/go-cmp/cmp"
)

func TestWrite(t *testing.T) {
	tests := []struct {
		name string
		in   facts.Answer
		want string
	}{{
		name: "abstention keeps an empty citation list",
		in:   facts.Answer{Question: "why?", Citations: []facts.Citation{}},
		want: `{"question":"why?","answer":"","confidence":0,"citations":[]}` + "\n",
	}, {
		name: "answer with a citation, HTML escaped",
		in: facts.Answer{
			Question: "<b>who</b> & what?", Text: "RUSI", Confidence: 0.5, Type: "org",
			Citations: []facts.Citation{{N: 1, Source: "a", Title: "T", Paragraph: 2, Quote: "RUSI said so."}},
		},
		want: `{"question":"\u003cb\u003ewho\u003c/b\u003e \u0026 what?","answer":"RUSI","confidence":0.5,` +
			`"citations":[{"n":1,"source":"a","title":"T","paragraph":2,"quote":"RUSI said so."}],"type":"org"}` + "\n",
	}, {
		name: "a follow-up shows how it was read and the articles it was kept to",
		in: facts.Answer{
			Question: "and the other one?", Text: "RUSI", Confidence: 0.5, Citations: []facts.Citation{},
			Resolved: "Who wrote the report?", Within: []string{"b"},
		},
		want: `{"question":"and the other one?","answer":"RUSI","confidence":0.5,"citations":[],` +
			`"resolved":"Who wrote the report?","within":["b"]}` + "\n",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, tt.in); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, buf.String()); diff != "" {
				t.Errorf("Write (-want +got):\n%s", diff)
			}
		})
	}
}
