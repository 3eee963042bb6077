//! One sentence seen by the rules: a list of items (entity mentions, cue matches, words,
//! punctuation) and the searches the argument rules are built from (the nearest
//! nominative entity to the left, a prepositional phrase to the right, coordination).
//!
//! Positions are item indices. A "nominative" entity is one that is not inside a
//! prepositional phrase, not a compound modifier (`Twitter-account`) and not a genitive
//! (`Oracle's`): the shape a clause subject or direct object has in nl, de and en.

use std::borrow::Cow;

use crate::model::{Analysis, Span};
use crate::relations::lexicon::{CueMatch, Frame, Lexicon, Referent};
use crate::text::fold_case;
use crate::text::words::{tokenize, Token};

/// Items may be at most this far from their cue (in items).
pub const WINDOW: usize = 16;
/// Tokens after a separable verb's head within which its particle may stand anywhere,
/// and within which it may stand at the end of the clause.
const TAIL_NEAR: usize = 14;
const TAIL_FAR: usize = 32;
/// Words that may sit between a preposition and its noun (`van de Russische X`).
const NP_WORDS: usize = 3;

#[derive(Debug, Clone, PartialEq)]
pub enum ItemKind {
    /// An entity mention: index into `analysis.mentions`.
    Entity {
        mention: usize,
        entity: usize,
    },
    /// A cue match: the cues it may stand for, each with the item index of its tail
    /// (separable verbs) when it has one.
    Cue {
        cues: Vec<(usize, Option<usize>)>,
    },
    Word,
    Punct(char),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item<'a> {
    /// The mention, the cue head, or the token.
    pub span: Span,
    pub kind: ItemKind,
    /// Folded text of `span` (`fold_case`): a slice of the document's folded text unless
    /// the span holds a line break or a tab.
    pub folded: Cow<'a, str>,
    /// Entity followed by a genitive (`Oracle's`, `Microsofts`, `Cetus'`).
    pub genitive: bool,
    /// Entity glued with a hyphen to the next word (`Twitter-account`, `Siemens-Chef`).
    pub modifier: bool,
}

/// Where an argument was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// The entity is named there.
    Direct,
    /// A pronoun or anaphoric noun phrase at that item, to be resolved.
    Coref(usize),
    /// Through a relative pronoun: the antecedent.
    Relative,
}

/// An argument candidate: an item (entity or coref word) and how far from the cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arg {
    pub item: usize,
    pub via: Via,
    pub dist: usize,
}

/// The sentence as items.
#[derive(Debug)]
pub struct View<'a> {
    pub analysis: &'a Analysis,
    pub lex: &'a Lexicon,
    pub sentence: usize,
    pub items: Vec<Item<'a>>,
    /// The company put up for sale a few sentences before, if any
    /// ([`crate::relations::focus`]); set by the extractor, `None` in a new view.
    pub in_play: Option<usize>,
}

impl<'a> View<'a> {
    /// Builds the items of sentence `sentence`. `folded` is the analysis text folded with
    /// `fold_for_matching`; `matches` are the document's cue matches (already without
    /// those overlapping a mention), sorted by start.
    pub fn new(
        analysis: &'a Analysis,
        folded: &'a str,
        lex: &'a Lexicon,
        sentence: usize,
        matches: &[CueMatch],
        hidden: &[usize],
    ) -> View<'a> {
        let text = analysis.text.as_str();
        let span = analysis.sentences[sentence].span;
        let tokens = tokenize(text, span);
        // `fold_case` of `text[a..b]`: `fold_for_matching` differs from it only in line
        // breaks and tabs (spaces there), which no token holds.
        let fold = |a: usize, b: usize| -> Cow<'a, str> {
            match (text.get(a..b), folded.get(a..b)) {
                (Some(t), Some(f)) if !t.bytes().any(|c| c == b'\n' || c == b'\t') => Cow::Borrowed(f),
                (Some(t), _) => Cow::Owned(fold_case(t)),
                _ => Cow::Borrowed(""),
            }
        };
        // Mentions and cue matches are sorted by start: the sentence's are a range.
        let first_mention = analysis.mentions.partition_point(|m| m.span.start < span.start);
        let mentions: Vec<usize> = (first_mention..analysis.mentions.len())
            .take_while(|&m| analysis.mentions[m].span.start < span.end)
            .filter(|m| !hidden.contains(m))
            .collect();
        let first_cue = matches.partition_point(|m| m.span.start < span.start);
        let cue_matches: Vec<&CueMatch> =
            matches[first_cue..].iter().take_while(|m| m.span.start < span.end).collect();
        let mut items = Vec::with_capacity(tokens.len());
        // For each item, the token index range it covers (to find tails).
        let mut token_of_item: Vec<usize> = Vec::with_capacity(tokens.len());
        let mut i = 0;
        let mut m_ptr = 0;
        let mut c_ptr = 0;
        while i < tokens.len() {
            let t = tokens[i];
            while m_ptr < mentions.len() && analysis.mentions[mentions[m_ptr]].span.end <= t.span.start {
                m_ptr += 1;
            }
            while c_ptr < cue_matches.len() && cue_matches[c_ptr].span.end <= t.span.start {
                c_ptr += 1;
            }
            if let Some(&m) = mentions.get(m_ptr) {
                let ms = analysis.mentions[m].span;
                if ms.start < t.span.end {
                    let after = &text[ms.end.min(text.len())..];
                    let genitive = is_genitive(&text[..ms.end], after);
                    let mut end = ms.end;
                    if after.starts_with("'s") && !after[2..].starts_with(|c: char| c.is_alphanumeric()) {
                        end += 2;
                    } else if after.starts_with('\'') && genitive {
                        end += 1;
                    }
                    let j = advance(&tokens, i, end);
                    let modifier = after.starts_with('-') && after[1..].starts_with(|c: char| c.is_alphanumeric());
                    token_of_item.push(i);
                    items.push(Item {
                        span: ms,
                        kind: ItemKind::Entity { mention: m, entity: analysis.mentions[m].entity },
                        folded: fold(ms.start, ms.end),
                        genitive,
                        modifier,
                    });
                    i = j;
                    continue;
                }
            }
            if let Some(cm) = cue_matches.get(c_ptr) {
                if cm.span.start < t.span.end {
                    let j = advance(&tokens, i, cm.span.end);
                    token_of_item.push(i);
                    items.push(Item {
                        span: cm.span,
                        kind: ItemKind::Cue { cues: cm.cues.iter().map(|&c| (c, None)).collect() },
                        folded: fold(cm.span.start, cm.span.end),
                        genitive: false,
                        modifier: false,
                    });
                    i = j;
                    continue;
                }
            }
            let word = &text[t.span.start..t.span.end];
            let kind = if t.is_word { ItemKind::Word } else { ItemKind::Punct(word.chars().next().unwrap_or(' ')) };
            token_of_item.push(i);
            items.push(Item { span: t.span, kind, folded: fold(t.span.start, t.span.end), genitive: false, modifier: false });
            i += 1;
        }
        let mut view = View { analysis, lex, sentence, items, in_play: None };
        view.resolve_tails(folded, &tokens, &token_of_item);
        view.drop_name_brackets();
        view.absorb_parentheticals();
        view.demote_descriptors();
        view
    }

    /// Keeps only the separable cues whose tail follows, and records the tail item.
    fn resolve_tails(&mut self, folded: &str, tokens: &[Token], token_of_item: &[usize]) {
        // Tokens hold no line break or tab: their folded text is a slice of `folded`.
        let folded_tokens: Vec<&str> = tokens.iter().map(|t| folded.get(t.span.start..t.span.end).unwrap_or("")).collect();
        let item_of_token = |tok: usize| token_of_item.iter().rposition(|&t| t <= tok);
        for idx in 0..self.items.len() {
            let ItemKind::Cue { cues } = &self.items[idx].kind else { continue };
            let next_token = token_of_item.get(idx + 1).copied().unwrap_or(tokens.len());
            let mut kept = Vec::new();
            for &(c, _) in cues {
                let cue = &self.lex.cues[c];
                if cue.tail.is_empty() {
                    kept.push((c, None));
                    continue;
                }
                let n = cue.tail.len();
                // Near the head any match; further away (a long German or Dutch clause
                // bracket) only a particle that closes the clause (`kündigte … an.`).
                let found = (next_token..tokens.len().min(next_token + TAIL_FAR)).find(|&k| {
                    k + n <= tokens.len()
                        && (0..n).all(|o| folded_tokens[k + o] == cue.tail[o])
                        && (k < next_token + TAIL_NEAR || tokens.get(k + n).is_none_or(|t| !t.is_word))
                });
                if let Some(k) = found {
                    if let Some(item) = item_of_token(k) {
                        kept.push((c, Some(item)));
                    }
                }
            }
            self.items[idx].kind = if kept.is_empty() { ItemKind::Word } else { ItemKind::Cue { cues: kept } };
        }
    }

    /// Wire copy marks names with angle brackets (`<Pioneer Sugar Mills Ltd>`): the
    /// brackets are dropped so that the name sits in its phrase; a bracketed ticker of
    /// the name right before it is dropped whole.
    fn drop_name_brackets(&mut self) {
        let n = self.items.len();
        let mut keep = vec![true; n];
        for i in 1..n.saturating_sub(1) {
            if !matches!(self.items[i].kind, ItemKind::Entity { .. }) || self.punct(i - 1) != Some('<') {
                continue;
            }
            // The name may end in words the gazetteer left out (`<Acme Group Plc>`).
            let close = (i + 1..n.min(i + 5))
                .take_while(|&j| j == i + 1 || self.items[j - 1].kind == ItemKind::Word)
                .find(|&j| self.punct(j) == Some('>'));
            if let Some(close) = close.filter(|&c| c > i + 1) {
                keep[i - 1] = false;
                keep[close] = false;
                continue;
            }
            if self.punct(i + 1) == Some('>') {
                keep[i - 1] = false;
                keep[i + 1] = false;
                // A ticker of the name before it (`Harcourt Brace Jovanovich Inc <HBJ>`)
                // says nothing more: the whole bracket goes.
                if i >= 2 && self.entity(i).is_some() && self.entity(i - 2) == self.entity(i) {
                    keep[i] = false;
                }
            }
        }
        if keep.iter().all(|&k| k) {
            return;
        }
        let mut map = vec![0usize; n + 1];
        let mut out = Vec::with_capacity(n);
        for (i, item) in self.items.drain(..).enumerate() {
            map[i] = out.len();
            if keep[i] {
                out.push(item);
            }
        }
        map[n] = out.len();
        let last = out.len().saturating_sub(1);
        for item in &mut out {
            if let ItemKind::Cue { cues } = &mut item.kind {
                for (_, tail) in cues.iter_mut() {
                    if let Some(t) = tail {
                        *t = map[*t].min(last);
                    }
                }
            }
        }
        self.items = out;
    }

    /// A company noun right before a name describes it (`het platform X`, `der Konzern
    /// X`, `the company X`): it is not an anaphor there.
    fn demote_descriptors(&mut self) {
        for i in 0..self.items.len().saturating_sub(1) {
            // Only noun phrases (`het platform`), never pronouns (`kocht hij X`).
            let noun_phrase = self.items[i].folded.contains(' ');
            if noun_phrase && self.is(i, Frame::Coref) && matches!(self.items[i + 1].kind, ItemKind::Entity { .. }) {
                self.items[i].kind = ItemKind::Word;
            }
        }
    }

    /// Hides a short parenthetical right after an entity or a cue (`Shell (RDS)`, `Acme
    /// <ACME.O>`, `Chief Marketing Officer (CMO)`, `Jan Smit (65)`) unless it names
    /// another entity.
    fn absorb_parentheticals(&mut self) {
        let n = self.items.len();
        let mut keep = vec![true; n];
        // Items kept so far, and the last of them.
        let mut kept = 0usize;
        let mut last_kept: Option<usize> = None;
        let mut i = 0;
        // Tail indices point into the old list: keep a map old -> new.
        let mut map = vec![0usize; n + 1];
        while i < n {
            let item = &self.items[i];
            map[i] = kept;
            let open = matches!(item.kind, ItemKind::Punct('(') | ItemKind::Punct('<'));
            let prev_ok =
                last_kept.is_some_and(|p| matches!(self.items[p].kind, ItemKind::Entity { .. } | ItemKind::Cue { .. }));
            if open && prev_ok {
                let close = if item.kind == ItemKind::Punct('(') { ')' } else { '>' };
                let prev_entity = match last_kept.map(|p| &self.items[p].kind) {
                    Some(ItemKind::Entity { entity, .. }) => Some(*entity),
                    _ => None,
                };
                let end = (i + 1..self.items.len().min(i + 9)).find(|&j| self.items[j].kind == ItemKind::Punct(close));
                if let Some(end) = end {
                    let other_entity = self.items[i + 1..end].iter().any(|it| match it.kind {
                        ItemKind::Entity { entity, .. } => Some(entity) != prev_entity,
                        _ => false,
                    });
                    if !other_entity {
                        let target = kept.saturating_sub(1);
                        map[i..=end].iter_mut().for_each(|m| *m = target);
                        keep[i..=end].iter_mut().for_each(|k| *k = false);
                        i = end + 1;
                        continue;
                    }
                }
            }
            last_kept = Some(i);
            kept += 1;
            i += 1;
        }
        map[n] = kept;
        let mut out = Vec::with_capacity(kept);
        for (i, item) in self.items.drain(..).enumerate() {
            if keep[i] {
                out.push(item);
            }
        }
        for item in &mut out {
            if let ItemKind::Cue { cues } = &mut item.kind {
                for (_, tail) in cues.iter_mut() {
                    if let Some(t) = tail {
                        *t = map[*t];
                    }
                }
            }
        }
        self.items = out;
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The entity of an entity item.
    pub fn entity(&self, i: usize) -> Option<usize> {
        match self.items.get(i)?.kind {
            ItemKind::Entity { entity, .. } => Some(entity),
            _ => None,
        }
    }

    /// The cues of item `i` (with satisfied tails).
    pub fn cues(&self, i: usize) -> &[(usize, Option<usize>)] {
        match self.items.get(i).map(|it| &it.kind) {
            Some(ItemKind::Cue { cues }) => cues,
            _ => &[],
        }
    }

    /// True when item `i` is a cue with a row of that frame.
    pub fn is(&self, i: usize, frame: Frame) -> bool {
        self.cues(i).iter().any(|&(c, _)| self.lex.cues[c].frame == frame)
    }

    /// The first cue of item `i` with that frame.
    pub fn cue_of(&self, i: usize, frame: Frame) -> Option<usize> {
        self.cues(i).iter().map(|&(c, _)| c).find(|&c| self.lex.cues[c].frame == frame)
    }

    pub fn is_relation_cue(&self, i: usize) -> bool {
        self.cues(i).iter().any(|&(c, _)| self.lex.cues[c].frame.is_relation())
    }

    /// A verb-like relation cue: a new predicate, which ends an object search. A
    /// participle used as an adjective (`het door X opgezette Y`) is none.
    pub fn is_predicate(&self, i: usize) -> bool {
        // (The cheap test first: most items are no verb cue.)
        let verb_cue = self.cues(i).iter().any(|&(c, _)| {
            matches!(self.lex.cues[c].frame, Frame::Verb | Frame::Participle | Frame::Sale | Frame::Passive)
        });
        if !verb_cue {
            return false;
        }
        let attributive = matches!(self.items.get(i + 1).map(|it| &it.kind), Some(ItemKind::Entity { .. }))
            && self.cues(i).iter().all(|&(c, _)| self.lex.cues[c].frame == Frame::Participle);
        !attributive && !self.reduced_relative(i)
    }

    /// A participle after a noun and before its agent (`a firm controlled by X`, `een
    /// door X gecontroleerd vehikel` is attributive anyway): a reduced relative clause, not
    /// the sentence's predicate. No auxiliary or copula may stand right before it.
    fn reduced_relative(&self, i: usize) -> bool {
        let Some(next) = self.items.get(i + 1) else { return false };
        let agent = self.lex.participle_agents.iter().any(|p| *p == next.folded);
        let aux =
            |j: usize| self.is(j, Frame::AuxPassive) || self.is(j, Frame::AuxPerfect) || self.is(j, Frame::Copula);
        agent && i >= 1 && self.is_word(i - 1) && !aux(i - 1) && !(i >= 2 && aux(i - 2))
    }

    pub fn punct(&self, i: usize) -> Option<char> {
        match self.items.get(i)?.kind {
            ItemKind::Punct(c) => Some(c),
            _ => None,
        }
    }

    /// A year written in digits (`2015`).
    pub(crate) fn is_year(&self, i: usize) -> bool {
        let t = self.text(i);
        t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) && (t.starts_with("19") || t.starts_with("20"))
    }

    /// A plain word: no cue, or only a cue that does not shape a clause (a share word,
    /// a month, an ignored phrase).
    pub fn is_word(&self, i: usize) -> bool {
        match self.items.get(i).map(|it| &it.kind) {
            Some(ItemKind::Word) => true,
            Some(ItemKind::Cue { cues }) => cues.iter().all(|&(c, _)| {
                matches!(
                    self.lex.cues[c].frame,
                    Frame::Share
                        | Frame::Part
                        | Frame::Month
                        | Frame::Ignore
                        | Frame::Receiver
                        | Frame::Time
                        | Frame::ForSale
                        | Frame::Example
                )
            }),
            _ => false,
        }
    }

    /// A clause boundary for argument searches.
    pub fn is_barrier(&self, i: usize) -> bool {
        matches!(self.punct(i), Some(';' | ':' | '\u{2013}' | '|'))
            || (self.is(i, Frame::Clause) && (!self.is(i, Frame::Prep) || self.opens_subclause(i)))
    }

    /// A word that is both a preposition and a clause word (German `als`) opens a
    /// subordinate clause at the start of the sentence when a subject follows it (`Als X
    /// die Übernahme von Y verkündete, …`), not a title phrase (`Als Siemens-Chef hat X`).
    pub fn opens_subclause(&self, i: usize) -> bool {
        i == 0
            && self.is(i, Frame::Prep)
            && self.is(i, Frame::Clause)
            && self.items.get(1).is_some_and(|it| !it.modifier && !it.genitive)
            && (self.entity(1).is_some() || self.is(1, Frame::Coref))
    }

    /// Adjacent items (no space between).
    pub fn glued(&self, a: usize, b: usize) -> bool {
        match (self.items.get(a), self.items.get(b)) {
            (Some(x), Some(y)) => {
                let gap = &self.analysis.text[x.span.end.min(y.span.start)..y.span.start];
                gap.is_empty() || gap == "'s" || gap == "'" || gap == "s"
            }
            _ => false,
        }
    }

    /// What introduces the noun phrase ending at item `i`: the preposition's folded text,
    /// or the relation cue item that ends right before it (`in handen van X`).
    pub fn prep_before(&self, i: usize) -> Option<PrepBefore> {
        let found = self.prep_before_inner(i);
        if found.is_some() {
            return found;
        }
        // `wirft dem Portal X vor`: an oblique article works as a preposition when no
        // preposition opens the phrase.
        let mut j = i;
        let mut words = 0;
        while j > 0 && words <= NP_WORDS {
            j -= 1;
            if self.is(j, Frame::Oblique) {
                return Some(PrepBefore::Prep(self.items[j].folded.to_string(), j));
            }
            if !(self.is_word(j) || self.is(j, Frame::Det) || matches!(self.punct(j), Some('-' | '.'))) {
                return None;
            }
            words += 1;
        }
        None
    }

    fn prep_before_inner(&self, i: usize) -> Option<PrepBefore> {
        let mut words = 0;
        let mut j = i;
        while j > 0 {
            j -= 1;
            // `hat im Vorjahr X übernommen`, `dat in 2015 X overnam`: a time adverbial or
            // a year closes the phrase before the name.
            if self.is(j, Frame::Time) || (j + 1 == i && self.is_year(j)) {
                return None;
            }
            if self.opens_subclause(j) {
                return None;
            }
            // `bij investeerders, onder wie X`, `from investors such as X`: the names are
            // in the prepositional phrase of the noun before the example word (else the
            // example word is a preposition of its own: `a firm like X`).
            if j + 1 == i && self.is(j, Frame::Example) {
                let noun = if j > 0 && self.punct(j - 1) == Some(',') { j - 1 } else { j };
                if let Some(found @ PrepBefore::Prep(..)) = self.prep_before_inner(noun) {
                    return Some(found);
                }
            }
            if self.is(j, Frame::Prep) {
                return Some(PrepBefore::Prep(self.items[j].folded.to_string(), j));
            }
            // A cue phrase that ends with a preposition (`biedingsstrijd met`, `bidding
            // war with`) opens a prepositional phrase.
            if !self.is_relation_cue(j) && self.items[j].folded.contains(' ') {
                let last = self.items[j].folded.rsplit(' ').next().unwrap_or("");
                if self.lex.has(last, Frame::Prep) && !self.is(j, Frame::Relative) {
                    return Some(PrepBefore::Prep(last.to_string(), j));
                }
            }
            // A prepositional relative phrase not after a comma (`Anteile an der X`) is
            // its preposition and article.
            if !self.is_relative(j) {
                let prep = self
                    .cues(j)
                    .iter()
                    .map(|&(c, _)| &self.lex.cues[c])
                    .find_map(|c| (c.frame == Frame::Relative).then(|| c.object_preps.first().cloned()).flatten());
                if let Some(p) = prep {
                    return Some(PrepBefore::Prep(p, j));
                }
            }
            // A title right before a name describes it (`van topman X`, `investeerder X`).
            if j + 1 == i && self.is(j, Frame::Title) && !self.is(j, Frame::Prep) {
                words += 1;
                continue;
            }
            if self.is_relation_cue(j) {
                return Some(PrepBefore::Cue(j));
            }
            if self.is(j, Frame::Det) || self.is(j, Frame::Possessive) {
                continue;
            }
            // A hyphenated descriptor (`ict-bedrijf`) or a number (`35 pct`) is part of
            // the noun phrase.
            if matches!(self.punct(j), Some('-' | '.' | '%')) {
                continue;
            }
            // A personal pronoun after a noun starts a clause of its own (`for the stock
            // he does not own`): the noun ends the phrase.
            if self.is_word(j) && self.is(i, Frame::Coref) && !self.items[i].folded.contains(' ') {
                return None;
            }
            if self.is_word(j) && words < NP_WORDS {
                words += 1;
                continue;
            }
            return None;
        }
        None
    }

    /// Folded preposition before the entity item `i`, if any.
    pub fn prep_text(&self, i: usize) -> Option<String> {
        match self.prep_before(i) {
            Some(PrepBefore::Prep(p, _)) => Some(p),
            _ => None,
        }
    }

    /// The determiner that opens the noun phrase ending at item `i` when no preposition
    /// does (`der` in `Vorsitzender der IDRA`: a genitive article works as one).
    pub fn det_before(&self, i: usize) -> Option<String> {
        let mut words = 0;
        let mut j = i;
        while j > 0 {
            j -= 1;
            if self.is(j, Frame::Det) {
                return Some(self.items[j].folded.to_string());
            }
            if (self.is_word(j) || self.punct(j) == Some('-')) && words < NP_WORDS {
                words += 1;
                continue;
            }
            return None;
        }
        None
    }

    /// The preposition, or failing that the determiner, that opens the phrase of `i`.
    pub fn intro_text(&self, i: usize) -> Option<String> {
        self.prep_text(i).or_else(|| if self.prep_before(i).is_none() { self.det_before(i) } else { None })
    }

    /// A relative pronoun after a comma (`X, die …`, `X, which …`).
    pub fn is_relative(&self, i: usize) -> bool {
        // `X, die …`; `X - in which …` (a spaced dash opens a parenthesis too).
        let dash = |k: usize| matches!(self.punct(k), Some('-' | '\u{2013}')) && k >= 1 && !self.glued(k - 1, k);
        i > 0 && self.is(i, Frame::Relative) && (self.punct(i - 1) == Some(',') || dash(i - 1))
    }

    /// True when entity item `i` can be a clause subject or direct object.
    pub fn is_nominative(&self, i: usize) -> bool {
        let it = &self.items[i];
        // `unter Beteiligung der Siemens`: an article right after a deal noun opens its
        // genitive complement.
        let noun_complement = |k: usize| {
            self.cues(k).iter().all(|&(c, _)| self.lex.cues[c].frame == Frame::Nominal)
                && (self.is(k + 1, Frame::Det) || self.is(k + 1, Frame::Oblique))
        };
        !it.modifier
            && !it.genitive
            && match self.group_prep(i) {
                Some(PrepBefore::Prep(..)) => false,
                Some(PrepBefore::Cue(k)) => !noun_complement(k),
                None => true,
            }
    }

    /// The coordinated group around entity (or coref) item `i`, left to right:
    /// `X, Y en Z`, `X und das Unternehmen Y`, `X samen met Y`. Items joined only by
    /// commas are appositions, not a list, unless a conjunction closes the list.
    pub fn group(&self, i: usize) -> Vec<usize> {
        let mut before = Vec::new();
        let mut conj = false;
        let mut j = i;
        while let Some((prev, is_conj)) = self.step_before(j) {
            before.push(prev);
            conj |= is_conj;
            j = prev;
        }
        let mut after = Vec::new();
        let mut j = i;
        while let Some((next, is_conj)) = self.step_after(j) {
            after.push(next);
            conj |= is_conj;
            j = next;
        }
        if !conj {
            return vec![i];
        }
        before.reverse();
        before.push(i);
        before.extend(after);
        before
    }

    pub fn is_arg_item(&self, i: usize) -> bool {
        i < self.len() && (self.entity(i).is_some() || self.is(i, Frame::Coref)) && !self.items[i].modifier
    }

    fn is_filler(&self, i: usize) -> bool {
        self.is_word(i) || self.is(i, Frame::Det) || self.is(i, Frame::Possessive) || self.punct(i) == Some('-')
    }

    /// The next list member after item `i` and whether a conjunction (or `/`) joins them.
    fn step_after(&self, i: usize) -> Option<(usize, bool)> {
        if self.items[i].genitive {
            return None;
        }
        let mut j = i + 1;
        match self.punct(j) {
            Some('/') => return self.is_arg_item(j + 1).then_some((j + 1, true)),
            Some(',') => {
                if self.is_arg_item(j + 1) && !self.items[j + 1].genitive {
                    return Some((j + 1, false));
                }
                j += 1;
            }
            _ => {}
        }
        if !self.is(j, Frame::Conj) {
            return None;
        }
        j += 1;
        let mut words = 0;
        while j < self.len() {
            if self.is_arg_item(j) {
                return (!self.items[j].genitive).then_some((j, true));
            }
            if self.is_filler(j) && words < NP_WORDS {
                words += 1;
                j += 1;
                continue;
            }
            return None;
        }
        None
    }

    /// The previous list member before item `i` and whether a conjunction joins them.
    fn step_before(&self, i: usize) -> Option<(usize, bool)> {
        let mut j = i.checked_sub(1)?;
        if self.punct(j) == Some('/') {
            let k = j.checked_sub(1)?;
            return (self.is_arg_item(k) && !self.items[k].genitive).then_some((k, true));
        }
        if self.punct(j) == Some(',') {
            let k = j.checked_sub(1)?;
            return (self.is_arg_item(k) && !self.items[k].genitive).then_some((k, false));
        }
        let mut words = 0;
        while self.is_filler(j) && words < NP_WORDS {
            j = j.checked_sub(1)?;
            words += 1;
        }
        if !self.is(j, Frame::Conj) {
            return None;
        }
        let mut k = j.checked_sub(1)?;
        if self.punct(k) == Some(',') {
            k = k.checked_sub(1)?;
        }
        (self.is_arg_item(k) && !self.items[k].genitive).then_some((k, true))
    }

    /// The preposition before the group of item `i` (its first member).
    pub fn group_prep(&self, i: usize) -> Option<PrepBefore> {
        let first = self.group(i).first().copied().unwrap_or(i);
        self.prep_before(first)
    }

    /// Nominative arguments to the left of `c`, nearest first (at most `max`).
    pub fn left_args(&self, c: usize, max: usize) -> Vec<Arg> {
        self.left_args_until(c, max, false)
    }

    /// Like [`View::left_args`]; with `stop_at_predicates` the search ends at another
    /// verb cue (its arguments are not ours).
    pub fn left_args_until(&self, c: usize, max: usize, stop_at_predicates: bool) -> Vec<Arg> {
        self.left_args_within(c, max, stop_at_predicates, WINDOW)
    }

    /// Like [`View::left_args_until`], looking back at most `window` items.
    pub fn left_args_within(&self, c: usize, max: usize, stop_at_predicates: bool, window: usize) -> Vec<Arg> {
        let mut out = Vec::new();
        let mut j = c;
        let lo = c.saturating_sub(window);
        while j > lo {
            j -= 1;
            if out.is_empty() && self.punct(j) == Some(',') {
                // `X, who … ,  VERB`: the subject is before the relative clause.
                if let Some(k) = self.relative_clause_before(j) {
                    out.push(Arg { item: k, via: Via::Relative, dist: c - k });
                    break;
                }
            }
            if self.is_barrier(j) {
                // A clause word with no subject after it (`…, maar is overgenomen door Y`)
                // shares the subject of the clause before.
                let ellipsis = out.is_empty()
                    && self.punct(j).is_none()
                    && !self.is_arg_item(j + 1)
                    && self.punct(j + 1).is_none();
                if ellipsis {
                    continue;
                }
                break;
            }
            if stop_at_predicates && j + 1 < c && self.is_predicate(j) {
                break;
            }
            if self.is_relative(j) {
                // `X, die ...`, `X entwickelt, die ...`: the antecedent.
                if let Some(k) = self.antecedent(j) {
                    out.push(Arg { item: k, via: Via::Relative, dist: c - k });
                }
                break;
            }
            if self.entity(j).is_some() {
                if self.is_nominative(j) {
                    out.push(Arg { item: j, via: Via::Direct, dist: c - j });
                    if out.len() >= max {
                        break;
                    }
                    // Continue to the left of the whole group.
                    j = self.group(j).first().copied().unwrap_or(j);
                }
                continue;
            }
            if self.is(j, Frame::Coref) && !matches!(self.prep_before(j), Some(PrepBefore::Prep(..))) {
                out.push(Arg { item: j, via: Via::Coref(j), dist: c - j });
                if out.len() >= max {
                    break;
                }
                j = self.group(j).first().copied().unwrap_or(j);
            }
        }
        out
    }

    /// When the comma at `comma` closes a relative clause (`X, who …, `), the antecedent.
    pub fn relative_clause_before(&self, comma: usize) -> Option<usize> {
        let lo = comma.saturating_sub(3 * WINDOW);
        let mut j = comma;
        while j > lo {
            j -= 1;
            if self.is_barrier(j) || self.is_predicate(j) {
                return None;
            }
            if self.is_relative(j) {
                return self.antecedent(j);
            }
        }
        None
    }

    /// The antecedent of the relative pronoun at `r` (after a comma): the entity before
    /// the comma, possibly followed by up to two words (`die Firma X entwickelt, die`).
    pub fn antecedent(&self, r: usize) -> Option<usize> {
        let mut k = r.checked_sub(2)?;
        for _ in 0..3 {
            if self.entity(k).is_some() {
                return (!self.items[k].genitive).then_some(k);
            }
            // (A verb particle right before the comma: `X volgt Y op, die …`.)
            let particle = k + 2 == r && self.is(k, Frame::Prep);
            if !self.is_word(k) && !particle {
                return None;
            }
            k = k.checked_sub(1)?;
        }
        None
    }

    /// The first argument to the right of `c` (up to `end`, exclusive) whose preposition
    /// `accept` allows (`None` = no preposition: a direct object).
    pub fn right_arg(&self, c: usize, end: usize, accept: &dyn Fn(Option<&str>) -> bool) -> Option<Arg> {
        self.right_args(c, end, accept).into_iter().next()
    }

    /// Every argument to the right of `c` that `accept` allows, nearest first, up to the
    /// end of the clause. After a verb, a comma ends the search (`X overnam als CEO,
    /// verloor het bedrijf …`).
    pub fn right_args(&self, c: usize, end: usize, accept: &dyn Fn(Option<&str>) -> bool) -> Vec<Arg> {
        let mut out = Vec::new();
        let limit = end.min(self.len());
        let mut end = limit.min(c + 1 + WINDOW);
        let predicate = self.is_predicate(c);
        let mut j = c + 1;
        while j < end {
            // A parenthetical (`(13,4 Milliarden Euro)`) does not count against the window.
            if self.punct(j) == Some('(') {
                if let Some(close) = (j + 1..limit.min(j + 12)).find(|&k| self.punct(k) == Some(')')) {
                    end = limit.min(end + close + 1 - j);
                    j = close + 1;
                    continue;
                }
            }
            if self.is_barrier(j) || self.is_relative(j) {
                break;
            }
            if j > c + 1 && self.is_predicate(j) {
                break;
            }
            if predicate && self.punct(j) == Some(',') && !out.is_empty() {
                break;
            }
            if predicate && self.punct(j) == Some(',') && !self.is_arg_item(j + 1) {
                break;
            }
            if self.is_arg_item(j) {
                if self.items[j].modifier {
                    j += 1;
                    continue;
                }
                let intro = self.prep_before(j);
                if self.items[j].genitive && !matches!(intro, Some(PrepBefore::Prep(..))) {
                    j += 1;
                    continue;
                }
                let ok = match intro {
                    Some(PrepBefore::Prep(p, _)) => accept(Some(&p)),
                    Some(PrepBefore::Cue(k)) if k == c => {
                        accept(None)
                            || self.cue_ends_with_prep(c, accept)
                            || self.det_before(j).is_some_and(|d| accept(Some(&d)))
                    }
                    _ => accept(None) || self.det_before(j).is_some_and(|d| accept(Some(&d))),
                };
                if ok {
                    let via = if self.entity(j).is_some() { Via::Direct } else { Via::Coref(j) };
                    out.push(Arg { item: j, via, dist: j - c });
                }
                // Skip the rest of the group: its members share the preposition.
                j = self.group(j).last().copied().unwrap_or(j) + 1;
                continue;
            }
            j += 1;
        }
        out
    }

    /// True when the cue phrase at `c` ends with a preposition `accept` allows (`bid for`).
    fn cue_ends_with_prep(&self, c: usize, accept: &dyn Fn(Option<&str>) -> bool) -> bool {
        self.items[c].folded.rsplit(' ').next().is_some_and(|last| accept(Some(last)))
    }

    /// An argument introduced by one of `preps` on the right (up to `right` items) or on
    /// the left (up to `left` items) of `c`.
    pub fn prep_arg(&self, c: usize, preps: &[String], right: usize, left: usize) -> Option<Arg> {
        let accept = |p: Option<&str>| p.is_some_and(|p| preps.iter().any(|q| q == p));
        if right > 0 {
            let end = c + 1 + right;
            let mut j = c + 1;
            while j < end.min(self.len()) {
                if self.is_barrier(j) {
                    break;
                }
                if self.is_arg_item(j) && !self.items[j].modifier {
                    if accept(self.intro_text(j).as_deref()) {
                        let via = if self.entity(j).is_some() { Via::Direct } else { Via::Coref(j) };
                        return Some(Arg { item: j, via, dist: j - c });
                    }
                    j = self.group(j).last().copied().unwrap_or(j) + 1;
                    continue;
                }
                j += 1;
            }
        }
        let mut j = c;
        let lo = c.saturating_sub(left);
        while j > lo {
            j -= 1;
            if self.is_barrier(j) {
                break;
            }
            if self.is_arg_item(j) && !self.items[j].modifier && accept(self.intro_text(j).as_deref()) {
                let first = self.group(j).first().copied().unwrap_or(j);
                let via = if self.entity(first).is_some() { Via::Direct } else { Via::Coref(first) };
                return Some(Arg { item: first, via, dist: c - first });
            }
        }
        None
    }

    /// The genitive entity or possessive pronoun before `c` (`Oracle's $10bn takeover`,
    /// `zijn overname`, `X's 40 dlr a share offer`), skipping up to five words.
    pub fn possessor(&self, c: usize) -> Option<Arg> {
        let mut j = c;
        let mut words = 0;
        while j > 0 {
            j -= 1;
            if self.entity(j).is_some() {
                return self.items[j].genitive.then_some(Arg { item: j, via: Via::Direct, dist: c - j });
            }
            if self.is(j, Frame::Possessive) {
                return Some(Arg { item: j, via: Via::Coref(j), dist: c - j });
            }
            let filler = self.is_word(j)
                || matches!(self.punct(j), Some('-' | '.' | ',' | '$' | '€' | '£'))
                || self.is(j, Frame::Scale)
                || self.is(j, Frame::Currency)
                || self.is(j, Frame::Modality)
                // `X's 40 dlr a share offer`.
                || (words > 0 && self.is(j, Frame::Det) && self.is(j + 1, Frame::Share));
            if !filler || words >= 5 {
                return None;
            }
            words += 1;
        }
        None
    }

    /// An entity glued before `c` with a hyphen (`Twitter-overname`, `Siemens-Chef`).
    pub fn compound_before(&self, c: usize) -> Option<Arg> {
        if c >= 2 && self.punct(c - 1) == Some('-') && self.entity(c - 2).is_some() && self.items[c - 2].modifier {
            let end = self.items[c - 1].span.end;
            if end == self.items[c].span.start {
                return Some(Arg { item: c - 2, via: Via::Direct, dist: 1 });
            }
        }
        None
    }

    /// Two entities glued by `/` or `-` right before `c` (`the Microsoft/LinkedIn deal`,
    /// `de Daimler-Chrysler-fusie`).
    pub fn pair_before(&self, c: usize) -> Option<(Arg, Arg)> {
        let mut k = c;
        // `X-Y-fusie`: a hyphen glued to the cue.
        if k >= 1 && self.punct(k - 1) == Some('-') {
            k -= 1;
        }
        if k >= 3
            && self.entity(k - 1).is_some()
            && matches!(self.punct(k - 2), Some('/' | '-'))
            && self.entity(k - 3).is_some()
        {
            let a = Arg { item: k - 3, via: Via::Direct, dist: c - (k - 3) };
            let b = Arg { item: k - 1, via: Via::Direct, dist: c - (k - 1) };
            return Some((a, b));
        }
        None
    }

    /// True when the object at item `o` of the verb at `c` is a stake: a share word or a
    /// percentage between them (`18.8% of Y`, `aandelen van Y`) or a share word right
    /// after it following a quantity (`two mln Y shares`).
    pub fn share_context(&self, c: usize, o: usize) -> bool {
        // Verb-final (`hat sich 25 Prozent an Y gesichert`): the words before the object.
        let range = if o > c { c + 1..o } else { o.saturating_sub(4)..o };
        // (Not a unit price: `5 euro per aandeel`, `$5 a share`, `je Aktie`.)
        let between = range.clone().any(|j| self.punct(j) == Some('%') || (self.is(j, Frame::Share) && !self.ends_unit(j)));
        // `Y shares` counts after a quantity (`two mln Y shares`), not in `all the Y
        // interest`.
        let quantity = range.into_iter().any(|j| {
            self.text(j).starts_with(|ch: char| ch.is_ascii_digit())
                || self.lex.scales.contains_key(&*self.items[j].folded)
        });
        between || (quantity && self.is(o + 1, Frame::Share))
    }

    /// Item `j` ends a unit phrase of the lexicon (`per share`, `je Aktie`).
    fn ends_unit(&self, j: usize) -> bool {
        self.lex.units.iter().any(|unit| {
            unit.len() <= j + 1
                && unit.iter().rev().enumerate().all(|(k, word)| self.items.get(j - k).is_some_and(|it| *it.folded == **word))
        })
    }

    /// The owner in `the <part> of Y` after (or, verb-final, before) the verb at `c`:
    /// `die Energie-Sparte des Unternehmens Alstom`, `de Nederlandse tak van Y`.
    pub fn part_owner(&self, c: usize, right: bool) -> Option<Arg> {
        let range: Vec<usize> = if right {
            (c + 1..(c + 1 + WINDOW).min(self.len())).collect()
        } else {
            (c.saturating_sub(WINDOW)..c).rev().collect()
        };
        for j in range {
            if self.is_barrier(j) {
                return None;
            }
            if self.entity(j).is_none() {
                continue;
            }
            let Some(PrepBefore::Prep(folded, p)) = self.prep_before(j) else { continue };
            let folded = &folded;
            let is_of = self.lex.part_preps.iter().any(|q| q == folded);
            // `20 Prozent an Y`, `de meerderheid in Y`: a preposition of shares only.
            let share_only = !is_of && self.lex.share_preps.iter().any(|q| q == folded);
            if !is_of && !share_only {
                continue;
            }
            // The part or share noun right before the preposition (`Sparte des`, `unit
            // of`, `15 procent van de aandelen van`, `18.8% of`).
            let mut k = p;
            for _ in 0..3 {
                k = k.checked_sub(1)?;
                let share = self.is(k, Frame::Share) || self.punct(k) == Some('%');
                if share || (self.is(k, Frame::Part) && !share_only) {
                    return Some(Arg { item: j, via: Via::Direct, dist: j.abs_diff(c) });
                }
                if !(self.is_word(k) || self.punct(k) == Some('-')) {
                    break;
                }
            }
        }
        None
    }

    /// Text of item `i`.
    pub fn text(&self, i: usize) -> &str {
        let s = self.items[i].span;
        &self.analysis.text[s.start..s.end]
    }

    /// The referent class of a coref or possessive item.
    pub fn referent(&self, i: usize) -> Option<Referent> {
        self.cues(i)
            .iter()
            .map(|&(c, _)| &self.lex.cues[c])
            .find(|c| matches!(c.frame, Frame::Coref | Frame::Possessive | Frame::Relative) && c.referent.is_some())
            .and_then(|c| c.referent)
    }
}

/// What stands before a noun phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrepBefore {
    /// A preposition (folded) at that item.
    Prep(String, usize),
    /// A relation cue item ending right before the phrase.
    Cue(usize),
}

/// The token index after the tokens that start before `end`.
fn advance(tokens: &[Token], from: usize, end: usize) -> usize {
    let mut j = from;
    while j < tokens.len() && tokens[j].span.start < end {
        j += 1;
    }
    j.max(from + 1)
}

/// True when the text after a name is a genitive: `'s`, a bare `'` after a final s
/// (`Cetus'`), or an `s` glued to the name (`Microsofts`).
fn is_genitive(before: &str, after: &str) -> bool {
    let boundary = |s: &str| !s.starts_with(|c: char| c.is_alphanumeric());
    if let Some(rest) = after.strip_prefix("'s") {
        return boundary(rest);
    }
    if let Some(rest) = after.strip_prefix('\'') {
        return before.ends_with(['s', 'S', 'x', 'z']) && boundary(rest);
    }
    if let Some(rest) = after.strip_prefix('s') {
        return boundary(rest) && before.ends_with(|c: char| c.is_alphabetic());
    }
    false
}
