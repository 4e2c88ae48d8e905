//! The `gc` module (collect, enable/disable/isenabled, get_stats, get_count/thresholds) and the
//! `__minipy__` introspection module (addr, in_nursery, generation, describe_addr, verify,
//! gc_counters), both thin layers over the heap API of the gc crate.

use super::{add_fns, counters_dict};
use crate::builtins::functions::{index_bigint, npos_range};
use crate::obj::layout::*;
use crate::vm::{Args, PyResult, Vm};
use gc::{GcStats, Generation, Value};
use num_traits::ToPrimitive;

pub fn fill_gc(vm: &mut Vm, m: usize) -> PyResult<()> {
    let fns: &[(&str, NativeFn)] = &[
        ("collect", collect),
        ("enable", enable),
        ("disable", disable),
        ("isenabled", isenabled),
        ("get_stats", get_stats),
        ("get_count", get_count),
        ("get_threshold", get_threshold),
        ("set_threshold", set_threshold),
    ];
    add_fns(vm, m, fns)
}

pub fn fill_minipy(vm: &mut Vm, m: usize) -> PyResult<()> {
    let fns: &[(&str, NativeFn)] = &[
        ("addr", addr),
        ("in_nursery", in_nursery),
        ("generation", generation),
        ("describe_addr", describe_addr),
        ("verify", verify),
        ("gc_counters", gc_counters),
    ];
    add_fns(vm, m, fns)
}

// ---- gc ------------------------------------------------------------------------------------------------

fn collect(vm: &mut Vm, a: Args) -> PyResult<Value> {
    vm.check_kwargs(&a, "collect", &["generation"])?;
    if a.n > 1 {
        return Err(vm.type_error(format!(
            "collect() takes at most 1 argument ({} given)",
            a.n
        )));
    }
    let g = match if vm.npos(&a) == 1 {
        Some(vm.arg(&a, 0))
    } else {
        vm.kwarg(&a, "generation")
    } {
        Some(v) => {
            if vm.is(v, Kind::Float) {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            index_bigint(vm, v)?.to_i64().unwrap_or(-1)
        }
        None => 2,
    };
    if !(0..=2).contains(&g) {
        return Err(vm.value_error("invalid generation"));
    }
    // Every live value is rooted: natives' arguments sit on the value stack.
    let found = vm.heap.collect_counting(&mut vm.roots, g != 0);
    vm.run_pending_finalizers();
    Ok(Value::from_int(found as i64).unwrap())
}

fn enable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "enable", 0, 0)?;
    vm.heap.set_enabled(true);
    Ok(vm.none())
}

fn disable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "disable", 0, 0)?;
    vm.heap.set_enabled(false);
    Ok(vm.none())
}

fn isenabled(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "isenabled", 0, 0)?;
    Ok(vm.bool_val(vm.heap.is_enabled()))
}

/// Every counter of the heap, by name.
fn stats_items(s: &GcStats) -> Vec<(&'static str, u64)> {
    vec![
        ("minor_collections", s.minor_collections),
        ("major_collections", s.major_collections),
        ("bytes_allocated", s.bytes_allocated),
        ("bytes_copied", s.bytes_copied),
        ("objects_promoted", s.objects_promoted),
        ("old_bytes", s.old_bytes),
        ("large_bytes", s.large_bytes),
        ("external_bytes", s.external_bytes),
        ("pinned_objects", s.pinned_objects),
        ("live_handles", s.live_handles),
        ("finalizers_queued", s.finalizers_queued),
        ("total_pause_ns", s.total_pause_ns),
        ("max_pause_ns", s.max_pause_ns),
        ("last_minor_ns", s.last_minor_ns),
        ("last_major_ns", s.last_major_ns),
        ("remembered_peak", s.remembered_peak),
        ("nursery_size", s.nursery_size),
        ("nursery_used", s.nursery_used),
        ("large_objects", s.large_objects),
        ("destructors_run", s.destructors_run),
        ("pending_finalizers", s.pending_finalizers),
        ("next_major_bytes", s.next_major_bytes),
        ("full_verifications", s.full_verifications),
        ("total_minor_ns", s.total_minor_ns),
        ("cards_scanned", s.cards_scanned),
        ("carded_objects_scanned", s.carded_objects_scanned),
        ("total_card_scan_ns", s.total_card_scan_ns),
        ("pins_total", s.pins_total),
        ("pins_refused", s.pins_refused),
        ("pinned_bytes", s.pinned_bytes),
        ("pinned_lost_last", s.pinned_lost_last),
        ("pinned_lost_total", s.pinned_lost_total),
        ("pinned_kept_total", s.pinned_kept_total),
        ("old_pages", s.old_pages),
        ("old_pages_released", s.old_pages_released),
    ]
}

/// gc.get_stats(): a list with one dict: CPython's keys (collections, collected, uncollectable) plus
/// every heap counter.
fn get_stats(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "get_stats", 0, 0)?;
    let s = vm.heap.stats();
    let mut items = vec![
        ("collections", s.minor_collections + s.major_collections),
        ("collected", 0),
        ("uncollectable", 0),
    ];
    items.extend(stats_items(&s));
    let d = counters_dict(vm, &items)?;
    vm.push(d);
    vm.new_list_from_stack(1)
}

fn get_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "get_count", 0, 0)?;
    let s = vm.heap.stats();
    let used = vm.new_int_from_u64(s.nursery_used)?;
    let z = Value::from_int(0).unwrap();
    vm.new_tuple(&[used, z, z])
}

fn get_threshold(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "get_threshold", 0, 0)?;
    let s = vm.heap.stats();
    let n = vm.new_int_from_u64(s.nursery_size)?;
    let z = Value::from_int(0).unwrap();
    vm.new_tuple(&[n, z, z])
}

/// Accepted for compatibility; the heap sizes itself (MINIPY_GC_NURSERY).
fn set_threshold(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "set_threshold", 1, 3)?;
    Ok(vm.none())
}

// ---- __minipy__ -------------------------------------------------------------------------------------------

fn addr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "addr", 1, 1)?;
    let v = vm.arg(&a, 0);
    if !v.is_ptr() {
        return Ok(vm.none());
    }
    vm.new_int_from_u64(v.0)
}

fn in_nursery(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "in_nursery", 1, 1)?;
    let v = vm.arg(&a, 0);
    Ok(vm.bool_val(vm.heap.in_nursery(v)))
}

fn generation(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "generation", 1, 1)?;
    let v = vm.arg(&a, 0);
    let s = match vm.heap.generation(v) {
        Generation::Immediate => "immediate",
        Generation::Young => "young",
        Generation::Old => "old",
        Generation::Large => "large",
    };
    vm.new_str(s)
}

fn describe_addr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "describe_addr", 1, 1)?;
    let n = index_bigint(vm, vm.arg(&a, 0))?;
    let Some(p) = n.to_u64() else {
        return vm.new_str("unknown");
    };
    let s = vm.heap.describe_addr(p);
    vm.new_str(&s)
}

fn verify(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "verify", 0, 0)?;
    match vm.heap.verify(&mut vm.roots) {
        Ok(()) => Ok(vm.none()),
        Err(msg) => Err(vm.raise("RuntimeError", &msg)),
    }
}

fn gc_counters(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "gc_counters", 0, 0)?;
    let s = vm.heap.stats();
    counters_dict(vm, &stats_items(&s))
}
