//! parse.rs: reads a `MINIPY_GC_TRACE` file (one flat JSON object per line, see gc/src/trace_log.rs)
//! into [`Record`]s.
//!
//! No GC invariants here: this runs outside any heap, on plain Rust data. Bad input is an
//! `Err(String)` naming the line, never a panic. The trace file is opened in append mode, so one file
//! may hold several runs: their clocks restart at 0, and [`parse_trace`] lays them end to end on one
//! time axis (`t_us`) and counts them (`runs`). Fields added to the trace later are optional, so
//! older traces still render.

/// Which collection a record describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Minor,
    Major,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Minor => "minor",
            Kind::Major => "major",
        }
    }
}

/// One collection, as read from one trace line.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub kind: Kind,
    pub n: u64,
    /// The collection's start on the report's time axis: `start_us` plus the offset of its run.
    pub t_us: f64,
    pub duration_us: f64,
    pub nursery_used: u64,
    pub nursery_size: Option<u64>,
    pub survivors: u64,
    pub survivor_bytes: u64,
    pub old_before: u64,
    pub old_after: u64,
    /// Old + large bytes after the collection (older traces: `old_after`, which includes external bytes).
    pub old_bytes: u64,
    pub external_bytes: Option<u64>,
    pub handles: u64,
    /// Pinned nursery objects after the collection (0 in traces written before pinning).
    pub pinned: u64,
    pub finalizers_queued: u64,
    pub finalizers_run: Option<u64>,
    /// 0-based index of the run (a restart of the trace clock) this record belongs to.
    pub run: usize,
    /// The line as written, shown when the collection is hovered.
    pub line: String,
}

/// A whole trace.
#[derive(Clone, Debug, Default)]
pub struct Trace {
    pub records: Vec<Record>,
    /// How many runs (restarts of the trace clock) the file holds.
    pub runs: usize,
    /// A final line without its newline that did not parse: the writer died in the middle of it.
    pub truncated_tail: bool,
}

/// A JSON value as it can occur in a trace line (flat objects only).
#[derive(Clone, Debug, PartialEq)]
enum Json {
    Num(f64),
    Str(String),
    Other,
}

/// Parses a whole trace file's text. Blank lines are skipped; an empty trace is an error.
pub fn parse_trace(text: &str) -> Result<Trace, String> {
    let mut trace = Trace::default();
    let mut offset = 0.0f64;
    let mut prev_start: Option<f64> = None;
    let mut run_end = 0.0f64;
    let lines: Vec<&str> = text.split('\n').collect();
    for (i, raw) in lines.iter().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let last_unterminated = i + 1 == lines.len();
        let rec = match parse_line(line) {
            Ok(r) => r,
            Err(_) if last_unterminated && !trace.records.is_empty() => {
                trace.truncated_tail = true;
                break;
            }
            Err(e) => return Err(format!("line {}: {e}", i + 1)),
        };
        let (mut rec, start) = rec;
        if prev_start.is_none_or(|p| start < p) {
            // A new run: its clock restarted. Start it a little after the previous run ended.
            if prev_start.is_some() {
                offset = run_end + (run_end * 0.02).max(100.0);
            }
            trace.runs += 1;
        }
        prev_start = Some(start);
        rec.t_us = offset + start;
        rec.run = trace.runs - 1;
        run_end = run_end.max(rec.t_us + rec.duration_us);
        trace.records.push(rec);
    }
    if trace.records.is_empty() {
        return Err("no collections in the trace (was MINIPY_GC_TRACE set, and did the program allocate enough to collect?)".into());
    }
    Ok(trace)
}

/// One line -> a record (with `t_us` = 0, `run` = 0) and its `start_us`.
fn parse_line(line: &str) -> Result<(Record, f64), String> {
    let fields = parse_object(line)?;
    let get = |k: &str| fields.iter().find(|(name, _)| name == k).map(|(_, v)| v);
    let num = |k: &str| -> Result<Option<f64>, String> {
        match get(k) {
            None => Ok(None),
            Some(Json::Num(x)) if x.is_finite() && *x >= 0.0 => Ok(Some(*x)),
            Some(_) => Err(format!("field {k:?} is not a non-negative number")),
        }
    };
    let need =
        |k: &str| -> Result<f64, String> { num(k)?.ok_or_else(|| format!("missing field {k:?}")) };
    let count = |k: &str| -> Result<Option<u64>, String> { Ok(num(k)?.map(|x| x as u64)) };
    let kind = match get("kind") {
        Some(Json::Str(s)) if s == "minor" => Kind::Minor,
        Some(Json::Str(s)) if s == "major" => Kind::Major,
        Some(Json::Str(s)) => return Err(format!("unknown collection kind {s:?}")),
        _ => return Err("missing field \"kind\"".into()),
    };
    let start = need("start_us")?;
    let old_after = need("old_after")? as u64;
    let rec = Record {
        kind,
        n: count("n")?.unwrap_or(0),
        t_us: 0.0,
        duration_us: need("duration_us")?,
        nursery_used: count("nursery_used")?.unwrap_or(0),
        nursery_size: count("nursery_size")?,
        survivors: count("survivors")?.unwrap_or(0),
        survivor_bytes: count("survivor_bytes")?.unwrap_or(0),
        old_before: count("old_before")?.unwrap_or(0),
        old_after,
        old_bytes: count("old_bytes")?.unwrap_or(old_after),
        external_bytes: count("external_bytes")?,
        handles: count("handles")?.unwrap_or(0),
        pinned: count("pinned")?.unwrap_or(0),
        finalizers_queued: count("finalizers_queued")?.unwrap_or(0),
        finalizers_run: count("finalizers_run")?,
        run: 0,
        line: line.to_string(),
    };
    Ok((rec, start))
}

/// A flat JSON object: `{"key": value, ...}` with number, string, true/false/null values.
fn parse_object(s: &str) -> Result<Vec<(String, Json)>, String> {
    let mut p = Cursor {
        b: s.as_bytes(),
        i: 0,
    };
    let mut out = Vec::new();
    p.ws();
    p.expect(b'{')?;
    p.ws();
    if p.peek() == Some(b'}') {
        p.i += 1;
    } else {
        loop {
            p.ws();
            let key = p.string()?;
            p.ws();
            p.expect(b':')?;
            p.ws();
            let v = p.value()?;
            out.push((key, v));
            p.ws();
            match p.next() {
                Some(b',') => continue,
                Some(b'}') => break,
                _ => return Err("expected ',' or '}' (not a complete JSON object)".into()),
            }
        }
    }
    p.ws();
    if p.i != p.b.len() {
        return Err("text after the JSON object".into());
    }
    Ok(out)
}

struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }
    fn next(&mut self) -> Option<u8> {
        let c = self.peek();
        self.i += c.is_some() as usize;
        c
    }
    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.i += 1;
        }
    }
    fn expect(&mut self, c: u8) -> Result<(), String> {
        if self.next() == Some(c) {
            Ok(())
        } else {
            Err(format!("expected '{}' (not a JSON object line)", c as char))
        }
    }
    fn string(&mut self) -> Result<String, String> {
        self.expect(b'"')?;
        let mut out = Vec::new();
        loop {
            match self.next() {
                None => return Err("unterminated string".into()),
                Some(b'"') => break,
                Some(b'\\') => match self.next() {
                    Some(b'n') => out.push(b'\n'),
                    Some(b't') => out.push(b'\t'),
                    Some(b'u') => {
                        // Trace lines never contain \u escapes; keep them verbatim rather than decode.
                        out.extend_from_slice(b"\\u");
                    }
                    Some(c) => out.push(c),
                    None => return Err("unterminated string".into()),
                },
                Some(c) => out.push(c),
            }
        }
        String::from_utf8(out).map_err(|_| "string is not UTF-8".to_string())
    }
    fn value(&mut self) -> Result<Json, String> {
        match self.peek() {
            Some(b'"') => Ok(Json::Str(self.string()?)),
            Some(b't' | b'f' | b'n') => {
                for word in ["true", "false", "null"] {
                    if self.b[self.i..].starts_with(word.as_bytes()) {
                        self.i += word.len();
                        return Ok(Json::Other);
                    }
                }
                Err("bad literal".into())
            }
            Some(b'-' | b'0'..=b'9') => {
                let start = self.i;
                while matches!(
                    self.peek(),
                    Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                ) {
                    self.i += 1;
                }
                let t = std::str::from_utf8(&self.b[start..self.i]).unwrap_or("");
                t.parse::<f64>()
                    .map(Json::Num)
                    .map_err(|_| format!("bad number {t:?}"))
            }
            Some(b'{' | b'[') => Err("nested values are not part of the trace format".into()),
            _ => Err("expected a value".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINOR: &str = r#"{"kind":"minor","n":1,"start_us":100.0,"duration_us":50.5,"nursery_used":1000,"survivors":3,"survivor_bytes":96,"old_before":10,"old_after":106,"large_freed":0,"handles":2,"pinned":0,"remembered":1,"finalizers_queued":0,"nursery_size":4096,"old_bytes":90,"external_bytes":16,"finalizers_run":1}"#;
    const OLD_MAJOR: &str = r#"{"kind":"major","n":1,"start_us":200.0,"duration_us":80.0,"nursery_used":0,"survivors":0,"survivor_bytes":100,"old_before":106,"old_after":100,"large_freed":0,"handles":1,"pinned":0,"remembered":0,"finalizers_queued":2}"#;

    #[test]
    fn parses_new_and_old_lines() {
        let t = parse_trace(&format!("{MINOR}\n{OLD_MAJOR}\n")).unwrap();
        assert_eq!(t.runs, 1);
        assert_eq!(t.records.len(), 2);
        let m = &t.records[0];
        assert_eq!(m.kind, Kind::Minor);
        assert_eq!((m.t_us, m.duration_us), (100.0, 50.5));
        assert_eq!((m.nursery_size, m.old_bytes), (Some(4096), 90));
        assert_eq!((m.external_bytes, m.finalizers_run), (Some(16), Some(1)));
        assert_eq!(m.line, MINOR);
        // An older line without the later fields: old_bytes falls back to old_after.
        let j = &t.records[1];
        assert_eq!(j.kind, Kind::Major);
        assert_eq!(
            (j.old_bytes, j.external_bytes, j.finalizers_run),
            (100, None, None)
        );
        assert_eq!(j.finalizers_queued, 2);
    }

    #[test]
    fn runs_are_laid_end_to_end() {
        let t = parse_trace(&format!("{MINOR}\n{OLD_MAJOR}\n{MINOR}\n")).unwrap();
        assert_eq!(t.runs, 2);
        assert_eq!(t.records[2].run, 1);
        assert!(t.records[2].t_us > t.records[1].t_us + t.records[1].duration_us);
    }

    #[test]
    fn bad_input_is_an_error_naming_the_line() {
        let e = parse_trace(&format!("{MINOR}\nhello\n{MINOR}\n")).unwrap_err();
        assert!(e.starts_with("line 2:"), "{e}");
        let e = parse_trace("").unwrap_err();
        assert!(e.contains("no collections"), "{e}");
        let e = parse_trace(r#"{"kind":"full","start_us":1,"duration_us":1,"old_after":1}"#)
            .unwrap_err();
        assert!(e.contains("unknown collection kind"), "{e}");
        let e = parse_trace(r#"{"kind":"minor","start_us":1,"old_after":1}"#).unwrap_err();
        assert!(e.contains("duration_us"), "{e}");
        let e = parse_trace(r#"{"kind":"minor","start_us":"x","duration_us":1,"old_after":1}"#)
            .unwrap_err();
        assert!(e.contains("start_us"), "{e}");
        assert!(parse_trace("\u{0}\u{ff}{{{").is_err());
        assert!(parse_trace(r#"{"kind":"minor","a":[1]}"#).is_err());
        assert!(parse_trace(r#"{"kind":"minor" "#).is_err());
    }

    #[test]
    fn a_torn_last_line_is_skipped() {
        let torn = &MINOR[..40];
        let t = parse_trace(&format!("{MINOR}\n{torn}")).unwrap();
        assert_eq!(t.records.len(), 1);
        assert!(t.truncated_tail);
        // A torn line in the middle is an error.
        assert!(parse_trace(&format!("{torn}\n{MINOR}\n")).is_err());
    }
}
