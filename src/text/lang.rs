//! Languages as data: each `gazetteers/lang/<code>/` folder (stop words, function
//! words, abbreviations, properties) defines a language, and detection picks the one
//! whose stop words occur most.
//!
//! Adding a language is adding a folder (and its cue lexicon), no Rust change.

use std::collections::{BTreeMap, HashSet};

use crate::text::fold_case;

/// What the pipeline knows of one language.
#[derive(Debug, Clone, Default)]
pub struct LanguageData {
    pub code: String,
    /// Lower-case abbreviations without the final dot (`bijv`, `z.b`, `inc`).
    pub abbreviations: HashSet<String>,
    pub stopwords: HashSet<String>,
    /// Folded words that are never a name on their own (articles, pronouns,
    /// prepositions, months, …), from `function-words.txt`. Entity finding uses them;
    /// language detection does not.
    pub function_words: HashSet<String>,
    /// The language writes every noun with a capital (German): a capital letter is then
    /// no evidence that a word is a name. From `properties.txt` (`capitalises_nouns`).
    pub capitalises_nouns: bool,
    /// A discovered organisation's name counts from the article's start (headline, `X
    /// said`), not only from the phrase that let discovery find it: right where only
    /// names are capitalised and a capital at a sentence start is rarely a noun phrase
    /// (English). From `properties.txt` (`names_from_start`).
    pub names_from_start: bool,
    /// Main clauses put the finite verb second, so subject and object may meet after it
    /// (`In 2016 nam X Y over`, `Damals kaufte X Y`): a known name right next to another
    /// known name is a name of its own, not part of a longer unknown one. From
    /// `properties.txt` (`verb_second`). (In English two known names side by side are
    /// mostly one: `Sony Ericsson`, `Bill Locke`.)
    pub verb_second: bool,
    /// From `acronyms.txt`: folded articles after which an all-capitals acronym names an
    /// institution (`article\tde`: `bij de ANWB`), and acronyms, as written, that name a
    /// country, law, index or thing instead (`not\tVS`). No articles: no such rule.
    pub acronym_articles: HashSet<String>,
    pub non_institution_acronyms: HashSet<String>,
}

/// All known languages, by code.
#[derive(Debug, Clone, Default)]
pub struct Languages {
    pub by_code: BTreeMap<String, LanguageData>,
    /// Union of every language's abbreviations: a German article may quote `Inc.`.
    pub all_abbreviations: HashSet<String>,
}

fn lines(content: &str) -> impl Iterator<Item = &str> {
    content.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Languages {
    /// The languages bundled in `gazetteers/lang/`.
    pub fn bundled() -> Languages {
        let mut langs = Languages::default();
        for (path, content) in crate::bundled::files_under("gazetteers/lang/") {
            let mut parts = path.trim_start_matches("gazetteers/lang/").split('/');
            let (Some(code), Some(file)) = (parts.next(), parts.next()) else { continue };
            let data = langs
                .by_code
                .entry(code.to_string())
                .or_insert_with(|| LanguageData { code: code.to_string(), ..Default::default() });
            match file {
                "abbreviations.txt" => data.abbreviations.extend(lines(content).map(fold_case)),
                "stopwords.txt" => data.stopwords.extend(lines(content).map(fold_case)),
                "function-words.txt" => data.function_words.extend(lines(content).map(fold_case)),
                "acronyms.txt" => {
                    for line in lines(content) {
                        match line.split_once('\t') {
                            Some(("article", a)) => {
                                data.acronym_articles.insert(fold_case(a.trim()));
                            }
                            Some(("not", a)) => {
                                data.non_institution_acronyms.insert(a.trim().to_string());
                            }
                            _ => {}
                        }
                    }
                }
                "properties.txt" => {
                    data.capitalises_nouns = lines(content).any(|l| l == "capitalises_nouns");
                    data.names_from_start = lines(content).any(|l| l == "names_from_start");
                    data.verb_second = lines(content).any(|l| l == "verb_second");
                }
                _ => {}
            }
        }
        langs.all_abbreviations =
            langs.by_code.values().flat_map(|l| l.abbreviations.iter().cloned()).collect();
        langs
    }

    pub fn get(&self, code: &str) -> Option<&LanguageData> {
        self.by_code.get(code)
    }

    /// The language whose stop words are most frequent in (the start of) `text`;
    /// `en` when no stop word of any language occurs.
    pub fn detect(&self, text: &str) -> String {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        let mut n_words = 0;
        for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            n_words += 1;
            if n_words > 3000 {
                break;
            }
            let folded = fold_case(word);
            for (code, data) in &self.by_code {
                if data.stopwords.contains(&folded) {
                    *counts.entry(code.as_str()).or_default() += 1;
                }
            }
        }
        // Highest count wins; ties go to the alphabetically first code (deterministic).
        let mut best: Option<(&str, usize)> = None;
        for (code, n) in counts {
            if best.is_none_or(|(_, b)| n > b) {
                best = Some((code, n));
            }
        }
        best.map(|(c, _)| c.to_string()).unwrap_or_else(|| "en".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_three_languages() {
        let langs = Languages::bundled();
        assert_eq!(langs.detect("De aandeelhouders van het bedrijf zijn niet blij met de overname."), "nl");
        assert_eq!(langs.detect("Der Konzern hat die Übernahme nicht abgeschlossen, sagte er."), "de");
        assert_eq!(langs.detect("The company said it was not interested in the offer."), "en");
        assert_eq!(langs.detect(""), "en");
    }
}
