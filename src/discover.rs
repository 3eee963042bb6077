//! Discovery of names that no gazetteer knows.
//!
//! - People: a capitalised two- to four-word name whose first word is a known first name
//!   (`gazetteers/first-names.txt`), or any capitalised two- or three-word name right
//!   after a role cue (`CEO Satya Nadella`) or right before `, <role>` (`Jan Smit,
//!   topman van …`); lower-case particles (`van den`, `von`) may sit inside.
//! - Organisations: capitalised words followed by a legal form (`Needium GmbH`,
//!   `Acme Corp.`), capitalised words after a company cue (`het bedrijf X`, `das
//!   Unternehmen X`, `startup X`), and a capitalised word glued to a company or role cue
//!   with a hyphen (`Needium-Chef`, `VW-Konzern`).
//!
//! Discovered entities carry a lower confidence than gazetteer ones. German capitalises
//! every noun, so organisations found by cue must not be common nouns
//! (`gazetteers/common-words-<lang>.txt`, when present).

use std::collections::{HashMap, HashSet};

use crate::model::{EntityKind, Sentence, Span};
use crate::text::fold_case;
use crate::text::words::{is_all_caps, starts_upper, tokenize, Token};

/// A name found by discovery.
#[derive(Debug, Clone, PartialEq)]
pub struct Discovered {
    pub span: Span,
    pub kind: EntityKind,
    pub label: String,
    pub confidence: f32,
}

/// The discovery rules and their word lists.
#[derive(Debug, Clone, Default)]
pub struct Discoverer {
    enabled: bool,
    /// Legal forms, longest first, as written.
    legal_forms: Vec<String>,
    first_names: HashSet<String>,
    /// Folded role cues, split into words.
    role_cues: Vec<Vec<String>>,
    particles: HashSet<String>,
    /// Folded company cues (before a name), split into words.
    company_before: Vec<Vec<String>>,
    /// Folded cues that may follow a name glued with a hyphen (`-Chef`, `-Konzern`).
    hyphen_after: HashSet<String>,
    /// Stop words of every language (folded): never a name on their own.
    stopwords: HashSet<String>,
    /// Common words per language (folded).
    common: HashMap<String, HashSet<String>>,
}

fn data_lines(path: &str) -> impl Iterator<Item = &'static str> {
    crate::bundled::file(path)
        .unwrap_or("")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Discoverer {
    /// The bundled word lists; `enabled = false` makes [`Discoverer::discover`] find nothing.
    pub fn bundled(enabled: bool) -> Discoverer {
        let mut legal_forms: Vec<String> = data_lines("gazetteers/names/legal-forms.txt").map(String::from).collect();
        legal_forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        let first_names = data_lines("gazetteers/first-names.txt").map(String::from).collect();
        let role_cues = data_lines("gazetteers/names/role-cues.txt")
            .map(|l| fold_case(l).split_whitespace().map(String::from).collect())
            .collect();
        let particles = data_lines("gazetteers/names/person-particles.txt").filter(|p| !p.contains(' ')).map(String::from).collect();
        let mut company_before = Vec::new();
        let mut hyphen_after = HashSet::new();
        for line in data_lines("gazetteers/names/company-cues.txt") {
            match line.split_once('\t') {
                Some(("before", cue)) => company_before.push(fold_case(cue).split_whitespace().map(String::from).collect()),
                Some(("after", cue)) if !cue.contains(' ') => {
                    hyphen_after.insert(fold_case(cue));
                }
                _ => {}
            }
        }
        for cue in data_lines("gazetteers/names/role-cues.txt") {
            if !cue.contains(' ') {
                hyphen_after.insert(fold_case(cue));
            }
        }
        let langs = crate::text::lang::Languages::bundled();
        let stopwords = langs.by_code.values().flat_map(|l| l.stopwords.iter().cloned()).collect();
        let mut common = HashMap::new();
        for (path, content) in crate::bundled::files_under("gazetteers/common-words-") {
            let code = path.trim_start_matches("gazetteers/common-words-").trim_end_matches(".txt").to_string();
            let words: HashSet<String> = content.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(fold_case).collect();
            common.insert(code, words);
        }
        Discoverer { enabled, legal_forms, first_names, role_cues, particles, company_before, hyphen_after, stopwords, common }
    }

    /// If a legal form follows `pos` (after one space or a comma and space), the end of it.
    pub fn legal_form_after(&self, text: &str, pos: usize) -> Option<usize> {
        let rest = &text[pos..];
        let skip = if rest.starts_with(", ") { 2 } else if rest.starts_with(' ') { 1 } else { return None };
        let rest = &rest[skip..];
        for form in &self.legal_forms {
            if let Some(after) = rest.strip_prefix(form.as_str()) {
                let next = after.chars().next();
                if next.is_none_or(|c| !c.is_alphanumeric()) {
                    return Some(pos + skip + form.len());
                }
            }
        }
        None
    }

    /// Is `word` an ordinary word of `lang`? None when there is no word list for it.
    pub fn is_common_in(&self, lang: &str, word: &str) -> Option<bool> {
        self.common.get(lang).map(|c| c.contains(&fold_case(word)))
    }

    /// Is `word` a stop word of any language?
    pub fn is_stopword(&self, word: &str) -> bool {
        self.stopwords.contains(&fold_case(word))
    }

    fn is_common(&self, lang: &str, word: &str) -> bool {
        let folded = fold_case(word);
        self.stopwords.contains(&folded) || self.common.get(lang).is_some_and(|c| c.contains(&folded))
    }

    /// Names in `text` not covered by `taken` spans (sorted).
    pub fn discover(&self, text: &str, folded: &str, sentences: &[Sentence], lang: &str, taken: &[Span]) -> Vec<Discovered> {
        let mut found: Vec<Discovered> = Vec::new();
        if !self.enabled {
            return found;
        }
        let free = |span: Span, found: &[Discovered]| {
            !taken.iter().any(|t| t.overlaps(span)) && !found.iter().any(|d| d.span.overlaps(span))
        };
        for sentence in sentences {
            let s_text = &text[sentence.span.start..sentence.span.end];
            if is_all_caps(s_text) {
                continue; // Headlines in capitals: every word looks like a name.
            }
            let tokens = tokenize(text, sentence.span);
            let word = |t: &Token| tok(text, t);
            let fword = |t: &Token| tok(folded, t);
            let mut i = 0;
            while i < tokens.len() {
                let t = tokens[i];
                if !t.is_word || !starts_upper(word(&t)) {
                    i += 1;
                    continue;
                }
                // A run of capitalised words, particles allowed inside.
                let mut j = i + 1;
                let mut last_cap = i;
                while j < tokens.len() && tokens[j].is_word && tokens[j].span.start <= tokens[j - 1].span.end + 1 {
                    let w = word(&tokens[j]);
                    if starts_upper(w) {
                        last_cap = j;
                    } else if !self.particles.contains(w) {
                        break;
                    }
                    j += 1;
                }
                let run = &tokens[i..=last_cap];
                let span = Span::new(run[0].span.start, run[run.len() - 1].span.end);
                // Organisation with a legal form.
                if let Some(end) = self.legal_form_after(text, span.end) {
                    let mut start_idx = 0;
                    while start_idx < run.len() - 1 && self.is_common(lang, word(&run[start_idx])) {
                        start_idx += 1;
                    }
                    let org = Span::new(run[start_idx].span.start, end);
                    let head = word(&run[start_idx]);
                    if !self.stopwords.contains(&fold_case(head)) && free(org, &found) {
                        found.push(Discovered { span: org, kind: EntityKind::Organization, label: text[org.start..org.end].to_string(), confidence: 0.8 });
                        i = last_cap + 1;
                        continue;
                    }
                }
                // Person with a known first name, or next to a role cue.
                if let Some(person) = self.person(text, folded, &tokens, i, last_cap, lang) {
                    if free(person, &found) {
                        found.push(Discovered { span: person, kind: EntityKind::Person, label: text[person.start..person.end].to_string(), confidence: 0.7 });
                        i = last_cap + 1;
                        continue;
                    }
                }
                // Organisation after a company cue: `het bedrijf Needium`.
                if self.cue_before(&tokens, i, folded) && run.len() <= 3 && !self.is_common(lang, word(&run[0])) && free(span, &found) {
                    found.push(Discovered { span, kind: EntityKind::Organization, label: text[span.start..span.end].to_string(), confidence: 0.6 });
                    i = last_cap + 1;
                    continue;
                }
                // Organisation glued to a cue: `Needium-Chef`, `VW-Konzern`.
                if run.len() == 1 && i + 2 < tokens.len() && word(&tokens[i + 1]) == "-" && tokens[i + 1].span.start == t.span.end {
                    let cue = fword(&tokens[i + 2]);
                    if self.hyphen_after.contains(cue) && !self.is_common(lang, word(&t)) && t.span.len() >= 2 && free(t.span, &found) {
                        found.push(Discovered { span: t.span, kind: EntityKind::Organization, label: word(&t).to_string(), confidence: 0.6 });
                    }
                }
                i = last_cap + 1;
            }
        }
        found.sort_by_key(|d| d.span);
        found
    }

    /// A person name in the run `tokens[i..=last]` (a sub-run of 2–4 words), if a rule fits.
    fn person(&self, text: &str, folded: &str, tokens: &[Token], i: usize, last: usize, lang: &str) -> Option<Span> {
        let word = |t: &Token| tok(text, t);
        let n_caps = tokens[i..=last].iter().filter(|t| starts_upper(word(t))).count();
        if n_caps < 2 {
            return None;
        }
        // Skip leading capitalised words that are common (sentence-initial `De`, `Die`)
        // until a first name starts the name.
        let mut start = i;
        while start < last && !self.first_names.contains(word(&tokens[start])) && self.is_common(lang, word(&tokens[start])) {
            start += 1;
        }
        let first = word(&tokens[start]);
        let second = tokens.get(start + 1).map(|t| word(t)).unwrap_or("");
        // A first name that is also a stop word (`De`, `Der`, `In`) says nothing, nor
        // does a common word followed by another (`Art Callcenter`).
        let known_first = self.first_names.contains(first)
            && !self.stopwords.contains(&fold_case(first))
            && !(self.is_common(lang, first) && self.is_common(lang, second));
        let role_before = self.role_cue_ends_at(tokens, start, folded);
        let role_after = last + 2 < tokens.len() && word(&tokens[last + 1]) == "," && self.role_cue_starts_at(tokens, last + 2, folded);
        if !(known_first || role_before || role_after) {
            return None;
        }
        // At most four words; the last one capitalised and not a stop word.
        let end = last.min(start + 3);
        let mut end_idx = end;
        while end_idx > start && !starts_upper(word(&tokens[end_idx])) {
            end_idx -= 1;
        }
        if end_idx == start || self.stopwords.contains(&fold_case(word(&tokens[end_idx]))) {
            return None;
        }
        if tokens[start..=end_idx].iter().any(|t| self.legal_forms.iter().any(|f| f == word(t))) {
            return None;
        }
        // Role words are not part of names (`Vice President Brand Content`).
        if tokens[start..=end_idx].iter().any(|t| self.role_cues.iter().any(|c| c.len() == 1 && c[0] == fold_case(word(t)))) {
            return None;
        }
        Some(Span::new(tokens[start].span.start, tokens[end_idx].span.end))
    }

    fn role_cue_ends_at(&self, tokens: &[Token], i: usize, folded: &str) -> bool {
        let fword = |t: &Token| tok(folded, t);
        self.role_cues.iter().any(|cue| {
            cue.len() <= i && cue.iter().rev().enumerate().all(|(k, w)| fword(&tokens[i - 1 - k]) == w)
        })
    }

    fn role_cue_starts_at(&self, tokens: &[Token], i: usize, folded: &str) -> bool {
        let fword = |t: &Token| tok(folded, t);
        // Allow a determiner before the role: `, de CEO van`, `, der Chef von`.
        let skip = ["de", "het", "der", "die", "the", "a", "an", "een"];
        let i = if i < tokens.len() && skip.contains(&fword(&tokens[i])) { i + 1 } else { i };
        self.role_cues.iter().any(|cue| i + cue.len() <= tokens.len() && cue.iter().enumerate().all(|(k, w)| fword(&tokens[i + k]) == w))
    }

    fn cue_before(&self, tokens: &[Token], i: usize, folded: &str) -> bool {
        let fword = |t: &Token| tok(folded, t);
        self.company_before.iter().any(|cue| {
            cue.len() <= i && cue.iter().rev().enumerate().all(|(k, w)| fword(&tokens[i - 1 - k]) == w)
        })
    }
}

/// The text of a token.
fn tok<'a>(text: &'a str, t: &Token) -> &'a str {
    &text[t.span.start..t.span.end]
}
