//! Cue lexicons: one CSV per language in `gazetteers/cues/<lang>.csv`, compiled into one
//! [`PhraseMatcher`] per language (the same Aho-Corasick machinery as the gazetteer).
//!
//! A row is `cue,frame,type,status,subject,object,weight,value` (documented in
//! `gazetteers/cues/README.md`). Relation cues (`verb`, `participle`, `passive`,
//! `nominal`, `sale`, `title`, `symmetric`) carry a relation type and say where their
//! arguments are; status cues (`modality`, `negation`) change the status of a nearby
//! relation; word classes (`prep`, `conj`, `det`, `relative`, `coref`, `possessive`,
//! `clause`, `aux_passive`, `aux_perfect`, `ignore`) tell the argument rules how the
//! language builds its sentences; `scale`, `currency` and `month` serve amounts and dates.
//! Nothing in Rust names a word of any language, so a new language is a new file.

use std::collections::{BTreeMap, HashMap};

use crate::error::{Error, Result};
use crate::gazetteer::matcher::{PhraseMatch, PhraseMatcher, PhraseMatcherBuilder};
use crate::model::{EntityKind, RelationType, Status};
use crate::text::fold_case;

/// How a cue finds its arguments, or which word class a function word belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Frame {
    /// A finite or infinitive verb: subject on the left, object on the right (or both on
    /// the left in verb-final clauses).
    Verb,
    /// A past participle: passive when an agent phrase (`subject` prepositions) is
    /// present, active otherwise.
    Participle,
    /// A passive or converse phrase: object on the left, subject in a `subject` phrase.
    Passive,
    /// A noun: object in an `object` phrase or a compound (`X-overname`), subject in a
    /// `subject` phrase, a possessive (`X's`) or the clause subject.
    Nominal,
    /// A sale: seller on the left, target as direct object, buyer in a `subject` phrase.
    Sale,
    /// A title noun (`CEO`, `oprichter`, `Aktionär`): holder in apposition or after it,
    /// organisation in an `object` phrase or a compound before it.
    Title,
    /// Merger or partnership: parties coordinated, after `between`, or subject + `with`.
    Symmetric,
    /// A rival bidder (`Bieterschlacht gegen X`, `outbid X`, `overbood X`): the name after
    /// it also tried to buy the target of the sentence's acquisition (and lost when that
    /// acquisition is done).
    Rival,
    /// Sets the status of a nearby relation cue.
    Modality,
    /// Negates a nearby relation cue.
    Negation,
    /// Prepositions: an entity after one is not the subject of a clause.
    Prep,
    /// Coordinating words (`en`, `und`, `and`, `samen met`).
    Conj,
    /// Determiners and other words that may sit between a preposition and its noun.
    Det,
    /// Determiners of an oblique case (`dem`, `einem`): without a preposition before
    /// them, the noun phrase they open is an indirect object, not a subject or direct
    /// object.
    Oblique,
    /// Relative pronouns (`die`, `which`): the antecedent stands before them.
    Relative,
    /// Anaphoric noun phrases and personal pronouns (`het bedrijf`, `er`, `it`).
    Coref,
    /// Possessive determiners (`zijn`, `seine`, `its`).
    Possessive,
    /// Words that open a new clause (`maar`, `aber`, `but`): arguments do not cross them.
    Clause,
    /// Auxiliaries of the passive (`wordt`, `wurde`, `was`).
    AuxPassive,
    /// Words that link a person to a title (`is`, `wordt`, `als`, `became`, `named`).
    Copula,
    /// Succession verbs (`replaced`, `volgt … op`, `löst … ab`): in `X replaced Y as CEO
    /// of Z` both hold the title.
    Succession,
    /// Verbs of the side that receives a bid (`rejects`, `wijst … af`, `lehnt … ab`):
    /// in `Y rejects X bid` the name before the bid is the bidder, the subject the target.
    Receiver,
    /// Words that make the organisation right after them (or, for a noun, right before
    /// it) the addressee of a filing or statement (`told the X`, `a filing with the X`, `an
    /// X filing`): a regulator, never the antecedent of the speaker's `it`/`they`. Looked
    /// up by coreference, not matched as cues.
    Recipient,
    /// Adverbials of time (`vorig jaar`, `im Vorjahr`, `last year`): they close a
    /// prepositional phrase, so a name right after them is no part of it (`hat im
    /// Vorjahr X übernommen`). A year (`in 2015 X`) does the same without a row.
    Time,
    /// Words that make the object of a purchase a stake (`shares`, `pct`, `aandelen`).
    Share,
    /// Parts of a company (`unit`, `divisie`, `Sparte`): buying the unit of Y is an
    /// acquisition from Y's side (`Y` is the target).
    Part,
    /// Auxiliaries of the perfect (`heeft`, `hat`, `has`).
    AuxPerfect,
    /// A company put up for sale (`zoekt een koper voor Y`, `Y steht zum Verkauf`, `put Y
    /// up for sale`): Y is the company in play, which later company nouns in a bid or
    /// purchase stand for (`Z overweegt een bod op het bedrijf`). See [`super::focus`].
    ForSale,
    /// Words that open examples of a noun (`such as`, `onder wie`, `darunter`): in
    /// `raised money from investors such as X and Y` the names stand in the phrase of the
    /// noun (`from`).
    Example,
    /// Phrases matched only to hide their words from other cues (`niet alleen`).
    Ignore,
    /// A number word for amounts (`miljard` = 1e9).
    Scale,
    /// A currency word (`dollar` = USD).
    Currency,
    /// A month name (`maart` = 3).
    Month,
    /// Words after an amount that make it a unit price, not a deal value (`per share`).
    Unit,
    /// Language settings: `decimal` (the decimal mark), `verb_final` (subordinate
    /// clauses put the verb last: nl, de), `verb_second` (a main clause that opens with
    /// an adverbial puts the subject after the verb: nl, de), each in `value`.
    Setting,
}

impl Frame {
    fn parse(s: &str) -> Option<Frame> {
        Some(match s {
            "verb" => Frame::Verb,
            "participle" => Frame::Participle,
            "passive" => Frame::Passive,
            "nominal" => Frame::Nominal,
            "sale" => Frame::Sale,
            "title" => Frame::Title,
            "symmetric" => Frame::Symmetric,
            "modality" => Frame::Modality,
            "rival" => Frame::Rival,
            "negation" => Frame::Negation,
            "prep" => Frame::Prep,
            "conj" => Frame::Conj,
            "det" => Frame::Det,
            "oblique" => Frame::Oblique,
            "relative" => Frame::Relative,
            "coref" => Frame::Coref,
            "possessive" => Frame::Possessive,
            "clause" => Frame::Clause,
            "aux_passive" => Frame::AuxPassive,
            "copula" => Frame::Copula,
            "succession" => Frame::Succession,
            "receiver" => Frame::Receiver,
            "recipient" => Frame::Recipient,
            "time" => Frame::Time,
            "share" => Frame::Share,
            "part" => Frame::Part,
            "aux_perfect" => Frame::AuxPerfect,
            "for_sale" => Frame::ForSale,
            "example" => Frame::Example,
            "ignore" => Frame::Ignore,
            "scale" => Frame::Scale,
            "currency" => Frame::Currency,
            "month" => Frame::Month,
            "unit" => Frame::Unit,
            "setting" | "number" => Frame::Setting,
            _ => return None,
        })
    }

    /// Frames that state a relation (as opposed to status cues and word classes).
    pub fn is_relation(self) -> bool {
        matches!(
            self,
            Frame::Verb
                | Frame::Participle
                | Frame::Passive
                | Frame::Nominal
                | Frame::Sale
                | Frame::Title
                | Frame::Symmetric
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Frame::Verb => "verb",
            Frame::Participle => "participle",
            Frame::Passive => "passive",
            Frame::Nominal => "nominal",
            Frame::Sale => "sale",
            Frame::Title => "title",
            Frame::Symmetric => "symmetric",
            Frame::Modality => "modality",
            Frame::Rival => "rival",
            Frame::Negation => "negation",
            Frame::Prep => "prep",
            Frame::Conj => "conj",
            Frame::Det => "det",
            Frame::Oblique => "oblique",
            Frame::Relative => "relative",
            Frame::Coref => "coref",
            Frame::Possessive => "possessive",
            Frame::Clause => "clause",
            Frame::AuxPassive => "aux_passive",
            Frame::Copula => "copula",
            Frame::Succession => "succession",
            Frame::Receiver => "receiver",
            Frame::Recipient => "recipient",
            Frame::Time => "time",
            Frame::Share => "share",
            Frame::Part => "part",
            Frame::AuxPerfect => "aux_perfect",
            Frame::ForSale => "for_sale",
            Frame::Example => "example",
            Frame::Ignore => "ignore",
            Frame::Scale => "scale",
            Frame::Currency => "currency",
            Frame::Month => "month",
            Frame::Unit => "unit",
            Frame::Setting => "setting",
        }
    }
}

/// Which entities a pronoun or possessive may stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Referent {
    Organization,
    Person,
    Any,
    /// A genitive relative pronoun (`whose`, `waarvan`, `dessen`): the entity before
    /// the comma.
    Antecedent,
    /// The first person (`we`, `onze`, `unsere`): the organisation speaking, which in a
    /// quote or an interview is the one the document is about.
    Speaker,
    /// `the latter`, `letzterer`, `laatstgenoemde`: the organisation named last, wherever
    /// it stands.
    Latest,
}

impl Referent {
    pub fn fits(self, kind: EntityKind) -> bool {
        match self {
            Referent::Any | Referent::Antecedent => true,
            Referent::Organization | Referent::Speaker | Referent::Latest => kind == EntityKind::Organization,
            Referent::Person => kind == EntityKind::Person,
        }
    }
}

/// The status a cue gives, and whether a modality further away may override it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueStatus {
    pub status: Status,
    /// Written `~status` in the CSV: only a default, any modality in the clause wins.
    pub weak: bool,
}

/// One cue form (a CSV row with several `|`-separated forms gives several cues).
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    /// The form as written in the CSV (`neemt ... over`).
    pub form: String,
    /// Folded words that must follow the head later in the sentence (`over`), for
    /// separable verbs written with `...`.
    pub tail: Vec<String>,
    pub frame: Frame,
    pub kind: Option<RelationType>,
    pub status: Option<CueStatus>,
    /// For coref and possessive rows.
    pub referent: Option<Referent>,
    /// Folded prepositions that introduce the subject (agent, buyer, investor); `-` =
    /// the entity follows the cue directly.
    pub subject_preps: Vec<String>,
    /// Folded prepositions that introduce the object; `-` = a direct object.
    pub object_preps: Vec<String>,
    /// Prior confidence of the cue in [0, 1].
    pub weight: f32,
    /// `value` column: multiplier for `scale`, ISO code for `currency`, number for `month`.
    pub value: String,
    /// `path:line` of the row, for `--explain` and error messages.
    pub origin: String,
}

impl Cue {
    pub fn allows_subject_prep(&self, prep: Option<&str>) -> bool {
        allows(&self.subject_preps, prep)
    }
    pub fn allows_object_prep(&self, prep: Option<&str>) -> bool {
        allows(&self.object_preps, prep)
    }
    /// Multiplier of a `scale` row.
    pub fn scale(&self) -> Option<f64> {
        self.value.parse().ok()
    }
}

fn allows(list: &[String], prep: Option<&str>) -> bool {
    match prep {
        None => list.iter().any(|p| p == "-"),
        Some(p) => list.iter().any(|q| q == p),
    }
}

/// The cues of one language, compiled.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub lang: String,
    pub cues: Vec<Cue>,
    matcher: PhraseMatcher,
    /// Folded scale words (`miljard`, `mln`, `bn`) → multiplier.
    pub scales: HashMap<String, f64>,
    /// Folded currency words and symbols with letters (`dollar`, `dlrs`, `us$`) → ISO code.
    pub currencies: HashMap<String, String>,
    /// Folded month names → 1..=12.
    pub months: HashMap<String, u32>,
    /// Folded unit-price phrases (`per share`), split into words.
    pub units: Vec<Vec<String>>,
    /// The decimal mark of numbers (`,` in nl and de, `.` in en).
    pub decimal: char,
    /// Folded prepositions that link a part or share to its owner (`van`, `des`, `of`).
    pub part_preps: Vec<String>,
    /// Folded prepositions that link only a share to its company (`an` in `20 Prozent an
    /// Y`, `in` in `30 procent in Y`): the `object` column of the `share` rows.
    pub share_preps: Vec<String>,
    /// Folded agent prepositions of the `participle` rows (`by`, `door`, `von`): looked
    /// up for every item when telling a reduced relative from a predicate.
    pub participle_agents: Vec<String>,
    /// Subordinate clauses are verb-final (`dat X Y overneemt`).
    pub verb_final: bool,
    /// Folded single-phrase forms (no `...`, no `*`) → cue indices.
    pub forms: HashMap<String, Vec<usize>>,
    /// Main clauses are verb-second (`In 2010 kocht X Y`: subject after the verb).
    pub verb_second: bool,
}

/// A cue found in the text: the head span and the cues (indices) it may stand for.
#[derive(Debug, Clone)]
pub struct CueMatch {
    pub span: crate::model::Span,
    pub cues: Vec<usize>,
}

impl Lexicon {
    /// Parses one CSV file (`path` is used in error messages).
    pub fn parse(lang: &str, path: &str, content: &str) -> Result<Lexicon> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .comment(Some(b'#'))
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(content.as_bytes());
        let headers = reader.headers().map_err(|e| Error::data(path, 1, e.to_string()))?.clone();
        let col = |name: &str| headers.iter().position(|h| h == name);
        let Some(c_cue) = col("cue") else { return Err(Error::data(path, 1, "missing column `cue`")) };
        let Some(c_frame) = col("frame") else { return Err(Error::data(path, 1, "missing column `frame`")) };
        let (c_type, c_status, c_subject, c_object, c_weight, c_value) =
            (col("type"), col("status"), col("subject"), col("object"), col("weight"), col("value"));
        let mut cues = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                Error::data(path, line, e.to_string())
            })?;
            let line = record.position().map(|p| p.line()).unwrap_or(0);
            let field = |c: Option<usize>| c.and_then(|c| record.get(c)).unwrap_or("").trim();
            let err = |msg: String| Error::data(path, line, msg);
            let forms = field(Some(c_cue));
            if forms.is_empty() {
                continue;
            }
            let frame_text = field(Some(c_frame));
            let frame = Frame::parse(frame_text).ok_or_else(|| err(format!("unknown frame {frame_text:?}")))?;
            let type_text = field(c_type);
            let (kind, referent) = match frame {
                Frame::Relative if type_text == "antecedent" => (None, Some(Referent::Antecedent)),
                Frame::Coref | Frame::Possessive => {
                    let r = match type_text {
                        "org" => Referent::Organization,
                        "speaker" => Referent::Speaker,
                        "latest" => Referent::Latest,
                        "person" => Referent::Person,
                        "any" | "" => Referent::Any,
                        other => {
                            return Err(err(format!(
                                "coref type must be org, person, any, speaker or latest, not {other:?}"
                            )))
                        }
                    };
                    (None, Some(r))
                }
                _ if type_text.is_empty() => (None, None),
                _ => (Some(type_text.parse::<RelationType>().map_err(err)?), None),
            };
            if frame.is_relation() && kind.is_none() {
                return Err(err(format!("a {} cue needs a relation type", frame.as_str())));
            }
            let status_text = field(c_status);
            let status = if status_text.is_empty() {
                None
            } else {
                let (weak, s) = match status_text.strip_prefix('~') {
                    Some(rest) => (true, rest),
                    None => (false, status_text),
                };
                Some(CueStatus { status: s.parse::<Status>().map_err(err)?, weak })
            };
            if frame == Frame::Modality && status.is_none() {
                return Err(err("a modality cue needs a status".into()));
            }
            let preps = |s: &str| -> Vec<String> {
                s.split('|').map(|p| fold_case(p.trim())).filter(|p| !p.is_empty()).collect()
            };
            let weight_text = field(c_weight);
            let weight = if weight_text.is_empty() {
                0.8
            } else {
                let w: f32 = weight_text.parse().map_err(|_| err(format!("weight {weight_text:?} is not a number")))?;
                if !(0.0..=1.0).contains(&w) {
                    return Err(err(format!("weight {w} is outside [0, 1]")));
                }
                w
            };
            let value = field(c_value).to_string();
            if frame == Frame::Scale && value.parse::<f64>().is_err() {
                return Err(err(format!("a scale needs a numeric value, not {value:?}")));
            }
            if matches!(frame, Frame::Currency | Frame::Month | Frame::Setting) && value.is_empty() {
                return Err(err(format!("a {} row needs a value", frame.as_str())));
            }
            for form in forms.split('|').map(str::trim).filter(|f| !f.is_empty()) {
                let (head, tail) = match form.split_once("...") {
                    Some((h, t)) => (h.trim(), t.split_whitespace().map(fold_case).collect()),
                    None => (form, Vec::new()),
                };
                if head.is_empty() {
                    return Err(err(format!("cue {form:?} has nothing before `...`")));
                }
                cues.push(Cue {
                    form: form.to_string(),
                    tail,
                    frame,
                    kind,
                    status,
                    referent,
                    subject_preps: preps(field(c_subject)),
                    object_preps: preps(field(c_object)),
                    weight,
                    value: value.clone(),
                    origin: format!("{path}:{line}"),
                });
            }
        }
        let mut builder = PhraseMatcherBuilder::new();
        for (i, cue) in cues.iter().enumerate() {
            // Amount words are looked up by the amount parser, recipient words by coreference;
            // neither is matched as a cue.
            if matches!(cue.frame, Frame::Scale | Frame::Currency | Frame::Unit | Frame::Setting | Frame::Recipient) {
                continue;
            }
            let head = match cue.form.split_once("...") {
                Some((h, _)) => h.trim(),
                None => cue.form.as_str(),
            };
            builder.add(head, i as u32);
        }
        let matcher = builder.build()?;
        let mut lexicon = Lexicon {
            lang: lang.to_string(),
            cues: Vec::new(),
            matcher,
            scales: HashMap::new(),
            currencies: HashMap::new(),
            months: HashMap::new(),
            units: Vec::new(),
            decimal: '.',
            verb_final: false,
            verb_second: false,
            forms: HashMap::new(),
            part_preps: Vec::new(),
            share_preps: Vec::new(),
            participle_agents: Vec::new(),
        };
        for (i, cue) in cues.iter().enumerate() {
            if cue.tail.is_empty() {
                lexicon.forms.entry(fold_case(cue.form.trim_matches('*'))).or_default().push(i);
            }
        }
        for cue in &cues {
            let key = fold_case(&cue.form);
            match cue.frame {
                Frame::Scale => {
                    lexicon.scales.insert(key, cue.scale().unwrap_or(1.0));
                }
                Frame::Currency => {
                    lexicon.currencies.insert(key, cue.value.clone());
                }
                Frame::Month => {
                    let n: u32 = cue.value.parse().map_err(|_| {
                        Error::data(path, 0, format!("{}: month {:?} is not a number", cue.origin, cue.value))
                    })?;
                    lexicon.months.insert(key, n);
                }
                Frame::Unit => lexicon.units.push(key.split_whitespace().map(String::from).collect()),
                Frame::Part => {
                    for p in &cue.object_preps {
                        if !lexicon.part_preps.contains(p) {
                            lexicon.part_preps.push(p.clone());
                        }
                    }
                }
                Frame::Participle => {
                    for p in &cue.subject_preps {
                        if !lexicon.participle_agents.contains(p) {
                            lexicon.participle_agents.push(p.clone());
                        }
                    }
                }
                Frame::Share => {
                    for p in &cue.object_preps {
                        if !lexicon.share_preps.contains(p) {
                            lexicon.share_preps.push(p.clone());
                        }
                    }
                }
                Frame::Setting => {
                    let yes = matches!(cue.value.as_str(), "true" | "yes" | "1");
                    match key.as_str() {
                        "decimal" => lexicon.decimal = cue.value.chars().next().unwrap_or('.'),
                        "verb_final" => lexicon.verb_final = yes,
                        "verb_second" => lexicon.verb_second = yes,
                        other => {
                            return Err(Error::data(path, 0, format!("{}: unknown setting {other:?}", cue.origin)))
                        }
                    }
                }
                _ => {}
            }
        }
        lexicon.cues = cues;
        Ok(lexicon)
    }

    /// True when the folded word or phrase is a cue of that frame.
    pub fn has(&self, folded: &str, frame: Frame) -> bool {
        self.forms.get(folded).is_some_and(|cues| cues.iter().any(|&c| self.cues[c].frame == frame))
    }

    /// All cue heads in `folded` (text folded with `fold_for_matching`).
    pub fn find(&self, folded: &str) -> Vec<CueMatch> {
        self.matcher
            .find_all(folded)
            .into_iter()
            .map(|PhraseMatch { span, pattern }| CueMatch {
                span,
                cues: self.matcher.values(pattern).iter().map(|&v| v as usize).collect(),
            })
            .collect()
    }
}

/// Every bundled lexicon, by language code.
pub fn bundled_lexicons() -> Result<BTreeMap<String, Lexicon>> {
    let mut out = BTreeMap::new();
    for (path, content) in crate::bundled::files_under("gazetteers/cues/") {
        let Some(name) = path.strip_prefix("gazetteers/cues/") else { continue };
        let Some(lang) = name.strip_suffix(".csv") else { continue };
        if lang.contains('/') {
            continue;
        }
        out.insert(lang.to_string(), Lexicon::parse(lang, path, content)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rows_and_reports_errors() {
        let csv = "cue,frame,type,status,subject,object,weight,value\n\
                   # a comment\n\
                   koopt|kocht,verb,acquisition,completed,,-,0.9,\n\
                   neemt ... over,verb,acquisition,~agreed,,-,,\n\
                   miljard,scale,,,,,,1e9\n";
        let lex = Lexicon::parse("nl", "nl.csv", csv).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(lex.cues.len(), 4);
        assert_eq!(lex.cues[2].tail, vec!["over".to_string()]);
        assert!(lex.cues[2].status.is_some_and(|s| s.weak));
        assert_eq!(lex.cues[3].scale(), Some(1e9));
        let found = lex.find("acme neemt widgetco over");
        assert_eq!(found.len(), 1);

        let bad = "cue,frame,type\nkoopt,verb,buying\n";
        let e = Lexicon::parse("nl", "nl.csv", bad).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.starts_with("nl.csv:2:"), "{e}");
        let bad = "cue,frame\nkoopt,verbish\n";
        assert!(Lexicon::parse("nl", "nl.csv", bad).is_err());
    }

    #[test]
    fn bundled_lexicons_load() {
        let all = bundled_lexicons().unwrap_or_else(|e| panic!("{e}"));
        for lang in ["nl", "de", "en"] {
            let lex = all.get(lang).unwrap_or_else(|| panic!("no lexicon for {lang}"));
            assert!(lex.cues.iter().any(|c| c.frame.is_relation()), "{lang}");
        }
    }
}
