//! Memory a heap object owns outside the heap (a big int's digits, a bytearray's buffer, a code
//! object's instructions, a cdata's C memory) counts toward the collection triggers: a loop that
//! drops such objects as fast as it makes them must run in bounded memory even though their small
//! headers would take ages to fill the nursery. The scripts print their own peak RSS (VmHWM, Linux),
//! which is minipy-specific, so this lives here rather than in the CPython-checked suites.

use std::process::Command;

/// Runs `body` followed by a peak-RSS check in minipy; returns the peak in MB.
fn peak_mb(body: &str) -> u64 {
    let script = format!(
        "{body}\nfor line in open('/proc/self/status'):\n    if line.startswith('VmHWM:'):\n        print(int(line.split()[1]) // 1024)\n"
    );
    let o = Command::new(env!("CARGO_BIN_EXE_minipy"))
        .args(["-c", &script])
        .env_remove("MINIPY_GC_STRESS")
        .env_remove("MINIPY_GC_NURSERY")
        .output()
        .expect("cannot run minipy");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).trim().parse().unwrap()
}

#[test]
fn dropped_bytearrays_are_collected() {
    // 3000 x 1 MB: 3 GB if the buffers only counted as 40-byte headers.
    let mb = peak_mb("for i in range(3000):\n    b = bytearray(1000000)");
    assert!(mb < 400, "peak RSS {mb} MB");
}

#[test]
fn growing_bytearrays_are_counted() {
    let mb = peak_mb("for i in range(3000):\n    b = bytearray()\n    b += bytes(1000000)");
    assert!(mb < 400, "peak RSS {mb} MB");
}

#[test]
fn dropped_big_ints_are_collected() {
    // Each sum is a new 1 MB int.
    let mb = peak_mb("x = 1 << 8000000\nfor i in range(3000):\n    y = x + i");
    assert!(mb < 400, "peak RSS {mb} MB");
}

#[test]
fn dropped_code_objects_are_collected() {
    // Code objects live in the old generation and own their instructions and caches (about 10 MB for
    // this source); a loop of compile() calls makes no nursery allocation, so the heap's request for
    // a collection is taken at compile()'s own GC point.
    let mb = peak_mb("src = 'x = [' + 'a,' * 100000 + ']'\nfor i in range(20):\n    c = compile(src, 's', 'exec')");
    assert!(mb < 150, "peak RSS {mb} MB");
}

#[test]
fn young_big_ints_die_in_minor_collections() {
    // 100 KB ints made and dropped: their limbs are inline in nursery objects (objects/int/limbs.rs),
    // so they die at the next minor collection; before, digits malloc'd outside the heap waited for
    // the major trigger (bench/bigint.py peaked at 54 MB, now 13 MB).
    let mb = peak_mb("x = 1 << 800000\nfor i in range(20000):\n    y = x + i");
    assert!(mb < 30, "peak RSS {mb} MB");
}
