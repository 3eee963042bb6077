//! Case folding that keeps byte offsets.
//!
//! The gazetteer and cue automata are built over folded names and run over folded text,
//! which is faster than the automaton's own case-insensitive mode (that one quadruples
//! build time at a million names). A character is folded only when its lower-case form
//! has the same UTF-8 length, so a byte offset in the folded text is the same offset in
//! the original.

/// Lower-cases `text` character by character without changing any byte offset.
pub fn fold_case(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        out.push(fold_char(c));
    }
    out
}

/// [`fold_case`] without allocating when the text is folded already (lower-case ASCII,
/// most words of running text): word-list lookups call this once per word.
pub fn fold_case_cow(text: &str) -> std::borrow::Cow<'_, str> {
    if text.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(fold_case(text))
    }
}

/// The text the phrase matchers run over: [`fold_case`], with line breaks and tabs as
/// spaces so that a name wrapped across lines still matches. Byte offsets are unchanged.
pub fn fold_for_matching(text: &str) -> String {
    let mut folded = fold_case(text);
    if folded.bytes().any(|b| b == b'\n' || b == b'\t') {
        folded = folded.replace(['\n', '\t'], " ");
    }
    folded
}

/// The folded form of one character (itself when folding would change its length).
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_offsets() {
        for text in ["Übernahme durch SIEMENS", "İstanbul Ärger", "ÉCOLE ß ẞ", "Σίσυφος"] {
            let folded = fold_case(text);
            assert_eq!(folded.len(), text.len(), "{text}");
            for (a, b) in text.char_indices().zip(folded.char_indices()) {
                assert_eq!(a.0, b.0);
            }
        }
        assert_eq!(fold_case("Übernahme VON Siemens"), "übernahme von siemens");
    }
}
