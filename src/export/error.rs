//! The errors of the export module: bad filter values (unknown entity, type, status or
//! format) and failures of the output stream. Kept apart so every writer shares one type
//! and the CLI can print a single, lowercase message.

use std::fmt::Write as _;
use std::path::PathBuf;

/// Everything that can go wrong while building or writing an export.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// `--around NAME` matched no entity label or id.
    #[error("no entity matches \"{name}\"{}", did_you_mean(.suggestions))]
    UnknownEntity {
        name: String,
        /// Close labels (at most a handful), best first.
        suggestions: Vec<String>,
    },
    /// `--around NAME` matched, but every matching entity is removed by the type filter.
    #[error("entity \"{name}\" is excluded by the type filter")]
    EntityFilteredOut { name: String },
    /// A `--types` value that is neither an entity type nor a relation type.
    #[error("unknown type \"{name}\"; valid types: {}", .valid.join(", "))]
    UnknownType { name: String, valid: Vec<String> },
    /// A `--status` value that no relation can have.
    #[error("unknown status \"{name}\"; valid statuses: {}", .valid.join(", "))]
    UnknownStatus { name: String, valid: Vec<String> },
    /// `min_confidence` outside [0, 1] or not a number.
    #[error("minimum confidence must be a number between 0 and 1, got {0}")]
    InvalidConfidence(f64),
    /// An unknown `--format` name.
    #[error("unknown export format \"{name}\"; valid formats: {}", .valid.join(", "))]
    UnknownFormat { name: String, valid: Vec<String> },
    /// The format writes more than one file (CSV), so it cannot go to a single stream.
    #[error("format {format} writes two files (nodes and edges); give an output path, not a stream")]
    NotAStream { format: String },
    /// Writing to the output failed.
    #[error("cannot write the export: {0}")]
    Io(#[from] std::io::Error),
    /// Writing to a named file failed.
    #[error("cannot write {}: {source}", .path.display())]
    IoAt {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The CSV writer failed (in practice an I/O error underneath).
    #[error("cannot write csv: {0}")]
    Csv(#[from] csv::Error),
    /// Serialising the graph data for the HTML viewer failed.
    #[error("cannot serialise the graph as json: {0}")]
    Json(#[from] serde_json::Error),
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        return String::new();
    }
    let mut s = String::from("; did you mean: ");
    for (i, name) in suggestions.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        let _ = write!(s, "\"{name}\"");
    }
    s.push('?');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_lowercase_and_list_suggestions() {
        let e = ExportError::UnknownEntity {
            name: "Shel".into(),
            suggestions: vec!["Shell".into(), "Shell plc".into()],
        };
        assert_eq!(
            e.to_string(),
            "no entity matches \"Shel\"; did you mean: \"Shell\", \"Shell plc\"?"
        );
        let e = ExportError::UnknownEntity {
            name: "x".into(),
            suggestions: vec![],
        };
        assert_eq!(e.to_string(), "no entity matches \"x\"");
        let e = ExportError::UnknownFormat {
            name: "png".into(),
            valid: vec!["svg".into(), "html".into()],
        };
        assert_eq!(e.to_string(), "unknown export format \"png\"; valid formats: svg, html");
    }
}
