//! Fuzz target: see `dealgraph_fuzz::extract`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dealgraph_fuzz::extract(data));
