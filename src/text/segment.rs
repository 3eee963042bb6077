//! Sentence segmentation for news text in nl, de and en.
//!
//! News text mixes prose with headlines, captions and list items that have no final
//! punctuation, and wire copy hard-wraps its lines. The rules, in order:
//! - a blank line ends a sentence and a paragraph;
//! - a single line break ends a sentence when the line ends with sentence punctuation,
//!   when it is the first line (the headline), when the next line is indented, or when
//!   the line is short, has no lower-case stop word and the next starts with a capital
//!   (a headline, caption or list item); otherwise it is a wrapped line and the
//!   sentence goes on;
//! - inside a line, `.`, `!` or `?` (and closing quotes) followed by space and a capital,
//!   digit or quote ends a sentence, unless the dot ends an abbreviation from the
//!   language data (`bijv.`, `z.B.`, `Inc.`, `Mrd.`), an initial (`J. Smith`) or a
//!   German ordinal (`am 1. Juni`).

use crate::model::{Sentence, Span};
use crate::text::fold_case;
use crate::text::lang::Languages;

/// Lines shorter than this without final punctuation are headlines, not wrapped prose.
const SHORT_LINE: usize = 50;

/// Splits the normalised `text` into sentences.
pub fn segment(text: &str, langs: &Languages, lang: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut paragraph = 0u32;
    let mut sentence_start: Option<usize> = None;
    let lines: Vec<Span> = line_spans(text);
    let german = lang == "de";
    for (line_idx, line) in lines.iter().enumerate() {
        let content = &text[line.start..line.end];
        let trimmed = content.trim();
        if trimmed.is_empty() {
            if let Some(s) = sentence_start.take() {
                push(text, &mut sentences, s, line.start, paragraph);
            }
            if sentences.last().is_some_and(|l: &Sentence| l.paragraph == paragraph) {
                paragraph += 1;
            }
            continue;
        }
        let lead = content.len() - content.trim_start().len();
        if sentence_start.is_none() {
            sentence_start = Some(line.start + lead);
        }
        // Sentence ends inside the line.
        let bytes = content.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b == b'.' || b == b'!' || b == b'?' {
                let mut j = i + 1;
                while j < bytes.len() && matches!(bytes[j], b'.' | b'!' | b'?' | b'"' | b'\'' | b')') {
                    j += 1;
                }
                if j < bytes.len() && bytes[j] == b' ' {
                    let mut k = j;
                    while k < bytes.len() && bytes[k] == b' ' {
                        k += 1;
                    }
                    let next = content[k..].chars().next();
                    let starts_new = next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '"' || c == '\'' || c == '(');
                    if starts_new && !(b == b'.' && is_non_final_dot(content, i, langs, german) && !starts_with_article(&content[k..], langs, lang)) {
                        if let Some(s) = sentence_start.take() {
                            push(text, &mut sentences, s, line.start + j, paragraph);
                        }
                        sentence_start = Some(line.start + k);
                    }
                    i = k;
                    continue;
                }
                i = j;
                continue;
            }
            i += 1;
        }
        // End of line: does the sentence go on?
        let next = lines.get(line_idx + 1).map(|l| &text[l.start..l.end]);
        let ends_punct = trimmed.ends_with(['.', '!', '?', ':', ';', '"', '\'', ')']);
        let next_blank = next.is_none_or(|n| n.trim().is_empty());
        let next_indented = next.is_some_and(|n| n.starts_with([' ', '\t']));
        let next_upper = next.and_then(|n| n.trim_start().chars().next()).is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '"');
        // Wrapped prose (`Robert Halmi Inc said it and Hal Roach` + `Studios Inc signed…`)
        // has lower-case function words; a headline or list item rarely does.
        let prose = trimmed.split(|c: char| !c.is_alphanumeric()).any(|w| {
            w.chars().next().is_some_and(char::is_lowercase) && langs.get(lang).is_some_and(|l| l.stopwords.contains(w))
        });
        let headline = !ends_punct && trimmed.chars().count() < SHORT_LINE && next_upper && !prose;
        let breaks = next_blank || ends_punct || line_idx == 0 || next_indented || headline;
        if breaks {
            if let Some(s) = sentence_start.take() {
                push(text, &mut sentences, s, line.end, paragraph);
            }
            // A headline or the title line is a paragraph of its own.
            if !ends_punct && (line_idx == 0 || headline) && !next_blank {
                paragraph += 1;
            }
        }
    }
    if let Some(s) = sentence_start.take() {
        push(text, &mut sentences, s, text.len(), paragraph);
    }
    sentences
}

/// Spans of the lines, without their line breaks.
fn line_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            spans.push(Span::new(start, i));
            start = i + 1;
        }
    }
    spans.push(Span::new(start, text.len()));
    spans
}

fn push(text: &str, sentences: &mut Vec<Sentence>, start: usize, end: usize, paragraph: u32) {
    let slice = &text[start..end];
    let trimmed_end = start + slice.trim_end().len();
    if trimmed_end > start {
        sentences.push(Sentence { span: Span::new(start, trimmed_end), paragraph });
    }
}

/// True when `rest` starts with a capitalised article or pronoun of the language (`Die`,
/// `The`, `Het`): after `User B.` that starts a sentence, even though `B.` looks like an
/// initial.
fn starts_with_article(rest: &str, langs: &Languages, lang: &str) -> bool {
    const STARTERS: [&str; 13] = ["The", "An", "It", "He", "She", "Der", "Die", "Das", "Ein", "Eine", "De", "Het", "Een"];
    let word: &str = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let _ = (langs, lang);
    STARTERS.contains(&word)
}

/// True when the dot at byte `dot` of `line` ends an abbreviation, an initial or a
/// German ordinal, not a sentence.
fn is_non_final_dot(line: &str, dot: usize, langs: &Languages, german: bool) -> bool {
    let before = &line[..dot];
    // The word before the dot, with inner dots (`z.B`, `U.S`).
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    if langs.all_abbreviations.contains(&fold_case(word)) {
        return true;
    }
    let n_chars = word.chars().count();
    // An initial: one capital letter.
    if n_chars == 1 && word.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    // Dotted abbreviations such as `N.V.` or `z.B.`: inner dots and short parts.
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 3) {
        return true;
    }
    // German ordinals: `am 1. Juni`, `der 3. Quartal`.
    german && n_chars <= 2 && word.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str, lang: &str) -> Vec<String> {
        let langs = Languages::bundled();
        segment(text, &langs, lang).iter().map(|s| text[s.span.start..s.span.end].to_string()).collect()
    }

    #[test]
    fn abbreviations_and_numbers() {
        assert_eq!(
            split("Het bod is bijv. 1,1 mld. euro waard. Dat meldt Dr. Jansen.", "nl"),
            ["Het bod is bijv. 1,1 mld. euro waard.", "Dat meldt Dr. Jansen."]
        );
        assert_eq!(
            split("Der Preis liegt bei 5 Mrd. Euro. Das sagte z.B. der Chef am 1. Juni.", "de"),
            ["Der Preis liegt bei 5 Mrd. Euro.", "Das sagte z.B. der Chef am 1. Juni."]
        );
        assert_eq!(
            split("Acme Corp. paid $3.5 billion for it. J. Smith said so! Really?", "en"),
            ["Acme Corp. paid $3.5 billion for it.", "J. Smith said so!", "Really?"]
        );
    }

    #[test]
    fn headlines_and_wrapped_lines() {
        let text = "ACME BUYS WIDGETCO\nAcme Inc said it agreed\nto buy Widgetco for 10 mln dlrs.\n    The deal closes in May.";
        assert_eq!(
            split(text, "en"),
            ["ACME BUYS WIDGETCO", "Acme Inc said it agreed\nto buy Widgetco for 10 mln dlrs.", "The deal closes in May."]
        );
        let text = "Neue Allianz\nAnzeigen\nDer Konzern kauft zu. Mehr folgt\n\nZweiter Absatz hier.";
        assert_eq!(split(text, "de"), ["Neue Allianz", "Anzeigen", "Der Konzern kauft zu.", "Mehr folgt", "Zweiter Absatz hier."]);
    }

    #[test]
    fn initials_and_short_prose_lines() {
        // An initial followed by an article ends the sentence.
        assert_eq!(split("Dabei ist auch Kunde B. Die Nummer von B fehlt.", "de"), ["Dabei ist auch Kunde B.", "Die Nummer von B fehlt."]);
        assert_eq!(split("Signed by J. Smith today.", "en"), ["Signed by J. Smith today."]);
        // A short wrapped line with lower-case stop words is prose, not a headline.
        let text = "ACME TO MERGE\nAcme Inc said it and Widget\nWorks Inc signed an agreement.";
        assert_eq!(split(text, "en"), ["ACME TO MERGE", "Acme Inc said it and Widget\nWorks Inc signed an agreement."]);
    }

    #[test]
    fn paragraphs_are_counted() {
        let langs = Languages::bundled();
        let text = "Titel\n\nEen zin. Nog een.\n\nTweede alinea.";
        let s = segment(text, &langs, "nl");
        let paras: Vec<u32> = s.iter().map(|s| s.paragraph).collect();
        assert_eq!(paras, [0, 1, 1, 2]);
    }
}
