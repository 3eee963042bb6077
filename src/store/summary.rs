//! The summary graph: per deal or role, which statement is current, which is the latest
//! one with an amount, and how many distinct texts state it.
//!
//! Why it exists: every global question ("who tried to buy whom", "acquisitions", "most
//! active acquirers") needs each deal's *current* statement (the greatest sort key) and
//! its number of sources. Computed inside SPARQL these are grouped subqueries over every
//! statement of the store, evaluated on each question: 1–2 s at a million triples. Here
//! they are computed once, after each write (`ingest`, `forget`, `load`), by scanning a
//! handful of properties, and kept in one named graph ([`vocab::SUMMARY_GRAPH`]):
//!
//! ```text
//! GRAPH <…/id/summary> {
//!   deal dg:kind "acquisition" ;            # the relation type
//!        dg:currentStatement stmt ;          # the statement with the greatest dg:sortKey
//!        dg:currentDocument doc ;            # the graph that statement lives in
//!        dg:currentStatus "pursuing" ;       # its status, when the type has one
//!        dg:currentDate "2024-05-01" ;       # that document's date, when it has one
//!        dg:pricedStatement stmt2 ;          # the latest statement giving an amount
//!        dg:pricedAmount "$1.2 billion" ;    # its dg:amountText, and (when given)
//!        dg:pricedValue 1200000000 ; dg:pricedCurrency "USD" ;  # its value and currency
//!        dg:sourceCount 3 ;                  # distinct dg:textHash of the graphs stating it
//!        dg:involves party1, party2 .        # both sides, whatever their role
//!   entity dg:nameKey "acme-corp" ;         # every search key any document gives it
//!          dg:searchText "acme acme-corp" ;  # all of them in one literal
//!          dg:searchToken "ac", "acme", "co", "corp" .  # word prefixes (see below)
//! }
//! ```
//!
//! The last two let a question about one company go key → entity → its deals → their
//! current statements by bound lookups alone; without them it needed `SELECT DISTINCT`
//! subqueries, which Oxigraph evaluates on their own and joins afterwards (a scan of
//! every statement: 1 s at a million triples, 14 s for a company with 400 deals).
//!
//! The search tokens make the `entities` question a bound lookup: for every word of every
//! key (keys are slugs, words separated by `-`), its prefixes of [`TOKEN_LENGTHS`]
//! characters (2, 4 and 8), and a word shorter than the shortest length as it is. The
//! question takes its text's first word, cuts it to the longest of these lengths it
//! reaches, looks that token up, and checks the few entities found against the full text
//! in `dg:searchText` (a word-prefix match). Sparse lengths instead of every prefix keep
//! the index at about one triple per word and length (every prefix of 2 characters or
//! more would be 2.4 times as many); the price is a check of the candidates that share
//! the token, never more than a prefix at least half as long as the word searched.
//!
//! Invariants: the summary is derived, never a source of truth. It is a pure function
//! of the document graphs (so shards, re-ingests in any order, and dump + load give the
//! same bytes), and `load` ignores summary quads in a dump (they are recomputed).
//!
//! Keeping it current: every write notes the deals and entities of the graphs it adds,
//! replaces or drops ([`Store::note_changes`]); [`Store::refresh_summary`], called once
//! at the end of `ingest`, `forget` and `load`, recomputes those subjects alone (bound
//! lookups, milliseconds for a typical batch) and writes the difference. Before the first
//! write a flag (`dg:summaryPending` on the store node) is stored, and the refresh removes
//! it; a store opened with the flag still there (a write was killed before its refresh)
//! gets a full recomputation at the end of its next write, so nothing stays stale.

use std::collections::{HashMap, HashSet};
use std::sync::PoisonError;

use oxigraph::model::{GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};

use super::{vocab, Result, Store};

/// What a refresh changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SummaryRefresh {
    /// Deals and roles recomputed (all of them on a full refresh).
    pub deals: usize,
    /// Whether everything was recomputed (after a load, an upgrade or an interrupted write).
    pub full: bool,
    pub added: usize,
    pub removed: usize,
}

/// Additions above this go through the bulk loader (fast, atomic on its own) instead of
/// the transaction (the transactional path writes ~15,000 quads/s here).
const BULK_ADDITIONS: usize = 20_000;

/// The subjects whose summary the writes since the last refresh may have changed.
#[derive(Debug, Default)]
pub(crate) struct Pending {
    deals: HashSet<NamedNode>,
    entities: HashSet<NamedNode>,
    /// Recompute everything (load, upgrade, a flag left by an interrupted write).
    full: bool,
    /// The `dg:summaryPending` flag is in the store.
    flagged: bool,
}

/// One statement's values needed for the summary.
#[derive(Default)]
struct StatementFacts {
    key: Option<String>,
    status: Option<String>,
    /// `dg:amountText`, `dg:amountValue`, `dg:amountCurrency`, when the statement gives an amount.
    amount: Option<Term>,
    value: Option<Term>,
    currency: Option<Term>,
}

/// What a document graph gives every statement in it: its text hash and its date.
#[derive(Default, Clone)]
struct GraphFacts {
    text: Option<String>,
    date: Option<String>,
}

/// The amount of the latest priced statement.
#[derive(Clone)]
struct Priced {
    key: String,
    statement: NamedNode,
    amount: Term,
    value: Option<Term>,
    currency: Option<Term>,
}

/// The per-deal result.
#[derive(Default)]
struct DealFacts {
    kind: Option<String>,
    /// (sort key, statement, graph) of the current statement.
    current: Option<(String, NamedNode, NamedNode)>,
    current_status: Option<String>,
    current_date: Option<String>,
    priced: Option<Priced>,
    texts: HashSet<String>,
    parties: HashSet<NamedNode>,
}

impl DealFacts {
    fn set_kind(&mut self, kind: &str) {
        // Every document writes the same type for a deal IRI; keep the least if not.
        if self.kind.as_deref().is_none_or(|k| kind < k) {
            self.kind = Some(kind.to_string());
        }
    }

    /// Takes one statement into account: the greatest sort key is current (equal keys,
    /// never written by one dealgraph, by statement IRI).
    fn add_statement(&mut self, statement: &NamedNode, graph: &NamedNode, facts: &StatementFacts, in_graph: Option<&GraphFacts>) {
        let Some(key) = facts.key.as_deref() else { return };
        if let Some(text) = in_graph.and_then(|g| g.text.as_ref()) {
            self.texts.insert(text.clone());
        }
        let newer = match &self.current {
            None => true,
            Some((k, s, _)) => (key, statement.as_str()) > (k.as_str(), s.as_str()),
        };
        if newer {
            self.current = Some((key.to_string(), statement.clone(), graph.clone()));
            self.current_status = facts.status.clone();
            self.current_date = in_graph.and_then(|g| g.date.clone());
        }
        if let Some(amount) = &facts.amount {
            let newer_priced = match &self.priced {
                None => true,
                Some(p) => (key, statement.as_str()) > (p.key.as_str(), p.statement.as_str()),
            };
            if newer_priced {
                self.priced = Some(Priced {
                    key: key.to_string(),
                    statement: statement.clone(),
                    amount: amount.clone(),
                    value: facts.value.clone(),
                    currency: facts.currency.clone(),
                });
            }
        }
    }
}

fn named(term: &NamedOrBlankNode) -> Option<&NamedNode> {
    match term {
        NamedOrBlankNode::NamedNode(n) => Some(n),
        _ => None,
    }
}

fn literal_text(term: &Term) -> Option<&str> {
    match term {
        Term::Literal(l) => Some(l.value()),
        _ => None,
    }
}

/// The document graph a quad is in (None for the default graph and the summary itself).
fn document_graph(graph: &GraphName) -> Option<&NamedNode> {
    match graph {
        GraphName::NamedNode(n) if n.as_str() != vocab::SUMMARY_GRAPH => Some(n),
        _ => None,
    }
}

fn dg_node(local: &str) -> NamedNode {
    NamedNode::new_unchecked(vocab::dg(local))
}

fn summary_graph() -> NamedNode {
    NamedNode::new_unchecked(vocab::SUMMARY_GRAPH)
}

/// The properties naming the two sides of every relation type, sorted.
fn side_properties() -> Vec<&'static str> {
    let mut sides: Vec<&'static str> = crate::model::RelationType::ALL.iter().flat_map(|k| <[&str; 2]>::from(k.role_names())).collect();
    sides.sort_unstable();
    sides.dedup();
    sides
}

/// The summary quads of one deal; none for a deal without a dated statement (which
/// dealgraph never writes).
fn deal_quads(deal: &NamedNode, facts: DealFacts, out: &mut Vec<Quad>) -> bool {
    let (Some(kind), Some((_, statement, graph))) = (facts.kind, facts.current) else { return false };
    let summary = GraphName::NamedNode(summary_graph());
    let mut add = |p: &str, o: Term| out.push(Quad::new(deal.clone(), dg_node(p), o, summary.clone()));
    add("kind", Literal::new_simple_literal(kind).into());
    add("currentStatement", statement.into());
    add("currentDocument", graph.into());
    if let Some(status) = facts.current_status {
        add("currentStatus", Literal::new_simple_literal(status).into());
    }
    if let Some(date) = facts.current_date {
        add("currentDate", Literal::new_simple_literal(date).into());
    }
    if let Some(priced) = facts.priced {
        add("pricedStatement", priced.statement.into());
        add("pricedAmount", priced.amount);
        if let Some(value) = priced.value {
            add("pricedValue", value);
        }
        if let Some(currency) = priced.currency {
            add("pricedCurrency", currency);
        }
    }
    let integer = NamedNodeRef::new_unchecked("http://www.w3.org/2001/XMLSchema#integer");
    add("sourceCount", Literal::new_typed_literal(facts.texts.len().to_string(), integer).into());
    for party in facts.parties {
        add("involves", party.into());
    }
    true
}

/// The prefix lengths (in characters) of the search tokens; `queries/entities.rq` picks
/// the longest one its text's first word reaches, and must be changed with it.
pub const TOKEN_LENGTHS: [usize; 3] = [2, 4, 8];

/// The search tokens of a set of keys: for each word (keys are slugs: words joined by
/// `-`), its prefixes of [`TOKEN_LENGTHS`] characters, and the word itself when it is
/// shorter than the shortest of them.
pub fn search_tokens<'a>(keys: impl IntoIterator<Item = &'a str>) -> std::collections::BTreeSet<String> {
    let mut tokens = std::collections::BTreeSet::new();
    for word in keys.into_iter().flat_map(|key| key.split('-')).filter(|w| !w.is_empty()) {
        let chars = word.chars().count();
        if chars < TOKEN_LENGTHS[0] {
            tokens.insert(word.to_string());
        }
        for &length in TOKEN_LENGTHS.iter().filter(|&&l| l <= chars) {
            tokens.insert(word.chars().take(length).collect());
        }
    }
    tokens
}

/// An entity's search keys: one `dg:nameKey` each (for exact lookups), all of them in one
/// `dg:searchText`, sorted and separated by spaces (keys never contain one), and the
/// `dg:searchToken`s of their words (see the module docs).
fn key_quads(entity: &NamedNode, keys: std::collections::BTreeSet<String>, out: &mut Vec<Quad>) {
    if keys.is_empty() {
        return;
    }
    let text = keys.iter().map(String::as_str).collect::<Vec<_>>().join(" ");
    out.push(Quad::new(entity.clone(), dg_node("searchText"), Literal::new_simple_literal(text), summary_graph()));
    for token in search_tokens(keys.iter().map(String::as_str)) {
        out.push(Quad::new(entity.clone(), dg_node("searchToken"), Literal::new_simple_literal(token), summary_graph()));
    }
    for key in keys {
        out.push(Quad::new(entity.clone(), dg_node("nameKey"), Literal::new_simple_literal(key), summary_graph()));
    }
}

impl Store {
    fn pending(&self) -> std::sync::MutexGuard<'_, Pending> {
        // The set is only ever extended; a panic elsewhere cannot leave it inconsistent.
        self.pending.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn flag_quad() -> Quad {
        Quad::new(
            NamedNode::new_unchecked(vocab::STORE_NODE),
            dg_node("summaryPending"),
            Literal::from(true),
            GraphName::DefaultGraph,
        )
    }

    /// Whether the store carries the flag of a write whose summary refresh never ran.
    pub fn summary_is_stale(&self) -> Result<bool> {
        self.inner.contains(&Self::flag_quad()).map_err(|e| self.err(e))
    }

    /// Called when a writable store is opened: a flag left by a killed write asks for a
    /// full recomputation at the end of the next write.
    pub(crate) fn check_summary_flag(&self) -> Result<()> {
        if self.summary_is_stale()? {
            let mut pending = self.pending();
            pending.full = true;
            pending.flagged = true;
        }
        Ok(())
    }

    /// Stores the flag before the first write of a session.
    fn raise_flag(&self, pending: &mut Pending) -> Result<()> {
        if !pending.flagged {
            self.inner.insert(&Self::flag_quad()).map_err(|e| self.err(e))?;
            pending.flagged = true;
        }
        Ok(())
    }

    /// Asks for a full recomputation at the next refresh (load, upgrade).
    pub(crate) fn summarise_everything(&self) -> Result<()> {
        let mut pending = self.pending();
        self.raise_flag(&mut pending)?;
        pending.full = true;
        Ok(())
    }

    /// Notes, before a write, the deals and entities whose summary it may change: those
    /// of the graphs' new quads and of what the store holds in those graphs now (a
    /// replaced or forgotten version). Raises the flag before anything is written.
    pub(crate) fn note_changes<'a>(&self, graphs: impl IntoIterator<Item = (&'a NamedNode, &'a [Quad])>) -> Result<()> {
        let relation_type = dg_node("relationType");
        let name_key = dg_node("nameKey");
        let mut deals = Vec::new();
        let mut entities = Vec::new();
        for (graph, quads) in graphs {
            for quad in quads {
                if let Some(subject) = named(&quad.subject) {
                    if quad.predicate == relation_type {
                        deals.push(subject.clone());
                    } else if quad.predicate == name_key {
                        entities.push(subject.clone());
                    }
                }
            }
            let in_graph = Some(GraphNameRef::NamedNode(graph.as_ref()));
            for (property, into) in [(&relation_type, &mut deals), (&name_key, &mut entities)] {
                for quad in self.inner.quads_for_pattern(None, Some(property.as_ref()), None, in_graph) {
                    let quad = quad.map_err(|e| self.err(e))?;
                    if let Some(subject) = named(&quad.subject) {
                        into.push(subject.clone());
                    }
                }
            }
        }
        let mut pending = self.pending();
        if deals.is_empty() && entities.is_empty() {
            return Ok(());
        }
        self.raise_flag(&mut pending)?;
        pending.deals.extend(deals);
        pending.entities.extend(entities);
        Ok(())
    }

    /// All quads of one property, in any graph.
    fn quads_of(&self, property: &str) -> Result<Vec<Quad>> {
        let property = dg_node(property);
        self.inner
            .quads_for_pattern(None, Some(property.as_ref()), None, None)
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| self.err(e))
    }

    /// The whole summary the document graphs call for, by scanning nine properties.
    fn wanted_summary(&self) -> Result<(Vec<Quad>, usize)> {
        let mut statements: HashMap<NamedNode, StatementFacts> = HashMap::new();
        for quad in self.quads_of("sortKey")? {
            if let (Some(s), Some(key)) = (named(&quad.subject), literal_text(&quad.object)) {
                statements.entry(s.clone()).or_default().key = Some(key.to_string());
            }
        }
        for quad in self.quads_of("status")? {
            if let (Some(s), Some(status)) = (named(&quad.subject), literal_text(&quad.object)) {
                statements.entry(s.clone()).or_default().status = Some(status.to_string());
            }
        }
        for (property, field) in [("amountText", 0), ("amountValue", 1), ("amountCurrency", 2)] {
            for quad in self.quads_of(property)? {
                if let (Some(s), Some(_)) = (named(&quad.subject), document_graph(&quad.graph_name)) {
                    let facts = statements.entry(s.clone()).or_default();
                    *[&mut facts.amount, &mut facts.value, &mut facts.currency][field] = Some(quad.object);
                }
            }
        }
        let mut graph_facts: HashMap<NamedNode, GraphFacts> = HashMap::new();
        for quad in self.quads_of("textHash")? {
            if let (Some(g), Some(hash)) = (document_graph(&quad.graph_name), literal_text(&quad.object)) {
                graph_facts.entry(g.clone()).or_default().text = Some(hash.to_string());
            }
        }
        for quad in self.quads_of("date")? {
            // The document's own date (`doc dg:date`), not any other dated subject.
            if let (Some(g), Some(date)) = (document_graph(&quad.graph_name), literal_text(&quad.object)) {
                if named(&quad.subject) == Some(g) {
                    graph_facts.entry(g.clone()).or_default().date = Some(date.to_string());
                }
            }
        }
        let mut deals: HashMap<NamedNode, DealFacts> = HashMap::new();
        for side in side_properties() {
            for quad in self.quads_of(side)? {
                if let (Some(deal), Term::NamedNode(party), Some(_)) = (named(&quad.subject), &quad.object, document_graph(&quad.graph_name)) {
                    deals.entry(deal.clone()).or_default().parties.insert(party.clone());
                }
            }
        }
        for quad in self.quads_of("relationType")? {
            if let (Some(deal), Some(kind), Some(_)) = (named(&quad.subject), literal_text(&quad.object), document_graph(&quad.graph_name)) {
                deals.entry(deal.clone()).or_default().set_kind(kind);
            }
        }
        for quad in self.quads_of("about")? {
            let (Some(statement), Term::NamedNode(deal), Some(graph)) = (named(&quad.subject), &quad.object, document_graph(&quad.graph_name))
            else {
                continue;
            };
            let Some(facts) = statements.get(statement) else { continue };
            deals.entry(deal.clone()).or_default().add_statement(statement, graph, facts, graph_facts.get(graph));
        }
        let mut quads = Vec::new();
        let mut n_deals = 0;
        for (deal, facts) in deals {
            n_deals += usize::from(deal_quads(&deal, facts, &mut quads));
        }
        let mut keys: HashMap<NamedNode, std::collections::BTreeSet<String>> = HashMap::new();
        for quad in self.quads_of("nameKey")? {
            // Only the documents' keys: the summary's own would keep a forgotten key alive.
            if let (Some(entity), Some(key), Some(_)) = (named(&quad.subject), literal_text(&quad.object), document_graph(&quad.graph_name)) {
                keys.entry(entity.clone()).or_default().insert(key.to_string());
            }
        }
        for (entity, keys) in keys {
            key_quads(&entity, keys, &mut quads);
        }
        Ok((quads, n_deals))
    }

    /// The first literal of `subject property ?o` in `graph` (any graph when None).
    fn literal_of_in(&self, subject: &NamedNode, property: &NamedNode, graph: Option<&NamedNode>) -> Result<Option<String>> {
        Ok(self.term_of_in(subject, property, graph)?.and_then(|t| literal_text(&t).map(str::to_string)))
    }

    /// The first literal object of `subject property ?o` in `graph` (any graph when None).
    fn term_of_in(&self, subject: &NamedNode, property: &NamedNode, graph: Option<&NamedNode>) -> Result<Option<Term>> {
        let graph = graph.map(|g| GraphNameRef::NamedNode(g.as_ref()));
        for quad in self.inner.quads_for_pattern(Some(subject.as_ref().into()), Some(property.as_ref()), None, graph) {
            let quad = quad.map_err(|e| self.err(e))?;
            if document_graph(&quad.graph_name).is_some() && matches!(quad.object, Term::Literal(_)) {
                return Ok(Some(quad.object));
            }
        }
        Ok(None)
    }

    /// One deal's summary, by bound lookups.
    fn deal_summary(&self, deal: &NamedNode, graphs: &mut HashMap<NamedNode, GraphFacts>, out: &mut Vec<Quad>) -> Result<bool> {
        let mut facts = DealFacts::default();
        let (about, sort_key, status, relation_type) = (dg_node("about"), dg_node("sortKey"), dg_node("status"), dg_node("relationType"));
        let (amount, value, currency) = (dg_node("amountText"), dg_node("amountValue"), dg_node("amountCurrency"));
        let (text_hash, date) = (dg_node("textHash"), dg_node("date"));
        for quad in self.inner.quads_for_pattern(None, Some(about.as_ref()), Some(deal.as_ref().into()), None) {
            let quad = quad.map_err(|e| self.err(e))?;
            let (Some(statement), Some(graph)) = (named(&quad.subject), document_graph(&quad.graph_name)) else { continue };
            let amount = self.term_of_in(statement, &amount, Some(graph))?;
            let (value, currency) = match amount {
                Some(_) => (self.term_of_in(statement, &value, Some(graph))?, self.term_of_in(statement, &currency, Some(graph))?),
                None => (None, None),
            };
            let statement_facts = StatementFacts {
                key: self.literal_of_in(statement, &sort_key, Some(graph))?,
                status: self.literal_of_in(statement, &status, Some(graph))?,
                amount,
                value,
                currency,
            };
            if !graphs.contains_key(graph) {
                let facts = GraphFacts {
                    text: self.literal_of_in(graph, &text_hash, Some(graph))?,
                    date: self.literal_of_in(graph, &date, Some(graph))?,
                };
                graphs.insert(graph.clone(), facts);
            }
            facts.add_statement(statement, graph, &statement_facts, graphs.get(graph));
        }
        for quad in self.inner.quads_for_pattern(Some(deal.as_ref().into()), Some(relation_type.as_ref()), None, None) {
            let quad = quad.map_err(|e| self.err(e))?;
            if let (Some(kind), Some(_)) = (literal_text(&quad.object), document_graph(&quad.graph_name)) {
                facts.set_kind(kind);
            }
        }
        for side in side_properties() {
            let side = dg_node(side);
            for quad in self.inner.quads_for_pattern(Some(deal.as_ref().into()), Some(side.as_ref()), None, None) {
                let quad = quad.map_err(|e| self.err(e))?;
                if let (Term::NamedNode(party), Some(_)) = (&quad.object, document_graph(&quad.graph_name)) {
                    facts.parties.insert(party.clone());
                }
            }
        }
        Ok(deal_quads(deal, facts, out))
    }

    /// One entity's search keys, by bound lookups.
    fn entity_summary(&self, entity: &NamedNode, out: &mut Vec<Quad>) -> Result<()> {
        let name_key = dg_node("nameKey");
        let mut keys = std::collections::BTreeSet::new();
        for quad in self.inner.quads_for_pattern(Some(entity.as_ref().into()), Some(name_key.as_ref()), None, None) {
            let quad = quad.map_err(|e| self.err(e))?;
            if let (Some(key), Some(_)) = (literal_text(&quad.object), document_graph(&quad.graph_name)) {
                keys.insert(key.to_string());
            }
        }
        key_quads(entity, keys, out);
        Ok(())
    }

    /// Brings the summary graph up to date with the writes noted since the last refresh
    /// (all of it after a load, an upgrade or an interrupted write), writes the difference
    /// and lowers the flag. See the module docs.
    pub fn refresh_summary(&self) -> Result<SummaryRefresh> {
        self.require_writable()?;
        let mut pending = self.pending();
        let graph = summary_graph();
        let in_summary = Some(GraphNameRef::NamedNode(graph.as_ref()));
        let (wanted, present, deals) = if pending.full {
            let (wanted, deals) = self.wanted_summary()?;
            let present: HashSet<Quad> = self
                .inner
                .quads_for_pattern(None, None, None, in_summary)
                .collect::<std::result::Result<_, _>>()
                .map_err(|e| self.err(e))?;
            (wanted, present, deals)
        } else {
            let mut wanted = Vec::new();
            let mut present = HashSet::new();
            let mut graphs = HashMap::new();
            let mut deals = 0;
            let subjects: Vec<(&NamedNode, bool)> =
                pending.deals.iter().map(|d| (d, true)).chain(pending.entities.iter().map(|e| (e, false))).collect();
            for (subject, is_deal) in subjects {
                if is_deal {
                    deals += usize::from(self.deal_summary(subject, &mut graphs, &mut wanted)?);
                } else {
                    self.entity_summary(subject, &mut wanted)?;
                }
                for quad in self.inner.quads_for_pattern(Some(subject.as_ref().into()), None, None, in_summary) {
                    present.insert(quad.map_err(|e| self.err(e))?);
                }
            }
            (wanted, present, deals)
        };
        let wanted_set: HashSet<&Quad> = wanted.iter().collect();
        let removals: Vec<&Quad> = present.iter().filter(|q| !wanted_set.contains(q)).collect();
        let additions: Vec<Quad> = wanted.iter().filter(|q| !present.contains(*q)).cloned().collect();
        let refresh = SummaryRefresh { deals, full: pending.full, added: additions.len(), removed: removals.len() };
        let flag = Self::flag_quad();
        if additions.len() >= BULK_ADDITIONS {
            // Additions through the bulk loader (atomic on its own), then the removals and
            // the flag in one transaction: a kill in between leaves the flag up.
            let (threads, megabytes) = super::ingest::bulk_settings(additions.len());
            let mut loader = self.inner.bulk_loader().with_num_threads(threads).with_max_memory_size_in_megabytes(megabytes);
            loader.load_quads(additions).map_err(|e| self.err(e))?;
            loader.commit().map_err(|e| self.err(e))?;
            let mut tx = self.inner.start_transaction().map_err(|e| self.err(e))?;
            for quad in removals {
                tx.remove(quad);
            }
            tx.remove(&flag);
            tx.commit().map_err(|e| self.err(e))?;
        } else {
            let mut tx = self.inner.start_transaction().map_err(|e| self.err(e))?;
            for quad in removals {
                tx.remove(quad);
            }
            tx.extend(additions.iter());
            tx.remove(&flag);
            tx.commit().map_err(|e| self.err(e))?;
        }
        *pending = Pending::default();
        Ok(refresh)
    }

    /// Drops the summary quads of these properties (tests of the upgrade from model
    /// version 2, whose summary lacked some).
    #[cfg(test)]
    pub(crate) fn strip_summary_for_test(&self, properties: &[&str]) -> Result<usize> {
        let graph = summary_graph();
        let mut tx = self.inner.start_transaction().map_err(|e| self.err(e))?;
        let mut removed = 0;
        for property in properties {
            let property = dg_node(property);
            let quads: Vec<Quad> = tx
                .quads_for_pattern(None, Some(property.as_ref()), None, Some(GraphNameRef::NamedNode(graph.as_ref())))
                .collect::<std::result::Result<_, _>>()
                .map_err(|e| self.err(e))?;
            for quad in &quads {
                tx.remove(quad);
            }
            removed += quads.len();
        }
        tx.commit().map_err(|e| self.err(e))?;
        Ok(removed)
    }

    /// Drops the summary graph (tests of the upgrade from model version 1).
    #[cfg(test)]
    pub(crate) fn clear_summary_for_test(&self) -> Result<()> {
        let graph = summary_graph();
        self.inner.remove_named_graph(graph.as_ref()).map_err(|e| self.err(e))?;
        Ok(())
    }
}
