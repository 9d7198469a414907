package facts

import "testing"

// TestQuotedTitle checks that a "what song" question with no name beside
// its thing asked about is answered by the fact's quoted title, the one
// nearest the question's names, and never by a quote of speech or one the
// question holds.
func TestQuotedTitle(t *testing.T) {
	tests := []struct{ fact, q, want string }{
		{`Jax, the third place finalist, also released a single called "Forcefield".`, "What song did Jax release?", "Forcefield"},
		{`Glover released “I Am Beautiful” as a single while Harrison released “All Cried Out” after the show.`, "What song did Harrison release after the show?", "All Cried Out"},
		{`Glover released “I Am Beautiful” as a single while Harrison released “All Cried Out” after the show.`, "What song did Glover release as a single?", "I Am Beautiful"},
		{`“Hallelujah,” which Castro sang in the semi-final, went to number one.`, "What song did Castro sing in the semi-final?", "Hallelujah"},
		// Speech is no title, nor is a quote the question gives.
		{`The mayor said "We Will Rebuild Every Bridge In The Valley Before The Winter Comes" on Friday.`, "What did the mayor promise on Friday?", ""},
		{`The band played "Blue Moon" at the fair.`, `Where did the band play "Blue Moon"?`, ""},
	}
	for _, tt := range tests {
		b := New([]Article{{ID: "a", Title: "Music", Paragraphs: []string{tt.fact}}}, nil, noAbstain)
		s := b.getScratch()
		r, ok := b.search(s, tt.q)
		if !ok {
			t.Errorf("%q: nothing found", tt.q)
			b.pool.Put(s)
			continue
		}
		got := b.extractOf(s, &r.q, &r.c, r.cands[0].fact).quotedTitle()
		b.pool.Put(s)
		if got != tt.want {
			t.Errorf("%q of %q: quotedTitle %q, want %q", tt.q, tt.fact, got, tt.want)
		}
	}
}

// TestWorkTitleBeforeName checks that a question about a work (a song, a
// film) is answered with its quoted title though a name is nearer the
// thing asked about, and that any other question still takes the name.
func TestWorkTitleBeforeName(t *testing.T) {
	tests := []struct{ fact, q, want string }{
		{`In the semi-final Castro sang the Leonard Cohen song "Hallelujah" to great praise.`, "Which song did Castro sing in the semi-final?", "Hallelujah"},
		{`Castro drew praise from the magazine Billboard for his song "Hallelujah" in the semi-final.`, "Which magazine praised Castro?", "Billboard"},
	}
	for _, tt := range tests {
		if got := askOne(tt.fact, tt.q).Text; got != tt.want {
			t.Errorf("%q: short answer %q, want %q", tt.q, got, tt.want)
		}
	}
}
