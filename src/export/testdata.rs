//! Hand-made inputs for the export tests: a small deal graph whose names carry every
//! escaping hazard (`&`, `<`, quotes, control characters, a closing `</script>`,
//! right-to-left and non-Latin scripts), shared by the writers' unit tests and by the
//! fixture generator (`fixtures.rs`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::{build_graph, DealEdge, EntityNode, ExportError, ExportGraph, ExportOptions, GraphInput};

pub fn entity(id: &str, label: &str, kind: &str) -> EntityNode {
    EntityNode {
        id: id.into(),
        label: label.into(),
        kind: kind.into(),
        wikidata: None,
        n_documents: 1,
    }
}

pub fn deal(id: &str, relation: &str, subject: &str, object: &str, status: Option<&str>, confidence: f64) -> DealEdge {
    let (sr, or) = match relation {
        "acquisition" => ("buyer", "target"),
        "merger" | "partnership" => ("party", "party"),
        "lawsuit" => ("plaintiff", "defendant"),
        "investment" => ("investor", "investee"),
        _ => ("person", "organization"),
    };
    DealEdge {
        id: id.into(),
        relation: relation.into(),
        subject: subject.into(),
        object: object.into(),
        subject_role: sr.into(),
        object_role: or.into(),
        status: status.map(Into::into),
        amount_value: None,
        amount_currency: None,
        amount_text: None,
        first_date: None,
        last_date: None,
        confidence,
        n_sources: 1,
        evidence: None,
    }
}

const E: &str = "https://dealgraph.example/entity/";

fn ent(slug: &str, label: &str, kind: &str, wikidata: Option<&str>, docs: u32) -> EntityNode {
    EntityNode {
        id: format!("{E}{slug}"),
        label: label.into(),
        kind: kind.into(),
        wikidata: wikidata.map(Into::into),
        n_documents: docs,
    }
}

#[allow(clippy::too_many_arguments)]
fn dl(
    n: u32,
    relation: &str,
    s: &str,
    o: &str,
    status: Option<&str>,
    confidence: f64,
    amount: Option<(f64, &str, &str)>,
    evidence: &str,
) -> DealEdge {
    let mut d = deal(
        &format!("https://dealgraph.example/deal/{n}"),
        relation,
        &format!("{E}{s}"),
        &format!("{E}{o}"),
        status,
        confidence,
    );
    if let Some((v, cur, text)) = amount {
        d.amount_value = Some(v);
        d.amount_currency = Some(cur.into());
        d.amount_text = Some(text.into());
    }
    d.first_date = Some(format!("2024-0{}-1{}", 1 + n % 9, n % 10));
    d.last_date = Some(format!("2025-0{}", 1 + n % 9));
    d.n_sources = 1 + n % 4;
    d.evidence = Some(evidence.into());
    d
}

/// The sample: 14 entities (one without relations), 16 relations of every type and status.
pub fn sample_input() -> GraphInput {
    let entities = vec![
        ent("acme", "ACME Holdings & Co <NV>", "Organization", Some("Q1"), 12),
        ent(
            "att",
            "AT&T <Holdings> \"Quoted\" 'Apos'",
            "Organization",
            Some("Q35476"),
            30,
        ),
        ent("aramco", "شركة أرامكو السعودية", "Organization", Some("Q557259"), 7),
        ent("leumi", "בנק לאומי", "Organization", None, 3),
        ent("tencent", "腾讯控股", "Organization", Some("Q860580"), 5),
        ent("gazprom", "Газпром", "Organization", None, 4),
        ent("mueller", "Müller & Söhne GmbH", "Organization", None, 2),
        ent(
            "ahold",
            "Koninklijke Ahold Delhaize N.V.",
            "Organization",
            Some("Q28153"),
            9,
        ),
        ent("script", "</script><script>alert(1)</script>", "Organization", None, 1),
        ent("ctrl", "Ctrl\u{1}Char\u{b} Corp", "Organization", None, 1),
        ent("backslash", "Back\\slash \"B.V.\"", "Organization", None, 1),
        ent("vries", "Jan de Vries", "Person", None, 6),
        ent("oconnor", "Siobhán O'Connor", "Person", Some("Q99"), 2),
        ent("lonely", "Lonely B.V.", "Organization", None, 1),
    ];
    let deals = vec![
        dl(
            1,
            "acquisition",
            "acme",
            "mueller",
            Some("completed"),
            0.95,
            Some((2.5e9, "EUR", "€2.5bn")),
            "ACME completed the €2.5bn takeover of Müller & Söhne.",
        ),
        dl(
            2,
            "acquisition",
            "att",
            "script",
            Some("pursuing"),
            0.6,
            None,
            "AT&T is said to be pursuing </script> \"Corp\".",
        ),
        dl(
            3,
            "merger",
            "aramco",
            "gazprom",
            Some("agreed"),
            0.85,
            None,
            "أرامكو و Газпром agreed to merge.",
        ),
        dl(
            4,
            "partnership",
            "leumi",
            "tencent",
            Some("completed"),
            0.9,
            None,
            "בנק לאומי partners with 腾讯控股.",
        ),
        dl(
            5,
            "lawsuit",
            "ahold",
            "acme",
            Some("filed"),
            0.75,
            None,
            "Ahold Delhaize sued ACME over 'pricing'\nsecond line.",
        ),
        dl(
            6,
            "investment",
            "tencent",
            "att",
            Some("completed"),
            0.99,
            Some((1.0e8, "USD", "$100 million")),
            "Tencent invested $100m in AT&T.",
        ),
        dl(
            7,
            "acquisition",
            "ahold",
            "ctrl",
            Some("abandoned"),
            0.55,
            None,
            "Ahold abandoned its bid for Ctrl\u{1} Corp.",
        ),
        dl(
            8,
            "ceo_of",
            "vries",
            "ahold",
            None,
            0.92,
            None,
            "Jan de Vries, CEO of Ahold Delhaize, said…",
        ),
        dl(
            9,
            "founder_of",
            "oconnor",
            "backslash",
            None,
            0.7,
            None,
            "Siobhán O'Connor founded Back\\slash.",
        ),
        dl(
            10,
            "executive_of",
            "oconnor",
            "acme",
            None,
            0.65,
            None,
            "O'Connor is CFO at ACME.",
        ),
        dl(
            11,
            "partnership",
            "mueller",
            "ahold",
            Some("pursuing"),
            0.5,
            None,
            "Müller & Ahold are exploring a partnership.",
        ),
        dl(
            12,
            "lawsuit",
            "gazprom",
            "aramco",
            Some("threatened"),
            0.6,
            None,
            "Газпром threatened to sue.",
        ),
        dl(
            13,
            "acquisition",
            "acme",
            "backslash",
            Some("agreed"),
            0.88,
            Some((3.0e7, "EUR", "€30m")),
            "ACME agreed to buy Back\\slash.",
        ),
        dl(
            14,
            "lawsuit",
            "leumi",
            "att",
            Some("resolved"),
            0.8,
            None,
            "Leumi and AT&T settled.",
        ),
        dl(
            15,
            "merger",
            "att",
            "acme",
            Some("abandoned"),
            0.58,
            None,
            "Talks between AT&T and ACME were abandoned.",
        ),
        dl(
            16,
            "investment",
            "vries",
            "tencent",
            Some("agreed"),
            0.71,
            None,
            "De Vries agreed to invest in Tencent.",
        ),
    ];
    GraphInput { entities, deals }
}

/// The sample built with `opts`.
pub fn nasty_graph(opts: &ExportOptions) -> ExportGraph {
    build_graph(&sample_input(), opts).unwrap()
}

/// The sample built with `opts`, written by `write`, as a string.
pub fn render(opts: &ExportOptions, write: impl Fn(&ExportGraph, &mut Vec<u8>) -> Result<(), ExportError>) -> String {
    let g = nasty_graph(opts);
    let mut buf = Vec::new();
    write(&g, &mut buf).unwrap();
    String::from_utf8(buf).unwrap()
}

/// A medium graph (about 40 entities, 60 relations) of plausible Benelux/German names,
/// generated deterministically, for screenshots and layout checks.
pub fn medium_input() -> GraphInput {
    let orgs = [
        "ASML Holding",
        "Philips",
        "Shell plc",
        "Unilever",
        "Heineken",
        "ING Groep",
        "ABN AMRO",
        "Rabobank",
        "Ahold Delhaize",
        "KPN",
        "Prosus",
        "Adyen",
        "Siemens AG",
        "BASF SE",
        "Bayer AG",
        "Volkswagen AG",
        "Deutsche Telekom",
        "SAP SE",
        "Allianz SE",
        "Zalando",
        "Delivery Hero",
        "Just Eat Takeaway",
        "Randstad",
        "Wolters Kluwer",
        "DSM-Firmenich",
        "AkzoNobel",
        "Aegon",
        "NN Group",
        "Signify",
        "TomTom",
        "Bol.com",
        "Coolblue",
    ];
    let people = [
        "Peter Wennink",
        "Roy Jakobs",
        "Wael Sawan",
        "Dolf van den Brink",
        "Steven van Rijswijk",
        "Christian Klein",
        "Ola Källenius",
        "Frans Muller",
    ];
    let mut entities: Vec<EntityNode> = orgs
        .iter()
        .enumerate()
        .map(|(i, n)| EntityNode {
            id: format!("{E}org{i:02}"),
            label: (*n).into(),
            kind: "Organization".into(),
            wikidata: (i % 3 == 0).then(|| format!("Q{}", 1000 + i)),
            n_documents: 1 + (i as u32 * 7) % 23,
        })
        .collect();
    entities.extend(people.iter().enumerate().map(|(i, n)| EntityNode {
        id: format!("{E}person{i:02}"),
        label: (*n).into(),
        kind: "Person".into(),
        wikidata: None,
        n_documents: 2 + i as u32,
    }));
    let rels = [
        "acquisition",
        "partnership",
        "investment",
        "lawsuit",
        "merger",
        "acquisition",
        "partnership",
        "acquisition",
    ];
    let statuses: [&[&str]; 8] = [
        &["completed", "agreed", "pursuing", "abandoned"],
        &["agreed", "completed", "pursuing"],
        &["completed", "agreed"],
        &["filed", "threatened", "resolved"],
        &["agreed", "abandoned"],
        &["completed", "pursuing"],
        &["completed"],
        &["agreed"],
    ];
    let mut deals = Vec::new();
    let mut n = 0u32;
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = |m: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m as u64) as usize
    };
    for k in 0..50 {
        let a = next(orgs.len());
        // A few hubs attract most deals, as in real news.
        let b = if k % 3 == 0 { next(5) } else { next(orgs.len()) };
        if a == b {
            continue;
        }
        let r = k % rels.len();
        let st = statuses[r][next(statuses[r].len())];
        n += 1;
        let mut d = deal(
            &format!("https://dealgraph.example/deal/m{n}"),
            rels[r],
            &format!("{E}org{a:02}"),
            &format!("{E}org{b:02}"),
            Some(st),
            0.5 + (next(50) as f64) / 100.0,
        );
        d.evidence = Some(format!(
            "{} and {} ({} {}), reported in {} sources.",
            orgs[a], orgs[b], rels[r], st, d.n_sources
        ));
        d.first_date = Some(format!("2024-{:02}", 1 + next(12)));
        deals.push(d);
    }
    for (i, _) in people.iter().enumerate() {
        n += 1;
        let rel = ["ceo_of", "founder_of", "executive_of"][i % 3];
        deals.push(deal(
            &format!("https://dealgraph.example/deal/m{n}"),
            rel,
            &format!("{E}person{i:02}"),
            &format!("{E}org{:02}", (i * 5) % orgs.len()),
            None,
            0.9,
        ));
    }
    GraphInput { entities, deals }
}
