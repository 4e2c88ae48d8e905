//! The `minipy` command line: run a script, `-c code`, stdin, a REPL, or `--dis` a script's bytecode.

use std::io::{IsTerminal, Read};

const HELP: &str = "usage: minipy [--dis] [-c code | script.py | -] [args...]
       minipy --gc-report TRACE.jsonl [-o REPORT.html|REPORT.svg]

Runs a Python 3 script on minipy's moving generational GC heap.

options:
  -c code        run code given as a string
  --dis          print the bytecode of every code object instead of running
  --gc-report    summarize a MINIPY_GC_TRACE file; -o draws its timeline (.html or .svg)
  -h, --help     this message
  (no argument)  a REPL when stdin is a terminal, otherwise run stdin as a script

environment:
  MINIPY_GC_NURSERY=SIZE      nursery size (e.g. 256k, 4M)
  MINIPY_GC_MAJOR_COLLECT=F   major collection when the old generation grows by factor F (default 1.82)
  MINIPY_GC_STRESS=N          a minor collection before every Nth allocation (1 = every allocation)
  MINIPY_GC_VERIFY=1          run the heap verifier after every collection
  MINIPY_GC_TRACE=FILE        one JSON line per collection
";

fn main() {
    // glibc's mmap threshold fixed for this process (gc/src/large.rs: big freed temporaries would
    // otherwise stay resident); the library leaves an embedding program's malloc alone.
    gc::tune_malloc();
    // Deep Python recursion is bounded by the recursion limit, but Rust re-entrancy (natives calling
    // Python) still needs stack: run the interpreter on a large thread stack.
    let child = std::thread::Builder::new()
        .stack_size(1 << 29)
        .spawn(real_main)
        .expect("cannot start the interpreter thread");
    let code = child.join().unwrap_or(70);
    std::process::exit(code);
}

fn real_main() -> i32 {
    let args: Vec<String> = std::env::args().collect();
    let mut i = 1;
    let mut dis = false;
    while i < args.len() {
        match args[i].as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                return 0;
            }
            "--gc-report" => return minipy::gcreport::main(&args[i + 1..]),
            "--dis" => {
                dis = true;
                i += 1;
            }
            _ => break,
        }
    }
    let (source, filename, argv) = if i >= args.len() {
        if std::io::stdin().is_terminal() && !dis {
            return minipy::repl::run();
        }
        let mut s = String::new();
        if std::io::stdin().read_to_string(&mut s).is_err() {
            eprintln!("minipy: cannot read stdin");
            return 2;
        }
        (s, "<stdin>".to_string(), vec!["-".to_string()])
    } else if args[i] == "-c" {
        let Some(code) = args.get(i + 1) else {
            eprintln!("Argument expected for the -c option");
            return 2;
        };
        let mut argv = vec!["-c".to_string()];
        argv.extend(args[i + 2..].iter().cloned());
        (code.clone(), "<string>".to_string(), argv)
    } else if args[i] == "-" {
        let mut s = String::new();
        let _ = std::io::stdin().read_to_string(&mut s);
        (s, "<stdin>".to_string(), args[i..].to_vec())
    } else {
        let path = &args[i];
        match std::fs::read(path) {
            Ok(b) => match minipy::compiler::encoding::decode_source(&b) {
                Ok(s) => (s, path.clone(), args[i..].to_vec()),
                Err(e) => {
                    // CPython names the file by its absolute path (cwd joined, not normalised).
                    let abs = std::env::current_dir()
                        .map(|d| d.join(path).to_string_lossy().into_owned())
                        .unwrap_or_else(|_| path.clone());
                    eprintln!("SyntaxError: {}", e.script_message(&abs));
                    return 1;
                }
            },
            Err(e) => {
                eprintln!("minipy: can't open file '{path}': {e}");
                return 2;
            }
        }
    };
    if dis {
        return match minipy::compiler::compile(&source, &filename, false) {
            Ok(cu) => {
                print!("{}", minipy::dis::disassemble(&cu));
                0
            }
            Err(e) => {
                eprintln!(
                    "  File \"{}\", line {}\n{}: {}",
                    e.filename, e.line, e.kind, e.msg
                );
                1
            }
        };
    }
    minipy::run::run_script(&source, &filename, argv)
}
