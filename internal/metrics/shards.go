package metrics

import (
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// A Shard is the state of one gateway shard the process holds.
type Shard struct {
	ID        int
	Connected bool
	// HeartbeatAck is when the gateway last acknowledged the shard's
	// heartbeat; zero when unknown.
	HeartbeatAck time.Time
}

// shardCollector reports each shard of Options.Shards at each scrape:
//
//	factbot_shard_connected{shard}             1 while the shard is connected, else 0
//	factbot_shard_heartbeat_ack_age_seconds{shard}  time since the gateway last acknowledged its heartbeat
//
// A connected shard's ACK age stays under its heartbeat interval (about
// 41 s on Discord); past it, discordgo gives the connection up. The
// round trip of one heartbeat is not reported: discordgo writes the time
// it sent one without a lock that another goroutine could take to read it.
type shardCollector struct {
	connected, ackAge *prometheus.Desc
	shards            func() []Shard
	now               func() time.Time
}

func newShardCollector(shards func() []Shard) shardCollector {
	return shardCollector{
		connected: prometheus.NewDesc("factbot_shard_connected",
			"1 while the gateway shard is connected and receiving events, else 0.", []string{"shard"}, nil),
		ackAge: prometheus.NewDesc("factbot_shard_heartbeat_ack_age_seconds",
			"Time since the gateway last acknowledged the shard's heartbeat; reported while it is connected.", []string{"shard"}, nil),
		shards: shards,
		now:    time.Now,
	}
}

func (c shardCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.connected
	ch <- c.ackAge
}

func (c shardCollector) Collect(ch chan<- prometheus.Metric) {
	if c.shards == nil {
		return
	}
	for _, s := range c.shards() {
		id := strconv.Itoa(s.ID)
		v := 0.0
		if s.Connected {
			v = 1
		}
		ch <- prometheus.MustNewConstMetric(c.connected, prometheus.GaugeValue, v, id)
		if s.Connected && !s.HeartbeatAck.IsZero() {
			ch <- prometheus.MustNewConstMetric(c.ackAge, prometheus.GaugeValue, c.now().Sub(s.HeartbeatAck).Seconds(), id)
		}
	}
}
