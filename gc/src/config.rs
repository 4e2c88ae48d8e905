//! config.rs: `GcConfig` defaults and the `MINIPY_GC_*` environment variables.
//!
//! Invariants: a config returned by `from_env` has `nursery_size >= MIN_NURSERY` (a multiple of 8) and
//! `major_factor > 1.0`; a malformed variable is an `Err` naming the variable and the accepted forms,
//! never a silent default. `Heap::new` re-clamps hand-built configs the same way.
use crate::GcConfig;

/// Default nursery: 2 MiB. It is resident once used, so it is part of every script's RSS; measured in
/// gc/README.md: no bench/ script is slower than with 4 MiB (PyPy's fallback), 1 MiB is (old_container
/// +9%, unpack_sequence +8%), and several scripts' peak RSS drops by 2-10 MB.
pub const DEFAULT_NURSERY: usize = 2 << 20;
/// Smallest accepted nursery.
pub const MIN_NURSERY: usize = 4 << 10;
/// PyPy's `major_collection_threshold`.
pub const DEFAULT_MAJOR_FACTOR: f64 = 1.82;
/// The major-collection trigger never drops below this many nurseries of old + large + external
/// bytes (4 MiB with the default nursery): below it a major collection would cost more than the memory
/// it can give back. 3 kept up to 12 MiB of garbage in small scripts (deltablue_like: 24 MB peak RSS,
/// 14 MB with 2 x 2 MiB) for no measurable speed.
pub const MIN_MAJOR_NURSERIES: usize = 2;

/// The lowest major-collection trigger for a nursery of `nsize` bytes.
pub fn major_floor(nsize: usize) -> usize {
    MIN_MAJOR_NURSERIES * nsize
}

/// A young object whose type has a destructor (`drop_fn`) owns memory outside the heap the collector
/// does not see (a cdata's boxed Rust side and C buffer, a generator's frame state, a bytearray's
/// buffer): it is counted as this many bytes, and a minor collection comes once the young ones
/// reach the nursery's size (nursery / 256 objects), as for `Heap::add_external_bytes`. Without it a
/// loop of `ffi.new("int[10]")` kept ~130k dead cdata (about 220 malloc'd bytes each) per 4 MiB nursery
/// and grew the malloc arena by 15 MB.
pub const DROP_OWNED_ESTIMATE: usize = 256;

/// In stress mode, a cheap verification (roots, remembered set, new survivors) runs after every collection,
/// the full-heap verifier after every major collection and periodically: the next one comes
/// max(`FULL_VERIFY_EVERY`, objects checked by the last one) collections later, so its amortized cost is
/// O(1) objects per collection. `MINIPY_GC_VERIFY=1` runs it after every collection.
pub const FULL_VERIFY_EVERY: u64 = 1000;

impl Default for GcConfig {
    fn default() -> Self {
        GcConfig {
            nursery_size: DEFAULT_NURSERY,
            major_factor: DEFAULT_MAJOR_FACTOR,
            stress: 0,
            verify: false,
            trace_file: None,
            age: 0,
        }
    }
}

/// Parses a byte size: `1048576`, `256k`, `4M`, `1g` (suffixes are binary, case-insensitive, an optional
/// trailing `b`/`ib` is accepted: `64KiB`).
pub fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim().to_ascii_lowercase();
    let t = t
        .strip_suffix("ib")
        .or_else(|| t.strip_suffix('b'))
        .unwrap_or(&t);
    let (num, mult) = match t.chars().last() {
        Some('k') => (&t[..t.len() - 1], 1usize << 10),
        Some('m') => (&t[..t.len() - 1], 1 << 20),
        Some('g') => (&t[..t.len() - 1], 1 << 30),
        _ => (t, 1),
    };
    let n: usize = num
        .trim()
        .parse()
        .map_err(|_| format!("bad size {s:?}: expected a number with an optional k/M/G suffix"))?;
    n.checked_mul(mult)
        .ok_or_else(|| format!("size {s:?} is too large"))
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

impl GcConfig {
    /// Defaults overridden by the MINIPY_GC_* environment variables. Bad values are reported as Err.
    pub fn from_env() -> Result<GcConfig, String> {
        let mut c = GcConfig::default();
        if let Some(v) = var("MINIPY_GC_NURSERY") {
            let n = parse_size(&v).map_err(|e| format!("MINIPY_GC_NURSERY: {e}"))?;
            if n < MIN_NURSERY {
                return Err(format!(
                    "MINIPY_GC_NURSERY={v}: the nursery must be at least {}k (use MINIPY_GC_STRESS=1 for a collection at every allocation)",
                    MIN_NURSERY >> 10
                ));
            }
            c.nursery_size = n & !7;
        }
        if let Some(v) = var("MINIPY_GC_MAJOR_COLLECT") {
            let f: f64 = v.trim().parse().map_err(|_| {
                format!(
                    "MINIPY_GC_MAJOR_COLLECT={v}: expected a number greater than 1.0 (e.g. 1.82)"
                )
            })?;
            if !(f > 1.0 && f.is_finite()) {
                return Err(format!(
                    "MINIPY_GC_MAJOR_COLLECT={v}: must be a number greater than 1.0"
                ));
            }
            c.major_factor = f;
        }
        if let Some(v) = var("MINIPY_GC_STRESS") {
            c.stress = v.trim().parse().map_err(|_| {
                format!("MINIPY_GC_STRESS={v}: expected 0 (off), 1 (a minor collection at every allocation) or N (every Nth)")
            })?;
        }
        if let Some(v) = var("MINIPY_GC_VERIFY") {
            c.verify = match v.trim() {
                "0" | "false" | "no" | "off" => false,
                "1" | "true" | "yes" | "on" => true,
                _ => return Err(format!("MINIPY_GC_VERIFY={v}: expected 0 or 1")),
            };
        }
        if let Some(v) = var("MINIPY_GC_AGE") {
            c.age = match v.trim().parse::<u32>() {
                Ok(n) if n <= crate::MAX_AGE => n,
                _ => {
                    return Err(format!(
                        "MINIPY_GC_AGE={v}: expected 0 (off) to {} (minor collections a young object survives, moving at each, before promotion)",
                        crate::MAX_AGE
                    ))
                }
            };
        }
        if let Some(v) = var("MINIPY_GC_TRACE") {
            c.trace_file = Some(v);
        }
        Ok(c)
    }

    /// The config `Heap::new` actually uses (sizes clamped to the accepted ranges).
    pub(crate) fn normalized(mut self) -> GcConfig {
        self.nursery_size = self.nursery_size.max(MIN_NURSERY) & !7;
        if !(self.major_factor > 1.0 && self.major_factor.is_finite()) {
            self.major_factor = DEFAULT_MAJOR_FACTOR;
        }
        self.age = self.age.min(crate::MAX_AGE);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn sizes() {
        assert_eq!(parse_size("1048576"), Ok(1 << 20));
        assert_eq!(parse_size("256k"), Ok(256 << 10));
        assert_eq!(parse_size("4M"), Ok(4 << 20));
        assert_eq!(parse_size("64KiB"), Ok(64 << 10));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert!(parse_size("abc").is_err());
        assert!(parse_size("").is_err());
    }
}
