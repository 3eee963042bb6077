// Opens a dealgraph HTML export in headless Chromium (system `chromium`, driven by
// puppeteer-core; no browser download) and checks it as a person would use it: it loads
// without script errors and without any network request, shows the node/edge counts and
// a legend, a hover over a node or an edge shows a tooltip, the search box finds and
// selects a node (and says so when nothing matches), dragging moves a node, the wheel
// zooms. Optionally saves screenshots of those states.
// Usage: node check_html.mjs FILE N_NODES N_EDGES [SCREENSHOT_DIR]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load } from './modules.mjs';

const puppeteer = load('puppeteer-core');
const [file, n, m, shots] = process.argv.slice(2);
if (!file || n === undefined || m === undefined) {
  console.error('usage: node check_html.mjs FILE N_NODES N_EDGES [SCREENSHOT_DIR]');
  process.exit(2);
}
const executablePath = process.env.CHROMIUM || ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  .find((p) => fs.existsSync(p));
if (!executablePath) {
  console.error('  chromium not found (apt-get install -y chromium, or set CHROMIUM)');
  process.exit(1);
}
const failures = [];
const check = (cond, what) => { if (!cond) failures.push(what); };
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dealgraph-html-'));
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  userDataDir: profile,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 800 });
  const errors = [];
  const external = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.url().startsWith('file:') || req.url().startsWith('data:')) req.continue();
    else { external.push(req.url()); req.abort(); }
  });
  await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
  await page.waitForFunction(() => window.dealgraphViewer !== undefined, { timeout: 10000 });
  await page.waitForFunction(() => window.dealgraphViewer.settled(), { timeout: 20000 }).catch(() => {});
  const shot = async (name) => { if (shots) { fs.mkdirSync(shots, { recursive: true }); await page.screenshot({ path: path.join(shots, name) }); } };
  await shot('loaded.png');

  const counts = await page.evaluate(() => window.dealgraphViewer.counts());
  check(counts.nodes === Number(n), `viewer has ${counts.nodes} nodes, expected ${n}`);
  check(counts.edges === Number(m), `viewer has ${counts.edges} edges, expected ${m}`);
  const summary = await page.$eval('#summary', (e) => e.textContent);
  check(summary.startsWith(`${n} nodes · ${m} edges`), `summary says "${summary}"`);
  const legend = await page.$eval('#legend', (e) => e.textContent);
  check(legend.includes('Nodes') && legend.includes('Relations'), `legend says "${legend}"`);

  // Hover a node: tooltip with its label.
  const data = await page.$eval('#graph-data', (e) => JSON.parse(e.textContent));
  const target = [...data.nodes].sort((a, b) => b.degree - a.degree)[0];
  if (target) {
    const p = await page.evaluate((l) => window.dealgraphViewer.nodeOnScreen(l), target.label);
    await page.mouse.move(p.x, p.y);
    await new Promise((r) => setTimeout(r, 100));
    const tip = await page.$eval('#tooltip', (e) => (e.hidden ? '' : e.textContent));
    check(tip.includes(target.label.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '\ufffd')), `node tooltip "${tip}" lacks "${target.label}"`);
    await shot('hover-node.png');

    // Drag it 80 px to the right.
    await page.mouse.down();
    await page.mouse.move(p.x + 80, p.y + 10, { steps: 5 });
    await page.mouse.up();
    const q = await page.evaluate((l) => window.dealgraphViewer.nodeOnScreen(l), target.label);
    check(Math.abs(q.x - p.x) > 20, `drag did not move the node (${p.x} -> ${q.x})`);
  }

  // Hover an edge: tooltip with its relation (and evidence when there is one).
  const ei = data.edges.findIndex((e) => e.s !== e.t);
  if (ei >= 0) {
    await page.mouse.move(5, 790);
    await new Promise((r) => setTimeout(r, 50));
    const p = await page.evaluate((i) => window.dealgraphViewer.edgeOnScreen(i), ei);
    await page.mouse.move(p.x, p.y);
    await new Promise((r) => setTimeout(r, 100));
    const tip = await page.$eval('#tooltip', (e) => (e.hidden ? '' : e.textContent));
    check(tip.length > 0, 'no tooltip over an edge');
    await shot('hover-edge.png');
  }

  // Search: an existing name selects it; nonsense says so.
  if (target) {
    await page.mouse.move(5, 790);
    await page.click('#search');
    await page.keyboard.type(target.label.slice(0, Math.max(3, Math.min(8, target.label.length))).toLowerCase());
    await page.keyboard.press('Enter');
    const sel = await page.evaluate(() => window.dealgraphViewer.selected());
    check(sel !== null, 'search selected nothing');
    await shot('search.png');
    await page.$eval('#search', (e) => { e.value = ''; });
    await page.click('#search');
    await page.keyboard.type('zzqqxx no such company');
    await page.keyboard.press('Enter');
    const msg = await page.$eval('#search-msg', (e) => e.textContent);
    check(msg.includes('no entity matches'), `no-match message is "${msg}"`);
  }

  // Wheel zoom.
  const k0 = await page.evaluate(() => window.dealgraphViewer.zoom());
  await page.mouse.move(700, 400);
  await page.mouse.wheel({ deltaY: -400 });
  await new Promise((r) => setTimeout(r, 50));
  const k1 = await page.evaluate(() => window.dealgraphViewer.zoom());
  check(k1 > k0, `wheel did not zoom in (${k0} -> ${k1})`);

  check(errors.length === 0, `script errors: ${errors.join(' | ')}`);
  check(external.length === 0, `network requests: ${external.join(', ')}`);
  console.log(`chromium: ${counts.nodes} nodes, ${counts.edges} edges; hover, drag, search, zoom checked`);
} finally {
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
for (const f of failures) console.error(`  ${f}`);
process.exit(failures.length ? 1 : 0);
