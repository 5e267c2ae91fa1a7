package search

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/jianghan-district/jianghan/internal/msg"
)

// Handler answers GET /api/search?q=&kind=&street=&topic=&method=&n=&from=
// with a Result as JSON. Input the user got wrong gets 400 with
// {"error": "..."}; it never causes a 500 or a panic. s is read on every
// request, so serve can hand in a Searcher that swaps indexes on rebuild;
// the search stops when the client goes away.
func Handler(s Searcher) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				writeJSONError(w, http.StatusInternalServerError, msg.T(msg.SearchInternal))
			}
		}()
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeJSONError(w, http.StatusMethodNotAllowed, msg.T(msg.SearchOnlyGet))
			return
		}
		q := r.URL.Query()
		req := Request{
			Query:  CutQuery(q.Get("q")), // the answer repeats no more than is read
			Kind:   q.Get("kind"),
			Street: q.Get("street"),
			Topic:  q.Get("topic"),
			Method: q.Get("method"),
		}
		var err error
		if req.Size, err = intParam(q.Get("n")); err != nil {
			writeJSONError(w, http.StatusBadRequest, msg.T(msg.SearchParamNotInt, "n"))
			return
		}
		if req.From, err = intParam(q.Get("from")); err != nil {
			writeJSONError(w, http.StatusBadRequest, msg.T(msg.SearchParamNotInt, "from"))
			return
		}
		if s == nil {
			writeJSONError(w, http.StatusServiceUnavailable, msg.T(msg.ServeSearchNotReady))
			return
		}
		res, err := s.Search(r.Context(), req)
		switch {
		case err == nil:
			writeJSON(w, http.StatusOK, res)
		case IsQueryError(err):
			writeJSONError(w, http.StatusBadRequest, err.Error())
		case r.Context().Err() != nil:
			// the client has gone: nobody reads the answer
		default:
			writeJSONError(w, http.StatusInternalServerError, err.Error())
		}
	})
}

// intParam parses an optional integer query parameter (0 when absent).
func intParam(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	if len(s) > 9 {
		return 0, strconv.ErrRange
	}
	return strconv.Atoi(s)
}

// writeJSON writes v as the JSON response.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b, _ = json.Marshal(map[string]string{"error": msg.T(msg.SearchInternal)})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}

// writeJSONError writes {"error": text}.
func writeJSONError(w http.ResponseWriter, status int, text string) {
	writeJSON(w, status, map[string]string{"error": text})
}
