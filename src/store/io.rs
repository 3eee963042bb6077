//! `dump` and `load`: the store as sorted N-Quads or TriG, and back.
//!
//! A dump is deterministic: the default graph first, then the document graphs in IRI
//! order, each graph's quads sorted by their N-Quads text. Ingesting the same articles
//! twice, or in another order, or in shards merged with `load`, gives byte-identical
//! dumps. Memory holds the list of graph names and one graph at a time.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::str::FromStr;

use oxigraph::io::{RdfFormat, RdfParseError, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedOrBlankNode, Quad, Term};

use super::{vocab, Result, Store, StoreError};

/// The formats of `dump` and `load`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DumpFormat {
    NQuads,
    TriG,
}

impl FromStr for DumpFormat {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s {
            "nquads" | "nq" => Ok(DumpFormat::NQuads),
            "trig" => Ok(DumpFormat::TriG),
            other => Err(format!("unknown format {other:?} (expected nquads or trig)")),
        }
    }
}

impl DumpFormat {
    /// The format a file name implies (`.nq`, `.nquads`, `.trig`, also `.gz`).
    pub fn from_path(path: &Path) -> Option<DumpFormat> {
        let name = path.file_name()?.to_string_lossy().to_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        if name.ends_with(".nq") || name.ends_with(".nquads") {
            Some(DumpFormat::NQuads)
        } else if name.ends_with(".trig") {
            Some(DumpFormat::TriG)
        } else {
            None
        }
    }

    fn rdf_format(self) -> RdfFormat {
        match self {
            DumpFormat::NQuads => RdfFormat::NQuads,
            DumpFormat::TriG => RdfFormat::TriG,
        }
    }
}

/// What `load` did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadSummary {
    pub quads: usize,
    /// Document graphs in the file.
    pub documents: usize,
    /// Of those, documents the store already had (their old graph was replaced).
    pub replaced: usize,
}

fn nquads_line(quad: &Quad) -> String {
    quad.to_string()
}

impl Store {
    /// Names of the named graphs, sorted.
    fn sorted_graphs(&self) -> Result<Vec<NamedOrBlankNode>> {
        let mut graphs = Vec::new();
        for graph in self.inner.named_graphs() {
            graphs.push(graph.map_err(|e| self.err(e))?);
        }
        graphs.sort_by_cached_key(|g| g.to_string());
        Ok(graphs)
    }

    fn sorted_quads_of(&self, graph: GraphNameRef<'_>) -> Result<Vec<Quad>> {
        let mut quads = Vec::new();
        for quad in self.inner.quads_for_pattern(None, None, None, Some(graph)) {
            quads.push(quad.map_err(|e| self.err(e))?);
        }
        quads.sort_by_cached_key(nquads_line);
        Ok(quads)
    }

    /// Writes the whole store, sorted (see the module docs). Returns the number of quads.
    pub fn dump(&self, format: DumpFormat, out: &mut dyn Write) -> Result<usize> {
        let io_err = |e: std::io::Error| StoreError::Io { path: "output".into(), source: e };
        let mut n = 0;
        let graphs = self.sorted_graphs()?;
        match format {
            DumpFormat::NQuads => {
                let mut write_graph = |quads: Vec<Quad>, out: &mut dyn Write| -> Result<()> {
                    for quad in quads {
                        writeln!(out, "{} .", nquads_line(&quad)).map_err(io_err)?;
                        n += 1;
                    }
                    Ok(())
                };
                write_graph(self.sorted_quads_of(GraphNameRef::DefaultGraph)?, out)?;
                for graph in &graphs {
                    write_graph(self.sorted_quads_of(graph.as_ref().into())?, out)?;
                }
            }
            DumpFormat::TriG => {
                let mut serializer = RdfSerializer::from_format(RdfFormat::TriG);
                for (prefix, iri) in vocab::serializer_prefixes() {
                    serializer = serializer.clone().with_prefix(*prefix, *iri).unwrap_or(serializer);
                }
                let mut writer = serializer.for_writer(&mut *out);
                for quad in self.sorted_quads_of(GraphNameRef::DefaultGraph)? {
                    writer.serialize_quad(&quad).map_err(io_err)?;
                    n += 1;
                }
                for graph in &graphs {
                    for quad in self.sorted_quads_of(graph.as_ref().into())? {
                        writer.serialize_quad(&quad).map_err(io_err)?;
                        n += 1;
                    }
                }
                writer.finish().map_err(io_err)?;
            }
        }
        Ok(n)
    }

    /// Loads a dump (N-Quads or TriG, optionally gzipped; `-` reads standard input).
    ///
    /// The file is read twice: first to check it (syntax, model version) and list its
    /// document graphs, then to load it. Documents the store already has are replaced
    /// (their old graphs dropped in one transaction before the load), so loading a dump
    /// twice, or loading shards' dumps that overlap, changes nothing. The quads go in
    /// through the bulk loader, whose commit is atomic: a failed load leaves the store
    /// without the new documents, and loading again finishes the job.
    pub fn load(&self, path: &Path, format: Option<DumpFormat>) -> Result<LoadSummary> {
        self.require_writable()?;
        let shown = path.display().to_string();
        let format = format.or_else(|| DumpFormat::from_path(path)).ok_or_else(|| {
            StoreError::Usage(format!("{shown}: cannot tell the format from the name; use --format nquads or --format trig"))
        })?;
        let stdin_copy: Option<Vec<u8>> = if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| StoreError::Io { path: path.into(), source: e })?;
            Some(bytes)
        } else {
            None
        };
        let open = || -> Result<Box<dyn BufRead>> {
            let raw: Box<dyn Read> = match &stdin_copy {
                Some(bytes) => Box::new(std::io::Cursor::new(bytes.clone())),
                None => Box::new(std::fs::File::open(path).map_err(|e| StoreError::Io { path: path.into(), source: e })?),
            };
            let gz = path.to_string_lossy().to_lowercase().ends_with(".gz");
            Ok(if gz { Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(raw))) } else { Box::new(BufReader::new(raw)) })
        };
        let parse_error = |e: RdfParseError| StoreError::Parse { file: shown.clone(), message: e.to_string() };

        // Pass 1: check, and list the graphs.
        let version_node = NamedNode::new_unchecked(vocab::STORE_NODE);
        let version_property = NamedNode::new_unchecked(vocab::dg("modelVersion"));
        let mut graphs: BTreeMap<String, NamedOrBlankNode> = BTreeMap::new();
        let mut version: Option<String> = None;
        let mut n_quads = 0;
        for quad in RdfParser::from_format(format.rdf_format()).for_reader(open()?) {
            let quad = quad.map_err(parse_error)?;
            n_quads += 1;
            match &quad.graph_name {
                GraphName::NamedNode(n) => {
                    if !graphs.contains_key(n.as_str()) {
                        graphs.insert(n.as_str().to_string(), n.clone().into());
                    }
                }
                GraphName::BlankNode(b) => {
                    graphs.insert(b.to_string(), b.clone().into());
                }
                GraphName::DefaultGraph => {
                    let is_version = matches!(&quad.subject, NamedOrBlankNode::NamedNode(n) if *n == version_node);
                    if is_version && quad.predicate == version_property {
                        version = Some(match &quad.object {
                            Term::Literal(l) => l.value().to_string(),
                            other => other.to_string(),
                        });
                    }
                }
            }
        }
        match version {
            Some(v) if v == vocab::MODEL_VERSION.to_string() || vocab::UPGRADABLE_VERSIONS.contains(&v.as_str()) => {}
            Some(found) => return Err(StoreError::Version { path: path.into(), found, expected: vocab::MODEL_VERSION }),
            None if n_quads == 0 => return Ok(LoadSummary::default()),
            None => {
                return Err(StoreError::Parse {
                    file: shown,
                    message: format!("not a dealgraph dump: no model version (<{}> <{}>)", vocab::STORE_NODE, vocab::dg("modelVersion")),
                })
            }
        }

        // The summary is recomputed from all documents after the load.
        self.summarise_everything()?;
        // Replace the documents the store already has.
        let mut replaced = 0;
        let mut tx = self.inner.start_transaction().map_err(|e| self.err(e))?;
        for graph in graphs.values() {
            if tx.contains_named_graph(graph.as_ref()).map_err(|e| self.err(e))? {
                tx.remove_named_graph(graph.as_ref()).map_err(|e| self.err(e))?;
                replaced += 1;
            }
        }
        if replaced > 0 {
            tx.commit().map_err(|e| self.err(e))?;
        } else {
            drop(tx);
        }

        // Pass 2: load.
        let mut loader = self.inner.bulk_loader().with_max_memory_size_in_megabytes(1024);
        // The dump's model version is checked above and the store has its own; its summary
        // graph is derived from the documents and recomputed after the load.
        let summary_graph = NamedNode::new_unchecked(vocab::SUMMARY_GRAPH);
        let quads = RdfParser::from_format(format.rdf_format()).for_reader(open()?).filter(|quad| match quad {
            Ok(q) => match &q.graph_name {
                GraphName::NamedNode(g) => *g != summary_graph,
                // The store's own version and summary flag, not the dump's.
                GraphName::DefaultGraph => {
                    !((q.predicate == version_property || q.predicate.as_str() == vocab::dg("summaryPending"))
                        && matches!(&q.subject, NamedOrBlankNode::NamedNode(n) if *n == version_node))
                }
                GraphName::BlankNode(_) => true,
            },
            Err(_) => true,
        });
        let loaded: std::result::Result<(), LoadError> = loader.load_ok_quads(quads);
        loaded.map_err(|e| match e {
                LoadError::Parse(e) => parse_error(e),
                LoadError::Storage(e) => self.err(e),
            })?;
        loader.commit().map_err(|e| self.err(e))?;
        self.refresh_summary()?;
        let documents = graphs.keys().filter(|g| g.as_str() != vocab::SUMMARY_GRAPH).count();
        Ok(LoadSummary { quads: n_quads, documents, replaced })
    }
}

/// The error of the load pass (parse or storage).
enum LoadError {
    Parse(RdfParseError),
    Storage(oxigraph::store::StorageError),
}

impl From<RdfParseError> for LoadError {
    fn from(e: RdfParseError) -> Self {
        LoadError::Parse(e)
    }
}

impl From<oxigraph::store::StorageError> for LoadError {
    fn from(e: oxigraph::store::StorageError) -> Self {
        LoadError::Storage(e)
    }
}
