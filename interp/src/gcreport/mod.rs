//! gcreport: `minipy --gc-report TRACE [-o OUT.html|OUT.svg]` renders a `MINIPY_GC_TRACE` file as a
//! timeline picture and prints a summary table.
//!
//! parse.rs reads the trace, summary.rs computes and prints the numbers, svg.rs draws, html.rs wraps
//! the drawing into a page. Nothing here touches a heap (no GC invariants); every failure is a message
//! on stderr and exit status 1, never a panic.
pub mod html;
pub mod parse;
pub mod summary;
pub mod svg;

pub const USAGE: &str = "usage: minipy --gc-report TRACE.jsonl [-o REPORT.html|REPORT.svg]";

/// Runs the command; `args` are the arguments after `--gc-report`. Returns the exit status.
pub fn main(args: &[String]) -> i32 {
    match run(args) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("minipy --gc-report: {e}");
            1
        }
    }
}

/// Prints to stdout, ignoring errors: `minipy --gc-report t.jsonl | head -1` must not panic when
/// the pipe closes (print! would).
fn say(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

fn run(args: &[String]) -> Result<(), String> {
    let mut input = None;
    let mut output = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "-o" | "--output" => {
                let Some(o) = args.get(i + 1) else {
                    return Err(format!("-o needs a file name\n{USAGE}"));
                };
                output = Some(o.clone());
                i += 2;
            }
            a if input.is_none() && !a.starts_with('-') => {
                input = Some(a.to_string());
                i += 1;
            }
            a => return Err(format!("unexpected argument {a:?}\n{USAGE}")),
        }
    }
    let Some(input) = input else {
        return Err(format!("no trace file given\n{USAGE}"));
    };
    // Decide the output format before the work, so a typo fails fast.
    let format = match &output {
        None => None,
        Some(o) => {
            let lower = o.to_ascii_lowercase();
            if lower.ends_with(".svg") {
                Some(false)
            } else if lower.ends_with(".html") || lower.ends_with(".htm") {
                Some(true)
            } else {
                return Err(format!("output {o:?} must end in .html or .svg"));
            }
        }
    };
    let bytes = std::fs::read(&input).map_err(|e| format!("cannot read {input:?}: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        format!("{input:?} is not a text file (not UTF-8): not a MINIPY_GC_TRACE file")
    })?;
    let trace = parse::parse_trace(&text).map_err(|e| format!("{input}: {e}"))?;
    let s = summary::summarize(&trace);
    say(&summary::format_table(&s));
    if trace.truncated_tail {
        say(&format!(
            "(the last line of {input} was cut short and is ignored)\n"
        ));
    }
    if let (Some(out), Some(html)) = (output, format) {
        let doc = if html {
            html::render_html(&trace, &s, &format!("minipy GC report: {input}"))
        } else {
            svg::render(&trace, true)
        };
        std::fs::write(&out, doc).map_err(|e| format!("cannot write {out:?}: {e}"))?;
        say(&format!("wrote {out}\n"));
    }
    Ok(())
}
