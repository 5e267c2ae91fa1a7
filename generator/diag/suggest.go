package diag

import "github.com/jianghan-district/jianghan/internal/msg"

// Suggest returns the candidate closest to s by edit distance, or "" when
// nothing is close enough to be a likely typo. Distances are counted in
// characters so that 民族街 is one edit from 民族街道.
func Suggest(s string, candidates []string) string {
	best, bestDist := "", -1
	rs := []rune(s)
	for _, c := range candidates {
		d := distance(rs, []rune(c))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	if bestDist < 0 {
		return ""
	}
	limit := len(rs)/2 + 1
	if limit > 3 {
		limit = 3
	}
	if bestDist > limit {
		return ""
	}
	return best
}

// DidYouMean words a suggestion as the end of a message ("，是不是「民族街道」？"),
// or gives "" when there is none.
func DidYouMean(s string, candidates []string) string {
	if m := Suggest(s, candidates); m != "" {
		return Hint(m)
	}
	return ""
}

// Hint words m as the suggestion that ends a message.
func Hint(m string) string { return msg.T(msg.DidYouMean, m) }

// distance is the Levenshtein distance between two rune slices.
func distance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
