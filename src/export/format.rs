//! The list of export formats, their names on the command line, and the dispatcher that
//! writes a single-stream format to any `Write`.

use std::fmt;
use std::io::Write;
use std::str::FromStr;

use super::error::ExportError;
use super::graph::ExportGraph;
use super::{write_dot, write_gexf, write_graphml, write_html, write_svg};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    Graphml,
    Gexf,
    Dot,
    /// Two files (nodes and edges): see [`super::write_csv_pair`].
    Csv,
    Html,
    Svg,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 6] = [
        ExportFormat::Graphml,
        ExportFormat::Gexf,
        ExportFormat::Dot,
        ExportFormat::Csv,
        ExportFormat::Html,
        ExportFormat::Svg,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Graphml => "graphml",
            ExportFormat::Gexf => "gexf",
            ExportFormat::Dot => "dot",
            ExportFormat::Csv => "csv",
            ExportFormat::Html => "html",
            ExportFormat::Svg => "svg",
        }
    }

    /// The usual file extension (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Dot => "gv",
            other => other.name(),
        }
    }

    /// Whether the format is written as one stream (all but CSV).
    pub fn is_single_stream(self) -> bool {
        self != ExportFormat::Csv
    }

    /// Guess the format from a file name's extension.
    pub fn from_extension(path: &std::path::Path) -> Option<ExportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "gv" => Some(ExportFormat::Dot),
            "htm" => Some(ExportFormat::Html),
            other => other.parse().ok(),
        }
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ExportFormat {
    type Err = ExportError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        let alias = match lower.as_str() {
            "gv" | "graphviz" => "dot",
            "htm" => "html",
            other => other,
        };
        ExportFormat::ALL
            .into_iter()
            .find(|f| f.name() == alias)
            .ok_or_else(|| ExportError::UnknownFormat {
                name: s.to_string(),
                valid: ExportFormat::ALL.iter().map(|f| f.name().to_string()).collect(),
            })
    }
}

/// Write `graph` in a single-stream `format`; CSV is refused (it is two files).
pub fn write<W: Write + ?Sized>(graph: &ExportGraph, format: ExportFormat, out: &mut W) -> Result<(), ExportError> {
    match format {
        ExportFormat::Graphml => write_graphml(graph, out),
        ExportFormat::Gexf => write_gexf(graph, out),
        ExportFormat::Dot => write_dot(graph, out),
        ExportFormat::Html => write_html(graph, out),
        ExportFormat::Svg => write_svg(graph, out),
        ExportFormat::Csv => Err(ExportError::NotAStream {
            format: format.name().to_string(),
        }),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::export::testdata::nasty_graph;
    use crate::export::ExportOptions;

    #[test]
    fn parses_names_and_lists_valid_ones() {
        for f in ExportFormat::ALL {
            assert_eq!(f.name().parse::<ExportFormat>().unwrap(), f);
            assert_eq!(f.to_string().to_uppercase().parse::<ExportFormat>().unwrap(), f);
        }
        assert_eq!("gv".parse::<ExportFormat>().unwrap(), ExportFormat::Dot);
        let err = "png".parse::<ExportFormat>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown export format \"png\"; valid formats: graphml, gexf, dot, csv, html, svg"
        );
        assert_eq!(
            ExportFormat::from_extension(std::path::Path::new("a/b.GEXF")),
            Some(ExportFormat::Gexf)
        );
        assert_eq!(ExportFormat::from_extension(std::path::Path::new("a/b.txt")), None);
    }

    #[test]
    fn dispatches_every_stream_format_deterministically() {
        let g = nasty_graph(&ExportOptions::default());
        for f in ExportFormat::ALL {
            let mut a: Vec<u8> = Vec::new();
            let mut b: Vec<u8> = Vec::new();
            let ra = write(&g, f, &mut a as &mut dyn Write);
            let rb = write(&nasty_graph(&ExportOptions::default()), f, &mut b);
            if f.is_single_stream() {
                ra.unwrap();
                rb.unwrap();
                assert!(!a.is_empty());
                assert_eq!(a, b, "{f} is not deterministic");
            } else {
                assert!(matches!(ra, Err(ExportError::NotAStream { .. })));
            }
        }
    }
}
