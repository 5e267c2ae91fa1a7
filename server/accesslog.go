package server

import (
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"
)

// The access log, one line per request in the Combined Log Format that
// nginx and Apache write, so that the district's log tools read it as they
// are:
//
//	10.2.3.4 - - [09/Apr/2024:10:12:01 +0800] "GET /cases/ HTTP/1.1" 200 5120 "-" "Mozilla/5.0 …"
//
// A line never holds a raw control character, quote or backslash from the
// request: they are written as \xHH, so that no request can forge a line.
// The file is opened for appending and opened again on SIGHUP, after
// logrotate has moved it away.

// accessLog writes the lines to a file or to serve's output.
type accessLog struct {
	path string // "" when w is serve's output ("-")

	mu sync.Mutex
	w  io.Writer
	f  *os.File
}

// openAccessLog opens the log at path, "-" meaning out.
func openAccessLog(path string, out io.Writer) (*accessLog, error) {
	if path == "-" {
		return &accessLog{w: out}, nil
	}
	l := &accessLog{path: path}
	if err := l.reopen(); err != nil {
		return nil, err
	}
	return l, nil
}

// reopen opens the file again at its path; on failure the old one stays.
func (l *accessLog) reopen() error {
	if l == nil || l.path == "" {
		return nil
	}
	f, err := os.OpenFile(l.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o640)
	if err != nil {
		return err
	}
	l.mu.Lock()
	old := l.f
	l.f, l.w = f, f
	l.mu.Unlock()
	if old != nil {
		old.Close()
	}
	return nil
}

// close closes the file.
func (l *accessLog) close() {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f != nil {
		l.f.Close()
		l.f, l.w = nil, io.Discard
	}
}

// wrap logs every request h answers.
func (l *accessLog) wrap(h http.Handler) http.Handler {
	if l == nil {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &recorder{ResponseWriter: w}
		start := time.Now()
		h.ServeHTTP(rec, r)
		l.write(line(r, rec.status, rec.bytes, start))
	})
}

func (l *accessLog) write(b []byte) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.w.Write(b)
}

// line formats one request in the Combined Log Format.
func line(r *http.Request, status int, bytes int64, t time.Time) []byte {
	if status == 0 {
		status = http.StatusOK
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	b := make([]byte, 0, 256)
	b = appendField(b, host)
	b = append(b, " - - ["...)
	b = t.AppendFormat(b, "02/Jan/2006:15:04:05 -0700")
	b = append(b, "] \""...)
	b = appendEscaped(b, r.Method+" "+r.RequestURI+" "+r.Proto)
	b = append(b, "\" "...)
	b = strconv.AppendInt(b, int64(status), 10)
	b = append(b, ' ')
	if bytes == 0 {
		b = append(b, '-')
	} else {
		b = strconv.AppendInt(b, bytes, 10)
	}
	b = append(b, " \""...)
	b = appendEscaped(b, orDash(r.Referer()))
	b = append(b, "\" \""...)
	b = appendEscaped(b, orDash(r.UserAgent()))
	return append(b, "\"\n"...)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// appendField appends a field that is not quoted: "-" when empty, and
// escaped like the quoted ones.
func appendField(b []byte, s string) []byte {
	return appendEscaped(b, orDash(s))
}

// appendEscaped appends s with control characters, quotes, backslashes
// and bytes that are not UTF-8 written as \xHH, as nginx does.
func appendEscaped(b []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 || r < 0x20 || r == 0x7f || r == '"' || r == '\\' || (r >= 0x80 && r < 0xa0) {
			c := s[i]
			b = append(b, '\\', 'x', hex[c>>4], hex[c&15])
			i++
			continue
		}
		b = append(b, s[i:i+size]...)
		i += size
	}
	return b
}

// recorder notes the status and the body bytes of an answer. It unwraps to
// the writer it wraps, so http.ResponseController (the event stream's
// flushes and deadlines) reaches the connection.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(p)
	r.bytes += int64(n)
	return n, err
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// Flush lets a handler that asks w for http.Flusher directly flush.
func (r *recorder) Flush() {
	http.NewResponseController(r.ResponseWriter).Flush()
}
