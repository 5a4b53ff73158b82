package main

import (
	"io"
	"net"
	"net/http"
	"sync"
	"time"
)

// serveStateStore serves one state for Terraform's http backend (GET, POST, DELETE at its address, no
// locking) and returns its address.
func serveStateStore() (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	var mu sync.Mutex
	var state []byte
	srv := &http.Server{ReadHeaderTimeout: 10 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		switch r.Method {
		case http.MethodGet:
			if state == nil {
				w.WriteHeader(http.StatusNotFound)
				return
			}
			_, _ = w.Write(state)
		case http.MethodPost:
			b, err := io.ReadAll(r.Body)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			state = b
		case http.MethodDelete:
			state = nil
		default:
			w.WriteHeader(http.StatusMethodNotAllowed)
		}
	})}
	go func() { _ = srv.Serve(ln) }()
	return "http://" + ln.Addr().String() + "/state", func() { _ = srv.Close() }, nil
}
