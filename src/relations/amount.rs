//! Sums of money as news writes them: `$1,1 mld`, `26,2 miljard dollar`, `5 Mrd. Euro`,
//! `$44bn`, `€2.5 billion`, `10 mln dlrs`, `£75m`, `985 mln Australian dlrs`.
//!
//! The words (scales, currencies, unit-price phrases, the decimal mark) come from the
//! language's cue lexicon; only the currency symbols `$ € £ ¥` are known here. A number
//! without a currency is not an amount, and a unit price (`27 dlrs per share`) is not a
//! deal value.

use crate::model::{Amount, Span};
use crate::relations::lexicon::Lexicon;
use crate::text::fold_case;

/// An amount found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub span: Span,
    pub amount: Amount,
}

fn symbol_currency(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' => "JPY",
        _ => return None,
    })
}

/// All amounts in `text[span]`.
pub fn find(text: &str, span: Span, lex: &Lexicon) -> Vec<Found> {
    let mut out = Vec::new();
    let end = span.end.min(text.len());
    let mut pos = span.start;
    while pos < end {
        let Some(c) = text[pos..end].chars().next() else { break };
        let prev = text[..pos].chars().next_back();
        if c.is_ascii_digit() && !prev.is_some_and(|p| p.is_alphanumeric()) {
            if let Some(found) = amount_at(text, pos, end, lex) {
                pos = found.span.end;
                out.push(found);
                continue;
            }
            // Skip the rest of this number.
            while pos < end && (text.as_bytes()[pos].is_ascii_digit() || matches!(text.as_bytes()[pos], b'.' | b',')) {
                pos += 1;
            }
            continue;
        }
        pos += c.len_utf8();
    }
    out
}

/// The end of the number starting at `start`: digits, and `.`/`,` followed by a digit.
fn number_end(text: &str, start: usize, end: usize) -> usize {
    let b = text.as_bytes();
    let mut i = start;
    while i < end {
        let separator_then_digit = matches!(b[i], b'.' | b',') && i + 1 < end && b[i + 1].is_ascii_digit();
        if !(b[i].is_ascii_digit() || separator_then_digit) {
            break;
        }
        i += 1;
    }
    i
}

/// The value of a number as written, with `decimal` as the usual decimal mark.
pub fn parse_number(raw: &str, decimal: char) -> Option<f64> {
    let grouping = if decimal == ',' { '.' } else { ',' };
    let n_dots = raw.matches('.').count();
    let n_commas = raw.matches(',').count();
    let (dec, group) = if n_dots > 0 && n_commas > 0 {
        // Both: the last one is the decimal mark.
        let last_dot = raw.rfind('.').unwrap_or(0);
        let last_comma = raw.rfind(',').unwrap_or(0);
        if last_dot > last_comma {
            ('.', ',')
        } else {
            (',', '.')
        }
    } else if n_dots + n_commas == 0 {
        (decimal, grouping)
    } else {
        let sep = if n_dots > 0 { '.' } else { ',' };
        let count = n_dots + n_commas;
        let digits_after = raw.rsplit(sep).next().map(str::len).unwrap_or(0);
        if count > 1 || (digits_after == 3 && sep == grouping) {
            (if sep == '.' { ',' } else { '.' }, sep)
        } else {
            (sep, if sep == '.' { ',' } else { '.' })
        }
    };
    let cleaned: String = raw.chars().filter(|&c| c != group).map(|c| if c == dec { '.' } else { c }).collect();
    cleaned.parse().ok()
}

/// The next word (letters, `$`, `-`) after `pos`, skipping spaces and one dot after the
/// previous word: (folded word, end).
fn next_word(text: &str, pos: usize, end: usize) -> Option<(String, usize)> {
    let mut i = pos;
    let b = text.as_bytes();
    while i < end && (b[i] == b' ' || b[i] == b'.') && i < pos + 3 {
        i += 1;
    }
    let start = i;
    while i < end {
        let Some(c) = text[i..end].chars().next() else { break };
        if c.is_alphabetic() || c == '$' || c == '-' {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    (i > start)
        .then(|| (fold_case(text[start..i].trim_end_matches('-')), start + text[start..i].trim_end_matches('-').len()))
}

fn amount_at(text: &str, start: usize, end: usize, lex: &Lexicon) -> Option<Found> {
    let num_end = number_end(text, start, end);
    let raw = &text[start..num_end];
    let mut value = parse_number(raw, lex.decimal)?;
    let mut amount_start = start;
    let mut currency: Option<String> = None;
    // A currency before the number: `$`, `US$`, `€ `, `EUR `.
    let before = text[..start].trim_end_matches(' ');
    if before.len() + 2 >= start {
        if let Some(sym) = before.chars().next_back() {
            if let Some(code) = symbol_currency(sym) {
                let sym_start = before.len() - sym.len_utf8();
                let letters = before[..sym_start]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphabetic())
                    .map(char::len_utf8)
                    .sum::<usize>();
                let with_letters = fold_case(&before[sym_start - letters..]);
                match lex.currencies.get(&with_letters) {
                    Some(code) if letters > 0 => {
                        currency = Some(code.clone());
                        amount_start = sym_start - letters;
                    }
                    _ => {
                        currency = Some(code.to_string());
                        amount_start = sym_start;
                    }
                }
            } else {
                let word_len =
                    before.chars().rev().take_while(|c| c.is_alphabetic()).map(char::len_utf8).sum::<usize>();
                let word = &before[before.len() - word_len..];
                if word.len() >= 3 && word.chars().all(|c| c.is_uppercase()) {
                    if let Some(code) = lex.currencies.get(&fold_case(word)) {
                        currency = Some(code.clone());
                        amount_start = before.len() - word_len;
                    }
                }
            }
        }
    }
    let mut amount_end = num_end;
    // A scale glued to the number (`44bn`, `75m`) or after it (`1,1 mld.`, `5 Mrd.`).
    let glued_len = text[num_end..end].chars().take_while(|c| c.is_alphabetic()).map(char::len_utf8).sum::<usize>();
    if glued_len > 0 {
        let word = fold_case(&text[num_end..num_end + glued_len]);
        let scale = lex.scales.get(&word)?;
        value *= scale;
        amount_end = num_end + glued_len;
    } else if let Some((word, w_end)) = next_word(text, num_end, end) {
        if let Some(scale) = lex.scales.get(&word) {
            value *= scale;
            amount_end = w_end;
        }
    }
    // A currency word after it (`dollar`, `Australian dlrs`, `US-Dollar`).
    if currency.is_none() {
        if let Some((w1, e1)) = next_word(text, amount_end, end) {
            let two = next_word(text, e1, end).map(|(w2, e2)| (format!("{w1} {w2}"), e2));
            if let Some((key, e2)) = two.filter(|(k, _)| lex.currencies.contains_key(k)) {
                currency = lex.currencies.get(&key).cloned();
                amount_end = e2;
            } else if let Some(code) = lex.currencies.get(&w1) {
                currency = Some(code.clone());
                amount_end = e1;
            }
        }
    }
    let currency = currency?;
    // A unit price is not a deal value.
    let mut words = Vec::new();
    let mut p = amount_end;
    for _ in 0..2 {
        match next_word(text, p, end) {
            Some((w, e)) => {
                words.push(w);
                p = e;
            }
            None => break,
        }
    }
    if lex.units.iter().any(|u| !u.is_empty() && words.len() >= u.len() && words[..u.len()] == u[..]) {
        return None;
    }
    Some(Found {
        span: Span::new(amount_start, amount_end),
        amount: Amount {
            text: text[amount_start..amount_end].to_string(),
            value: Some(value),
            currency: Some(currency),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(lang: &str) -> Lexicon {
        let all = crate::relations::lexicon::bundled_lexicons().unwrap_or_else(|e| panic!("{e}"));
        all.get(lang).cloned().unwrap_or_else(|| panic!("no {lang}"))
    }

    fn amounts(lang: &str, text: &str) -> Vec<(String, f64, String)> {
        let lex = lex(lang);
        find(text, Span::new(0, text.len()), &lex)
            .into_iter()
            .map(|f| (f.amount.text, f.amount.value.unwrap_or(0.0), f.amount.currency.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn parses_numbers() {
        assert_eq!(parse_number("1,1", ','), Some(1.1));
        assert_eq!(parse_number("26,2", ','), Some(26.2));
        assert_eq!(parse_number("42.000", ','), Some(42000.0));
        assert_eq!(parse_number("2.15", ','), Some(2.15));
        assert_eq!(parse_number("1,100", '.'), Some(1100.0));
        assert_eq!(parse_number("10.3", '.'), Some(10.3));
        assert_eq!(parse_number("1.234.567,5", ','), Some(1234567.5));
        assert_eq!(parse_number("1,234,567.5", '.'), Some(1234567.5));
    }

    #[test]
    fn finds_amounts() {
        let close = |a: f64, b: f64| (a - b).abs() < 1e-6 * b.abs().max(1.0);
        let cases: &[(&str, &str, &str, f64, &str)] = &[
            ("nl", "voor $1,1 mld overgenomen", "$1,1 mld", 1.1e9, "USD"),
            ("nl", "betaalde 26,2 miljard dollar.", "26,2 miljard dollar", 26.2e9, "USD"),
            ("nl", "haalde 123 miljoen dollar op", "123 miljoen dollar", 123e6, "USD"),
            ("nl", "kostte 744 miljoen euro", "744 miljoen euro", 744e6, "EUR"),
            ("de", "für 5 Mrd. Euro gekauft", "5 Mrd. Euro", 5e9, "EUR"),
            ("de", "für 500 Millionen Dollar", "500 Millionen Dollar", 500e6, "USD"),
            ("en", "a $44bn deal", "$44bn", 44e9, "USD"),
            ("en", "for €2.5 billion", "€2.5 billion", 2.5e9, "EUR"),
            ("en", "for 10 mln dlrs", "10 mln dlrs", 10e6, "USD"),
            ("en", "paid £75m", "£75m", 75e6, "GBP"),
            ("en", "for 985 mln Australian dlrs", "985 mln Australian dlrs", 985e6, "AUD"),
            ("en", "for 1,100 mln dlrs", "1,100 mln dlrs", 1.1e9, "USD"),
        ];
        for (lang, text, want_text, want_value, want_cur) in cases {
            let got = amounts(lang, text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].0, *want_text, "{text}");
            assert!(close(got[0].1, *want_value), "{text}: {} != {want_value}", got[0].1);
            assert_eq!(got[0].2, *want_cur, "{text}");
        }
        // Not amounts: no currency, a unit price, a percentage.
        assert!(amounts("en", "5 million cars and 27 dlrs per share, 35 pct").is_empty());
        assert!(amounts("de", "5 Millionen Autos").is_empty());
    }
}
