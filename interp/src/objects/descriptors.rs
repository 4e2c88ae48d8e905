//! The descriptor types `property`, `staticmethod`, `classmethod` and the `super` proxy. Their
//! binding rules (`__get__`/`__set__` during attribute lookup) are part of the VM's generic getattr
//! and setattr (vm/types.rs), which must see them before instance dicts; this module is the types'
//! entry in the type table (no slot of their own: repr is the generic `<property object at ...>`).

use super::TypeSlots;

pub static PROPERTY: TypeSlots = TypeSlots {
    name: "property",
    ..TypeSlots::EMPTY
};

pub static STATICMETHOD: TypeSlots = TypeSlots {
    name: "staticmethod",
    ..TypeSlots::EMPTY
};

pub static CLASSMETHOD: TypeSlots = TypeSlots {
    name: "classmethod",
    ..TypeSlots::EMPTY
};

pub static SUPER: TypeSlots = TypeSlots {
    name: "super",
    ..TypeSlots::EMPTY
};
