//! The word lists that entity finding reasons with, loaded once: legal forms, first
//! names, particles, role and company cues, name heads, places, and per language the
//! function words, common words and abbreviations.
//!
//! Everything here is data from `gazetteers/names/` and `gazetteers/lang/` (plus the
//! bundled `first-names.txt` and `common-words-<lang>.txt`), so a better list needs no
//! Rust change. The questions it answers are small and language-aware:
//! - is this capitalised word an ordinary word of the document's language
//!   ([`NameWords::is_common_in`]), a function word, a place, a first name?
//! - does a legal form, a company cue or a role cue stand at this position?
//!
//! German writes every noun with a capital and its word list (`wngerman`) holds mostly
//! base forms, so [`NameWords::is_common_in`] also treats a capitalised word as a German
//! noun when at least four listed nouns start with it (`Personal`: `Personalabbau`,
//! `Personalabteilung`, …), which names rarely do (`Google`, `Apple`: none).

// The word lists are looked up several times per word of every sentence: a fast
// (deterministic) hash instead of SipHash; nothing iterates them in an order that shows.
type HashSet<T> = std::collections::HashSet<T, rustc_hash::FxBuildHasher>;
type HashMap<K, V> = std::collections::HashMap<K, V, rustc_hash::FxBuildHasher>;
use std::sync::OnceLock;

use crate::text::fold::fold_case_cow;
use crate::text::fold_case;
use crate::text::lang::Languages;
use crate::text::words::{is_all_caps, is_boundary_after, is_boundary_before, is_word_char};

/// A legal form as written (`GmbH`, `N.V.`), and whether it may be glued to the name
/// with a hyphen (`RAG-Stiftung`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegalForm {
    pub text: String,
    pub hyphen: bool,
}

/// A particle sequence (`van der`) and the languages where it may stand (empty: all).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Particle {
    words: Vec<String>,
    langs: Vec<String>,
}

/// What a name head says about a capitalised run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadKind {
    /// `Capital`, `Institute`, `Bank`: the run names an organisation.
    Org,
    /// `County`, `Street`: the run names a place.
    Place,
}

/// The word lists (see the module docs).
#[derive(Debug, Default)]
pub struct NameWords {
    /// Longest first.
    legal_forms: Vec<LegalForm>,
    first_names: HashSet<String>,
    particles: Vec<Particle>,
    /// Folded role cues split into words.
    role_cues: Vec<Vec<String>>,
    /// Folded ends of role compounds (`chef` for `Konzernchef`).
    role_suffixes: Vec<String>,
    company_before: Vec<Vec<String>>,
    /// May start with `,` (`, a maker of`).
    company_after: Vec<Vec<String>>,
    company_weak: Vec<Vec<String>>,
    compound_ends: Vec<String>,
    heads: HashMap<String, HeadKind>,
    places: HashSet<String>,
    /// One-word places, folded (for [`NameWords::is_place_abbreviation`]).
    places_folded: Vec<String>,
    place_codes: HashSet<String>,
    /// Folded function words by language, and of all languages together.
    function_words: HashMap<String, HashSet<String>>,
    all_function_words: HashSet<String>,
    /// Folded stop words of all languages (always lower case in running text).
    stopwords: HashSet<String>,
    /// Folded common words by language.
    common: HashMap<String, HashSet<String>>,
    /// Sorted folded common words of the languages that capitalise nouns (prefix test).
    noun_prefixes: HashMap<String, Vec<String>>,
    capitalising: HashSet<String>,
    /// Languages whose discovered names count from the article's start.
    names_from_start: HashSet<String>,
    /// Languages whose main clauses are verb-second (`properties.txt`: `verb_second`).
    verb_second: HashSet<String>,
    abbreviations: HashSet<String>,
    /// Folded determiners after which a capitalised word is a noun (`seine`, `a`, `een`).
    /// Determiner → the languages it is one in (empty: any).
    noun_determiners: HashMap<String, Vec<String>>,
    /// Folded words of role cues (`chief`, `officer`, `vice`): never part of a name.
    role_parts: HashSet<String>,
    /// The first four letters of place names (for nationality adjectives).
    place_prefixes: HashSet<String>,
    /// Folded ends of German compounds that name one institution after a definite
    /// article (`das Bildungsministerium`, `die Arbeiterkammer`).
    institution_ends: Vec<String>,
    /// Folded nouns that, lower-case after a nationality adjective, name one institution
    /// (`de Franse staat`, `de Canadese overheid`).
    state_nouns: HashSet<String>,
    /// Terms written like names that name nothing (`R&D`, `M&A`), as written.
    terms: HashSet<String>,
    /// Indices into `legal_forms` by their first byte (in their order), and of the
    /// all-letter forms of three letters or more by their first byte lower-cased: a
    /// lookup at a position tries only the forms that can match there.
    legal_by_first: Vec<Vec<usize>>,
    legal_caps_by_first: Vec<Vec<usize>>,
    /// The one-word role and company cues (before and after), folded.
    one_word_cues: HashSet<String>,
    /// Indices into `role_cues` and `company_before` by the last byte of the phrase
    /// (see [`ends_with_phrase_in`]).
    role_cues_by_last: Vec<Vec<usize>>,
    company_before_by_last: Vec<Vec<usize>>,
    /// By language: articles before an institution's acronym, and acronyms that name
    /// none (`gazetteers/lang/<code>/acronyms.txt`).
    acronym_articles: HashMap<String, HashSet<String>>,
    non_institution_acronyms: HashMap<String, HashSet<String>>,
}

/// The legal forms of `gazetteers/names/legal-forms.txt`, longest first (loaded on
/// their own: the name matcher needs them, not the big word lists).
pub fn bundled_legal_forms() -> &'static [LegalForm] {
    static FORMS: OnceLock<Vec<LegalForm>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut forms: Vec<LegalForm> = bundled_lines("gazetteers/names/legal-forms.txt")
            .map(|line| {
                let (text, flag) = line.split_once('\t').unwrap_or((line, ""));
                LegalForm { text: text.trim().to_string(), hyphen: flag.trim() == "hyphen" }
            })
            .collect();
        forms.sort_by_key(|f| std::cmp::Reverse(f.text.len()));
        forms
    })
}

fn data_lines(content: &str) -> impl Iterator<Item = &str> {
    content.lines().map(str::trim_end).filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

fn bundled_lines(path: &str) -> impl Iterator<Item = &'static str> {
    data_lines(crate::bundled::file(path).unwrap_or(""))
}

fn split_words(s: &str) -> Vec<String> {
    fold_case(s).split_whitespace().map(String::from).collect()
}

impl NameWords {
    /// The bundled lists, loaded on first use and shared.
    pub fn bundled() -> &'static NameWords {
        static WORDS: OnceLock<NameWords> = OnceLock::new();
        WORDS.get_or_init(NameWords::load_bundled)
    }

    fn load_bundled() -> NameWords {
        let mut w = NameWords {
            legal_forms: bundled_legal_forms().to_vec(),
            first_names: bundled_lines("gazetteers/first-names.txt").map(|l| l.trim().to_string()).collect(),
            ..NameWords::default()
        };
        for line in bundled_lines("gazetteers/names/person-particles.txt") {
            let (words, langs) = line.split_once('\t').unwrap_or((line, ""));
            w.particles.push(Particle {
                words: split_words(words),
                langs: langs.split([',', ' ']).filter(|l| !l.is_empty()).map(String::from).collect(),
            });
        }
        w.particles.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        for line in bundled_lines("gazetteers/names/role-cues.txt") {
            let line = line.trim();
            match line.strip_prefix('*') {
                Some(end) => w.role_suffixes.push(fold_case(end)),
                None => w.role_cues.push(split_words(line)),
            }
        }
        w.role_parts = w.role_cues.iter().flatten().cloned().collect();
        w.noun_determiners = bundled_lines("gazetteers/names/noun-determiners.txt")
            .map(|l| {
                let mut parts = l.split('\t');
                let word = fold_case(parts.next().unwrap_or("").trim());
                let langs = parts.next().map(|ls| ls.split(',').map(|x| x.trim().to_string()).collect()).unwrap_or_default();
                (word, langs)
            })
            .collect();
        for line in bundled_lines("gazetteers/names/company-cues.txt") {
            let Some((kind, cue)) = line.split_once('\t') else { continue };
            let cue = cue.trim();
            match kind.trim() {
                "before" => w.company_before.push(split_words(cue)),
                "after" => w.company_after.push(split_words(&cue.replace(',', " , "))),
                "weak" => w.company_weak.push(split_words(cue)),
                "compound" => w.compound_ends.push(fold_case(cue)),
                _ => {}
            }
        }
        for line in bundled_lines("gazetteers/names/name-heads.txt") {
            match line.split_once('\t') {
                Some(("org", word)) => {
                    w.heads.insert(word.trim().to_string(), HeadKind::Org);
                }
                Some(("place", word)) => {
                    w.heads.insert(word.trim().to_string(), HeadKind::Place);
                }
                Some(("institution", end)) => w.institution_ends.push(fold_case(end.trim())),
                Some(("term", term)) => {
                    w.terms.insert(term.trim().to_string());
                }
                Some(("state", noun)) => {
                    w.state_nouns.insert(fold_case(noun.trim()));
                }
                _ => {}
            }
        }
        for line in bundled_lines("gazetteers/names/places.txt") {
            match line.split_once('\t') {
                Some(("code", code)) => {
                    w.place_codes.insert(code.trim().to_string());
                }
                _ => {
                    w.places.insert(line.trim().to_string());
                }
            }
        }
        w.place_prefixes = w.places.iter().map(|p| p.chars().take(4).collect()).collect();
        w.places_folded = w.places.iter().filter(|p| !p.contains(' ')).map(|p| fold_case(p)).collect();
        w.places_folded.sort();
        let langs = Languages::bundled();
        for data in langs.by_code.values() {
            w.stopwords.extend(data.stopwords.iter().cloned());
            let set = w.function_words.entry(data.code.clone()).or_default();
            set.extend(data.stopwords.iter().cloned());
            set.extend(data.function_words.iter().cloned());
            w.all_function_words.extend(set.iter().cloned());
            if data.capitalises_nouns {
                w.capitalising.insert(data.code.clone());
            }
            if data.names_from_start {
                w.names_from_start.insert(data.code.clone());
            }
            if data.verb_second {
                w.verb_second.insert(data.code.clone());
            }
            if !data.acronym_articles.is_empty() {
                w.acronym_articles.insert(data.code.clone(), data.acronym_articles.iter().cloned().collect());
                w.non_institution_acronyms.insert(data.code.clone(), data.non_institution_acronyms.iter().cloned().collect());
            }
        }
        w.abbreviations = langs.all_abbreviations.iter().cloned().collect();
        for (path, content) in crate::bundled::files_under("gazetteers/common-words-") {
            let code = path.trim_start_matches("gazetteers/common-words-").trim_end_matches(".txt").to_string();
            let words: HashSet<String> = data_lines(content).map(|l| fold_case(l.trim())).collect();
            if w.capitalising.contains(&code) {
                let mut sorted: Vec<String> = words.iter().cloned().collect();
                sorted.sort_unstable();
                w.noun_prefixes.insert(code.clone(), sorted);
            }
            w.common.insert(code, words);
        }
        w.legal_by_first = vec![Vec::new(); 256];
        w.legal_caps_by_first = vec![Vec::new(); 256];
        for (k, form) in w.legal_forms.iter().enumerate() {
            let Some(&first) = form.text.as_bytes().first() else { continue };
            w.legal_by_first[first as usize].push(k);
            if form.text.len() >= 3 && form.text.chars().all(|c| c.is_ascii_alphabetic()) {
                w.legal_caps_by_first[first.to_ascii_lowercase() as usize].push(k);
            }
        }
        w.one_word_cues = [&w.role_cues, &w.company_before, &w.company_after]
            .into_iter()
            .flatten()
            .filter(|c| c.len() == 1)
            .map(|c| c[0].clone())
            .collect();
        w.role_cues_by_last = by_last_byte(&w.role_cues);
        w.company_before_by_last = by_last_byte(&w.company_before);
        w
    }

    // ---- Words -------------------------------------------------------------------

    /// Does the language write every noun with a capital (German)?
    /// A discovered organisation's name counts from the article's start in `lang`
    /// (`properties.txt`: `names_from_start`).
    pub fn names_from_start(&self, lang: &str) -> bool {
        self.names_from_start.contains(lang)
    }

    /// Main clauses of `lang` are verb-second: known names may stand side by side as
    /// subject and object (`properties.txt`: `verb_second`).
    pub fn verb_second(&self, lang: &str) -> bool {
        self.verb_second.contains(lang)
    }

    pub fn capitalises_nouns(&self, lang: &str) -> bool {
        self.capitalising.contains(lang)
    }

    /// A function word (article, pronoun, preposition, month, …) of any language. Words
    /// in capitals (`US`, `MIT`) are acronyms, not function words.
    pub fn is_function_word(&self, word: &str) -> bool {
        !is_all_caps(word) && self.all_function_words.contains(fold_case_cow(word).as_ref())
    }

    /// A stop word of any language (`der`, `and`, `het`): written in lower case except
    /// at a sentence start or in a Title Case headline.
    pub fn is_stopword(&self, word: &str) -> bool {
        !is_all_caps(word) && self.stopwords.contains(fold_case_cow(word).as_ref())
    }

    /// A function word of `lang`.
    /// `word` (folded) is an article after which an all-capitals acronym of `lang` names
    /// an institution (`de`, `het` in Dutch: `bij de ANWB`).
    pub fn is_acronym_article(&self, lang: &str, word: &str) -> bool {
        self.acronym_articles.get(lang).is_some_and(|s| s.contains(word))
    }

    /// `acronym` (as written) names a country, law, index or thing in `lang`, not an
    /// institution (`VS`, `AEX`, `BTW`).
    pub fn is_non_institution_acronym(&self, lang: &str, acronym: &str) -> bool {
        self.non_institution_acronyms.get(lang).is_some_and(|s| s.contains(acronym))
    }

    pub fn is_function_word_in(&self, lang: &str, word: &str) -> bool {
        !is_all_caps(word) && self.function_words.get(lang).is_some_and(|s| s.contains(fold_case_cow(word).as_ref()))
    }

    /// An ordinary word of `lang`: a function word, a listed common word, or (in a
    /// language that capitalises nouns) the stem of at least four listed nouns.
    pub fn is_common_in(&self, lang: &str, word: &str) -> bool {
        if self.is_function_word_in(lang, word) {
            return true;
        }
        let folded = fold_case_cow(word);
        if self.common.get(lang).is_some_and(|c| c.contains(folded.as_ref())) {
            return true;
        }
        self.noun_prefixes.get(lang).is_some_and(|sorted| stem_count(sorted, &folded, 4) >= 4)
    }

    /// An ordinary word of any language (see [`NameWords::is_common_in`]).
    pub fn is_common_anywhere(&self, word: &str) -> bool {
        self.is_function_word(word) || self.common.keys().any(|lang| self.is_common_in(lang, word))
    }

    /// A word listed as ordinary in `lang` (its word list or function words), without
    /// the guess from noun stems that [`NameWords::is_common_in`] adds.
    pub fn is_listed_word(&self, lang: &str, word: &str) -> bool {
        self.is_function_word_in(lang, word) || self.common.get(lang).is_some_and(|c| c.contains(fold_case_cow(word).as_ref()))
    }

    /// A lower-case word of a language that does not capitalise nouns (`bank`, `cook`)
    /// or a function word: a capital on it is no sign of a name.
    pub fn is_plain_word(&self, word: &str) -> bool {
        if self.is_function_word(word) {
            return true;
        }
        let folded = fold_case_cow(word);
        self.common.iter().any(|(lang, words)| !self.capitalising.contains(lang) && words.contains(folded.as_ref()))
    }

    /// A compound noun of a language that capitalises nouns: it ends in a listed noun of
    /// at least four letters after at least three more (`Telefonnummer`: `Nummer`).
    /// Only for discovery: many company names are built that way too (`Volkswagen`).
    pub fn is_compound_noun(&self, lang: &str, word: &str) -> bool {
        if !self.capitalising.contains(lang) {
            return false;
        }
        let Some(common) = self.common.get(lang) else { return false };
        let folded = fold_case(word);
        let chars: Vec<(usize, char)> = folded.char_indices().collect();
        (3..chars.len().saturating_sub(3)).any(|k| common.contains(&folded[chars[k].0..]))
    }

    /// A plural or genitive of a listed noun or compound noun in a language that
    /// capitalises nouns (`Einnahmen`, `Punkte`, `Containerschiffe`): the stem left after
    /// a noun ending (`-en`, `-n`, `-e`, `-es`, `-s`) is one, with at least four letters.
    pub fn is_inflected_noun(&self, lang: &str, word: &str) -> bool {
        if !self.capitalises_nouns(lang) || is_all_caps(word) {
            return false;
        }
        let Some(common) = self.common.get(lang) else { return false };
        let folded = fold_case(word);
        ["en", "n", "e", "es", "s"].iter().any(|suffix| {
            folded.strip_suffix(suffix).is_some_and(|stem| {
                stem.chars().count() >= 4 && (common.contains(stem) || self.is_compound_noun(lang, stem))
            })
        })
    }

    /// An adjective of nationality in a language that capitalises them (`Britse`,
    /// `Russische`, `Australian`, `Chinese`): a known suffix on the start of a place name.
    pub fn is_demonym(&self, lang: &str, word: &str) -> bool {
        let suffixes: &[&str] = match lang {
            "nl" => &["se", "sche"],
            "en" => &["an", "ans", "ese", "ish"],
            _ => &[],
        };
        if !suffixes.iter().any(|s| word.ends_with(s)) {
            return false;
        }
        let prefix: String = word.chars().take(4).collect();
        prefix.chars().count() == 4 && self.place_prefixes.contains(&prefix)
    }

    /// A determiner after which a capitalised word is an ordinary noun (`seine`, `een`)
    /// in a text in `lang` (English `an`, not the German preposition).
    pub fn is_noun_determiner(&self, lang: &str, word: &str) -> bool {
        self.noun_determiners.get(fold_case_cow(word).as_ref()).is_some_and(|langs| langs.is_empty() || langs.iter().any(|l| l == lang))
    }

    /// A word of a role cue (`Chief`, `Officer`, `President`), or a role compound.
    pub fn is_role_part(&self, word: &str) -> bool {
        let folded = fold_case_cow(word);
        self.role_parts.contains(folded.as_ref()) || self.is_role_word(&folded)
    }

    /// In `first-names.txt` (as written).
    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word)
    }

    /// A first name that, capitalised in a text of `lang`, is likely one: not a function
    /// word (`Am`, `April`), a place or a nationality, and in a language that
    /// capitalises nouns not a noun of it (`Bank`, `Ende`). In English and Dutch a
    /// capitalised `Mark` or `Jan` is a name, though `mark` and `jan` are words too.
    pub fn is_plausible_first_name(&self, lang: &str, word: &str) -> bool {
        // The cheap set lookup first: most words are no first name.
        self.is_first_name(word)
            && !self.is_function_word(word)
            && !self.is_place(word)
            && !self.is_demonym(lang, word)
            && !(self.capitalises_nouns(lang) && self.is_common_in(lang, word))
    }

    /// A first name that is no word of any language (`Paul`, `Elon`; not `Visa`, `Mark`):
    /// a capital on it says nothing about a company.
    pub fn is_distinct_first_name(&self, word: &str) -> bool {
        self.is_first_name(word) && !self.is_plain_word(word) && !self.is_function_word(word) && !self.is_place(word)
    }

    /// A country, region or continent (as written), or a country code (`US`, `EU`).
    pub fn is_place(&self, name: &str) -> bool {
        self.places.contains(name) || self.place_codes.contains(name)
    }

    /// Is the word a compound ending in an institution word (`Bildungsministerium`,
    /// `Wettbewerbsbehörde`), not the word alone?
    pub fn is_institution_compound(&self, word: &str) -> bool {
        let f = fold_case(word);
        self.institution_ends.iter().any(|e| f.len() > e.len() + 3 && f.ends_with(e.as_str()))
    }

    /// Is the word (as written, lower case) a noun that names one institution after a
    /// nationality adjective (`staat` in `de Franse staat`)?
    pub fn is_state_noun(&self, word: &str) -> bool {
        word.chars().next().is_some_and(char::is_lowercase) && self.state_nouns.contains(word)
    }

    /// A term written like a name that names nothing (`R&D`, `M&A`)?
    pub fn is_term(&self, word: &str) -> bool {
        self.terms.contains(word)
    }

    /// Does the acronym start the name of a place, as the sports codes of countries do
    /// (`GER`, `SUI`, `NED`)?
    pub fn is_place_abbreviation(&self, acronym: &str) -> bool {
        let a = fold_case(acronym);
        a.chars().count() == 3 && self.places_folded.iter().any(|p| p.starts_with(a.as_str()))
    }

    /// A country, region or continent (as written), not a code: `VU` may be a university.
    pub fn is_place_name(&self, name: &str) -> bool {
        self.places.contains(name)
    }

    /// A known abbreviation (`Mio`, `bzw`, `Inc`) of any language.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(fold_case_cow(word).as_ref())
    }

    /// Whether `word` heads the name of an organisation or a place.
    pub fn head_kind(&self, word: &str) -> Option<HeadKind> {
        self.heads.get(word).copied()
    }

    // ---- Particles ----------------------------------------------------------------

    /// The number of words of the particle sequence that starts at `words[0]`, if one
    /// does and may stand in `lang` (`van den` → 2).
    pub fn particle_len(&self, words: &[&str], lang: &str) -> usize {
        for p in &self.particles {
            if p.words.len() <= words.len()
                && (p.langs.is_empty() || p.langs.iter().any(|l| l == lang))
                && p.words.iter().zip(words).all(|(a, b)| a == *b)
            {
                return p.words.len();
            }
        }
        0
    }

    // ---- Legal forms --------------------------------------------------------------

    pub fn legal_forms(&self) -> &[LegalForm] {
        &self.legal_forms
    }

    /// A legal form starting exactly at byte `pos` of `text`: its end.
    pub fn legal_form_at<'a>(&'a self, text: &str, pos: usize) -> Option<usize> {
        let rest = text.get(pos..)?;
        if !is_boundary_before(text, pos) {
            return None;
        }
        let first = *rest.as_bytes().first()?;
        let forms = |index: &'a [Vec<usize>], byte: u8| {
            index.get(byte as usize).map_or(&[][..], Vec::as_slice).iter().filter_map(|&k| self.legal_forms.get(k))
        };
        for form in forms(&self.legal_by_first, first) {
            if let Some(after) = rest.strip_prefix(form.text.as_str()) {
                let end = pos + form.text.len();
                let ends_word = form.text.chars().next_back().is_some_and(is_word_char);
                if !ends_word || after.chars().next().is_none_or(|c| !is_word_char(c)) {
                    // `Co` of `Co-Chef` is no legal form.
                    if ends_word && after.starts_with('-') && after[1..].chars().next().is_some_and(is_word_char) {
                        continue;
                    }
                    return Some(end);
                }
            }
        }
        // In capitals or mistyped (`INC`, `CORP`, `INc`): a form of three letters or more,
        // written with more than one capital.
        for form in forms(&self.legal_caps_by_first, first.to_ascii_lowercase()) {
            let n = form.text.len();
            let Some(head) = rest.get(..n) else { continue };
            let capitals = head.chars().filter(char::is_ascii_uppercase).count();
            if head.eq_ignore_ascii_case(&form.text)
                && capitals >= 2
                && head.starts_with(|c: char| c.is_ascii_uppercase())
                && rest[n..].chars().next().is_none_or(|c| !is_word_char(c))
            {
                return Some(pos + n);
            }
        }
        None
    }

    /// A legal form right after the name ending at `pos` (after a space, `, ` or, for
    /// forms that allow it, a hyphen): its end.
    pub fn legal_form_after(&self, text: &str, pos: usize) -> Option<usize> {
        let rest = text.get(pos..)?;
        if let Some(glued) = rest.strip_prefix('-') {
            for form in self.legal_forms.iter().filter(|f| f.hyphen) {
                if glued.starts_with(form.text.as_str()) && is_boundary_after(text, pos + 1 + form.text.len()) {
                    return Some(pos + 1 + form.text.len());
                }
            }
            return None;
        }
        if rest.starts_with(", ") {
            // `Acme, Inc.`, `Acme, N.V.`; but `Acme, Group Nine` is a list.
            let end = self.legal_form_at(text, pos + 2)?;
            let form = &text[pos + 2..end];
            return (form.contains('.') || form.chars().count() <= 4).then_some(end);
        }
        if !(rest.starts_with(' ') || rest.starts_with('\n')) {
            return None;
        }
        self.legal_form_at(text, pos + 1)
    }

    // ---- Cues (on folded text) ----------------------------------------------------

    /// A company cue right before the name starting at `pos` (`het bedrijf `, `rival `,
    /// `Verpackungskonzern `), in folded text.
    pub fn company_cue_before(&self, folded: &str, pos: usize) -> bool {
        let Some(before) = before_gap(folded, pos) else { return false };
        if ends_with_phrase_in(before, &self.company_before, &self.company_before_by_last) {
            return true;
        }
        let word = last_word(before);
        self.compound_ends.iter().any(|end| word.len() > end.len() + 2 && word.ends_with(end.as_str()))
    }

    /// A company cue right after the name ending at `end` (`-Konzern`, ` shares`,
    /// `, a maker of`; with `weak` also ` said`), in folded text. A genitive `'s`/`s`
    /// between the name and the cue is skipped.
    pub fn company_cue_after(&self, folded: &str, end: usize, weak: bool) -> bool {
        let mut rest = &folded[end..];
        if let Some(r) = rest.strip_prefix("'s").or_else(|| rest.strip_prefix('\'')) {
            rest = r;
        }
        if let Some(glued) = rest.strip_prefix('-') {
            let word = first_word(glued);
            return self.is_company_or_role_word(word);
        }
        let rest_trim = rest.trim_start_matches([' ', '\n']);
        if rest_trim.len() == rest.len() && !rest.starts_with(',') {
            return false;
        }
        let words = phrase_words(rest_trim);
        let hit = |cues: &[Vec<String>]| {
            cues.iter().any(|cue| cue.len() <= words.len() && cue.iter().zip(&words).all(|(a, b)| a == b))
        };
        hit(&self.company_after) || (weak && hit(&self.company_weak))
    }

    /// Is the folded word an `after` company cue, a role cue or a cue compound
    /// (`konzern`, `chef`, `ceo`, `softwarekonzern`)? Used for `X-<word>`.
    pub fn is_company_or_role_word(&self, folded_word: &str) -> bool {
        let one = |cues: &[Vec<String>]| cues.iter().any(|c| c.len() == 1 && c[0] == folded_word);
        one(&self.company_after)
            || one(&self.role_cues)
            || self.compound_ends.iter().any(|e| folded_word.ends_with(e.as_str()))
            || self.role_suffixes.iter().any(|e| folded_word.ends_with(e.as_str()))
    }

    /// Is the folded word a one-word role or company cue, or a compound of one? Such a
    /// word ends a capitalised run (`Microsoft CEO Satya Nadella`).
    pub fn is_cue_word(&self, folded_word: &str) -> bool {
        // (The one-word role, `before` and `after` cues are in one set.)
        self.one_word_cues.contains(folded_word)
            || self.role_suffixes.iter().any(|e| folded_word.len() > e.len() + 1 && folded_word.ends_with(e.as_str()))
            || self.compound_ends.iter().any(|e| folded_word.ends_with(e.as_str()))
    }

    /// A one-word role cue or a role compound (`ceo`, `vorstandschef`).
    pub fn is_role_word(&self, folded_word: &str) -> bool {
        self.role_cues.iter().any(|c| c.len() == 1 && c[0] == folded_word)
            || self.role_suffixes.iter().any(|e| folded_word.len() > e.len() + 1 && folded_word.ends_with(e.as_str()))
    }

    /// A role cue right before the name starting at `pos` (`CEO `, `Vorstandschef `,
    /// `chief executive officer, `), in folded text.
    pub fn role_cue_before(&self, folded: &str, pos: usize) -> bool {
        let Some(before) = before_gap(folded, pos) else { return false };
        let before = before.strip_suffix(',').unwrap_or(before).trim_end_matches(' ');
        if ends_with_phrase_in(before, &self.role_cues, &self.role_cues_by_last) {
            return true;
        }
        let word = last_word(before);
        self.role_suffixes.iter().any(|end| word.len() > end.len() + 1 && word.ends_with(end.as_str()))
    }

    /// An apposition that says the name before it is a company: `, een dochtermaatschappij
    /// van`, `, a Dallas brokerage`, `, ein Softwarehersteller`, in folded text: a
    /// determiner and, within three words, a company cue word (not a role).
    pub fn company_apposition(&self, folded: &str, end: usize) -> bool {
        let Some(rest) = folded.get(end..).and_then(|r| r.strip_prefix(", ")) else { return false };
        let words = phrase_words(rest);
        const DETERMINERS: [&str; 11] = ["een", "a", "an", "the", "de", "het", "ein", "eine", "der", "die", "das"];
        if !words.first().is_some_and(|w| DETERMINERS.contains(w)) {
            return false;
        }
        words.iter().skip(1).take(3).take_while(|w| **w != ",").any(|w| self.is_cue_word(w) && !self.is_role_word(w))
    }

    /// A role cue after the name ending at `end`: `, CEO of`, `, de topman van`, `(CEO)`.
    pub fn role_cue_after(&self, folded: &str, end: usize) -> bool {
        let rest = &folded[end..];
        let Some(rest) = rest.strip_prefix(", ").or_else(|| rest.strip_prefix(" (")) else { return false };
        let mut words = phrase_words(rest);
        const DETERMINERS: [&str; 11] = ["de", "het", "der", "die", "the", "a", "an", "een", "ein", "eine", "als"];
        if words.first().is_some_and(|w| DETERMINERS.contains(w)) {
            words.remove(0);
        }
        // Adjectives and nationalities between determiner and role: `the former CEO`.
        for skip in 0..=2 {
            let Some(tail) = words.get(skip..) else { break };
            if self.role_cues.iter().any(|cue| cue.len() <= tail.len() && cue.iter().zip(tail).all(|(a, b)| a == b)) {
                return true;
            }
            if tail.first().is_some_and(|w| self.is_role_word(w)) {
                return true;
            }
        }
        false
    }
}

/// How many sorted words start with `stem` and go on for more than three letters (a
/// compound, not an inflection), counting up to `limit`.
fn stem_count(sorted: &[String], stem: &str, limit: usize) -> usize {
    if stem.chars().count() < 3 {
        return 0;
    }
    let mut n = 0;
    let mut i = sorted.partition_point(|w| w.as_str() < stem);
    while i < sorted.len() && sorted[i].starts_with(stem) && n < limit {
        if sorted[i][stem.len()..].chars().count() > 3 {
            n += 1;
        }
        i += 1;
    }
    n
}

/// The text before `pos` without the spaces (and at most one line break) that end it;
/// None when nothing or a blank line separates.
fn before_gap(text: &str, pos: usize) -> Option<&str> {
    let before = text[..pos].trim_end_matches([' ', '\n']);
    let gap = &text[before.len()..pos];
    (!gap.is_empty() && gap.matches('\n').count() <= 1).then_some(before)
}

/// Words and commas of the start of `text` (up to a few), for phrase comparison.
fn phrase_words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if is_word_char(c) || (c == '-' && start.is_some()) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(&text[s..i]);
        }
        if c == ',' {
            out.push(",");
        } else if c == '.' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' {
            break;
        }
        if out.len() >= 6 {
            return out;
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// Does `text` end with one of the phrases (word by word, on a word boundary)?
/// Compares word by word from the end, without joining the phrase (this runs for every
/// candidate name: joining allocated on each call and took a sixth of `extract`).
/// Phrase indices by the last byte of their last word (a phrase whose last word is empty
/// under every byte), for [`ends_with_phrase_in`].
fn by_last_byte(phrases: &[Vec<String>]) -> Vec<Vec<usize>> {
    let mut index = vec![Vec::new(); 256];
    for (k, phrase) in phrases.iter().enumerate() {
        match phrase.last().map(|w| w.as_bytes().last()) {
            Some(Some(&b)) => index[b as usize].push(k),
            Some(None) => index.iter_mut().for_each(|v| v.push(k)),
            None => {}
        }
    }
    index
}

/// [`ends_with_phrase`] trying only the phrases that end in the last byte of `text`
/// (the same answer: a phrase ends the text only if its last word does).
fn ends_with_phrase_in(text: &str, phrases: &[Vec<String>], by_last: &[Vec<usize>]) -> bool {
    let candidates = text.as_bytes().last().and_then(|&b| by_last.get(b as usize));
    match candidates {
        Some(ks) => ks.iter().any(|&k| phrases.get(k).is_some_and(|p| ends_with_phrase(text, std::slice::from_ref(p)))),
        None => ends_with_phrase(text, phrases),
    }
}

fn ends_with_phrase(text: &str, phrases: &[Vec<String>]) -> bool {
    phrases.iter().any(|cue| {
        let mut rest = text;
        for (i, word) in cue.iter().rev().enumerate() {
            if i > 0 {
                match rest.strip_suffix(' ') {
                    Some(r) => rest = r,
                    None => return false,
                }
            }
            match rest.strip_suffix(word.as_str()) {
                Some(r) => rest = r,
                None => return false,
            }
        }
        !cue.is_empty() && is_boundary_before(text, rest.len())
    })
}

/// The last word of `text` (word characters and inner hyphens).
fn last_word(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .find(|&(_, c)| !(is_word_char(c) || c == '-'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    &text[start..]
}

/// The first word of `text`.
fn first_word(text: &str) -> &str {
    let end = text.char_indices().find(|&(_, c)| !is_word_char(c)).map(|(i, _)| i).unwrap_or(text.len());
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_nouns_and_names() {
        let w = NameWords::bundled();
        // A noun stem of many German compounds is an ordinary word; a brand is not.
        assert!(w.is_common_in("de", "Personal"));
        assert!(!w.is_common_in("de", "Google"));
        assert!(w.is_common_in("de", "Ende"));
        assert!(w.is_common_in("en", "target"));
        assert!(w.is_plausible_first_name("de", "Roland"));
        assert!(w.is_plausible_first_name("nl", "Jan"));
        assert!(!w.is_plausible_first_name("de", "Bank"));
        assert!(!w.is_plausible_first_name("en", "April"));
        assert!(w.is_place("Österreich") && w.is_place("US"));
    }

    #[test]
    fn legal_forms_and_cues() {
        let w = NameWords::bundled();
        let text = "Acme Holding N.V. en RAG-Stiftung, Co-Chef";
        assert_eq!(w.legal_form_at(text, 5), Some(12));
        assert_eq!(w.legal_form_after(text, 12), Some(17));
        assert_eq!(w.legal_form_after(text, 24), Some(33));
        assert_eq!(w.legal_form_at(text, 35), None);
        let folded = fold_case("der Verpackungskonzern Acme und Acme-Chef sowie das Unternehmen Acme");
        assert!(w.company_cue_before(&folded, 23));
        assert!(w.company_cue_after(&folded, 36, false));
        assert!(w.company_cue_before(&folded, folded.len() - 4));
        let folded = fold_case("Jan Smit, de topman van Acme, en CEO Satya Nadella");
        assert!(w.role_cue_after(&folded, 8));
        assert!(w.role_cue_before(&folded, 37));
    }
}
