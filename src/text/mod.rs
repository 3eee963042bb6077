//! Text preparation: normalisation with an offset map, case folding that keeps byte
//! offsets, sentence segmentation and language detection.
//!
//! Architecture invariant: after normalisation every later stage works on byte offsets
//! into [`Normalized::text`]; only the output stage maps them back to the text as read.

pub mod fold;
pub mod lang;
pub mod normalize;
pub mod segment;
pub mod words;

pub use fold::{fold_case, fold_for_matching};
pub use normalize::{normalize, Normalized};
pub use segment::segment;
