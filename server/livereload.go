package server

import (
	"encoding/json"
	"net/http"
	"sync"
	"time"
)

// Live reload runs over Server-Sent Events: every page serve builds carries
// a script (devscript.go) that listens on EventsPath. Events:
//
//	hello    {"id", "gen"}   on connecting; a browser that reconnects to a
//	                         new server or a newer build reloads
//	reload   {"files"}       the site was rebuilt
//	css      {"name","href"} a stylesheet changed: swap it, no reload
//	overlay  {"lines"}       the content has errors: show them
//	clear    {}              the errors are fixed
//
// SSE needs no library on either side and goes through the proxies of a
// district intranet as plain HTTP.

// EventsPath is where browsers listen for rebuilds; it is outside any base
// path so that it never collides with a page of the site.
const EventsPath = "/__jianghan/events"

// heartbeat keeps idle connections open through proxies.
const heartbeat = 20 * time.Second

// event is one Server-Sent Event.
type event struct {
	name string
	data []byte
}

func newEvent(name string, v any) event {
	b, _ := json.Marshal(v)
	return event{name: name, data: b}
}

// hub fans events out to every connected browser.
type hub struct {
	mu      sync.Mutex
	clients map[chan event]bool
	closed  bool
	// greet returns the events a browser gets on connecting.
	greet func() []event
}

func newHub(greet func() []event) *hub {
	return &hub{clients: map[chan event]bool{}, greet: greet}
}

// subscribe returns a channel of events and a function to stop; the
// channel is closed when the hub closes.
func (h *hub) subscribe() (chan event, func()) {
	ch := make(chan event, 32)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		close(ch)
		return ch, func() {}
	}
	h.clients[ch] = true
	return ch, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		if h.clients[ch] {
			delete(h.clients, ch)
			close(ch)
		}
	}
}

// publish sends an event to every browser. A browser too slow to take it
// misses it rather than holding up the rebuilds; it gets the state again
// when it reconnects.
func (h *hub) publish(e event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.clients {
		select {
		case ch <- e:
		default:
		}
	}
}

// close ends every stream, so that http.Server.Shutdown is not held up by
// connections that never go idle.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for ch := range h.clients {
		close(ch)
		delete(h.clients, ch)
	}
}

// ServeHTTP streams events to one browser until it goes or the hub closes.
func (h *hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	hd := w.Header()
	hd.Set("Content-Type", "text/event-stream; charset=utf-8")
	hd.Set("Cache-Control", "no-store")
	hd.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	rc.SetWriteDeadline(time.Time{}) // the stream lives as long as the page
	rc.SetReadDeadline(time.Time{})
	ch, stop := h.subscribe()
	defer stop()
	write := func(e event) bool {
		b := make([]byte, 0, len(e.data)+32)
		b = append(b, "event: "...)
		b = append(b, e.name...)
		b = append(b, "\ndata: "...)
		b = append(b, e.data...)
		b = append(b, "\n\n"...)
		if _, err := w.Write(b); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if _, err := w.Write([]byte("retry: 1000\n\n")); err != nil {
		return
	}
	for _, e := range h.greet() {
		if !write(e) {
			return
		}
	}
	tick := time.NewTicker(heartbeat)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case e, ok := <-ch:
			if !ok || !write(e) {
				return
			}
		case <-tick.C:
			if _, err := w.Write([]byte(": ping\n\n")); err != nil || rc.Flush() != nil {
				return
			}
		}
	}
}
