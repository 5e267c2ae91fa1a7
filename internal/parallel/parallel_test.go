package parallel

import (
	"sync/atomic"
	"testing"
)

func TestFor(t *testing.T) {
	for _, tt := range []struct{ n, workers int }{{0, 0}, {1, 0}, {1000, 0}, {1000, 3}, {5, 12}} {
		calls := make([]atomic.Int32, tt.n)
		For(tt.n, tt.workers, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Errorf("n=%d workers=%d: f(%d) called %d times", tt.n, tt.workers, i, c)
			}
		}
	}
}
