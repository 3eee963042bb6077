//! Entity resolution: gazetteer matches and discovered names → the entities of one
//! document and their mentions.
//!
//! - A name shared by several entries goes to the one the document names unambiguously
//!   elsewhere, else to the first in gazetteer order.
//! - A name that is also an ordinary word (`ambiguous` in the gazetteer, one word)
//!   counts only with evidence: a legal form after it, a company cue before or after it,
//!   another unambiguous mention of the same entity, or a capital in mid-sentence in a
//!   language that does not capitalise nouns.
//! - Later in the document a surname (`Busch` after `Roland Busch`) or the first word of
//!   an organisation (`Deutsche` after `Deutsche Telekom AG`) resolves to the entity
//!   named in full before, but only where exactly one entity fits.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::discover::{Discoverer, Discovered};
use crate::gazetteer::names::{CaseFit, NameMatch, NameMatcher};
use crate::model::{EntityInfo, EntityKind, EntitySource, Mention, Sentence, Span};
use crate::text::lang::Languages;
use crate::text::words::{is_boundary_after, is_boundary_before, starts_upper};

/// Cue words that mark a neighbouring name as a company.
#[derive(Debug, Clone, Default)]
pub struct CompanyCues {
    pub before: Vec<String>,
    pub after: Vec<String>,
}

impl CompanyCues {
    pub fn bundled() -> CompanyCues {
        let mut cues = CompanyCues::default();
        for line in crate::bundled::file("gazetteers/names/company-cues.txt").unwrap_or("").lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match line.split_once('\t') {
                Some(("before", cue)) => cues.before.push(cue.trim().to_lowercase()),
                Some(("after", cue)) => cues.after.push(cue.trim().to_lowercase()),
                _ => {}
            }
        }
        cues
    }

    /// Is there a company cue right before `span` or right after it (also glued with a
    /// hyphen: `VW-Konzern`)?
    pub fn near(&self, folded: &str, span: Span) -> bool {
        let before = folded[..span.start].trim_end_matches([' ', '-', ',']);
        let after = folded[span.end..].trim_start_matches(['\'', 's']).trim_start_matches([' ', '-']);
        let before_hit = self.before.iter().any(|c| before.ends_with(c.as_str()) && is_boundary_before(before, before.len() - c.len()));
        let after_hit = self.after.iter().any(|c| after.starts_with(c.as_str()) && is_boundary_after(after, c.len()));
        before_hit || after_hit
    }
}

/// Finds the entities of a document.
pub struct EntityFinder {
    pub names: NameMatcher,
    pub cues: CompanyCues,
    pub discoverer: Discoverer,
    /// Languages whose nouns start with a capital (German): a capital is no evidence there.
    capitalising: HashSet<String>,
}

/// Entities and mentions of one document.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub entities: Vec<EntityInfo>,
    pub mentions: Vec<Mention>,
}

impl EntityFinder {
    pub fn new(names: NameMatcher, discover: bool) -> EntityFinder {
        let langs = Languages::bundled();
        let capitalising = langs.by_code.values().filter(|l| l.capitalises_nouns).map(|l| l.code.clone()).collect();
        EntityFinder { names, cues: CompanyCues::bundled(), discoverer: Discoverer::bundled(discover), capitalising }
    }

    /// All entities of the document (normalised `text`, `folded` for matching).
    pub fn find(&self, text: &str, folded: &str, sentences: &[Sentence], lang: &str) -> Resolved {
        let matches = self.names.find(text, folded);
        let sentence_starts: HashSet<usize> = sentences.iter().map(|s| s.span.start).collect();
        // Entries named unambiguously somewhere in the document.
        let mut sure: HashSet<u32> = HashSet::new();
        for m in &matches {
            if m.entries.len() == 1 && m.fit != CaseFit::Caps {
                let e = self.names.entry(m.entries[0]);
                let one_word = !text[m.span.start..m.span.end].contains([' ', '\n']);
                if !(e.ambiguous && one_word) {
                    sure.insert(m.entries[0]);
                }
            }
        }
        let capitalising = self.capitalising.contains(lang);
        let mut chosen: Vec<(Span, u32, f32)> = Vec::new();
        for m in &matches {
            let Some(entry_idx) = self.choose(m, &sure) else { continue };
            let entry = self.names.entry(entry_idx);
            let written = &text[m.span.start..m.span.end];
            let one_word = !written.contains([' ', '\n']);
            let mut confidence = 0.95;
            // Ambiguous in this document's language: an ordinary word of it (when a word
            // list exists), else what the gazetteer says. Acronyms in capitals are not
            // ordinary words (`SAP` is not `sap`).
            let acronym = m.fit == CaseFit::Exact && crate::text::words::is_all_caps(written);
            let ambiguous = one_word
                && !acronym
                && self.discoverer.is_common_in(lang, written).unwrap_or(entry.ambiguous);
            if ambiguous {
                let evidence = sure.contains(&entry_idx)
                    || self.cues.near(folded, m.span)
                    || self.discoverer.legal_form_after(text, m.span.end).is_some()
                    || (!capitalising
                        && m.fit != CaseFit::Caps
                        && starts_upper(written)
                        && !sentence_starts.contains(&m.span.start)
                        && !after_quote_or_colon(text, m.span.start)
                        && !in_capitalised_run(text, m.span));
                if !evidence {
                    continue;
                }
                confidence = 0.75;
            }
            if m.fit == CaseFit::Caps {
                confidence *= 0.9;
            }
            chosen.push((m.span, entry_idx, confidence));
        }

        let mut builder = DocEntities::default();
        for (span, entry_idx, confidence) in &chosen {
            let e = self.names.entry(*entry_idx);
            let idx = builder.entity(EntityInfo {
                id: e.id.clone(),
                kind: e.kind,
                label: e.label.clone(),
                wikidata: e.wikidata.clone(),
                source: EntitySource::Gazetteer,
                confidence: *confidence,
            });
            builder.mention(*span, idx);
        }
        // Names not in any gazetteer.
        for Discovered { span, kind, label, confidence } in self.discoverer.discover(text, folded, sentences, lang, &builder.taken()) {
            let id = crate::slug::slug(&label);
            let idx = builder.entity(EntityInfo { id, kind, label, wikidata: None, source: EntitySource::Discovered, confidence });
            builder.mention(span, idx);
        }
        builder.short_forms(text, sentences);
        builder.finish()
    }

    fn choose(&self, m: &NameMatch, sure: &HashSet<u32>) -> Option<u32> {
        if m.entries.len() == 1 {
            return m.entries.first().copied();
        }
        m.entries.iter().copied().find(|e| sure.contains(e)).or_else(|| m.entries.first().copied())
    }
}

/// A capitalised word next to other capitalised words is part of a longer name or title
/// (`Tiger Global Management`, `Vice President`), not a name of its own.
fn in_capitalised_run(text: &str, span: Span) -> bool {
    let before = text[..span.start].trim_end_matches(' ');
    let prev_word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let prev_adjacent = before.len() + 1 >= span.start && !prev_word.is_empty() && before.ends_with(prev_word);
    let after = text[span.end..].trim_start_matches(' ');
    let next_word = after.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let next_adjacent = text.len() - after.len() <= span.end + 1 && !next_word.is_empty();
    (prev_adjacent && starts_upper(prev_word)) || (next_adjacent && starts_upper(next_word))
}

/// After an opening quote or a colon a capital says nothing.
fn after_quote_or_colon(text: &str, pos: usize) -> bool {
    text[..pos].trim_end().ends_with(['"', ':', '\'', '(', '-', '\u{2013}'])
}

/// Entities and mentions of a document being assembled.
#[derive(Default)]
struct DocEntities {
    entities: Vec<EntityInfo>,
    by_id: HashMap<String, usize>,
    mentions: Vec<Mention>,
}

impl DocEntities {
    fn entity(&mut self, info: EntityInfo) -> usize {
        if let Some(&i) = self.by_id.get(&info.id) {
            if self.entities[i].kind == info.kind {
                let e = &mut self.entities[i];
                e.confidence = e.confidence.max(info.confidence);
                return i;
            }
            // Same slug, other kind: keep them apart.
            let id = format!("{}-{}", info.id, info.kind.as_str().to_lowercase());
            return self.entity(EntityInfo { id, ..info });
        }
        self.by_id.insert(info.id.clone(), self.entities.len());
        self.entities.push(info);
        self.entities.len() - 1
    }

    fn mention(&mut self, span: Span, entity: usize) {
        if self.mentions.iter().any(|m| m.span.overlaps(span)) {
            return;
        }
        self.mentions.push(Mention { span, entity });
    }

    fn taken(&self) -> Vec<Span> {
        let mut spans: Vec<Span> = self.mentions.iter().map(|m| m.span).collect();
        spans.sort();
        spans
    }

    /// Surnames of people and first words of organisations, where exactly one entity of
    /// the document fits, after that entity's first mention.
    fn short_forms(&mut self, text: &str, sentences: &[Sentence]) {
        let _ = sentences;
        let mut first_mention: HashMap<usize, usize> = HashMap::new();
        for m in &self.mentions {
            let e = first_mention.entry(m.entity).or_insert(m.span.start);
            *e = (*e).min(m.span.start);
        }
        let legal = crate::gazetteer::names::legal_forms();
        let mut forms: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, e) in self.entities.iter().enumerate() {
            let label = match e.kind {
                EntityKind::Organization => crate::gazetteer::names::strip_legal_form(&e.label, &legal).unwrap_or_else(|| e.label.clone()),
                EntityKind::Person => e.label.clone(),
            };
            let words: Vec<&str> = label.split_whitespace().collect();
            if words.len() < 2 {
                continue;
            }
            let short = match e.kind {
                EntityKind::Person => words[words.len() - 1],
                EntityKind::Organization => words[0],
            };
            if short.chars().count() >= 3 && starts_upper(short) && short.chars().all(|c| c.is_alphabetic() || c == '-') {
                forms.entry(short.to_string()).or_default().push(i);
            }
        }
        for (form, owners) in forms {
            let mut owners = owners;
            owners.sort();
            owners.dedup();
            if owners.len() != 1 {
                continue; // A surname that fits two people stays unresolved.
            }
            let entity = owners[0];
            // An organisation's first word must not be the first word of another name.
            let from = first_mention.get(&entity).copied().unwrap_or(0);
            let mut pos = from;
            while let Some(rel) = text[pos..].find(form.as_str()) {
                let start = pos + rel;
                let end = start + form.len();
                pos = end;
                if !is_boundary_before(text, start) {
                    continue;
                }
                let genitive = text[end..].starts_with('s') && is_boundary_after(text, end + 1);
                if !is_boundary_after(text, end) && !genitive {
                    continue;
                }
                let span = Span::new(start, end);
                if self.mentions.iter().any(|m| m.span.overlaps(span)) {
                    continue;
                }
                self.mentions.push(Mention { span, entity });
            }
        }
    }

    fn finish(mut self) -> Resolved {
        self.mentions.sort();
        // Entities in order of first mention, with mentions re-indexed.
        let mut order: Vec<usize> = Vec::new();
        let mut seen = HashSet::new();
        for m in &self.mentions {
            if seen.insert(m.entity) {
                order.push(m.entity);
            }
        }
        let mut new_index = vec![usize::MAX; self.entities.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let entities = order.iter().map(|&i| self.entities[i].clone()).collect();
        let mentions = self.mentions.iter().map(|m| Mention { span: m.span, entity: new_index[m.entity] }).collect();
        Resolved { entities, mentions }
    }
}
