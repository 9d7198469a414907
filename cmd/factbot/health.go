package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

func runHealth(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var c serveConfig
	var addr setting
	for _, s := range serveSettings(&c) {
		if s.flag == "http-addr" {
			addr = s
		}
	}
	fs := flag.NewFlagSet("health", flag.ContinueOnError)
	fs.SetOutput(stderr)
	timeout := fs.Duration("timeout", 3*time.Second, "how long to wait for the answer")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: factbot health [--http-addr ADDR] [--timeout DURATION]

Asks a running "factbot serve" whether it is alive, through the /healthz
endpoint of its HTTP side port, and exits 0 if it is, 1 if not: a
container health check that needs no shell.

`)
		printSettings(stderr, []setting{addr})
		fmt.Fprintln(stderr, "  --timeout DURATION\n    \thow long to wait for the answer (default 3s)")
	}
	if err := parseSettings(fs, []setting{addr}, args, getenv); err != nil {
		return err
	}
	if c.HTTPAddr == "" {
		return errors.New("health: no address to probe: the HTTP side port is off; set FACTBOT_HTTP_ADDR or --http-addr")
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	if err := probeHealth(ctx, c.HTTPAddr); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "ok")
	return nil
}

// probeHealth gets /healthz from the server listening on addr, and returns
// an error unless it answers 200. A server listening on every interface
// (":8080", "0.0.0.0:8080") is probed on the loopback one.
func probeHealth(ctx context.Context, addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("health: %w", err)
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() && ip.To4() != nil {
		host = "127.0.0.1"
	} else if ip != nil && ip.IsUnspecified() {
		host = "::1"
	}
	url := "http://" + net.JoinHostPort(host, port) + "/healthz"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("health: %w", err)
	}
	// No proxy from the environment: the server is local.
	client := &http.Client{Transport: &http.Transport{Proxy: nil}}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("health: %w", err)
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<10))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("health: GET %s: %s", url, resp.Status)
	}
	return nil
}
