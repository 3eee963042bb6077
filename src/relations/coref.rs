//! Simple coreference: a pronoun (`hij`, `er`, `he`, `it`), an anaphoric noun phrase
//! (`het bedrijf`, `das Unternehmen`, `the company`) or a possessive (`zijn`, `seine`,
//! `its`) stands for the last fitting entity before it in the paragraph.
//!
//! "Fitting" means: of the kind the word can refer to (organisation for company nouns
//! and `it`, person for `he`/`hij`, either for `er`/`sie`/`zijn`), of a kind the relation
//! slot accepts, and not the other argument of the same relation. Organisation nouns may
//! reach back into the previous paragraph (a news paragraph often opens with `Het
//! bedrijf …`); pronouns stay in their paragraph.

use crate::model::{Analysis, EntityKind};
use crate::relations::lexicon::Referent;

/// The entity that the word at byte `pos` of sentence `sentence` refers to.
pub fn resolve(
    analysis: &Analysis,
    sentence: usize,
    pos: usize,
    referent: Referent,
    slot: &[EntityKind],
    exclude: &[usize],
) -> Option<usize> {
    let paragraph = analysis.sentences.get(sentence)?.paragraph;
    let min_paragraph = if referent == Referent::Organization { paragraph.saturating_sub(1) } else { paragraph };
    // The first sentence of the allowed paragraphs.
    let mut first = sentence;
    while first > 0 && analysis.sentences[first - 1].paragraph >= min_paragraph {
        first -= 1;
    }
    let from = analysis.sentences[first].span.start;
    let text = analysis.text.as_str();
    analysis
        .mentions
        .iter()
        .rev()
        .filter(|m| m.span.end <= pos && m.span.start >= from)
        .filter(|m| {
            // A compound modifier (`Twitter-account`) is not a referent.
            let after = &text[m.span.end..];
            !(after.starts_with('-') && after[1..].starts_with(char::is_alphanumeric))
        })
        .map(|m| m.entity)
        .find(|&e| {
            let kind = analysis.entities[e].kind;
            referent.fits(kind) && slot.contains(&kind) && !exclude.contains(&e)
        })
}
