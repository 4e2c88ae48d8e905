//! The interactive prompt: reads statements (continuing blocks with `...`), compiles them in
//! interactive mode (expression values are printed) and runs them in one `__main__` namespace.

use std::io::{BufRead, Write};

pub fn run() -> i32 {
    let mut vm = crate::run::new_vm(vec![String::new()], "<stdin>");
    let m = match vm.new_module("__main__") {
        Ok(m) => m,
        Err(_) => return 1,
    };
    vm.roots.temps.push(m);
    println!("minipy (Python 3 subset) on a moving GC heap. Ctrl-D exits.");
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    loop {
        print!(">>> ");
        let _ = std::io::stdout().flush();
        let Some(Ok(first)) = lines.next() else {
            println!();
            return 0;
        };
        let mut src = first.clone();
        if first.trim_end().ends_with(':') {
            loop {
                print!("... ");
                let _ = std::io::stdout().flush();
                match lines.next() {
                    Some(Ok(l)) if !l.trim().is_empty() => {
                        src.push('\n');
                        src.push_str(&l);
                    }
                    _ => break,
                }
            }
        }
        src.push('\n');
        let r = vm.compile_source(&src, "<stdin>", true).and_then(|code| {
            let m = vm.roots.temps[0]; // read after compiling (a GC point)
            vm.exec_module_code(code, m)
        });
        if r.is_err() {
            let e = vm.take_exc();
            if vm.exc_matches(e, "SystemExit") {
                vm.roots.exc = e;
                return vm.report_uncaught();
            }
            let t = vm.format_traceback(e);
            eprint!("{}", crate::unicode::for_stderr(&t));
        }
    }
}
