//! test_types.rs: the object types the crate's unit tests (cards_tests.rs, pin_tests.rs) register,
//! built by one constructor instead of a TypeInfo literal per type and file.
use crate::TypeInfo;

/// A type without custom tracing or destructor: `fixed_size` payload bytes with Values at
/// `value_offsets`, then `item_size`-byte items (Values when `items_are_values`).
pub(crate) fn test_type(
    name: &'static str,
    fixed_size: usize,
    item_size: usize,
    value_offsets: Vec<u32>,
    items_are_values: bool,
) -> TypeInfo {
    TypeInfo {
        name,
        fixed_size,
        item_size,
        value_offsets,
        items_are_values,
        custom_trace: None,
        drop_fn: None,
    }
}
