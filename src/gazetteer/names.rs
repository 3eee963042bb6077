//! The compiled name matcher: every label and alias of a [`Gazetteer`] in one automaton,
//! with the case rules that keep ordinary words from becoming names.
//!
//! Case rules, checked on the normalised (not folded) text:
//! - the text equals a surface form exactly;
//! - or the name is in capitals (`VICE`, or a headline `MICROSOFT TO BUY LINKEDIN`);
//! - or each word starts with the same case as in the form (`Linkedin` for `LinkedIn`),
//!   unless the form is a short acronym in capitals (`SAP` is not `Sap`).
//!
//! In a line written in capitals (or a run of three words in capitals) every match gets
//! [`CaseFit::Caps`]: there an acronym (`MAN`, `HIT`) looks like any word, and
//! resolution asks for other evidence. A genitive `s` glued to a name (`Adyens`) must be
//! a lower-case `s` in the text (`STOS` is no genitive of `STO`).
//!
//! Organisation names also match without their legal form (`Siemens AG` → `Siemens`);
//! such a form is marked `derived`, and resolution treats a one-word one as ambiguous.
//! Each form costs 16 bytes (its entry, which name, how much of it, and its capitals as
//! a bit mask), so the case rules never read the gazetteer at a match.
//!
//! Ambiguity (names that are also ordinary words) and choosing between several entries
//! with the same name are left to resolution (`crate::resolve`), which sees the document.

use crate::error::Result;
use crate::gazetteer::load::{Entry, Gazetteer};
use crate::gazetteer::matcher::{collapse_spaces, needs_collapse, PhraseMatcher, PhraseMatcherBuilder};
use crate::model::Span;
use crate::text::words::{is_all_caps, is_boundary_after, starts_upper};

/// How the text's case fits the surface form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CaseFit {
    /// Same letters, same case.
    Exact,
    /// Same word initials, other inner case (`Linkedin` for `LinkedIn`, `Ikea` for `IKEA`).
    Title,
    /// The name is in capitals in ordinary text (`VICE` for `Vice`).
    Upper,
    /// The name stands in a line written in capitals (a headline: `MICROSOFT TO BUY
    /// LINKEDIN`), where case says nothing.
    Caps,
}

/// A name found in the text, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMatch {
    pub span: Span,
    /// Candidate entries (indices into [`NameMatcher::entries`]), deduplicated, in
    /// gazetteer order.
    pub entries: Vec<u32>,
    pub fit: CaseFit,
    /// A genitive `s` is glued to the name (`Adyens`); the span excludes it.
    pub genitive_s: bool,
    /// Every fitting form was made by stripping a legal form (`Partners` of `Partners
    /// Group`), none is a name as listed.
    pub derived: bool,
}

/// One surface form of an entry: which of its names, and for a form made by stripping a
/// legal form the length of what is left (the text is a prefix of the name, so a
/// million forms cost 8 bytes each).
#[derive(Debug, Clone, Copy)]
struct Form {
    entry: u32,
    /// Index into [`Entry::names`].
    name: u16,
    /// Byte length of the form in the (space-collapsed) name; 0 for the whole name.
    stripped_len: u16,
    /// Which of its characters are upper case ([`upper_mask`]), so the case rules need
    /// not read the gazetteer at every match; [`LONG`] for forms too long for that.
    upper: u64,
}

/// `upper` of a form of more than 63 characters.
const LONG: u64 = u64::MAX;

/// Bit `i` is set when character `i` of `s` is upper case; None beyond 63 characters.
fn upper_mask(s: &str) -> Option<u64> {
    let mut mask = 0u64;
    for (i, c) in s.chars().enumerate() {
        if i >= 63 {
            return None;
        }
        if c.is_uppercase() {
            mask |= 1 << i;
        }
    }
    Some(mask)
}

/// [`case_fit`] of `written` against a form known by its [`upper_mask`] (the letters
/// are the same up to case: the matcher found them).
fn case_fit_masked(written: &str, form_upper: u64) -> Option<CaseFit> {
    let written_upper = upper_mask(written)?;
    if written_upper == form_upper {
        return Some(CaseFit::Exact);
    }
    if is_all_caps(written) {
        return Some(CaseFit::Upper);
    }
    let (mut letters, mut form_all_caps) = (0, true);
    let mut word_start = true;
    let mut initials_agree = true;
    for (i, c) in written.chars().enumerate() {
        if c == ' ' || c == '-' {
            word_start = true;
            continue;
        }
        if c.is_alphabetic() {
            letters += 1;
            let form_is_upper = form_upper & (1 << i) != 0;
            form_all_caps &= form_is_upper;
            if word_start && c.is_uppercase() != form_is_upper {
                initials_agree = false;
            }
            word_start = false;
        }
    }
    if form_all_caps && letters <= 3 {
        return None; // A short acronym written otherwise (`Sap`).
    }
    (initials_agree && starts_upper(written)).then_some(CaseFit::Title)
}

impl Form {
    fn derived(self) -> bool {
        self.stripped_len > 0
    }
}

/// The gazetteer plus its automaton.
#[derive(Debug, Clone)]
pub struct NameMatcher {
    gazetteer: Gazetteer,
    phrases: PhraseMatcher,
    /// Surface forms; pattern values index this.
    forms: Vec<Form>,
}

/// Legal forms from `gazetteers/names/legal-forms.txt`, longest first.
pub fn legal_forms() -> &'static [&'static str] {
    static FORMS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    FORMS.get_or_init(|| crate::gazetteer::words::bundled_legal_forms().iter().map(|f| f.text.as_str()).collect())
}

/// `Microsoft Corporation` → `Microsoft`; None when no legal form ends the name or too
/// little would be left.
pub fn strip_legal_form(name: &str, forms: &[&str]) -> Option<String> {
    for form in forms {
        if name.len() > form.len() + 1 && ends_with_ignore_case(name, form) {
            let cut = name.len() - form.len();
            if !name.is_char_boundary(cut) {
                continue;
            }
            let head = name[..cut].trim_end_matches([' ', ',']);
            if head.len() < cut && head.chars().filter(|c| c.is_alphanumeric()).count() >= 3 {
                return Some(head.to_string());
            }
        }
    }
    None
}

fn ends_with_ignore_case(s: &str, suffix: &str) -> bool {
    if s.len() < suffix.len() || !s.is_char_boundary(s.len() - suffix.len()) {
        return false;
    }
    let tail = &s[s.len() - suffix.len()..];
    if suffix.is_ascii() {
        return tail.eq_ignore_ascii_case(suffix);
    }
    tail.chars().zip(suffix.chars()).all(|(a, b)| a == b || a.to_lowercase().eq(b.to_lowercase()))
}

impl NameMatcher {
    /// Compiles the gazetteer. Organisation names ending in a legal form also match
    /// without it (`Siemens AG` → `Siemens`).
    pub fn new(gazetteer: Gazetteer) -> Result<NameMatcher> {
        let (builder, forms) = collect_forms(&gazetteer);
        let phrases = builder.build()?;
        Ok(NameMatcher { gazetteer, phrases, forms })
    }

    /// The folded, deduplicated patterns the automaton of `gazetteer` holds (for the
    /// benchmark's plain automaton).
    pub fn patterns_of(gazetteer: &Gazetteer) -> Vec<String> {
        collect_forms(gazetteer).0.into_patterns()
    }

    pub fn entries(&self) -> &[Entry] {
        &self.gazetteer.entries
    }

    pub fn entry(&self, i: u32) -> &Entry {
        &self.gazetteer.entries[i as usize]
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The text of a form: a name of its entry, without its legal form if derived.
    fn form_text(&self, form: Form) -> std::borrow::Cow<'_, str> {
        let entry = &self.gazetteer.entries[form.entry as usize];
        let name = entry.names().nth(form.name as usize).unwrap_or(&entry.label);
        let name: std::borrow::Cow<'_, str> = if needs_collapse(name) { collapse_spaces(name).into() } else { name.into() };
        let len = usize::from(form.stripped_len);
        match name {
            _ if len == 0 => name,
            std::borrow::Cow::Borrowed(b) => std::borrow::Cow::Borrowed(b.get(..len).unwrap_or(b)),
            std::borrow::Cow::Owned(o) => std::borrow::Cow::Owned(o.get(..len).unwrap_or(&o).to_string()),
        }
    }

    /// Number of distinct (folded) patterns in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.phrases.pattern_count()
    }

    /// Heap memory of the automaton.
    pub fn memory_usage(&self) -> usize {
        self.phrases.memory_usage()
    }

    /// Names in `text` (normalised); `folded` is `fold_for_matching(text)`.
    pub fn find(&self, text: &str, folded: &str) -> Vec<NameMatch> {
        let mut out = Vec::new();
        for m in self.phrases.find_all(folded) {
            // The matcher allows a glued genitive `s` in folded text; in the text it must
            // be a lower-case `s` (`Adyens`, not `STOS`).
            let glued = !is_boundary_after(text, m.span.end);
            if glued && text.as_bytes().get(m.span.end) != Some(&b's') {
                continue;
            }
            let raw = &text[m.span.start..m.span.end];
            let written: std::borrow::Cow<str> = if raw.contains(|c: char| c.is_whitespace() && c != ' ') || raw.contains("  ") {
                collapse_spaces(raw).into()
            } else {
                raw.into()
            };
            // Only a name without lower-case letters can stand in a headline in capitals.
            let caps_line = !written.chars().any(char::is_lowercase) && in_caps_line(text, m.span);
            let mut best: Option<CaseFit> = None;
            let mut entries: Vec<u32> = Vec::new();
            let mut derived = true;
            for &form_idx in self.phrases.values(m.pattern) {
                let form = self.forms[form_idx as usize];
                let fit = if form.upper == LONG { case_fit(&written, &self.form_text(form)) } else { case_fit_masked(&written, form.upper) };
                if let Some(mut fit) = fit {
                    if caps_line {
                        fit = CaseFit::Caps;
                    }
                    if best.is_none_or(|b| fit < b) {
                        best = Some(fit);
                    }
                    if !entries.contains(&form.entry) {
                        entries.push(form.entry);
                    }
                    derived &= form.derived();
                }
            }
            if let Some(fit) = best {
                entries.sort_unstable();
                let genitive_s = glued;
                out.push(NameMatch { span: m.span, entries, fit, genitive_s, derived });
            }
        }
        out
    }
}

/// Every surface form of the gazetteer, added to a phrase matcher builder.
fn collect_forms(gazetteer: &Gazetteer) -> (PhraseMatcherBuilder, Vec<Form>) {
    let legal = legal_forms();
    let mut builder = PhraseMatcherBuilder::new().genitive_s(true);
    builder.reserve(gazetteer.entries.len() * 9 / 8);
    let mut forms: Vec<Form> = Vec::with_capacity(gazetteer.entries.len() * 9 / 8);
    for (i, entry) in gazetteer.entries.iter().enumerate() {
        for (n, name) in entry.names().enumerate().take(usize::from(u16::MAX)) {
            let mut add = |text: &str, stripped_len: u16| {
                if text.chars().filter(|c| c.is_alphanumeric()).take(2).count() < 2 {
                    return;
                }
                builder.add(text, forms.len() as u32);
                let upper = if needs_collapse(text) { upper_mask(&collapse_spaces(text)) } else { upper_mask(text) };
                forms.push(Form { entry: i as u32, name: n as u16, stripped_len, upper: upper.unwrap_or(LONG) });
            };
            add(name, 0);
            if entry.kind == crate::model::EntityKind::Organization {
                let collapsed: std::borrow::Cow<'_, str> = if needs_collapse(name) { collapse_spaces(name).into() } else { name.into() };
                if let Some(short) = strip_legal_form(&collapsed, legal) {
                    let len = u16::try_from(short.len()).unwrap_or(0);
                    if len > 0 && collapsed.starts_with(short.as_str()) && !entry.names().any(|other| other == short) {
                        add(&short, len);
                    }
                }
            }
        }
    }
    (builder, forms)
}

/// How `written` fits `form` (same letters up to case, guaranteed by the matcher).
pub fn case_fit(written: &str, form: &str) -> Option<CaseFit> {
    if written == form {
        return Some(CaseFit::Exact);
    }
    if is_all_caps(written) {
        return Some(CaseFit::Upper);
    }
    if is_all_caps(form) && form.chars().filter(|c| c.is_alphabetic()).count() <= 3 {
        // A short acronym written otherwise (`Sap`) is an ordinary word.
        return None;
    }
    let w_words = written.split([' ', '-']);
    let f_words = form.split([' ', '-']);
    for (w, f) in w_words.zip(f_words) {
        if starts_upper(w) != starts_upper(f) {
            return None;
        }
    }
    if !starts_upper(written) {
        return None;
    }
    Some(CaseFit::Title)
}

/// Is the line around `span` written in capitals (at least two words, four in five
/// letters upper case)? Such a line is a headline: case says nothing there.
pub fn in_caps_line(text: &str, span: Span) -> bool {
    // The line, but no more than a few hundred bytes either side (long unwrapped text).
    let mut lo = span.start.saturating_sub(300);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (span.end + 300).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let start = text[lo..span.start].rfind('\n').map_or(lo, |i| lo + i + 1);
    let end = text[span.end..hi].find('\n').map_or(hi, |i| span.end + i);
    let line = &text[start..end];
    let (mut upper, mut lower, mut words) = (0usize, 0usize, 0usize);
    let mut in_word = false;
    for c in line.chars() {
        if c.is_alphabetic() {
            if c.is_uppercase() {
                upper += 1;
            } else {
                lower += 1;
            }
            if !in_word {
                words += 1;
            }
            in_word = true;
        } else {
            in_word = false;
        }
    }
    if words >= 2 && upper >= 4 * lower && upper >= 4 {
        return true;
    }
    caps_words_around(text, span) >= 3
}

/// The number of consecutive words in capitals (two letters or more) through `span`:
/// `MAN VAN AMERICA TODAY` in a list of shop names is a run of four.
fn caps_words_around(text: &str, span: Span) -> usize {
    let is_caps_word = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && is_all_caps(w);
    if !is_caps_word(&text[span.start..span.end]) {
        return 0;
    }
    let before = text[..span.start].split(' ').rev().skip(1).take_while(|w| is_caps_word(w)).count();
    let after = text[span.end..].split(' ').skip(1).take_while(|w| is_caps_word(w)).count();
    1 + before + after
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold_for_matching;

    fn matcher() -> NameMatcher {
        let csv = "id,type,label,aliases,wikidata\n\
            microsoft,Organization,Microsoft Corporation,Microsoft,Q2283\n\
            linkedin,Organization,LinkedIn,,\n\
            sap,Organization,SAP SE,SAP,\n\
            apple,Organization,Apple Inc.,Apple,\n\
            siemens,Organization,Siemens AG,,\n\
            roland-busch,Person,Roland Busch,,\n";
        let mut g = Gazetteer::new();
        g.add_str("t.csv", csv).unwrap_or_else(|e| panic!("{e}"));
        NameMatcher::new(g).unwrap_or_else(|e| panic!("{e}"))
    }

    fn found(text: &str) -> Vec<(String, String)> {
        let m = matcher();
        let folded = fold_for_matching(text);
        m.find(text, &folded)
            .into_iter()
            .map(|n| (text[n.span.start..n.span.end].to_string(), m.entry(n.entries[0]).id.clone()))
            .collect()
    }

    #[test]
    fn case_rules() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("MICROSOFT TO BUY LINKEDIN", &[("MICROSOFT", "microsoft"), ("LINKEDIN", "linkedin")]),
            ("an apple a day at Apple", &[("Apple", "apple")]),
            ("Linkedin and Sap juice and SAP", &[("Linkedin", "linkedin"), ("SAP", "sap")]),
            ("Siemens-Chef Roland Busch", &[("Siemens", "siemens"), ("Roland Busch", "roland-busch")]),
            ("Microsoft Corporation's deal", &[("Microsoft Corporation", "microsoft")]),
            ("Roland\nBusch sagte", &[("Roland\nBusch", "roland-busch")]),
        ];
        for (text, expected) in cases {
            let got = found(text);
            let want: Vec<(String, String)> = expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn masked_case_fit_agrees() {
        let pairs = [
            ("LinkedIn", "LinkedIn"),
            ("Linkedin", "LinkedIn"),
            ("LINKEDIN", "LinkedIn"),
            ("linkedin", "LinkedIn"),
            ("Sap", "SAP"),
            ("Ikea", "IKEA"),
            ("Deutsche bank", "Deutsche Bank"),
            ("Mercedes-benz", "Mercedes-Benz"),
            ("eBay", "eBay"),
            ("Ebay", "eBay"),
            ("Han Van Doorn", "Han van Doorn"),
        ];
        for (written, form) in pairs {
            let mask = upper_mask(form).unwrap_or(LONG);
            assert_eq!(case_fit_masked(written, mask), case_fit(written, form), "{written} / {form}");
        }
    }

    #[test]
    fn strips_legal_forms() {
        let legal = legal_forms();
        assert_eq!(strip_legal_form("Siemens AG", legal).as_deref(), Some("Siemens"));
        assert_eq!(strip_legal_form("Koninklijke Philips N.V.", legal).as_deref(), Some("Koninklijke Philips"));
        assert_eq!(strip_legal_form("Microsoft Corporation", legal).as_deref(), Some("Microsoft"));
        assert_eq!(strip_legal_form("AB", legal), None);
        assert_eq!(strip_legal_form("Acme", legal), None);
    }
}
