// Reads a dealgraph GEXF export with graphology + graphology-gexf (which, unlike
// networkx, accepts mixed directed/undirected edges) and checks counts and attribute types.
// Usage: node check_gexf.mjs FILE N_NODES N_EDGES
import fs from 'node:fs';
import { load } from './modules.mjs';

const Graph = load('graphology');
const { parse } = load('graphology-gexf');

const [file, n, m] = process.argv.slice(2);
if (!file || n === undefined || m === undefined) {
  console.error('usage: node check_gexf.mjs FILE N_NODES N_EDGES');
  process.exit(2);
}
const failures = [];
const check = (cond, what) => { if (!cond) failures.push(what); };

const graph = parse(Graph, fs.readFileSync(file, 'utf8'), { allowUndeclaredAttributes: false });
check(graph.order === Number(n), `graphology-gexf: ${graph.order} nodes, expected ${n}`);
check(graph.size === Number(m), `graphology-gexf: ${graph.size} edges, expected ${m}`);
graph.forEachNode((id, a) => {
  check(typeof a.label === 'string', `node ${id}: label ${a.label}`);
  check(Number.isInteger(a.degree), `node ${id}: degree ${a.degree} is not an integer`);
  check(typeof a.color === 'string', `node ${id}: no colour`);
});
graph.forEachEdge((id, a, s, t, sa, ta, undirected) => {
  check(typeof a.confidence === 'number', `edge ${id}: confidence ${a.confidence}`);
  check(Number.isInteger(a.n_sources), `edge ${id}: n_sources ${a.n_sources}`);
  if (undirected) check(['merger', 'partnership'].includes(a.relation), `edge ${id}: ${a.relation} is undirected`);
});
const undirected = graph.undirectedSize;
console.log(`graphology-gexf ${graph.type}: ${graph.order} nodes, ${graph.size} edges (${undirected} undirected)`);
for (const f of failures) console.error(`  ${f}`);
process.exit(failures.length ? 1 : 0);
