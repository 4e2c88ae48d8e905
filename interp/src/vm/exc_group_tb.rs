//! The report of an uncaught exception group, in CPython 3.11's boxed format:
//!
//! ```text
//!   + Exception Group Traceback (most recent call last):
//!   |   File "x.py", line 1, in <module>
//!   | ExceptionGroup: eg (2 sub-exceptions)
//!   +-+---------------- 1 ----------------
//!     | ValueError: 1
//!     +---------------- 2 ----------------
//!     | TypeError: 2
//!     +------------------------------------
//! ```
//!
//! Nested groups indent by two columns per level; at most 15 members of a group and 10 levels are
//! shown (CPython's max_group_width/max_group_depth). The cause/context chain of a member is
//! printed inside its box; the chain of the outermost exception is vm/exc.rs's.
//!
//! GC: formatting calls `str()` (Python code). Every exception being printed is kept in a
//! value-stack slot (those slots also serve as the "already printed" set of the chains) and
//! re-read from it after each call.

use super::Vm;
use crate::obj::layout::*;
use gc::Value;

const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;
/// How deep member chains are followed (the Rust recursion stays bounded).
const MAX_CHAIN_NESTING: usize = 100;

struct Ctx {
    depth: usize,
    need_close: bool,
    /// Stack slots from here hold exceptions already printed (chains stop at them).
    seen_base: usize,
    nesting: usize,
}

impl Ctx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }
    fn margin(&self) -> &'static str {
        if self.depth > 0 {
            "| "
        } else {
            ""
        }
    }
}

impl Vm {
    /// Is `e` an exception group? (None is before `_excgroup` has been loaded.)
    pub(super) fn is_exception_group(&mut self, e: Value) -> bool {
        let k = self.intern("BaseExceptionGroup");
        match self.dict_get_str(self.roots.builtins, k) {
            Some(t) if self.is(t, Kind::Type) => self.isinstance(e, t),
            _ => false,
        }
    }

    /// The boxed report of the exception group at stack slot `slot` (the top).
    pub(super) fn format_exception_group(&mut self, slot: usize) -> String {
        let mut ctx = Ctx {
            depth: 0,
            need_close: false,
            seen_base: slot,
            nesting: 0,
        };
        let mut out = String::new();
        self.print_group(slot, &mut ctx, &mut out);
        self.truncate(slot + 1);
        out
    }

    /// One exception (traceback and message) at the current depth, the exception at `slot` (the top).
    fn print_boxed_exception(&mut self, slot: usize, is_group: bool, ctx: &Ctx, out: &mut String) {
        let text = self.format_plain_exception(slot);
        let indent = ctx.indent();
        let margin = ctx.margin();
        for (i, line) in text.lines().enumerate() {
            if i == 0 && line.starts_with("Traceback (most recent call last):") {
                let header_margin = if is_group && ctx.depth == 1 {
                    "+ "
                } else {
                    margin
                };
                let header = if is_group {
                    "Exception Group Traceback (most recent call last):"
                } else {
                    line
                };
                out.push_str(&format!("{indent}{header_margin}{header}\n"));
            } else {
                out.push_str(&format!("{indent}{margin}{line}\n"));
            }
        }
    }

    fn print_group(&mut self, slot: usize, ctx: &mut Ctx, out: &mut String) {
        if ctx.depth > MAX_GROUP_DEPTH {
            out.push_str(&format!(
                "{}{}... (max_group_depth is {MAX_GROUP_DEPTH})\n",
                ctx.indent(),
                ctx.margin()
            ));
            return;
        }
        if ctx.depth == 0 {
            ctx.depth += 1;
        }
        self.print_boxed_exception(slot, true, ctx, out);
        let excs = match self.exc_attr(self.at(slot), "_exceptions") {
            Some(t) if self.is(t, Kind::Tuple) => t,
            _ => return,
        };
        self.push(excs); // slot + 1
        let num = self.tuple_items(excs).len();
        let n = if num <= MAX_GROUP_WIDTH {
            num
        } else {
            MAX_GROUP_WIDTH + 1
        };
        ctx.need_close = false;
        for i in 0..n {
            let last = i + 1 == n;
            if last {
                // The closing line may come from a nested group instead.
                ctx.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let lead = if i == 0 { "+-" } else { "  " };
            let label = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            out.push_str(&format!(
                "{}{lead}+---------------- {label} ----------------\n",
                ctx.indent()
            ));
            ctx.depth += 1;
            if truncated {
                let more = num - MAX_GROUP_WIDTH;
                let s = if more > 1 { "s" } else { "" };
                out.push_str(&format!(
                    "{}{}and {more} more exception{s}\n",
                    ctx.indent(),
                    ctx.margin()
                ));
            } else {
                let e = self.tuple_items(self.at(slot + 1))[i];
                self.push(e);
                let eslot = self.sp() - 1;
                self.print_recursive(eslot, ctx, out);
                self.truncate(slot + 2);
            }
            if last && ctx.need_close {
                out.push_str(&format!(
                    "{}+------------------------------------\n",
                    ctx.indent()
                ));
                ctx.need_close = false;
            }
            ctx.depth -= 1;
        }
        if ctx.depth == 1 {
            ctx.depth -= 1;
        }
        self.truncate(slot + 1);
    }

    /// A member of a group: its cause/context chain, then itself (at `slot`, the top).
    fn print_recursive(&mut self, slot: usize, ctx: &mut Ctx, out: &mut String) {
        if ctx.nesting < MAX_CHAIN_NESTING {
            ctx.nesting += 1;
            self.print_cause_and_context(slot, ctx, out);
            ctx.nesting -= 1;
        }
        if self.is_exception_group(self.at(slot)) {
            self.print_group(slot, ctx, out);
        } else {
            self.print_boxed_exception(slot, false, ctx, out);
        }
    }

    fn print_cause_and_context(&mut self, slot: usize, ctx: &mut Ctx, out: &mut String) {
        let e = self.at(slot);
        let seen = |vm: &Vm, v: Value| vm.roots.stack[ctx.seen_base..].contains(&v);
        if let Some(cause) = self.exc_attr(e, "__cause__") {
            if !seen(self, cause) {
                self.print_chained(
                    cause,
                    "The above exception was the direct cause of the following exception:\n",
                    ctx,
                    out,
                );
            }
            return;
        }
        let e = self.at(slot);
        let suppressed = self
            .exc_attr(e, "__suppress_context__")
            .is_some_and(|v| v == self.bool_val(true));
        if suppressed {
            return;
        }
        let e = self.at(slot);
        if let Some(context) = self.exc_attr(e, "__context__") {
            if !seen(self, context) {
                self.print_chained(
                    context,
                    "During handling of the above exception, another exception occurred:\n",
                    ctx,
                    out,
                );
            }
        }
    }

    /// Prints `v` (then the message linking it to what follows); `v` stays on the stack as seen.
    fn print_chained(&mut self, v: Value, message: &str, ctx: &mut Ctx, out: &mut String) {
        let top = self.sp();
        self.push(v);
        let need_close = ctx.need_close;
        self.print_recursive(top, ctx, out);
        self.truncate(top + 1);
        ctx.need_close = need_close;
        let (indent, margin) = (ctx.indent(), ctx.margin());
        out.push_str(&format!(
            "{indent}{margin}\n{indent}{margin}{message}{indent}{margin}\n"
        ));
    }
}
