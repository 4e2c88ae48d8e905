//! Magnitude arithmetic on little-endian `u64` limb slices: the kernels behind big ints, whose limbs
//! live inline in their heap object (`BigIntObj`), so an operation reads its operands in place and
//! writes its result into a reusable scratch buffer that the caller copies into the new object: no
//! malloc per operation (num-bigint allocated the result, the normalised division operands and a
//! `BigInt` for every small operand, and the malloc/free traffic was a third of bigint.py).
//!
//! Conventions: a magnitude is trimmed (no high zero limb; zero is the empty slice). Outputs are
//! `Vec`s cleared and refilled (their capacity is reused); every output is trimmed. The schoolbook
//! multiplication and Knuth's division here are quadratic: callers send big x big products past
//! `KARATSUBA_LIMBS` to num-bigint instead.

use std::cmp::Ordering;

/// Above this many limbs in both factors num-bigint's Karatsuba/Toom-3 beats the schoolbook loop.
pub const KARATSUBA_LIMBS: usize = 32;

#[inline]
pub fn trim(v: &mut Vec<u64>) {
    while v.last() == Some(&0) {
        v.pop();
    }
}

/// Compares two trimmed magnitudes.
pub fn cmp(a: &[u64], b: &[u64]) -> Ordering {
    if a.len() != b.len() {
        return a.len().cmp(&b.len());
    }
    for i in (0..a.len()).rev() {
        if a[i] != b[i] {
            return a[i].cmp(&b[i]);
        }
    }
    Ordering::Equal
}

/// out = a + b.
pub fn add(a: &[u64], b: &[u64], out: &mut Vec<u64>) {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    out.clear();
    out.resize(a.len() + 1, 0);
    // indexed writes into a pre-sized buffer (no per-limb push) keep the carry chain tight
    let (lo, hi) = out.split_at_mut(b.len());
    let mut carry = 0u64;
    for ((o, &x), &y) in lo.iter_mut().zip(a).zip(b) {
        let t = x as u128 + y as u128 + carry as u128;
        *o = t as u64;
        carry = (t >> 64) as u64;
    }
    for (o, &x) in hi.iter_mut().zip(&a[b.len()..]) {
        let (t, c) = x.overflowing_add(carry);
        *o = t;
        carry = c as u64;
    }
    out[a.len()] = carry;
    trim(out);
}

/// out = a - b, for a >= b.
pub fn sub(a: &[u64], b: &[u64], out: &mut Vec<u64>) {
    debug_assert!(cmp(a, b) != Ordering::Less);
    out.clear();
    out.resize(a.len(), 0);
    let (lo, hi) = out.split_at_mut(b.len());
    let mut borrow = 0u64;
    for ((o, &x), &y) in lo.iter_mut().zip(a).zip(b) {
        let t = (x as u128).wrapping_sub(y as u128 + borrow as u128);
        *o = t as u64;
        borrow = ((t >> 64) as u64) & 1;
    }
    for (o, &x) in hi.iter_mut().zip(&a[b.len()..]) {
        let (t, c) = x.overflowing_sub(borrow);
        *o = t;
        borrow = c as u64;
    }
    trim(out);
}

/// In place: a += 1 (a trimmed; may grow by one limb).
pub fn incr(a: &mut Vec<u64>) {
    for x in a.iter_mut() {
        let (s, c) = x.overflowing_add(1);
        *x = s;
        if !c {
            return;
        }
    }
    a.push(1);
}

/// out = a * b (schoolbook: meant for a factor of at most `KARATSUBA_LIMBS` limbs).
pub fn mul(a: &[u64], b: &[u64], out: &mut Vec<u64>) {
    out.clear();
    if a.is_empty() || b.is_empty() {
        return;
    }
    // the outer loop over the shorter factor: fewer carry-outs
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    out.resize(a.len() + b.len(), 0);
    for (i, &ai) in a.iter().enumerate() {
        if ai == 0 {
            continue;
        }
        let mut carry = 0u64;
        let row = &mut out[i..i + b.len()];
        for (o, &bj) in row.iter_mut().zip(b) {
            let t = ai as u128 * bj as u128 + *o as u128 + carry as u128;
            *o = t as u64;
            carry = (t >> 64) as u64;
        }
        out[i + b.len()] = carry;
    }
    trim(out);
}

/// out = a << s (bits).
pub fn shl(a: &[u64], s: usize, out: &mut Vec<u64>) {
    out.clear();
    if a.is_empty() {
        return;
    }
    let (limbs, bits) = (s / 64, (s % 64) as u32);
    out.reserve(a.len() + limbs + 1);
    out.resize(limbs, 0);
    if bits == 0 {
        out.extend_from_slice(a);
    } else {
        out.resize(limbs + a.len() + 1, 0);
        let body = &mut out[limbs..];
        body[0] = a[0] << bits;
        for ((o, &lo), &hi) in body[1..].iter_mut().zip(a).zip(&a[1..]) {
            *o = (hi << bits) | (lo >> (64 - bits));
        }
        body[a.len()] = a[a.len() - 1] >> (64 - bits);
        trim(out);
    }
}

/// out = a >> s (bits), truncating; returns whether any 1 bit was shifted out.
pub fn shr(a: &[u64], s: usize, out: &mut Vec<u64>) -> bool {
    out.clear();
    let (limbs, bits) = (s / 64, (s % 64) as u32);
    if limbs >= a.len() {
        return !a.is_empty();
    }
    let mut lost = a[..limbs].iter().any(|&x| x != 0);
    let hi = &a[limbs..];
    if bits == 0 {
        out.extend_from_slice(hi);
    } else {
        lost |= hi[0] & ((1u64 << bits) - 1) != 0;
        out.resize(hi.len(), 0);
        // each output limb from two neighbours, no branch in the loop (`exp >>= 1` on a
        // 40000-bit exponent shifts every limb once per iteration)
        for ((o, &x), &y) in out.iter_mut().zip(hi).zip(&hi[1..]) {
            *o = (x >> bits) | (y << (64 - bits));
        }
        out[hi.len() - 1] = hi[hi.len() - 1] >> bits;
        trim(out);
    }
    lost
}

/// (hi:lo) / d and (hi:lo) % d for hi < d (the quotient fits one limb). On x86-64 one `div`
/// instruction: the u128 division Rust emits otherwise is a libcall (`__udivti3`, 7% of a
/// modular-exponentiation loop).
#[inline(always)]
fn div_wide(hi: u64, lo: u64, d: u64) -> (u64, u64) {
    debug_assert!(hi < d);
    #[cfg(target_arch = "x86_64")]
    {
        let (q, r): (u64, u64);
        // SAFETY: hi < d, so the quotient fits 64 bits and `div` cannot fault (d != 0 as d > hi).
        unsafe {
            std::arch::asm!("div {d}", d = in(reg) d, inout("rax") lo => q, inout("rdx") hi => r,
                options(pure, nomem, nostack));
        }
        (q, r)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let n = ((hi as u128) << 64) | lo as u128;
        ((n / d as u128) as u64, (n % d as u128) as u64)
    }
}

/// a / d and a % d for a one-limb divisor d != 0: quotient into `q`, remainder returned.
pub fn divrem_limb(a: &[u64], d: u64, q: &mut Vec<u64>) -> u64 {
    q.clear();
    q.resize(a.len(), 0);
    let mut rem = 0u64;
    for i in (0..a.len()).rev() {
        // rem < d, so the quotient limb fits in 64 bits
        let (qi, r) = div_wide(rem, a[i], d);
        rem = r;
        q[i] = qi;
    }
    trim(q);
    rem
}

/// Truncating division of magnitudes, b non-empty: q = a / b, r = a % b (Knuth's algorithm D with
/// 64-bit limbs). `u` and `v` are scratch buffers (the normalised operands).
pub fn divrem(
    a: &[u64],
    b: &[u64],
    q: &mut Vec<u64>,
    r: &mut Vec<u64>,
    u: &mut Vec<u64>,
    v: &mut Vec<u64>,
) {
    assert!(!b.is_empty(), "divrem by zero");
    if cmp(a, b) == Ordering::Less {
        q.clear();
        r.clear();
        r.extend_from_slice(a);
        return;
    }
    if b.len() == 1 {
        let rem = divrem_limb(a, b[0], q);
        r.clear();
        if rem != 0 {
            r.push(rem);
        }
        return;
    }
    // Normalise: the divisor's top bit set, so that each estimated quotient limb is at most 2 too big.
    let s = b[b.len() - 1].leading_zeros() as usize;
    shl(b, s, v);
    shl(a, s, u);
    if u.len() == a.len() {
        u.push(0);
    }
    let n = v.len();
    let m = u.len() - n - 1;
    q.clear();
    q.resize(m + 1, 0);
    let (vtop, vnext) = (v[n - 1] as u128, v[n - 2] as u128);
    for j in (0..=m).rev() {
        // u[j + n] <= vtop; equal, the estimate 2**64 - 1 is at most 2 too big as well
        let (mut qhat, mut rhat) = if (u[j + n] as u128) < vtop {
            let (q, r) = div_wide(u[j + n], u[j + n - 1], vtop as u64);
            (q as u128, r as u128)
        } else {
            let num = ((u[j + n] as u128) << 64) | u[j + n - 1] as u128;
            let q = u64::MAX as u128;
            (q, num - q * vtop)
        };
        // Knuth's test on the next limb, only while rhat is one limb (else it cannot fail)
        while rhat <= u64::MAX as u128 && qhat * vnext > ((rhat << 64) | u[j + n - 2] as u128) {
            qhat -= 1;
            rhat += vtop;
        }
        // u[j..=j+n] -= qhat * v
        let mut carry = 0u64;
        for i in 0..n {
            let p = qhat * v[i] as u128 + carry as u128;
            let (t, borrow) = u[i + j].overflowing_sub(p as u64);
            u[i + j] = t;
            carry = (p >> 64) as u64 + borrow as u64;
        }
        let (t, negative) = u[j + n].overflowing_sub(carry);
        u[j + n] = t;
        if negative {
            // qhat was one too big (rare): add v back
            qhat -= 1;
            let mut c = false;
            for i in 0..n {
                let (s1, c1) = u[i + j].overflowing_add(v[i]);
                let (s2, c2) = s1.overflowing_add(c as u64);
                u[i + j] = s2;
                c = c1 | c2;
            }
            u[j + n] = u[j + n].wrapping_add(c as u64);
        }
        q[j] = qhat as u64;
    }
    trim(q);
    u.truncate(n);
    trim(u);
    shr(u, s, r);
}

/// |n| mod (2**61 - 1) for a magnitude: CPython's int hash before the sign (2**64 = 8 mod 2**61-1).
pub fn hash_mod(a: &[u64]) -> u64 {
    const M: u64 = (1u64 << 61) - 1;
    let mut h: u64 = 0;
    for &x in a.iter().rev() {
        // h * 2**64 + x = h * 8 + x (mod M); h < M, so h * 8 < 2**64
        let t = (h as u128) * 8 + (x % M) as u128;
        h = (t % M as u128) as u64;
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_bigint::BigUint;

    fn to_big(a: &[u64]) -> BigUint {
        let mut n = BigUint::default();
        for &x in a.iter().rev() {
            n = (n << 64u32) + BigUint::from(x);
        }
        n
    }
    fn from_big(n: &BigUint) -> Vec<u64> {
        let mut v = n.to_u64_digits();
        trim(&mut v);
        v
    }

    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        /// A magnitude of up to `max` limbs with edge-case limbs (0, 1, MAX, top bit) mixed in.
        fn mag(&mut self, max: usize) -> Vec<u64> {
            let len = (self.next() % (max as u64 + 1)) as usize;
            let mut v: Vec<u64> = (0..len)
                .map(|_| match self.next() % 6 {
                    0 => 0,
                    1 => u64::MAX,
                    2 => 1 << 63,
                    3 => 1,
                    _ => self.next(),
                })
                .collect();
            trim(&mut v);
            v
        }
    }

    #[test]
    fn kernels_match_num_bigint() {
        let mut rng = Rng(0x9e3779b97f4a7c15);
        let (mut o, mut q, mut r, mut u, mut v) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for _ in 0..50000 {
            let a = rng.mag(9);
            let b = rng.mag(6);
            let (ba, bb) = (to_big(&a), to_big(&b));
            assert_eq!(cmp(&a, &b), ba.cmp(&bb));
            add(&a, &b, &mut o);
            assert_eq!(o, from_big(&(&ba + &bb)));
            if ba >= bb {
                sub(&a, &b, &mut o);
                assert_eq!(o, from_big(&(&ba - &bb)));
            }
            mul(&a, &b, &mut o);
            assert_eq!(o, from_big(&(&ba * &bb)));
            let s = (rng.next() % 200) as usize;
            shl(&a, s, &mut o);
            assert_eq!(o, from_big(&(&ba << s)));
            let lost = shr(&a, s, &mut o);
            assert_eq!(o, from_big(&(&ba >> s)));
            assert_eq!(lost, (&ba >> s) << s != ba);
            if !b.is_empty() {
                divrem(&a, &b, &mut q, &mut r, &mut u, &mut v);
                assert_eq!(q, from_big(&(&ba / &bb)), "{a:?} / {b:?}");
                assert_eq!(r, from_big(&(&ba % &bb)), "{a:?} % {b:?}");
            }
            let m = BigUint::from((1u64 << 61) - 1);
            assert_eq!(BigUint::from(hash_mod(&a)), &ba % &m);
            let mut inc = a.clone();
            incr(&mut inc);
            assert_eq!(inc, from_big(&(&ba + 1u32)));
        }
    }

    #[test]
    fn division_top_limbs_equal() {
        // u[j + n] == v[n - 1]: the estimate 2**64 - 1 and rhat beyond one limb
        let cases: [(&[u64], &[u64]); 3] = [
            (&[0, u64::MAX, u64::MAX], &[1, u64::MAX]),
            (&[5, 7, u64::MAX - 1, u64::MAX], &[u64::MAX, u64::MAX]),
            (&[0, 0, 1 << 63, 1 << 63], &[u64::MAX, 1 << 63]),
        ];
        let (mut q, mut r, mut u, mut v) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (a, b) in cases {
            divrem(a, b, &mut q, &mut r, &mut u, &mut v);
            let (ba, bb) = (to_big(a), to_big(b));
            assert_eq!(q, from_big(&(&ba / &bb)));
            assert_eq!(r, from_big(&(&ba % &bb)));
        }
    }

    #[test]
    fn division_add_back_case() {
        // Knuth's test values where the estimated quotient limb is too big (the add-back branch)
        let a = [0, 0, 0x8000_0000_0000_0000, 0x7fff_ffff_ffff_ffff];
        let b = [1, 0, 0x8000_0000_0000_0000];
        let (mut q, mut r, mut u, mut v) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        divrem(&a, &b, &mut q, &mut r, &mut u, &mut v);
        let (ba, bb) = (to_big(&a), to_big(&b));
        assert_eq!(q, from_big(&(&ba / &bb)));
        assert_eq!(r, from_big(&(&ba % &bb)));
    }
}
