//! Compile-time folding of integer arithmetic on literals, as CPython's AST optimizer does it.
//!
//! Folding is visible to programs: a folded expression is one constant, so `2**63 is 2**63` is
//! True on CPython (both sides load the same merged constant) and must be here. Only what
//! CPython folds is folded, with its size guards (`MAX_INT_SIZE` = 128 bits for `*`, `**`, `<<`),
//! and only int operands (bools, floats and strings are left to run time: their folds would not
//! change any printed result except identity, and bool results keep their type). An operation that
//! would raise (division by zero, a negative shift) is never folded, so the error and its
//! traceback come from the run, as on CPython.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use rustpython_parser::ast;
use std::collections::HashSet;

/// CPython's `MAX_INT_SIZE` (Python/ast_opt.c): the bit limit of folded products, powers, shifts.
const MAX_INT_SIZE: u64 = 128;

/// Remembers the expressions that do not fold, so that asking again at every level of a long
/// `x + 1 + 1 + ...` chain stays linear.
#[derive(Default)]
pub(crate) struct Folder {
    unfoldable: HashSet<usize>,
}

impl Folder {
    /// The int an expression folds to, if CPython's optimizer folds it to an int constant.
    pub(super) fn fold_int(&mut self, e: &ast::Expr) -> Option<BigInt> {
        let key = e as *const ast::Expr as usize;
        if self.unfoldable.contains(&key) {
            return None;
        }
        let r = self.fold_uncached(e);
        if r.is_none() {
            self.unfoldable.insert(key);
        }
        r
    }

    fn fold_uncached(&mut self, e: &ast::Expr) -> Option<BigInt> {
        match e {
            ast::Expr::Constant(c) => match &c.value {
                ast::Constant::Int(i) => Some(i.to_string().parse().ok()?),
                _ => None,
            },
            ast::Expr::UnaryOp(u) => {
                let v = self.fold_int(&u.operand)?;
                match u.op {
                    ast::UnaryOp::USub => Some(-v),
                    ast::UnaryOp::UAdd => Some(v),
                    ast::UnaryOp::Invert => Some(-v - 1),
                    ast::UnaryOp::Not => None,
                }
            }
            ast::Expr::BinOp(b) => {
                let v = self.fold_int(&b.left)?;
                let w = self.fold_int(&b.right)?;
                binop(b.op, v, w)
            }
            _ => None,
        }
    }
}

fn bits(v: &BigInt) -> u64 {
    v.magnitude().bits()
}

fn binop(op: ast::Operator, v: BigInt, w: BigInt) -> Option<BigInt> {
    use ast::Operator as O;
    Some(match op {
        O::Add => v + w,
        O::Sub => v - w,
        O::Mult => {
            if !v.is_zero() && !w.is_zero() && bits(&v) + bits(&w) > MAX_INT_SIZE {
                return None;
            }
            v * w
        }
        O::Pow => {
            if w.is_negative() {
                return None; // a float result
            }
            let e = w.to_u64()?;
            if !v.is_zero() && e > 0 && bits(&v) > MAX_INT_SIZE / e {
                return None;
            }
            num_traits::pow(v, e as usize)
        }
        O::LShift => {
            if w.is_negative() {
                return None;
            }
            let s = w.to_u64()?;
            if !v.is_zero() && s != 0 && (s > MAX_INT_SIZE || bits(&v) > MAX_INT_SIZE - s) {
                return None;
            }
            v << s as usize
        }
        O::RShift => {
            if w.is_negative() {
                return None;
            }
            match w.to_u64() {
                Some(s) if s < bits(&v) + 1 => v.div_floor(&(BigInt::from(1) << s as usize)),
                _ => {
                    if v.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
        O::BitAnd => v & w,
        O::BitOr => v | w,
        O::BitXor => v ^ w,
        O::FloorDiv if !w.is_zero() => v.div_floor(&w),
        O::Mod if !w.is_zero() => v.mod_floor(&w),
        _ => return None,
    })
}
