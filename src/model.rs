//! The small shared vocabulary of the pipeline: spans, entity kinds, relation types and
//! statuses, amounts, and the [`Analysis`] of one document that relation extraction reads.
//!
//! Spans here are byte offsets into the *normalised* text of a document; only the output
//! stage (`output.rs`) maps them back to Unicode scalar offsets in the text as read.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A half-open byte range `[start, end)` in the normalised text of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// What an entity is. The scorer only knows these two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityKind {
    Organization,
    Person,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Organization => "Organization",
            EntityKind::Person => "Person",
        }
    }
}

impl FromStr for EntityKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "Organization" => Ok(EntityKind::Organization),
            "Person" => Ok(EntityKind::Person),
            other => Err(format!("unknown entity type {other:?} (expected Organization or Person)")),
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Relation types, exactly as in the gold format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationType {
    Acquisition,
    Merger,
    Partnership,
    Lawsuit,
    Investment,
    CeoOf,
    FounderOf,
    ExecutiveOf,
}

impl RelationType {
    pub const ALL: [RelationType; 8] = [
        RelationType::Acquisition,
        RelationType::Merger,
        RelationType::Partnership,
        RelationType::Lawsuit,
        RelationType::Investment,
        RelationType::CeoOf,
        RelationType::FounderOf,
        RelationType::ExecutiveOf,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            RelationType::Acquisition => "acquisition",
            RelationType::Merger => "merger",
            RelationType::Partnership => "partnership",
            RelationType::Lawsuit => "lawsuit",
            RelationType::Investment => "investment",
            RelationType::CeoOf => "ceo_of",
            RelationType::FounderOf => "founder_of",
            RelationType::ExecutiveOf => "executive_of",
        }
    }
    /// Partnership and merger have no direction.
    pub fn is_symmetric(self) -> bool {
        matches!(self, RelationType::Merger | RelationType::Partnership)
    }
    /// Roles link a person to an organisation; the others are deals.
    pub fn is_role(self) -> bool {
        matches!(self, RelationType::CeoOf | RelationType::FounderOf | RelationType::ExecutiveOf)
    }
    /// The names of the two sides, for the store and exports.
    pub fn role_names(self) -> (&'static str, &'static str) {
        match self {
            RelationType::Acquisition => ("buyer", "target"),
            RelationType::Merger | RelationType::Partnership => ("party", "party"),
            RelationType::Lawsuit => ("plaintiff", "defendant"),
            RelationType::Investment => ("investor", "investee"),
            RelationType::CeoOf | RelationType::FounderOf | RelationType::ExecutiveOf => ("person", "organization"),
        }
    }
}

impl FromStr for RelationType {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        RelationType::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| format!("unknown relation type {s:?} (expected one of acquisition, merger, partnership, lawsuit, investment, ceo_of, founder_of, executive_of)"))
    }
}

impl fmt::Display for RelationType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Modality of a deal as the text states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Completed,
    Agreed,
    Pursuing,
    Abandoned,
    Threatened,
    Filed,
    Resolved,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Completed,
        Status::Agreed,
        Status::Pursuing,
        Status::Abandoned,
        Status::Threatened,
        Status::Filed,
        Status::Resolved,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Completed => "completed",
            Status::Agreed => "agreed",
            Status::Pursuing => "pursuing",
            Status::Abandoned => "abandoned",
            Status::Threatened => "threatened",
            Status::Filed => "filed",
            Status::Resolved => "resolved",
        }
    }
    /// "Who tried to buy whom" = acquisitions in one of these.
    pub fn is_tried(self) -> bool {
        matches!(self, Status::Pursuing | Status::Abandoned)
    }
    /// Statuses that make sense for a relation type (empty: the type has none).
    pub fn valid_for(kind: RelationType) -> &'static [Status] {
        match kind {
            RelationType::Acquisition | RelationType::Merger => {
                &[Status::Completed, Status::Agreed, Status::Pursuing, Status::Abandoned]
            }
            RelationType::Lawsuit => &[Status::Threatened, Status::Filed, Status::Resolved],
            RelationType::Investment => &[Status::Completed, Status::Pursuing],
            _ => &[],
        }
    }
}

impl FromStr for Status {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Status::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| format!("unknown status {s:?}"))
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A sum of money as written, with its parsed value where the parser understood it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    /// The amount as written in the text, e.g. `1,1 miljard dollar`.
    pub text: String,
    /// The value in units of the currency, e.g. `1.1e9`.
    pub value: Option<f64>,
    /// ISO 4217 code where known (`USD`, `EUR`, `GBP`, …).
    pub currency: Option<String>,
}

/// One sentence of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Paragraphs are separated by blank lines (or by a headline's line break); pronoun
    /// resolution does not cross them.
    pub paragraph: u32,
}

/// Where an entity came from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntitySource {
    /// A curated gazetteer (bundled or given with `--gazetteer`).
    Gazetteer,
    /// Found in the text by discovery rules (legal forms, cues, role appositions).
    Discovered,
}

/// One entity of a document after resolution.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityInfo {
    /// Stable id: the gazetteer id, or a slug of the normalised name for discovered ones.
    pub id: String,
    pub kind: EntityKind,
    pub label: String,
    pub wikidata: Option<String>,
    pub source: EntitySource,
    /// How sure we are that this is a real entity of that kind, in [0, 1].
    pub confidence: f32,
}

/// One occurrence of an entity in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mention {
    /// The name only (a genitive `'s` or a compound tail `-Chef` is not inside).
    pub span: Span,
    /// Index into [`Analysis::entities`].
    pub entity: usize,
}

/// Everything known about one document before relation extraction.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The document id.
    pub doc: String,
    /// Normalised text (NBSP → space, curly → straight apostrophes, soft hyphens gone,
    /// NFC). All spans point into it.
    pub text: String,
    /// Language code (`nl`, `de`, `en`, …).
    pub lang: String,
    /// Document date if known (ISO 8601: `2016`, `2016-10`, `2016-10-04`).
    pub date: Option<String>,
    pub sentences: Vec<Sentence>,
    /// Sorted by span start; never overlapping.
    pub mentions: Vec<Mention>,
    pub entities: Vec<EntityInfo>,
}

/// One extracted relation, before output.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    pub kind: RelationType,
    /// Index into [`Analysis::entities`].
    pub subject: usize,
    /// Index into [`Analysis::entities`].
    pub object: usize,
    pub status: Option<Status>,
    pub amount: Option<Amount>,
    /// Date of the event when the sentence or document gives one.
    pub date: Option<String>,
    /// In [0, 1]; see README for what the bands mean on the dev sets.
    pub confidence: f32,
    /// Id of the rule that produced it (for `--explain` and calibration).
    pub rule: String,
    /// The cue phrase as written in the text.
    pub cue: String,
    /// Span of the cue.
    pub cue_span: Span,
    /// The evidence: usually the sentence.
    pub evidence: Span,
    /// For sales seen from the seller's side: the seller (`X verkoopt Y aan Z`).
    pub seller: Option<usize>,
}
