package search

import (
	"math"
	"math/rand"
	"slices"
	"testing"
	"unicode/utf8"
)

// impactCodeByLog is how impact codes were first computed: from a
// logarithm, then down while the margin is not met.
func impactCodeByLog(impact, top float64) byte {
	c := 255
	if impact > 0 {
		c = min(255, max(0, int(16*math.Log2(top/impact))+1))
	}
	for c > 0 && top*pow2[c]*(1-1e-9) < impact {
		c--
	}
	return byte(c)
}

// The binary search of impactCodes gives the codes the logarithm gave,
// search.js's contract, around every boundary and at random.
func TestImpactCodes(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	check := func(impact, top float64) {
		t.Helper()
		if math.IsInf(top/impact, 0) {
			return // the logarithm overflowed (to code 0 on amd64): no real ratio of impacts
		}
		if got, want := newImpactCodes(top).of(impact), impactCodeByLog(impact, top); got != want {
			t.Fatalf("impact %v, top %v: code %d, want %d", impact, top, got, want)
		}
	}
	for _, top := range []float64{1e-300, 1e-9, 0.01, 0.5, 1, 3.75, 12.3456789, 1e6, 1e300} {
		check(top, top)
		check(math.SmallestNonzeroFloat64, top)
		for c := 0; c < 256; c++ {
			x := top * pow2[c] * (1 - 1e-9)
			for _, v := range []float64{x, math.Nextafter(x, 0), math.Nextafter(x, 2*x+1), x * (1 - 1e-12), x * (1 + 1e-12), top * pow2[c]} {
				if v > 0 && v <= top {
					check(v, top)
				}
			}
		}
	}
	for i := 0; i < 1_000_000; i++ {
		top := math.Exp(rng.Float64()*40 - 20)
		check(top*math.Pow(rng.Float64(), float64(1+rng.Intn(8))), top)
	}
}

// isPlain3 and decode3 agree with utf8.DecodeRune on every three bytes
// they accept, and accept every valid sequence with the lead bytes they
// claim.
func TestDecode3(t *testing.T) {
	for b0 := 0xE0; b0 <= 0xEF; b0++ {
		for b1 := 0; b1 < 256; b1++ {
			for b2 := 0; b2 < 256; b2++ {
				p := []byte{byte(b0), byte(b1), byte(b2)}
				r, n := utf8.DecodeRune(p)
				valid := n == 3
				if isPlain3(p[0], p[1], p[2]) {
					if !valid || decode3(p[0], p[1], p[2]) != r {
						t.Fatalf("% x: %U/%d, decode3 %U", p, r, n, decode3(p[0], p[1], p[2]))
					}
				} else if valid && b0 != 0xE0 && b0 != 0xED {
					t.Fatalf("% x is valid but not plain", p)
				}
			}
		}
	}
}

// selectRank puts the key of rank r at r, those ranking before it before.
func TestSelectRank(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for iter := 0; iter < 3000; iter++ {
		n := 1 + rng.Intn(700)
		keys := make([]rankKey, n)
		for i := range keys {
			var imp float64
			switch iter % 4 {
			case 0:
				imp = rng.Float64()
			case 1:
				imp = float64(rng.Intn(3)) // many ties, broken by index
			case 2:
				imp = float64(i) // ascending
			case 3:
				imp = float64(n - i) // descending
			}
			keys[i] = rankKey{imp, int32(i)}
		}
		sorted := slices.Clone(keys)
		slices.SortFunc(sorted, rankKey.compare)
		r := rng.Intn(n)
		selectRank(keys, r)
		if keys[r] != sorted[r] {
			t.Fatalf("n %d, rank %d: %v, want %v", n, r, keys[r], sorted[r])
		}
		for i := range keys {
			if (i < r) != keys[i].before(keys[r]) && i != r {
				t.Fatalf("n %d, rank %d: key %d (%v) on the wrong side", n, r, i, keys[i])
			}
		}
	}
}
