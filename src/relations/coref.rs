//! Simple coreference: a pronoun (`hij`, `er`, `he`, `it`), an anaphoric noun phrase
//! (`het bedrijf`, `das Unternehmen`, `the company`) or a possessive (`zijn`, `seine`,
//! `its`) stands for the last fitting entity before it in the paragraph.
//!
//! "Fitting" means: of the kind the word can refer to (organisation for company nouns
//! and `it`, person for `he`/`hij`, either for `er`/`sie`/`zijn`), of a kind the relation
//! slot accepts, and not the other argument of the same relation. Organisation nouns may
//! reach back three sentences beyond their paragraph (news paragraphs are short and
//! often open with `Het bedrijf …`); pronouns stay in their paragraph. Among the
//! candidates of the pronoun's sentence and the one before, a subject-like one (not
//! after a preposition, not a genitive) wins over a nearer one.

use crate::model::{Analysis, EntityKind};
use crate::relations::lexicon::Referent;

/// The entity that the word at byte `pos` of sentence `sentence` refers to.
/// The word classes of the lexicon that coreference looks up.
pub struct Words<'a> {
    /// A preposition (folded).
    pub is_prep: &'a dyn Fn(&str) -> bool,
    /// A `recipient` phrase (folded); `true`: only a noun that follows the name.
    pub is_recipient: &'a dyn Fn(&str, bool) -> bool,
    /// A coordinating word (folded).
    pub is_conj: &'a dyn Fn(&str) -> bool,
}

pub fn resolve(
    analysis: &Analysis,
    words: &Words<'_>,
    sentence: usize,
    pos: usize,
    referent: Referent,
    slot: &[EntityKind],
    exclude: &[usize],
) -> Option<usize> {
    let (lex_preps, lex_recipient) = (words.is_prep, words.is_recipient);
    if referent == Referent::Speaker {
        return crate::relations::context::speaker_org(analysis, pos, exclude)
            .filter(|_| slot.contains(&EntityKind::Organization));
    }
    let paragraph = analysis.sentences.get(sentence)?.paragraph;
    // The paragraph; organisation nouns also reach the three sentences before it.
    let mut first = sentence;
    while first > 0 && analysis.sentences[first - 1].paragraph >= paragraph {
        first -= 1;
    }
    if matches!(referent, Referent::Organization | Referent::Latest) {
        first = first.min(sentence.saturating_sub(3));
    }
    let from = analysis.sentences[first].span.start;
    let text = analysis.text.as_str();
    // The addressees of a filing or statement in reach (`X told the SEC (SEC) it …`, `…
    // with the SEC. It also said …`) are out, unless named otherwise in the word's own
    // sentence (`The SEC said it …`).
    let own_start = analysis.sentences[sentence].span.start;
    let in_reach = || analysis.mentions.iter().filter(|m| m.span.start >= from && m.span.end <= pos);
    let recipient = |m: &&crate::model::Mention| is_recipient(analysis, lex_recipient, m.span.start, m.span.end);
    let bracketed = |m: &&crate::model::Mention| text[..m.span.start].trim_end().ends_with('(');
    let named_here: Vec<usize> = in_reach()
        .filter(|m| m.span.start >= own_start && !recipient(m) && !bracketed(m))
        .map(|m| m.entity)
        .collect();
    let recipients: Vec<usize> =
        in_reach().filter(|m| recipient(m)).map(|m| m.entity).filter(|e| !named_here.contains(e)).collect();
    let candidates = analysis
        .mentions
        .iter()
        .rev()
        .filter(|m| m.span.end <= pos && m.span.start >= from)
        .filter(|m| {
            // A compound modifier (`Twitter-account`) is not a referent.
            let after = &text[m.span.end..];
            let modifier = after.starts_with('-') && after[1..].starts_with(char::is_alphanumeric);
            // A personal pronoun rarely stands for a genitive (`Twitter's users … his`).
            let genitive = referent != Referent::Organization
                && (after.starts_with("'s")
                    || (after.starts_with('s') && !after[1..].starts_with(char::is_alphanumeric)));
            !modifier && !genitive
        })
        .filter(|m| {
            let kind = analysis.entities[m.entity].kind;
            referent.fits(kind) && slot.contains(&kind) && !exclude.contains(&m.entity)
        })
        .filter(|m| !recipients.contains(&m.entity));
    // Prefer a subject-like antecedent (not after a preposition, not a genitive) in the
    // pronoun's sentence or the one before; else the nearest fitting one.
    let near_from = analysis.sentences[sentence.saturating_sub(1)].span.start.max(from);
    let mut candidates = candidates.peekable();
    if referent == Referent::Latest {
        return candidates.next().map(|m| m.entity);
    }
    // `X and its chairman`, `X, its chairman`: the name coordinated right before.
    if let Some(m) = candidates.peek() {
        let gap = text[m.span.end..pos].trim();
        let gap = gap.strip_prefix(',').map_or(gap, str::trim);
        if gap.is_empty() || (words.is_conj)(&crate::text::fold_case(gap)) {
            return Some(m.entity);
        }
    }
    // `het bedrijf`, `die Kette`, `it` in an article about one company: that company,
    // when it is named in reach, unless a subject-like organisation of the word's own
    // sentence comes first (`BP said it planned …`).
    if referent == Referent::Organization && slot.contains(&EntityKind::Organization) {
        let own = analysis.sentences[sentence].span.start;
        let local = analysis
            .mentions
            .iter()
            .rev()
            .filter(|m| m.span.end <= pos && m.span.start >= own)
            .filter(|m| analysis.entities[m.entity].kind == EntityKind::Organization && !exclude.contains(&m.entity))
            .filter(|m| !recipients.contains(&m.entity))
            .find(|m| !in_phrase(analysis, lex_preps, m.span.start) && !is_genitive_at(text, m.span.end));
        if let Some(m) = local {
            return Some(m.entity);
        }
        // An anaphor before any name of its sentence continues the subject of the sentence
        // before in the paragraph, when that sentence opens with an organisation (`X
        // offered to buy Y. It also said …`): that one, not the article's main company.
        if let Some(m) = opening_subject(analysis, sentence, pos).filter(|m| !exclude.contains(m) && !recipients.contains(m)) {
            return Some(m);
        }
        if let Some(d) = crate::relations::context::dominant_org(analysis, from, pos).filter(|d| !exclude.contains(d)) {
            return Some(d);
        }
    }
    let mut nearest = None;
    for m in candidates {
        if nearest.is_none() {
            nearest = Some(m.entity);
        }
        if m.span.start < near_from {
            break;
        }
        if !in_phrase(analysis, lex_preps, m.span.start) && !is_genitive_at(text, m.span.end) {
            return Some(m.entity);
        }
    }
    nearest
}

/// The last `n` words before byte `start`, nearest first, within the stretch of text since
/// the last punctuation mark (which closes a phrase); words are runs of alphanumerics and
/// hyphens.
fn words_before(analysis: &Analysis, start: usize, n: usize) -> Vec<&str> {
    let before = &analysis.text[..start];
    let cut = before.rfind([':', ';', ',', '.', '!', '?', '(', ')', '"', '\u{201c}', '\u{201d}']).map_or(0, |i| i + 1);
    before[cut..].split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).rev().take(n).collect()
}

/// True when the word before `start` (skipping up to two lower-case words: articles,
/// adjectives; three when the middle one is an inflected adjective: `onder de nieuwe
/// eigenaar X`, `voor het sociale netwerk X`) is a preposition, within the same stretch
/// of text without punctuation.
pub(crate) fn in_phrase(analysis: &Analysis, is_prep: &dyn Fn(&str) -> bool, start: usize) -> bool {
    // Punctuation closes a phrase (`onder ons: X`, `van de bank, X`).
    let words = words_before(analysis, start, 4);
    for (i, w) in words.iter().enumerate() {
        let folded = crate::text::fold_case(w);
        if is_prep(&folded) {
            // Three words in between only as article, inflected adjective and noun
            // (`onder de nieuwe eigenaar X`, `mit dem neuen Partner X`), not `in the suit
            // are X`, `in de zaak staat X`.
            return i < 3 || words.get(1).is_some_and(|adj| adj.ends_with('e') || adj.ends_with("en"));
        }
        if w.chars().next().is_some_and(|c| c.is_uppercase()) {
            return false;
        }
    }
    false
}

/// True when the mention at `start..end` is the addressee of a filing or statement: one
/// or two words before it (after at most one lower-case word: `the`, `a`) form a
/// `recipient` phrase (`told the X`, `filing with the X`), or the word right after it is a
/// `recipient` noun (object `-`: `an X filing`), within the same stretch of text without
/// punctuation.
pub(crate) fn is_recipient(analysis: &Analysis, is_recipient: &dyn Fn(&str, bool) -> bool, start: usize, end: usize) -> bool {
    let words = words_before(analysis, start, 3);
    let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    let fold = crate::text::fold_case;
    for skip in 0..2 {
        if skip == 1 && !words.first().is_some_and(|w| lower(w)) {
            break;
        }
        let Some(one) = words.get(skip).map(|w| fold(w)) else { break };
        if is_recipient(&one, false) {
            return true;
        }
        if let Some(two) = words.get(skip + 1).map(|w| fold(w)) {
            if is_recipient(&format!("{two} {one}"), false) {
                return true;
            }
        }
    }
    let after = analysis.text[end..].trim_start_matches([' ', '\n', '(', ')']);
    let next: String = after.chars().take_while(|c| c.is_alphanumeric() || *c == '-').collect();
    !next.is_empty() && is_recipient(&crate::text::fold_case(&next), true)
}

fn is_genitive_at(text: &str, end: usize) -> bool {
    let after = &text[end..];
    after.starts_with("'s") || (after.starts_with('s') && !after[1..].starts_with(char::is_alphanumeric))
}

/// The organisation that opens sentence `sentence - 1` as its subject (not a genitive,
/// not glued to a hyphen), when no name stands before byte `pos` in sentence `sentence`
/// and both sentences are in one paragraph.
fn opening_subject(analysis: &Analysis, sentence: usize, pos: usize) -> Option<usize> {
    let text = analysis.text.as_str();
    let own = analysis.sentences.get(sentence)?;
    let prev = analysis.sentences.get(sentence.checked_sub(1)?)?;
    let named_before = analysis.mentions.iter().any(|m| m.span.start >= own.span.start && m.span.end <= pos);
    if prev.paragraph != own.paragraph || named_before {
        return None;
    }
    let first = analysis.mentions.iter().filter(|m| m.span.start >= prev.span.start && m.span.end <= prev.span.end).min_by_key(|m| m.span.start)?;
    let after = &text[first.span.end..];
    let glued = after.starts_with('-') || after.starts_with('/');
    (analysis.entities[first.entity].kind == EntityKind::Organization
        && opens(text, prev.span.start, first.span.start)
        && !is_genitive_at(text, first.span.end)
        && !glued)
        .then_some(first.entity)
}

/// Nothing but spaces and opening quotes between byte `start` and byte `pos`.
fn opens(text: &str, start: usize, pos: usize) -> bool {
    start <= pos && text.get(start..pos).is_some_and(|gap| gap.chars().all(|c| c.is_whitespace() || matches!(c, '"' | '\'' | '\u{201c}' | '\u{2018}')))
}
