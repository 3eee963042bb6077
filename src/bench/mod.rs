//! Benchmarks (`dealgraph bench`): figures, not pass/fail. Being written.
