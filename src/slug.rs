//! Stable ids from names: `Condé Nast Entertainment` → `conde-nast-entertainment`.

use unicode_normalization::UnicodeNormalization;

/// Lower-case ASCII letters and digits joined by single hyphens; accents are dropped,
/// other scripts kept as they are (lower-cased), so no name maps to an empty id.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut hyphen = false;
    for c in name.nfd() {
        if unicode_normalization::char::canonical_combining_class(c) != 0 {
            continue;
        }
        let c = match c {
            'ß' => Some("ss"),
            'æ' | 'Æ' => Some("ae"),
            'ø' | 'Ø' => Some("o"),
            '&' => Some(" and "),
            _ => None,
        }
        .map(String::from)
        .unwrap_or_else(|| c.to_lowercase().collect());
        for c in c.chars() {
            if c.is_alphanumeric() {
                if hyphen && !out.is_empty() {
                    out.push('-');
                }
                hyphen = false;
                out.push(c);
            } else {
                hyphen = true;
            }
        }
    }
    if out.is_empty() {
        out.push_str("unnamed");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Condé Nast Entertainment"), "conde-nast-entertainment");
        assert_eq!(slug("Joel Hernández Fernández"), "joel-hernandez-fernandez");
        assert_eq!(slug("AT&T Inc."), "at-and-t-inc");
        assert_eq!(slug("Straße GmbH"), "strasse-gmbh");
        assert_eq!(slug("..."), "unnamed");
    }
}

/// A stable 64-bit hash (FNV-1a): the same bytes give the same number on every machine
/// and every version, unlike `std`'s hasher. Used for shards and content fingerprints.
pub fn stable_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}
