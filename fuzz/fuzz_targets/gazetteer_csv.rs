//! Fuzz target: see `dealgraph_fuzz::gazetteer_csv`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dealgraph_fuzz::gazetteer_csv(data));
