//! Generated news (workload b): articles in Dutch, German and English made by
//! recombining sentence templates with names from the gazetteer, written as JSON Lines.
//!
//! An article has a headline and eight to twenty sentences in paragraphs. It has a cast
//! of two or three organisations and one or two people, mentioned again and again (the
//! second time an organisation drops its legal form and a person is named by surname),
//! as in real reporting. About one headline in seven and one sentence in thirty state a
//! relation (a takeover, a stake, a merger, a chief executive, a lawsuit, …): dealgraph
//! then finds about 500 relations per MB, some two and a half times the rate of the real
//! corpora, which hold much news without deals; three in ten sentences mention a name in passing
//! (share prices, results, a spokesman); the rest are plain business prose. The
//! templates are this project's own, written for the benchmark.
//!
//! Reproducible: the same seed, names and size give the same bytes.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::rng::Rng;
use crate::model::EntityKind;

/// The names articles draw from: the bundled ones and the generated ones, by kind.
#[derive(Debug, Default, Clone)]
pub struct NamePool {
    pub bundled_orgs: Vec<String>,
    pub bundled_people: Vec<String>,
    pub generated_orgs: Vec<String>,
    pub generated_people: Vec<String>,
}

impl NamePool {
    /// The labels of `gazetteer` (bundled) and of `generated`.
    pub fn new(gazetteer: &crate::gazetteer::Gazetteer, generated: &[crate::gazetteer::Entry]) -> NamePool {
        let mut pool = NamePool::default();
        for e in &gazetteer.entries {
            match e.kind {
                EntityKind::Organization => pool.bundled_orgs.push(e.label.clone()),
                EntityKind::Person => pool.bundled_people.push(e.label.clone()),
            }
        }
        for g in generated {
            match g.kind {
                EntityKind::Organization => pool.generated_orgs.push(g.label.clone()),
                EntityKind::Person => pool.generated_people.push(g.label.clone()),
            }
        }
        pool
    }

    /// Half the draws come from the bundled names (well-known companies are in the news
    /// more often), half from the generated ones.
    fn draw(&self, rng: &mut Rng, kind: EntityKind) -> String {
        let (bundled, generated) = match kind {
            EntityKind::Organization => (&self.bundled_orgs, &self.generated_orgs),
            EntityKind::Person => (&self.bundled_people, &self.generated_people),
        };
        let from_generated = !generated.is_empty() && (bundled.is_empty() || rng.chance(0.5));
        let list = if from_generated { generated } else { bundled };
        if list.is_empty() {
            return match kind {
                EntityKind::Organization => "Acme Holding".to_string(),
                EntityKind::Person => "Anna Jansen".to_string(),
            };
        }
        rng.pick_ref(list).clone()
    }
}

/// What was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CorpusStats {
    pub documents: usize,
    /// Bytes of article text (UTF-8), not counting the JSON around it.
    pub text_bytes: usize,
    /// Sentences written from a relation template (headlines included).
    pub relation_sentences: usize,
}

#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    lang: &'a str,
    date: &'a str,
    source: &'a str,
    text: &'a str,
}

/// Writes articles to `path` (JSON Lines) until `text_bytes` bytes of text are written.
/// `stream` names an independent sequence (`"a"`, `"b"`): ids are `gen-<stream>-<n>`.
pub fn write(path: &Path, pool: &NamePool, seed: u64, stream: &str, text_bytes: usize) -> std::io::Result<CorpusStats> {
    let file = std::fs::File::create(path)?;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
    let mut rng = Rng::derive(seed, &format!("articles-{stream}"));
    let mut stats = CorpusStats::default();
    while stats.text_bytes < text_bytes {
        let lang = match rng.below(10) {
            0..=3 => Lang::En,
            4..=6 => Lang::De,
            _ => Lang::Nl,
        };
        let (text, relations) = article(&mut rng, pool, lang);
        stats.documents += 1;
        stats.text_bytes += text.len();
        stats.relation_sentences += relations;
        let id = format!("gen-{stream}-{:07}", stats.documents);
        let date = format!("{}-{:02}-{:02}", rng.range(2015, 2024), rng.range(1, 12), rng.range(1, 28));
        let line = Line { id: &id, lang: lang.code(), date: &date, source: "dealgraph bench", text: &text };
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(stats)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    En,
    De,
    Nl,
}

impl Lang {
    fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Nl => "nl",
        }
    }

    fn templates(self) -> &'static Templates {
        match self {
            Lang::En => &EN,
            Lang::De => &DE,
            Lang::Nl => &NL,
        }
    }
}

/// One language's sentence templates. Slots: `{o1}` `{o2}` `{o3}` organisations of
/// the cast, `{p1}` `{p2}` people, `{amt}` an amount, `{pct}` a percentage, `{city}`,
/// `{q}` a quarter, `{year}`, `{n}` a head count, `{day}` a weekday.
struct Templates {
    headlines_relation: &'static [&'static str],
    headlines_other: &'static [&'static str],
    relation: &'static [&'static str],
    with_names: &'static [&'static str],
    plain: &'static [&'static str],
    amounts_big: &'static [&'static str],
    amount_units: &'static [&'static str],
    percent: &'static str,
    decimal: char,
    quarters: &'static [&'static str],
    days: &'static [&'static str],
    cities: &'static [&'static str],
}

static EN: Templates = Templates {
    headlines_relation: &[
        "{o1} to buy {o2} for {amt}",
        "{o1} agrees takeover of {o2}",
        "{o1} and {o2} to merge",
        "{o1} names {p1} chief executive",
        "{o1} takes {pct} stake in {o2}",
        "{o1} sues {o2} over patents",
    ],
    headlines_other: &["{o1} profit rises {pct}", "{o1} shares fall after results", "Markets mixed as investors weigh rates", "{o1} cuts outlook"],
    relation: &[
        "{o1} agreed to buy {o2} for {amt}.",
        "{o1} said it would acquire {o2} in a deal valued at {amt}.",
        "{o1} has completed its takeover of {o2}.",
        "{o1} and {o2} agreed to merge, creating a group with annual sales of {amt}.",
        "{o1} bought a {pct} stake in {o2} for {amt}.",
        "{o1} invested {amt} in {o2}.",
        "{o1} sold its stake in {o2} to {o3} for {amt}.",
        "{p1}, chief executive of {o1}, said the company expected higher margins.",
        "{o1} named {p1} as its new chief executive, succeeding {p2}.",
        "{o1} and {o2} formed a joint venture to develop batteries.",
        "{o2} was founded by {p1} in {year}.",
        "{o1} sued {o2} over alleged patent infringement.",
        "{o1} made a {amt} bid for {o2}.",
        "{p1}, the chief financial officer of {o1}, will step down at the end of the year.",
    ],
    with_names: &[
        "Shares of {o1} rose {pct} in {city}.",
        "{o1} reported a net profit of {amt} for the {q} quarter.",
        "Analysts at {o3} said the outlook for demand remained weak.",
        "{p1} declined to comment on the figures.",
        "{o1} employs about {n} people in {city}.",
        "A spokesman for {o1} confirmed the talks.",
        "{o2} shares closed {pct} lower on {day}.",
        "{p1} told reporters in {city} that the plan was on track.",
    ],
    plain: &[
        "The deal is subject to approval by regulators.",
        "Revenue rose {pct} to {amt} in the {q} quarter.",
        "The company expects growth to slow next year.",
        "Markets in Europe were mixed on {day}.",
        "The transaction is expected to close in the {q} quarter of {year}.",
        "Inflation remained above the central bank's target.",
        "Investors have been waiting for clarity on interest rates.",
        "Demand has recovered since the spring, although costs are still rising.",
        "The company did not give a reason for the decision.",
        "Operating margins narrowed as energy prices climbed.",
        "Both companies declined to comment beyond the statement.",
        "The board will propose a dividend at the annual meeting in {city}.",
    ],
    amounts_big: &["$", "€", ""],
    amount_units: &["million", "billion"],
    percent: "%",
    decimal: '.',
    quarters: &["first", "second", "third", "fourth"],
    days: &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    cities: &["London", "New York", "Frankfurt", "Amsterdam", "Paris", "Zurich", "Tokyo", "Chicago"],
};

static DE: Templates = Templates {
    headlines_relation: &[
        "{o1} übernimmt {o2}",
        "{o1} kauft {o2} für {amt}",
        "{o1} und {o2} fusionieren",
        "{p1} wird Chef von {o1}",
        "{o1} steigt bei {o2} ein",
        "{o1} verklagt {o2}",
    ],
    headlines_other: &["{o1} steigert Gewinn um {pct}", "Aktie von {o1} bricht ein", "Börsen uneinheitlich", "{o1} senkt Prognose"],
    relation: &[
        "{o1} übernimmt {o2} für {amt}.",
        "{o1} hat die Übernahme von {o2} abgeschlossen.",
        "{o1} kauft {o2} für {amt}.",
        "{o1} und {o2} fusionieren zu einem Konzern mit einem Jahresumsatz von {amt}.",
        "{o1} erwirbt eine Beteiligung von {pct} an {o2}.",
        "{o1} investiert {amt} in {o2}.",
        "{o1} verkauft seine Beteiligung an {o2} an {o3}.",
        "{p1}, Vorstandschef von {o1}, sagte, das Unternehmen rechne mit höheren Margen.",
        "{o1} ernennt {p1} zum neuen Vorstandschef.",
        "{o1} und {o2} gründen ein Gemeinschaftsunternehmen.",
        "{o2} wurde {year} von {p1} gegründet.",
        "{o1} verklagt {o2} wegen einer Patentverletzung.",
        "{o1} legt ein Übernahmeangebot für {o2} vor.",
        "{p1}, Finanzchef von {o1}, verlässt das Unternehmen zum Jahresende.",
    ],
    with_names: &[
        "Die Aktie von {o1} stieg in {city} um {pct}.",
        "{o1} meldete für das {q} Quartal einen Nettogewinn von {amt}.",
        "Analysten von {o3} erwarten eine schwache Nachfrage.",
        "{p1} wollte sich zu den Zahlen nicht äußern.",
        "{o1} beschäftigt rund {n} Mitarbeiter in {city}.",
        "Ein Sprecher von {o1} bestätigte die Gespräche.",
        "Die Papiere von {o2} schlossen am {day} {pct} tiefer.",
        "{p1} sagte in {city}, der Plan liege im Zeitplan.",
    ],
    plain: &[
        "Die Kartellbehörden müssen dem Geschäft noch zustimmen.",
        "Der Umsatz stieg im {q} Quartal um {pct} auf {amt}.",
        "Das Unternehmen rechnet im kommenden Jahr mit einem langsameren Wachstum.",
        "An den europäischen Börsen ging es am {day} uneinheitlich zu.",
        "Die Transaktion soll im {q} Quartal {year} abgeschlossen werden.",
        "Die Inflation lag weiter über dem Ziel der Notenbank.",
        "Anleger warten auf Klarheit über die Zinsen.",
        "Die Nachfrage hat sich seit dem Frühjahr erholt, die Kosten steigen aber weiter.",
        "Einen Grund für die Entscheidung nannte das Unternehmen nicht.",
        "Die operative Marge sank wegen der hohen Energiepreise.",
        "Beide Unternehmen wollten sich darüber hinaus nicht äußern.",
        "Der Vorstand schlägt der Hauptversammlung in {city} eine Dividende vor.",
    ],
    amounts_big: &["Euro", "Dollar"],
    amount_units: &["Millionen", "Milliarden"],
    percent: " Prozent",
    decimal: ',',
    quarters: &["ersten", "zweiten", "dritten", "vierten"],
    days: &["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"],
    cities: &["Frankfurt", "München", "Berlin", "Hamburg", "Zürich", "Wien", "Düsseldorf", "Stuttgart"],
};

static NL: Templates = Templates {
    headlines_relation: &[
        "{o1} neemt {o2} over",
        "{o1} koopt {o2} voor {amt}",
        "{o1} en {o2} fuseren",
        "{p1} nieuwe topman van {o1}",
        "{o1} neemt belang in {o2}",
        "{o1} daagt {o2} voor de rechter",
    ],
    headlines_other: &["Winst {o1} stijgt {pct}", "Aandeel {o1} keldert", "Beurzen gemengd", "{o1} verlaagt verwachting"],
    relation: &[
        "{o1} neemt {o2} over voor {amt}.",
        "{o1} heeft de overname van {o2} afgerond.",
        "{o1} koopt {o2} voor {amt}.",
        "{o1} en {o2} fuseren tot een bedrijf met een jaaromzet van {amt}.",
        "{o1} neemt een belang van {pct} in {o2}.",
        "{o1} investeert {amt} in {o2}.",
        "{o1} verkoopt zijn belang in {o2} aan {o3}.",
        "{p1}, topman van {o1}, zei dat het bedrijf hogere marges verwacht.",
        "{o1} benoemt {p1} tot nieuwe bestuursvoorzitter.",
        "{o1} en {o2} gaan samenwerken in een joint venture.",
        "{o2} werd in {year} opgericht door {p1}.",
        "{o1} daagt {o2} voor de rechter wegens octrooi-inbreuk.",
        "{o1} brengt een bod uit op {o2}.",
        "{p1}, financieel directeur van {o1}, vertrekt aan het einde van het jaar.",
    ],
    with_names: &[
        "Het aandeel {o1} steeg in {city} met {pct}.",
        "{o1} boekte over het {q} kwartaal een nettowinst van {amt}.",
        "Analisten van {o3} verwachten een zwakke vraag.",
        "{p1} wilde niet reageren op de cijfers.",
        "{o1} heeft ongeveer {n} werknemers in {city}.",
        "Een woordvoerder van {o1} bevestigde de gesprekken.",
        "Het aandeel {o2} sloot op {day} {pct} lager.",
        "{p1} zei in {city} dat het plan op schema ligt.",
    ],
    plain: &[
        "De toezichthouder moet de transactie nog goedkeuren.",
        "De omzet steeg in het {q} kwartaal met {pct} tot {amt}.",
        "Het bedrijf verwacht volgend jaar een lagere groei.",
        "De Europese beurzen lieten op {day} een gemengd beeld zien.",
        "De transactie wordt naar verwachting in het {q} kwartaal van {year} afgerond.",
        "De inflatie bleef boven de doelstelling van de centrale bank.",
        "Beleggers wachten op duidelijkheid over de rente.",
        "De vraag is sinds het voorjaar hersteld, al stijgen de kosten nog steeds.",
        "Het bedrijf gaf geen reden voor het besluit.",
        "De operationele marge daalde door de hoge energieprijzen.",
        "Beide bedrijven wilden verder niet reageren.",
        "Het bestuur stelt de aandeelhoudersvergadering in {city} een dividend voor.",
    ],
    amounts_big: &["euro", "dollar"],
    amount_units: &["miljoen", "miljard"],
    percent: " procent",
    decimal: ',',
    quarters: &["eerste", "tweede", "derde", "vierde"],
    days: &["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"],
    cities: &["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Brussel", "Antwerpen", "Den Haag", "Groningen"],
};

/// The names of one article and whether each was mentioned yet.
struct Cast {
    orgs: [String; 3],
    people: [String; 2],
    mentioned: [bool; 5],
}

impl Cast {
    fn name(&mut self, slot: usize) -> String {
        let first = !self.mentioned[slot];
        self.mentioned[slot] = true;
        if slot < 3 {
            let full = &self.orgs[slot];
            if first {
                return full.clone();
            }
            crate::gazetteer::names::strip_legal_form(full, LEGAL_FORMS_SHORT).unwrap_or_else(|| full.clone())
        } else {
            let full = &self.people[slot - 3];
            if first {
                return full.clone();
            }
            full.rsplit(' ').next().unwrap_or(full).to_string()
        }
    }
}

/// Legal forms dropped on a second mention (those the name generator uses, and the
/// common ones of the bundled lists).
const LEGAL_FORMS_SHORT: &[&str] = &[
    "Aktiengesellschaft", "Corporation", "KGaA", "GmbH", "Corp.", "Inc.", "N.V.", "B.V.", "S.A.", "LLC", "plc", "Ltd", "AG", "SE",
];

/// One article (headline, then paragraphs) and the number of relation sentences in it.
fn article(rng: &mut Rng, pool: &NamePool, lang: Lang) -> (String, usize) {
    let t = lang.templates();
    let mut cast = Cast {
        orgs: [pool.draw(rng, EntityKind::Organization), pool.draw(rng, EntityKind::Organization), pool.draw(rng, EntityKind::Organization)],
        people: [pool.draw(rng, EntityKind::Person), pool.draw(rng, EntityKind::Person)],
        mentioned: [false; 5],
    };
    let mut relations = 0;
    let mut text = String::with_capacity(2048);
    let headline = if rng.chance(0.15) {
        relations += 1;
        rng.pick(t.headlines_relation)
    } else {
        rng.pick(t.headlines_other)
    };
    fill(&mut text, headline, rng, t, &mut cast);
    // A headline names the cast but does not count as a mention for short forms.
    cast.mentioned = [false; 5];
    text.push_str("\n\n");
    let sentences = rng.range(8, 20);
    let mut in_paragraph = 0;
    for i in 0..sentences {
        let roll = rng.below(100);
        let template = if roll < 3 {
            relations += 1;
            rng.pick(t.relation)
        } else if roll < 35 {
            rng.pick(t.with_names)
        } else {
            rng.pick(t.plain)
        };
        if in_paragraph > 0 {
            text.push(' ');
        }
        fill(&mut text, template, rng, t, &mut cast);
        in_paragraph += 1;
        if i + 1 < sentences && in_paragraph >= 2 && rng.chance(0.5) {
            text.push_str("\n\n");
            in_paragraph = 0;
        }
    }
    (text, relations)
}

/// Appends `template` with its slots filled.
fn fill(out: &mut String, template: &str, rng: &mut Rng, t: &Templates, cast: &mut Cast) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else { break };
        let slot = &rest[open + 1..open + close];
        match slot {
            "o1" => out.push_str(&cast.name(0)),
            "o2" => out.push_str(&cast.name(1)),
            "o3" => out.push_str(&cast.name(2)),
            "p1" => out.push_str(&cast.name(3)),
            "p2" => out.push_str(&cast.name(4)),
            "amt" => amount(out, rng, t),
            "pct" => {
                number(out, rng.range(1, 49), rng.below(10), t.decimal);
                out.push_str(t.percent);
            }
            "city" => out.push_str(rng.pick(t.cities)),
            "q" => out.push_str(rng.pick(t.quarters)),
            "year" => out.push_str(&rng.range(1950, 2020).to_string()),
            "n" => out.push_str(&(rng.range(2, 400) * 50).to_string()),
            "day" => out.push_str(rng.pick(t.days)),
            other => {
                out.push('{');
                out.push_str(other);
                out.push('}');
            }
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
}

fn number(out: &mut String, whole: usize, tenth: usize, decimal: char) {
    out.push_str(&whole.to_string());
    if tenth > 0 {
        out.push(decimal);
        out.push_str(&tenth.to_string());
    }
}

fn amount(out: &mut String, rng: &mut Rng, t: &Templates) {
    let currency = rng.pick(t.amounts_big);
    let unit = rng.pick(t.amount_units);
    let whole = rng.range(1, 950);
    let tenth = if whole < 20 { rng.below(10) } else { 0 };
    if t.decimal == '.' {
        // English: `$1.2 billion`, `€450 million`, `450 million` (no currency).
        out.push_str(currency);
        number(out, whole, tenth, '.');
        out.push(' ');
        out.push_str(unit);
        if currency.is_empty() {
            out.push_str(" dollars");
        }
    } else {
        // German and Dutch: `1,2 Milliarden Euro`, `450 miljoen euro`.
        number(out, whole, tenth, t.decimal);
        out.push(' ');
        out.push_str(unit);
        out.push(' ');
        out.push_str(currency);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool() -> NamePool {
        NamePool {
            bundled_orgs: vec!["Siemens AG".into(), "Adyen N.V.".into()],
            bundled_people: vec!["Roland Busch".into()],
            generated_orgs: vec!["Veltranix Logistics GmbH".into()],
            generated_people: vec!["Anna van der Brinkhout".into()],
        }
    }

    #[test]
    fn reproducible_and_filled() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let (a, b) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
        let sa = write(&a, &pool(), 7, "a", 50_000).unwrap_or_else(|e| panic!("{e}"));
        let sb = write(&b, &pool(), 7, "a", 50_000).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(sa, sb);
        let text_a = std::fs::read_to_string(&a).unwrap_or_default();
        assert_eq!(text_a, std::fs::read_to_string(&b).unwrap_or_default());
        assert!(sa.text_bytes >= 50_000 && sa.documents > 10 && sa.relation_sentences > sa.documents / 4);
        assert!(!text_a.contains('{') || text_a.lines().all(|l| !l.contains("{o") && !l.contains("{amt")));
        for lang in ["\"en\"", "\"de\"", "\"nl\""] {
            assert!(text_a.contains(lang), "{lang}");
        }
        // Second mentions drop the legal form.
        assert!(text_a.contains("Veltranix Logistics") && text_a.contains("Siemens"));
    }

    #[test]
    fn amounts_read_naturally() {
        let mut rng = Rng::new(3);
        for (t, sample) in [(&EN, "million"), (&DE, "Millionen"), (&NL, "miljoen")] {
            let mut s = String::new();
            for _ in 0..20 {
                amount(&mut s, &mut rng, t);
                s.push('|');
            }
            assert!(s.contains(sample), "{s}");
        }
    }
}
