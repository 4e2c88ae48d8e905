//! trace_log.rs: `MINIPY_GC_TRACE=FILE`, one JSON object per line and per collection.
//!
//! Invariant: each record is written with a single `write_all` of a complete line (so a crash loses at
//! most the line being written, and concurrent heaps appending to one file do not interleave within a
//! line). `-` or `stderr` as the file name writes to standard error. I/O errors disable the trace.
use std::fs::{File, OpenOptions};
use std::io::Write;

pub(crate) struct TraceLog {
    out: Option<File>,
    stderr: bool,
}

/// One collection, as logged.
pub(crate) struct TraceRecord {
    pub kind: &'static str,
    pub number: u64,
    pub start_us: f64,
    pub duration_us: f64,
    pub nursery_used: usize,
    pub survivors: usize,
    pub survivor_bytes: usize,
    pub old_before: usize,
    pub old_after: usize,
    pub large_freed: usize,
    pub handles: usize,
    /// Pinned nursery objects after the collection.
    pub pinned: usize,
    /// Nursery bytes lost to pins in the cycle this collection ended (pin.rs).
    pub pinned_lost: usize,
    pub remembered: usize,
    pub finalizers_queued: usize,
    /// Nursery capacity, so a reader can show `nursery_used` as a fill fraction.
    pub nursery_size: usize,
    /// After the collection: old-generation + large-object bytes (without external memory).
    pub old_bytes: usize,
    /// After the collection: malloc'd memory owned by heap objects (`ffi.new`), as reported by the client.
    pub external_bytes: usize,
    /// Finalizers handed to the client so far (cumulative; popped from the queue to run).
    pub finalizers_run: u64,
    /// Dirty cards scanned (cards.rs).
    pub cards: u64,
}

impl TraceLog {
    pub(crate) fn open(path: &str) -> TraceLog {
        if path == "-" || path == "stderr" {
            return TraceLog {
                out: None,
                stderr: true,
            };
        }
        match OpenOptions::new().create(true).append(true).open(path) {
            Ok(f) => TraceLog {
                out: Some(f),
                stderr: false,
            },
            Err(e) => {
                eprintln!(
                    "minipy-gc: cannot open MINIPY_GC_TRACE file {path:?}: {e}; tracing disabled"
                );
                TraceLog {
                    out: None,
                    stderr: false,
                }
            }
        }
    }

    pub(crate) fn write(&mut self, r: &TraceRecord) {
        let line = format!(
            "{{\"kind\":\"{}\",\"n\":{},\"start_us\":{:.1},\"duration_us\":{:.1},\"nursery_used\":{},\"survivors\":{},\"survivor_bytes\":{},\"old_before\":{},\"old_after\":{},\"large_freed\":{},\"handles\":{},\"pinned\":{},\"pinned_lost\":{},\"remembered\":{},\"finalizers_queued\":{},\"nursery_size\":{},\"old_bytes\":{},\"external_bytes\":{},\"finalizers_run\":{},\"cards\":{}}}\n",
            r.kind,
            r.number,
            r.start_us,
            r.duration_us,
            r.nursery_used,
            r.survivors,
            r.survivor_bytes,
            r.old_before,
            r.old_after,
            r.large_freed,
            r.handles,
            r.pinned,
            r.pinned_lost,
            r.remembered,
            r.finalizers_queued,
            r.nursery_size,
            r.old_bytes,
            r.external_bytes,
            r.finalizers_run,
            r.cards
        );
        if self.stderr {
            let _ = std::io::stderr().write_all(line.as_bytes());
        } else if let Some(f) = &mut self.out {
            if f.write_all(line.as_bytes()).is_err() {
                self.out = None;
            }
        }
    }
}
