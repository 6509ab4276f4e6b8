// Asking the server: the /api/search query made from the state, and the
// search that draws everything it answers. A late answer to an older
// request is dropped.
'use strict';

function apiSearchQuery(s = state, limit = s.size) {
  const p = new URLSearchParams();
  p.set('q', s.q);
  for (const f of s.filters) p.append('filter', f);
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  p.set('limit', String(limit));
  p.set('offset', String(limit ? Math.min(MAX_OFFSET, (s.page - 1) * s.size) : 0));
  p.set('lang', s.lang);
  if (s.exact) p.set('exact', '1');
  return p.toString();
}

async function getJson(url) {
  const res = await fetch(url);
  const body = await res.json().catch(() => ({}));
  return { status: res.status, body };
}

// The results area while a search runs: marked busy, the old results dimmed.
function setBusy(busy) {
  $('results').setAttribute('aria-busy', String(busy));
  $('results').classList.toggle('busy', busy);
  $('loading').hidden = !busy;
}

async function search() {
  const mine = ++requestNumber;
  setBusy(true);
  let answer;
  try {
    answer = await getJson('/api/search?' + apiSearchQuery());
    // After, not beside, the search: the server gives each open connection a
    // thread, and a page that opens many at once can wait on its own idle ones.
    await facetLabels();
  } catch (e) {
    answer = { status: 0, body: { error: { message: String(e.message || e) } } };
  }
  if (mine !== requestNumber) return;  // a newer search has been asked for
  setBusy(false);
  const { status, body } = answer;
  if (status !== 200) {
    showError(body.error ? body.error.message : String(status));
    $('summary').textContent = '';
    return;
  }
  showError('');
  lastResult = body;
  drawSummary(body);
  drawChips();
  drawEmpty(body);
  drawHits(body);
  drawFacets(body);
  drawYears(body);
  await drawMap(body);
  restoreFocus();
  document.body.dataset.ready = String(mine);
}
