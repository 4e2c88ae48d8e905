//! html.rs: wraps the SVG timeline (svg.rs) and the summary table (summary.rs) into one
//! self-contained HTML page: inline SVG, inline CSS, a small inline script, nothing fetched.
//!
//! No GC invariants here. The script only adds comfort: clicking or hovering a collection's column
//! shows its trace line under the picture (the SVG `<title>` tooltips work without it). When it has
//! wired every column it sets `data-gc-report="ready"` and `data-collections="N"` (N drawn columns:
//! every collection unless the trace is huge, see svg.rs) on `<body>`: the
//! headless-browser test (interp/tests/gc_report_browser.rs) checks those to know the page ran.
use super::parse::Trace;
use super::summary::{table_rows, Summary};
use super::svg::{esc, render, shown};

const SCRIPT: &str = r#"
(function () {
  var cols = document.querySelectorAll('#hits .hit');
  var out = document.getElementById('detail');
  var lines = JSON.parse(document.getElementById('trace-lines').textContent);
  var sel = null;
  function show(el) {
    var i = +el.getAttribute('data-i');
    out.textContent = lines[i];
  }
  cols.forEach(function (el) {
    el.addEventListener('mouseenter', function () { show(el); });
    el.addEventListener('click', function () {
      if (sel) sel.classList.remove('sel');
      sel = el; el.classList.add('sel'); show(el);
    });
  });
  if (cols.length !== lines.length) throw new Error('gc-report: ' + cols.length + ' columns for ' + lines.length + ' trace lines');
  document.body.setAttribute('data-collections', String(cols.length));
  document.body.setAttribute('data-gc-report', 'ready');
})();
"#;

/// JSON string literal for a trace line, safe inside `<script>` (no `</` can close the element).
fn js_string(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '<' => o.push_str("\\u003c"),
            '>' => o.push_str("\\u003e"),
            '&' => o.push_str("\\u0026"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                o.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

pub fn render_html(trace: &Trace, summary: &Summary, title: &str) -> String {
    let mut table = String::from("<table id=\"summary\">\n");
    for (k, row) in table_rows(summary).iter().enumerate() {
        let cell = if k == 0 { "th" } else { "td" };
        table.push_str("<tr>");
        for c in row {
            table.push_str(&format!("<{cell}>{}</{cell}>", esc(c)));
        }
        table.push_str("</tr>\n");
    }
    table.push_str("</table>\n");
    // One line per drawn column (svg.rs's `data-i` indexes this list).
    let lines: Vec<String> = shown(trace)
        .into_iter()
        .map(|i| js_string(&trace.records[i].line))
        .collect();
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: DejaVu Sans, Helvetica, Arial, sans-serif; margin: 16px; color: #222; background: #fff; }}
table {{ border-collapse: collapse; margin: 8px 0 12px; }}
th, td {{ border: 1px solid #ccc; padding: 3px 10px; text-align: right; }}
th:first-child, td:first-child {{ text-align: left; }}
#detail {{ background: #f4f4f4; padding: 6px; min-height: 1.4em; white-space: pre-wrap; word-break: break-all; font-size: 12px; }}
.note {{ color: #555; font-size: 12px; }}
</style></head>
<body>
<h2>{title}</h2>
{table}<p class="note">{note}Hover (or click) a collection to see its trace line.</p>
{svg}<pre id="detail"></pre>
<script type="application/json" id="trace-lines">[{lines}]</script>
<script>{SCRIPT}</script>
</body></html>
"#,
        title = esc(title),
        note = if trace.runs > 1 {
            format!(
                "The trace file holds {} runs, drawn one after the other. ",
                trace.runs
            )
        } else {
            String::new()
        },
        svg = render(trace, false),
        lines = lines.join(",\n"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gcreport::parse::parse_trace;
    use crate::gcreport::summary::summarize;

    #[test]
    fn page_is_self_contained() {
        let t = parse_trace(
            r#"{"kind":"minor","n":1,"start_us":5,"duration_us":3,"old_after":9}
{"kind":"major","n":1,"start_us":9,"duration_us":4,"old_after":9}"#,
        )
        .unwrap();
        let page = render_html(&t, &summarize(&t), "t <1>");
        assert!(page.contains("<title>t &lt;1&gt;</title>"));
        assert!(page.contains("<svg id=\"gc-timeline\""));
        assert!(page.contains("data-gc-report"));
        assert!(page.contains("<td>minor</td><td>1</td>"));
        assert!(
            !page.contains("http://") && !page.contains("https://"),
            "no network references"
        );
        assert!(!page.contains("src="));
    }

    #[test]
    fn lines_cannot_close_the_script() {
        assert_eq!(js_string("a</script>\"\\"), r#""a\u003c/script\u003e\"\\""#);
    }
}
