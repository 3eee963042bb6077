//! Normalisation of document text with a map back to the text as read.
//!
//! Journalists' text carries typographic variants that would make the same name look
//! different to a matcher: no-break and other Unicode spaces, curly apostrophes, soft
//! hyphens, zero-width characters, ligatures, decomposed accents. [`normalize`] replaces
//! them and keeps, for every byte of the result, the range of original characters it came
//! from, so mentions and evidence can be reported in Unicode scalar offsets of the input
//! (what Python's `text[start:end]` uses).

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

/// Normalised text plus the offset map.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    /// For each byte of `text`: the index (in chars) of the first original character
    /// that produced it.
    char_start: Vec<u32>,
    /// For each byte of `text`: one past the last original character that produced it.
    char_end: Vec<u32>,
    /// Number of chars in the original.
    orig_chars: u32,
}

impl Normalized {
    /// Maps a byte span of the normalised text to a char span of the original text.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let s = if start < self.char_start.len() { self.char_start[start] } else { self.orig_chars };
        let e = if end == 0 {
            s
        } else if end - 1 < self.char_end.len() {
            self.char_end[end - 1]
        } else {
            self.orig_chars
        };
        (s as usize, (e.max(s)) as usize)
    }

    /// Number of characters of the original text.
    pub fn original_len_chars(&self) -> usize {
        self.orig_chars as usize
    }
}

/// What one original character becomes.
fn replacement(c: char) -> Option<&'static str> {
    Some(match c {
        // Unicode spaces.
        '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => " ",
        '\u{0085}' | '\u{2028}' | '\u{2029}' => "\n",
        // Invisible characters.
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => "",
        // Apostrophes and single quotes.
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' | '\u{0060}' => "'",
        // Double quotes.
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => "\"",
        // Hyphens and dashes: hyphens become '-', dashes stay distinct from compounds.
        '\u{2010}' | '\u{2011}' | '\u{2212}' => "-",
        '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' => "\u{2013}",
        // Ligatures (the compatibility block U+FB00..FB06).
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        '\r' => "",
        _ => return None,
    })
}

/// Normalises `original` (see the module docs).
pub fn normalize(original: &str) -> Normalized {
    let mut text = String::with_capacity(original.len());
    let mut char_start = Vec::with_capacity(original.len());
    let mut char_end = Vec::with_capacity(original.len());
    let chars: Vec<char> = original.chars().collect();
    let mut i = 0usize;
    let mut push = |text: &mut String, piece: &str, from: usize, to: usize| {
        text.push_str(piece);
        for _ in 0..piece.len() {
            char_start.push(from as u32);
            char_end.push(to as u32);
        }
    };
    while i < chars.len() {
        let c = chars[i];
        let next_combines = chars.get(i + 1).is_some_and(|&n| !n.is_ascii() && canonical_combining_class(n) != 0);
        if c.is_ascii() && c != '\r' && c != '`' && !next_combines {
            let mut buf = [0u8; 4];
            push(&mut text, c.encode_utf8(&mut buf), i, i + 1);
            i += 1;
            continue;
        }
        if let Some(rep) = replacement(c) {
            push(&mut text, rep, i, i + 1);
            i += 1;
            continue;
        }
        // A base character and the combining marks that follow it form one unit for NFC.
        let mut j = i + 1;
        while j < chars.len() && canonical_combining_class(chars[j]) != 0 {
            j += 1;
        }
        let unit: String = chars[i..j].iter().collect();
        let composed: String = unit.nfc().collect();
        push(&mut text, &composed, i, j);
        i = j;
    }
    Normalized { text, char_start, char_end, orig_chars: chars.len() as u32 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(original: &str, expected: &str) {
        let n = normalize(original);
        assert_eq!(n.text, expected);
    }

    #[test]
    fn replaces_typographic_variants() {
        check("Netflix\u{2019}s plan", "Netflix's plan");
        check("Philips\u{00A0}N.V.", "Philips N.V.");
        check("Sie\u{00AD}mens", "Siemens");
        check("\u{FB01}nance", "finance");
        check("Cafe\u{0301} Noir", "Caf\u{00E9} Noir");
        check("\u{201E}Freunde\u{201C}", "\"Freunde\"");
        check("a\r\nb", "a\nb");
    }

    #[test]
    fn maps_offsets_back() {
        let original = "Die Sie\u{00AD}mens\u{00A0}AG und Cafe\u{0301} X";
        let n = normalize(original);
        let chars: Vec<char> = original.chars().collect();
        let start = n.text.find("Siemens").unwrap_or(0);
        let (s, e) = n.to_original(start, start + "Siemens AG".len());
        let back: String = chars[s..e].iter().collect();
        assert_eq!(back, "Sie\u{00AD}mens\u{00A0}AG");
        let start = n.text.find("Caf").unwrap_or(0);
        let (s, e) = n.to_original(start, start + "Caf\u{00E9}".len());
        let back: String = chars[s..e].iter().collect();
        assert_eq!(back, "Cafe\u{0301}");
    }

    #[test]
    fn empty_text() {
        let n = normalize("");
        assert_eq!(n.text, "");
        assert_eq!(n.to_original(0, 0), (0, 0));
    }
}
