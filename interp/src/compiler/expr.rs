//! Expressions: constants, names, attributes, subscripts and slices, operators, boolean ops and
//! conditional jumps, (chained) comparisons, calls (plain, keyword, star, method), displays with
//! starred items and `**`, f-strings, yield / yield from, `:=`.
//!
//! Chained comparison `a < b < c`: `a; b; Dup; Rot3; CompareOp <; JumpIfFalseOrPop C; c; CompareOp <;
//! Jump E; C: Rot2; Pop; E:` (CPython 3.9).

use super::{CResult, Compiler, Ctx};
use crate::bytecode::{BinOp, CmpOp, Const, Op, UnaryOp};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use rustpython_parser::ast::{self, Ranged};

/// Displays longer than this are built incrementally so the stack stays small (as CPython 3.11).
const STACK_USE_GUIDELINE: usize = 30;

pub(crate) fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

/// Converts an AST constant (ints to `Int` when they fit in an i64, else `BigInt`).
pub(crate) fn to_const(c: &ast::Constant) -> Const {
    match c {
        ast::Constant::None => Const::None,
        ast::Constant::Bool(true) => Const::True,
        ast::Constant::Bool(false) => Const::False,
        ast::Constant::Str(s) => Const::Str(s.clone()),
        ast::Constant::Bytes(b) => Const::Bytes(b.clone()),
        ast::Constant::Int(i) => int_const(i.to_string().parse::<BigInt>().unwrap_or_default()),
        ast::Constant::Tuple(t) => Const::Tuple(t.iter().map(to_const).collect()),
        ast::Constant::Float(f) => Const::Float(*f),
        ast::Constant::Complex { real, imag } => Const::Complex(*real, *imag),
        ast::Constant::Ellipsis => Const::Ellipsis,
    }
}

fn int_const(b: BigInt) -> Const {
    match b.to_i64() {
        Some(i) => Const::Int(i),
        None => Const::BigInt(b),
    }
}

/// The constant value of an expression made only of literals (for folding tuples of constants).
fn const_value(folder: &mut super::fold::Folder, e: &ast::Expr) -> Option<Const> {
    match e {
        ast::Expr::Constant(c) => Some(to_const(&c.value)),
        ast::Expr::BinOp(_) | ast::Expr::UnaryOp(_) => folder.fold_int(e).map(int_const),
        ast::Expr::Tuple(t) => t
            .elts
            .iter()
            .map(|x| const_value(folder, x))
            .collect::<Option<Vec<_>>>()
            .map(Const::Tuple),
        _ => None,
    }
}

/// Would CPython's AST optimizer turn this expression into a constant? (Literals, tuples of them,
/// unary and binary arithmetic on them; big powers and shifts are left unfolded there, as here.)
fn folds_to_const(e: &ast::Expr) -> bool {
    use ast::Operator as O;
    match e {
        ast::Expr::Constant(_) => true,
        ast::Expr::Tuple(t) => t.elts.iter().all(folds_to_const),
        ast::Expr::UnaryOp(u) => folds_to_const(&u.operand),
        ast::Expr::BinOp(b) => {
            let small = |x: &ast::Expr| match x {
                ast::Expr::Constant(c) => match &c.value {
                    ast::Constant::Int(i) => i.to_string().len() <= 3,
                    _ => true,
                },
                _ => true,
            };
            folds_to_const(&b.left)
                && folds_to_const(&b.right)
                && (!matches!(b.op, O::Pow | O::LShift) || small(&b.right))
        }
        _ => false,
    }
}

/// Truthiness of a literal, when known at compile time.
fn const_truth(e: &ast::Expr) -> Option<bool> {
    match e {
        ast::Expr::Constant(c) => Some(match &c.value {
            ast::Constant::None => false,
            ast::Constant::Bool(b) => *b,
            ast::Constant::Str(s) => !s.is_empty(),
            ast::Constant::Bytes(b) => !b.is_empty(),
            ast::Constant::Int(i) => i.to_string() != "0",
            ast::Constant::Tuple(t) => !t.is_empty(),
            ast::Constant::Float(f) => *f != 0.0,
            ast::Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
            ast::Constant::Ellipsis => true,
        }),
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    pub(crate) fn compile_expr(&mut self, e: &'a ast::Expr) -> CResult<()> {
        let saved = self.unit.b.line;
        self.set_line(e.start());
        let r = self.compile_expr_inner(e);
        self.unit.b.line = saved;
        r
    }

    fn compile_expr_inner(&mut self, e: &'a ast::Expr) -> CResult<()> {
        use ast::Expr as E;
        match e {
            E::BoolOp(b) => {
                let end = self.unit.b.new_label();
                let op = if matches!(b.op, ast::BoolOp::And) {
                    Op::JumpIfFalseOrPop
                } else {
                    Op::JumpIfTrueOrPop
                };
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.compile_expr(v)?;
                    if i + 1 < n {
                        self.unit.b.emit_jump(op, end);
                    }
                }
                self.unit.b.bind(end);
            }
            E::NamedExpr(n) => {
                self.compile_expr(&n.value)?;
                self.emit(Op::Dup, 0);
                match &*n.target {
                    E::Name(name) => self.name_op(&name.id, Ctx::Store),
                    t => {
                        return Err(self.error(
                            t.start(),
                            "cannot use assignment expressions with this target",
                        ))
                    }
                }
            }
            E::BinOp(_) | E::UnaryOp(_) if self.fold_int_const(e) => {}
            E::BinOp(b) => {
                self.compile_expr(&b.left)?;
                self.compile_expr(&b.right)?;
                self.emit(Op::BinaryOp, binop(b.op) as u32);
            }
            E::UnaryOp(u) => {
                if let (ast::UnaryOp::USub, E::Constant(c)) = (u.op, &*u.operand) {
                    match &c.value {
                        ast::Constant::Int(i) => {
                            let b: BigInt = i.to_string().parse().unwrap_or_default();
                            self.load_const(int_const(-b));
                            return Ok(());
                        }
                        ast::Constant::Float(f) => {
                            self.load_const(Const::Float(-f));
                            return Ok(());
                        }
                        _ => {}
                    }
                }
                self.compile_expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Invert => UnaryOp::Invert,
                    ast::UnaryOp::Not => UnaryOp::Not,
                    ast::UnaryOp::UAdd => UnaryOp::Pos,
                    ast::UnaryOp::USub => UnaryOp::Neg,
                };
                self.emit(Op::UnaryOp, op as u32);
            }
            E::Lambda(l) => self.compile_lambda(l)?,
            E::IfExp(i) => {
                let else_l = self.unit.b.new_label();
                let end = self.unit.b.new_label();
                self.compile_jump_if(&i.test, false, else_l)?;
                self.compile_expr(&i.body)?;
                self.unit.b.emit_jump(Op::Jump, end);
                self.unit.b.bind(else_l);
                self.compile_expr(&i.orelse)?;
                self.unit.b.bind(end);
            }
            E::Dict(d) => self.compile_dict(d)?,
            E::Set(s) => self.compile_sequence(&s.elts, Seq::Set)?,
            E::ListComp(c) => {
                self.compile_comprehension(c, super::func::Comp::List(&c.elt), &c.generators)?
            }
            E::SetComp(c) => {
                self.compile_comprehension(c, super::func::Comp::Set(&c.elt), &c.generators)?
            }
            E::DictComp(c) => self.compile_comprehension(
                c,
                super::func::Comp::Dict(&c.key, &c.value),
                &c.generators,
            )?,
            E::GeneratorExp(c) => {
                self.compile_comprehension(c, super::func::Comp::Gen(&c.elt), &c.generators)?
            }
            E::Await(a) => return Err(self.error(a.start(), "'await' is not supported by minipy")),
            E::Yield(y) => {
                self.check_in_function(e)?;
                match &y.value {
                    Some(v) => self.compile_expr(v)?,
                    None => self.load_const(Const::None),
                }
                self.emit(Op::YieldValue, 0);
            }
            E::YieldFrom(y) => {
                self.check_in_function(e)?;
                self.compile_expr(&y.value)?;
                self.emit(Op::GetYieldFromIter, 0);
                self.load_const(Const::None);
                self.emit(Op::YieldFrom, 0);
            }
            E::Compare(c) => self.compile_compare(c)?,
            E::Call(c) => self.compile_call(c)?,
            E::FormattedValue(f) => self.compile_formatted_value(f)?,
            E::JoinedStr(j) => {
                let mut n = 0u32;
                for v in &j.values {
                    self.compile_expr(v)?;
                    n += 1;
                }
                match (n, j.values.first()) {
                    (0, _) => self.load_const(Const::Str(String::new())),
                    (1, Some(E::FormattedValue(_))) | (1, Some(E::Constant(_))) => {}
                    _ => self.emit(Op::BuildString, n),
                }
            }
            E::Constant(c) => self.load_const(to_const(&c.value)),
            E::Attribute(a) => {
                self.compile_expr(&a.value)?;
                let n = self.attr_name(&a.attr);
                self.emit(Op::LoadAttr, n);
            }
            E::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_expr(&s.slice)?;
                self.emit(Op::Subscript, 0);
            }
            E::Starred(s) => return Err(self.error(s.start(), "can't use starred expression here")),
            E::Name(n) => self.name_op(&n.id, Ctx::Load),
            E::List(l) => self.compile_sequence(&l.elts, Seq::List)?,
            E::Tuple(t) => {
                if let Some(c) = const_value(&mut self.folder, e) {
                    self.load_const(c);
                } else {
                    self.compile_sequence(&t.elts, Seq::Tuple)?;
                }
            }
            E::Slice(s) => {
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(x) => self.compile_expr(x)?,
                        None => self.load_const(Const::None),
                    }
                }
                match &s.step {
                    Some(x) => {
                        self.compile_expr(x)?;
                        self.emit(Op::BuildSlice, 3);
                    }
                    None => self.emit(Op::BuildSlice, 2),
                }
            }
        }
        Ok(())
    }

    fn check_in_function(&self, e: &ast::Expr) -> CResult<()> {
        if self.is_function_like() {
            Ok(())
        } else {
            Err(self.error(e.start(), "'yield' outside function"))
        }
    }

    /// Jumps to `target` when the truth of `e` equals `cond` (short-circuiting `not`, `and`, `or`).
    pub(crate) fn compile_jump_if(
        &mut self,
        e: &'a ast::Expr,
        cond: bool,
        target: super::emit::Label,
    ) -> CResult<()> {
        use ast::Expr as E;
        match e {
            E::UnaryOp(u) if matches!(u.op, ast::UnaryOp::Not) => {
                return self.compile_jump_if(&u.operand, !cond, target);
            }
            E::BoolOp(b) => {
                let is_or = matches!(b.op, ast::BoolOp::Or);
                let (last, rest) = b.values.split_last().expect("boolop with values");
                if cond == is_or {
                    for v in rest {
                        self.compile_jump_if(v, cond, target)?;
                    }
                    return self.compile_jump_if(last, cond, target);
                }
                let next = self.unit.b.new_label();
                for v in rest {
                    self.compile_jump_if(v, !cond, next)?;
                }
                self.compile_jump_if(last, cond, target)?;
                self.unit.b.bind(next);
                return Ok(());
            }
            _ => {}
        }
        if let Some(t) = const_truth(e) {
            if t == cond {
                self.unit.b.emit_jump(Op::Jump, target);
            }
            return Ok(());
        }
        self.compile_expr(e)?;
        let op = if cond {
            Op::PopJumpIfTrue
        } else {
            Op::PopJumpIfFalse
        };
        self.unit.b.emit_jump(op, target);
        Ok(())
    }

    fn emit_cmp(&mut self, op: ast::CmpOp) {
        use ast::CmpOp as C;
        let (o, arg) = match op {
            C::Eq => (Op::CompareOp, CmpOp::Eq as u32),
            C::NotEq => (Op::CompareOp, CmpOp::Ne as u32),
            C::Lt => (Op::CompareOp, CmpOp::Lt as u32),
            C::LtE => (Op::CompareOp, CmpOp::Le as u32),
            C::Gt => (Op::CompareOp, CmpOp::Gt as u32),
            C::GtE => (Op::CompareOp, CmpOp::Ge as u32),
            C::Is => (Op::IsOp, 0),
            C::IsNot => (Op::IsOp, 1),
            C::In => (Op::ContainsOp, 0),
            C::NotIn => (Op::ContainsOp, 1),
        };
        self.emit(o, arg);
    }

    fn compile_compare(&mut self, c: &'a ast::ExprCompare) -> CResult<()> {
        self.compile_expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.compile_comparator(&c.comparators[0], c.ops[0])?;
            self.emit_cmp(c.ops[0]);
            return Ok(());
        }
        let cleanup = self.unit.b.new_label();
        let end = self.unit.b.new_label();
        for i in 0..n - 1 {
            self.compile_comparator(&c.comparators[i], c.ops[i])?;
            self.emit(Op::Dup, 0);
            self.emit(Op::Rot3, 0);
            self.emit_cmp(c.ops[i]);
            self.unit.b.emit_jump(Op::JumpIfFalseOrPop, cleanup);
        }
        self.compile_comparator(&c.comparators[n - 1], c.ops[n - 1])?;
        self.emit_cmp(c.ops[n - 1]);
        self.unit.b.emit_jump(Op::Jump, end);
        self.unit.b.bind(cleanup);
        self.emit(Op::Rot2, 0);
        self.emit(Op::Pop, 0);
        self.unit.b.bind(end);
        Ok(())
    }

    /// The right operand of a comparison. `x in {a, b, c}` only asks membership, so a short set
    /// display there is built directly, without the constant-display replay (see
    /// `compile_sequence`), whose only effect is the iteration order.
    fn compile_comparator(&mut self, e: &'a ast::Expr, op: ast::CmpOp) -> CResult<()> {
        if let (ast::Expr::Set(s), ast::CmpOp::In | ast::CmpOp::NotIn) = (e, op) {
            if s.elts.len() <= STACK_USE_GUIDELINE && !s.elts.iter().any(|x| x.is_starred_expr()) {
                // CPython's frozenset constant here is the module's first of its items, which
                // decides the order of later equal displays.
                if s.elts.iter().all(folds_to_const) {
                    self.const_sets.canonical(&s.elts);
                }
                let saved = self.unit.b.line;
                self.set_line(e.start());
                for x in &s.elts {
                    self.compile_expr(x)?;
                }
                self.emit(Op::BuildSet, s.elts.len() as u32);
                self.unit.b.line = saved;
                return Ok(());
            }
        }
        self.compile_expr(e)
    }

    fn compile_formatted_value(&mut self, f: &'a ast::ExprFormattedValue) -> CResult<()> {
        self.compile_expr(&f.value)?;
        let mut arg = match f.conversion {
            ast::ConversionFlag::None => 0,
            ast::ConversionFlag::Str => 1,
            ast::ConversionFlag::Repr => 2,
            ast::ConversionFlag::Ascii => 3,
        };
        if let Some(spec) = &f.format_spec {
            self.compile_expr(spec)?;
            arg |= 4;
        }
        self.emit(Op::FormatValue, arg);
        Ok(())
    }

    fn compile_call(&mut self, c: &'a ast::ExprCall) -> CResult<()> {
        self.check_genexp_args(&c.args, &c.keywords, Some(c.end()))?;
        if let ast::Expr::Attribute(a) = &*c.func {
            if c.keywords.is_empty() && !c.args.iter().any(|x| x.is_starred_expr()) {
                self.compile_expr(&a.value)?;
                let n = self.attr_name(&a.attr);
                self.set_line(c.start());
                self.emit(Op::LoadMethod, n);
                for x in &c.args {
                    self.compile_expr(x)?;
                }
                self.set_line(c.start());
                self.emit(Op::CallMethod, c.args.len() as u32);
                return Ok(());
            }
        }
        self.compile_expr(&c.func)?;
        self.compile_call_args(0, &c.args, &c.keywords)?;
        Ok(())
    }

    /// CPython's "Generator expression must be parenthesized": a generator expression without
    /// its own parentheses must be a call's only argument (no other argument, no trailing comma;
    /// `close` is the call's end, after its `)`). The parser does not record parentheses, so they
    /// are counted in the source: a parenthesized genexp has more `(` before its element than the
    /// element's own wrapping `)` after it.
    pub(crate) fn check_genexp_args(
        &self,
        args: &[ast::Expr],
        keywords: &[ast::Keyword],
        close: Option<rustpython_parser::text_size::TextSize>,
    ) -> CResult<()> {
        let src = self.index.src;
        let text = |a: rustpython_parser::text_size::TextSize,
                    b: rustpython_parser::text_size::TextSize| {
            src.get(usize::from(a)..usize::from(b)).unwrap_or("")
        };
        for g in args {
            let ast::Expr::GeneratorExp(ge) = g else {
                continue;
            };
            let Some(first) = ge.generators.first() else {
                continue;
            };
            let open = text(ge.start(), ge.elt.start()).matches('(').count();
            let wrap = text(ge.elt.end(), first.target.start())
                .matches(')')
                .count();
            if open > wrap {
                continue; // parenthesized
            }
            let alone = args.len() == 1
                && keywords.is_empty()
                && close.is_none_or(|c| !text(ge.end(), c).contains(','));
            if !alone {
                return Err(
                    self.error(ge.elt.start(), "Generator expression must be parenthesized")
                );
            }
        }
        Ok(())
    }

    /// Emits the arguments and the call of a callable already on the stack, itself followed by
    /// `pushed` positional arguments already on the stack (used by class definitions).
    pub(crate) fn compile_call_args(
        &mut self,
        pushed: u32,
        args: &'a [ast::Expr],
        keywords: &'a [ast::Keyword],
    ) -> CResult<()> {
        let line = self.unit.b.line;
        let mut seen: Vec<&str> = Vec::new();
        for k in keywords {
            if let Some(name) = &k.arg {
                if seen.contains(&name.as_str()) {
                    return Err(self.error(k.start(), format!("keyword argument repeated: {name}")));
                }
                seen.push(name.as_str());
            }
        }
        let starred =
            args.iter().any(|x| x.is_starred_expr()) || keywords.iter().any(|k| k.arg.is_none());
        if !starred {
            for x in args {
                self.compile_expr(x)?;
            }
            for k in keywords {
                self.compile_expr(&k.value)?;
            }
            self.unit.b.line = line;
            let n = pushed + (args.len() + keywords.len()) as u32;
            if keywords.is_empty() {
                self.emit(Op::Call, n);
            } else {
                let names = keywords
                    .iter()
                    .map(|k| Const::Str(k.arg.as_ref().unwrap().to_string()))
                    .collect();
                self.load_const(Const::Tuple(names));
                self.emit(Op::CallKw, n);
            }
            return Ok(());
        }
        // Positional arguments as a tuple.
        let lead = args.iter().take_while(|x| !x.is_starred_expr()).count();
        for x in &args[..lead] {
            self.compile_expr(x)?;
        }
        self.emit(Op::BuildList, pushed + lead as u32);
        for x in &args[lead..] {
            match x {
                ast::Expr::Starred(s) => {
                    self.compile_expr(&s.value)?;
                    self.emit(Op::ListExtend, 1);
                }
                _ => {
                    self.compile_expr(x)?;
                    self.emit(Op::ListAppend, 1);
                }
            }
        }
        self.emit(Op::ListToTuple, 0);
        // Keyword arguments as a dict.
        if keywords.is_empty() {
            self.unit.b.line = line;
            self.emit(Op::CallEx, 0);
            return Ok(());
        }
        let mut have_dict = false;
        let mut run = 0u32;
        for k in keywords {
            match &k.arg {
                Some(name) => {
                    self.load_const(Const::Str(name.to_string()));
                    self.compile_expr(&k.value)?;
                    run += 1;
                }
                None => {
                    self.flush_map(&mut run, &mut have_dict, Op::DictMerge);
                    if !have_dict {
                        self.emit(Op::BuildMap, 0);
                        have_dict = true;
                    }
                    self.compile_expr(&k.value)?;
                    self.emit(Op::DictMerge, 1);
                }
            }
        }
        self.flush_map(&mut run, &mut have_dict, Op::DictMerge);
        self.unit.b.line = line;
        self.emit(Op::CallEx, 1);
        Ok(())
    }

    /// Builds a map of the `run` pending key/value pairs and merges it into the dict below, if any.
    fn flush_map(&mut self, run: &mut u32, have_dict: &mut bool, merge: Op) {
        if *run > 0 {
            self.emit(Op::BuildMap, *run);
            if *have_dict {
                self.emit(merge, 1);
            }
            *have_dict = true;
            *run = 0;
        }
    }

    fn compile_dict(&mut self, d: &'a ast::ExprDict) -> CResult<()> {
        let n = d.keys.len();
        if d.keys.iter().all(|k| k.is_some()) && n <= STACK_USE_GUIDELINE {
            for (k, v) in d.keys.iter().zip(&d.values) {
                self.compile_expr(k.as_ref().unwrap())?;
                self.compile_expr(v)?;
            }
            self.emit(Op::BuildMap, n as u32);
            return Ok(());
        }
        let mut have_dict = false;
        let mut run = 0u32;
        for (k, v) in d.keys.iter().zip(&d.values) {
            match k {
                Some(k) => {
                    if have_dict && run == 0 {
                        // Past the first group: add pairs one by one.
                        self.compile_expr(k)?;
                        self.compile_expr(v)?;
                        self.emit(Op::MapAdd, 1);
                        continue;
                    }
                    self.compile_expr(k)?;
                    self.compile_expr(v)?;
                    run += 1;
                    if run as usize >= STACK_USE_GUIDELINE / 2 {
                        self.flush_map(&mut run, &mut have_dict, Op::DictUpdate);
                    }
                }
                None => {
                    self.flush_map(&mut run, &mut have_dict, Op::DictUpdate);
                    if !have_dict {
                        self.emit(Op::BuildMap, 0);
                        have_dict = true;
                    }
                    self.compile_expr(v)?;
                    self.emit(Op::DictUpdate, 1);
                }
            }
        }
        self.flush_map(&mut run, &mut have_dict, Op::DictUpdate);
        if !have_dict {
            self.emit(Op::BuildMap, 0);
        }
        Ok(())
    }

    /// A set of constants as CPython's constant frozenset: built from the items of the module's
    /// first equal constant set (const_sets.rs), with `layouts` table layouts in all (the
    /// frozenset built from the items, its rebuild by constant merging, maybe a copy into a set),
    /// since each layout can change the iteration order. False when the display is too long.
    pub(crate) fn compile_const_set(
        &mut self,
        elts: &'a [ast::Expr],
        layouts: u32,
    ) -> CResult<bool> {
        let items = self.const_sets.canonical(elts);
        if items.len() > STACK_USE_GUIDELINE {
            return Ok(false);
        }
        for x in items {
            self.compile_expr(x)?;
        }
        self.emit(Op::BuildSet, items.len() as u32);
        self.emit(Op::BuildList, 0);
        self.emit(Op::Rot2, 0);
        self.emit(Op::ListExtend, 1);
        for _ in 1..layouts {
            self.emit(Op::BuildSet, 0);
            self.emit(Op::Rot2, 0);
            self.emit(Op::SetUpdate, 1);
        }
        Ok(true)
    }

    /// Loads `e` as one constant if CPython folds it to an int (fold.rs); false otherwise.
    fn fold_int_const(&mut self, e: &ast::Expr) -> bool {
        match self.folder.fold_int(e) {
            Some(v) => {
                self.load_const(int_const(v));
                true
            }
            None => false,
        }
    }

    /// The iterable of a `for` or a comprehension: CPython turns a set display of constants
    /// there into its frozenset constant (two layouts, no copy).
    pub(crate) fn compile_iterable(&mut self, e: &'a ast::Expr) -> CResult<()> {
        if let ast::Expr::Set(s) = e {
            if s.elts.iter().all(folds_to_const)
                && !s.elts.iter().any(|x| x.is_starred_expr())
                && self.compile_const_set(&s.elts, 2)?
            {
                return Ok(());
            }
        }
        self.compile_expr(e)
    }

    /// list / tuple / set displays, with starred items and long displays built incrementally.
    fn compile_sequence(&mut self, elts: &'a [ast::Expr], kind: Seq) -> CResult<()> {
        let starred = elts.iter().any(|x| x.is_starred_expr());
        if let Seq::Set = kind {
            if !starred && elts.len() > 2 && elts.iter().all(folds_to_const) {
                // CPython folds such a display into a frozenset constant (merged with the
                // module's first equal one), which it copies into a new set: BUILD_SET 0;
                // LOAD_CONST; SET_UPDATE. One more table layout than the frozenset's own.
                if self.compile_const_set(elts, 3)? {
                    return Ok(());
                }
            }
        }
        if !starred && elts.len() <= STACK_USE_GUIDELINE {
            for x in elts {
                self.compile_expr(x)?;
            }
            let op = match kind {
                Seq::List => Op::BuildList,
                Seq::Tuple => Op::BuildTuple,
                Seq::Set => Op::BuildSet,
            };
            self.emit(op, elts.len() as u32);
            return Ok(());
        }
        let (build, add, extend) = match kind {
            Seq::Set => (Op::BuildSet, Op::SetAdd, Op::SetUpdate),
            _ => (Op::BuildList, Op::ListAppend, Op::ListExtend),
        };
        let lead = if starred {
            elts.iter().take_while(|x| !x.is_starred_expr()).count()
        } else {
            0
        };
        for x in &elts[..lead] {
            self.compile_expr(x)?;
        }
        self.emit(build, lead as u32);
        for x in &elts[lead..] {
            match x {
                ast::Expr::Starred(s) => {
                    self.compile_expr(&s.value)?;
                    self.emit(extend, 1);
                }
                _ => {
                    self.compile_expr(x)?;
                    self.emit(add, 1);
                }
            }
        }
        if let Seq::Tuple = kind {
            self.emit(Op::ListToTuple, 0);
        }
        Ok(())
    }
}

#[derive(Copy, Clone)]
enum Seq {
    List,
    Tuple,
    Set,
}
