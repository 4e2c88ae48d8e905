//! CPython's constant merging, as far as it shows in set iteration order.
//!
//! CPython folds a set of constants into a frozenset constant in three places: a display of more
//! than two constant items (`{1, 2, 3}`: `BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE`), the
//! right side of `in`/`not in`, and the iterable of a `for` or a comprehension. Its compiler then
//! merges equal constants across the whole module (`merge_consts_recursive`): the first frozenset
//! with a given set of items is rebuilt once from its own iteration order, and every later equal
//! one *is* that object. So a later display iterates in the order the first occurrence produced,
//! even when its own items are written in another order. minipy builds sets at run time; to print
//! the same order it compiles a later occurrence from the first one's items, with the same replay.
//!
//! Only displays whose items are plain literals (or negated numbers) take part: their constant keys
//! can be computed here exactly as CPython's `_PyCode_ConstantKey` distinguishes them (type and
//! value: `1`, `1.0` and `True` are three keys; `0.0` and `-0.0` two).

use rustpython_parser::ast;
use std::collections::HashMap;

/// First occurrence of each constant frozenset in the module, by its canonical key.
#[derive(Default)]
pub(crate) struct ConstSets<'a> {
    first: HashMap<String, &'a [ast::Expr]>,
}

impl<'a> ConstSets<'a> {
    /// The items to compile for a constant set written as `elts`: those of the first equal
    /// constant set of the module (registering `elts` if this is the first).
    pub(crate) fn canonical(&mut self, elts: &'a [ast::Expr]) -> &'a [ast::Expr] {
        match set_key(elts) {
            Some(k) => self.first.entry(k).or_insert(elts),
            None => elts,
        }
    }
}

/// The constant key of the frozenset of `elts`, or None when an item is not a plain literal.
fn set_key(elts: &[ast::Expr]) -> Option<String> {
    let mut keys = elts.iter().map(item_key).collect::<Option<Vec<_>>>()?;
    keys.sort();
    keys.dedup();
    Some(keys.join("\u{0}"))
}

fn item_key(e: &ast::Expr) -> Option<String> {
    match e {
        ast::Expr::Constant(c) => const_key(&c.value, false),
        ast::Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::USub) => match &*u.operand {
            ast::Expr::Constant(c) => const_key(&c.value, true),
            _ => None,
        },
        _ => None,
    }
}

fn const_key(c: &ast::Constant, neg: bool) -> Option<String> {
    use ast::Constant as C;
    Some(match (c, neg) {
        (C::Int(i), false) => format!("i{i}"),
        (C::Int(i), true) => format!("i{}", -i.clone()),
        (C::Float(f), _) => format!("f{:x}", (if neg { -f } else { *f }).to_bits()),
        (C::Complex { real, imag }, _) => {
            let (r, i) = if neg { (-real, -imag) } else { (*real, *imag) };
            format!("c{:x}/{:x}", r.to_bits(), i.to_bits())
        }
        (C::Str(s), false) => format!("s{s}"),
        (C::Bytes(b), false) => format!("b{b:?}"),
        (C::Bool(b), false) => format!("B{b}"),
        (C::None, false) => "N".into(),
        (C::Ellipsis, false) => "E".into(),
        (C::Tuple(t), false) => {
            let inner = t
                .iter()
                .map(|x| const_key(x, false))
                .collect::<Option<Vec<_>>>()?;
            format!("t({})", inner.join("\u{1}"))
        }
        _ => return None,
    })
}
