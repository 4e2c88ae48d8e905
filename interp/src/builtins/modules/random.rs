//! `_random`: the Mersenne Twister (MT19937) behind interp/lib/random.py, giving CPython's exact
//! sequences. A generator is an opaque handle (opaque.rs) owning an [`Mt`].
//!
//! Functions: `new()` -> handle; `seed(h, key)` with `key` the bytes of the seed's absolute value,
//! little-endian (CPython's init_by_array over its 32-bit words; empty means [0]);
//! `random(h)` -> float in [0, 1) from 53 bits; `getrandbits(h, k)` -> int (k >= 0);
//! `getstate(h)` -> tuple of 624 words + index; `setstate(h, tuple)`; `urandom(n)` -> bytes from
//! /dev/urandom (for SystemRandom and seeding from None).

use super::add_fns;
use super::opaque::{new_handle, state_mut};
use crate::builtins::functions::npos_range;
use crate::obj::layout::*;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;
use num_bigint::BigInt;
use std::io::Read;

const N: usize = 624;
const M: usize = 397;

pub struct Mt {
    mt: [u32; N],
    index: usize,
}

impl Mt {
    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let p = self.mt[i - 1];
            self.mt[i] = 1812433253u32
                .wrapping_mul(p ^ (p >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }
    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let (mut i, mut j) = (1usize, 0usize);
        let mut k = N.max(key.len());
        while k > 0 {
            let p = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (p ^ (p >> 30)).wrapping_mul(1664525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            let p = self.mt[i - 1];
            self.mt[i] =
                (self.mt[i] ^ (p ^ (p >> 30)).wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            k -= 1;
        }
        self.mt[0] = 0x8000_0000;
        self.index = N;
    }
    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            const UPPER: u32 = 0x8000_0000;
            const LOWER: u32 = 0x7fff_ffff;
            let mag = |y: u32| if y & 1 == 1 { 0x9908_b0df } else { 0 };
            for kk in 0..N {
                let y = (self.mt[kk] & UPPER) | (self.mt[(kk + 1) % N] & LOWER);
                self.mt[kk] = self.mt[(kk + M) % N] ^ (y >> 1) ^ mag(y);
            }
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }
}

pub fn fill(vm: &mut Vm, m: usize) -> PyResult<()> {
    add_fns(
        vm,
        m,
        &[
            ("new", new),
            ("seed", seed),
            ("random", random),
            ("getrandbits", getrandbits),
            ("getstate", getstate),
            ("setstate", setstate),
            ("urandom", urandom),
        ],
    )
}

fn new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "new", 0, 0)?;
    let mut mt = Mt {
        mt: [0; N],
        index: N,
    };
    mt.init_genrand(19650218);
    new_handle(vm, mt)
}

fn seed(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "seed", 2, 2)?;
    let k = vm.arg(&a, 1);
    if !vm.is(k, Kind::Bytes) {
        return Err(vm.type_error("seed key must be bytes"));
    }
    let mut key: Vec<u32> = vm
        .bytes_of(k)
        .chunks(4)
        .map(|c| c.iter().rev().fold(0u32, |acc, b| (acc << 8) | *b as u32))
        .collect();
    while key.len() > 1 && key[key.len() - 1] == 0 {
        key.pop();
    }
    if key.is_empty() {
        key.push(0);
    }
    let h = vm.arg(&a, 0);
    state_mut::<Mt>(vm, h, "random")?.init_by_array(&key);
    Ok(vm.none())
}

fn random(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "random", 1, 1)?;
    let h = vm.arg(&a, 0);
    let mt = state_mut::<Mt>(vm, h, "random")?;
    let x = (mt.next_u32() >> 5) as f64;
    let y = (mt.next_u32() >> 6) as f64;
    vm.new_float((x * 67108864.0 + y) * (1.0 / 9007199254740992.0))
}

fn getrandbits(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "getrandbits", 2, 2)?;
    let kv = vm.arg(&a, 1);
    let k = match vm.to_i64(kv) {
        Some(k) if k >= 0 => k as u64,
        Some(_) => return Err(vm.value_error("number of bits must be non-negative")),
        None => return Err(vm.raise("OverflowError", "Python int too large to convert to C int")),
    };
    if k > i32::MAX as u64 {
        return Err(vm.raise("OverflowError", "Python int too large to convert to C int"));
    }
    let h = vm.arg(&a, 0);
    let mt = state_mut::<Mt>(vm, h, "random")?;
    if k <= 32 {
        // CPython's fast path: one word, shifted down (k == 0 gives 0 without drawing).
        let r = if k == 0 { 0 } else { mt.next_u32() >> (32 - k) };
        return vm.new_int(r as i64);
    }
    // Little-endian 32-bit words; the last, partial word keeps its top bits.
    let mut words = Vec::with_capacity(k.div_ceil(32) as usize);
    let mut left = k;
    while left > 0 {
        let mut r = mt.next_u32();
        if left < 32 {
            r >>= 32 - left;
        }
        words.push(r);
        left = left.saturating_sub(32);
    }
    vm.new_bigint(BigInt::from_slice(num_bigint::Sign::Plus, &words))
}

fn getstate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "getstate", 1, 1)?;
    let h = vm.arg(&a, 0);
    let mt = state_mut::<Mt>(vm, h, "random")?;
    let (words, index) = (mt.mt, mt.index);
    let base = vm.sp();
    for w in words {
        let v = vm.new_int(w as i64)?;
        vm.push(v);
    }
    let v = vm.new_int(index as i64)?;
    vm.push(v);
    let t = vm.new_tuple_from_stack(N + 1);
    vm.truncate(base);
    t
}

fn setstate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "setstate", 2, 2)?;
    let t = vm.arg(&a, 1);
    if !vm.is(t, Kind::Tuple) {
        return Err(vm.type_error("state vector must be a tuple"));
    }
    let items = vm.tuple_items(t).to_vec();
    if items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; N];
    for (i, w) in items[..N].iter().enumerate() {
        match vm.to_bigint(*w).and_then(|n| u32::try_from(n).ok()) {
            Some(x) => words[i] = x,
            None => {
                return Err(vm.raise(
                    "OverflowError",
                    "Python int too large to convert to C unsigned long",
                ))
            }
        }
    }
    let index = match vm.to_i64(items[N]) {
        Some(i) if (0..=N as i64).contains(&i) => i as usize,
        _ => return Err(vm.value_error("invalid state")),
    };
    let h = vm.arg(&a, 0);
    let mt = state_mut::<Mt>(vm, h, "random")?;
    mt.mt = words;
    mt.index = index;
    Ok(vm.none())
}

fn urandom(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "urandom", 1, 1)?;
    let nv = vm.arg(&a, 0);
    let n = match vm.to_i64(nv) {
        Some(n) if n >= 0 => n as usize,
        Some(_) => return Err(vm.value_error("negative argument not allowed")),
        None => return Err(vm.type_error("an integer is required")),
    };
    let mut buf = vec![0u8; n];
    let r = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf));
    if let Err(e) = r {
        return Err(vm.raise_io_error(&e));
    }
    vm.new_bytes(&buf)
}
