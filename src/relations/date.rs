//! The date a sentence gives for its event: `1 juni 2019`, `am 1. Juni 2019`, `June 1,
//! 2019`, `maart 2016`, `in 2011`. Month names come from the cue lexicons (`month` rows).
//! A month needs a day or a year next to it (`may` is also a verb); the nearest date to
//! the cue wins; without one the document date is the relation's date.

use crate::relations::lexicon::Frame;
use crate::relations::sentence::View;

fn number(view: &View, i: usize) -> Option<u32> {
    if !view.is_word(i) {
        return None;
    }
    let t = view.text(i);
    (t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse().ok()).flatten()
}

fn year(view: &View, i: usize) -> Option<u32> {
    let n = number(view, i)?;
    (view.text(i).len() == 4 && (1900..=2099).contains(&n)).then_some(n)
}

fn day(view: &View, i: usize) -> Option<u32> {
    number(view, i).filter(|d| (1..=31).contains(d))
}

/// (item, ISO date) of every date in the sentence.
fn dates(view: &View, doc_year: Option<u32>) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut used = vec![false; view.len()];
    for m in 0..view.len() {
        let Some(cue) = view.cue_of(m, Frame::Month) else { continue };
        let Some(&month) = view.lex.months.get(&crate::text::fold_case(&view.lex.cues[cue].form)) else { continue };
        // Day before (`1 juni`, `1. Juni`) or after (`June 1`).
        let day_before =
            if m >= 2 && view.punct(m - 1) == Some('.') { day(view, m - 2).map(|d| (d, m - 2)) } else { None }
                .or_else(|| m.checked_sub(1).and_then(|k| day(view, k).map(|d| (d, k))));
        let day_after = day(view, m + 1).filter(|_| year(view, m + 1).is_none()).map(|d| (d, m + 1));
        let (d, last) = match (day_before, day_after) {
            (Some((d, _)), _) => (Some(d), m),
            (None, Some((d, k))) => (Some(d), k),
            _ => (None, m),
        };
        let mut y_item = last + 1;
        if view.punct(y_item) == Some(',') {
            y_item += 1;
        }
        let y = year(view, y_item);
        if y.is_some() {
            used[y_item] = true;
        }
        let text = match (y.or(if d.is_some() { doc_year } else { None }), d) {
            (Some(y), Some(d)) => format!("{y:04}-{month:02}-{d:02}"),
            (Some(y), None) => format!("{y:04}-{month:02}"),
            _ => continue,
        };
        out.push((m, text));
    }
    for (i, &is_used) in used.iter().enumerate() {
        if is_used {
            continue;
        }
        // A year on its own, not part of a larger number (`1.2019`, `2019,5`).
        let glued = |j: Option<usize>| {
            j.is_some_and(|j| matches!(view.punct(j), Some('.' | ',')) && view.glued(j.min(i), j.max(i)))
        };
        if let Some(y) = year(view, i) {
            if !glued(i.checked_sub(1)) && !glued(Some(i + 1)) {
                out.push((i, format!("{y:04}")));
            }
        }
    }
    out
}

/// The date nearest to item `c` in the sentence, else the document date.
pub fn relation_date(view: &View, c: usize, doc_date: Option<&str>) -> Option<String> {
    let doc_year = doc_date.and_then(|d| d.get(..4)).and_then(|y| y.parse().ok());
    dates(view, doc_year)
        .into_iter()
        .min_by_key(|(i, _)| i.abs_diff(c))
        .map(|(_, d)| d)
        .or_else(|| doc_date.map(String::from))
}
