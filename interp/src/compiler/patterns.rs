//! The `match` statement (PEP 634), compiled as CPython 3.11 compiles it.
//!
//! A pattern is compiled with the subject on top of the stack and always consumes it. Names it
//! captures are not stored at once: each captured value is rotated down the stack (below the items
//! the pattern still works on, `on_top`, and below the values captured before it) and the names are
//! stored only when the whole pattern has matched, before the guard, so that a failed pattern binds
//! nothing. A failing check jumps to `fail_pop[n]`, where `n` is the number of values above the
//! subject's copy at that point; the chain `fail_pop[n]: Pop; fail_pop[n-1]: Pop; ... fail_pop[0]:`
//! is emitted after the case and leads to the next case.
//!
//! Per case (all but the last get a copy of the subject): `[Copy 1]; <pattern>; Store names...;
//! [guard: jump if false to fail_pop[0]]; [Pop]; body; Jump end; <fail_pop chain>`. A trailing
//! `case _:` (with more than one case) reuses the subject the previous case consumed.
//!
//! Runtime checks live in the VM (vm/matching.rs): MatchSequence, MatchMapping, GetLen, MatchKeys,
//! MatchClass, CopyDictWithoutKeys.

use super::emit::Label;
use super::expr::to_const;
use super::{CResult, Compiler, Ctx};
use crate::bytecode::{CmpOp, Const, Op};
use rustpython_parser::ast::{self, Ranged};

/// The state of the pattern being compiled (CPython's `pattern_context`).
struct PatCtx {
    /// Names captured so far, in the order their values sit on the stack (first = nearest the top).
    stores: Vec<String>,
    /// Whether an irrefutable pattern is allowed here.
    allow_irrefutable: bool,
    /// `fail_pop[n]`: pops n values and fails the pattern.
    fail_pop: Vec<Label>,
    /// Values above the subject's copy that the pattern is still working on.
    on_top: usize,
}

fn is_wildcard(p: &ast::Pattern) -> bool {
    matches!(p, ast::Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn is_star_wildcard(p: &ast::Pattern) -> bool {
    matches!(p, ast::Pattern::MatchStar(s) if s.name.is_none())
}

/// The constant a mapping-pattern key folds to (literals, negative numbers, complex literals).
fn key_const(e: &ast::Expr) -> Option<Const> {
    match e {
        ast::Expr::Constant(c) => Some(to_const(&c.value)),
        ast::Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::USub) => {
            match key_const(&u.operand)? {
                Const::Int(i) => Some(Const::Int(-i)),
                Const::BigInt(b) => Some(Const::BigInt(-b)),
                Const::Float(f) => Some(Const::Float(-f)),
                Const::Complex(r, i) => Some(Const::Complex(-r, -i)),
                _ => None,
            }
        }
        ast::Expr::BinOp(b) if matches!(b.op, ast::Operator::Add | ast::Operator::Sub) => {
            let l = key_const(&b.left)?;
            let r = key_const(&b.right)?;
            let re = match l {
                Const::Int(i) => i as f64,
                Const::Float(f) => f,
                _ => return None,
            };
            let Const::Complex(_, im) = r else {
                return None;
            };
            let im = if matches!(b.op, ast::Operator::Sub) {
                -im
            } else {
                im
            };
            Some(Const::Complex(re, im))
        }
        _ => None,
    }
}

/// A key under which equal constants collide (1, 1.0 and True are one dict key).
fn const_key(c: &Const) -> String {
    match c {
        Const::True => "n1".into(),
        Const::False => "n0".into(),
        Const::Int(i) => format!("n{i}"),
        Const::BigInt(b) => format!("n{b}"),
        Const::Float(f) if f.fract() == 0.0 && f.abs() < 1e18 => format!("n{}", *f as i64),
        Const::Float(f) => format!("f{f:?}"),
        Const::Complex(r, 0.0) if r.fract() == 0.0 && r.abs() < 1e18 => format!("n{}", *r as i64),
        Const::Complex(r, i) => format!("c{r:?},{i:?}"),
        Const::Str(s) => format!("s{s}"),
        Const::Bytes(b) => format!("b{b:?}"),
        Const::None => "None".into(),
        other => format!("{other:?}"),
    }
}

/// Python's repr of a key constant, for the duplicate-key message.
fn const_repr(c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::True => "True".into(),
        Const::False => "False".into(),
        Const::Int(i) => i.to_string(),
        Const::BigInt(b) => b.to_string(),
        Const::Float(f) => crate::objects::float::float_repr(*f),
        Const::Str(s) => {
            let q = if s.contains('\'') && !s.contains('"') {
                '"'
            } else {
                '\''
            };
            let mut out = String::from(q);
            for ch in s.chars() {
                match ch {
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\t' => out.push_str("\\t"),
                    '\r' => out.push_str("\\r"),
                    c if c == q => {
                        out.push('\\');
                        out.push(c);
                    }
                    c => out.push(c),
                }
            }
            out.push(q);
            out
        }
        other => format!("{other:?}"),
    }
}

impl<'a> Compiler<'a> {
    pub(crate) fn compile_match(&mut self, m: &'a ast::StmtMatch) -> CResult<()> {
        self.compile_expr(&m.subject)?;
        let end = self.unit.b.new_label();
        let cases = m.cases.len();
        let has_default = cases > 1 && is_wildcard(&m.cases[cases - 1].pattern);
        let n = cases - usize::from(has_default);
        for (i, case) in m.cases[..n].iter().enumerate() {
            self.set_line(case.pattern.start());
            let last = i + 1 == n;
            if !last {
                self.emit(Op::Copy, 1);
            }
            let mut pc = PatCtx {
                stores: Vec::new(),
                // Irrefutable cases must be either guarded, last, or both.
                allow_irrefutable: case.guard.is_some() || i + 1 == cases,
                fail_pop: Vec::new(),
                on_top: 0,
            };
            self.pattern(&case.pattern, &mut pc)?;
            debug_assert_eq!(pc.on_top, 0);
            for name in std::mem::take(&mut pc.stores) {
                self.name_op(&name, Ctx::Store);
            }
            if let Some(g) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.compile_jump_if(g, false, target)?;
            }
            if !last {
                self.emit(Op::Pop, 0);
            }
            self.compile_body(&case.body)?;
            self.unit.b.emit_jump(Op::Jump, end);
            self.set_line(case.pattern.start());
            self.emit_fail_pop(&mut pc);
        }
        if has_default {
            let case = &m.cases[cases - 1];
            self.set_line(case.pattern.start());
            if let Some(g) = &case.guard {
                self.compile_jump_if(g, false, end)?;
            }
            self.compile_body(&case.body)?;
        }
        self.unit.b.bind(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatCtx, n: usize) {
        while pc.fail_pop.len() <= n {
            let l = self.unit.b.new_label();
            pc.fail_pop.push(l);
        }
    }

    /// Jumps (with `op`) to the failure path, popping what is on top and the captured values.
    fn jump_to_fail_pop(&mut self, pc: &mut PatCtx, op: Op) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        let target = pc.fail_pop[pops];
        self.unit.b.emit_jump(op, target);
    }

    /// Binds the failure chain `fail_pop[n]: Pop; ...; fail_pop[0]:` and resets it.
    fn emit_fail_pop(&mut self, pc: &mut PatCtx) {
        let labels = std::mem::take(&mut pc.fail_pop);
        if labels.is_empty() {
            return;
        }
        for l in labels[1..].iter().rev() {
            self.unit.b.bind(*l);
            self.emit(Op::Pop, 0);
        }
        self.unit.b.bind(labels[0]);
    }

    /// Moves TOS down to the `count`-th position (the items above shift up).
    fn rotate(&mut self, count: usize) {
        let mut c = count;
        while c > 1 {
            self.emit(Op::Swap, c as u32);
            c -= 1;
        }
    }

    /// Captures TOS as `name` (or drops it for a wildcard).
    fn store_capture(
        &mut self,
        name: Option<&ast::Identifier>,
        pc: &mut PatCtx,
        at: rustpython_parser::text_size::TextSize,
    ) -> CResult<()> {
        let Some(n) = name else {
            self.emit(Op::Pop, 0);
            return Ok(());
        };
        let n = n.as_str();
        if pc.stores.iter().any(|s| s == n) {
            return Err(self.error(at, format!("multiple assignments to name '{n}' in pattern")));
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(n.to_string());
        Ok(())
    }

    /// A sub-pattern: irrefutable patterns are allowed inside others.
    fn subpattern(&mut self, p: &'a ast::Pattern, pc: &mut PatCtx) -> CResult<()> {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        let r = self.pattern(p, pc);
        pc.allow_irrefutable = saved;
        r
    }

    fn pattern(&mut self, p: &'a ast::Pattern, pc: &mut PatCtx) -> CResult<()> {
        use ast::Pattern as P;
        self.set_line(p.start());
        match p {
            P::MatchValue(v) => {
                self.compile_expr(&v.value)?;
                self.emit(Op::CompareOp, CmpOp::Eq as u32);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            P::MatchSingleton(s) => {
                self.load_const(to_const(&s.value));
                self.emit(Op::IsOp, 0);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            P::MatchSequence(s) => self.pattern_sequence(s, pc)?,
            P::MatchMapping(m) => self.pattern_mapping(m, pc)?,
            P::MatchClass(c) => self.pattern_class(c, pc)?,
            P::MatchStar(s) => self.store_capture(s.name.as_ref(), pc, s.start())?,
            P::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        let msg = match &a.name {
                            Some(n) => {
                                format!("name capture '{n}' makes remaining patterns unreachable")
                            }
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        };
                        return Err(self.error(a.start(), msg));
                    }
                    self.store_capture(a.name.as_ref(), pc, a.start())?;
                }
                Some(inner) => {
                    // A copy for storing after the inner pattern matched.
                    pc.on_top += 1;
                    self.emit(Op::Copy, 1);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_capture(a.name.as_ref(), pc, a.start())?;
                }
            },
            P::MatchOr(o) => self.pattern_or(o, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(
        &mut self,
        s: &'a ast::PatternMatchSequence,
        pc: &mut PatCtx,
    ) -> CResult<()> {
        let pats = &s.patterns;
        let size = pats.len();
        let mut star = None;
        for (i, p) in pats.iter().enumerate() {
            if matches!(p, ast::Pattern::MatchStar(_)) {
                if star.is_some() {
                    return Err(self.error(p.start(), "multiple starred names in sequence pattern"));
                }
                star = Some(i);
            }
        }
        let star_wildcard = star.is_some_and(|i| is_star_wildcard(&pats[i]));
        let only_wildcard = pats.iter().all(|p| is_wildcard(p) || is_star_wildcard(p));
        // The subject stays on top during the type and length checks.
        pc.on_top += 1;
        self.emit(Op::MatchSequence, 0);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        match star {
            None => {
                self.emit(Op::GetLen, 0);
                self.load_const(Const::Int(size as i64));
                self.emit(Op::CompareOp, CmpOp::Eq as u32);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Some(_) if size > 1 => {
                self.emit(Op::GetLen, 0);
                self.load_const(Const::Int(size as i64 - 1));
                self.emit(Op::CompareOp, CmpOp::Ge as u32);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Op::Pop, 0);
        } else if star_wildcard {
            // `[a, *_, b]`: index the items instead of unpacking the whole sequence.
            let star = star.unwrap_or(size);
            pc.on_top += 1;
            for (i, p) in pats.iter().enumerate() {
                if is_wildcard(p) || i == star {
                    continue;
                }
                self.emit(Op::Copy, 1);
                if i < star {
                    self.load_const(Const::Int(i as i64));
                } else {
                    // The subject may not support negative indexes.
                    self.emit(Op::GetLen, 0);
                    self.load_const(Const::Int((size - i) as i64));
                    self.emit(Op::BinaryOp, crate::bytecode::BinOp::Sub as u32);
                }
                self.emit(Op::Subscript, 0);
                self.subpattern(p, pc)?;
            }
            pc.on_top -= 1;
            self.emit(Op::Pop, 0);
        } else {
            match star {
                None => self.emit(Op::UnpackSequence, size as u32),
                Some(i) => {
                    let after = size - i - 1;
                    if i >= 256 || after >= (1 << 24) {
                        return Err(self.error(
                            s.start(),
                            "too many expressions in star-unpacking sequence pattern",
                        ));
                    }
                    self.emit(Op::UnpackEx, (i | (after << 8)) as u32);
                }
            }
            pc.on_top += size;
            for p in pats {
                pc.on_top -= 1;
                self.subpattern(p, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_mapping(&mut self, m: &'a ast::PatternMatchMapping, pc: &mut PatCtx) -> CResult<()> {
        let size = m.keys.len();
        if size != m.patterns.len() {
            return Err(self.error(
                m.start(),
                "keys and patterns have different lengths in a mapping pattern",
            ));
        }
        pc.on_top += 1;
        self.emit(Op::MatchMapping, 0);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        if size == 0 && m.rest.is_none() {
            // `{}` matches any mapping.
            pc.on_top -= 1;
            self.emit(Op::Pop, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(Op::GetLen, 0);
            self.load_const(Const::Int(size as i64));
            self.emit(Op::CompareOp, CmpOp::Ge as u32);
            self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        }
        let mut seen: Vec<String> = Vec::new();
        for k in &m.keys {
            if let Some(c) = key_const(k) {
                let key = const_key(&c);
                if seen.contains(&key) {
                    let r = const_repr(&c);
                    return Err(self.error(
                        k.start(),
                        format!("mapping pattern checks duplicate key ({r})"),
                    ));
                }
                seen.push(key);
            } else if !matches!(k, ast::Expr::Attribute(_)) {
                return Err(self.error(
                    k.start(),
                    "mapping pattern keys may only match literals and attribute lookups",
                ));
            }
            self.compile_expr(k)?;
        }
        self.emit(Op::BuildTuple, size as u32);
        self.emit(Op::MatchKeys, 0);
        // The keys and the values (or None) are now above the subject.
        pc.on_top += 2;
        self.emit(Op::Copy, 1);
        self.load_const(Const::None);
        self.emit(Op::IsOp, 1);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        self.emit(Op::UnpackSequence, size as u32);
        pc.on_top += size;
        pc.on_top -= 1; // the values tuple was replaced by its items
        for p in &m.patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        // What comes next consumes the keys and the subject.
        pc.on_top -= 2;
        match &m.rest {
            Some(rest) => {
                self.emit(Op::CopyDictWithoutKeys, 0);
                self.store_capture(Some(rest), pc, m.start())?;
            }
            None => {
                self.emit(Op::Pop, 0);
                self.emit(Op::Pop, 0);
            }
        }
        Ok(())
    }

    fn pattern_class(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatCtx) -> CResult<()> {
        let nargs = c.patterns.len();
        let nattrs = c.kwd_attrs.len();
        if nattrs != c.kwd_patterns.len() {
            return Err(self.error(
                c.start(),
                "kwd_attrs and kwd_patterns have different lengths",
            ));
        }
        for (i, a) in c.kwd_attrs.iter().enumerate() {
            if c.kwd_attrs[i + 1..].iter().any(|b| b == a) {
                let at = c.kwd_patterns[i + 1..]
                    .iter()
                    .zip(&c.kwd_attrs[i + 1..])
                    .find(|(_, b)| *b == a)
                    .map_or(c.start(), |(p, _)| p.start());
                return Err(
                    self.error(at, format!("attribute name repeated in class pattern: {a}"))
                );
            }
        }
        self.compile_expr(&c.cls)?;
        let names = c
            .kwd_attrs
            .iter()
            .map(|a| Const::Str(a.to_string()))
            .collect();
        self.load_const(Const::Tuple(names));
        self.emit(Op::MatchClass, nargs as u32);
        self.emit(Op::Copy, 1);
        self.load_const(Const::None);
        self.emit(Op::IsOp, 1);
        // TOS is the tuple of nargs + nattrs attributes (or None).
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        self.emit(Op::UnpackSequence, (nargs + nattrs) as u32);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        for p in c.patterns.iter().chain(&c.kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(Op::Pop, 0);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatCtx) -> CResult<()> {
        let end = self.unit.b.new_label();
        let size = o.patterns.len();
        let old = PatCtx {
            stores: std::mem::take(&mut pc.stores),
            allow_irrefutable: pc.allow_irrefutable,
            fail_pop: std::mem::take(&mut pc.fail_pop),
            on_top: pc.on_top,
        };
        // The names the first alternative binds: the others must bind the same ones, and their
        // values are reordered on the stack to this order.
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            self.set_line(alt.start());
            pc.stores = Vec::new();
            // An irrefutable alternative must be last, if it is allowed at all.
            pc.allow_irrefutable = i + 1 == size && old.allow_irrefutable;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Op::Copy, 1);
            self.pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) => {
                    if ctl.len() != pc.stores.len() {
                        return Err(
                            self.error(alt.start(), "alternative patterns bind different names")
                        );
                    }
                    let n = ctl.len();
                    for icontrol in (0..n).rev() {
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(self
                                .error(alt.start(), "alternative patterns bind different names"));
                        };
                        if icontrol != istores {
                            // Reorder the names (and their values) to control's order.
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.unit.b.emit_jump(Op::Jump, end);
            self.emit_fail_pop(pc);
        }
        let control = control.unwrap_or_default();
        pc.stores = old.stores;
        pc.allow_irrefutable = old.allow_irrefutable;
        pc.fail_pop = old.fail_pop;
        pc.on_top = old.on_top;
        // No alternative matched: pop the remaining copy of the subject and fail.
        self.emit(Op::Pop, 0);
        self.jump_to_fail_pop(pc, Op::Jump);
        self.unit.b.bind(end);
        let nstores = control.len();
        // Between the new captures and their place: the subject's copy, what is on top, and the
        // values captured before this or-pattern.
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.error(
                    o.start(),
                    format!("multiple assignments to name '{name}' in pattern"),
                ));
            }
            pc.stores.push(name);
        }
        // Pop the copy of the subject.
        self.emit(Op::Pop, 0);
        Ok(())
    }
}
