//! Entity resolution: gazetteer matches and discovered names → the entities of one
//! document and their mentions.
//!
//! In order:
//! 1. Gazetteer matches that cannot be names here are dropped: a genitive `s` that makes
//!    a plural or an English word (`Enterprises`, `Jeeps`), an abbreviation (`Mio.`), a
//!    one-word organisation name that is a surname after a first name (`Eric Schmidt`)
//!    or a first name before a surname (`Paul Radu`).
//! 2. A one-word name that is also an ordinary word (`ambiguous` in the gazetteer, a
//!    common word or function word of the document's language, a place, or a name made
//!    by stripping a legal form) counts only with evidence: a legal form
//!    after it, a company cue before or after it, a relation cue next to it, another
//!    unambiguous mention of the same entity, or a capital in mid-sentence that is not
//!    explained otherwise (sentence start, a longer capitalised name, a headline, a
//!    German noun).
//! 3. A name shared by several entries goes to the one the document names
//!    unambiguously elsewhere, else to the first in gazetteer order.
//! 4. Discovery adds names that no gazetteer knows ([`crate::discover`]); a discovered
//!    name with a legal form replaces the shorter gazetteer names inside it.
//! 5. Later in the document a surname (`Busch` after `Roland Busch`, `Van Doorn` after
//!    `Han van Doorn`), a name without its legal form (`Acme` after `Acme Holding N.V.`)
//!    or the first word of an organisation (`Deutsche` after `Deutsche Telekom AG`)
//!    resolves to the entity named in full before, but only where exactly one entity
//!    fits: a surname that fits two people stays unresolved.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::discover::{sentence_case, Discovered, Discoverer, DiscoveryContext, SentenceCase};
use crate::gazetteer::matcher::collapse_spaces;
use crate::gazetteer::names::{strip_legal_form, CaseFit, NameMatch, NameMatcher};
use crate::gazetteer::words::NameWords;
use crate::model::{EntityInfo, EntityKind, EntitySource, Mention, RelationType, Sentence, Span};
use crate::text::words::{is_all_caps, is_boundary_after, is_boundary_before, is_word_char, starts_upper};

/// Finds the entities of a document.
pub struct EntityFinder {
    pub names: NameMatcher,
    pub discoverer: Discoverer,
    words: &'static NameWords,
}

/// Entities and mentions of one document.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub entities: Vec<EntityInfo>,
    pub mentions: Vec<Mention>,
}

/// Where a match stands in its document.
struct Doc<'a> {
    text: &'a str,
    folded: &'a str,
    sentences: &'a [Sentence],
    cases: Vec<SentenceCase>,
    lang: &'a str,
    cue_spans: &'a [(Span, RelationType)],
    /// Starts and ends of all gazetteer matches (sorted): in a verb-second language a
    /// known name next to another (`nam X Y over`) is no part of a longer unknown one.
    known_starts: Vec<usize>,
    known_ends: Vec<usize>,
}

impl Doc<'_> {
    fn sentence_index(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.start <= pos);
        (i > 0 && self.sentences[i - 1].span.end >= pos).then(|| i - 1)
    }

    fn case_at(&self, pos: usize) -> SentenceCase {
        self.sentence_index(pos).map_or(SentenceCase::Normal, |i| self.cases[i])
    }

    /// The first word of a sentence or line, or after an opening quote, a colon, a
    /// dash or a bullet: a capital there says nothing.
    fn initial(&self, pos: usize) -> bool {
        let start = self.sentence_index(pos).map_or(0, |i| self.sentences[i].span.start);
        let before = &self.text[start..pos];
        let line_start = before.rfind('\n').map_or(0, |p| p + 1);
        before[line_start..].chars().all(|c| !c.is_alphanumeric())
            || self.text[..pos].trim_end().ends_with(['"', ':', '\'', '(', '-', '\u{2013}', '\u{2022}'])
    }

    /// The word right before `pos` (one space or line break between), if any.
    fn word_before(&self, pos: usize) -> Option<(usize, &str)> {
        let before = &self.text[..pos];
        let trimmed = before.strip_suffix(' ').or_else(|| before.strip_suffix('\n'))?;
        let start = trimmed.char_indices().rev().find(|&(_, c)| !is_word_char(c)).map_or(0, |(i, c)| i + c.len_utf8());
        let word = &trimmed[start..];
        (!word.is_empty()).then_some((start, word))
    }

    /// The word right after `end` (one space or line break between), if any.
    fn word_after(&self, end: usize) -> Option<(usize, &str)> {
        let rest = &self.text[end..];
        let rest = rest.strip_prefix(' ').or_else(|| rest.strip_prefix('\n'))?;
        let start = end + 1;
        let len = rest.char_indices().find(|&(_, c)| !is_word_char(c)).map_or(rest.len(), |(i, _)| i);
        (len > 0).then(|| (start, &rest[..len]))
    }

    /// Does a relation cue end right before `span` or start right after it?
    fn next_to_relation_cue(&self, span: Span) -> bool {
        self.cue_spans.iter().any(|(cue, _)| {
            let gap_ok = |a: usize, b: usize| a <= b && self.text[a..b].chars().all(char::is_whitespace);
            gap_ok(cue.end, span.start) || gap_ok(span.end, cue.start)
        })
    }
}

/// What a capital letter says about an ambiguous name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capital {
    /// A name: capitalised in mid-sentence, nothing else explains it.
    Yes,
    /// Capitalised where every word is (sentence start, headline): a name only if the
    /// document uses it as one elsewhere.
    Position,
    No,
}

/// A gazetteer match that survived the filters, with what resolution needs.
struct Candidate {
    span: Span,
    entries: Vec<u32>,
    fit: CaseFit,
    ambiguous: bool,
}

impl EntityFinder {
    pub fn new(names: NameMatcher, discover: bool) -> EntityFinder {
        EntityFinder { names, discoverer: Discoverer::bundled(discover), words: NameWords::bundled() }
    }

    /// All entities of the document (normalised `text`, `folded` for matching).
    pub fn find(&self, text: &str, folded: &str, sentences: &[Sentence], lang: &str) -> Resolved {
        self.find_with_cues(text, folded, sentences, lang, &[])
    }

    /// [`EntityFinder::find`] with the spans of relation cues in the text (from the
    /// relation extractor): a name next to one is evidence for an ambiguous name, and an
    /// unknown capitalised name there is discovered as an organisation.
    pub fn find_with_cues(
        &self,
        text: &str,
        folded: &str,
        sentences: &[Sentence],
        lang: &str,
        cue_spans: &[(Span, RelationType)],
    ) -> Resolved {
        let cases = sentences.iter().map(|s| sentence_case(text, s.span, self.words)).collect();
        let matches = self.names.find(text, folded);
        let mut known_starts: Vec<usize> = matches.iter().map(|m| m.span.start).collect();
        let mut known_ends: Vec<usize> = matches.iter().map(|m| m.span.end).collect();
        known_starts.sort_unstable();
        known_ends.sort_unstable();
        let doc = Doc { text, folded, sentences, cases, lang, cue_spans, known_starts, known_ends };
        let candidates: Vec<Candidate> = matches.into_iter().filter_map(|m| self.candidate(&doc, m)).collect();

        // Entries named unambiguously somewhere in the document.
        let mut sure: HashSet<u32> = HashSet::new();
        for c in &candidates {
            if c.entries.len() == 1 && !c.ambiguous && c.fit != CaseFit::Caps {
                sure.insert(c.entries[0]);
            }
        }
        let sure_spans: Vec<Span> = candidates.iter().filter(|c| !c.ambiguous && c.fit != CaseFit::Caps).map(|c| c.span).collect();
        let mut chosen: Vec<(Span, u32, f32, bool, bool)> = Vec::new();
        // Ambiguous names capitalised only where every word is, by entry.
        let mut deferred: Vec<(&Candidate, u32)> = Vec::new();
        for c in &candidates {
            let entry_idx = c.entries.iter().copied().find(|e| sure.contains(e)).unwrap_or(c.entries[0]);
            let mut confidence = 0.95;
            let mut weak = false;
            if c.ambiguous {
                let strong = sure.contains(&entry_idx) || self.strong_evidence(&doc, c.span) || coordinated(&doc, c.span, &sure_spans);
                if !strong {
                    match self.capital_evidence(&doc, c) {
                        Capital::Yes => {}
                        Capital::Position => {
                            deferred.push((c, entry_idx));
                            continue;
                        }
                        Capital::No => continue,
                    }
                }
                confidence = if strong { 0.85 } else { 0.75 };
                weak = !strong;
            }
            if c.fit == CaseFit::Caps {
                confidence *= 0.9;
            }
            let mut span = c.span;
            // `The Guardian`: a capitalised article in mid-sentence belongs to the name.
            if self.names.entry(entry_idx).kind == EntityKind::Organization && text[..span.start].ends_with("The ") {
                let the = span.start - 4;
                if is_boundary_before(text, the) && !doc.initial(the) {
                    span.start = the;
                }
            }
            let one_word = !text[c.span.start..c.span.end].contains([' ', '\n']);
            // A one-word company name followed by a place (`Sky Deutschland`,
            // `Attac-Österreich`) may be a national unit: discovery may cover it.
            let before_place = one_word
                && self.names.entry(entry_idx).kind == EntityKind::Organization
                && text[span.end..].strip_prefix([' ', '-']).is_some_and(|a| {
                    let next = a.split(|ch: char| !ch.is_alphabetic()).next().unwrap_or("");
                    self.discoverer.words().is_place(next)
                });
            // A one-word company name right after a first name (`Carl-Ludwig Thiele`,
            // `Nick Ferguson`) may be a person's surname: discovery may cover it.
            let after_first_name = one_word
                && self.names.entry(entry_idx).kind == EntityKind::Organization
                && text[..span.start].strip_suffix(' ').is_some_and(|b| {
                    let prev = b.rsplit([' ', '\n', '-']).next().unwrap_or("");
                    let w = self.discoverer.words();
                    // (Not a unit after a number: `30 Grad Celsius`.)
                    let after_number = b[..b.len() - prev.len()].trim_end().ends_with(|ch: char| ch.is_ascii_digit());
                    w.is_first_name(prev) && !w.is_function_word(prev) && !w.is_place(prev) && !after_number
                });
            chosen.push((span, entry_idx, confidence, weak || one_word, weak || before_place || after_first_name));
        }

        // One sense per document: `Acme's plan` at a sentence start is the Acme the
        // document names in mid-sentence.
        let accepted: HashSet<u32> = chosen.iter().map(|c| c.1).collect();
        for (c, entry_idx) in deferred {
            if accepted.contains(&entry_idx) {
                let confidence = if c.fit == CaseFit::Caps { 0.65 } else { 0.7 };
                chosen.push((c.span, entry_idx, confidence, true, true));
            }
        }
        chosen.sort_by_key(|c| c.0);
        let taken: Vec<Span> = chosen.iter().map(|c| c.0).collect();
        let soft: Vec<Span> = chosen.iter().filter(|c| c.4).map(|c| c.0).collect();
        let taken_orgs: Vec<Span> =
            chosen.iter().filter(|c| self.names.entry(c.1).kind == EntityKind::Organization).map(|c| c.0).collect();
        let discovered =
            self.discoverer.discover_with(text, folded, sentences, lang, &DiscoveryContext { taken: &taken, soft: &soft, cue_spans, taken_orgs: &taken_orgs });
        chosen.retain(|(span, ..)| !discovered.iter().any(|d| d.overrides && d.span.overlaps(*span)));

        let mut builder = DocEntities::default();
        for (span, entry_idx, confidence, replaceable, _) in &chosen {
            let e = self.names.entry(*entry_idx);
            let idx = builder.entity(EntityInfo {
                id: e.id.clone(),
                kind: e.kind,
                label: e.label.clone(),
                wikidata: e.wikidata.clone(),
                source: EntitySource::Gazetteer,
                confidence: *confidence,
            });
            builder.mention(*span, idx, *replaceable);
        }
        self.add_discovered(&mut builder, text, discovered);
        builder.short_forms(&doc, self.words);
        builder.finish()
    }

    /// Applies the filters of step 1 and works out whether the match is ambiguous.
    fn candidate(&self, doc: &Doc<'_>, m: NameMatch) -> Option<Candidate> {
        let w = self.words;
        let text = doc.text;
        let written = &text[m.span.start..m.span.end];
        let one_word = !written.contains(|c: char| c.is_whitespace());
        let all_orgs = m.entries.iter().all(|&e| self.names.entry(e).kind == EntityKind::Organization);
        if m.genitive_s {
            // `Adyens` is a Dutch or German genitive; `Enterprises`, `Jeeps`, `Elias` and
            // any English `s` are other words.
            let plural = format!("{written}s");
            if doc.lang == "en" || w.is_common_anywhere(&plural) || w.is_first_name(&plural) || is_all_caps(written) {
                return None;
            }
        }
        if one_word && text[m.span.end..].starts_with('.') && w.is_abbreviation(written) {
            return None; // `Mio.`, `Co.`
        }
        // A town before a dotted state abbreviation (`in Dover, Del.`, `a Greenwich,
        // Conn., firm`) is the place, not a company of the same name.
        let state_after = text[m.span.end..].strip_prefix(',').map(str::trim_start).is_some_and(|r| {
            let word: String = r.chars().take_while(|c| c.is_alphabetic() || *c == '.').collect();
            word.ends_with('.') && word.starts_with(char::is_uppercase) && (2..=6).contains(&word.len())
        });
        let after_function_word = doc.word_before(m.span.start).is_some_and(|(_, p)| w.is_function_word(p));
        if one_word && all_orgs && state_after && (after_function_word || w.is_place(written) || w.is_place_name(written)) {
            return None;
        }
        // A wire service's ticker in angle brackets (`Acme Fund Inc <AFI>`, `<ACMG.F>`) is
        // no company of its own: it abbreviates the name before it (see `short_forms`).
        if one_word && is_all_caps(written) && text[..m.span.start].ends_with('<') {
            let rest = &text[m.span.end..];
            if rest.find('>').is_some_and(|k| k <= 3 && rest[..k].chars().all(|c| c == '.' || c.is_ascii_uppercase())) {
                return None;
            }
        }

        if one_word && all_orgs && doc.case_at(m.span.start) == SentenceCase::Normal && m.fit != CaseFit::Caps {
            // Part of a longer unknown name: `Kleiner Perkins`, `Gabor Ekecs`. (Not when
            // the neighbour is a known name itself: in verb-second clauses subject and
            // object meet, `In 2016 nam Microsoft LinkedIn over`, `damals kaufte X Y`.)
            let verb_second = w.verb_second(doc.lang);
            let known = |pos: usize, word: &str| {
                verb_second
                    && (doc.known_starts.binary_search(&pos).is_ok() || doc.known_ends.binary_search(&(pos + word.len())).is_ok())
            };
            // (At a sentence start too, when the word is no ordinary word: `Riverwood
            // Capital leidt …`.)
            let unknown_name_word = |pos: usize, word: &str| {
                starts_upper(word)
                    && !known(pos, word)
                    && (!doc.initial(pos) || !w.is_plain_word(word))
                    && !w.is_function_word(word)
                    && !w.is_cue_word(&crate::text::fold_case(word))
                    && w.head_kind(word).is_none()
                    && w.legal_form_at(word, 0).is_none()
                    && !w.is_place(word)
                    && !w.is_common_in(doc.lang, word)
                    && !w.is_compound_noun(doc.lang, word)
            };
            // Nationality adjectives are capitalised in English and Dutch (`Russian`,
            // `Russische`): no part of a name.
            let adjective = |word: &str| ["ische", "sche", "se", "an", "ese", "ish"].iter().any(|s| word.ends_with(s));
            if doc.word_before(m.span.start).is_some_and(|(p, prev)| unknown_name_word(p, prev) && !w.is_plain_word(prev) && !adjective(prev))
                || doc.word_after(m.span.end).is_some_and(|(p, next)| unknown_name_word(p, next) && !w.is_plain_word(next) && !is_all_caps(next))
            {
                return None;
            }
        }
        if one_word && all_orgs && !is_all_caps(written) {
            // A surname after a first name (`Eric Schmidt`) or a first name before a
            // surname (`Paul Radu`): a person, whom discovery will find.
            if let Some((pos, prev)) = doc.word_before(m.span.start) {
                // A first name capitalised in mid-sentence (`Nick Ferguson`, `Matt
                // Williams`); in German not a noun that is also a name (`Bank`).
                let noun = w.capitalises_nouns(doc.lang) && w.is_common_in(doc.lang, prev);
                let first_name = w.is_plausible_first_name(doc.lang, prev)
                    || (w.is_first_name(prev) && !doc.initial(pos) && !w.is_function_word(prev) && !w.is_place(prev) && !noun);
                if first_name && !(doc.initial(pos) && w.is_function_word(prev)) {
                    return None;
                }
            }
            if w.is_distinct_first_name(written) {
                if let Some((_, next)) = doc.word_after(m.span.end) {
                    let surname_like = starts_upper(next)
                        && !is_all_caps(next)
                        && !w.is_function_word(next)
                        && !w.is_cue_word(&crate::text::fold_case(next))
                        && w.head_kind(next).is_none()
                        && w.legal_form_at(next, 0).is_none();
                    if surname_like {
                        return None;
                    }
                }
            }
        }
        let exact_acronym = m.fit == CaseFit::Exact && is_all_caps(written);
        let any_ambiguous_entry = m.entries.iter().any(|&e| self.names.entry(e).ambiguous);
        let ambiguous = w.is_place_name(written)
            || one_word
                && !exact_acronym
                && (m.derived
                || any_ambiguous_entry
                || w.is_common_in(doc.lang, written)
                || w.is_function_word(written)
                || w.is_place(written));
        // `seine Allianz`, `a Target`, `een Shell` (but `een Shell-pomp`): a noun, where
        // the name is also a word or nouns are capitalised anyway.
        if one_word
            && (ambiguous || w.capitalises_nouns(doc.lang))
            && !text[m.span.end..].starts_with('-')
            && doc.word_before(m.span.start).is_some_and(|(_, d)| w.is_noun_determiner(doc.lang, d))
        {
            return None;
        }
        Some(Candidate { span: m.span, entries: m.entries, fit: m.fit, ambiguous })
    }

    /// A legal form after the name, a company cue before or after it, or a relation cue
    /// next to it.
    fn strong_evidence(&self, doc: &Doc<'_>, span: Span) -> bool {
        let w = self.words;
        w.legal_form_after(doc.text, span.end).is_some()
            || w.company_cue_before(doc.folded, span.start)
            || w.company_cue_after(doc.folded, span.end, true)
            || doc.next_to_relation_cue(span)
    }

    /// Does a capital say the word is a name here? [`Capital::Position`] when it
    /// would, but stands where every word has one (sentence start, a headline).
    fn capital_evidence(&self, doc: &Doc<'_>, c: &Candidate) -> Capital {
        let w = self.words;
        let written = &doc.text[c.span.start..c.span.end];
        if !starts_upper(written) || in_capitalised_run(doc, w, c.span) {
            return Capital::No;
        }
        // Glued to a word before (`In-House`): part of a compound.
        if doc.text[..c.span.start].ends_with('-') && doc.text[..c.span.start - 1].chars().next_back().is_some_and(is_word_char) {
            return Capital::No;
        }
        // Places, first names and titles (`Head of …`) are always capitalised; so are
        // German nouns; an acronym written as a word (`Vice` for `VICE`) is a word.
        if w.is_place_name(written) || w.is_distinct_first_name(written) || w.is_role_part(written) {
            return Capital::No;
        }
        let upper = written.to_uppercase();
        if c.fit == CaseFit::Title && c.entries.iter().any(|&e| self.names.entry(e).names().any(|n| n == upper)) {
            return Capital::No;
        }
        if w.capitalises_nouns(doc.lang) && w.is_common_in(doc.lang, written) {
            return Capital::No;
        }
        if c.fit == CaseFit::Caps || doc.case_at(c.span.start) != SentenceCase::Normal || doc.initial(c.span.start) {
            return Capital::Position;
        }
        Capital::Yes
    }

    /// Adds discovered names, merging a discovered genitive (`Sanderinks`) and a bare
    /// name of an organisation named after a person (`Robert Halmi` of `Robert Halmi
    /// Inc`) into the entity they stand for.
    fn add_discovered(&self, builder: &mut DocEntities, text: &str, discovered: Vec<Discovered>) {
        let legal = crate::gazetteer::names::legal_forms();
        // Labels (and labels without a legal form) of the organisations discovered.
        let mut org_short: HashMap<String, String> = HashMap::new();
        for d in &discovered {
            if d.kind == EntityKind::Organization {
                if let Some(short) = strip_legal_form(&d.label, legal) {
                    org_short.insert(short, d.label.clone());
                }
            }
        }
        let labels: HashSet<String> = discovered.iter().map(|d| d.label.clone()).collect();
        let org_labels: Vec<String> = discovered.iter().filter(|d| d.kind == EntityKind::Organization).map(|d| d.label.clone()).collect();
        for d in discovered {
            let Discovered { mut span, mut kind, mut label, confidence, .. } = d;
            // A surname alone (`topman Witteveen`) is the person named in full in the
            // document, if exactly one fits.
            if kind == EntityKind::Person && !label.contains(' ') {
                let tail = format!(" {label}");
                let mut full: Vec<String> = labels.iter().filter(|l| l.ends_with(&tail)).cloned().collect();
                full.extend(builder.entities.iter().filter(|e| e.kind == EntityKind::Person && e.label.ends_with(&tail)).map(|e| e.label.clone()));
                full.sort();
                full.dedup();
                if let [one] = &full[..] {
                    label = one.clone();
                }
            }
            if kind == EntityKind::Person {
                // The same name found as an organisation elsewhere (`Constantia-Flexibles`).
                let dehyphen = |l: &str| l.replace('-', " ");
                if let Some(o) = org_labels.iter().find(|o| dehyphen(o) == dehyphen(&label)) {
                    kind = EntityKind::Organization;
                    label = o.clone();
                } else if let Some(org) = org_short.get(&label) {
                    kind = EntityKind::Organization;
                    label = org.clone();
                } else if let Some(base) = label.strip_suffix('s') {
                    if labels.contains(base) || builder.has_label(base, kind) {
                        label = base.to_string();
                        span.end -= 1;
                    }
                }
            } else if let Some(base) = label.strip_suffix('s').filter(|b| !b.contains(' ')) {
                // A genitive of a one-word organisation named elsewhere (`Quarkbits`).
                if labels.contains(base) || builder.has_label(base, kind) {
                    label = base.to_string();
                    span.end -= 1;
                }
            }
            let _ = text;
            // The id leaves out the legal form, so `Acme B.V.` here and `Acme` elsewhere
            // are one node in the graph.
            let id = crate::slug::slug(&strip_legal_form(&label, legal).unwrap_or_else(|| label.clone()));
            let idx = builder.entity(EntityInfo { id, kind, label, wikidata: None, source: EntitySource::Discovered, confidence });
            builder.mention(span, idx, false);
        }
    }
}

/// Is the name in a list with an unambiguous name (`SAP und Adobe`, `Apple, Visa &
/// Shell`)?
fn coordinated(doc: &Doc<'_>, span: Span, sure: &[Span]) -> bool {
    const JOINERS: [&str; 10] = [",", "&", "and", "und", "en", "or", "oder", "of", "sowie", "as well as"];
    let joined = |gap: &str| {
        let g = gap.trim();
        !gap.contains('\n') && JOINERS.contains(&g)
    };
    sure.iter().any(|s| {
        (s.end <= span.start && span.start - s.end <= 12 && joined(&doc.text[s.end..span.start]))
            || (span.end <= s.start && s.start - span.end <= 12 && joined(&doc.text[span.end..s.start]))
    })
}

/// A capitalised word next to other capitalised words is part of a longer name or
/// title (`Tiger Global Management`, `Vice President`), not a name of its own. A
/// function word at the start of a sentence (`In Shell's view`) does not count.
fn in_capitalised_run(doc: &Doc<'_>, words: &NameWords, span: Span) -> bool {
    let name_like = |pos: usize, word: &str| {
        starts_upper(word) && !(words.is_function_word(word) && doc.initial(pos)) && !words.is_function_word(word)
    };
    let before = doc.word_before(span.start).is_some_and(|(pos, w)| name_like(pos, w));
    let after = doc.word_after(span.end).is_some_and(|(pos, w)| name_like(pos, w));
    before || after
}

/// Entities and mentions of a document being assembled.
#[derive(Default)]
struct DocEntities {
    entities: Vec<EntityInfo>,
    by_id: HashMap<String, usize>,
    mentions: Vec<Mention>,
    /// Per mention: a one-word or weakly evidenced gazetteer name, which a surname of a
    /// person named in the document may take over (`Schmidt` after `Eric Schmidt`).
    replaceable: Vec<bool>,
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

    fn has_label(&self, label: &str, kind: EntityKind) -> bool {
        self.entities.iter().any(|e| e.kind == kind && e.label == label)
    }

    fn mention(&mut self, span: Span, entity: usize, replaceable: bool) {
        if self.mentions.iter().any(|m| m.span.overlaps(span)) {
            return;
        }
        self.mentions.push(Mention { span, entity });
        self.replaceable.push(replaceable);
    }

    /// Short forms of the entities: surnames of people, organisation names without
    /// their legal form, first words of organisations.
    fn short_forms(&mut self, doc: &Doc<'_>, words: &NameWords) {
        let legal = crate::gazetteer::names::legal_forms();
        let mut first_mention: HashMap<usize, usize> = HashMap::new();
        for m in &self.mentions {
            let e = first_mention.entry(m.entity).or_insert(m.span.start);
            *e = (*e).min(m.span.start);
        }
        // Short form → (entities, is a surname).
        let mut forms: BTreeMap<String, (Vec<usize>, bool)> = BTreeMap::new();
        for (i, e) in self.entities.iter().enumerate() {
            for (form, surname) in short_forms_of(e, legal, words, doc.lang) {
                let slot = forms.entry(form).or_default();
                if !slot.0.contains(&i) {
                    slot.0.push(i);
                }
                slot.1 |= surname;
            }
        }
        // An acronym in brackets after an organisation's name stands for it later
        // (`Bundeswettbewerbsbehörde (BWB)` … `die BWB`), as does a wire service's ticker
        // that abbreviates it (`British Petroleum Co Plc <BP>` … `BP said`).
        for m in &self.mentions {
            if self.entities[m.entity].kind != EntityKind::Organization {
                continue;
            }
            let acronym = crate::discover::acronym_after(doc.text, m.span.end).or_else(|| ticker_after(doc.text, m.span.end));
            if let Some(acr) = acronym {
                let form = &doc.text[acr.start..acr.end];
                if crate::discover::abbreviates(&doc.text[m.span.start..m.span.end], form) {
                    let slot = forms.entry(form.to_string()).or_default();
                    if !slot.0.contains(&m.entity) {
                        slot.0.push(m.entity);
                    }
                }
            }
        }
        // A discovered organisation's own name, said again where no cue stands
        // (`das Unternehmen Quarkbit` … `Quarkbits Umsatz`).
        let mut full: HashSet<String> = HashSet::new();
        for (i, e) in self.entities.iter().enumerate() {
            if e.source == EntitySource::Discovered && e.kind == EntityKind::Organization {
                let slot = forms.entry(e.label.clone()).or_default();
                if !slot.0.contains(&i) {
                    slot.0.push(i);
                }
                full.insert(e.label.clone());
            }
        }
        // A form that is itself the full label of another entity is not short for this one.
        let labels: HashSet<&str> = self.entities.iter().map(|e| e.label.as_str()).collect();
        let mut added: Vec<(Span, usize)> = Vec::new();
        // Longer forms first: `Harper and Row` before `Harper`.
        let mut forms: Vec<_> = forms.into_iter().collect();
        forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
        // A form that is one organisation's whole name without its legal form (`CSR` of
        // `CSR Ltd`) and only the first word of another (`CSR Petroleum`) is the first's.
        for (form, (owners, _)) in forms.iter_mut() {
            if owners.len() < 2 {
                continue;
            }
            let whole: Vec<usize> = owners
                .iter()
                .copied()
                .filter(|&o| strip_legal_form(&self.entities[o].label, legal).is_some_and(|s| s == *form))
                .collect();
            if whole.len() == 1 {
                *owners = whole;
            }
        }
        // A one-word organisation discovered by a cue (`might try to acquire Hughes`)
        // that is the short form of exactly one other organisation of the article
        // (`Hughes Tool Co`, named before) is that organisation said short, not a
        // second company.
        let mut merged: HashSet<String> = HashSet::new();
        for (form, (owners, surname)) in forms.iter_mut() {
            if owners.len() != 2 || *surname || form.contains(' ') {
                continue;
            }
            let is_org = |o: usize| self.entities[o].kind == EntityKind::Organization;
            let bare = |o: usize| is_org(o) && self.entities[o].source == EntitySource::Discovered && self.entities[o].label == *form;
            let (short, long) = match (bare(owners[0]), bare(owners[1])) {
                (true, false) => (owners[0], owners[1]),
                (false, true) => (owners[1], owners[0]),
                _ => continue,
            };
            // Only a registered name (with its legal form) named first: a bare name of
            // its own (`Siza` beside `Siza Nova Me`) may be the parent.
            let registered = strip_legal_form(&self.entities[long].label, legal).is_some();
            let first = |e: usize| first_mention.get(&e).copied().unwrap_or(usize::MAX);
            if !is_org(long) || !registered || !self.entities[long].label.starts_with(form.as_str()) || first(long) > first(short) {
                continue;
            }
            for m in self.mentions.iter_mut().filter(|m| m.entity == short) {
                m.entity = long;
            }
            *owners = vec![long];
            merged.insert(form.clone());
        }
        // A discovered "person" whose name is the start of a long company name of the
        // article is that company said short (`Harcourt Brace` of `Harcourt Brace
        // Jovanovich Inc`).
        for (form, (owners, surname)) in &forms {
            if owners.len() != 1 || *surname || self.entities[owners[0]].kind != EntityKind::Organization {
                continue;
            }
            let person = self.entities.iter().position(|e| {
                e.kind == EntityKind::Person && e.source == EntitySource::Discovered && e.label == *form
            });
            if let Some(p) = person {
                for m in self.mentions.iter_mut().filter(|m| m.entity == p) {
                    m.entity = owners[0];
                }
            }
        }
        for (form, (owners, surname)) in forms {
            // (Surnames may still take over one-word organisation matches, below.)
            let other_label = labels.contains(form.as_str()) && self.entities[owners[0]].label != form && !merged.contains(&form);
            if owners.len() != 1 || (!surname && other_label) {
                continue; // A surname that fits two people stays unresolved.
            }
            let entity = owners[0];
            // A discovered organisation's whole name counts from the start when it is in
            // capitals (`USPCI`) or the language says so (`names_from_start` in its
            // properties.txt: English, where only names are capitalised): wire and news
            // copy names a company in the headline and the
            // lead (`X said`, at a sentence start) before the phrase that lets discovery
            // find it (`a stake in X`, `X boss Y`).
            let from = if full.contains(&form) && (is_all_caps(&form) || words.names_from_start(doc.lang)) {
                0
            } else {
                first_mention.get(&entity).copied().unwrap_or(0)
            };
            let mut pos = from;
            while let Some(rel) = doc.text[pos..].find(form.as_str()) {
                let start = pos + rel;
                let end = start + form.len();
                pos = end;
                if !is_boundary_before(doc.text, start) {
                    continue;
                }
                let genitive = doc.lang != "en" && doc.text[end..].starts_with('s') && is_boundary_after(doc.text, end + 1);
                if !is_boundary_after(doc.text, end) && !genitive {
                    continue;
                }
                let span = Span::new(start, end);
                // Part of a longer name: `Anna Busch` is not `Busch`; `Deutsche Bank` is
                // not `Deutsche` of `Deutsche Telekom`.
                let name_word = |w: &str| {
                    starts_upper(w)
                        && !words.is_function_word(w)
                        && !words.is_cue_word(&crate::text::fold_case(w))
                        && !(words.capitalises_nouns(doc.lang) && words.is_common_in(doc.lang, w))
                };
                if surname {
                    if doc.word_before(start).is_some_and(|(_, w)| {
                        starts_upper(w) && !words.is_function_word(w) && !words.is_cue_word(&crate::text::fold_case(w))
                    }) {
                        continue;
                    }
                } else if full.contains(&form) {
                    if doc.word_before(start).is_some_and(|(p, w)| name_word(w) && !(doc.initial(p) && words.is_common_in(doc.lang, w))) || doc.word_after(end).is_some_and(|(_, w)| name_word(w)) {
                        continue;
                    }
                } else if doc.word_after(end).is_some_and(|(_, w)| starts_upper(w) && !words.is_function_word(w) && !words.is_cue_word(&crate::text::fold_case(w))) {
                    continue;
                }
                if added.iter().any(|(a, _)| a.overlaps(span)) {
                    continue;
                }
                match self.mentions.iter().position(|m| m.span.overlaps(span)) {
                    None => added.push((span, entity)),
                    Some(k) => {
                        // A surname takes over a one-word organisation match there.
                        let m = self.mentions[k];
                        if surname
                            && self.replaceable[k]
                            && m.span == span
                            && m.entity != entity
                            && self.entities[m.entity].kind == EntityKind::Organization
                        {
                            self.mentions[k].entity = entity;
                        }
                    }
                }
            }
        }
        for (span, entity) in added {
            self.mention(span, entity, false);
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

/// A ticker in angle brackets right after a name (`Trans World Airlines Inc <TWA>`): two
/// to five capitals.
fn ticker_after(text: &str, end: usize) -> Option<Span> {
    let rest = text.get(end..)?.strip_prefix(" <")?;
    let close = rest.find('>')?;
    let t = &rest[..close];
    ((2..=5).contains(&t.len()) && t.chars().all(|c| c.is_ascii_uppercase())).then(|| Span::new(end + 2, end + 2 + close))
}

/// The short forms of an entity, each with whether it is a surname.
fn short_forms_of(e: &EntityInfo, legal: &[&str], words: &NameWords, lang: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    match e.kind {
        EntityKind::Person => {
            let parts: Vec<&str> = e.label.split_whitespace().collect();
            if parts.len() < 2 {
                return out;
            }
            // `Han van Doorn` → `van Doorn`, `Van Doorn`; `Roland Busch` → `Busch`.
            let lower: Vec<&str> = parts.iter().map(|p| if starts_upper(p) { "" } else { *p }).collect();
            if let Some(p) = (1..parts.len() - 1).find(|&i| words.particle_len(&lower[i..], lang) > 0 || words.particle_len(&lower[i..], "nl") > 0) {
                let tail = parts[p..].join(" ");
                let mut capital = String::new();
                let mut chars = tail.chars();
                if let Some(c) = chars.next() {
                    capital.extend(c.to_uppercase());
                    capital.push_str(chars.as_str());
                }
                out.push((tail, true));
                out.push((capital, true));
            } else {
                let last = parts.iter().rev().find(|p| !matches!(**p, "Jr" | "Jr." | "Sr" | "Sr.") && p.trim_end_matches('.').chars().count() > 1);
                if let Some(last) = last {
                    if last.chars().count() >= 2 && starts_upper(last) && last.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'') {
                        out.push((last.to_string(), true));
                    }
                }
            }
        }
        EntityKind::Organization => {
            let stripped = strip_legal_form(&e.label, legal);
            if let Some(s) = &stripped {
                // An ordinary word as a registered name's short form (`Coastal` of `Coastal
                // Corp`) only where nouns are lower case, so that its capital marks the name.
                // Only for a name found in the text with its legal form (not a gazetteer's
                // `Gates Corporation` against a surname).
                let one_word = e.source == EntitySource::Discovered && !s.contains(' ') && s.chars().all(|c| c.is_alphabetic() || c == '-');
                let capital_marks = one_word
                    && !words.capitalises_nouns(lang)
                    && !words.is_function_word(s)
                    && !words.is_cue_word(&crate::text::fold_case(s))
                    && !words.is_place(s)
                    && !words.is_demonym(lang, s)
                    && words.head_kind(s).is_none();
                if s.chars().filter(|c| c.is_alphabetic()).count() >= 3 && (!words.is_common_anywhere(s) || capital_marks) {
                    out.push((s.clone(), false));
                }
            }
            let name = stripped.unwrap_or_else(|| e.label.clone());
            let parts: Vec<&str> = name.split_whitespace().collect();
            if parts.len() >= 2 {
                let first = parts[0];
                // An ordinary word (`Baker` of `Baker International Corp`) only for a name found
                // in the text with its legal form, where nouns are lower case, so that its
                // capital marks the name.
                let registered_word = e.source == EntitySource::Discovered
                    && strip_legal_form(&e.label, legal).is_some()
                    && !words.capitalises_nouns(lang)
                    && !words.is_cue_word(&crate::text::fold_case(first));
                let usable = first.chars().count() >= 3
                    && starts_upper(first)
                    && first.chars().all(|c| c.is_alphabetic() || c == '-')
                    && !words.is_function_word(first)
                    && (registered_word || (!words.is_common_in(lang, first) && !words.is_plain_word(first)))
                    && !words.is_place(first)
                    && !words.is_demonym(lang, first)
                    && words.head_kind(first).is_none();
                // A first name starts many company names (`Harcourt Brace Jovanovich`,
                // `Harper and Row Publishers`); alone it stands for the company only when
                // the name is long enough not to be a person's (`Robert Halmi Inc`).
                let long = parts.len() >= 3 && parts[1..].iter().all(|p| !words.is_first_name(p));
                if usable && (!words.is_first_name(first) || long) {
                    out.push((first.to_string(), false));
                }
            }
            // The initials of a name of three words or more (`Trans World Airlines` →
            // `TWA`), function words left out.
            let content: Vec<&str> = parts.iter().copied().filter(|p| !words.is_function_word(p)).collect();
            if content.len() >= 3 && content.iter().all(|p| starts_upper(p)) {
                let initials: String = content.iter().filter_map(|p| p.chars().next()).collect();
                if initials.chars().all(|c| c.is_ascii_uppercase()) {
                    out.push((initials, false));
                }
            }
            // A long name is also cut to its first two words, or three round a
            // conjunction: `British Printing`, `Harcourt Brace`, `Harper and Row`.
            if parts.len() >= 3 {
                let conj = parts.len() >= 4 && matches!(parts[1], "and" | "&" | "und" | "en");
                let n = if conj { 3 } else { 2 };
                let prefix = &parts[..n];
                let named = prefix.iter().enumerate().all(|(i, p)| {
                    (conj && i == 1) || (starts_upper(p) && p.chars().count() >= 2 && !words.is_function_word(p))
                });
                if named && !words.is_place(&prefix.join(" ")) {
                    out.push((prefix.join(" "), false));
                }
            }
        }
    }
    out.retain(|(f, _)| collapse_spaces(f) == *f && !f.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;
    use crate::text::lang::Languages;
    use crate::text::{fold_for_matching, normalize, segment};

    /// One case: language, gazetteer rows (`id,type,label,aliases,wikidata,ambiguous`),
    /// text, and the expected mentions as (surface text, entity id) in text order.
    type Case<'a> = (&'a str, &'a str, &'a str, &'a [(&'a str, &'a str)]);

    fn run(lang: &str, rows: &str, text: &str, discover: bool) -> Vec<(String, String)> {
        let mut g = Gazetteer::new();
        let csv = format!("id,type,label,aliases,wikidata,ambiguous\n{rows}");
        g.add_str("test.csv", &csv).unwrap_or_else(|e| panic!("{e}"));
        let finder = EntityFinder::new(NameMatcher::new(g).unwrap_or_else(|e| panic!("{e}")), discover);
        let norm = normalize(text);
        let langs = Languages::bundled();
        let sentences = segment(&norm.text, &langs, lang);
        let folded = fold_for_matching(&norm.text);
        let r = finder.find(&norm.text, &folded, &sentences, lang);
        let chars: Vec<char> = text.chars().collect();
        r.mentions
            .iter()
            .map(|m| {
                let (s, e) = norm.to_original(m.span.start, m.span.end);
                (chars[s..e].iter().collect(), r.entities[m.entity].id.clone())
            })
            .collect()
    }

    fn check(cases: &[Case<'_>], discover: bool) {
        for (lang, rows, text, expected) in cases {
            let got = run(lang, rows, text, discover);
            let want: Vec<(String, String)> = expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
            assert_eq!(got, want, "\n[{lang}] {text}");
        }
    }

    const COMPANIES: &str = "\
acme,Organization,Acme Holding N.V.,Acme,,false
zwirbel,Organization,Zwirbelstak,,,false
siemens,Organization,Siemens AG,Siemens,Q81230,false
netflix,Organization,Netflix,,Q907311,false
bayer,Organization,Bayer AG,Bayer,,false
vw,Organization,Volkswagen AG,VW|Volkswagen,,false
apple,Organization,Apple Inc.,Apple,Q312,true
sap,Organization,SAP SE,SAP,,false
microsoft,Organization,Microsoft Corporation,Microsoft,Q2283,false
linkedin,Organization,LinkedIn,,,false
philips,Organization,Koninklijke Philips N.V.,Philips,,false
";

    #[test]
    fn word_boundaries_and_offsets() {
        check(
            &[
                ("en", COMPANIES, "Pineapple growers sued Apple Inc. on Monday.", &[("Apple Inc.", "apple")]),
                ("de", COMPANIES, "In SAPporo feiert SAP ein Fest.", &[("SAP", "sap")]),
                ("nl", COMPANIES, "Het\u{00A0}bod van Sie\u{00AD}mens op Acme\u{00A0}Holding N.V. is rond.", &[("Sie\u{00AD}mens", "siemens"), ("Acme\u{00A0}Holding N.V.", "acme")]),
                ("en", COMPANIES, "Net\u{FB02}ix? No: Netflix\u{2019}s rival is Apple.", &[("Net\u{FB02}ix", "netflix"), ("Netflix", "netflix"), ("Apple", "apple")]),
                ("de", COMPANIES, "Die Aktie von Siemens\u{0301} fiel; Siemens stieg.", &[("Siemens", "siemens")]),
                ("en", COMPANIES, "Microsoft's bid: MICROSOFT TO BUY LINKEDIN", &[("Microsoft", "microsoft"), ("MICROSOFT", "microsoft"), ("LINKEDIN", "linkedin")]),
            ],
            false,
        );
    }

    #[test]
    fn genitives_and_compounds() {
        check(
            &[
                ("nl", COMPANIES, "Philips' winst en Zwirbelstaks omzet stegen.", &[("Philips", "philips"), ("Zwirbelstak", "zwirbel")]),
                ("de", COMPANIES, "Siemens' Umsatz und der Siemens-Chef.", &[("Siemens", "siemens"), ("Siemens", "siemens")]),
                ("en", COMPANIES, "Netflix's plan and Netflix\u{2019}s price.", &[("Netflix", "netflix"), ("Netflix", "netflix")]),
                ("nl", COMPANIES, "Een Netflix-account en een Acme-topman.", &[("Netflix", "netflix"), ("Acme", "acme")]),
                ("de", COMPANIES, "Die VW-Konzern-Spitze und die Bayer-Tochter.", &[("VW", "vw"), ("Bayer", "bayer")]),
                ("en", COMPANIES, "Acmes are cheap; Acme's are not.", &[("Acme", "acme")]),
            ],
            false,
        );
    }

    #[test]
    fn known_names_side_by_side() {
        check(
            &[
                // Verb-second: subject and object meet after the finite verb.
                ("nl", COMPANIES, "In 2016 nam Microsoft LinkedIn over voor veel geld.", &[("Microsoft", "microsoft"), ("LinkedIn", "linkedin")]),
                ("de", COMPANIES, "Im Jahr 2019 kaufte Siemens Zwirbelstak für viel Geld.", &[("Siemens", "siemens"), ("Zwirbelstak", "zwirbel")]),
                // Next to an unknown capitalised word a one-word name is part of a longer name.
                ("nl", COMPANIES, "In 2016 nam Microsoft Fabrikon over voor veel geld.", &[]),
                // At a sentence start too (`Riverwood Capital leidt …`), unless the word
                // before is an ordinary word.
                ("nl", COMPANIES, "Quarkwood Zwirbelstak leidt de investeringsronde.", &[]),
                ("nl", COMPANIES, "Ook Zwirbelstak leidt een ronde.", &[("Zwirbelstak", "zwirbel")]),
                // English: known names side by side stay one unknown name (`Sony Ericsson`).
                ("en", COMPANIES, "He joined the Microsoft LinkedIn venture in May.", &[]),
            ],
            false,
        );
    }

    const AMBIGUOUS: &str = "\
target,Organization,Target Corporation,Target,,true
square,Organization,Square,,,true
shell,Organization,Shell plc,Shell,,true
orange,Organization,Orange S.A.,Orange,,true
visa,Organization,Visa Inc.,Visa,,true
sky,Organization,Sky Group,Sky,,true
zoom,Organization,Zoom Video Communications,Zoom,,true
block,Organization,Block Inc.,Block,,true
meta,Organization,Meta Platforms,Meta,,true
box,Organization,Box Inc.,Box,,true
match,Organization,Match Group,Match,,true
three,Organization,Three UK,Three,,true
";

    #[test]
    fn ambiguous_names_need_evidence() {
        check(
            &[
                // Lower case: ordinary words.
                ("en", AMBIGUOUS, "Our target is a square box with an orange block.", &[]),
                // Mid-sentence capitals in English and Dutch are evidence.
                ("en", AMBIGUOUS, "Analysts expect Target and Visa to report.", &[("Target", "target"), ("Visa", "visa")]),
                ("nl", AMBIGUOUS, "Volgens analisten verliezen Shell en Orange terrein.", &[("Shell", "shell"), ("Orange", "orange")]),
                // Sentence start and Title Case say nothing.
                ("en", AMBIGUOUS, "Zoom in on the chart. Three things matter.", &[]),
                // German capitalises nouns: only cues count.
                ("de", AMBIGUOUS, "Der Block und das Match waren lang. Der Konzern Meta und die Zoom-Aktie stiegen.", &[("Meta", "meta"), ("Zoom", "zoom")]),
                // A legal form or a company cue after the name.
                ("en", AMBIGUOUS, "Box Inc. and Square shares rose; Sky said it agreed.", &[("Box Inc.", "box"), ("Square", "square"), ("Sky", "sky")]),
                // Another unambiguous mention of the same entity.
                ("de", AMBIGUOUS, "Die Shell plc legt zu. Shell hatte viel Erfolg.", &[("Shell plc", "shell"), ("Shell", "shell")]),
                // Inside a longer capitalised name.
                ("en", AMBIGUOUS, "He works at Orange County Choppers and Blue Sky Studios.", &[]),
            ],
            false,
        );
    }

    const PEOPLE: &str = "\
roland-busch,Person,Roland Busch,,,false
anna-busch,Person,Anna Busch,,,false
han-van-doorn,Person,Han van Doorn,,,false
telekom,Organization,Deutsche Telekom AG,,,false
schmidt,Organization,Schmidt,,,false
paul,Organization,Paul,,,false
";

    #[test]
    fn surnames_and_short_forms() {
        check(
            &[
                ("de", PEOPLE, "Roland Busch lobt die Deutsche Telekom AG. Busch sagte, die Deutsche habe recht.", &[
                    ("Roland Busch", "roland-busch"),
                    ("Deutsche Telekom AG", "telekom"),
                    ("Busch", "roland-busch"),
                    ("Deutsche", "telekom"),
                ]),
                // Two people fit: the surname stays unresolved.
                ("de", PEOPLE, "Roland Busch und Anna Busch streiten. Busch schweigt.", &[("Roland Busch", "roland-busch"), ("Anna Busch", "anna-busch")]),
                ("nl", PEOPLE, "Topman Han van Doorn vertrekt. Van Doorn zegt dat van Doorns taak klaar is.", &[
                    ("Han van Doorn", "han-van-doorn"),
                    ("Van Doorn", "han-van-doorn"),
                    ("van Doorn", "han-van-doorn"),
                ]),
                // Before the full name the surname is not resolved.
                ("en", PEOPLE, "Busch arrived before Roland Busch spoke.", &[("Roland Busch", "roland-busch")]),
            ],
            false,
        );
        // A long company name that starts with a first name: the first word, the first
        // two words, or three round `and`; a short one (`Robert Halmi Inc`) keeps its
        // first name to itself.
        let rows = "pat,Organization,Percival Ashcombe Treadwell Inc,,,false\nhrp,Organization,Harper and Rowntree Publishers Inc,,,false\nrhi,Organization,Robert Halmi Inc,,,false\n";
        check(
            &[
                ("en", rows, "Percival Ashcombe Treadwell Inc made a bid. Percival Ashcombe raised it and Percival said more.", &[
                    ("Percival Ashcombe Treadwell Inc", "pat"),
                    ("Percival Ashcombe", "pat"),
                    ("Percival", "pat"),
                ]),
                ("en", rows, "Harper and Rowntree Publishers Inc agreed. Harper and Rowntree said so.", &[
                    ("Harper and Rowntree Publishers Inc", "hrp"),
                    ("Harper and Rowntree", "hrp"),
                ]),
                ("en", rows, "Robert Halmi Inc agreed. Robert said so.", &[("Robert Halmi Inc", "rhi")]),
                // A whole name without its legal form beats the first word of another.
                ("en", "qx,Organization,Quandex Ltd,,,false\nqp,Organization,Quandex Petroleum,,,false\n", "Quandex Ltd will float Quandex Petroleum. Quandex said so.", &[
                    ("Quandex Ltd", "qx"),
                    ("Quandex Petroleum", "qp"),
                    ("Quandex", "qx"),
                ]),
                // Initials of a name of three words or more.
                ("en", rows, "Percival Ashcombe Treadwell Inc agreed. PAT said so.", &[
                    ("Percival Ashcombe Treadwell Inc", "pat"),
                    ("PAT", "pat"),
                ]),
            ],
            false,
        );
        // A "person" found by discovery whose name starts the company's is the company.
        check(
            &[("en", rows, "Percival Ashcombe Treadwell Inc made a bid. Later Percival Ashcombe raised it.", &[
                ("Percival Ashcombe Treadwell Inc", "pat"),
                ("Percival Ashcombe", "pat"),
            ])],
            true,
        );
    }

    #[test]
    fn first_names_and_surnames_are_not_companies() {
        check(
            &[
                ("en", PEOPLE, "Google chairman Eric Schmidt met Paul Radu. Schmidt smiled.", &[("Eric Schmidt", "eric-schmidt"), ("Paul Radu", "paul-radu"), ("Schmidt", "eric-schmidt")]),
                ("nl", PEOPLE, "De winkelketen Paul opent een filiaal.", &[("Paul", "paul")]),
            ],
            true,
        );
    }

    #[test]
    fn discovery_in_context() {
        let rows = "salomon,Organization,Salomon,,,false\n";
        check(
            &[
                ("en", rows, "Underwriters include Salomon Brothers Inc and others.", &[("Salomon Brothers Inc", "salomon-brothers")]),
                ("nl", rows, "Het bedrijf Zwirbelstak B.V. groeit. Zwirbelstak wil naar de beurs.", &[("Zwirbelstak B.V.", "zwirbelstak"), ("Zwirbelstak", "zwirbelstak")]),
                ("nl", rows, "Volgens Gerard Sanderink gaat het goed. Gerard Sanderinks bedrijf groeit.", &[("Gerard Sanderink", "gerard-sanderink"), ("Gerard Sanderink", "gerard-sanderink")]),
                // An ordinary word as the short form of a name found with its legal form.
                (
                    "en",
                    rows,
                    "Gusty Coastal Corp sued Quarkbit Inc on Monday. Later, Coastal said the coastal plant was sold.",
                    &[("Gusty Coastal Corp", "gusty-coastal"), ("Quarkbit Inc", "quarkbit")],
                ),
                (
                    "en",
                    rows,
                    "Coastal Corp sued Quarkbit Inc on Monday. Later, Coastal said the coastal plant was sold.",
                    &[("Coastal Corp", "coastal"), ("Quarkbit Inc", "quarkbit"), ("Coastal", "coastal")],
                ),
                // A one-word name found by a cue is the registered name named before, said
                // short, wherever it stands.
                (
                    "en",
                    rows,
                    "Quarkbit Tool Co fell. An investor might try to acquire Quarkbit. Later, Quarkbit said it was interested.",
                    &[("Quarkbit Tool Co", "quarkbit-tool"), ("Quarkbit", "quarkbit-tool"), ("Quarkbit", "quarkbit-tool")],
                ),
            ],
            true,
        );
    }

    /// The bullets of issue 4, each in Dutch, German and English (own sentences).
    const TABLE_ROWS: &str = "\
acme,Organization,Acme Holding N.V.,Acme,,false
nordwind,Organization,Nordwind Logistik GmbH,Nordwind,,false
brightline,Organization,Brightline Corp.,Brightline,,false
velora,Organization,Velora,,,false
kestrel,Organization,Kestrel Systems,,,false
staffield,Organization,Staffield,,,false
mueller-bau,Organization,Müller Bau AG,,,false
ingrid-valk,Person,Ingrid Valk,,,false
";

    #[test]
    fn issue_4_table() {
        let r = TABLE_ROWS;
        check(
            &[
                // Word boundaries (Unicode letters are word characters).
                ("en", r, "The Veloranet index fell while Velora rose.", &[("Velora", "velora")]),
                ("nl", r, "Acmeën bestaan niet, Acme wel.", &[("Acme", "acme")]),
                ("de", r, "Nordwindböen trafen Nordwind schwer.", &[("Nordwind", "nordwind")]),
                // Offsets in the text as read: NBSP, curly apostrophe, soft hyphen,
                // ligatures, decomposed accents.
                ("en", r, "Kestrel\u{00A0}Systems bought Velora\u{2019}s unit.", &[("Kestrel\u{00A0}Systems", "kestrel"), ("Velora", "velora")]),
                ("nl", r, "Het bod van Sta\u{FB03}eld op Ac\u{00AD}me is rond.", &[("Sta\u{FB03}eld", "staffield"), ("Ac\u{00AD}me", "acme")]),
                ("de", r, "Die Mu\u{0308}ller Bau AG kauft zu.", &[("Mu\u{0308}ller Bau AG", "mueller-bau")]),
                // Genitives.
                ("nl", r, "Velora's omzet en Nordwinds winst stegen.", &[("Velora", "velora"), ("Nordwind", "nordwind")]),
                ("de", r, "Kestrel Systems' Umsatz und Nordwinds Gewinn.", &[("Kestrel Systems", "kestrel"), ("Nordwind", "nordwind")]),
                ("en", r, "Brightline's and Brightline\u{2019}s plans, not Brightlines.", &[("Brightline", "brightline"), ("Brightline", "brightline")]),
                // Hyphen compounds: the mention covers the name only.
                ("de", r, "Der Nordwind-Chef lobt die Velora-Tochter.", &[("Nordwind", "nordwind"), ("Velora", "velora")]),
                ("nl", r, "De Acme-topman kocht Velora-aandelen.", &[("Acme", "acme"), ("Velora", "velora")]),
                ("en", r, "The Brightline-owned site and a Kestrel Systems-led round.", &[("Brightline", "brightline"), ("Kestrel Systems", "kestrel")]),
                // Case: headlines in capitals match, lower-case words do not.
                ("en", r, "BRIGHTLINE TO BUY VELORA\nThe velora flower is not a company.", &[("BRIGHTLINE", "brightline"), ("VELORA", "velora")]),
                ("nl", r, "VELORA NEEMT KESTREL SYSTEMS OVER\nDe velora is een bloem.", &[("VELORA", "velora"), ("KESTREL SYSTEMS", "kestrel")]),
                ("de", r, "NORDWIND ÜBERNIMMT STAFFIELD\nDer nordwind bläst.", &[("NORDWIND", "nordwind"), ("STAFFIELD", "staffield")]),
                // Legal-form variants: the name without its legal form is an alias.
                ("en", r, "Brightline Corp. said Brightline would grow.", &[("Brightline Corp.", "brightline"), ("Brightline", "brightline")]),
                ("de", r, "Nordwind Logistik GmbH und Nordwind Logistik wachsen.", &[("Nordwind Logistik GmbH", "nordwind"), ("Nordwind Logistik", "nordwind")]),
                ("nl", r, "Acme Holding N.V. en Acme Holding groeien.", &[("Acme Holding N.V.", "acme"), ("Acme Holding", "acme")]),
            ],
            false,
        );
    }

    #[test]
    fn issue_4_discovery_table() {
        let r = TABLE_ROWS;
        check(
            &[
                // Organisations with legal forms, after company cues, glued to cues.
                ("nl", r, "Het bedrijf Zwirbelstak B.V. groeit. De Quarkbit-topman zwijgt.", &[("Zwirbelstak B.V.", "zwirbelstak"), ("Quarkbit", "quarkbit")]),
                ("de", r, "Das Unternehmen Gläserne Werkstatt GmbH und der Quarkbit-Konzern.", &[("Gläserne Werkstatt GmbH", "glaserne-werkstatt"), ("Quarkbit", "quarkbit")]),
                ("en", r, "The chipmaker Fizzlebee and Harrowgate Capital invested.", &[("Fizzlebee", "fizzlebee"), ("Harrowgate Capital", "harrowgate-capital")]),
                // People next to role cues, with particles.
                ("nl", r, "Volgens topman Maarten de Wit gaat Velora groeien.", &[("Maarten de Wit", "maarten-de-wit"), ("Velora", "velora")]),
                ("de", r, "Vorstandschef Heinz von Kroll verlässt Nordwind.", &[("Heinz von Kroll", "heinz-von-kroll"), ("Nordwind", "nordwind")]),
                ("en", r, "Brightline named Priya Ramaswamy, a former CFO of Velora, as chief executive.", &[("Brightline", "brightline"), ("Priya Ramaswamy", "priya-ramaswamy"), ("Velora", "velora")]),
                // German capitalises nouns: capitalised nouns are not names.
                ("de", r, "Die Verhandlungen mit der Regierung über die Zukunft der Fabrik dauern an.", &[]),
                ("de", r, "Am Ende April prüft die Aufsicht den Vertrag.", &[]),
                // Surnames after the full name, also of discovered people.
                ("de", r, "CEO Heinz Kroll spricht. Kroll sagt, Nordwind wachse.", &[("Heinz Kroll", "heinz-kroll"), ("Kroll", "heinz-kroll"), ("Nordwind", "nordwind")]),
                ("en", r, "Ingrid Valk joined Velora. Valk said so.", &[("Ingrid Valk", "ingrid-valk"), ("Velora", "velora"), ("Valk", "ingrid-valk")]),
            ],
            true,
        );
    }

    #[test]
    fn acronyms_and_genitives_stand_for_names() {
        let r = TABLE_ROWS;
        check(
            &[
                // An acronym defined in brackets names the organisation later on.
                ("de", r, "Die Kartellwächterbehörde (KWB) prüft. Später will die KWB entscheiden.", &[
                    ("Kartellwächterbehörde", "kartellwachterbehorde"),
                    ("KWB", "kartellwachterbehorde"),
                    ("KWB", "kartellwachterbehorde"),
                ]),
                ("nl", r, "De Wadloper Veilingen Coöperatie (WVC) groeit. Volgens de WVC komt er meer.", &[
                    ("Wadloper Veilingen Coöperatie", "wadloper-veilingen-cooperatie"),
                    ("WVC", "wadloper-veilingen-cooperatie"),
                    ("WVC", "wadloper-veilingen-cooperatie"),
                ]),
                ("en", r, "Kestrel Systems (KS) grew. Last year KS hired staff.", &[
                    ("Kestrel Systems", "kestrel"),
                    ("KS", "kestrel"),
                    ("KS", "kestrel"),
                ]),
                // German `an` is a preposition, not the English article.
                ("de", r, "Der Konzern verkauft die Sparte an Velora.", &[("Velora", "velora")]),
                // A surname after a role is the person named in full before.
                ("nl", r, "Anouk Verbeek leidt Velora. Volgens topman Verbeek groeit het.", &[
                    ("Anouk Verbeek", "anouk-verbeek"),
                    ("Velora", "velora"),
                    ("Verbeek", "anouk-verbeek"),
                ]),
                ("de", r, "Heinz Kroll führt Nordwind. Konzernchef Kroll ist zufrieden.", &[
                    ("Heinz Kroll", "heinz-kroll"),
                    ("Nordwind", "nordwind"),
                    ("Kroll", "heinz-kroll"),
                ]),
                ("en", r, "Ingrid Valk runs Velora; chairman Valk is pleased.", &[
                    ("Ingrid Valk", "ingrid-valk"),
                    ("Velora", "velora"),
                    ("Valk", "ingrid-valk"),
                ]),
                // Genitives of discovered camel-case names.
                ("nl", r, "Het bedrijf VerdaHuis groeit. VerdaHuiss omzet steeg.", &[("VerdaHuis", "verdahuis"), ("VerdaHuis", "verdahuis")]),
                ("de", r, "Der Konzern TrampoWerk wächst. TrampoWerks Umsatz stieg.", &[("TrampoWerk", "trampowerk"), ("TrampoWerk", "trampowerk")]),
                ("en", r, "Analysts like ZylorTech. ZylorTech's sales rose.", &[("ZylorTech", "zylortech"), ("ZylorTech", "zylortech")]),
            ],
            true,
        );
    }

    #[test]
    fn national_units() {
        // A known company name followed by a country is a unit of its own (`Sky
        // Deutschland`); the company alone stays itself.
        check(
            &[
                ("de", COMPANIES, "Im Mai übernahm Siemens auch Netflix Deutschland und Netflix Italien.", &[("Siemens", "siemens"), ("Netflix Deutschland", "netflix-deutschland"), ("Netflix Italien", "netflix-italien")]),
                ("de", COMPANIES, "Der Chef von Bayer-Österreich lobte Bayer.", &[("Bayer-Österreich", "bayer-osterreich"), ("Bayer", "bayer")]),
                ("de", COMPANIES, "Siemens baut in Deutschland ein Werk.", &[("Siemens", "siemens")]),
                ("en", COMPANIES, "Netflix AR filters and Netflix UK.", &[("Netflix", "netflix"), ("Netflix", "netflix")]),
            ],
            true,
        );
    }

    #[test]
    fn surnames_that_are_company_names() {
        // A first name before a one-word company name makes a person (`Nick Ferguson`),
        // and the surname alone then names that person.
        let rows = "brixa,Organization,Brixa,,,false\n";
        check(
            &[
                ("de", rows, "Gestern sprach Carl-Ludwig Brixa in London über Brixa.", &[("Carl-Ludwig Brixa", "carl-ludwig-brixa"), ("Brixa", "carl-ludwig-brixa")]),
                ("de", rows, "Am Montag sagte Nick Brixa nichts.", &[("Nick Brixa", "nick-brixa")]),
                ("de", rows, "Es hat 30 Grad Brixa.", &[("Brixa", "brixa")]),
                ("en", rows, "On Monday Peter Brixa said Brixa grew.", &[("Peter Brixa", "peter-brixa"), ("Brixa", "peter-brixa")]),
            ],
            true,
        );
    }

    #[test]
    fn discovered_entities_are_marked() {
        let mut g = Gazetteer::new();
        g.add_str("t.csv", &format!("id,type,label,aliases,wikidata,ambiguous\n{TABLE_ROWS}")).unwrap_or_else(|e| panic!("{e}"));
        let finder = EntityFinder::new(NameMatcher::new(g).unwrap_or_else(|e| panic!("{e}")), true);
        let text = "Velora koopt Zwirbelstak B.V. van topman Anouk Verbeek.";
        let langs = Languages::bundled();
        let r = finder.find(text, &fold_for_matching(text), &segment(text, &langs, "nl"), "nl");
        let by_id = |id: &str| r.entities.iter().find(|e| e.id == id).unwrap_or_else(|| panic!("{id} in {:?}", r.entities));
        assert_eq!(by_id("velora").source, EntitySource::Gazetteer);
        for id in ["zwirbelstak", "anouk-verbeek"] {
            let e = by_id(id);
            assert_eq!(e.source, EntitySource::Discovered);
            assert!(e.confidence < by_id("velora").confidence && e.wikidata.is_none());
        }
    }

    #[test]
    fn relation_cues_mark_names() {
        // With the relation extractor's cue spans, unknown names in argument slots are
        // discovered (and `Orange`, also a word, counts there).
        let rows = "orange,Organization,Orange S.A.,Orange,,true\n";
        let mut g = Gazetteer::new();
        g.add_str("t.csv", &format!("id,type,label,aliases,wikidata,ambiguous\n{rows}")).unwrap_or_else(|e| panic!("{e}"));
        let finder = EntityFinder::new(NameMatcher::new(g).unwrap_or_else(|e| panic!("{e}")), true);
        let langs = Languages::bundled();
        for (lang, text, cue, expected) in [
            ("nl", "Gisteren werd bekend: Zwirbelstak neemt Quarkbit over.", "neemt", &["Zwirbelstak", "Quarkbit"][..]),
            ("de", "Im Herbst übernimmt Orange den Anbieter Quarkbit.", "übernimmt", &["Orange", "Quarkbit"][..]),
            ("en", "Last week Zwirbelstak acquired Quarkbit for cash.", "acquired", &["Zwirbelstak", "Quarkbit"][..]),
            // A title's organisation phrase: `topman van X`.
            ("nl", "Hij is sinds maart topman van Quarkbit.", "topman", &["Quarkbit"][..]),
        ] {
            let start = text.find(cue).unwrap_or(0);
            let kind = if cue == "topman" { RelationType::CeoOf } else { RelationType::Acquisition };
            let cues = [(Span::new(start, start + cue.len()), kind)];
            let r = finder.find_with_cues(text, &fold_for_matching(text), &segment(text, &langs, lang), lang, &cues);
            let got: Vec<&str> = r.mentions.iter().map(|m| &text[m.span.start..m.span.end]).collect();
            assert_eq!(got, expected, "{text}");
            let without = finder.find(text, &fold_for_matching(text), &segment(text, &langs, lang), lang);
            assert!(without.mentions.len() < expected.len(), "{text}: {:?}", without.mentions);
        }
    }

    #[test]
    fn relation_cues_skip_german_adverbs_and_plural_nouns() {
        // Next to a cue, a sentence adverb (`Dagegen`, `Zwar`) or a plural of a German noun
        // (`Containerschiffe`) is no name; an unknown name still is.
        let finder = EntityFinder::new(NameMatcher::new(Gazetteer::new()).unwrap_or_else(|e| panic!("{e}")), true);
        let langs = Languages::bundled();
        for (text, cue, kind, expected) in [
            ("Dagegen klagt Quarkbit seit Mai.", "klagt", RelationType::Lawsuit, &["Quarkbit"][..]),
            ("Zwar übernimmt Quarkbit den Anbieter.", "übernimmt", RelationType::Acquisition, &["Quarkbit"][..]),
            ("Sie will noch mehr Containerschiffe übernehmen.", "übernehmen", RelationType::Acquisition, &[][..]),
            // The object phrase of a deal noun: `die Übernahme von X`.
            ("Im Mai verkündete sie die Übernahme von Quarkbit.", "Übernahme", RelationType::Acquisition, &["Quarkbit"][..]),
            ("Im Mai verkündete sie die Übernahme von Anteilen.", "Übernahme", RelationType::Acquisition, &[][..]),
        ] {
            let start = text.find(cue).unwrap_or(0);
            let cues = [(Span::new(start, start + cue.len()), kind)];
            let r = finder.find_with_cues(text, &fold_for_matching(text), &segment(text, &langs, "de"), "de", &cues);
            let got: Vec<&str> = r.mentions.iter().map(|m| &text[m.span.start..m.span.end]).collect();
            assert_eq!(got, expected, "{text}");
        }
    }

    #[test]
    fn ordinary_first_word_of_a_registered_name() {
        // `Baker` alone after `Baker Instruments Corp`: an ordinary word, but capitalised in
        // an English text about a company found with its legal form.
        check(
            &[("en", "", "Baker Instruments Corp said it would sue. Baker then filed a suit against Brixa Corp on Monday.", &[
                ("Baker Instruments Corp", "baker-instruments"),
                ("Baker", "baker-instruments"),
                ("Brixa Corp", "brixa"),
            ])],
            true,
        );
    }

    #[test]
    fn tickers_in_angle_brackets_are_no_companies() {
        // A ticker that a gazetteer knows as another company's acronym stands for the
        // name before it, or for nothing.
        let rows = "sapse,Organization,SAP SE,SAP,,false\n";
        check(
            &[
                ("en", rows, "Sapphire Fund Inc <SAP> said it filed a lawsuit.", &[]),
                ("en", rows, "Shares of SAP rose.", &[("SAP", "sapse")]),
                ("en", "dover,Organization,Dover Holdings,Dover,,true\n", "Acme Fund Inc filed a suit in Dover, Del., on Monday.", &[]),
            ],
            false,
        );
    }

    #[test]
    fn discovered_name_counts_before_its_discovery() {
        // An organisation that discovery finds late (after `a stake in`) is also named at
        // the start of a sentence before that.
        check(
            &[("en", "", "QRTX said it received a bid. Brixa Corp holds a 30 pct stake in QRTX.", &[
                ("QRTX", "qrtx"),
                ("Brixa Corp", "brixa"),
                ("QRTX", "qrtx"),
            ])],
            true,
        );
    }
}
