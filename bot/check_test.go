package bot

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFigures(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"North Korea stole $900 million.", []string{"$900million"}},
		{"between $545 million to $735 million", []string{"$545million", "$735million"}},
		{"worth $4,500 or 700 Million USD, up 12 percent in 2019", []string{"$4500", "700million", "12%", "2019"}},
		{"no figures here, 42 cats", nil},
	} {
		if diff := cmp.Diff(tc.want, figures(tc.in)); diff != "" {
			t.Errorf("figures(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestClaims(t *testing.T) {
	got := claims("North Korea stole $900 million. It used the U.S. dollar! Ok.\nBitcoin hit $100,000 in 2025?\u200b")
	want := []string{"North Korea stole $900 million.", "It used the U.S. dollar!", "Bitcoin hit $100,000 in 2025?"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("claims (-want +got):\n%s", diff)
	}
	if got := claims(strings.Repeat("One more claim here. ", 20)); len(got) != maxClaims {
		t.Errorf("%d claims, want at most %d", len(got), maxClaims)
	}
}
