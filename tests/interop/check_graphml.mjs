// Reads a dealgraph GraphML export with graphology + graphology-graphml and checks the
// node and edge counts and attribute types (confidence number, n_sources and degree
// integers, labels strings without control characters).
// Usage: node check_graphml.mjs FILE N_NODES N_EDGES
import fs from 'node:fs';
import { load } from './modules.mjs';

const Graph = load('graphology');
const { parse } = load('graphology-graphml');

const [file, n, m] = process.argv.slice(2);
if (!file || n === undefined || m === undefined) {
  console.error('usage: node check_graphml.mjs FILE N_NODES N_EDGES');
  process.exit(2);
}
const failures = [];
const check = (cond, what) => { if (!cond) failures.push(what); };
const clean = (s) => typeof s === 'string' && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s);

const graph = parse(Graph, fs.readFileSync(file, 'utf8'));
check(graph.order === Number(n), `graphology: ${graph.order} nodes, expected ${n}`);
check(graph.size === Number(m), `graphology: ${graph.size} edges, expected ${m}`);
graph.forEachNode((id, a) => {
  check(clean(a.label), `node ${id}: label ${JSON.stringify(a.label)}`);
  check(Number.isInteger(a.degree), `node ${id}: degree ${a.degree} is not an integer`);
  check(a.degree === graph.degree(id), `node ${id}: degree ${a.degree} != ${graph.degree(id)}`);
  check(typeof a.type === 'string', `node ${id}: type ${a.type}`);
});
graph.forEachEdge((id, a) => {
  check(typeof a.relation === 'string', `edge ${id}: relation ${a.relation}`);
  check(typeof a.confidence === 'number' && a.confidence >= 0 && a.confidence <= 1, `edge ${id}: confidence ${a.confidence}`);
  check(Number.isInteger(a.n_sources), `edge ${id}: n_sources ${a.n_sources} is not an integer`);
  if ('directed' in a) check(typeof a.directed === 'boolean', `edge ${id}: directed ${a.directed} is not boolean`);
  if ('evidence' in a) check(clean(a.evidence), `edge ${id}: evidence has control characters`);
});
console.log(`graphology ${graph.type}: ${graph.order} nodes, ${graph.size} edges`);
for (const f of failures) console.error(`  ${f}`);
process.exit(failures.length ? 1 : 0);
