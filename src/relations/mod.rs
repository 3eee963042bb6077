//! Relation extraction: cue lexicons (data, per language) + argument assignment rules
//! turn an [`Analysis`] (sentences, resolved entity mentions) into typed, directed
//! [`Relation`]s with status, amount, date, confidence, rule id and evidence.
//!
//! How it works, per sentence (details in `docs/relations.md`):
//! 1. [`lexicon`]: the language's cue lexicon (`gazetteers/cues/<lang>.csv`) is matched
//!    over the folded text with the shared Aho-Corasick phrase matcher;
//! 2. [`sentence`]: the sentence becomes a list of items (mentions, cues, words,
//!    punctuation) with searches for nominative arguments, prepositional phrases,
//!    possessors, compounds and coordinated lists;
//! 3. [`rules`]: each relation cue's frame (verb, participle, passive, nominal, sale,
//!    title, symmetric) assigns subject and object;
//! 4. [`coref`] resolves pronouns and company nouns, [`context`] supplies what a sentence
//!    leaves unsaid (the organisation of a bare title, the object of a deal noun in an
//!    article about one company), [`status`] applies modality and negation (also from the
//!    next sentence: `Het werd afgeblazen`), [`amount`] and [`date`] attach the sum and the
//!    date; a rival bidder (`in a bidding war with Z`) gets its own edge;
//! 5. duplicates are merged and the output is ordered deterministically.
//!
//! Architecture invariant: no rule, cue or test names a specific company or person;
//! every word of a language lives in its CSV.

pub mod amount;
pub mod context;
pub mod coref;
pub mod date;
pub mod focus;
pub mod lexicon;
pub mod rules;
pub mod sentence;
pub mod status;

use std::collections::{BTreeMap, HashMap};

use crate::error::{Error, Result};
use crate::model::{Analysis, EntityKind, EntitySource, Relation, RelationType, Span, Status};
use crate::text::fold_for_matching;

use lexicon::{Lexicon, Referent};
use rules::Candidate;
use sentence::{Arg, Via, View};
use status::Outcome;

/// Relations below this confidence are not reported.
pub const MIN_CONFIDENCE: f32 = 0.2;
/// The lexicon used for a language that has none.
const FALLBACK_LANG: &str = "en";

/// The relation extractor: cue lexicons for every known language, compiled.
#[derive(Debug, Clone)]
pub struct RelationExtractor {
    lexicons: BTreeMap<String, Lexicon>,
}

impl RelationExtractor {
    /// The cue lexicons bundled in `gazetteers/cues/`.
    pub fn bundled() -> Result<RelationExtractor> {
        let lexicons = lexicon::bundled_lexicons()?;
        if lexicons.is_empty() {
            return Err(Error::Other("no cue lexicon in gazetteers/cues/".into()));
        }
        Ok(RelationExtractor { lexicons })
    }

    /// An extractor from explicit lexicons: `(lang, path for messages, CSV content)`.
    pub fn from_csv<'a>(files: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Result<RelationExtractor> {
        let mut lexicons = BTreeMap::new();
        for (lang, path, content) in files {
            lexicons.insert(lang.to_string(), Lexicon::parse(lang, path, content)?);
        }
        Ok(RelationExtractor { lexicons })
    }

    /// Languages with a lexicon.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.lexicons.keys().map(String::as_str)
    }

    fn lexicon(&self, lang: &str) -> Option<&Lexicon> {
        self.lexicons.get(lang).or_else(|| self.lexicons.get(FALLBACK_LANG)).or_else(|| self.lexicons.values().next())
    }

    /// All relations stated in the document, merged and in a deterministic order (by
    /// evidence start, then type, subject, object).
    pub fn extract(&self, analysis: &Analysis) -> Vec<Relation> {
        let folded = fold_for_matching(&analysis.text);
        let matches = self.cue_matches(&folded, &analysis.lang);
        self.extract_with(analysis, &folded, matches)
    }

    /// The cue matches of a text folded with `fold_for_matching`, in the lexicon of
    /// `lang`: found once per document for both [`RelationExtractor::cue_spans_in`] and
    /// [`RelationExtractor::extract_with`].
    pub fn cue_matches(&self, folded: &str, lang: &str) -> Vec<lexicon::CueMatch> {
        self.lexicon(lang).map(|lex| lex.find(folded)).unwrap_or_default()
    }

    /// [`RelationExtractor::extract`] with the analysis text folded and its cue matches
    /// ([`RelationExtractor::cue_matches`]) at hand.
    pub fn extract_with(&self, analysis: &Analysis, folded: &str, mut matches: Vec<lexicon::CueMatch>) -> Vec<Relation> {
        let Some(lex) = self.lexicon(&analysis.lang) else { return Vec::new() };
        // A cue inside a name (`Partners` in `Kleiner Perkins Partners`) is no cue, unless
        // the "name" is the cue word used as a noun (`seine Allianz mit X`).
        let mut hidden = Vec::new();
        let mut m = 0;
        matches.retain(|cm| {
            while m < analysis.mentions.len() && analysis.mentions[m].span.end <= cm.span.start {
                m += 1;
            }
            match analysis.mentions.get(m) {
                Some(mention) if mention.span.overlaps(cm.span) => {
                    if mention.span == cm.span && used_as_cue(lex, folded, cm) {
                        hidden.push(m);
                        true
                    } else {
                        false
                    }
                }
                _ => true,
            }
        });
        let mut relations: Vec<Relation> = Vec::new();
        // The company put up for sale, and the sentence that said so.
        let mut in_play: Option<(usize, usize)> = None;
        for s in 0..analysis.sentences.len() {
            let mut view = View::new(analysis, folded, lex, s, &matches, &hidden);
            // `X was in gesprek over de overname van Y. Het werd afgeblazen.`: a sentence
            // that only says how the deal of the sentence before ended.
            if s > 0 {
                let before = analysis.sentences[s - 1].span;
                let open: Vec<usize> = (0..relations.len())
                    .filter(|&i| relations[i].evidence == before)
                    .filter(|&i| matches!(relations[i].status, Some(Status::Pursuing | Status::Agreed)))
                    .collect();
                for i in open {
                    let r = &relations[i];
                    if status::follow_up_abandoned(&view, r.kind, &[r.subject, r.object]) {
                        relations[i].status = Some(Status::Abandoned);
                        relations[i].rule.push_str("+status.next");
                    }
                }
            }
            if !view.items.iter().any(|it| matches!(it.kind, sentence::ItemKind::Entity { .. })) {
                continue;
            }
            if let Some(target) = focus::for_sale_target(&view) {
                in_play = Some((target, s));
            }
            let focus = in_play.filter(|&(_, at)| s - at <= focus::REACH).map(|(e, _)| e);
            view.in_play = focus;
            let amounts = amount::find(&analysis.text, analysis.sentences[s].span, lex);
            let first = relations.len();
            for c in 0..view.len() {
                for &(cue_idx, tail) in view.cues(c) {
                    if !lex.cues[cue_idx].frame.is_relation() {
                        continue;
                    }
                    for candidate in rules::apply(&view, c, cue_idx, tail) {
                        let found = build(&view, &candidate, tail, &amounts, focus, &relations);
                        relations.extend(found);
                    }
                }
            }
            let rivals = rival_bids(&view, &relations[first..]);
            relations.extend(rivals);
            let successions = succession_from_context(&view, &relations[..first], &relations[first..]);
            relations.extend(successions);
        }
        // Political offices are no company roles: in German news an acronym in brackets
        // right after a person (`Anna Huber (ÖVP)`) is the politician's party, and its
        // chief (`ÖVP-Chef X`) holds no company title. (Elsewhere, and for founders, the
        // brackets give the company: `Anna de Vries (Quarkbit)`.)
        if crate::gazetteer::words::NameWords::bundled().capitalises_nouns(&analysis.lang) {
            let parties = parties(analysis);
            relations.retain(|r| {
                !(matches!(r.kind, RelationType::CeoOf | RelationType::ExecutiveOf) && parties.contains(&r.object))
            });
        }
        finish(relations)
    }

    /// What `extract --explain` prints for one relation: the cue (and the lexicon row it
    /// comes from), the rule, the arguments chosen, status, amount and confidence.
    pub fn explain(&self, analysis: &Analysis, relation: &Relation) -> String {
        let label = |i: usize| analysis.entities.get(i).map(|e| e.label.as_str()).unwrap_or("?");
        let origin = self
            .lexicon(&analysis.lang)
            .and_then(|lex| {
                let head = analysis.text.get(relation.cue_span.start..relation.cue_span.end)?;
                let folded = fold_for_matching(head);
                lex.find(&folded)
                    .into_iter()
                    .flat_map(|m| m.cues)
                    .map(|c| &lex.cues[c])
                    .find(|c| {
                        c.kind == Some(relation.kind) && (c.frame.is_relation() || c.frame == lexicon::Frame::Rival)
                    })
                    .map(|c| format!("{} row `{}` ({})", c.frame.as_str(), c.form, c.origin))
            })
            .unwrap_or_default();
        let (subject_role, object_role) = relation.kind.role_names();
        let mut out = format!(
            "{} {}={:?} {}={:?}",
            relation.kind,
            subject_role,
            label(relation.subject),
            object_role,
            label(relation.object)
        );
        if let Some(s) = relation.status {
            out.push_str(&format!(" status={s}"));
        }
        if let Some(seller) = relation.seller {
            out.push_str(&format!(" seller={:?}", label(seller)));
        }
        out.push_str(&format!(" | rule {} | cue {:?}", relation.rule, relation.cue));
        if !origin.is_empty() {
            out.push_str(&format!(" from {origin}"));
        }
        if let Some(a) = &relation.amount {
            out.push_str(&format!(" | amount {:?}", a.text));
        }
        if let Some(d) = &relation.date {
            out.push_str(&format!(" | date {d}"));
        }
        out.push_str(&format!(" | confidence {:.2}", relation.confidence));
        out
    }

    /// Where relation cues are in `text` (any text, e.g. one sentence), for entity
    /// discovery: a capitalised span in an argument slot of a cue (`X neemt Y over`) is
    /// likely a name. Separable cues count only when their tail follows within 120 bytes.
    pub fn cue_spans(&self, text: &str, lang: &str) -> Vec<(Span, RelationType)> {
        let folded = fold_for_matching(text);
        let matches = self.cue_matches(&folded, lang);
        self.cue_spans_in(&folded, lang, &matches)
    }

    /// [`RelationExtractor::cue_spans`] from the folded text and its cue matches.
    pub fn cue_spans_in(&self, folded: &str, lang: &str, matches: &[lexicon::CueMatch]) -> Vec<(Span, RelationType)> {
        let Some(lex) = self.lexicon(lang) else { return Vec::new() };
        let mut out = Vec::new();
        for m in matches {
            let found = m.cues.iter().map(|&c| &lex.cues[c]).find(|cue| {
                cue.frame.is_relation()
                    && (cue.tail.is_empty() || {
                        // (120 bytes, cut back to a character boundary.)
                        let mut end = folded.len().min(m.span.end + 120);
                        while !folded.is_char_boundary(end) {
                            end -= 1;
                        }
                        let rest = folded.get(m.span.end..end).unwrap_or("");
                        let tail = format!(" {}", cue.tail.join(" "));
                        rest.contains(&tail)
                    })
            });
            if let Some(kind) = found.and_then(|c| c.kind) {
                out.push((m.span, kind));
            }
        }
        out
    }
}

/// `X sicherte sich Y in einer Bieterschlacht gegen Z`, `X outbid Z for Y`: the rival Z
/// (the first organisation after a `rival` cue, within the clause) also bid for the target
/// of each acquisition of the sentence (`found`); it lost (`abandoned`) when that
/// acquisition is agreed or done, and is still `pursuing` otherwise. Rule `rival`, at 0.7
/// of the acquisition's confidence.
fn rival_bids(view: &View, found: &[Relation]) -> Vec<Relation> {
    let mut out = Vec::new();
    for c in 0..view.len() {
        let Some(cue) = view.cue_of(c, lexicon::Frame::Rival) else { continue };
        let rival = (c + 1..(c + 1 + sentence::WINDOW / 2).min(view.len()))
            .take_while(|&j| !view.is_barrier(j) && !view.is_predicate(j))
            .filter_map(|j| view.entity(j))
            .find(|&e| view.analysis.entities[e].kind == EntityKind::Organization);
        let Some(rival) = rival else { continue };
        for r in found.iter().filter(|r| r.kind == RelationType::Acquisition) {
            if r.subject == rival || r.object == rival {
                continue;
            }
            let status = match r.status {
                Some(Status::Pursuing) => Status::Pursuing,
                _ => Status::Abandoned,
            };
            out.push(Relation {
                kind: RelationType::Acquisition,
                subject: rival,
                object: r.object,
                status: Some(status),
                amount: None,
                date: r.date.clone(),
                confidence: ((r.confidence * 0.7 * view.lex.cues[cue].weight).max(MIN_CONFIDENCE) * 1000.0).round()
                    / 1000.0,
                rule: "rival".to_string(),
                cue: view.text(c).to_string(),
                cue_span: view.items[c].span,
                evidence: r.evidence,
                seller: None,
            });
        }
    }
    out
}

/// `X stapt op als topman van Z. Hij wordt opgevolgd door Y.`, `… Y replaces him`: a
/// sentence with a succession cue and no role of its own gives its one other named person
/// the role stated in the two sentences before (the latest `ceo_of` or `executive_of`
/// there), when that role's holder is not the person (rule `succession.context`, 0.7 of
/// that role's confidence).
fn succession_from_context(view: &View, before: &[Relation], here: &[Relation]) -> Vec<Relation> {
    let analysis = view.analysis;
    let Some(c) = (0..view.len()).find(|&i| view.is(i, lexicon::Frame::Succession)) else { return Vec::new() };
    if here.iter().any(|r| r.kind.is_role()) || view.sentence == 0 {
        return Vec::new();
    }
    let from = analysis.sentences[view.sentence.saturating_sub(2)].span.start;
    let Some(role) = before
        .iter()
        .rev()
        .find(|r| matches!(r.kind, RelationType::CeoOf | RelationType::ExecutiveOf) && r.evidence.start >= from)
    else {
        return Vec::new();
    };
    let mut persons: Vec<usize> = (0..view.len())
        .filter_map(|i| view.entity(i))
        .filter(|&e| analysis.entities[e].kind == EntityKind::Person && e != role.subject)
        .collect();
    persons.dedup();
    let [successor] = persons[..] else { return Vec::new() };
    if before.iter().any(|r| r.kind.is_role() && r.subject == successor && r.object == role.object) {
        return Vec::new();
    }
    vec![Relation {
        kind: role.kind,
        subject: successor,
        object: role.object,
        status: None,
        amount: None,
        date: role.date.clone(),
        confidence: ((role.confidence * 0.7).max(MIN_CONFIDENCE) * 1000.0).round() / 1000.0,
        rule: "succession.context".to_string(),
        cue: view.text(c).to_string(),
        cue_span: view.items[c].span,
        evidence: analysis.sentences[view.sentence].span,
        seller: None,
    }]
}

/// Organisations named by an acronym in brackets right after a person: `Anna Huber
/// (ÖVP)`.
fn parties(analysis: &Analysis) -> Vec<usize> {
    let text = analysis.text.as_str();
    let mut out = Vec::new();
    for pair in analysis.mentions.windows(2) {
        let (person, org) = (&pair[0], &pair[1]);
        let kinds = analysis.entities.get(person.entity).map(|e| e.kind) == Some(EntityKind::Person)
            && analysis.entities.get(org.entity).map(|e| e.kind) == Some(EntityKind::Organization);
        let bracketed = text.get(person.span.end..org.span.start) == Some(" (")
            && text.get(org.span.end..).is_some_and(|rest| rest.starts_with(')'))
            && text.get(org.span.start..org.span.end).is_some_and(crate::text::words::is_all_caps);
        if kinds && bracketed && !out.contains(&org.entity) {
            out.push(org.entity);
        }
    }
    out
}

/// True when a name that is also a relation cue (`Allianz`, `Partner`) is used as the
/// cue: after a possessive (`seine Allianz`) or before one of the cue's object
/// prepositions (`Allianz mit`).
fn used_as_cue(lex: &Lexicon, folded: &str, cm: &lexicon::CueMatch) -> bool {
    let before = folded[..cm.span.start].trim_end();
    let prev = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let after = folded[cm.span.end..].trim_start();
    let next = after.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let relation_cues = || cm.cues.iter().map(|&c| &lex.cues[c]).filter(|c| c.frame.is_relation());
    relation_cues().next().is_some()
        && (lex.has(prev, lexicon::Frame::Possessive)
            || relation_cues().any(|c| !next.is_empty() && c.object_preps.iter().any(|p| p == next)))
}

/// Entity kinds a relation accepts as subject and object.
pub(crate) fn slot_kinds(kind: RelationType) -> (&'static [EntityKind], &'static [EntityKind]) {
    const ORG: &[EntityKind] = &[EntityKind::Organization];
    const PERSON: &[EntityKind] = &[EntityKind::Person];
    const ANY: &[EntityKind] = &[EntityKind::Organization, EntityKind::Person];
    match kind {
        RelationType::Acquisition | RelationType::Investment => (ANY, ORG),
        RelationType::Merger | RelationType::Partnership => (ORG, ORG),
        RelationType::Lawsuit => (ANY, ANY),
        RelationType::CeoOf | RelationType::FounderOf | RelationType::ExecutiveOf => (PERSON, ORG),
    }
}

/// The entity of an argument: named, or resolved through coreference (`true`).
fn resolve_arg(view: &View, arg: Arg, slot: &[EntityKind], exclude: &[usize]) -> Option<(usize, bool)> {
    match arg.via {
        Via::Direct | Via::Relative => view.entity(arg.item).map(|e| (e, false)),
        Via::Coref(item) => {
            let referent = view.referent(item).unwrap_or(Referent::Any);
            let pos = view.items[item].span.start;
            let is_prep = |w: &str| view.lex.has(w, lexicon::Frame::Prep);
            let is_conj = |w: &str| view.lex.has(w, lexicon::Frame::Conj);
            // `after`: a noun after the name (`an X filing`), a row with object `-`.
            let is_recipient = |w: &str, after: bool| {
                view.lex.forms.get(w).is_some_and(|cues| {
                    cues.iter().map(|&c| &view.lex.cues[c]).any(|c| {
                        c.frame == lexicon::Frame::Recipient && (!after || c.object_preps.iter().any(|p| p == "-"))
                    })
                })
            };
            coref::resolve(view.analysis, &coref::Words { is_prep: &is_prep, is_recipient: &is_recipient, is_conj: &is_conj }, view.sentence, pos, referent, slot, exclude).map(|e| (e, true))
        }
    }
}

/// A chief executive named with a title glued to the company (`Siemens-Chef X will Y
/// übernehmen`, `VW-CEO X kündigte eine Partnerschaft mit Y an`) acts for the company in a
/// deal: the company is the subject (not in lawsuits, where people sue in person). In a
/// merger or partnership any manager does (`X-Managerin Y lobt die Partnerschaft mit Z`).
fn company_of_chief(view: &View, cand: &Candidate, kind: RelationType, subject: usize) -> Option<usize> {
    if !matches!(kind, RelationType::Acquisition | RelationType::Investment | RelationType::Merger | RelationType::Partnership)
        || cand.subject.via != Via::Direct
        || view.analysis.entities[subject].kind != EntityKind::Person
    {
        return None;
    }
    let item = cand.subject.item;
    let title = item.checked_sub(1)?;
    // Parties of a merger or partnership are companies: any manager speaks for one.
    let symmetric = matches!(kind, RelationType::Merger | RelationType::Partnership);
    let chief = view.cues(title).iter().any(|&(c, _)| {
        let cue = &view.lex.cues[c];
        cue.frame == lexicon::Frame::Title
            && (cue.kind == Some(RelationType::CeoOf) || (symmetric && cue.kind.is_some_and(|k| k.is_role())))
    });
    if !chief {
        return None;
    }
    let org = view.compound_before(title)?;
    view.entity(org.item).filter(|&e| view.analysis.entities[e].kind == EntityKind::Organization)
}

/// How much a (discovered) entity can be trusted as an argument.
fn entity_factor(analysis: &Analysis, e: usize) -> f32 {
    let info = &analysis.entities[e];
    match info.source {
        EntitySource::Gazetteer => 1.0,
        EntitySource::Discovered => 0.6 + 0.4 * info.confidence.clamp(0.0, 1.0),
    }
}

/// Turns a candidate into a relation: coreference, type constraints, status, amount,
/// date and confidence.
/// The organisation of the latest role (`ceo_of`, `executive_of`, `founder_of`) of
/// entity `e` among the relations `known` so far, when `e` is a person; else `e`.
fn company_of_person(analysis: &Analysis, known: &[Relation], e: usize) -> usize {
    if analysis.entities[e].kind != EntityKind::Person {
        return e;
    }
    known.iter().rev().find(|r| r.kind.is_role() && r.subject == e).map_or(e, |r| r.object)
}

fn build(
    view: &View,
    cand: &Candidate,
    tail: Option<usize>,
    amounts: &[amount::Found],
    focus: Option<usize>,
    known: &[Relation],
) -> Option<Relation> {
    let analysis = view.analysis;
    let lex = view.lex;
    let cue = &lex.cues[cand.cue];
    let kind = cand.kind;
    let (subject_slot, object_slot) = slot_kinds(kind);
    let direct = |a: &Arg| matches!(a.via, Via::Direct | Via::Relative).then(|| view.entity(a.item)).flatten();
    let object_direct = cand.context_object.or_else(|| direct(&cand.object));
    let (subject, s_coref) =
        resolve_arg(view, cand.subject, subject_slot, &object_direct.into_iter().collect::<Vec<_>>())?;
    // In a sale story a company noun in the target slot stands for the company in play.
    // So is the owner of a bare title in it (`onder de nieuwe eigenaar X`).
    let play = match (cand.context_object, cand.object.via) {
        (Some(_), _) => focus::in_context(kind, subject, focus),
        (None, Via::Coref(item)) => focus::in_play(view, item, kind, subject, focus),
        _ => None,
    };
    let (object, o_coref) = match (cand.context_object, play) {
        (_, Some(e)) => (e, cand.context_object.is_none()),
        (Some(e), None) => (e, false),
        (None, None) => resolve_arg(view, cand.object, object_slot, &[subject])?,
    };
    // A person who `leads` or `leitet` something named only by a noun (`das Blatt`, `the
    // company` of a sports story) is too loose a role: a verb of leading needs the name.
    if matches!(kind, RelationType::CeoOf | RelationType::ExecutiveOf) && cue.frame == lexicon::Frame::Verb && o_coref {
        return None;
    }
    // Both sides by anaphora is too loose (`they want to acquire us`).
    // (Not so the company in play: a sale story names it.)
    if subject == object || (s_coref && o_coref && cand.rule != "nominal.possessive" && play.is_none()) {
        return None;
    }
    let subject = company_of_chief(view, cand, kind, subject).unwrap_or(subject);
    // Parties of a merger or partnership are companies: a person named as one acts for
    // the company the document already gave them a role at (`X, directeur van Y, zocht
    // samenwerking met Z`).
    let (subject, object) = if matches!(kind, RelationType::Merger | RelationType::Partnership) {
        (company_of_person(analysis, known, subject), company_of_person(analysis, known, object))
    } else {
        (subject, object)
    };
    if subject == object {
        return None;
    }
    if !subject_slot.contains(&analysis.entities[subject].kind)
        || !object_slot.contains(&analysis.entities[object].kind)
    {
        return None;
    }
    let status = match status::resolve(view, cand.cue_item, cue, kind) {
        Outcome::Keep(s) => s,
        Outcome::Drop => return None,
    };
    let seller = cand
        .seller
        .and_then(|a| resolve_arg(view, a, &[EntityKind::Organization, EntityKind::Person], &[subject, object]))
        .map(|(e, _)| e)
        .filter(|&e| e != subject && e != object);
    let cue_span = view.items[cand.cue_item].span;
    let amount = if kind.is_role() || kind == RelationType::Partnership {
        None
    } else {
        amounts
            .iter()
            .min_by_key(|a| {
                if a.span.start >= cue_span.end {
                    a.span.start - cue_span.end
                } else {
                    cue_span.start.saturating_sub(a.span.end)
                }
            })
            .map(|a| a.amount.clone())
    };
    let date = date::relation_date(view, cand.cue_item, analysis.date.as_deref());
    // Confidence: the cue's prior, the rule's factor, distance, coreference and how
    // sure we are of the entities.
    let dist = cand.subject.dist.max(if cand.context_object.is_some() { 0 } else { cand.object.dist });
    let dist_factor = if dist <= 3 { 1.0 } else { (1.0 - 0.025 * (dist - 3) as f32).max(0.6) };
    let coref_factor = [s_coref, o_coref].iter().filter(|&&c| c).fold(1.0, |f, _| f * 0.75);
    let mut confidence = cue.weight
        * cand.factor
        * dist_factor
        * coref_factor
        * entity_factor(analysis, subject)
        * entity_factor(analysis, object);
    confidence = (confidence.clamp(0.01, 0.99) * 1000.0).round() / 1000.0;
    if confidence < MIN_CONFIDENCE {
        return None;
    }
    let mut cue_text = analysis.text[cue_span.start..cue_span.end].to_string();
    if let Some(t) = tail {
        cue_text.push_str(" … ");
        cue_text.push_str(view.text(t));
    }
    let mut rule = cand.rule.to_string();
    if s_coref || o_coref {
        rule.push_str("+coref");
    }
    if play.is_some() {
        rule.push_str("+in_play");
    }
    Some(Relation {
        kind,
        subject,
        object,
        status,
        amount,
        date,
        confidence,
        rule,
        cue: cue_text,
        cue_span,
        evidence: analysis.sentences[view.sentence].span,
        seller,
    })
}

/// Merges duplicates (same type, subject, object and status; either order for symmetric
/// types) keeping the most confident, the first on ties; drops `executive_of` where the
/// same person is `ceo_of` the same organisation; orders by evidence, type, subject,
/// object.
fn finish(relations: Vec<Relation>) -> Vec<Relation> {
    let key = |r: &Relation| {
        let (s, o) = if r.kind.is_symmetric() {
            (r.subject.min(r.object), r.subject.max(r.object))
        } else {
            (r.subject, r.object)
        };
        (r.kind, s, o, r.status)
    };
    let mut best: HashMap<_, usize> = HashMap::new();
    let mut kept: Vec<Relation> = Vec::new();
    for r in relations {
        match best.get(&key(&r)) {
            Some(&i) => {
                if r.confidence > kept[i].confidence {
                    kept[i] = r;
                }
            }
            None => {
                best.insert(key(&r), kept.len());
                kept.push(r);
            }
        }
    }
    let ceo: std::collections::HashSet<(usize, usize)> =
        kept.iter().filter(|r| r.kind == RelationType::CeoOf).map(|r| (r.subject, r.object)).collect();
    kept.retain(|r| !(r.kind == RelationType::ExecutiveOf && ceo.contains(&(r.subject, r.object))));
    // One chief per organisation: a chief whose organisation was only guessed from the
    // context (`Konzernchef X` with no organisation in the sentence) is not the chief of
    // one that the document names another chief of (`Brixa-Chef Y`).
    let named_chiefs: Vec<(usize, usize)> = kept
        .iter()
        .filter(|r| r.kind == RelationType::CeoOf && !r.rule.starts_with("title.context") && r.rule != "succession.context")
        .map(|r| (r.subject, r.object))
        .collect();
    kept.retain(|r| {
        !(r.kind == RelationType::CeoOf
            && r.rule.starts_with("title.context")
            && named_chiefs.iter().any(|&(s, o)| o == r.object && s != r.subject))
    });
    kept.sort_by(|a, b| {
        (a.evidence.start, a.kind, a.subject, a.object).cmp(&(b.evidence.start, b.kind, b.subject, b.object))
    });
    kept
}

#[cfg(test)]
mod tests;
