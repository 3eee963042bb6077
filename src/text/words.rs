//! Words: what counts as a word character, word boundaries and a simple tokenizer.
//!
//! One definition of "word" serves the name matcher, the cue matcher, the segmenter and
//! the relation rules, so a boundary means the same thing everywhere.

use crate::model::Span;

/// Letters, digits and the combining marks that belong to them.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || (!c.is_ascii() && unicode_normalization::char::canonical_combining_class(c) != 0)
}

/// The character before byte `pos` (None at the start).
pub fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos).and_then(|s| s.chars().next_back())
}

/// The character at byte `pos` (None at the end).
pub fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..).and_then(|s| s.chars().next())
}

/// True when a word cannot continue across `pos` from the left.
pub fn is_boundary_before(text: &str, pos: usize) -> bool {
    !char_before(text, pos).is_some_and(is_word_char)
}

/// True when a word cannot continue across `pos` to the right.
pub fn is_boundary_after(text: &str, pos: usize) -> bool {
    !char_at(text, pos).is_some_and(is_word_char)
}

/// A token: a run of word characters, or one other non-space character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub is_word: bool,
}

/// Splits `text[range]` into tokens (offsets are into `text`). Apostrophes inside a word
/// (`O'Brien`) and dots inside abbreviations are separate tokens; rules see them as such.
pub fn tokenize(text: &str, range: Span) -> Vec<Token> {
    let mut tokens = Vec::new();
    let Some(slice) = text.get(range.start..range.end) else { return tokens };
    let mut word_start: Option<usize> = None;
    for (i, c) in slice.char_indices() {
        let pos = range.start + i;
        if is_word_char(c) {
            if word_start.is_none() {
                word_start = Some(pos);
            }
            continue;
        }
        if let Some(ws) = word_start.take() {
            tokens.push(Token { span: Span::new(ws, pos), is_word: true });
        }
        if !c.is_whitespace() {
            tokens.push(Token { span: Span::new(pos, pos + c.len_utf8()), is_word: false });
        }
    }
    if let Some(ws) = word_start {
        tokens.push(Token { span: Span::new(ws, range.end), is_word: true });
    }
    tokens
}

/// True when the word has at least two letters and all of its letters are upper case.
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_alphabetic() {
            if c.is_lowercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

/// True when the first letter is upper case.
pub fn starts_upper(word: &str) -> bool {
    word.chars().find(|c| c.is_alphabetic()).is_some_and(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_boundaries() {
        let text = "Siemens-Chef Roland Busch's plan, 1,1 mld.";
        let toks = tokenize(text, Span::new(0, text.len()));
        let words: Vec<&str> = toks.iter().map(|t| &text[t.span.start..t.span.end]).collect();
        assert_eq!(words, ["Siemens", "-", "Chef", "Roland", "Busch", "'", "s", "plan", ",", "1", ",", "1", "mld", "."]);
        assert!(is_boundary_before(text, 0));
        assert!(is_boundary_after(text, 7));
        assert!(!is_boundary_after(text, 3));
        assert!(is_all_caps("MICROSOFT"));
        assert!(!is_all_caps("Microsoft"));
        assert!(!is_all_caps("A"));
    }
}
