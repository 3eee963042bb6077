//! The company in play: a sale story names the company for sale once (`X zoekt een koper
//! voor Y`, `Y steht zum Verkauf`, `X put Y up for sale`) and then speaks of the bids
//! for it with company nouns (`Z overweegt een bod op het bedrijf`, `W paid $1bn for the
//! company`). Nearest-antecedent coreference would give those nouns the seller, named
//! last; the story's topic is the company for sale.
//!
//! A `for_sale` row of the cue lexicon marks the target: the first name after the cue
//! through one of its `object` prepositions (`-` = a direct object, between the head and
//! the particle of a separable cue: `zet Y in de etalage`), else the nominative name
//! before it (`Y staat te koop`, `X sucht einen Käufer`: X sells itself). For the next
//! [`REACH`] sentences, a company noun or pronoun in the target slot of an acquisition or
//! investment stands for that company (unless it is the buyer itself).

use crate::model::{EntityKind, RelationType};
use crate::relations::lexicon::{Frame, Referent};
use crate::relations::sentence::{Via, View};

/// How many sentences after the sale cue its company stays in play.
pub const REACH: usize = 6;

/// The company put up for sale in the sentence of `view`, if a `for_sale` cue names one.
pub fn for_sale_target(view: &View) -> Option<usize> {
    let org = |e: usize| view.analysis.entities.get(e).is_some_and(|i| i.kind == EntityKind::Organization);
    for c in 0..view.len() {
        for &(cue_idx, tail) in view.cues(c) {
            let cue = &view.lex.cues[cue_idx];
            if cue.frame != Frame::ForSale {
                continue;
            }
            let end = tail.unwrap_or(view.len());
            let named = |a: &crate::relations::sentence::Arg| {
                (a.via == Via::Direct).then(|| view.entity(a.item)).flatten().filter(|&e| org(e))
            };
            let right = view.right_args(c, end, &|p| cue.allows_object_prep(p)).iter().find_map(named);
            let target = right.or_else(|| view.left_args(c, 1).iter().find_map(named));
            if target.is_some() {
                return target;
            }
        }
    }
    None
}

/// The company in play as the organisation a bare deal title takes from the context
/// (`de nieuwe eigenaar X`, `the new owner X`): rule `title.context`.
pub fn in_context(kind: RelationType, subject: usize, focus: Option<usize>) -> Option<usize> {
    focus.filter(|&t| t != subject && matches!(kind, RelationType::Acquisition | RelationType::Investment))
}

/// The company in play that the anaphor `item` stands for when it fills the target slot
/// of a relation of `kind` whose other side is `subject`.
pub fn in_play(view: &View, item: usize, kind: RelationType, subject: usize, focus: Option<usize>) -> Option<usize> {
    let target = in_context(kind, subject, focus)?;
    matches!(view.referent(item), Some(Referent::Organization | Referent::Any)).then_some(target)
}
