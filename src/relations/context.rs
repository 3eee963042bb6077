//! Document context for arguments a sentence leaves unsaid: the organisation the text is
//! talking about at a point (the one named most recently) and the organisation the
//! document is about (its topic: the one named most often).
//!
//! News text leaves an argument out when the reader knows it: `zegt directeur X` (of the
//! company just discussed), `De overname door X zorgt voor onrust` (of the article's
//! company), `Medeoprichter X heeft een belang van 30 procent` (in the company the
//! article is about). These helpers find that organisation; the rules that use them give
//! the relation a low confidence.

use crate::model::{Analysis, EntityKind};

/// Sentences before the current one in which the most recent organisation is looked for.
pub const RECENT_SENTENCES: usize = 3;
/// How far a context search may reach back within a paragraph.
pub const PARAGRAPH_SENTENCES: usize = 8;

/// Characters that open or close a quotation (Dutch papers write `,,…''`).
fn quote_marks(s: &str) -> usize {
    s.chars().filter(|c| matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}')).count()
        + s.matches(",,").count()
        + s.matches("''").count()
}

/// True when a quotation mark lies between byte positions `a` and `b` an odd number of
/// times: one is inside a quotation, the other outside (`"… reviewed X's offer," said
/// Chairman P`).
pub fn across_quote(text: &str, a: usize, b: usize) -> bool {
    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
    text.get(lo..hi).is_some_and(|s| quote_marks(s) % 2 == 1)
}

/// A mention glued to the next word with a hyphen (`Zielpunkt-Eigentümer`) or followed by
/// a genitive (`Waste's offer`): a modifier, not what the sentence is about.
fn modifier_or_genitive(text: &str, end: usize) -> bool {
    let after = &text[end..];
    (after.starts_with('-') && after[1..].starts_with(char::is_alphanumeric))
        || after.starts_with("'s")
        || (after.starts_with('\'') && text[..end].ends_with(['s', 'x', 'z']))
}

/// The first sentence of the stretch a context search may look at from `sentence`: its
/// paragraph, but at least `back` sentences (headlines and short news paragraphs).
pub fn stretch_start(analysis: &Analysis, sentence: usize, back: usize) -> usize {
    let paragraph = analysis.sentences[sentence].paragraph;
    let mut first = sentence;
    while first > 0 && analysis.sentences[first - 1].paragraph == paragraph {
        first -= 1;
    }
    first.min(sentence.saturating_sub(back))
}

/// The organisation the text names most recently before byte `pos` of sentence
/// `sentence`, looking back `back` sentences at most (and not beyond the paragraph when
/// `paragraph` is set). An organisation on the other side of a quotation mark does not
/// count (`"… reviewed X's offer. … tender to X," said Chairman P`), nor one after a
/// preposition in the sentence itself (`Invallen van de Fiod …, zegt topman P`), nor
/// modifiers and genitives.
pub fn recent_org(
    analysis: &Analysis,
    is_prep: &dyn Fn(&str) -> bool,
    sentence: usize,
    pos: usize,
    back: usize,
    paragraph: bool,
    exclude: &[usize],
) -> Option<usize> {
    let mut first = sentence.saturating_sub(back);
    if paragraph {
        first = first.max(stretch_start(analysis, sentence, 0));
    }
    let from = analysis.sentences.get(first)?.span.start;
    let own_start = analysis.sentences[sentence].span.start;
    let text = analysis.text.as_str();
    analysis
        .mentions
        .iter()
        .rev()
        .filter(|m| m.span.end <= pos && m.span.start >= from)
        .filter(|m| analysis.entities[m.entity].kind == EntityKind::Organization && !exclude.contains(&m.entity))
        .filter(|m| !modifier_or_genitive(text, m.span.end))
        .find(|m| {
            !across_quote(text, m.span.end, pos)
                && (m.span.start < own_start || !crate::relations::coref::in_phrase(analysis, is_prep, m.span.start))
        })
        .map(|m| m.entity)
}

/// The document's topic organisation: the one named most often (at least twice), the
/// first named on ties, provided it is named between byte `from` and byte `pos` (in the
/// paragraph: a digest of several stories has one topic per story).
pub fn topic_org(analysis: &Analysis, from: usize, pos: usize, exclude: &[usize]) -> Option<usize> {
    let mut count = vec![0usize; analysis.entities.len()];
    let mut first = vec![usize::MAX; analysis.entities.len()];
    let mut near = vec![false; analysis.entities.len()];
    for m in &analysis.mentions {
        count[m.entity] += 1;
        first[m.entity] = first[m.entity].min(m.span.start);
        near[m.entity] |= m.span.start >= from && m.span.end <= pos;
    }
    (0..analysis.entities.len())
        .filter(|&e| analysis.entities[e].kind == EntityKind::Organization && !exclude.contains(&e))
        .filter(|&e| count[e] >= 2 && near[e])
        .max_by(|&a, &b| count[a].cmp(&count[b]).then(first[b].cmp(&first[a])))
}

/// The organisation a document is plainly about: named at least twice, at least twice as
/// often as any other organisation, and between byte `from` and byte `pos`. Articles
/// about two parties (a bidder and a target, a plaintiff and a defendant) have none.
pub fn dominant_org(analysis: &Analysis, from: usize, pos: usize) -> Option<usize> {
    let mut count = vec![0usize; analysis.entities.len()];
    let mut near = vec![false; analysis.entities.len()];
    for m in &analysis.mentions {
        if analysis.entities[m.entity].kind == EntityKind::Organization {
            count[m.entity] += 1;
            near[m.entity] |= m.span.start >= from && m.span.end <= pos;
        }
    }
    let top = topic_org(analysis, from, pos, &[])?;
    let second = (0..count.len()).filter(|&e| e != top).map(|e| count[e]).max().unwrap_or(0);
    (count[top] >= 2 * second.max(1)).then_some(top)
}

/// The only organisation, besides those in `exclude`, named between byte `from` and byte
/// `pos`, provided it is named there at least once as a subject would be (not after a
/// preposition, not a modifier or genitive); `None` when there is none or more than one.
pub fn sole_org(
    analysis: &Analysis,
    is_prep: &dyn Fn(&str) -> bool,
    from: usize,
    pos: usize,
    exclude: &[usize],
) -> Option<usize> {
    let text = analysis.text.as_str();
    let mut subject_like = false;
    let mut found = None;
    for m in &analysis.mentions {
        if m.span.start < from || m.span.end > pos || exclude.contains(&m.entity) {
            continue;
        }
        if analysis.entities[m.entity].kind != EntityKind::Organization {
            continue;
        }
        match found {
            None => found = Some(m.entity),
            Some(e) if e != m.entity => return None,
            Some(_) => {}
        }
        subject_like |= !modifier_or_genitive(text, m.span.end)
            && !crate::relations::coref::in_phrase(analysis, is_prep, m.span.start);
    }
    found.filter(|_| subject_like)
}

/// A mention that labels a speaker in an interview (`STANDARD: Wie sieht …`): the name
/// opens its sentence or line and a colon follows it.
fn speaker_label(analysis: &Analysis, m: &crate::model::Mention) -> bool {
    let text = analysis.text.as_str();
    let opens = text[..m.span.start]
        .trim_end_matches([' ', '\t'])
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '\n' | '.' | '?' | '!' | '"' | '\u{201C}' | '\u{201D}'));
    opens && text[m.span.end..].starts_with(':')
}

/// The organisation a first person (`we`, `onze`, `unsere`) speaks for: the one the
/// document names most often before byte `pos`, interview labels (`STANDARD:`) not
/// counted.
pub fn speaker_org(analysis: &Analysis, pos: usize, exclude: &[usize]) -> Option<usize> {
    let mut count = vec![0usize; analysis.entities.len()];
    let mut first = vec![usize::MAX; analysis.entities.len()];
    for m in analysis.mentions.iter().filter(|m| m.span.end <= pos && !speaker_label(analysis, m)) {
        count[m.entity] += 1;
        first[m.entity] = first[m.entity].min(m.span.start);
    }
    (0..analysis.entities.len())
        .filter(|&e| analysis.entities[e].kind == EntityKind::Organization && !exclude.contains(&e) && count[e] > 0)
        .max_by(|&a, &b| count[a].cmp(&count[b]).then(first[b].cmp(&first[a])))
}
