//! dealgraph: business news in, a knowledge graph of companies, people and deals out.
//!
//! The data flows one way (see ARCHITECTURE.md):
//!
//! input → [`document::Document`] → [`text`] (normalisation with offsets, language,
//! sentences) → [`gazetteer`] (name matches) → [`resolve`] / [`discover`] (entities) →
//! [`relations`] → sinks: [`output`] (JSON Lines), `store` (Oxigraph), [`export`].
//!
//! Example:
//!
//! ```
//! use dealgraph::document::Document;
//! use dealgraph::pipeline::{Extractor, ExtractorOptions};
//!
//! let extractor = Extractor::new(&ExtractorOptions::default()).unwrap();
//! let doc = Document {
//!     id: "d1".into(),
//!     text: "Microsoft buys LinkedIn.".into(),
//!     lang: None, date: None, source: None, origin: "example".into(),
//! };
//! let result = extractor.extract(&doc);
//! assert!(result.analysis.entities.iter().any(|e| e.label.contains("Microsoft")));
//! ```

pub mod bench;
pub mod bundled;
pub mod discover;
pub mod document;
pub mod error;
pub mod export;
pub mod gazetteer;
pub mod input;
pub mod model;
pub mod output;
pub mod parallel;
pub mod pipeline;
pub mod relations;
pub mod resolve;
pub mod slug;
#[cfg(feature = "store")]
pub mod store;
pub mod text;

pub use error::{Error, Result};
