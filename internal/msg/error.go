package msg

import "errors"

// Error is an error worded from the catalogue. Errors travel up through
// packages that do not print (load, render, publish) to the one that does
// (the command line, serve); carrying the key rather than a sentence lets
// the printer group them (diag) and keeps every sentence in the catalogue.
type Error struct {
	Key  Key
	Args []any
	// Err is what went wrong underneath, for errors.Is and errors.As; it
	// is not part of the sentence unless an argument names it too.
	Err error
}

// Errorf makes an error from a key and its arguments; error arguments are
// unwrapped as with fmt.Errorf's %w, so errors.Is still sees them.
func Errorf(k Key, args ...any) error { return &Error{Key: k, Args: args} }

// Wrap makes an error from a key whose sentence does not name err, but
// which errors.Is(…, err) should still recognise (a sentinel such as
// load.ErrNoContent).
func Wrap(err error, k Key, args ...any) error { return &Error{Key: k, Args: args, Err: err} }

// Error words the error in the process language.
func (e *Error) Error() string { return T(e.Key, e.Args...) }

// Unwrap returns the wrapped error and every error among the arguments.
func (e *Error) Unwrap() []error {
	var out []error
	if e.Err != nil {
		out = append(out, e.Err)
	}
	for _, a := range e.Args {
		if err, ok := a.(error); ok {
			out = append(out, err)
		}
	}
	return out
}

// KeyOf returns the key of the first catalogue error in err's chain.
func KeyOf(err error) (Key, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e.Key, true
	}
	return Key{}, false
}
