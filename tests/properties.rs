//! Property tests (issue 9) of the extraction library, with `proptest`:
//!
//! - every mention and evidence span of the output cuts exactly its own text out of the
//!   document as read (offsets in Unicode scalar values, inside the document);
//! - inside the pipeline, sentence and mention spans lie on char boundaries of the
//!   normalised text;
//! - the output is deterministic (the same document twice, and a second extractor);
//! - the normalisation offset map stays inside the original and is monotone, and case
//!   folding keeps byte offsets;
//! - decoding arbitrary bytes and parsing arbitrary gazetteer CSV never panic, and every
//!   gazetteer problem names a line of the file.
//!
//! The texts are news-like: names the bundled gazetteers know, deal verbs in the three
//! languages, and the typographic variants normalisation rewrites (no-break spaces, soft
//! hyphens, curly quotes, ligatures, combining accents, CRLF), mixed with arbitrary
//! Unicode. `PROPTEST_CASES` sets the number of cases (default 256 per property).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::OnceLock;

use dealgraph::document::Document;
use dealgraph::gazetteer::load::{check_files, parse};
use dealgraph::input::decode_bytes;
use dealgraph::output::{to_output, DocOutput, SpanOutput};
use dealgraph::pipeline::{Extractor, ExtractorOptions};
use dealgraph::text::{fold_case, fold_for_matching, normalize};
use proptest::prelude::*;

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new(&ExtractorOptions::default()).expect("the bundled gazetteers load"))
}

/// Pieces of news text: names, cues, numbers, punctuation and the characters that
/// normalisation rewrites.
const PIECES: &[&str] = &[
    "Microsoft", "LinkedIn", "Philips", "Signify", "Siemens", "Siemens AG", "Bayer", "Monsanto", "Shell", "Unilever",
    "Ahold Delhaize", "ASML", "Heineken", "Volkswagen", "Deutsche Bank", "ING", "Jan de Vries", "Angela Merkel",
    "Satya Nadella", "buys", "acquires", "agreed to buy", "is in talks to acquire", "neemt", "over", "koopt", "neemt over",
    "overname van", "kauft", "übernimmt", "Übernahme", "für", "voor", "for", "26 billion dollars", "€ 3,5 miljard",
    "2,3 Mrd. Euro", "the", "de", "der", "die", "het", "een", "CEO", "topman", "Vorstandschef", "said", "zei", "sagte",
    ".", ",", ";", ":", "!", "?", "(", ")", "\"", "'", "-", "–", "\n", "\n\n", "\r\n", " ", "  ", "\t",
    // What normalisation rewrites or removes.
    "\u{00A0}", "\u{202F}", "\u{00AD}", "\u{200B}", "\u{FEFF}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}",
    "\u{FB01}", "\u{FB03}", "e\u{0301}", "\u{0301}", "a\u{0308}\u{0304}", "\u{2013}", "\u{2212}", "\u{2028}", "`",
    // Wide and odd characters.
    "🚀", "👩‍👩‍👧", "ß", "İ", "ǅ", "ﬀ", "Ⅻ", "שלום", "مرحبا", "\u{202E}", "\u{0000}", "\u{FFFD}", "日本語",
];

fn news_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[A-Z][a-z]{1,8}( (B\\.V\\.|GmbH|N\\.V\\.|Inc\\.|AG))?",
    ];
    prop::collection::vec((piece, prop::sample::select(&[" ", "", " ", "\n"][..])), 0..60)
        .prop_map(|parts| parts.into_iter().map(|(p, sep)| format!("{p}{sep}")).collect())
}

fn document(text: String, lang: Option<&str>) -> Document {
    Document { id: "p".to_string(), text, lang: lang.map(str::to_string), date: None, source: None, origin: "proptest".to_string() }
}

fn lang() -> impl Strategy<Value = Option<&'static str>> {
    prop::sample::select(&[None, Some("nl"), Some("de"), Some("en")][..])
}

/// Every span of the record cuts its own text out of `text` (in chars).
fn check_spans(record: &DocOutput, text: &str) -> Result<(), TestCaseError> {
    let chars: Vec<char> = text.chars().collect();
    let check = |span: &SpanOutput| -> Result<(), TestCaseError> {
        prop_assert!(span.start <= span.end && span.end <= chars.len(), "span {}..{} outside {} chars", span.start, span.end, chars.len());
        let cut: String = chars[span.start..span.end].iter().collect();
        prop_assert_eq!(&cut, &span.text, "span {}..{}", span.start, span.end);
        Ok(())
    };
    for entity in &record.entities {
        for mention in &entity.mentions {
            check(mention)?;
            prop_assert!(!mention.text.is_empty(), "an empty mention of {}", entity.label);
        }
    }
    for relation in &record.relations {
        check(&relation.evidence)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mentions_cut_their_text_out_of_the_document(text in news_text(), lang in lang()) {
        let doc = document(text, lang);
        let extraction = extractor().extract(&doc);
        let record = to_output(&doc, &extraction, None);
        check_spans(&record, &doc.text)?;
        let analysis = &extraction.analysis;
        let normalized = &analysis.text;
        for sentence in &analysis.sentences {
            let span = sentence.span;
            prop_assert!(span.start <= span.end && span.end <= normalized.len());
            prop_assert!(normalized.is_char_boundary(span.start) && normalized.is_char_boundary(span.end), "sentence {:?}", span);
        }
        for mention in &analysis.mentions {
            let span = mention.span;
            prop_assert!(span.start < span.end && span.end <= normalized.len(), "mention {:?}", span);
            prop_assert!(normalized.is_char_boundary(span.start) && normalized.is_char_boundary(span.end), "mention {:?}", span);
            prop_assert!(mention.entity < analysis.entities.len());
        }
        for relation in &extraction.relations {
            prop_assert!(relation.subject < analysis.entities.len() && relation.object < analysis.entities.len());
            let span = relation.evidence;
            prop_assert!(normalized.is_char_boundary(span.start) && span.end <= normalized.len() && normalized.is_char_boundary(span.end));
        }
    }

    #[test]
    fn arbitrary_unicode_keeps_the_offsets_right(text in any::<String>(), lang in lang()) {
        let doc = document(text, lang);
        let record = to_output(&doc, &extractor().extract(&doc), None);
        check_spans(&record, &doc.text)?;
    }

    #[test]
    fn output_is_deterministic(text in news_text(), lang in lang()) {
        let doc = document(text, lang);
        let first = to_output(&doc, &extractor().extract(&doc), None);
        let second = to_output(&doc, &extractor().extract(&doc), None);
        prop_assert_eq!(&first, &second);
        let json = serde_json::to_string(&first).unwrap();
        prop_assert_eq!(json, serde_json::to_string(&second).unwrap());
    }

    #[test]
    fn the_offset_map_stays_inside_and_is_monotone(text in news_text()) {
        let n_chars = text.chars().count();
        let normalized = normalize(&text);
        prop_assert_eq!(normalized.original_len_chars(), n_chars);
        let boundaries: Vec<usize> = (0..=normalized.text.len()).filter(|&i| normalized.text.is_char_boundary(i)).collect();
        let mut previous_start = 0;
        for (i, &start) in boundaries.iter().enumerate() {
            let (s, _) = normalized.to_original(start, start);
            prop_assert!(s >= previous_start, "the map goes backwards at byte {}", start);
            previous_start = s;
            for &end in boundaries[i..].iter().step_by(7) {
                let (s, e) = normalized.to_original(start, end);
                prop_assert!(s <= e && e <= n_chars, "{}..{} maps to {}..{} of {} chars", start, end, s, e, n_chars);
            }
        }
        // Case folding keeps every byte offset.
        prop_assert_eq!(fold_case(&normalized.text).len(), normalized.text.len());
        prop_assert_eq!(fold_for_matching(&normalized.text).len(), normalized.text.len());
    }

    #[test]
    fn decoding_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..512), strict in any::<bool>()) {
        match decode_bytes(bytes.clone(), strict) {
            Ok((text, warning)) => {
                // Lossy decoding warns exactly when the bytes were not UTF-8 (BOMs aside).
                let plain_utf8 = std::str::from_utf8(&bytes).is_ok();
                let has_bom = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
                if !has_bom {
                    prop_assert_eq!(warning.is_some(), !plain_utf8);
                }
                if strict {
                    prop_assert!(warning.is_none());
                }
                let _ = text;
            }
            Err(reason) => prop_assert!(reason.contains("skipped"), "{}", reason),
        }
    }

    #[test]
    fn gazetteer_problems_name_a_line_of_the_file(
        rows in prop::collection::vec(
            prop::collection::vec(prop_oneof![
                4 => "[A-Za-z0-9 ]{0,8}",
                1 => Just("Organization".to_string()),
                1 => Just("Person".to_string()),
                1 => "Q[0-9]{0,4}",
                1 => "\"[a-z,\"\n]{0,6}\"?",
                1 => any::<String>(),
            ], 1..7),
            0..12),
        header in prop::sample::select(&["id,type,label,aliases,wikidata", "id,type,label,aliases,wikidata,ambiguous", "id,label", ""][..]),
    ) {
        let mut content = format!("{header}\n");
        for row in &rows {
            content.push_str(&row.join(","));
            content.push('\n');
        }
        let n_lines = content.lines().count() as u64 + 1;
        let (entries, problems) = parse("g.csv", &content);
        for problem in &problems {
            prop_assert!(problem.line >= 1 && problem.line <= n_lines, "line {} of {}: {}", problem.line, n_lines, problem.message);
            prop_assert!(!problem.message.is_empty());
        }
        for (line, _) in &entries {
            prop_assert!(*line >= 2 && *line <= n_lines);
        }
        let _ = check_files(&[("g.csv".to_string(), content.clone())]);
    }
}
