//! One Aho-Corasick automaton over many phrases, matched on word boundaries in folded
//! text. Names (the gazetteer) and cue words (the relation lexicons) both go through it.
//!
//! Why folded text and not the automaton's case-insensitive mode: at a million names the
//! latter quadruples build time and halves speed. Patterns and text are folded with
//! [`crate::text::fold_case`], which keeps byte offsets, and callers check case against
//! the original text where it matters.
//!
//! Why a manual search loop and not `find_iter`: a leftmost-longest match that starts
//! inside a word (`apple` in `Pineapple`) must not hide a valid match that starts at the
//! next word, and a longest match that ends inside a word (`Shell Oil` in `Shell Oily`)
//! must give way to the longest one that ends on a boundary (`Shell`). The shorter
//! match is found with an unanchored search over `start..end-1`: a leftmost-longest
//! search there starts at `start` whenever any pattern does, so the automaton needs no
//! anchored start state.
//!
//! Scale (a million names, see [`crate::gazetteer::bench`]): patterns are folded and
//! deduplicated through a table keyed by a 64-bit hash (no second copy of each name),
//! stored in one string, and given to the automaton in sorted order, which keeps the
//! trie builder's working set in cache and halves the build time. A pattern's caller
//! values are one `u32` each, with the rare patterns of several values in a side table.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};

use crate::error::{Error, Result};
use crate::model::Span;
use crate::text::words::{is_boundary_after, is_boundary_before, is_word_char};
use crate::text::fold_case;

/// How a phrase may sit in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PhraseOptions {
    /// The match may start inside a word (`*übernahme` matches `Milliardenübernahme`).
    pub open_start: bool,
    /// The match may end inside a word (`übernahme*` matches `Übernahmeangebot`).
    pub open_end: bool,
    /// The pattern has more than one value (they are then in a side table).
    many_values: bool,
}

/// A phrase match: the span in the text and the caller's values of the phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    pub span: Span,
    /// Index of the (deduplicated, folded) pattern; see [`PhraseMatcher::values`].
    pub pattern: u32,
}

/// Builds a [`PhraseMatcher`].
#[derive(Debug, Default)]
pub struct PhraseMatcherBuilder {
    /// Hash of a folded pattern → its index; the rare other patterns with the same hash
    /// are in `collisions`. (Keeping every pattern once, not again as a map key, saves
    /// a copy of a million names.)
    index: std::collections::HashMap<u64, u32, BuildIdentity>,
    collisions: std::collections::HashMap<String, u32>,
    /// The folded patterns, one after another (`pattern_ends[i]` ends pattern `i`): one
    /// allocation for a million names instead of a million.
    pattern_text: String,
    pattern_ends: Vec<u32>,
    options: Vec<PhraseOptions>,
    /// The first value of each pattern; all of them where there are several.
    first_value: Vec<u32>,
    more_values: std::collections::HashMap<u32, Vec<u32>, BuildIdentity>,
    /// Allow a genitive `s` directly after a match (`Adyens`, `Volkswagens`).
    genitive_s: bool,
}

impl PhraseMatcherBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Accept a genitive `s` glued to a name (`Adyens`); the match excludes it.
    pub fn genitive_s(mut self, yes: bool) -> Self {
        self.genitive_s = yes;
        self
    }

    /// Makes room for `additional` more phrases.
    pub fn reserve(&mut self, additional: usize) {
        self.index.reserve(additional);
        self.pattern_ends.reserve(additional);
        self.pattern_text.reserve(additional * 16);
        self.options.reserve(additional);
        self.first_value.reserve(additional);
    }

    /// Adds `phrase` with a caller value (e.g. an entry index). A leading or trailing `*`
    /// opens that side (see [`PhraseOptions`]). Phrases with no word character are ignored.
    pub fn add(&mut self, phrase: &str, value: u32) {
        let mut opts = PhraseOptions::default();
        let mut p = phrase.trim();
        if let Some(rest) = p.strip_prefix('*') {
            opts.open_start = true;
            p = rest;
        }
        if let Some(rest) = p.strip_suffix('*') {
            opts.open_end = true;
            p = rest;
        }
        if !p.chars().any(is_word_char) {
            return;
        }
        let folded = if needs_collapse(p) { fold_case(&collapse_spaces(p)) } else { fold_case(p) };
        let hash = hash_str(&folded);
        let existing = match self.index.get(&hash) {
            Some(&i) if self.pattern(i as usize) == folded => Some(i),
            Some(_) => self.collisions.get(&folded).copied(),
            None => None,
        };
        let i = match existing {
            Some(i) => i,
            None => {
                let i = self.pattern_ends.len() as u32;
                match self.index.entry(hash) {
                    std::collections::hash_map::Entry::Occupied(_) => {
                        self.collisions.insert(folded.clone(), i);
                    }
                    std::collections::hash_map::Entry::Vacant(slot) => {
                        slot.insert(i);
                    }
                }
                self.pattern_text.push_str(&folded);
                self.pattern_ends.push(self.pattern_text.len() as u32);
                self.options.push(opts);
                self.first_value.push(value);
                return;
            }
        };
        let idx = i as usize;
        // The same text with different openness: the most open wins.
        self.options[idx].open_start |= opts.open_start;
        self.options[idx].open_end |= opts.open_end;
        let first = self.first_value[idx];
        self.options[idx].many_values = true;
        let values = self.more_values.entry(i).or_insert_with(|| vec![first]);
        if !values.contains(&value) {
            values.push(value);
        }
    }

    pub fn len(&self) -> usize {
        self.pattern_ends.len()
    }

    /// Pattern `i` (folded).
    fn pattern(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.pattern_ends[i - 1] as usize };
        &self.pattern_text[start..self.pattern_ends[i] as usize]
    }

    /// The folded, deduplicated patterns, in index order.
    pub fn into_patterns(self) -> Vec<String> {
        (0..self.len()).map(|i| self.pattern(i).to_string()).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.pattern_ends.is_empty()
    }

    /// Compiles the automaton. The patterns go in sorted order: inserting neighbours one
    /// after another keeps the trie's working set in cache and builds a million names
    /// in less than half the time.
    pub fn build(mut self) -> Result<PhraseMatcher> {
        let n = self.len();
        let PhraseMatcherBuilder { index, collisions, .. } = &mut self;
        std::mem::take(index);
        std::mem::take(collisions);
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_unstable_by(|&a, &b| self.pattern(a as usize).cmp(self.pattern(b as usize)));
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(order.iter().map(|&i| self.pattern(i as usize)))
            .map_err(|e| Error::Matcher(e.to_string()))?;
        // Renumber everything in automaton order.
        let mut new_of_old = vec![0u32; n];
        for (new, &old) in order.iter().enumerate() {
            new_of_old[old as usize] = new as u32;
        }
        let options: Vec<PhraseOptions> = order.iter().map(|&i| self.options[i as usize]).collect();
        let first_value = order.iter().map(|&i| self.first_value[i as usize]).collect();
        let more_values = self.more_values.into_iter().map(|(old, v)| (new_of_old[old as usize], v)).collect();
        let open_start = options.iter().any(|o| o.open_start);
        Ok(PhraseMatcher { ac, options, first_value, more_values, genitive_s: self.genitive_s, open_start })
    }
}

/// A 64-bit FxHash of a string (the hash `rustc` uses): fast, and good enough to key a
/// table whose collisions are checked.
fn hash_str(s: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = s.len() as u64;
    let mut chunks = s.as_bytes().chunks_exact(8);
    for c in &mut chunks {
        let mut b = [0u8; 8];
        b.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
    }
    for &b in chunks.remainder() {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
    }
    h
}

/// A hasher for keys that are already hashes.
#[derive(Debug, Default, Clone, Copy)]
struct BuildIdentity;

impl std::hash::BuildHasher for BuildIdentity {
    type Hasher = IdentityHasher;
    fn build_hasher(&self) -> IdentityHasher {
        IdentityHasher(0)
    }
}

#[derive(Debug, Default, Clone, Copy)]
struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
    fn write_u32(&mut self, n: u32) {
        // Spread small integers over the high bits the table probes with.
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Does `s` hold white space other than single spaces between words?
pub fn needs_collapse(s: &str) -> bool {
    let b = s.as_bytes();
    b.first() == Some(&b' ')
        || b.last() == Some(&b' ')
        || b.windows(2).any(|w| w == b"  ")
        || s.chars().any(|c| c.is_whitespace() && c != ' ')
}

/// Replaces runs of white space with one space, so `Deutsche  Bank` and a name written
/// across a line break still match.
pub fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// The automaton plus what each pattern means to the caller.
#[derive(Debug, Clone)]
pub struct PhraseMatcher {
    ac: AhoCorasick,
    options: Vec<PhraseOptions>,
    first_value: Vec<u32>,
    more_values: std::collections::HashMap<u32, Vec<u32>, BuildIdentity>,
    genitive_s: bool,
    /// Some pattern may start inside a word.
    open_start: bool,
}

impl PhraseMatcher {
    /// The caller's values of a pattern.
    pub fn values(&self, pattern: u32) -> &[u32] {
        let i = pattern as usize;
        if self.options.get(i).is_some_and(|o| o.many_values) {
            if let Some(values) = self.more_values.get(&pattern) {
                return values;
            }
        }
        self.first_value.get(i).map(std::slice::from_ref).unwrap_or(&[])
    }

    pub fn pattern_count(&self) -> usize {
        self.first_value.len()
    }

    /// Heap memory of the automaton and the pattern values in bytes.
    pub fn memory_usage(&self) -> usize {
        self.ac.memory_usage()
            + self.options.capacity() * std::mem::size_of::<PhraseOptions>()
            + self.first_value.capacity() * 4
            + self.more_values.values().map(|v| v.capacity() * 4 + 48).sum::<usize>()
    }

    /// All non-overlapping matches in `folded` (text folded with `fold_case`, with runs
    /// of white space as in the text: callers fold the normalised text), leftmost-longest,
    /// on word boundaries.
    pub fn find_all(&self, folded: &str) -> Vec<PhraseMatch> {
        let mut out = Vec::new();
        let mut pos = 0;
        // After a rejected match go on from the next word, or, where a pattern may start
        // inside a word, from the next character (`*topman` in `siemenstopman`, where
        // `en` is found first).
        let resume = |start: usize| {
            if self.open_start {
                folded[start..].chars().next().map_or(folded.len(), |ch| start + ch.len_utf8())
            } else {
                next_word_start(folded, start)
            }
        };
        while pos < folded.len() {
            let Some(m) = self.ac.find(Input::new(folded).range(pos..)) else { break };
            let pat = m.pattern().as_usize();
            let opts = self.options[pat];
            if !opts.open_start && !is_boundary_before(folded, m.start()) && starts_with_word_char(folded, m.start()) {
                // Inside a word.
                pos = resume(m.start());
                continue;
            }
            if let Some(found) = self.accept_end(folded, m.start(), m.end(), pat) {
                pos = found.span.end;
                out.push(found);
            } else {
                pos = resume(m.start());
            }
        }
        out
    }

    /// The longest match from `start` that ends on a boundary, trying shorter anchored
    /// matches when the longest one ends inside a word.
    fn accept_end(&self, folded: &str, start: usize, mut end: usize, mut pat: usize) -> Option<PhraseMatch> {
        loop {
            if self.end_ok(folded, end, pat) {
                return Some(PhraseMatch { span: Span::new(start, end), pattern: pat as u32 });
            }
            if end <= start + 1 {
                return None;
            }
            // The leftmost-longest match in `start..end-1` starts at `start` if any
            // pattern does there, so no anchored search (and no second start state in
            // the automaton) is needed.
            let m = self.ac.find(Input::new(folded).range(start..end - 1))?;
            if m.start() != start {
                return None;
            }
            end = m.end();
            pat = m.pattern().as_usize();
        }
    }

    fn end_ok(&self, folded: &str, end: usize, pat: usize) -> bool {
        if self.options[pat].open_end || is_boundary_after(folded, end) {
            return true;
        }
        // The pattern ends in a non-word character (`Inc.`): no boundary needed.
        if !folded[..end].chars().next_back().is_some_and(is_word_char) {
            return true;
        }
        // Genitive `s` glued to the name: `Adyens`, `Volkswagens`.
        self.genitive_s
            && folded.as_bytes().get(end) == Some(&b's')
            && is_boundary_after(folded, end + 1)
            && folded[..end].chars().next_back().is_some_and(|c| c.is_alphabetic() && c != 's')
    }
}

fn starts_with_word_char(text: &str, pos: usize) -> bool {
    text[pos..].chars().next().is_some_and(is_word_char)
}

/// The byte offset of the next word start strictly after `pos` (or the end).
fn next_word_start(text: &str, pos: usize) -> usize {
    let mut in_word = true;
    for (i, c) in text[pos..].char_indices().skip(1) {
        let w = is_word_char(c);
        if w && !in_word {
            return pos + i;
        }
        in_word = w;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(phrases: &[&str]) -> PhraseMatcher {
        let mut b = PhraseMatcherBuilder::new().genitive_s(true);
        for (i, p) in phrases.iter().enumerate() {
            b.add(p, i as u32);
        }
        b.build().unwrap_or_else(|e| panic!("{e}"))
    }

    fn spans(phrases: &[&str], text: &str) -> Vec<String> {
        let m = matcher(phrases);
        let folded = fold_case(text);
        m.find_all(&folded).iter().map(|m| text[m.span.start..m.span.end].to_string()).collect()
    }

    #[test]
    fn word_boundaries() {
        // (phrases, text, expected matches)
        let cases: &[(&[&str], &str, &[&str])] = &[
            (&["Apple"], "Pineapple and Apple", &["Apple"]),
            (&["SAP"], "SAPporo, SAP-Chef", &["SAP"]),
            (&["Shell", "Shell Oil"], "Shell Oily stuff", &["Shell"]),
            (&["Shell", "Shell Oil"], "Shell Oil said", &["Shell Oil"]),
            (&["Adyen"], "Adyens omzet", &["Adyen"]),
            (&["Siemens"], "Siemens' Chef", &["Siemens"]),
            (&["Netflix"], "Netflix's plan", &["Netflix"]),
            (&["Bayer"], "die Bayer-Tochter", &["Bayer"]),
            (&["Acme Inc."], "Acme Inc. said", &["Acme Inc."]),
            (&["übernahme*"], "Übernahmeangebot", &["Übernahme"]),
            (&["*übernahme"], "Milliardenübernahme", &["übernahme"]),
            // A shorter pattern found first inside the word does not hide an open one.
            (&["en", "*topman"], "Siemenstopman", &["topman"]),
            (&["hem", "*topman"], "oud-Hematopman", &["topman"]),
            (&["en", "*topman"], "Siemens en", &["en"]),
            (&["Deutsche Bank"], "Deutsche  Bankers", &[]),
        ];
        for (phrases, text, expected) in cases {
            assert_eq!(spans(phrases, text), *expected, "{phrases:?} in {text:?}");
        }
    }

    #[test]
    fn values_are_deduplicated() {
        let mut b = PhraseMatcherBuilder::new();
        b.add("Microsoft", 1);
        b.add("MICROSOFT", 2);
        b.add("Microsoft", 1);
        b.add("Apple", 3);
        let m = b.build().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(m.pattern_count(), 2);
        // Patterns are numbered in sorted order.
        assert_eq!(m.values(0), &[3]);
        assert_eq!(m.values(1), &[1, 2]);
    }
}
