package main

import "testing"

// FuzzParse checks that no data or index line makes the parser panic.
func FuzzParse(f *testing.F) {
	f.Add("00001740 03 n 01 entity 0 003 ~ 00001930 n 0000 ~ 00002137 n 0000 ~ 04424418 n 0000 | that which is perceived")
	f.Add("00000000 40 v 02 buy 0 purchase 0 001 + 00002590 n 0201 01 + 08 00 | obtain by purchase")
	f.Add("car n 1 3 @ ~ %p 1 1 00001950")
	f.Fuzz(func(t *testing.T, line string) {
		d := &dict{synsets: map[synsetKey]*synset{}, senses: map[string][]sense{}}
		_ = d.addSynset(0, line, 0)
		_ = d.addSynset(0, line, 1740)
		_ = d.addIndex(0, line, map[countKey]int{})
		if len(d.synsets) > 0 {
			build(d)
		}
	})
}
