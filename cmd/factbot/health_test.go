package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHealth(t *testing.T) {
	status := http.StatusOK
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" {
			http.NotFound(w, r)
			return
		}
		w.WriteHeader(status)
	}))
	defer srv.Close()
	addr := srv.Listener.Addr().String()
	_, port, _ := net.SplitHostPort(addr)

	closedAddr := unusedAddr(t)

	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		status  int
		wantErr string // a prefix; "" for success
	}{
		{name: "alive, from the variable", env: map[string]string{"FACTBOT_HTTP_ADDR": addr}, status: 200},
		{name: "alive, from the flag", args: []string{"--http-addr", addr}, status: 200},
		{name: "listening on every interface", env: map[string]string{"FACTBOT_HTTP_ADDR": ":" + port}, status: 200},
		{name: "listening on 0.0.0.0", args: []string{"--http-addr", "0.0.0.0:" + port}, status: 200},
		{name: "the flag wins", args: []string{"--http-addr", addr}, env: map[string]string{"FACTBOT_HTTP_ADDR": closedAddr}, status: 200},
		{name: "unhealthy", args: []string{"--http-addr", addr}, status: 503,
			wantErr: "health: GET http://" + addr + "/healthz: 503 Service Unavailable"},
		{name: "nothing listening", args: []string{"--http-addr", closedAddr}, status: 200,
			wantErr: "health: Get "},
		{name: "side port off", status: 200,
			wantErr: "health: no address to probe: the HTTP side port is off; set FACTBOT_HTTP_ADDR or --http-addr"},
		{name: "bad address", env: map[string]string{"FACTBOT_HTTP_ADDR": "8080"}, status: 200,
			wantErr: `invalid FACTBOT_HTTP_ADDR "8080"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status = tt.status
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), append([]string{"health"}, tt.args...), env(tt.env), nil, &stdout, &stderr)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("factbot health = %v, want success", err)
			case tt.wantErr == "" && stdout.String() != "ok\n":
				t.Errorf("factbot health printed %q, want \"ok\\n\"", stdout.String())
			case tt.wantErr != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.wantErr)):
				t.Errorf("factbot health = %v, want an error starting %q", err, tt.wantErr)
			case tt.wantErr != "" && exitCode(err) == 0:
				t.Errorf("factbot health failed with exit code 0")
			}
		})
	}
}

// unusedAddr returns a local address that nothing listens on.
func unusedAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}
