package search

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
)

// Handler answers GET /api/search?q=&kind=&street=&topic=&method=&n=&from=
// with a Result as JSON. Input the user got wrong gets 400 with
// {"error": "..."}; it never causes a 500 or a panic. s is read on every
// request, so serve can hand in a Searcher that swaps indexes on rebuild.
func Handler(s Searcher) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				writeJSONError(w, http.StatusInternalServerError, fmt.Sprintf("内部错误 (internal error): %v", p))
			}
		}()
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeJSONError(w, http.StatusMethodNotAllowed, "只支持 GET (only GET is allowed)")
			return
		}
		q := r.URL.Query()
		req := Request{
			Query:  q.Get("q"),
			Kind:   q.Get("kind"),
			Street: q.Get("street"),
			Topic:  q.Get("topic"),
			Method: q.Get("method"),
		}
		var err error
		if req.Size, err = intParam(q.Get("n"), 0); err != nil {
			writeJSONError(w, http.StatusBadRequest, "参数 n 须是整数 (n must be an integer)")
			return
		}
		if req.From, err = intParam(q.Get("from"), 0); err != nil {
			writeJSONError(w, http.StatusBadRequest, "参数 from 须是整数 (from must be an integer)")
			return
		}
		if s == nil {
			writeJSONError(w, http.StatusServiceUnavailable, "搜索索引尚未就绪 (search index not ready)")
			return
		}
		res, err := s.Search(req)
		if err != nil {
			if IsQueryError(err) {
				writeJSONError(w, http.StatusBadRequest, err.Error())
			} else {
				writeJSONError(w, http.StatusInternalServerError, err.Error())
			}
			return
		}
		writeJSON(w, http.StatusOK, res)
	})
}

// intParam parses an optional integer query parameter.
func intParam(s string, def int) (int, error) {
	if s == "" {
		return def, nil
	}
	if len(s) > 9 {
		return 0, strconv.ErrRange
	}
	return strconv.Atoi(s)
}

// writeJSON writes v as the JSON response.
func writeJSON(w http.ResponseWriter, status int, v interface{}) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":"内部错误 (internal error)"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}

// writeJSONError writes {"error": msg}.
func writeJSONError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}
