//! The ready-made questions: the `.rq` files under `queries/`, compiled into the binary
//! (see [`crate::bundled`]) so they work from any directory.
//!
//! Each file opens with a comment header that `dealgraph questions` prints and this
//! module reads:
//!
//! ```text
//! # Description: Acquisitions whose current status is pursuing or abandoned.
//! # Parameter: company (required) a company: name, alias or Wikidata id, any case
//! # Columns: buyer, target, status, document, evidence, date, sources
//! ```

use super::{Params, Result, StoreError};

/// A parameter a question declares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamSpec {
    pub name: String,
    pub required: bool,
    pub description: String,
}

/// A ready-made question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// File name without `.rq`, e.g. `who-tried-to-buy-whom`.
    pub name: String,
    pub description: String,
    pub parameters: Vec<ParamSpec>,
    pub columns: Vec<String>,
    /// The SPARQL text, header included.
    pub text: String,
}

impl Question {
    /// Reads the header of a `.rq` text.
    pub fn parse(name: &str, text: &str) -> Question {
        let mut question =
            Question { name: name.to_string(), description: String::new(), parameters: Vec::new(), columns: Vec::new(), text: text.to_string() };
        for line in text.lines().take_while(|l| l.starts_with('#')) {
            let line = line.trim_start_matches('#').trim();
            if let Some(rest) = line.strip_prefix("Description:") {
                question.description = rest.trim().to_string();
            } else if let Some(rest) = line.strip_prefix("Parameter:") {
                let rest = rest.trim();
                let (name, rest) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
                let rest = rest.trim();
                let (required, description) = if let Some(d) = rest.strip_prefix("(required)") {
                    (true, d)
                } else if let Some(d) = rest.strip_prefix("(optional)") {
                    (false, d)
                } else {
                    (true, rest)
                };
                question.parameters.push(ParamSpec { name: name.to_string(), required, description: description.trim().to_string() });
            } else if let Some(rest) = line.strip_prefix("Columns:") {
                question.columns = rest.split(',').map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect();
            }
        }
        question
    }

    /// Checks the given parameters against the declared ones.
    pub fn check_params(&self, params: &Params, origin: &str) -> Result<()> {
        for spec in self.parameters.iter().filter(|p| p.required) {
            if params.get(&spec.name).is_none() {
                return Err(StoreError::MissingParameter {
                    origin: origin.to_string(),
                    name: spec.name.clone(),
                    description: spec.description.clone(),
                });
            }
        }
        for name in params.names() {
            if !self.parameters.iter().any(|p| p.name == name) {
                let known: Vec<&str> = self.parameters.iter().map(|p| p.name.as_str()).collect();
                return Err(StoreError::UnknownParameter {
                    origin: origin.to_string(),
                    name: name.to_string(),
                    known: if known.is_empty() { "none".into() } else { known.join(", ") },
                });
            }
        }
        Ok(())
    }
}

/// All bundled questions, by name.
pub fn all() -> Vec<Question> {
    crate::bundled::files_under("queries/")
        .into_iter()
        .filter(|(path, _)| path.ends_with(".rq"))
        .map(|(path, text)| {
            let name = path.trim_start_matches("queries/").trim_end_matches(".rq");
            Question::parse(name, text)
        })
        .collect()
}

/// The names of the bundled questions.
pub fn names() -> Vec<String> {
    all().into_iter().map(|q| q.name).collect()
}

/// A bundled question by name (with or without `.rq`); an unknown name lists them all.
pub fn get(name: &str) -> Result<Question> {
    let wanted = name.trim_end_matches(".rq");
    all().into_iter().find(|q| q.name == wanted).ok_or_else(|| StoreError::UnknownQuestion {
        name: name.to_string(),
        available: names().join(", "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_parse() {
        let q = Question::parse(
            "x",
            "# Description: Things.\n# Parameter: company (required) a company\n# Parameter: other (optional) another\n# Columns: a, b\nSELECT * {}",
        );
        assert_eq!(q.description, "Things.");
        assert_eq!(q.parameters.len(), 2);
        assert!(q.parameters[0].required && !q.parameters[1].required);
        assert_eq!(q.columns, ["a", "b"]);
    }

    #[test]
    fn every_bundled_question_has_a_header() {
        for q in all() {
            assert!(!q.description.is_empty(), "{} has no Description", q.name);
            assert!(!q.columns.is_empty(), "{} has no Columns", q.name);
        }
    }
}
