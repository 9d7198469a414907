package spell

// Edit costs, in tenths of an edit. The edits are Damerau's: a letter typed
// in, left out, replaced, or two neighbours swapped. The slips of a typing
// hand cost less than the rest: a letter doubled or one of a double left
// out ("hackerss", "adress"), a key next to the right one, two neighbours
// swapped ("teh"). An edit to the first letter costs one edit more, as in
// Meilisearch, since people rarely miss a word's first letter.
const (
	editCost  = 10
	slipCost  = 8
	firstCost = 10 // added to an edit at the first letter
	maxLen    = 32 // longer words are not corrected
)

// budget is the edits a typed word of n letters may have, in tenths: none
// under 3 letters, 1 up to 8 and 2 from 9 on (Meilisearch and Typesense
// allow 1 from 5 letters; here a word of 3 or 4 letters may have one, but
// never on its first letter, which costs 2).
func budget(n int) int {
	switch {
	case n < 3:
		return 0
	case n < 9:
		return editCost
	default:
		return 2 * editCost
	}
}

// keyboard rows of a QWERTY keyboard.
var keyboard = [3]string{"qwertyuiop", "asdfghjkl", "zxcvbnm"}

// neighbours[a] has bit b-'a' set where keys a and b touch.
var neighbours = func() (n [26]uint32) {
	for r, row := range keyboard {
		for c := range len(row) {
			for dr := -1; dr <= 1; dr++ {
				for dc := -1; dc <= 1; dc++ {
					rr, cc := r+dr, c+dc
					if (dr != 0 || dc != 0) && rr >= 0 && rr < 3 && cc >= 0 && cc < len(keyboard[rr]) {
						n[row[c]-'a'] |= 1 << (keyboard[rr][cc] - 'a')
					}
				}
			}
		}
	}
	return n
}()

func near(a, b byte) bool {
	return a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z' && neighbours[a-'a']&(1<<(b-'a')) != 0
}

// distance returns the cost of the edits that turn the meant word w into the
// typed word q (restricted Damerau–Levenshtein with the costs above), or a
// number over max once it is sure to be over max.
func distance(q, w string, max int) int {
	if len(q) > maxLen || len(w) > maxLen {
		return max + 1
	}
	if d := len(q) - len(w); d*slipCost > max || -d*slipCost > max {
		return max + 1
	}
	// rows[i][j]: cost of turning w[:j] into q[:i].
	var rows [3][maxLen + 1]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(w); j++ {
		prev[j] = j*editCost + min(j, 1)*firstCost
	}
	for i := 1; i <= len(q); i++ {
		// Typing in an extra first letter, or losing or replacing the meant
		// word's first letter, is an edit at the first letter.
		first := 0
		if i == 1 {
			first = firstCost
		}
		cur[0] = prev[0] + editCost + first
		lo := cur[0]
		for j := 1; j <= len(w); j++ {
			f := 0
			if j == 1 {
				f = firstCost
			}
			// q[i-1] typed in: a slip if it doubles a letter beside it.
			ins := editCost + first
			if i >= 2 && q[i-1] == q[i-2] || i < len(q) && q[i-1] == q[i] {
				ins = slipCost + first
			}
			// w[j-1] left out: a slip if it is one of a double.
			del := editCost + f
			if j >= 2 && w[j-1] == w[j-2] || j < len(w) && w[j-1] == w[j] {
				del = slipCost + f
			}
			sub := 0
			if q[i-1] != w[j-1] {
				sub = editCost + f
				if near(q[i-1], w[j-1]) {
					sub = slipCost + f
				}
			}
			c := min(prev[j-1]+sub, prev[j]+ins, cur[j-1]+del)
			if i >= 2 && j >= 2 && q[i-1] == w[j-2] && q[i-2] == w[j-1] && q[i-1] != q[i-2] {
				t := slipCost
				if j == 2 {
					t += firstCost
				}
				c = min(c, prev2[j-2]+t)
			}
			cur[j] = c
			lo = min(lo, c)
		}
		if lo > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(w)]
}
