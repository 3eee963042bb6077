//! The extraction pipeline for one document: normalise → language → sentences →
//! entities (gazetteer + discovery + resolution) → relations.
//!
//! [`Extractor`] holds everything compiled once per run (the name automaton, the cue
//! lexicons, the language data); [`Extractor::analyze`] and [`Extractor::extract`] are
//! pure functions of the document, so documents can be processed in parallel and in
//! any order with the same result.

use crate::document::Document;
use crate::error::Result;
use crate::gazetteer::{Gazetteer, NameMatcher};
use crate::model::{Analysis, Relation};
use crate::relations::lexicon::CueMatch;
use crate::relations::RelationExtractor;
use crate::resolve::EntityFinder;
use crate::text::lang::Languages;
use crate::text::{fold_for_matching, normalize, segment, Normalized};

/// How to build an [`Extractor`].
#[derive(Debug, Clone, Default)]
pub struct ExtractorOptions {
    /// Leave out the bundled name lists (`--no-default-gazetteers`).
    pub no_default_gazetteers: bool,
    /// Extra gazetteer files (`--gazetteer FILE`), later ones override earlier ids.
    pub gazetteers: Vec<std::path::PathBuf>,
    /// Force a language instead of detecting it per document.
    pub lang: Option<String>,
    /// Discover names that no gazetteer knows (on by default).
    pub no_discovery: bool,
}

/// Everything compiled once per run.
pub struct Extractor {
    /// Changes whenever the output could change: crate version, bundled data, extra
    /// gazetteers, options. The store re-extracts documents ingested under another one.
    pub fingerprint: String,
    pub languages: Languages,
    pub entities: EntityFinder,
    pub relations: RelationExtractor,
    lang: Option<String>,
}

/// The result for one document.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub analysis: Analysis,
    pub normalized: Normalized,
    pub relations: Vec<Relation>,
}

impl Extractor {
    pub fn new(options: &ExtractorOptions) -> Result<Extractor> {
        let mut gazetteer = if options.no_default_gazetteers { Gazetteer::new() } else { Gazetteer::bundled()? };
        let mut fingerprint_input: Vec<u8> = Vec::new();
        fingerprint_input.extend_from_slice(env!("CARGO_PKG_VERSION").as_bytes());
        for (path, content) in crate::bundled::FILES {
            fingerprint_input.extend_from_slice(path.as_bytes());
            fingerprint_input.extend_from_slice(content.as_bytes());
        }
        fingerprint_input.extend_from_slice(format!("{options:?}").as_bytes());
        for path in &options.gazetteers {
            gazetteer.add_file(path)?;
            if let Ok(bytes) = std::fs::read(path) {
                fingerprint_input.extend_from_slice(&bytes);
            }
        }
        let fingerprint = format!("{:016x}", crate::slug::stable_hash(&fingerprint_input));
        let names = NameMatcher::new(gazetteer)?;
        Ok(Extractor {
            fingerprint,
            languages: Languages::bundled(),
            entities: EntityFinder::new(names, !options.no_discovery),
            relations: RelationExtractor::bundled()?,
            lang: options.lang.clone(),
        })
    }

    /// Normalisation, language, sentences and entities of a document.
    pub fn analyze(&self, doc: &Document) -> (Analysis, Normalized) {
        let (analysis, normalized, _, _) = self.analyze_with_cues(doc);
        (analysis, normalized)
    }

    /// [`Extractor::analyze`], also returning the folded text and its cue matches, which
    /// relation extraction needs again.
    fn analyze_with_cues(&self, doc: &Document) -> (Analysis, Normalized, String, Vec<CueMatch>) {
        let normalized = normalize(&doc.text);
        let text = normalized.text.clone();
        let lang = self
            .lang
            .clone()
            .or_else(|| doc.lang.clone().filter(|l| self.languages.get(l).is_some()))
            .unwrap_or_else(|| self.languages.detect(&text));
        let sentences = segment(&text, &self.languages, &lang);
        let folded = fold_for_matching(&text);
        // Relation cues are evidence for names next to them (`X neemt Y over`, `topman van Y`).
        let cue_matches = self.relations.cue_matches(&folded, &lang);
        let cues = self.relations.cue_spans_in(&folded, &lang, &cue_matches);
        let resolved = self.entities.find_with_cues(&text, &folded, &sentences, &lang, &cues);
        let analysis = Analysis {
            doc: doc.id.clone(),
            text,
            lang,
            date: doc.date.clone(),
            sentences,
            mentions: resolved.mentions,
            entities: resolved.entities,
        };
        (analysis, normalized, folded, cue_matches)
    }

    /// The whole pipeline for one document.
    pub fn extract(&self, doc: &Document) -> Extraction {
        let (analysis, normalized, folded, cue_matches) = self.analyze_with_cues(doc);
        let relations = self.relations.extract_with(&analysis, &folded, cue_matches);
        Extraction { analysis, normalized, relations }
    }
}
