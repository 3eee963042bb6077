//! A document as read: id, text, and what the input said about it.

/// One article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Unique within a run: the path relative to the directory given (without
    /// extension), the file stem, or the `id` field of a JSON line.
    pub id: String,
    pub text: String,
    /// Language code if the input gave one; detected otherwise.
    pub lang: Option<String>,
    /// Publication date, ISO 8601 (`2016`, `2016-10`, `2016-10-04`).
    pub date: Option<String>,
    /// Where the article came from (a URL or a corpus name), if given.
    pub source: Option<String>,
    /// Where it was read: `path` or `path:line`, for messages.
    pub origin: String,
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Normalises a date to ISO 8601 (`2016`, `2016-10`, `2016-10-04`). Accepts ISO dates
/// and timestamps (the date part is kept) and the wire format `26-FEB-1987 15:01:01`.
/// None when the value is not a date.
pub fn parse_date(value: &str) -> Option<String> {
    let v = value.trim();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    // The date before a time: ISO's `T` (after a digit: `OCT` holds a `T` too) or a space.
    let first = v.split(' ').next().unwrap_or("");
    let date_part = match first.find('T') {
        Some(i) if i > 0 && first.as_bytes()[i - 1].is_ascii_digit() => &first[..i],
        _ => first,
    };
    let parts: Vec<&str> = date_part.split('-').collect();
    match parts.as_slice() {
        [y] if digits(y, 4) => return Some(y.to_string()),
        [y, m] if digits(y, 4) && digits(m, 2) && valid_month(m) => return Some(format!("{y}-{m}")),
        [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) && valid_month(m) && valid_day(d) => {
            return Some(format!("{y}-{m}-{d}"))
        }
        [d, mon, y] if digits(y, 4) && (digits(d, 2) || digits(d, 1)) => {
            let mon = mon.to_ascii_lowercase();
            let m = MONTHS.iter().position(|x| mon.starts_with(x))? + 1;
            let d: u32 = d.parse().ok()?;
            if (1..=31).contains(&d) {
                return Some(format!("{y}-{m:02}-{d:02}"));
            }
        }
        _ => {}
    }
    None
}

fn valid_month(m: &str) -> bool {
    m.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
}

fn valid_day(d: &str) -> bool {
    d.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_date("2016").as_deref(), Some("2016"));
        assert_eq!(parse_date("2016-10").as_deref(), Some("2016-10"));
        assert_eq!(parse_date("2016-10-04T12:00:00Z").as_deref(), Some("2016-10-04"));
        assert_eq!(parse_date("26-FEB-1987 15:01:01.79").as_deref(), Some("1987-02-26"));
        // Month names holding a `T` are not cut at it.
        assert_eq!(parse_date("19-OCT-1987 13:30:41.59").as_deref(), Some("1987-10-19"));
        assert_eq!(parse_date("3-Sept-2020").as_deref(), Some("2020-09-03"));
        assert_eq!(parse_date("2020-10-19T08:00").as_deref(), Some("2020-10-19"));
        assert_eq!(parse_date("2016-13"), None);
        assert_eq!(parse_date("yesterday"), None);
    }
}
