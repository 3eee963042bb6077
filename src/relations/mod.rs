//! Relation extraction: cue lexicons (data, per language) + argument assignment rules
//! turn an [`Analysis`] (sentences, resolved entity mentions) into typed, directed
//! [`Relation`]s with status, amount, date, confidence, rule id and evidence.

use crate::error::Result;
use crate::model::{Analysis, Relation};

/// The relation extractor: cue lexicons for every known language, compiled.
#[derive(Debug, Clone)]
pub struct RelationExtractor {}

impl RelationExtractor {
    /// The cue lexicons bundled in `gazetteers/cues/`.
    pub fn bundled() -> Result<RelationExtractor> {
        Ok(RelationExtractor {})
    }

    /// All relations stated in the document.
    pub fn extract(&self, analysis: &Analysis) -> Vec<Relation> {
        let _ = analysis;
        Vec::new()
    }

    /// How a relation was found (for `extract --explain`): cue, rule, arguments.
    pub fn explain(&self, analysis: &Analysis, relation: &Relation) -> String {
        let name = |i: usize| analysis.entities.get(i).map(|e| e.label.as_str()).unwrap_or("?");
        format!(
            "rule {} on cue {:?}: subject {:?}, object {:?}",
            relation.rule,
            relation.cue,
            name(relation.subject),
            name(relation.object)
        )
    }
}
