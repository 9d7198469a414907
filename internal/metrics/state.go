package metrics

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/factbot/factbot/internal/live"
)

// stateCollectors are the gauges read at each scrape from the live base's
// Status and the watch's state:
//
//	factbot_snapshot_info{snapshot}                      1 for the base in service
//	factbot_last_reload_success_timestamp_seconds        when it was loaded (Unix time); 0 before
//	factbot_reload_failing                               1 while the last rebuild failed and the old base serves
//	factbot_watch_active                                 1 while file notifications cover the articles folder
//	factbot_watch_polling                                1 while the folder is polled instead
func stateCollectors(opt Options) []prometheus.Collector {
	status := func() live.Status {
		if opt.Status == nil {
			return live.Status{}
		}
		return opt.Status()
	}
	watch := func() live.WatchState {
		if opt.Watch == nil {
			return live.WatchState{}
		}
		st, _ := opt.Watch()
		return st
	}
	gauge := func(name, help string, f func() float64) prometheus.Collector {
		return prometheus.NewGaugeFunc(prometheus.GaugeOpts{Namespace: "factbot", Name: name, Help: help}, f)
	}
	b2f := func(b bool) float64 {
		if b {
			return 1
		}
		return 0
	}
	return []prometheus.Collector{
		snapshotInfo{prometheus.NewDesc("factbot_snapshot_info",
			"Always 1; the snapshot label is the content id of the fact base in service.", []string{"snapshot"}, nil), status},
		gauge("last_reload_success_timestamp_seconds", "When the fact base in service was loaded, in Unix time; 0 before the first load.", func() float64 {
			if t := status().Loaded; !t.IsZero() {
				return float64(t.UnixNano()) / 1e9
			}
			return 0
		}),
		gauge("reload_failing", "1 while the last rebuild of the fact base failed and the previous one serves, else 0.",
			func() float64 { return b2f(status().Err != nil) }),
		gauge("watch_active", "1 while file notifications cover the whole articles folder, else 0.",
			func() float64 { return b2f(watch().Notified) }),
		gauge("watch_polling", "1 while the articles folder is polled for changes because notifications cannot cover it, else 0.",
			func() float64 { return b2f(watch().Polling > 0) }),
	}
}

// snapshotInfo reports the snapshot of the base in service as a label, or
// nothing before the first load.
type snapshotInfo struct {
	desc   *prometheus.Desc
	status func() live.Status
}

func (s snapshotInfo) Describe(ch chan<- *prometheus.Desc) { ch <- s.desc }

func (s snapshotInfo) Collect(ch chan<- prometheus.Metric) {
	if snap := s.status().Snapshot; snap != "" {
		ch <- prometheus.MustNewConstMetric(s.desc, prometheus.GaugeValue, 1, snap)
	}
}
