//! summary.rs: the numbers of a GC trace (count, total/max/p50/p99 pause per kind, bytes copied,
//! peaks) and the terminal table that `minipy --gc-report` prints.
//!
//! No GC invariants here: plain Rust data computed from parsed [`Record`]s.
use super::parse::{Kind, Record, Trace};

/// Pause statistics for one kind of collection. Times in microseconds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KindStats {
    pub count: usize,
    pub total_us: f64,
    pub max_us: f64,
    pub p50_us: f64,
    pub p99_us: f64,
    /// Minor: bytes copied out of the nursery. Major: 0 (mark-sweep does not copy).
    pub bytes_copied: u64,
    pub survivors: u64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    pub minor: KindStats,
    pub major: KindStats,
    pub runs: usize,
    /// From the first collection's start to the last one's end (across runs).
    pub span_us: f64,
    pub peak_old_bytes: u64,
    pub peak_external_bytes: u64,
    pub peak_handles: u64,
    pub finalizers_queued: u64,
    /// Finalizers run, summed over runs (the trace's counter is cumulative per run); None for old traces.
    pub finalizers_run: Option<u64>,
}

/// Nearest-rank percentile of sorted values (`p` in 0..=100); 0 for no values.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn kind_stats(records: &[Record], kind: Kind) -> KindStats {
    let mut d: Vec<f64> = records
        .iter()
        .filter(|r| r.kind == kind)
        .map(|r| r.duration_us)
        .collect();
    d.sort_by(f64::total_cmp);
    let mine = || records.iter().filter(|r| r.kind == kind);
    KindStats {
        count: d.len(),
        total_us: d.iter().fold(0.0, |a, b| a + b),
        max_us: d.last().copied().unwrap_or(0.0),
        p50_us: percentile(&d, 50.0),
        p99_us: percentile(&d, 99.0),
        bytes_copied: if kind == Kind::Minor {
            mine().map(|r| r.survivor_bytes).sum()
        } else {
            0
        },
        survivors: if kind == Kind::Minor {
            mine().map(|r| r.survivors).sum()
        } else {
            0
        },
    }
}

pub fn summarize(trace: &Trace) -> Summary {
    let rs = &trace.records;
    let first = rs.first().map_or(0.0, |r| r.t_us);
    let end = rs
        .iter()
        .map(|r| r.t_us + r.duration_us)
        .fold(0.0, f64::max);
    // finalizers_run is cumulative within a run: add each run's last value.
    let mut fin_run = None;
    for (i, r) in rs.iter().enumerate() {
        let last_of_run = rs.get(i + 1).is_none_or(|next| next.run != r.run);
        if let (true, Some(f)) = (last_of_run, r.finalizers_run) {
            fin_run = Some(fin_run.unwrap_or(0) + f);
        }
    }
    Summary {
        minor: kind_stats(rs, Kind::Minor),
        major: kind_stats(rs, Kind::Major),
        runs: trace.runs,
        span_us: (end - first).max(0.0),
        peak_old_bytes: rs.iter().map(|r| r.old_bytes).max().unwrap_or(0),
        peak_external_bytes: rs
            .iter()
            .filter_map(|r| r.external_bytes)
            .max()
            .unwrap_or(0),
        peak_handles: rs.iter().map(|r| r.handles).max().unwrap_or(0),
        finalizers_queued: rs.iter().map(|r| r.finalizers_queued).sum(),
        finalizers_run: fin_run,
    }
}

/// Microseconds as a short human string: "850 us", "12.3 ms", "1.50 s".
pub fn fmt_us(us: f64) -> String {
    if us < 1000.0 {
        format!("{us:.0} us")
    } else if us < 1e6 {
        format!("{:.1} ms", us / 1e3)
    } else {
        format!("{:.2} s", us / 1e6)
    }
}

/// Bytes as a short human string: "512 B", "3.2 KiB", "4.0 MiB".
pub fn fmt_bytes(b: u64) -> String {
    let x = b as f64;
    if b < 1024 {
        format!("{b} B")
    } else if x < 1024.0 * 1024.0 {
        format!("{:.1} KiB", x / 1024.0)
    } else if x < 1024.0 * 1024.0 * 1024.0 {
        format!("{:.1} MiB", x / (1024.0 * 1024.0))
    } else {
        format!("{:.2} GiB", x / (1024.0 * 1024.0 * 1024.0))
    }
}

/// The rows of the per-kind table: header then one row per kind (shared by the terminal and HTML).
pub fn table_rows(s: &Summary) -> Vec<[String; 7]> {
    let mut rows =
        vec![["kind", "count", "total", "max", "p50", "p99", "copied"].map(String::from)];
    for (name, k) in [("minor", &s.minor), ("major", &s.major)] {
        rows.push([
            name.to_string(),
            k.count.to_string(),
            fmt_us(k.total_us),
            fmt_us(k.max_us),
            fmt_us(k.p50_us),
            fmt_us(k.p99_us),
            if name == "minor" {
                fmt_bytes(k.bytes_copied)
            } else {
                "-".to_string()
            },
        ]);
    }
    rows
}

/// The terminal summary: an aligned table plus one line of totals and peaks.
pub fn format_table(s: &Summary) -> String {
    let rows = table_rows(s);
    let mut widths = [0usize; 7];
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.len());
        }
    }
    let mut out = String::new();
    for r in &rows {
        let mut line = String::new();
        for (i, (c, w)) in r.iter().zip(widths).enumerate() {
            if i == 0 {
                line.push_str(&format!("{c:<w$}"));
            } else {
                line.push_str(&format!("  {c:>w$}"));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let fin = match s.finalizers_run {
        Some(n) => format!("{} queued, {n} run", s.finalizers_queued),
        None => format!("{} queued", s.finalizers_queued),
    };
    out.push_str(&format!(
        "{} collections over {} ({} run{}); promoted {} objects; peak old {}, external {}, handles {}; finalizers {}\n",
        s.minor.count + s.major.count,
        fmt_us(s.span_us),
        s.runs,
        if s.runs == 1 { "" } else { "s" },
        s.minor.survivors,
        fmt_bytes(s.peak_old_bytes),
        fmt_bytes(s.peak_external_bytes),
        s.peak_handles,
        fin
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gcreport::parse::parse_trace;

    fn line(kind: &str, start: f64, dur: f64, copied: u64, fin_run: u64) -> String {
        format!(
            r#"{{"kind":"{kind}","n":1,"start_us":{start},"duration_us":{dur},"nursery_used":100,"survivors":2,"survivor_bytes":{copied},"old_before":0,"old_after":500,"handles":3,"finalizers_queued":1,"nursery_size":1000,"old_bytes":400,"external_bytes":100,"finalizers_run":{fin_run}}}"#
        )
    }

    #[test]
    fn percentiles_nearest_rank() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&v, 50.0), 50.0);
        assert_eq!(percentile(&v, 99.0), 99.0);
        assert_eq!(percentile(&v, 100.0), 100.0);
        assert_eq!(percentile(&[7.0], 99.0), 7.0);
        assert_eq!(percentile(&[], 50.0), 0.0);
    }

    #[test]
    fn per_kind_totals() {
        let text = [
            line("minor", 0.0, 10.0, 100, 0),
            line("minor", 100.0, 30.0, 50, 1),
            line("major", 200.0, 200.0, 999, 2),
            line("minor", 500.0, 20.0, 10, 2),
        ]
        .join("\n");
        let s = summarize(&parse_trace(&text).unwrap());
        assert_eq!(s.minor.count, 3);
        assert_eq!(s.minor.total_us, 60.0);
        assert_eq!(s.minor.max_us, 30.0);
        assert_eq!(s.minor.p50_us, 20.0);
        assert_eq!(s.minor.bytes_copied, 160);
        assert_eq!(s.minor.survivors, 6);
        assert_eq!(
            (s.major.count, s.major.max_us, s.major.bytes_copied),
            (1, 200.0, 0)
        );
        assert_eq!(s.span_us, 520.0);
        assert_eq!((s.finalizers_queued, s.finalizers_run), (4, Some(2)));
        assert_eq!(
            (s.peak_old_bytes, s.peak_external_bytes, s.peak_handles),
            (400, 100, 3)
        );
        let t = format_table(&s);
        assert!(t.starts_with("kind   count"), "{t}");
        assert!(
            t.contains("minor      3   60 us   30 us   20 us   30 us   160 B"),
            "{t}"
        );
        assert!(t.contains("4 collections over 520 us (1 run)"), "{t}");
    }

    #[test]
    fn finalizers_run_adds_up_over_runs() {
        let text = [
            line("minor", 100.0, 1.0, 0, 3),
            line("minor", 5.0, 1.0, 0, 4),
        ]
        .join("\n");
        let s = summarize(&parse_trace(&text).unwrap());
        assert_eq!((s.runs, s.finalizers_run), (2, Some(7)));
    }

    #[test]
    fn units() {
        assert_eq!(fmt_us(999.0), "999 us");
        assert_eq!(fmt_us(12_345.0), "12.3 ms");
        assert_eq!(fmt_us(1_500_000.0), "1.50 s");
        assert_eq!(fmt_bytes(512), "512 B");
        assert_eq!(fmt_bytes(4 << 20), "4.0 MiB");
    }
}
