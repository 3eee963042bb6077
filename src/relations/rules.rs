//! Argument assignment: for each relation cue, the frame's rules find the subject and
//! object (and a sale's seller) among the sentence's items.
//!
//! Every rule has an id (`verb.active`, `nominal.by`, `title.apposition`, …) that ends
//! up in [`crate::model::Relation::rule`] and a factor that scales the cue's weight into
//! the relation's confidence: explicit syntax next to the cue scores higher than a clause
//! subject found further away, and both higher than an organisation taken from context.

use crate::model::{EntityKind, RelationType, Status};
use crate::relations::context;
use crate::relations::lexicon::{Cue, Frame};
use crate::relations::sentence::{Arg, ItemKind, PrepBefore, Via, View, WINDOW};

/// One relation proposed by a rule, before coreference, status and confidence.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub kind: RelationType,
    /// Lexicon index of the cue.
    pub cue: usize,
    /// Item index of the cue.
    pub cue_item: usize,
    pub subject: Arg,
    pub object: Arg,
    pub seller: Option<Arg>,
    /// The organisation was not in the sentence: taken from the context (entity index).
    pub context_object: Option<usize>,
    pub rule: &'static str,
    /// Rule factor in (0, 1].
    pub factor: f32,
}

/// Applies the rules of cue `cue` at item `c` (`tail`: the item of a separable verb's
/// particle).
pub fn apply(view: &View, c: usize, cue_idx: usize, tail: Option<usize>) -> Vec<Candidate> {
    let cue = &view.lex.cues[cue_idx];
    let mut out = Out { view, cue: cue_idx, c, kind: cue.kind.unwrap_or(RelationType::Acquisition), list: Vec::new() };
    match cue.frame {
        Frame::Verb => verb(&mut out, cue, tail),
        Frame::Participle => participle(&mut out, cue, tail),
        Frame::Passive => passive(&mut out, cue),
        Frame::Nominal => nominal(&mut out, cue),
        Frame::Sale => sale(&mut out, cue, tail),
        Frame::Title => title(&mut out, cue),
        Frame::Symmetric => symmetric(&mut out, cue),
        _ => {}
    }
    out.list
}

struct Out<'v, 'a> {
    view: &'v View<'a>,
    cue: usize,
    c: usize,
    kind: RelationType,
    list: Vec<Candidate>,
}

impl Out<'_, '_> {
    /// Emits one candidate per member of the subject's and the object's groups.
    fn emit(&mut self, subject: Arg, object: Arg, seller: Option<Arg>, rule: &'static str, factor: f32) {
        let subjects = self.members(subject);
        let objects = self.members(object);
        for &s in &subjects {
            for &o in &objects {
                if s.item == o.item {
                    continue;
                }
                self.push(s, o, seller, rule, factor);
            }
        }
    }

    fn push(&mut self, subject: Arg, object: Arg, seller: Option<Arg>, rule: &'static str, factor: f32) {
        self.list.push(Candidate {
            kind: self.kind,
            cue: self.cue,
            cue_item: self.c,
            subject,
            object,
            seller,
            context_object: None,
            rule,
            factor,
        });
    }

    /// Every pair of a group of parties (symmetric relations).
    fn emit_pairs(&mut self, items: &[Arg], rule: &'static str, factor: f32) {
        for (n, &a) in items.iter().enumerate() {
            for &b in &items[n + 1..] {
                self.push(a, b, None, rule, factor);
            }
        }
    }

    fn members(&self, arg: Arg) -> Vec<Arg> {
        if arg.via == Via::Relative {
            return vec![arg];
        }
        let group = self.view.group(arg.item);
        group
            .into_iter()
            .map(|item| {
                let via = if self.view.entity(item).is_some() { Via::Direct } else { Via::Coref(item) };
                Arg { item, via, dist: arg.dist.max(self.c.abs_diff(item)) }
            })
            .collect()
    }

    /// True when item `i` (an entity, or a coref word) may be the object of the relation.
    fn fits_object(&self, i: usize) -> bool {
        match self.view.entity(i) {
            Some(e) => crate::relations::slot_kinds(self.kind).1.contains(&self.view.analysis.entities[e].kind),
            None => true,
        }
    }

    fn in_group(&self, arg: Arg, item: usize) -> bool {
        self.view.group(arg.item).contains(&item)
    }
}

/// `X koopt Y`, `X hat Y gekauft`, `X neemt Y over`, `Y, die X kocht`, `X's plan to
/// buy Y`, and in verb-second languages `In 2010 kocht X Y`.
fn verb(out: &mut Out, cue: &Cue, tail: Option<usize>) {
    let view = out.view;
    let c = out.c;
    let lex = view.lex;
    // A verb-final clause holds its subject far from the verb (`X hatte sich 2014 die
    // Sparte von Y in einer Bieterschlacht gegen Z gesichert`).
    let reach = if lex.verb_final { WINDOW + WINDOW / 2 } else { WINDOW };
    let left = view.left_args_within(c, 2, true, reach);
    let end = tail.unwrap_or(view.len());
    let mut objects = view.right_args(c, end, &|p| cue.allows_object_prep(p));
    // A prepositional object may also follow the particle (`telde 2 miljard neer voor Y`,
    // `legte 2 Mrd. für Y hin` has it inside): a direct object never does.
    if let Some(t) = tail.filter(|_| objects.is_empty()) {
        objects = view.right_args(t, view.len(), &|p| p.is_some() && cue.allows_object_prep(p));
    }
    let object = objects.iter().copied().find(|o| out.fits_object(o.item));
    // Verb-second: after an adverbial or a subordinate clause the subject follows the
    // finite verb (`In 2010 kocht hij X`, `…, übernahm sie X`).
    if lex.verb_second {
        let direct = view.right_args(c, end, &|p| p.is_none());
        // Inverted order shows as a name or pronoun right after the verb followed by
        // the object; without a subject on the left one argument after the verb is
        // enough when the object comes through its preposition.
        let inverted = direct.len() >= 2 || left.is_empty();
        if let Some(s) = direct.first().copied().filter(|s| s.dist <= 2 && inverted) {
            let mut rest = view.right_args(s.item, end, &|p| cue.allows_object_prep(p));
            if let Some(t) = tail.filter(|_| rest.is_empty()) {
                rest = view.right_args(t, view.len(), &|p| p.is_some() && cue.allows_object_prep(p));
            }
            if let Some(o) = rest.into_iter().find(|o| !out.in_group(s, o.item) && out.fits_object(o.item)) {
                out.emit(s, o, None, "verb.inverted", 0.85);
                return;
            }
        }
    }
    // `Y, in which X owns a stake`, `Y, an der X beteiligt ist`: the antecedent of a
    // prepositional relative is the object.
    let object = object.or_else(|| {
        oblique_relative(view, c, cue).filter(|o| left.first().is_some_and(|s| s.via == Via::Direct && s.item > o.item))
    });
    // `X's plan to buy Y`; also after a clause subject (`the regulator rejected X's
    // application to acquire Y`): a named genitive nearer than the subject is the buyer.
    let possessor = view.possessor(c).filter(|a| a.dist <= 6);
    let own_noun = possessor
        .filter(|p| !lex.verb_final && p.via == Via::Direct && left.first().is_some_and(|l| l.item < p.item));
    let left: Vec<Arg> = if own_noun.is_some() { Vec::new() } else { left };
    let subject = left.first().copied().or(possessor);
    // `X kocht de Belgische tak van Y`: the owner of the part is the target.
    let object = object.or_else(|| {
        if out.kind != RelationType::Acquisition {
            return None;
        }
        view.part_owner(c, true).or_else(|| if lex.verb_final { view.part_owner(c, false) } else { None })
    });
    // `X will das Filialnetz übernehmen`, `X buys the unit`: a part of a company not
    // named in the sentence belongs to the company the article is about.
    if let (Some(s), None) = (subject, object) {
        if out.kind == RelationType::Acquisition && s.via == Via::Direct && ownerless_part(view, c, s, end) {
            implicit_object(out, cue, s, "verb.implicit");
            return;
        }
    }
    match (subject, object) {
        (Some(s), Some(o)) => {
            // `bought 18.8% of Y`, `acquired two mln Y shares`: a stake, not the company.
            if out.kind == RelationType::Acquisition && view.share_context(c, o.item) {
                out.kind = RelationType::Investment;
            }
            let rule = if left.is_empty() { "verb.possessor" } else { "verb.active" };
            out.emit(s, o, None, rule, if left.is_empty() { 0.85 } else { 1.0 });
        }
        (Some(a), None) if lex.verb_final && controlled(view, c, a, cue).is_some() => {
            // An infinitive clause whose subject is that of the clause above: `X deed een
            // poging om Y over te nemen`, `X versuchte, Y zu übernehmen`.
            if let Some((s, o)) = controlled(view, c, a, cue) {
                out.emit(s, o, None, "verb.control", 0.85);
            }
        }
        (Some(a), None) if lex.verb_final => {
            // Verb-final clauses: both arguments before the verb.
            let prep_object = cue
                .object_preps
                .iter()
                .any(|p| p != "-")
                .then(|| view.prep_arg(c, &cue.object_preps, 0, WINDOW))
                .flatten();
            if let Some(o) = prep_object {
                if !out.in_group(o, a.item) {
                    out.emit(a, o, None, "verb.final", 0.9);
                }
                return;
            }
            if left.len() >= 2 && cue.allows_object_prep(None) && tail.is_none() {
                let b = left[1];
                if b.via == Via::Relative && a.via != Via::Relative {
                    // `Y, dat X overnam`: X right after the pronoun is the subject; `X,
                    // die heeft beloofd Y over te nemen`: the antecedent is.
                    // (`die Y leidde` is "who led Y" when only a person can lead: a role
                    // takes the person as subject whatever the order.)
                    let person = |arg: &Arg| {
                        view.entity(arg.item).is_some_and(|e| view.analysis.entities[e].kind == EntityKind::Person)
                    };
                    let pronoun_then_a = a.item >= 1
                        && view.is_relative(a.item - 1)
                        && !(out.kind.is_role() && person(&b) && !person(&a));
                    if pronoun_then_a {
                        out.emit(a, b, None, "verb.relative", 0.9);
                    } else {
                        out.emit(b, a, None, "verb.relative", 0.9);
                    }
                } else if !(a.item >= 1 && b.item < a.item && matches!(view.punct(a.item - 1), Some(',' | '('))) {
                    // (A name right after a comma opens the clause of the verb: in `X
                    // sagte, Y habe lange geklagt` Y is the subject, not X's object; one
                    // in brackets describes the name before it: `X (CDU) hat … geklagt`.)
                    out.emit(b, a, None, "verb.final", 0.85);
                }
            }
        }
        _ => {}
    }
}

/// Subject control in a verb-final language, for a verb cue (`over te nemen`, `zu
/// übernehmen`) with a direct object and none found after it: (subject, object) when
/// the name `a` found before the cue opens the infinitive clause after a comma (`X
/// versuchte, Y zu übernehmen`: the subject is the nominative before the comma), or when
/// `a` is the clause subject and the nearest name before the cue stands in a phrase whose
/// preposition the cue does not take (`X deed een poging om Y over te nemen`), with only
/// words between it and the cue.
fn controlled(view: &View, c: usize, a: Arg, cue: &Cue) -> Option<(Arg, Arg)> {
    // (Deals only: a role or a suit in such a clause is mostly something else.)
    let deal = matches!(cue.kind, Some(RelationType::Acquisition | RelationType::Investment));
    if !deal || cue.frame != Frame::Verb || !cue.allows_object_prep(None) || a.via != Via::Direct {
        return None;
    }
    // (Only words between the name and the cue: the infinitive clause.)
    let plain_to_cue = |from: usize| (from + 1..c).all(|j| view.is_word(j) || view.is(j, Frame::Det));
    // `X versuchte, Y zu übernehmen`.
    let mut k = a.item;
    while k > 0 && view.is(k - 1, Frame::Det) {
        k -= 1;
    }
    if k > 0 && view.punct(k - 1) == Some(',') && plain_to_cue(a.item) {
        let subject = view.left_args_within(k - 1, 1, true, WINDOW).into_iter().next()?;
        return (subject.via == Via::Direct).then_some((subject, a));
    }
    // `X deed een poging om Y over te nemen`.
    let y = (a.item + 1..c).rev().find(|&j| view.entity(j).is_some())?;
    let prep = view.prep_text(y)?;
    // (The preposition right before the name: `om Y`, not `bij de Y`.)
    let bare = y > 0 && view.is(y - 1, Frame::Prep);
    if !bare || cue.allows_object_prep(Some(&prep)) || !plain_to_cue(y) || view.items[y].genitive || view.items[y].modifier {
        return None;
    }
    Some((a, Arg { item: y, via: Via::Direct, dist: c - y }))
}

/// `Y, in which X owns a stake`, `Y, waarin X een belang heeft`, `Y, an der X beteiligt
/// ist`: the antecedent of a relative pronoun whose row names a preposition (`object`
/// column) that the cue accepts for its object.
fn oblique_relative(view: &View, c: usize, cue: &Cue) -> Option<Arg> {
    let lo = c.saturating_sub(WINDOW);
    let r = (lo..c).rev().take_while(|&j| !view.is_barrier(j)).find(|&j| view.is_relative(j))?;
    let fits =
        view.cues(r).iter().map(|&(k, _)| &view.lex.cues[k]).any(|rel| {
            rel.frame == Frame::Relative && rel.object_preps.iter().any(|p| cue.allows_object_prep(Some(p)))
        });
    if !fits {
        return None;
    }
    let k = view.antecedent(r)?;
    Some(Arg { item: k, via: Via::Relative, dist: c - k })
}

/// True when the object of the verb at `c` is a part of a company (`das Filialnetz`, `the
/// unit`): between the subject `s` and a verb-final cue, or right after the verb.
fn ownerless_part(view: &View, c: usize, s: Arg, end: usize) -> bool {
    let np = |j: usize| view.is_word(j) || view.is(j, Frame::Det) || view.is(j, Frame::Possessive);
    let before = view.lex.verb_final
        && s.item < c
        && (s.item + 1..c).any(|j| view.is(j, Frame::Part))
        && (s.item + 1..c).all(|j| view.entity(j).is_none());
    let after = (c + 1..end.min(c + 4).min(view.len())).take_while(|&j| np(j)).any(|j| view.is(j, Frame::Part));
    before || after
}

/// True when the clause before `c` has a perfect auxiliary and no passive one: `hat Y
/// von Z übernommen` is active (`von` = from), `wurde von Z übernommen` passive.
fn active_perfect(view: &View, c: usize) -> bool {
    let mut perfect = false;
    let mut j = c;
    let lo = c.saturating_sub(WINDOW);
    while j > lo {
        j -= 1;
        if view.is_barrier(j) {
            break;
        }
        if view.is(j, Frame::AuxPassive) {
            return false;
        }
        perfect |= view.is(j, Frame::AuxPerfect);
    }
    // A passive auxiliary right after the participle (`übernommen worden`, `overgenomen werd`).
    for j in c + 1..(c + 3).min(view.len()) {
        if view.is(j, Frame::AuxPassive) {
            return false;
        }
    }
    perfect
}

/// `Y was acquired by X`, `Y wurde von X übernommen`, `het door X opgerichte Y`; without
/// an agent phrase the participle is active (`X heeft Y overgenomen`).
fn participle(out: &mut Out, cue: &Cue, tail: Option<usize>) {
    let view = out.view;
    let c = out.c;
    let perfect = active_perfect(view, c);
    let agent = view.prep_arg(c, &cue.subject_preps, 6, 10);
    let Some(agent) = agent.filter(|_| !perfect) else {
        // An agent that is not a name (`door studenten opgezet`): passive, but the
        // subject is unknown.
        if !perfect && agent_phrase_without_name(view, c, cue) {
            return;
        }
        verb(out, cue, tail);
        return;
    };
    let prep_object = cue
        .object_preps
        .iter()
        .any(|p| p != "-")
        .then(|| view.prep_arg(c, &cue.object_preps, 6, 10))
        .flatten()
        .filter(|o| !out.in_group(agent, o.item));
    let left = view.left_args(c, 3);
    let object = prep_object
        .or_else(|| left.iter().copied().find(|a| !out.in_group(agent, a.item)))
        .or_else(|| view.right_arg(c, view.len(), &|p| p.is_none()).filter(|o| !out.in_group(agent, o.item)));
    if let Some(o) = object {
        out.emit(agent, o, None, "participle.passive", 1.0);
    }
}

/// True when a preposition of the agent stands right before the participle (`door
/// studenten opgezet`, `von Investoren übernommen`) or right after it (`acquired by
/// investors`).
fn agent_phrase_without_name(view: &View, c: usize, cue: &Cue) -> bool {
    let is_agent_prep = |j: usize| cue.subject_preps.iter().any(|p| *p == view.items[j].folded);
    let before = (c.saturating_sub(4)..c).any(|j| is_agent_prep(j) && view.is(j, Frame::Prep));
    let after = (c + 1..(c + 2).min(view.len())).any(|j| is_agent_prep(j) && view.is(j, Frame::Prep));
    before || after
}

/// Converse phrases: `Y kwam in handen van X`, `Y haalde geld op bij X`.
fn passive(out: &mut Out, cue: &Cue) {
    let view = out.view;
    let c = out.c;
    let subject = if cue.allows_subject_prep(None) {
        view.right_arg(c, (c + 6).min(view.len()), &|p| p.is_none()).filter(|a| a.dist <= 4)
    } else {
        None
    }
    .or_else(|| view.prep_arg(c, &cue.subject_preps, 8, 8));
    let Some(s) = subject else { return };
    let object = view
        .left_args(c, 2)
        .into_iter()
        .find(|a| !out.in_group(s, a.item) && a.dist <= 6)
        .or_else(|| view.right_arg(c, view.len(), &|p| p.is_none()).filter(|o| !out.in_group(s, o.item)));
    if let Some(o) = object {
        out.emit(s, o, None, "passive", 0.95);
    }
}

/// `X verkoopt Y aan Z`, `Y wird an Z verkauft`, `the sale of Y to Z`: Z is the buyer.
fn sale(out: &mut Out, cue: &Cue, tail: Option<usize>) {
    let view = out.view;
    let c = out.c;
    let Some(buyer) = view.prep_arg(c, &cue.subject_preps, 12, 10) else { return };
    let end = tail.unwrap_or(view.len());
    let right = view.right_arg(c, end, &|p| cue.allows_object_prep(p)).filter(|o| !out.in_group(buyer, o.item));
    let left: Vec<Arg> = view.left_args(c, 3).into_iter().filter(|a| !out.in_group(buyer, a.item)).collect();
    // `X sold its stake in Y to Z`, `X verkauft seine Beteiligung an Y an Z`: the stake
    // changes hands, Z invests in Y (not: Z buys X).
    if let Some(o) = stake_sold(view, c, end).filter(|o| !out.in_group(buyer, o.item)) {
        out.kind = RelationType::Investment;
        out.emit(buyer, o, left.first().copied(), "sale.stake", 0.9);
        return;
    }
    let (target, seller, rule) = if let Some(t) = right {
        (Some(t), left.first().copied(), "sale.active")
    } else if let Some(p) = view.possessor(c).filter(|p| p.dist <= 2) {
        (Some(p), left.first().copied(), "sale.possessive")
    } else if buyer.item < c || (c + 1..buyer.item).all(|j| !view.is_word(j) && !view.is(j, Frame::Possessive)) {
        // `Y wird an Z verkauft`, `Y was sold to Z`: the target is the subject.
        (left.first().copied(), left.get(1).copied(), "sale.passive")
    } else {
        // `X sold its unit to Z`: the target is not named.
        (None, None, "")
    };
    if let Some(t) = target {
        out.emit(buyer, t, seller, rule, if rule == "sale.active" { 1.0 } else { 0.85 });
    }
}

/// The company of a stake named as the object of a sale: a stake noun (an `investment`
/// nominal cue: `stake`, `belang`, `Beteiligung`) within a few words after the sale cue
/// (articles, possessives, amounts between), and the organisation in its object phrase.
fn stake_sold(view: &View, c: usize, end: usize) -> Option<Arg> {
    let limit = end.min(view.len()).min(c + 6);
    for j in c + 1..limit {
        let stake = view.cues(j).iter().map(|&(k, _)| &view.lex.cues[k]).find(|cue| {
            cue.frame == Frame::Nominal && cue.kind == Some(RelationType::Investment)
        });
        if let Some(cue) = stake {
            return view
                .right_arg(j, (j + 4).min(view.len()), &|p| p.is_some() && cue.allows_object_prep(p))
                .filter(|o| o.via == Via::Direct);
        }
        if view.entity(j).is_some() || view.is_barrier(j) || view.is_relation_cue(j) {
            break;
        }
    }
    // Verb-final: `heeft zijn belang in Y verkocht aan Z`, `hat seine Beteiligung an Y an Z
    // verkauft`.
    if !view.lex.verb_final {
        return None;
    }
    for j in (c.saturating_sub(8)..c).rev() {
        if view.is_barrier(j) {
            return None;
        }
        let stake = view.cues(j).iter().map(|&(k, _)| &view.lex.cues[k]).find(|cue| {
            cue.frame == Frame::Nominal && cue.kind == Some(RelationType::Investment)
        });
        if let Some(cue) = stake {
            return view.right_arg(j, c, &|p| p.is_some() && cue.allows_object_prep(p)).filter(|o| o.via == Via::Direct);
        }
    }
    None
}

/// Nouns: `de overname van Y door X`, `X's acquisition of Y`, `die Twitter-Übernahme`,
/// `the X/Y deal`, `X kondigde de overname van Y aan`, `Y rejected X's offer`.
fn nominal(out: &mut Out, cue: &Cue) {
    let view = out.view;
    let c = out.c;
    if let Some((a, b)) = view.pair_before(c) {
        out.push(a, b, None, "nominal.pair", 0.85);
        return;
    }
    // A specific object preposition (`Klage … gegen`, `lawsuit … against`) may follow
    // other phrases (`Klage auf Schadenersatz in Höhe von X gegen Y`); `of`, `van`, `des`
    // only right after the noun.
    let specific = |p: Option<&str>| {
        p.is_some_and(|p| cue.allows_object_prep(Some(p)) && !view.lex.part_preps.iter().any(|q| q == p))
    };
    // Not across a copula or auxiliary: `the offer … would be a bargain for Y`.
    let no_copula = |o: &Arg| {
        !(c + 1..o.item).any(|j| view.is(j, Frame::Copula) || view.is(j, Frame::AuxPassive) || view.is(j, Frame::AuxPerfect))
    };
    let object = view
        .right_arg(c, (c + 9).min(view.len()), &|p| p.is_some() && cue.allows_object_prep(p))
        .filter(no_copula)
        .or_else(|| view.right_arg(c, view.len(), &specific).filter(no_copula))
        // `de overname van de Belgische tak van Y`, `een belang in de winkels van Y`.
        .or_else(|| {
            view.part_owner(c, true)
                .filter(|o| o.dist <= 9 && matches!(out.kind, RelationType::Acquisition | RelationType::Investment))
        })
        .or_else(|| view.compound_before(c))
        .or_else(|| prenominal(view, c).filter(|_| cue.allows_object_prep(None)))
        .or_else(|| {
            oblique_relative(view, c, cue)
                .filter(|o| view.left_args(c, 1).first().is_some_and(|s| s.via == Via::Direct && s.item > o.item))
        });
    let by = view
        .prep_arg(c, &cue.subject_preps, 12, 6)
        .filter(|s| object.is_none_or(|o| !out.in_group(o, s.item)))
        // An agent phrase does not reach across a verb (`Mit der Klage strebt der Verband
        // … an`: a clause subject, not `Klage der X`).
        .filter(|s| s.item < c || !(c + 1..s.item).any(|j| verb_like(view, j)))
        // Nor past another deal noun, whose agent it is (`a suit to enjoin the offer by X`).
        .filter(|s| s.item < c || out.kind != RelationType::Lawsuit || bidder_after(view, c).is_none_or(|b| b.item != s.item));
    // Headline style: `Overname Initech door Globex`, `Übernahme Initech durch Globex`:
    // the name right after the noun, the agent after it.
    let object = object.or_else(|| {
        let s = by?;
        let next = c + 1;
        (s.item > next + 1 && view.entity(next).is_some() && !view.items[next].genitive && !view.items[next].modifier)
            .then_some(Arg { item: next, via: Via::Direct, dist: 1 })
    });
    let possessor = view.possessor(c).filter(|p| object.is_none_or(|o| o.item != p.item));
    let (subject, rule) = match (by, possessor) {
        (Some(s), _) => (Some(s), "nominal.by"),
        (None, Some(p)) => (Some(p), "nominal.possessive"),
        _ => (None, ""),
    };
    // `Y rejects X bid`, `Y wijst X-bod af`: after a verb of the receiving side the
    // name glued before the noun is the bidder and the clause subject the target.
    let received = |s: usize| (s + 1..c).any(|j| view.is(j, Frame::Receiver));
    match (subject, object) {
        (Some(s), Some(o)) => out.emit(s, o, None, rule, 0.95),
        (None, Some(o)) => {
            if let Some(s) = view.left_args(c, 2).into_iter().find(|a| !out.in_group(o, a.item)) {
                let bidder_glued = o.item < c && s.item < o.item && out.kind == RelationType::Acquisition;
                if bidder_glued && received(s.item) {
                    out.emit(o, s, None, "nominal.receiver", 0.75);
                } else {
                    out.emit(s, o, None, "nominal.subject", 0.85);
                }
            } else if view.lex.verb_second && o.item > c && c <= 3 && view.is(0, Frame::Prep) {
                // `Mit der Übernahme von Y wird X Marktführer`, `Met de overname van Y
                // heeft X …`: a fronted phrase, the subject right after the finite verb.
                let v = o.item + 1;
                if v + 1 < view.len() && verb_like(view, v) {
                    let first = view.right_args(v, view.len(), &|p| p.is_none()).into_iter().next();
                    if let Some(s) = first.filter(|s| s.item == v + 1 && !out.in_group(o, s.item)) {
                        out.emit(s, o, None, "nominal.inverted", 0.75);
                    }
                }
            }
        }
        (Some(s), None) => {
            // A generic noun (`offer`) only with an explicit `from X`, not `its offer`.
            let receiver = (cue.weight >= 0.5 || rule == "nominal.by")
                && cue.status.is_some_and(|st| st.status == Status::Pursuing);
            // `Y rejected X's offer`, `Y received an offer from X`: the clause subject is
            // the other side.
            let other = view.left_args(c, 2).into_iter().find(|a| !out.in_group(s, a.item) && a.item != s.item);
            // `Y rejects the takeover by X`: a receiving verb makes any acquisition noun
            // a bid on the clause subject.
            // A named genitive bidder is explicit enough for a generic noun (`Y rejected X's
            // offer`).
            let named = rule == "nominal.possessive" && s.via == Via::Direct;
            let receiving = out.kind == RelationType::Acquisition
                && (cue.weight >= 0.5 || rule == "nominal.by" || named)
                && other.is_some_and(|o| received(o.item));
            // `X … relaunching its bid`: a possessive pronoun is the clause subject's own
            // bid unless a receiving verb says otherwise (`Y rejected its offer`).
            let pronoun = matches!(s.via, Via::Coref(_)) && !other.is_some_and(|o| received(o.item));
            match other.filter(|_| (receiver && !pronoun) || receiving) {
                Some(o) => out.emit(s, o, None, "nominal.receiver", 0.75),
                None => implicit_object(out, cue, s, "nominal.implicit"),
            }
        }
        (None, None) => {
            // `X und Y wollen Standorte zwecks Übernahme prüfen`: the clause subject.
            if let Some(s) = view.left_args(c, 2).into_iter().next() {
                // `X filed a suit seeking to enjoin Y's tender offer`: the bidder.
                if out.kind == RelationType::Lawsuit {
                    if let Some(b) = bidder_after(view, c).filter(|b| !out.in_group(s, b.item)) {
                        out.emit(s, b, None, "nominal.bidder", 0.8);
                        return;
                    }
                    // `X filed a suit seeking to enjoin the offer`: a bid named before, by the
                    // organisation named last (in this sentence or the one before).
                    if unnamed_bid_after(view, c) {
                        // (Not an organisation of this sentence: the plaintiff, said by name
                        // or by a pronoun.)
                        let exclude: Vec<usize> = (0..c).filter_map(|j| view.entity(j)).collect();
                        let is_prep = |w: &str| view.lex.has(w, Frame::Prep);
                        let pos = view.items[c].span.start;
                        if let Some(e) = context::recent_org(view.analysis, &is_prep, view.sentence, pos, 1, false, &exclude) {
                            out.list.push(Candidate {
                                kind: out.kind,
                                cue: out.cue,
                                cue_item: c,
                                subject: s,
                                object: s,
                                seller: None,
                                context_object: Some(e),
                                rule: "nominal.bidder.context",
                                factor: 0.45,
                            });
                            return;
                        }
                    }
                }
                implicit_object(out, cue, s, "nominal.implicit");
            }
        }
    }
}

/// The named bidder of the first acquisition noun after `c` in its clause (`… to enjoin
/// the tender offer by X`, `… to block X's bid`): its agent phrase or genitive.
fn bidder_after(view: &View, c: usize) -> Option<Arg> {
    let (k, q) = deal_noun_after(view, c)?;
    let by = view.prep_arg(k, &q.subject_preps, 6, 0).filter(|a| a.via == Via::Direct);
    by.or_else(|| view.possessor(k).filter(|a| a.via == Via::Direct))
}

/// The first acquisition noun after `c` in its clause, with its cue. Twice the window: a
/// court and its place may stand between (`filed a suit in federal court in X, N.J.,
/// seeking to block the offer by Y`).
fn deal_noun_after<'v>(view: &'v View, c: usize) -> Option<(usize, &'v Cue)> {
    for k in c + 1..view.len().min(c + 1 + 2 * WINDOW) {
        if view.is_barrier(k) {
            return None;
        }
        let deal = view.cues(k).iter().map(|&(ci, _)| &view.lex.cues[ci]).find(|q| {
            q.frame == Frame::Nominal && q.kind == Some(RelationType::Acquisition)
        });
        if let Some(q) = deal {
            return Some((k, q));
        }
    }
    None
}

/// The first acquisition noun after `c` in its clause names no bidder and no target
/// (`… seeking to enjoin the offer`): a bid named before.
fn unnamed_bid_after(view: &View, c: usize) -> bool {
    let Some((k, q)) = deal_noun_after(view, c) else { return false };
    let named = view.prep_arg(k, &q.subject_preps, 6, 0).is_some()
        || view.possessor(k).is_some()
        || view.right_arg(k, (k + 4).min(view.len()), &|p| p.is_some()).is_some()
        || (k > 0 && view.entity(k - 1).is_some());
    !named && k > 0 && view.is(k - 1, Frame::Det)
}

/// A verb or auxiliary at item `j`: it ends a noun phrase.
fn verb_like(view: &View, j: usize) -> bool {
    view.is_predicate(j)
        || view.is(j, Frame::Modality)
        || view.is(j, Frame::AuxPerfect)
        || view.is(j, Frame::AuxPassive)
        || view.is(j, Frame::Copula)
}

/// A deal noun with its subject but no object, in an article about one company: `De
/// overname door X zorgt voor onrust`, `X und Y wollen Standorte zwecks Übernahme
/// prüfen`, `Medeoprichter X heeft een belang van 30 procent`, `Klagen des Vereins X`.
/// The object is the document's dominant organisation (see [`context::dominant_org`])
/// when the subject is named (not a pronoun) near the cue and is not that organisation
/// itself (then the other side is not known: `X rejected the offer`), the cue's object
/// slot is empty (not `de overname van het pand`, `investment in new plants`) and no
/// other organisation of the sentence could be the object. Acquisitions need an
/// organisation as subject (`made a bid to become chairman`). Low confidence (rule
/// factor 0.5).
fn implicit_object(out: &mut Out, cue: &Cue, subject: Arg, rule: &'static str) {
    let view = out.view;
    let c = out.c;
    if cue.weight < 0.45
        || !matches!(out.kind, RelationType::Acquisition | RelationType::Investment | RelationType::Lawsuit)
        || subject.via != Via::Direct
        || subject.dist > 12
    {
        return;
    }
    // An object phrase that is no name (`de overname van het pand`, `holding 2% of the
    // shares`): the object is there.
    let object_phrase = (c + 1..(c + 5).min(view.len()))
        .take_while(|&j| !verb_like(view, j) && view.punct(j).is_none_or(|p| p == '%' || p == '.'))
        .any(|j| cue.object_preps.iter().any(|p| p != "-" && *p == view.items[j].folded));
    // English writes compounds as two words: `investment banker`, `takeover target`.
    let compound = !view.lex.verb_final && c + 1 < view.len() && view.items[c + 1].kind == ItemKind::Word;
    if object_phrase || compound {
        return;
    }
    // A clause subject and a noun in a prepositional phrase (`bevestigt X tijdens het
    // kort geding`, `Wäre X bei einer Akquisition bereit`) are linked only through a
    // modality (`X en Y zagen van de koop af`).
    let clause_subject = subject.item < c
        && view.prep_arg(c, &cue.subject_preps, 0, c - subject.item + 1).is_none_or(|a| a.item != subject.item);
    // A clause subject across a comma belongs to another clause (`X said in a note,
    // adding that any legal battle …`).
    if clause_subject && (subject.item + 1..c).any(|j| view.punct(j) == Some(',')) {
        return;
    }
    // (An article after a noun opens a new phrase: `beim Amtsgericht eine Klage`.)
    let in_phrase = match view.prep_before(c) {
        Some(PrepBefore::Prep(_, p)) => !(p + 2..c).any(|j| view.is(j, Frame::Det) && view.is_word(j - 1)),
        _ => false,
    };
    if clause_subject && in_phrase && !(subject.item + 1..c).any(|j| view.is(j, Frame::Modality)) {
        return;
    }
    let members = out.members(subject);
    let subjects: Vec<usize> = members.iter().filter_map(|a| view.entity(a.item)).collect();
    let analysis = view.analysis;
    // A person's bid is often for a post (`made a bid to become chairman`).
    if out.kind == RelationType::Acquisition
        && subjects.iter().any(|&e| analysis.entities[e].kind != EntityKind::Organization)
    {
        return;
    }
    let pos = view.items[c].span.start;
    let from =
        analysis.sentences[context::stretch_start(analysis, view.sentence, context::RECENT_SENTENCES)].span.start;
    // The article's dominant organisation; else, for an acquisition, when the stretch
    // before the cue names one organisation only besides the subjects, as a subject (`X
    // ligt op de markt. Y en Z zagen van de koop af.`), that one.
    // In a sale story the company in play comes first (`Verkauft wird Y. … Den Zuschlag
    // bekommt X.`).
    let in_play = view
        .in_play
        .filter(|t| matches!(out.kind, RelationType::Acquisition | RelationType::Investment) && !subjects.contains(t));
    let (topic, factor) = match in_play.or_else(|| context::dominant_org(analysis, from, pos)) {
        Some(t) => (t, 0.5),
        None if out.kind == RelationType::Acquisition => {
            let is_prep = |w: &str| view.lex.has(w, Frame::Prep);
            // Named before the sentence; an organisation of the sentence itself (`X
            // rejected Y's offer`, `Y TOPS X OFFER`) is the other side or a rival.
            let own = analysis.sentences[view.sentence].span.start;
            let others = (0..view.len()).any(|j| {
                view.entity(j).is_some_and(|e| {
                    !subjects.contains(&e) && analysis.entities[e].kind == EntityKind::Organization
                })
            });
            if others {
                return;
            }
            match context::sole_org(analysis, &is_prep, from, own, &subjects) {
                Some(t) => (t, 0.5),
                None => return,
            }
        }
        None => return,
    };
    // The subject is what the article is about: the other side is not known.
    if subjects.contains(&topic) {
        return;
    }
    // Another organisation of the sentence that could be the object: better silent.
    let rival = (0..view.len()).any(|j| {
        let Some(e) = view.entity(j) else { return false };
        if e == topic || subjects.contains(&e) || analysis.entities[e].kind != EntityKind::Organization {
            return false;
        }
        match view.prep_before(j) {
            Some(PrepBefore::Prep(p, _)) => cue.allows_object_prep(Some(&p)),
            _ => !view.items[j].modifier && !view.items[j].genitive,
        }
    });
    if rival {
        return;
    }
    for s in members {
        out.list.push(Candidate {
            kind: out.kind,
            cue: out.cue,
            cue_item: c,
            subject: s,
            object: s,
            seller: None,
            context_object: Some(topic),
            rule,
            factor,
        });
    }
}

/// An entity right before the cue, not genitive, not in a phrase: `the LinkedIn deal`,
/// `Microsoft CEO Satya Nadella`.
fn prenominal(view: &View, c: usize) -> Option<Arg> {
    let mut k = c.checked_sub(1)?;
    // `X ex-chairman`, `X former chief executive`.
    for _ in 0..2 {
        if view.punct(k) == Some('-') || view.is(k, Frame::Det) {
            k = k.checked_sub(1)?;
        }
    }
    view.entity(k)?;
    let it = &view.items[k];
    if it.genitive || it.modifier {
        return None;
    }
    Some(Arg { item: k, via: Via::Direct, dist: 1 })
}

/// Title nouns: `P, CEO van X`, `X-CEO P`, `X CEO P`, `X's chairman P`, `de CEO van X,
/// P`, `P wordt CEO van X`, `CEO en oprichter van X`.
fn title(out: &mut Out, cue: &Cue) {
    let view = out.view;
    let c = out.c;
    let person_only = out.kind.is_role();
    let is_person = |a: &Arg| match view.entity(a.item) {
        Some(e) => view.analysis.entities[e].kind == EntityKind::Person,
        None => true,
    };
    let holder_ok = |a: &Arg| !person_only || is_person(a);
    // A title glued to a name in one word (`Fastnedoprichter X`, `Siemenschef X`) or to
    // a word naming the organisation (`Verbandspräsident X` in an article about a
    // `Bundesverband`): the organisation is that name, or there is no relation
    // (`Regierungschef`, `US-Präsident`).
    if let Some(glued) = glued_prefix(view, c) {
        let Some((org, exact)) = glued else { return };
        let holder = (c + 1 < view.len())
            .then(|| Arg { item: c + 1, via: Via::Direct, dist: 1 })
            .filter(|a| view.entity(a.item).is_some() && holder_ok(a));
        if let Some(h) = holder {
            out.list.push(Candidate {
                kind: out.kind,
                cue: out.cue,
                cue_item: c,
                subject: h,
                object: h,
                seller: None,
                context_object: Some(org),
                rule: "title.glued",
                factor: if exact { 0.9 } else { 0.6 },
            });
        }
        return;
    }
    // The organisation: a phrase after the title whose preposition follows it (in `van
    // directeur X` the name is the holder, not the organisation). A title glued to its
    // organisation (`Siemens-Chef X … von Y`) has none.
    // The second of coordinated titles shares the first one's organisation
    // (`Initech-oprichter en topman X`, `Initech founder and chief executive X`).
    let shared = (c >= 2 && view.is(c - 1, Frame::Conj) && view.is(c - 2, Frame::Title))
        .then(|| view.compound_before(c - 2).or_else(|| prenominal(view, c - 2)))
        .flatten();
    let compound = view.compound_before(c).or(shared);
    let of_phrase = view
        .right_args(c, (c + 8).min(view.len()), &|p| p.is_some() && cue.allows_object_prep(p))
        .into_iter()
        .filter(|_| compound.is_none())
        .find(|o| !matches!(view.prep_before(o.item), Some(PrepBefore::Prep(_, p)) if p < c) && out.fits_object(o.item))
        // A company noun in the genitive right after the title (`Verwaltungsrat des
        // Konzerns`).
        .or_else(|| {
            (c + 1..(c + 3).min(view.len())).find(|&j| view.is(j, Frame::Coref)).and_then(|j| {
                let first = view.items[j].folded.split(' ').next().unwrap_or("");
                cue.allows_object_prep(Some(first)).then_some(Arg { item: j, via: Via::Coref(j), dist: j - c })
            })
        });
    let (org, org_rule) = if let Some(o) = of_phrase {
        (Some(o), "title.of")
    } else if let Some(o) = compound {
        (Some(o), "title.compound")
    } else if let Some(o) = prenominal(view, c).filter(|o| cue.allows_object_prep(None) && out.fits_object(o.item)) {
        (Some(o), "title.prenominal")
    } else if let Some(o) = view.possessor(c).filter(|p| p.dist <= 3) {
        (Some(o), "title.possessive")
    } else if let Some(o) = genitive_relative(view, c) {
        (Some(o), "title.possessive")
    } else {
        (None, "")
    };
    // The holder: right after the title, after the organisation phrase, in apposition
    // before it, or the clause subject.
    // (Over coordinated titles: `Initech-oprichter en topman X`, `founder and chairman X`.)
    let mut first = c + 1;
    while view.is(first, Frame::Conj) && view.is(first + 1, Frame::Title) {
        first += 2;
    }
    let after_title = (first..(first + 2).min(view.len()))
        .find(|&j| view.entity(j).is_some() || (view.punct(j) != Some(',') && !view.is(j, Frame::Copula)))
        .filter(|&j| view.entity(j).is_some() && !view.items[j].genitive && !view.items[j].modifier)
        // `its chairman, X, said`: after a comma the name must be closed off as an
        // apposition (not `CSR shareholders, Kelman said`).
        .filter(|&j| {
            j == first
                || matches!(view.punct(view.group(j).last().copied().unwrap_or(j) + 1), Some(',' | ')' | '.'))
                || j + 1 >= view.len()
        })
        .map(|j| Arg { item: j, via: Via::Direct, dist: j - c })
        .filter(|a| holder_ok(a) && org.is_none_or(|o| o.item != a.item));
    let after_org = of_phrase.and_then(|o| {
        let mut last = view.group(o.item).last().copied().unwrap_or(o.item);
        // `der Geschäftsführer der X GmbH, Y`: capitalised words of the name that the
        // mention leaves out (a legal form, `Beteiligungs AG`), up to three.
        let mut rest = 0;
        while rest < 3
            && last + 1 < view.len()
            && matches!(view.items[last + 1].kind, ItemKind::Word)
            && view.text(last + 1).starts_with(char::is_uppercase)
        {
            last += 1;
            rest += 1;
        }
        // `der Generaldirektor der X AG (XAG), Y`: an acronym in brackets after the name.
        if view.punct(last + 1) == Some('(') {
            if let Some(close) = (last + 2..(last + 5).min(view.len())).find(|&j| view.punct(j) == Some(')')) {
                last = close;
            }
        }
        (view.punct(last + 1) == Some(',') && view.entity(last + 2).is_some())
            .then_some(Arg { item: last + 2, via: Via::Direct, dist: last + 2 - c })
            .filter(|a| holder_ok(a) && !view.items[a.item].genitive)
            // `A, chairman of X, B, chairman of Y`: B belongs to the next title.
            .filter(|a| {
                let end = view.group(a.item).last().copied().unwrap_or(a.item);
                !(view.punct(end + 1) == Some(',')
                    && (end + 2..(end + 5).min(view.len())).any(|j| view.is(j, Frame::Title)))
            })
    });
    // `die Chefin der Staatsholding, X`: a title phrase without a name, then the name.
    let after_phrase = if of_phrase.is_none() {
        (c + 1..(c + 6).min(view.len()))
            .take_while(|&j| {
                view.is_word(j) || view.is(j, Frame::Det) || view.is(j, Frame::Prep) || view.punct(j) == Some(',')
            })
            .find(|&j| view.punct(j) == Some(','))
            .filter(|&j| j > c + 1)
            .and_then(|j| view.entity(j + 1).map(|_| Arg { item: j + 1, via: Via::Direct, dist: j + 1 - c }))
            .filter(|a| holder_ok(a) && !view.items[a.item].genitive)
    } else {
        None
    };
    let apposition = apposition_before(view, c).filter(|a| holder_ok(a));
    let (holder, holder_rule, factor) = if let Some(h) = after_title {
        (Some(h), "title.name", 1.0)
    } else if let Some(h) = apposition {
        (Some(h), "title.apposition", 1.0)
    } else if let Some(h) = after_org {
        (Some(h), "title.name", 0.95)
    } else if let Some(h) = after_phrase {
        (Some(h), "title.name", 0.9)
    } else if let Some(h) = view
        .left_args(c, 2)
        .into_iter()
        // A pronoun holds a title only with a named organisation (`werd hij commissaris
        // bij X`).
        .find(|a| {
            holder_ok(a)
                && (a.via != Via::Coref(a.item) || org.is_some_and(|o| o.via == Via::Direct))
                && org.is_none_or(|o| o.item != a.item)
        })
        .filter(|a| {
            // A linking word between the holder and the title, right before an inverted
            // holder (`werd hij commissaris`), or (verb-final) after the title.
            // (In English a preposition between them belongs to a title, a linking word or
            // a name: `is chairman of X and director of Y`, `was elected to the X board`;
            // `they are accused of … by depriving X shareholders` links no one.)
            let linked_prep = |j: usize| {
                !view.is(j, Frame::Prep)
                    || view.is(j, Frame::Copula)
                    || (j > 0 && (view.is(j - 1, Frame::Title) || view.is(j - 1, Frame::Copula) || view.entity(j - 1).is_some()))
            };
            let before = (a.item + 1..c).rev().find(|&j| view.is(j, Frame::Copula)).is_some_and(|k| {
                view.lex.verb_second || view.lex.verb_final || (k + 1..c).all(linked_prep)
            }) || (view.lex.verb_second
                    && a.item >= 1
                    && c - a.item <= 3
                    && view.is(a.item - 1, Frame::Copula)
                    && (a.item + 1..c).all(|j| view.is(j, Frame::Det)));
            let after = view.lex.verb_final
                && (c + 1..(c + 9).min(view.len()))
                    .take_while(|&j| !view.is_barrier(j))
                    .any(|j| view.is(j, Frame::Copula));
            before || after || a.via == Via::Relative
        })
    {
        (Some(h), "title.copula", 0.8)
    } else {
        (None, "", 0.0)
    };
    // `X named Y president`, `X appointed Y as chairman`: the holder between a linking
    // verb and the title, the organisation the clause subject before the verb.
    let (holder, holder_rule, factor, org, org_rule) = match (holder, appointed(view, c)) {
        (None, Some((h, o))) if holder_ok(&h) && out.fits_object(o.item) => {
            (Some(h), "title.appointed", 0.85, org.or(Some(o)), "title.appointed")
        }
        (holder, _) => (holder, holder_rule, factor, org, org_rule),
    };
    let Some(h) = holder else { return };
    match org {
        // A linked title with an organisation only by anaphora (`was directeur van de
        // bank`) is too loose.
        Some(o) if holder_rule == "title.copula" && o.via != Via::Direct => {}
        Some(o) => {
            let rule = if holder_rule == "title.copula" { holder_rule } else { org_rule };
            out.emit(h, o, None, rule, factor);
            // `X replaced Y as chief executive of Z`, `X volgt Y op als topman van Z`: the
            // successor holds the title too.
            if holder_rule == "title.copula" {
                let successor = view.left_args(c, 3).into_iter().find(|x| {
                    x.item < h.item
                        && x.via == Via::Direct
                        && holder_ok(x)
                        && (x.item + 1..h.item).any(|j| view.is(j, Frame::Succession))
                });
                if let Some(x) = successor {
                    out.emit(x, o, None, "title.succession", factor);
                }
            } else if h.item > c {
                // `X löst Adidas-Chef Y ab`, `X wird Nachfolger von Adidas-Chef Y`: a
                // successor named before the title and its holder.
                let successor = view.left_args(c, 3).into_iter().find(|x| {
                    x.via == Via::Direct
                        && holder_ok(x)
                        && x.item != o.item
                        && (x.item + 1..c).any(|j| view.is(j, Frame::Succession))
                });
                if let Some(x) = successor {
                    out.emit(x, o, None, "title.succession", factor * 0.9);
                }
            }
            // `X, topman van Z, wordt opgevolgd door Y`: a passive succession word after
            // the title and its holder, the successor in its agent phrase.
            if let Some(y) = passive_successor(view, c.max(h.item), o.item) {
                if y.item != h.item && holder_ok(&y) {
                    out.emit(y, o, None, "title.succession", factor * 0.85);
                }
            }
        }
        None if out.kind.is_role() => {
            // `Verbandspräsident X`, `Bankchef X`: a compound title whose first part is a
            // word of an organisation's name (`Bundesverband …`, `… Bank`).
            let (org, rule, factor) = match compound_title_org(view, c) {
                Some(e) => (Some(e), "title.glued", 0.6),
                // The organisation is named, only not known: `director at the European
                // Policy Centre`, `US President X`, `SMFG President X`.
                None if names_unknown_org(view, c, cue) || org_phrase_after_holder(view, c, h, cue) => (None, "", 0.0),
                None if holder_rule == "title.copula" => (context_org(view, c, h), "title.context", 0.4),
                None => (context_org(view, c, h), "title.context", 0.45),
            };
            if let Some(e) = org.filter(|&e| Some(e) != view.entity(h.item)) {
                out.list.push(Candidate {
                    kind: out.kind,
                    cue: out.cue,
                    cue_item: c,
                    subject: h,
                    object: h,
                    seller: None,
                    context_object: Some(e),
                    rule,
                    factor,
                });
            }
        }
        // `onder de nieuwe eigenaar X` in a sale story: X owns the company in play.
        None if out.kind == RelationType::Acquisition => {
            if let Some(e) = view.in_play.filter(|&e| Some(e) != view.entity(h.item)) {
                out.list.push(Candidate {
                    kind: out.kind,
                    cue: out.cue,
                    cue_item: c,
                    subject: h,
                    object: h,
                    seller: None,
                    context_object: Some(e),
                    rule: "title.in_play",
                    factor: 0.5,
                });
            }
        }
        None => {}
    }
}

/// `X named Y president`, `X appointed Y as chairman`: (holder, organisation) when the
/// name right before the title (after articles or `as`) follows a linking verb that
/// follows a named organisation.
fn appointed(view: &View, c: usize) -> Option<(Arg, Arg)> {
    let mut j = c;
    while j > 0 && (view.is(j - 1, Frame::Det) || (view.is(j - 1, Frame::Copula) && view.is(j - 1, Frame::Prep))) {
        j -= 1;
    }
    let h = j.checked_sub(1).filter(|&h| view.entity(h).is_some() && view.is_nominative(h))?;
    let first = view.group(h).first().copied().unwrap_or(h);
    let verb = first.checked_sub(1).filter(|&v| view.is(v, Frame::Copula) && !view.is(v, Frame::AuxPassive))?;
    let o = view.left_args(verb, 1).into_iter().next().filter(|o| o.via == Via::Direct)?;
    Some((Arg { item: h, via: Via::Direct, dist: c - h }, Arg { item: o.item, via: Via::Direct, dist: c - o.item }))
}

/// True when a title names its organisation in words that are no entity: an object
/// preposition right after it (`director at the European Policy Centre`, `voorzitter van
/// de stichting`), or a capitalised word right before it that is no name, article or title
/// (`US President X`, `SMFG President X`, `French President X`) in mid-sentence.
fn names_unknown_org(view: &View, c: usize, cue: &Cue) -> bool {
    let after = view
        .items
        .get(c + 1)
        .is_some_and(|it| {
            // A preposition, or a genitive article the cue lists followed by a name-like
            // phrase of two capitalised words (`Geschäftsführer der Agentur Vienna
            // Digital`, not the description `Chefin der Staatsholding`).
            cue.object_preps.iter().any(|p| p != "-" && *p == it.folded)
                && (view.is(c + 1, Frame::Prep)
                    || (view.is(c + 1, Frame::Det)
                        && (capitalised_run(view, c + 2) >= 2 || describes_org(view, c + 2))))
        });
    let before = c >= 1 && {
        let j = c - 1;
        let word = view.text(j);
        view.items[j].kind == ItemKind::Word
            && word.starts_with(char::is_uppercase)
            && !view.lex.verb_final
            && j >= 1
            && view.punct(j - 1).is_none_or(|p| p == ',')
    };
    after || before
}

/// A capitalised noun after a genitive article that describes the title's organisation
/// (`Chefin der Staatsholding`, `Präsident der Kammer`): not a company noun the lexicon
/// resolves (`des Konzerns`) and not a body of the organisation, which is itself a title
/// (`Vorsitzender des Vorstands`, `Chef des Aufsichtsrats`).
fn describes_org(view: &View, j: usize) -> bool {
    let Some(it) = view.items.get(j) else { return false };
    // An acronym (`Chef der IWF`) is a name the context may well hold in full.
    let word = view.text(j);
    if it.kind != ItemKind::Word || !word.starts_with(char::is_uppercase) || crate::text::words::is_all_caps(word) || j < 1
    {
        return false;
    }
    let folded: &str = &it.folded;
    let stem = folded.strip_suffix('s').unwrap_or(folded);
    let body = [folded, stem].iter().any(|w| view.lex.has(w, Frame::Title));
    let phrase = format!("{} {}", view.items[j - 1].folded, folded);
    !body && !view.lex.has(&phrase, Frame::Coref)
}

/// The number of capitalised plain words in a row from item `from`.
fn capitalised_run(view: &View, from: usize) -> usize {
    (from..view.len())
        .take_while(|&j| view.items[j].kind == ItemKind::Word && view.text(j).starts_with(char::is_uppercase))
        .count()
}

/// `zegt directeur X van Stichting Y`, `topman X van het gelijknamige bedrijf`: the
/// title's organisation phrase follows the holder named right after the title, only its
/// name is not known; the organisation of the context would be a guess.
fn org_phrase_after_holder(view: &View, c: usize, h: Arg, cue: &Cue) -> bool {
    h.item > c
        && h.item <= c + 2
        && view.items.get(h.item + 1).is_some_and(|it| {
            view.is(h.item + 1, Frame::Prep) && cue.object_preps.iter().any(|p| p != "-" && *p == it.folded)
        })
}

/// `X, whose chief executive …`, `X, waarvan P directeur is`: the antecedent of a
/// genitive relative pronoun shortly before the title.
fn genitive_relative(view: &View, c: usize) -> Option<Arg> {
    let lo = c.saturating_sub(6);
    (lo..c)
        .rev()
        .find(|&j| view.is_relative(j) && view.referent(j) == Some(crate::relations::lexicon::Referent::Antecedent))
        .and_then(|j| view.antecedent(j))
        .map(|k| Arg { item: k, via: Via::Direct, dist: c - k })
}

/// The successor named in the agent phrase of a passive succession word (a `succession`
/// row with `subject` prepositions: `opgevolgd door Y`) in the clause after item `from`.
fn passive_successor(view: &View, from: usize, org: usize) -> Option<Arg> {
    let end = (from + 12).min(view.len());
    let j = (from + 1..end).take_while(|&j| !view.is_barrier(j) && !view.is_relative(j)).find(|&j| {
        view.is(j, Frame::Succession)
            && view.cues(j).iter().any(|&(k, _)| !view.lex.cues[k].subject_preps.is_empty())
    })?;
    let accept = |p: Option<&str>| {
        view.cues(j).iter().any(|&(k, _)| {
            let cue = &view.lex.cues[k];
            cue.frame == Frame::Succession && !cue.subject_preps.is_empty() && cue.allows_subject_prep(p)
        })
    };
    view.right_args(j, (j + 6).min(view.len()), &|p| p.is_some() && accept(p))
        .into_iter()
        .next()
        .filter(|a| a.via == Via::Direct && a.item != org && view.entity(a.item).is_some())
}

/// For a title matched inside a word or glued to a word by a hyphen: `Some(Some((entity,
/// exact)))` when the part before it names an organisation of the document (with or
/// without a linking `s`; not `exact` when it is only a word of that organisation's name:
/// `Verbandspräsident` and `Bundesverband …`), `Some(None)` when it names none
/// (`Regierungschef`, `US-Präsident`), `None` when the title is a word of its own or its
/// hyphenated prefix is a plain word (`Vize-Präsident`) or a name (`Siemens-Chef`, a
/// compound the title rule reads itself).
fn glued_prefix(view: &View, c: usize) -> Option<Option<(usize, bool)>> {
    let text = view.analysis.text.as_str();
    let start = view.items[c].span.start;
    let before = &text[..start];
    let prefix = if before.chars().next_back().is_some_and(char::is_alphanumeric) {
        let len: usize = before.chars().rev().take_while(|ch| ch.is_alphanumeric()).map(char::len_utf8).sum();
        &before[start - len..]
    } else if c >= 2
        && view.punct(c - 1) == Some('-')
        && view.glued(c - 1, c)
        && view.glued(c - 2, c - 1)
        && matches!(view.items[c - 2].kind, ItemKind::Word)
    {
        // `US-Präsident`, `Verbands-Chef`: an acronym names an organisation (or a
        // country) we do not know; another word may be part of a known name.
        let word = view.text(c - 2);
        let acronym =
            word.chars().filter(|ch| ch.is_alphabetic()).count() >= 2 && crate::text::words::is_all_caps(word);
        // `Insolvenzfonds-Chef X`: a capitalised word that names no organisation of the
        // document and does not make a title of the lexicon with it (`Konzern-Chef` =
        // `konzernchef`, `Vize-Präsident`) names an organisation we do not know.
        let unknown_noun = word.starts_with(char::is_uppercase)
            && word.chars().filter(|ch| ch.is_alphabetic()).count() >= 5
            && {
                let joined = format!("{}{}", crate::text::fold_case(word), view.items[c].folded);
                !view.lex.has(&joined, Frame::Title)
            };
        match org_named_by(view, word) {
            Some(found) => return Some(Some(found)),
            None if acronym || unknown_noun => return Some(None),
            None => return None,
        }
    } else {
        return None;
    };
    Some(org_named_by(view, prefix))
}

/// For a title cue that is itself a compound of a word and a shorter title
/// (`verbandspräsident` = `verband` + `präsident`, `bankchef`): the organisation that
/// word names (see [`org_named_by`]).
fn compound_title_org(view: &View, c: usize) -> Option<usize> {
    let folded: &str = &view.items[c].folded;
    let suffix_at = folded
        .char_indices()
        .map(|(i, _)| i)
        .filter(|&i| i >= 4)
        .find(|&i| folded[i..].chars().count() >= 3 && view.lex.has(&folded[i..], Frame::Title))?;
    org_named_by(view, &folded[..suffix_at]).map(|(e, _)| e)
}

/// The organisation of the document that a word in a compound names: exactly (`Fastned`
/// in `Fastnedoprichter`, also with a linking `s`), or as a word of its name of at least
/// four letters (`Verband` in `Bundesverband …`, `Verband der …`), the most mentioned one.
fn org_named_by(view: &View, word: &str) -> Option<(usize, bool)> {
    let analysis = view.analysis;
    let text = analysis.text.as_str();
    let prefix = crate::text::fold_case(word);
    let candidates = [prefix.clone(), prefix.strip_suffix('s').unwrap_or("").to_string()];
    let is_org = |m: &&crate::model::Mention| analysis.entities[m.entity].kind == EntityKind::Organization;
    let exact = analysis.mentions.iter().filter(is_org).find(|m| {
        let name = crate::text::fold_case(&text[m.span.start..m.span.end]);
        candidates.iter().any(|p| !p.is_empty() && *p == name)
    });
    if let Some(m) = exact {
        return Some((m.entity, true));
    }
    let mut count = vec![0usize; analysis.entities.len()];
    for m in analysis.mentions.iter().filter(is_org) {
        let name = crate::text::fold_case(&text[m.span.start..m.span.end]);
        let fits = name.split(|ch: char| !ch.is_alphanumeric()).any(|w| {
            candidates.iter().any(|p| p.chars().count() >= 4 && (w.starts_with(p.as_str()) || w.ends_with(p.as_str())))
        });
        if fits {
            count[m.entity] += 1;
        }
    }
    (0..count.len()).filter(|&e| count[e] > 0).max_by_key(|&e| (count[e], std::cmp::Reverse(e))).map(|e| (e, false))
}

/// `P, [de] CEO`, `P (CEO`, `P, president and chief executive`: the entity in
/// apposition before a title, skipping determiners, adjectives and coordinated titles.
fn apposition_before(view: &View, c: usize) -> Option<Arg> {
    let mut j = c;
    let mut words = 0;
    loop {
        j = j.checked_sub(1)?;
        if view.is(j, Frame::Det) || view.is(j, Frame::Conj) || view.is(j, Frame::Title) || view.is(j, Frame::Time) {
            continue;
        }
        // `P, sinds 2015 topman van Y`, `P, since 2015 chief executive of Y`: a year, with
        // its preposition.
        if view.is_year(j) {
            if j > 0 && view.is(j - 1, Frame::Prep) {
                j -= 1;
            }
            continue;
        }
        // `P, X's director of …`: the organisation's genitive.
        if view.entity(j).is_some() && view.items[j].genitive {
            continue;
        }
        if view.is_word(j) && words < 2 {
            words += 1;
            continue;
        }
        break;
    }
    if !matches!(view.punct(j), Some(',' | '(')) {
        return None;
    }
    let mut k = j.checked_sub(1)?;
    // `X Jr., president of Y`: the dot of an abbreviation that ends the name.
    if view.punct(k) == Some('.') && k > 0 && view.entity(k - 1).is_some() {
        k -= 1;
    }
    view.entity(k)?;
    let it = &view.items[k];
    (!it.genitive && !it.modifier).then_some(Arg { item: k, via: Via::Direct, dist: c - k })
}

/// The organisation a title without one refers to (`aldus directeur X`, `said Chairman
/// X`): the one named most recently (see [`context::recent_org`]) in the sentence and the
/// three before, else the document's topic if the paragraph names it, else the one named
/// most recently in the paragraph.
fn context_org(view: &View, c: usize, holder: Arg) -> Option<usize> {
    let exclude: Vec<usize> = view.entity(holder.item).into_iter().collect();
    let pos = view.items[c].span.start;
    let is_prep = |w: &str| view.lex.has(w, Frame::Prep);
    let analysis = view.analysis;
    let from =
        analysis.sentences[context::stretch_start(analysis, view.sentence, context::RECENT_SENTENCES)].span.start;
    // An article clearly about one organisation: that one (`Chief executive X spent the
    // week …` in a story about a bid for the company).
    context::dominant_org(analysis, from, pos)
        .filter(|d| !exclude.contains(d))
        .or_else(|| context::recent_org(analysis, &is_prep, view.sentence, pos, context::RECENT_SENTENCES, false, &exclude))
        .or_else(|| context::topic_org(analysis, from, pos, &exclude))
        .or_else(|| {
            context::recent_org(analysis, &is_prep, view.sentence, pos, context::PARAGRAPH_SENTENCES, true, &exclude)
        })
}

/// Mergers and partnerships: `X en Y fuseren`, `de fusie tussen X en Y`, `X partners
/// with Y`, `Allianz mit Y und Z`, `die X-Y-Fusion`, `Y is X's partner`.
fn symmetric(out: &mut Out, cue: &Cue) {
    let view = out.view;
    let c = out.c;
    // `tussen X en Y`, `Fusion von X und Y`: the parties after the cue.
    let mut of_party: Option<Arg> = None;
    if let Some(a) = view.prep_arg(c, &cue.subject_preps, 6, 0) {
        let members = out.members(a);
        if members.len() >= 2 {
            out.emit_pairs(&members, "symmetric.between", 0.95);
            return;
        }
        of_party = Some(a);
    }
    if let Some((a, b)) = view.pair_before(c) {
        out.push(a, b, None, "symmetric.pair", 0.85);
        return;
    }
    let with = view
        .right_arg(c, (c + 10).min(view.len()), &|p| cue.allows_object_prep(p))
        .filter(|w| of_party.is_none_or(|f| !out.in_group(f, w.item)))
        .or_else(|| {
            cue.object_preps.iter().any(|p| p != "-").then(|| view.prep_arg(c, &cue.object_preps, 0, WINDOW)).flatten()
        });
    let left = view.left_args(c, 1).into_iter().next();
    let possessor = view.possessor(c).filter(|p| p.dist <= 4);
    if let Some(w) = with {
        // `X fuseert met Y`, `de samenwerking van X met Y`, `X's alliance with Y`.
        if let Some(s) = of_party.or(possessor).or(left).filter(|s| !out.in_group(*s, w.item)) {
            out.emit(s, w, None, "symmetric.with", 0.95);
        }
        return;
    }
    if let Some(l) = left {
        let members = out.members(l);
        if members.len() >= 2 {
            // `X en Y fuseren`.
            out.emit_pairs(&members, "symmetric.coordinated", 0.9);
            return;
        }
        // `Y is X's partner`, `Y is partner van X`.
        let partner_of = of_party.filter(|_| cue.weight < 0.5);
        if let Some(p) = possessor.or(partner_of).filter(|p| p.item != l.item && l.dist <= 6) {
            out.emit(l, p, None, "symmetric.possessive", 0.8);
        }
    }
}
