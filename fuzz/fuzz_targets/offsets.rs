//! Fuzz target: see `dealgraph_fuzz::offsets`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dealgraph_fuzz::offsets(data));
