//! Escaping shared by the writers: XML text and attribute values (dropping what XML 1.0
//! forbids), Graphviz quoted strings, JSON embedded in an HTML `<script>`, and the one
//! float format every format uses, so output is byte-for-byte deterministic.

use std::fmt::Write as _;

/// Whether XML 1.0 allows this character at all.
fn xml_allowed(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escape for an XML attribute value or text node: `& < > " '` become entities, tab,
/// newline and carriage return become character references (so attribute-value
/// normalisation keeps them), and characters XML 1.0 forbids (C0 controls, U+FFFE,
/// U+FFFF) become U+FFFD. Everything else, including right-to-left and non-Latin text,
/// is kept as is.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if !xml_allowed(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Replace control characters (other than tab and newline) with U+FFFD, as XML does.
/// Used for formats without their own escaping of them (DOT labels, CSV cells).
pub fn clean_controls(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() && c != '\t' && c != '\n' && c != '\r' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// Escape for the inside of a Graphviz double-quoted string used as a label: backslash
/// and quote are escaped, newlines become `\n`, other controls become U+FFFD.
pub fn dot(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '\t' => out.push(' '),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Make JSON safe inside an HTML `<script>` element: `<`, `>` and `&` become `\u003c`,
/// `\u003e`, `\u0026` (so no name can close the script or open a comment), and U+2028 and
/// U+2029 are escaped too. The result is still valid JSON with the same value.
pub fn json_in_script(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The float format of every writer: Rust's shortest round-trip form, with `.0` added to
/// whole numbers so readers see a double. None for NaN and infinities (the value is then
/// omitted).
pub fn float(v: f64) -> Option<String> {
    if !v.is_finite() {
        return None;
    }
    let mut s = format!("{v}");
    if !s.contains(['.', 'e', 'E']) {
        s.push_str(".0");
    }
    Some(s)
}

/// A coordinate for SVG: one decimal, no `-0.0`.
pub fn coord(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    let mut s = String::new();
    let _ = write!(s, "{:.1}", if r == 0.0 { 0.0 } else { r });
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escapes_markup_and_drops_forbidden() {
        assert_eq!(xml(r#"AT&T <"x"> 'y'"#), "AT&amp;T &lt;&quot;x&quot;&gt; &apos;y&apos;");
        assert_eq!(
            xml("a\u{0}b\u{1}c\u{b}d\u{FFFF}"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}"
        );
        assert_eq!(xml("l1\nl2\tx"), "l1&#10;l2&#9;x");
        let rtl = "شركة أرامكو السعودية · בנק לאומי · 腾讯控股 · Газпром 🚀";
        assert_eq!(xml(rtl), rtl);
    }

    #[test]
    fn dot_escapes() {
        assert_eq!(dot(r#"Back\slash "Q""#), r#"Back\\slash \"Q\""#);
        assert_eq!(dot("a\nb\u{7}"), "a\\nb\u{FFFD}");
    }

    #[test]
    fn json_cannot_close_script() {
        let j = json_in_script(r#"{"a":"</script><!-- & x"}"#);
        assert!(!j.contains('<') && !j.contains('>'));
        assert_eq!(j, r#"{"a":"\u003c/script\u003e\u003c!-- \u0026 x"}"#);
    }

    #[test]
    fn floats_are_consistent() {
        assert_eq!(float(1.0).as_deref(), Some("1.0"));
        assert_eq!(float(0.85).as_deref(), Some("0.85"));
        assert_eq!(float(2_500_000_000.0).as_deref(), Some("2500000000.0"));
        assert_eq!(float(f64::NAN), None);
        assert_eq!(coord(-0.04), "0.0");
        assert_eq!(coord(12.345), "12.3");
    }
}
