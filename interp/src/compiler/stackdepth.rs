//! The flow analysis that computes a code unit's maximum stack depth, also checking that every
//! instruction is reached with one consistent depth. The stack effects and the control flow of each
//! opcode come from the opcode table (`bytecode/opcodes.rs`: `Op::stack_effect`, `Op::flow`).

use crate::bytecode::Instr;

/// Maximum operand-stack depth over all reachable paths. Errors when an instruction is reachable with
/// two different depths, when the depth goes negative, or when control runs off the end of the code.
pub(crate) fn max_stack_depth(code: &[Instr]) -> Result<u32, String> {
    let mut depth_at: Vec<i32> = vec![-1; code.len()];
    let mut work: Vec<(usize, i32)> = vec![(0, 0)];
    let mut max = 0i32;
    if code.is_empty() {
        return Ok(0);
    }
    while let Some((mut pc, mut depth)) = work.pop() {
        loop {
            if pc >= code.len() {
                return Err("control runs off the end of the code".into());
            }
            if depth_at[pc] >= 0 {
                if depth_at[pc] != depth {
                    return Err(format!(
                        "inconsistent stack depth at {pc}: {} vs {depth}",
                        depth_at[pc]
                    ));
                }
                break;
            }
            depth_at[pc] = depth;
            let ins = code[pc];
            let flow = ins.op.flow();
            if flow.is_jump() {
                let d = depth + ins.op.stack_effect(ins.arg, true);
                if d < 0 {
                    return Err(format!("negative stack depth at {pc} ({:?})", ins.op));
                }
                max = max.max(d);
                work.push((ins.arg as usize, d));
            }
            if !flow.falls_through() {
                // A return or raise still consumes its operands: check them.
                if depth + ins.op.stack_effect(ins.arg, false) < 0 {
                    return Err(format!("negative stack depth at {pc} ({:?})", ins.op));
                }
                break;
            }
            depth += ins.op.stack_effect(ins.arg, false);
            if depth < 0 {
                return Err(format!("negative stack depth at {pc} ({:?})", ins.op));
            }
            max = max.max(depth);
            pc += 1;
        }
    }
    Ok(max as u32)
}
