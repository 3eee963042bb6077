//! Status from modality: the cue's own status (`kocht` completed, `bod` pursuing), the
//! modality cues around it (`overweegt`, `agreed to`, `zog zurück`) and negation.
//!
//! Order of precedence, all within the cue's clause window:
//! 1. a negation right before the cue, its modality, or right after the cue drops the
//!    relation (`X heeft Y niet overgenomen`, `X will not buy Y`, `kein Angebot`);
//! 2. an `abandoned` modality anywhere in the window wins (`tried to buy Y but lost`);
//! 3. a modality (or a relation cue with a status, `bid to acquire`) just before the cue
//!    wins (`wil overnemen`, `agreed to acquire`, `in talks to buy`), or just after it in
//!    verb-final order (`übernehmen will`);
//! 4. a weak cue status (`~agreed` in the CSV) or none yields to the nearest modality;
//! 5. otherwise the cue's status, else the type's default.
//!
//! The status is then mapped onto the statuses valid for the type: a lawsuit that is
//! `pursuing` is `threatened`, a `completed` one `filed`, an `abandoned` one `resolved`.

use crate::model::{RelationType, Status};
use crate::relations::lexicon::{Cue, Frame};
use crate::relations::sentence::View;

/// Items before a cue in which a modality counts as "just before".
const NEAR_BEFORE: usize = 5;
/// Items after a cue in which a modality counts as "just after" (verb-final order).
const NEAR_AFTER: usize = 2;
/// Items either side in which any modality may apply.
const CLAUSE: usize = 12;
/// Items before (and after) a cue in which a negation applies.
const NEGATION_BEFORE: usize = 4;
const NEGATION_AFTER: usize = 3;

/// What modality makes of a relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Keep it with this status (None for types without status).
    Keep(Option<Status>),
    /// Negated or not a valid status for the type: drop it.
    Drop,
}

/// The status cues around item `c`, with their item index and cue.
fn modalities<'v>(view: &'v View, c: usize, kind: RelationType, frame: Frame) -> Vec<(usize, &'v Cue)> {
    let lo = c.saturating_sub(CLAUSE);
    let hi = (c + CLAUSE + 1).min(view.len());
    let mut out = Vec::new();
    for j in lo..hi {
        if j == c {
            continue;
        }
        if is_month_name(view, j) {
            continue;
        }
        for &(k, _) in view.cues(j) {
            let cue = &view.lex.cues[k];
            let applies = cue.kind.is_none_or(|t| t == kind);
            let is_modality = cue.frame == Frame::Modality && applies;
            // A relation cue of the same type with its own strong status (`bid`,
            // `Angebot`) acts as the modality of a verb right after it (`bid to acquire`).
            // (A sale verb only for a sale: in `X gab ein Gebot für Y ab` the bid is made,
            // not sold.)
            let is_status_cue = cue.frame.is_relation()
                && (cue.frame != Frame::Sale || frame == Frame::Sale)
                && cue.kind == Some(kind)
                && cue.status.is_some_and(|s| !s.weak)
                && j < c;
            if is_modality || is_status_cue {
                out.push((j, cue));
                break;
            }
        }
    }
    out
}

/// A word that is both a month and a modal (`May`, `may`) is the month when it is
/// capitalised inside the sentence or next to a number.
fn is_month_name(view: &View, j: usize) -> bool {
    if !view.is(j, Frame::Month) {
        return false;
    }
    let number = |k: usize| view.items.get(k).is_some_and(|it| it.folded.starts_with(|c: char| c.is_ascii_digit()));
    let capitalised =
        j > 0 && view.text(j).starts_with(char::is_uppercase) && !crate::text::words::is_all_caps(view.text(j));
    capitalised || number(j + 1) || j.checked_sub(1).is_some_and(number)
}

/// True when no clause barrier lies between items `a` and `b`.
fn same_clause(view: &View, a: usize, b: usize) -> bool {
    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
    !(lo + 1..hi).any(|j| view.is_barrier(j) && view.punct(j).is_some())
}

fn negated(view: &View, c: usize, near_modality: Option<usize>) -> bool {
    let near = |anchor: usize| {
        let lo = anchor.saturating_sub(NEGATION_BEFORE);
        (lo..anchor).any(|j| view.is(j, Frame::Negation) && same_clause(view, j, anchor))
    };
    if near(c) || near_modality.is_some_and(near) {
        return true;
    }
    // `X übernimmt Y nicht`, `X koopt Y niet`: after the cue, before anything else.
    let hi = (c + 1 + NEGATION_AFTER).min(view.len());
    (c + 1..hi)
        .take_while(|&j| !view.is_barrier(j) && view.punct(j).is_none_or(|p| p == '-'))
        .any(|j| view.is(j, Frame::Negation))
}

/// The outcome for a relation of type `kind` stated by cue `cue` at item `c`.
pub fn resolve(view: &View, c: usize, cue: &Cue, kind: RelationType) -> Outcome {
    let mods = modalities(view, c, kind, cue.frame);
    // A cue with a status of its own (`bod`, `bid`) keeps it against a modality of the
    // clause above (`X maakte bekend dat het een bod op Y overweegt`: announcing a bid
    // does not make the deal agreed).
    let own_strong = cue.status.is_some_and(|s| !s.weak);
    let subordinate = |j: usize| (j + 1..c).any(|k| view.is(k, Frame::Relative) || view.is(k, Frame::Clause));
    let near_before = mods
        .iter()
        .filter(|(j, _)| *j < c && c - j <= NEAR_BEFORE && same_clause(view, *j, c))
        .filter(|(j, _)| !(own_strong && subordinate(*j)))
        .max_by_key(|(j, _)| *j)
        .copied();
    if negated(view, c, near_before.map(|(j, _)| j)) {
        return Outcome::Drop;
    }
    let status_of = |m: &Cue| m.status.map(|s| s.status);
    // `X might try to acquire Y, but X says it is not interested`: a denial after a
    // contrast word takes the attempt back.
    let denied = mods.iter().any(|&(j, m)| {
        j > c
            && m.frame == Frame::Modality
            && status_of(m) == Some(Status::Pursuing)
            && (c + 1..j).any(|k| view.is(k, Frame::Clause))
            && (j.saturating_sub(NEGATION_BEFORE)..j).any(|k| view.is(k, Frame::Negation) && same_clause(view, k, j))
    });
    if denied {
        return Outcome::Drop;
    }
    // `abandoned` reaches across a comma only after a contrast word (`tried to buy Y,
    // but lost to Z`), so that `X buys Y, drops Z` keeps its own status.
    let reaches = |j: usize| {
        let (lo, hi) = if j < c { (j, c) } else { (c, j) };
        let comma = (lo + 1..hi).any(|k| view.punct(k) == Some(','));
        let contrast = j > c && (c + 1..j).any(|k| view.is(k, Frame::Clause));
        same_clause(view, j, c) && (!comma || contrast)
    };
    // (So does a cue that states the end itself: `nicht mehr an Y interessiert`, `lost the
    // battle for Y`, whatever modality its own words carry.)
    let abandoned =
        mods.iter().any(|(j, m)| m.frame == Frame::Modality && status_of(m) == Some(Status::Abandoned) && reaches(*j))
            || cue.status.is_some_and(|s| !s.weak && s.status == Status::Abandoned);
    let status = if abandoned {
        Some(Status::Abandoned)
    } else if let Some((_, m)) = near_before {
        status_of(m)
    } else if let Some((_, m)) = mods
        .iter()
        .filter(|_| matches!(cue.frame, Frame::Verb | Frame::Participle | Frame::Sale))
        .filter(|(j, m)| *j > c && j - c <= NEAR_AFTER && m.frame == Frame::Modality)
        .min_by_key(|(j, _)| *j)
    {
        status_of(m)
    } else if cue.status.is_none_or(|s| s.weak) {
        // A modality before the cue counts up to a comma (`X has withdrawn its offer for
        // Y, enabling Y to merge with Z`).
        let comma_between = |j: usize| j < c && (j + 1..c).any(|k| view.punct(k) == Some(','));
        mods.iter()
            .filter(|(j, m)| m.frame == Frame::Modality && same_clause(view, *j, c) && !comma_between(*j))
            .min_by_key(|(j, _)| j.abs_diff(c))
            .and_then(|(_, m)| status_of(m))
            .or(cue.status.map(|s| s.status))
    } else {
        cue.status.map(|s| s.status)
    };
    fit(kind, status.unwrap_or(default_status(kind)))
}

/// The status a type has when nothing says otherwise.
fn default_status(kind: RelationType) -> Status {
    match kind {
        RelationType::Merger => Status::Agreed,
        RelationType::Lawsuit => Status::Filed,
        _ => Status::Completed,
    }
}

/// Maps a status onto those valid for `kind`.
pub fn fit(kind: RelationType, status: Status) -> Outcome {
    let valid = Status::valid_for(kind);
    if valid.is_empty() {
        return Outcome::Keep(None);
    }
    if valid.contains(&status) {
        return Outcome::Keep(Some(status));
    }
    let mapped = match (kind, status) {
        (RelationType::Lawsuit, Status::Pursuing | Status::Agreed) => Some(Status::Threatened),
        (RelationType::Lawsuit, Status::Completed) => Some(Status::Filed),
        (RelationType::Lawsuit, Status::Abandoned) => Some(Status::Resolved),
        (RelationType::Acquisition | RelationType::Merger, Status::Threatened | Status::Filed) => {
            Some(Status::Pursuing)
        }
        (RelationType::Acquisition | RelationType::Merger, Status::Resolved) => Some(Status::Completed),
        (RelationType::Investment, Status::Agreed | Status::Resolved) => Some(Status::Completed),
        (RelationType::Investment, Status::Threatened | Status::Filed) => Some(Status::Pursuing),
        _ => None,
    };
    match mapped {
        Some(s) => Outcome::Keep(Some(s)),
        None => Outcome::Drop,
    }
}

/// True when the sentence of `view` only tells that the deal of the sentence before
/// (type `kind`, between `parties`) ended: it opens with an anaphor (`Het`, `It`, `Die
/// Übernahme`, `The deal`, `Die Gespräche`: a coref word, a cue of the same type or a
/// `pursuing` modality within its first three items), names no one else, and has an
/// `abandoned` modality that no negation precedes (`Het werd uiteindelijk gesmoord`, `The
/// deal collapsed`, `Die Gespräche scheiterten`).
pub fn follow_up_abandoned(view: &View, kind: RelationType, parties: &[usize]) -> bool {
    let opens = (0..view.len().min(3)).any(|j| {
        view.is(j, Frame::Coref)
            || view.cues(j).iter().any(|&(c, _)| {
                let cue = &view.lex.cues[c];
                (cue.frame.is_relation() && cue.kind == Some(kind))
                    || (cue.frame == Frame::Modality && cue.status.is_some_and(|s| s.status == Status::Pursuing))
            })
    });
    let others = (0..view.len()).any(|j| view.entity(j).is_some_and(|e| !parties.contains(&e)));
    if !opens || others {
        return false;
    }
    (0..view.len()).any(|j| {
        let abandoned = view.cues(j).iter().any(|&(c, _)| {
            let cue = &view.lex.cues[c];
            cue.frame == Frame::Modality
                && cue.kind.is_none_or(|t| t == kind)
                && cue.status.is_some_and(|s| s.status == Status::Abandoned)
        });
        abandoned && !negated(view, j, None)
    })
}
