//! The checks behind the fuzz targets, one function per target, so that the targets stay
//! one line each and the same checks can replay a corpus without libFuzzer (`replay`).
//!
//! Each check panics (which the fuzzer reports as a crash) when the code under test
//! panics or when an invariant fails:
//! - [`extract`]: arbitrary bytes → decoding → normalisation → language → sentences →
//!   entities → relations → the JSON record. Every mention and evidence span cuts its
//!   own text out of the document (in chars), sentences and mentions lie on char
//!   boundaries of the normalised text, and the result is deterministic.
//! - [`gazetteer_csv`]: arbitrary bytes as a gazetteer CSV: parsing, `check`, loading,
//!   building the name automaton and matching with it (matches on char boundaries).
//! - [`offsets`]: the normalisation offset map: every span maps inside the original text,
//!   monotonically; case folding keeps byte offsets.

use std::sync::OnceLock;

use dealgraph::document::Document;
use dealgraph::gazetteer::load::{check_files, parse, Gazetteer};
use dealgraph::gazetteer::NameMatcher;
use dealgraph::input::decode_bytes;
use dealgraph::output::to_output;
use dealgraph::pipeline::{Extractor, ExtractorOptions};
use dealgraph::text::lang::Languages;
use dealgraph::text::{fold_case, fold_for_matching, normalize, segment};

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| match Extractor::new(&ExtractorOptions::default()) {
        Ok(extractor) => extractor,
        Err(e) => panic!("the bundled gazetteers do not load: {e}"),
    })
}

fn languages() -> &'static Languages {
    static LANGUAGES: OnceLock<Languages> = OnceLock::new();
    LANGUAGES.get_or_init(Languages::bundled)
}

/// The first byte picks the declared language (none, nl, de, en, or an unknown code);
/// the rest is the file as read.
pub fn extract(data: &[u8]) {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let lang = match selector % 5 {
        0 => None,
        1 => Some("nl"),
        2 => Some("de"),
        3 => Some("en"),
        _ => Some("xx"),
    };
    let Ok((text, _warning)) = decode_bytes(bytes.to_vec(), selector & 0x80 != 0) else { return };
    let doc = Document {
        id: "fuzz".to_string(),
        text,
        lang: lang.map(str::to_string),
        date: None,
        source: None,
        origin: "fuzz".to_string(),
    };
    let extraction = extractor().extract(&doc);
    let analysis = &extraction.analysis;
    let normalized_text = &analysis.text;
    for sentence in &analysis.sentences {
        let span = sentence.span;
        assert!(span.start <= span.end && span.end <= normalized_text.len(), "sentence {span:?} outside the text");
        assert!(normalized_text.is_char_boundary(span.start) && normalized_text.is_char_boundary(span.end), "sentence {span:?} not on char boundaries");
    }
    for mention in &analysis.mentions {
        let span = mention.span;
        assert!(span.start <= span.end && span.end <= normalized_text.len(), "mention {span:?} outside the text");
        assert!(normalized_text.is_char_boundary(span.start) && normalized_text.is_char_boundary(span.end), "mention {span:?} not on char boundaries");
        assert!(mention.entity < analysis.entities.len(), "mention of entity {} of {}", mention.entity, analysis.entities.len());
    }
    for relation in &extraction.relations {
        assert!(relation.subject < analysis.entities.len() && relation.object < analysis.entities.len(), "relation argument out of range");
    }
    let record = to_output(&doc, &extraction, None);
    let chars: Vec<char> = doc.text.chars().collect();
    let check_span = |span: &dealgraph::output::SpanOutput| {
        assert!(span.start <= span.end && span.end <= chars.len(), "output span {}..{} outside {} chars", span.start, span.end, chars.len());
        let cut: String = chars[span.start..span.end].iter().collect();
        assert_eq!(cut, span.text, "output span {}..{} does not cut its text", span.start, span.end);
    };
    for entity in &record.entities {
        entity.mentions.iter().for_each(check_span);
    }
    for relation in &record.relations {
        check_span(&relation.evidence);
    }
    // Deterministic: the same document gives the same record.
    let again = to_output(&doc, &extractor().extract(&doc), None);
    assert!(again == record, "extraction is not deterministic");
}

/// The bytes as a gazetteer file.
pub fn gazetteer_csv(data: &[u8]) {
    let content = String::from_utf8_lossy(data);
    let (entries, problems) = parse("fuzz.csv", &content);
    for problem in &problems {
        assert!(!problem.message.is_empty(), "a problem without a message at line {}", problem.line);
    }
    let _ = check_files(&[("fuzz.csv".to_string(), content.to_string())]);
    let mut gazetteer = Gazetteer::new();
    if gazetteer.add_str("fuzz.csv", &content).is_err() {
        return;
    }
    assert!(gazetteer.len() <= entries.len());
    let Ok(names) = NameMatcher::new(gazetteer) else { return };
    // Match the names against a text made of the names themselves.
    let mut text = String::from("Vandaag: ");
    for (_, entry) in entries.iter().take(50) {
        for name in entry.names().take(3) {
            text.push_str(name);
            text.push_str(" kauft ");
        }
    }
    let normalized = normalize(&text).text;
    let folded = fold_for_matching(&normalized);
    let n_entries = names.entries().len() as u32;
    for found in names.find(&normalized, &folded) {
        let span = found.span;
        assert!(span.start <= span.end && span.end <= normalized.len(), "match {span:?} outside the text");
        assert!(normalized.is_char_boundary(span.start) && normalized.is_char_boundary(span.end), "match {span:?} not on char boundaries");
        assert!(found.entries.iter().all(|&e| e < n_entries), "match of an entry that does not exist");
    }
}

/// The offset map of normalisation, and case folding.
pub fn offsets(data: &[u8]) {
    let original = String::from_utf8_lossy(data);
    let n_chars = original.chars().count();
    let normalized = normalize(&original);
    assert_eq!(normalized.original_len_chars(), n_chars);
    let text = &normalized.text;
    let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
    // Every span on char boundaries maps inside the original, and the map is monotone.
    let step = (boundaries.len() / 64).max(1);
    let sample: Vec<usize> = boundaries.iter().copied().step_by(step).chain(std::iter::once(text.len())).collect();
    let mut previous = (0usize, 0usize);
    for (i, &start) in sample.iter().enumerate() {
        for &end in &sample[i..] {
            let (s, e) = normalized.to_original(start, end);
            assert!(s <= e && e <= n_chars, "span {start}..{end} maps to {s}..{e} outside {n_chars} chars");
        }
        let mapped = normalized.to_original(start, start);
        assert!(mapped.0 >= previous.0, "the start map goes backwards at byte {start}");
        previous = mapped;
    }
    // Out-of-range and reversed spans do not panic either.
    let _ = normalized.to_original(text.len() + 5, text.len() + 9);
    let _ = normalized.to_original(3, 1);
    // Text without anything to normalise maps to itself.
    if original.chars().all(|c| c.is_ascii() && c != '\r' && c != '`') {
        assert_eq!(text.as_str(), &*original);
    }
    // Case folding keeps every byte offset and char boundary.
    let folded = fold_case(text);
    assert_eq!(folded.len(), text.len());
    assert!(boundaries.iter().all(|&i| folded.is_char_boundary(i)));
    let folded_for_matching = fold_for_matching(text);
    assert_eq!(folded_for_matching.len(), text.len());
    // Sentences of every language lie on char boundaries, in order.
    for lang in ["nl", "de", "en"] {
        let mut last_end = 0;
        for sentence in segment(text, languages(), lang) {
            let span = sentence.span;
            assert!(span.start >= last_end && span.start <= span.end && span.end <= text.len(), "sentence {span:?} out of order or outside");
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            last_end = span.end;
        }
    }
}
