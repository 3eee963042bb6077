//! Gazetteers: curated name lists (CSV) and the matcher that finds their names in text.
//!
//! - [`load`]: reading and validating gazetteer CSV (errors carry `file:line`).
//! - [`matcher`]: the Aho-Corasick phrase matcher shared with the cue lexicons.
//! - [`names`]: the compiled name matcher: case rules, mentions.
//! - [`words`]: the word lists entity finding reasons with (legal forms, cues, first
//!   names, function and common words, places).
//! - [`mod@bench`]: the matcher benchmark (a million names, reproducible).

pub mod bench;
pub mod load;
pub mod matcher;
pub mod names;
pub mod words;

pub use load::{check_files, Entry, Gazetteer};
pub use names::{NameMatch, NameMatcher};
