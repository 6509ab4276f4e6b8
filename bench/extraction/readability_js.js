// Readability.js over a folder of HTML pages, for bench/extraction/run.
//
//   NODE_PATH=WORK/node/node_modules node readability_js.js PAGES_DIR
//
// Prints one JSON object per page, {"id", "text", "ms"}: the article's
// textContent ("" when Readability finds no article or throws) and the time
// spent in jsdom and Readability on that page. Errors go to stderr, one line
// a page. The pages are UTF-8 (the benchmark's encoding).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { Readability } = require('@mozilla/readability');
const { JSDOM, VirtualConsole } = require('jsdom');

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: readability_js.js PAGES_DIR\n');
  process.exit(2);
}
// jsdom reports every stylesheet it cannot parse; they are not our concern.
const quiet = new VirtualConsole();

for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.html')).sort()) {
  const html = fs.readFileSync(path.join(dir, name), 'utf-8');
  const start = process.hrtime.bigint();
  let text = '';
  try {
    // A URL is needed for relative links; no request is made.
    const dom = new JSDOM(html, { url: 'https://example.org/', virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    text = article && article.textContent ? article.textContent : '';
    dom.window.close();
  } catch (e) {
    process.stderr.write(`${name}: ${String(e.message || e).split('\n')[0]}\n`);
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(JSON.stringify({ id: name.replace(/\.html$/, ''), text, ms }) + '\n');
}
