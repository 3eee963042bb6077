//! Store benchmark on synthetic extraction results (no text extraction involved):
//!
//! 1. bulk ingest of N documents into a fresh store: triples/s;
//! 2. transactional ingest into the existing store (the same documents replaced, then
//!    new ones): triples/s;
//! 3. bytes on disk per triple;
//! 4. latency of every ready-made question (median and worst of several runs).
//!
//! `cargo run --release --example bench_store -- [TRIPLES] [DIR]` (default 1,200,000
//! triples in a temporary directory). The figures are printed, not checked; the run
//! checks its own result (the store holds the triples it was given).

#[cfg(not(feature = "store"))]
fn main() {
    eprintln!("bench_store needs the store feature");
}

#[cfg(feature = "store")]
fn main() {
    if let Err(e) = bench::run() {
        eprintln!("bench_store: {e}");
        std::process::exit(1);
    }
}

#[cfg(feature = "store")]
mod bench {
    use std::time::Instant;

    use dealgraph::model::{Amount, EntityKind, EntitySource, RelationType, Status};
    use dealgraph::output::{DocOutput, EntityOutput, RelationOutput, SpanOutput};
    use dealgraph::store::{questions, Batch, DocumentMeta, Params, QueryOutcome, Store};

    /// A small deterministic generator (xorshift), so runs are comparable.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    const SYLLABLES: &[&str] = &["ac", "me", "glo", "bex", "ini", "tech", "hoo", "li", "um", "brel", "la", "vex", "tor", "nova", "quin", "zar"];

    fn name(i: usize) -> String {
        let mut n = i;
        let mut s = String::new();
        loop {
            s.push_str(SYLLABLES[n % SYLLABLES.len()]);
            n /= SYLLABLES.len();
            if n == 0 {
                break;
            }
        }
        let mut c = s.chars();
        c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
    }

    fn document(rng: &mut Rng, index: usize, n_orgs: usize, n_people: usize, salt: &str) -> (DocOutput, DocumentMeta) {
        let mut entities = Vec::new();
        let mut ids = Vec::new();
        for _ in 0..6 {
            // Skewed: a few companies appear very often.
            let k = if rng.below(4) == 0 { rng.below(50) } else { rng.below(n_orgs) };
            let label = format!("{} Corp", name(k));
            let id = format!("org-{k}");
            if ids.contains(&id) {
                continue;
            }
            ids.push(id.clone());
            entities.push(EntityOutput {
                id,
                kind: EntityKind::Organization,
                label: label.clone(),
                wikidata: (k % 3 == 0).then(|| format!("Q{}", 1000 + k)),
                source: EntitySource::Gazetteer,
                confidence: 1.0,
                mentions: vec![SpanOutput { start: 0, end: 4, text: label }, SpanOutput { start: 10, end: 14, text: name(k) }],
            });
        }
        let p = rng.below(n_people);
        entities.push(EntityOutput {
            id: format!("person-{p}"),
            kind: EntityKind::Person,
            label: format!("{} {}", name(p + 7), name(p + 3)),
            wikidata: None,
            source: EntitySource::Gazetteer,
            confidence: 1.0,
            mentions: vec![SpanOutput { start: 20, end: 30, text: name(p + 3) }],
        });
        let orgs = ids.len();
        let mut relations = Vec::new();
        for r in 0..5 {
            let s = rng.below(orgs);
            let mut o = rng.below(orgs);
            if o == s {
                o = (s + 1) % orgs;
            }
            if s == o {
                continue;
            }
            let kind = [RelationType::Acquisition, RelationType::Acquisition, RelationType::Merger, RelationType::Partnership, RelationType::Lawsuit, RelationType::Investment, RelationType::CeoOf][rng.below(7)];
            let (subject, object) = if kind == RelationType::CeoOf { (entities[orgs].id.clone(), ids[o].clone()) } else { (ids[s].clone(), ids[o].clone()) };
            let valid = Status::valid_for(kind);
            let status = if valid.is_empty() { None } else { Some(valid[rng.below(valid.len())]) };
            let evidence = format!("Sentence {r} of document {index} about {subject} and {object}, with some words to make it as long as a real one.");
            relations.push(RelationOutput {
                kind,
                subject,
                object,
                status,
                amount: (rng.below(3) == 0).then(|| Amount { text: "$10 million".into(), value: Some(1e7), currency: Some("USD".into()) }),
                date: None,
                confidence: 0.5 + rng.below(50) as f64 / 100.0,
                rule: "bench.rule".into(),
                cue: "buys".into(),
                seller: None,
                evidence: SpanOutput { start: r * 120, end: r * 120 + evidence.chars().count(), text: evidence },
                explain: None,
            });
        }
        let date = format!("{}-{:02}-{:02}", 2000 + rng.below(25), 1 + rng.below(12), 1 + rng.below(28));
        let doc = format!("{salt}-{index:07}");
        let meta = DocumentMeta { input_hash: format!("{:016x}", rng.next()), text_hash: format!("{:016x}", rng.next()), extractor: "bench".into() };
        (DocOutput { doc, lang: "en".into(), date: Some(date), source: None, entities, relations }, meta)
    }

    fn ingest(store: &Store, docs: &[(DocOutput, DocumentMeta)], transactional: bool) -> Result<(usize, f64), String> {
        let mut batch = Batch::new();
        let (mut quads, mut secs) = (0, 0.0);
        let mut flush = |batch: &mut Batch| -> Result<(), String> {
            let summary = if transactional { store.commit_transactional(batch) } else { store.commit(batch) }.map_err(|e| e.to_string())?;
            quads += summary.quads;
            secs += summary.seconds;
            Ok(())
        };
        for (output, meta) in docs {
            batch.add(output, meta);
            if batch.is_full() || (transactional && batch.n_quads() >= 50_000) {
                flush(&mut batch)?;
            }
        }
        if !batch.is_empty() {
            flush(&mut batch)?;
        }
        Ok((quads, secs))
    }

    pub fn run() -> Result<(), String> {
        let args: Vec<String> = std::env::args().collect();
        let target: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1_200_000);
        let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
        let dir = args.get(2).map(std::path::PathBuf::from).unwrap_or_else(|| tmp.path().to_path_buf());
        let path = dir.join("bench-store");
        let _ = std::fs::remove_dir_all(&path);
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let (n_orgs, n_people) = (20_000, 5_000);
        // Generate until the target number of quads.
        let mut docs = Vec::new();
        let mut quads = 0;
        while quads < target {
            let d = document(&mut rng, docs.len(), n_orgs, n_people, "doc");
            let mut probe = Batch::new();
            probe.add(&d.0, &d.1);
            quads += probe.n_quads();
            docs.push(d);
        }
        println!("generated {} documents, {} quads", docs.len(), quads);

        let store = Store::open_or_create(&path).map_err(|e| e.to_string())?;
        let (n, secs) = ingest(&store, &docs, false)?;
        println!("bulk ingest into a fresh store:          {:>9.0} triples/s ({n} triples, {secs:.2} s)", n as f64 / secs);
        let total = store.len().map_err(|e| e.to_string())?;
        if total != quads + 1 {
            return Err(format!("the store holds {total} quads, expected {}", quads + 1));
        }
        store.optimize().map_err(|e| e.to_string())?;
        println!("bytes on disk per triple (after compaction): {:.1} ({} bytes)", store.disk_bytes() as f64 / total as f64, store.disk_bytes());

        let replace: Vec<_> = docs.iter().take(docs.len() / 10).map(|(o, m)| (o.clone(), DocumentMeta { input_hash: "changed".into(), ..m.clone() })).collect();
        let (n, secs) = ingest(&store, &replace, true)?;
        println!("transactional, replacing documents:       {:>9.0} triples/s ({n} triples, {secs:.2} s)", n as f64 / secs);
        let fresh: Vec<_> = (0..docs.len() / 10).map(|i| document(&mut rng, i, n_orgs, n_people, "more")).collect();
        let (n, secs) = ingest(&store, &fresh, true)?;
        println!("transactional, new documents:             {:>9.0} triples/s ({n} triples, {secs:.2} s)", n as f64 / secs);
        let more: Vec<_> = (0..docs.len() / 10).map(|i| document(&mut rng, i, n_orgs, n_people, "bulk")).collect();
        let (n, secs) = ingest(&store, &more, false)?;
        println!("bulk, new documents into existing store:  {:>9.0} triples/s ({n} triples, {secs:.2} s)", n as f64 / secs);
        let total = store.len().map_err(|e| e.to_string())?;
        println!("store now: {total} quads");

        let busiest = name(0);
        for question in questions::all() {
            let mut params = Params::default();
            for spec in question.parameters.iter().filter(|p| p.required) {
                params.set(&spec.name, &busiest).map_err(|e| e.to_string())?;
            }
            let mut times = Vec::new();
            let mut rows = 0;
            for _ in 0..6 {
                let started = Instant::now();
                let outcome = store.query_question(&question, &params).map_err(|e| format!("{}: {e}", question.name))?;
                times.push(started.elapsed().as_secs_f64() * 1e3);
                if let QueryOutcome::Solutions { rows: r, .. } = outcome {
                    rows = r.len();
                }
            }
            times.remove(0); // warm-up
            times.sort_by(f64::total_cmp);
            println!(
                "question {:<24} median {:>7.1} ms, worst {:>7.1} ms ({rows} rows)",
                question.name,
                times[times.len() / 2],
                times.last().copied().unwrap_or(0.0)
            );
        }
        Ok(())
    }
}
