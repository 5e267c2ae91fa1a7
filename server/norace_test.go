//go:build !race

package server

// raceOn is set when the tests run under the race detector, where a build
// of the sample library takes several times as long.
const raceOn = false
