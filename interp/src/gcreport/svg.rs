//! svg.rs: draws a GC trace as one self-contained SVG timeline (no scripts, no external references).
//!
//! No GC invariants here: plain Rust data in, a String out. Layout: five panels share one time axis
//! (pauses, nursery fill, old/external bytes, survivors, handles, pinned objects and finalizers). On top of them each
//! collection has a transparent full-height column (`class="hit"`, `data-i`) whose `<title>` is the
//! trace line, so hovering a collection shows it in any SVG viewer; html.rs adds a little JS that
//! uses the same `data-i` attributes. Every number written is finite (scales guard against 0 spans).
//! A stress-mode trace has a collection per allocation (10^5-10^6 lines): above [`MAX_MARKS`]
//! collections, [`shown`] keeps every major and the longest minor pause per half-pixel column, and
//! the step lines drop sub-pixel steps, so the picture stays a few MB whatever the trace.
use super::parse::{Kind, Record, Trace};
use super::summary::{fmt_bytes, fmt_us};
use std::fmt::Write;

pub const WIDTH: f64 = 1100.0;
const LEFT: f64 = 96.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 40.0;
const PANEL_H: f64 = 100.0;
const GAP: f64 = 34.0;
const PANELS: usize = 5;
pub const MINOR_COLOR: &str = "#3b73c4";
pub const MAJOR_COLOR: &str = "#d2452f";
const OLD_COLOR: &str = "#7a4fb0";
const EXT_COLOR: &str = "#e09a1a";
const HANDLE_COLOR: &str = "#2a9d6f";
const FIN_COLOR: &str = "#a0522d";
const PIN_COLOR: &str = "#7b3fa0";

/// Above this many collections, not every one gets its own mark (see [`shown`]).
pub const MAX_MARKS: usize = 4000;

/// First collection's start and last one's end.
fn time_span(rs: &[Record]) -> (f64, f64) {
    let t0 = rs.first().map_or(0.0, |r| r.t_us);
    let t1 = rs.iter().map(|r| r.t_us + r.duration_us).fold(t0, f64::max);
    (t0, t1)
}

/// Indices (ascending) of the collections drawn one by one: all of them up to [`MAX_MARKS`];
/// beyond, every major plus the longest minor pause in each half-pixel column of the time axis.
pub fn shown(trace: &Trace) -> Vec<usize> {
    let rs = &trace.records;
    if rs.len() <= MAX_MARKS {
        return (0..rs.len()).collect();
    }
    let (t0, t1) = time_span(rs);
    let span = (t1 - t0).max(1.0);
    let buckets = ((WIDTH - LEFT - RIGHT) * 2.0) as usize;
    let mut best: Vec<Option<usize>> = vec![None; buckets];
    let mut out = Vec::new();
    for (i, r) in rs.iter().enumerate() {
        if r.kind == Kind::Major {
            out.push(i);
            continue;
        }
        let b = (((r.t_us - t0) / span * buckets as f64) as usize).min(buckets - 1);
        match best[b] {
            Some(j) if rs[j].duration_us >= r.duration_us => {}
            _ => best[b] = Some(i),
        }
    }
    out.extend(best.into_iter().flatten());
    out.sort_unstable();
    out
}

/// Step-line points without the steps that change nothing or that fall within half a pixel of
/// the previous point (the later value wins): a million collections become at most a few thousand
/// points.
fn decimate(xs: &XScale, pts: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::new();
    for p in pts {
        let n = out.len();
        if let Some(last) = out.last_mut() {
            if last.1 == p.1 {
                continue;
            }
            if n > 1 && xs.x(p.0) - xs.x(last.0) < 0.5 {
                *last = p;
                continue;
            }
        }
        out.push(p);
    }
    out
}

/// Total height of the picture.
pub fn height() -> f64 {
    TOP + PANELS as f64 * (PANEL_H + GAP) + 12.0
}

/// Escapes text for XML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => o.push('?'),
            c => o.push(c),
        }
    }
    o
}

/// Maps trace time to x pixels.
struct XScale {
    t0: f64,
    span: f64,
}

impl XScale {
    fn x(&self, t: f64) -> f64 {
        LEFT + (t - self.t0) / self.span * (WIDTH - LEFT - RIGHT)
    }
    fn w(&self, dt: f64) -> f64 {
        dt / self.span * (WIDTH - LEFT - RIGHT)
    }
}

fn panel_top(i: usize) -> f64 {
    TOP + i as f64 * (PANEL_H + GAP)
}

/// y pixel of `v` in panel `i`, whose axis goes from 0 to `max`.
fn y(i: usize, v: f64, max: f64) -> f64 {
    let m = if max > 0.0 { max } else { 1.0 };
    panel_top(i) + PANEL_H - (v / m).clamp(0.0, 1.0) * PANEL_H
}

/// A 1-2-5 step giving about `n` ticks over `span`.
fn nice_step(span: f64, n: f64) -> f64 {
    let raw = (span / n).max(1e-9);
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let k = if f < 1.5 {
        1.0
    } else if f < 3.5 {
        2.0
    } else if f < 7.5 {
        5.0
    } else {
        10.0
    };
    k * mag
}

/// Panel frame, title, y-axis labels (0 and max) and a legend.
fn frame(o: &mut String, i: usize, title: &str, max_label: &str, legend: &[(&str, &str)]) {
    let top = panel_top(i);
    let _ = write!(
        o,
        r#"<g class="panel" id="panel{i}"><rect class="frame" x="{LEFT}" y="{top}" width="{:.1}" height="{PANEL_H}"/>"#,
        WIDTH - LEFT - RIGHT
    );
    let _ = write!(
        o,
        r#"<text class="ptitle" x="{LEFT}" y="{:.1}">{}</text>"#,
        top - 6.0,
        esc(title)
    );
    let _ = write!(
        o,
        r#"<text class="ylab" x="{:.1}" y="{:.1}">{}</text><text class="ylab" x="{:.1}" y="{:.1}">0</text>"#,
        LEFT - 6.0,
        top + 10.0,
        esc(max_label),
        LEFT - 6.0,
        top + PANEL_H
    );
    let mut lx = WIDTH - RIGHT;
    for (name, color) in legend.iter().rev() {
        lx -= 8.0 + 7.0 * name.len() as f64;
        let _ = write!(
            o,
            r#"<rect x="{lx:.1}" y="{:.1}" width="9" height="9" fill="{color}"/><text class="legend" x="{:.1}" y="{:.1}">{}</text>"#,
            top - 15.0,
            lx + 12.0,
            top - 6.5,
            esc(name)
        );
        lx -= 12.0;
    }
    o.push_str("</g>\n");
}

/// A step line through (t, v) points: the value holds until the next collection changes it.
fn step_line(
    o: &mut String,
    xs: &XScale,
    panel: usize,
    max: f64,
    pts: &[(f64, f64)],
    color: &str,
    class: &str,
) {
    if pts.is_empty() {
        return;
    }
    let mut d = String::new();
    for (k, &(t, v)) in pts.iter().enumerate() {
        let (px, py) = (xs.x(t), y(panel, v, max));
        if k == 0 {
            let _ = write!(d, "M{px:.1},{py:.1}");
        } else {
            let _ = write!(d, "H{px:.1}V{py:.1}");
        }
    }
    let _ = write!(d, "H{:.1}", WIDTH - RIGHT);
    let _ = writeln!(
        o,
        r#"<path class="{class}" d="{d}" fill="none" stroke="{color}" stroke-width="1.6"/>"#
    );
}

/// The whole picture. `standalone` adds the XML namespace (for a .svg file).
pub fn render(trace: &Trace, standalone: bool) -> String {
    let all = &trace.records;
    let sel = shown(trace);
    // The collections drawn one by one (all of them unless the trace is huge).
    let rs: Vec<&Record> = sel.iter().map(|&i| &all[i]).collect();
    let (t0, t1) = time_span(all);
    let xs = XScale {
        t0,
        span: (t1 - t0).max(1.0),
    };
    let h = height();
    let mut o = String::new();
    let ns = if standalone {
        r#" xmlns="http://www.w3.org/2000/svg""#
    } else {
        ""
    };
    let _ = writeln!(
        o,
        r#"<svg{ns} id="gc-timeline" width="{WIDTH}" height="{h:.0}" viewBox="0 0 {WIDTH} {h:.0}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="11">"#
    );
    o.push_str("<style>.frame{fill:#fafafa;stroke:#bbb}.ptitle{font-weight:bold;font-size:12px}.ylab{text-anchor:end;fill:#555}.xlab{text-anchor:middle;fill:#555}.legend{fill:#333}.grid{stroke:#e4e4e4}.hit{fill:transparent}.hit:hover,.hit.sel{fill:rgba(0,0,0,0.08)}</style>\n");
    let kinds = (
        all.iter().filter(|r| r.kind == Kind::Minor).count(),
        all.iter().filter(|r| r.kind == Kind::Major).count(),
    );
    let _ = writeln!(
        o,
        r#"<text x="{LEFT}" y="18" font-size="14" font-weight="bold">minipy GC timeline: {} minor, {} major collections over {}</text>"#,
        kinds.0,
        kinds.1,
        esc(&fmt_us(t1 - t0))
    );
    if rs.len() < all.len() {
        let _ = writeln!(
            o,
            r##"<text x="{:.1}" y="18" text-anchor="end" fill="#555">drawn: every major and the longest minor per half pixel ({} of {})</text>"##,
            WIDTH - RIGHT,
            rs.len(),
            all.len()
        );
    }

    // Vertical grid lines and the time axis (in ms) under the last panel.
    let step = nice_step(t1 - t0, 10.0);
    let bottom = panel_top(PANELS - 1) + PANEL_H;
    let mut t = (t0 / step).ceil() * step;
    while t <= t1 + 1e-9 {
        let x = xs.x(t);
        let _ = write!(
            o,
            r#"<line class="grid" x1="{x:.1}" x2="{x:.1}" y1="{TOP}" y2="{bottom:.1}"/><text class="xlab" x="{x:.1}" y="{:.1}">{}</text>"#,
            bottom + 14.0,
            esc(&fmt_us(t))
        );
        t += step;
    }
    o.push('\n');

    // Panel 0: pauses.
    let max_pause = all.iter().map(|r| r.duration_us).fold(0.0, f64::max);
    frame(
        &mut o,
        0,
        "pauses (bar height = pause duration)",
        &fmt_us(max_pause),
        &[("minor", MINOR_COLOR), ("major", MAJOR_COLOR)],
    );
    for (i, r) in rs.iter().enumerate() {
        let color = if r.kind == Kind::Minor {
            MINOR_COLOR
        } else {
            MAJOR_COLOR
        };
        let top = y(0, r.duration_us, max_pause);
        let _ = writeln!(
            o,
            r#"<rect class="pause {}" data-i="{i}" x="{:.1}" y="{top:.1}" width="{:.1}" height="{:.1}" fill="{color}"/>"#,
            r.kind.name(),
            xs.x(r.t_us),
            xs.w(r.duration_us).max(1.5),
            (panel_top(0) + PANEL_H - top).max(0.5)
        );
    }

    // Panel 1: nursery fill at each minor collection.
    let all_minors = || all.iter().filter(|r| r.kind == Kind::Minor);
    let minors: Vec<&Record> = rs
        .iter()
        .copied()
        .filter(|r| r.kind == Kind::Minor)
        .collect();
    let known_size = all_minors().all(|r| r.nursery_size.is_some_and(|s| s > 0));
    let max_used = all_minors().map(|r| r.nursery_used).max().unwrap_or(0) as f64;
    let fill = |r: &Record| -> f64 {
        match r.nursery_size {
            Some(s) if known_size => r.nursery_used as f64 / s as f64,
            _ => r.nursery_used as f64 / max_used.max(1.0),
        }
    };
    let size_label = minors
        .iter()
        .find_map(|r| r.nursery_size)
        .map_or(String::new(), |s| format!(" of {}", fmt_bytes(s)));
    frame(
        &mut o,
        1,
        &format!("nursery fill at each minor collection{size_label}"),
        if known_size { "100%" } else { "max" },
        &[("fill", MINOR_COLOR)],
    );
    for r in &minors {
        let f = fill(r);
        let _ = writeln!(
            o,
            r#"<circle class="fill" cx="{:.1}" cy="{:.1}" r="2.2" fill="{MINOR_COLOR}"/>"#,
            xs.x(r.t_us),
            y(1, f, 1.0)
        );
    }

    // Panel 2: old generation and external bytes after each collection.
    let max_ext = all
        .iter()
        .filter_map(|r| r.external_bytes)
        .max()
        .unwrap_or(0);
    let max_bytes = all
        .iter()
        .map(|r| r.old_bytes)
        .max()
        .unwrap_or(0)
        .max(max_ext) as f64;
    let has_ext = all.iter().any(|r| r.external_bytes.is_some());
    let mut legend = vec![("old + large", OLD_COLOR)];
    if has_ext {
        legend.push(("external (malloc'd cdata)", EXT_COLOR));
    }
    frame(
        &mut o,
        2,
        "heap bytes after each collection",
        &fmt_bytes(max_bytes as u64),
        &legend,
    );
    let old_pts: Vec<(f64, f64)> = all
        .iter()
        .map(|r| (r.t_us + r.duration_us, r.old_bytes as f64))
        .collect();
    step_line(
        &mut o,
        &xs,
        2,
        max_bytes,
        &decimate(&xs, old_pts),
        OLD_COLOR,
        "old",
    );
    if has_ext {
        let ext_pts: Vec<(f64, f64)> = all
            .iter()
            .filter_map(|r| r.external_bytes.map(|e| (r.t_us + r.duration_us, e as f64)))
            .collect();
        step_line(
            &mut o,
            &xs,
            2,
            max_bytes,
            &decimate(&xs, ext_pts),
            EXT_COLOR,
            "external",
        );
    }

    // Panel 3: survivors (objects copied out of the nursery) per minor collection.
    let max_surv = all_minors().map(|r| r.survivors).max().unwrap_or(0) as f64;
    frame(
        &mut o,
        3,
        "survivors per minor collection (objects promoted)",
        &format!("{max_surv:.0}"),
        &[("survivors", MINOR_COLOR)],
    );
    for r in &minors {
        let top = y(3, r.survivors as f64, max_surv);
        let _ = writeln!(
            o,
            r#"<rect class="surv" x="{:.1}" y="{top:.1}" width="2" height="{:.1}" fill="{MINOR_COLOR}"/>"#,
            xs.x(r.t_us) - 1.0,
            panel_top(3) + PANEL_H - top
        );
    }

    // Panel 4: live handles, finalizers run (cumulative over the whole file) and queued (markers).
    let mut fin_pts = Vec::new();
    let (mut base, mut last) = (0u64, 0u64);
    for (i, r) in all.iter().enumerate() {
        if i > 0 && all[i - 1].run != r.run {
            base += last;
            last = 0;
        }
        if let Some(f) = r.finalizers_run {
            last = f;
            fin_pts.push((r.t_us, (base + f) as f64));
        }
    }
    // Three series of very different sizes (500 handles, 20000 finalizers): each gets its own
    // scale, and the legend says what the top of the panel means for it.
    let max_fin = fin_pts.iter().map(|p| p.1).fold(0.0, f64::max);
    let fin_pts = decimate(&xs, fin_pts);
    let max_queued = all.iter().map(|r| r.finalizers_queued).max().unwrap_or(0) as f64;
    let max_handles = all.iter().map(|r| r.handles).max().unwrap_or(0) as f64;
    let l_handles = format!("live handles (top {max_handles:.0})");
    let l_fin = format!("finalizers run (top {max_fin:.0})");
    let l_queued = format!("finalizers queued (top {max_queued:.0})");
    let max_pinned = all.iter().map(|r| r.pinned).max().unwrap_or(0) as f64;
    let l_pinned = format!("pinned objects (top {max_pinned:.0})");
    let mut legend = vec![(l_handles.as_str(), HANDLE_COLOR)];
    if max_pinned > 0.0 {
        legend.push((l_pinned.as_str(), PIN_COLOR));
    }
    if !fin_pts.is_empty() {
        legend.push((l_fin.as_str(), FIN_COLOR));
    }
    legend.push((l_queued.as_str(), MAJOR_COLOR));
    frame(
        &mut o,
        4,
        if max_pinned > 0.0 {
            "handles, pinned objects and finalizers (own scales)"
        } else {
            "handles and finalizers (own scales)"
        },
        "top",
        &legend,
    );
    let hpts: Vec<(f64, f64)> = all.iter().map(|r| (r.t_us, r.handles as f64)).collect();
    step_line(
        &mut o,
        &xs,
        4,
        max_handles,
        &decimate(&xs, hpts),
        HANDLE_COLOR,
        "handles",
    );
    if max_pinned > 0.0 {
        let ppts: Vec<(f64, f64)> = all.iter().map(|r| (r.t_us, r.pinned as f64)).collect();
        step_line(
            &mut o,
            &xs,
            4,
            max_pinned,
            &decimate(&xs, ppts),
            PIN_COLOR,
            "pinned",
        );
    }
    step_line(&mut o, &xs, 4, max_fin, &fin_pts, FIN_COLOR, "finrun");
    for r in all.iter().filter(|r| r.finalizers_queued > 0) {
        let (cx, cy) = (xs.x(r.t_us), y(4, r.finalizers_queued as f64, max_queued));
        let _ = writeln!(
            o,
            r#"<path class="queued" d="M{cx:.1},{:.1}l4,7h-8z" fill="{MAJOR_COLOR}"/>"#,
            cy - 4.0
        );
    }

    // Run boundaries (the trace file was appended to by several runs).
    for (i, r) in all.iter().enumerate().skip(1) {
        if all[i - 1].run != r.run {
            let x = xs.x(r.t_us) - 2.0;
            let _ = writeln!(
                o,
                r##"<line x1="{x:.1}" x2="{x:.1}" y1="{TOP}" y2="{bottom:.1}" stroke="#555" stroke-dasharray="4 3"/><text x="{:.1}" y="{:.1}" fill="#555">run {}</text>"##,
                x + 3.0,
                TOP + 10.0,
                r.run + 1
            );
        }
    }

    // Hover columns: one per collection, from halfway to its neighbours, full height; on top.
    o.push_str("<g id=\"hits\">\n");
    let xs_of: Vec<f64> = rs.iter().map(|r| xs.x(r.t_us)).collect();
    for (i, r) in rs.iter().enumerate() {
        let left = if i == 0 {
            xs_of[0] - 2.0
        } else {
            (xs_of[i - 1] + xs_of[i]) / 2.0
        };
        let right = match xs_of.get(i + 1) {
            Some(n) => (xs_of[i] + n) / 2.0,
            None => xs_of[i] + xs.w(r.duration_us).max(2.0),
        };
        let (l, rgt) = (left.min(xs_of[i] - 1.0), right.max(xs_of[i] + 1.0));
        let _ = writeln!(
            o,
            r#"<rect class="hit" data-i="{i}" x="{l:.1}" y="{TOP}" width="{:.1}" height="{:.1}"><title>{} #{} at {}: pause {}&#10;{}</title></rect>"#,
            rgt - l,
            bottom - TOP,
            r.kind.name(),
            r.n,
            esc(&fmt_us(r.t_us)),
            esc(&fmt_us(r.duration_us)),
            esc(&r.line)
        );
    }
    o.push_str("</g>\n</svg>\n");
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gcreport::parse::parse_trace;

    fn trace() -> Trace {
        let mut lines = Vec::new();
        for i in 0..20 {
            let kind = if i % 7 == 6 { "major" } else { "minor" };
            lines.push(format!(
                r#"{{"kind":"{kind}","n":{i},"start_us":{},"duration_us":{},"nursery_used":{},"survivors":{i},"survivor_bytes":{},"old_before":0,"old_after":{},"handles":{},"finalizers_queued":{},"nursery_size":65536,"old_bytes":{},"external_bytes":{},"finalizers_run":{}}}"#,
                i * 1000,
                50 + i * 3,
                1000 * i,
                i * 32,
                i * 4096,
                i % 4,
                (i % 7 == 6) as u32,
                i * 4000,
                i * 10,
                i / 7
            ));
        }
        parse_trace(&lines.join("\n")).unwrap()
    }

    #[test]
    fn one_hover_column_per_collection_with_its_line() {
        let t = trace();
        let svg = render(&t, true);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert_eq!(svg.matches("class=\"hit\"").count(), 20);
        assert_eq!(svg.matches("<title>").count(), 20);
        assert_eq!(svg.matches("class=\"pause minor\"").count(), 18);
        assert_eq!(svg.matches("class=\"pause major\"").count(), 2);
        assert_eq!(svg.matches("class=\"queued\"").count(), 2);
        // The trace line is in the title, escaped.
        assert!(svg.contains("{&quot;kind&quot;:&quot;minor&quot;,&quot;n&quot;:0,"));
        for p in 0..PANELS {
            assert!(svg.contains(&format!("id=\"panel{p}\"")));
        }
        assert!(
            !svg.contains("NaN") && !svg.contains("inf"),
            "non-finite coordinate"
        );
        // Inline in HTML: no namespace attribute.
        assert!(render(&t, false).starts_with("<svg id="));
    }

    #[test]
    fn pinned_objects_series_only_when_something_was_pinned() {
        let svg = render(&trace(), true);
        assert!(!svg.contains("class=\"pinned\"") && !svg.contains("pinned objects"));
        let t = parse_trace(concat!(
            r#"{"kind":"minor","start_us":0,"duration_us":5,"old_after":0,"pinned":0}"#,
            "\n",
            r#"{"kind":"minor","start_us":10,"duration_us":5,"old_after":0,"pinned":3,"pinned_lost":96}"#,
            "\n",
            r#"{"kind":"minor","start_us":20,"duration_us":5,"old_after":0,"pinned":1}"#
        ))
        .unwrap();
        assert_eq!(t.records[1].pinned, 3);
        let svg = render(&t, true);
        assert!(svg.contains("class=\"pinned\""));
        assert!(svg.contains("pinned objects (top 3)"));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
    }

    #[test]
    fn single_collection_and_old_traces_draw() {
        let t =
            parse_trace(r#"{"kind":"major","start_us":0,"duration_us":0,"old_after":0}"#).unwrap();
        let svg = render(&t, true);
        assert_eq!(svg.matches("class=\"hit\"").count(), 1);
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
        assert!(!svg.contains("class=\"external\""));
    }

    #[test]
    fn a_huge_trace_stays_small() {
        // A stress-mode trace: 200000 minors, a major every 10000, handles changing now and then.
        let mut text = String::new();
        for i in 0..200_000u64 {
            let kind = if i % 10_000 == 9_999 {
                "major"
            } else {
                "minor"
            };
            text.push_str(&format!(
                r#"{{"kind":"{kind}","n":{i},"start_us":{},"duration_us":{},"old_after":{},"old_bytes":{},"handles":{},"finalizers_run":{}}}"#,
                i * 10,
                1 + i % 7,
                i * 8,
                i * 8,
                i / 1000,
                i / 50_000
            ));
            text.push('\n');
        }
        let t = parse_trace(&text).unwrap();
        let sel = shown(&t);
        assert!(sel.windows(2).all(|w| w[0] < w[1]));
        let majors = sel
            .iter()
            .filter(|&&i| t.records[i].kind == Kind::Major)
            .count();
        assert_eq!(majors, 20, "every major is kept");
        assert!(sel.len() <= 2 * WIDTH as usize + 20, "{} shown", sel.len());
        let svg = render(&t, true);
        assert_eq!(svg.matches("class=\"hit\"").count(), sel.len());
        assert!(svg.len() < 4 << 20, "{} bytes", svg.len());
        assert!(svg.contains(&format!("({} of 200000)", sel.len())));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
    }

    #[test]
    fn escaping() {
        assert_eq!(esc("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
    }

    #[test]
    fn steps_are_nice() {
        assert_eq!(nice_step(1000.0, 10.0), 100.0);
        assert_eq!(nice_step(3000.0, 10.0), 200.0);
        assert!(nice_step(0.0, 10.0) > 0.0);
    }
}
