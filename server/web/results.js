// The result list and what surrounds it: the summary line, the active
// filters as chips, the page for no result, the hits and the pager.
'use strict';

function translatePage() {
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t()[node.dataset.i18n];
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t()[node.dataset.i18nPlaceholder];
  $('lang').textContent = t().otherLang;
  $('lang').setAttribute('lang', state.lang === 'fr' ? 'en' : 'fr');
  $('pager').setAttribute('aria-label', state.lang === 'fr' ? 'Pages de résultats' : 'Result pages');
}

function showError(message) {
  $('error').hidden = !message;
  $('error').textContent = message ? t().error + t().colon + message : '';
}

function drawSummary(r) {
  $('summary').textContent = r.total.value === 0 ? t().noHits : t().results(r.total.value, Math.max(1, Math.round(r.elapsed_ms)));
  const notes = $('notes');
  notes.replaceChildren();
  if (r.relaxed) notes.append(el('p', { class: 'note', text: t().relaxed(r.all_words) }));
  if (r.corrected) {
    // Every correction is shown, with the words as typed one click away.
    const typed = el('a', { href: '?' + stateQuery(Object.assign({}, state, { exact: true, page: 1 })), id: 'search-as-typed', text: r.query,
      onclick: (e) => { e.preventDefault(); go({ exact: true, page: 1 }); } });
    const [open, close] = t().quote('|').split('|');
    notes.append(el('p', { class: 'note', id: 'corrected' }, t().correctedTo + ' ' + open, el('strong', { text: r.corrected }), close + ' — ' + t().searchInstead + ' ' + open, typed, close));
  }
  if (r.suggestion) {
    const link = el('a', { href: '?' + stateQuery(Object.assign({}, state, { q: r.suggestion, page: 1 })), id: 'suggestion', text: r.suggestion,
      onclick: (e) => { e.preventDefault(); go({ q: r.suggestion, page: 1, exact: false }); } });
    notes.append(el('p', { class: 'note' }, t().suggestion + t().colon, link, state.lang === 'fr' ? ' ?' : '?'));
  }
  for (const s of r.synonyms || []) notes.append(el('p', { class: 'note', text: t().synonyms(s.words, s.alternatives.map(t().quote).join(', ')) }));
  for (const n of r.notes || []) notes.append(el('p', { class: 'note', text: n }));
}

function drawChips() {
  const list = $('chips');
  list.replaceChildren();
  state.filters.forEach((f, i) => {
    const text = filterLabel(f);
    // Once removed, the focus goes to the next chip, else the previous, else the search box.
    const neighbour = state.filters[i + 1] || state.filters[i - 1];
    const next = neighbour ? `[data-focus="${CSS.escape('chip:' + neighbour)}"]` : '#q';
    list.append(el('li', { class: 'chip', 'data-filter': f, 'data-index': String(i) }, el('span', { text }),
      el('button', { type: 'button', class: 'chip-remove', 'aria-label': t().remove(text), title: t().remove(text), 'data-focus': 'chip:' + f,
        text: '×', onclick: () => { rememberFocus(next); removeFilter(f); } })));
  });
  $('active').hidden = state.filters.length === 0;
  $('clear-all').hidden = state.filters.length === 0;
}

// Nothing found: tips, each active filter as a one-click removal with what
// it would give (asked from the API), and example queries.
function drawEmpty(r) {
  const box = $('empty');
  box.replaceChildren();
  box.hidden = r.total.value !== 0;
  if (box.hidden) return;
  const tips = el('ul', { class: 'tips' }, ...t().tips.map((tip) => el('li', { text: tip })));
  box.append(el('h2', { text: t().tipsTitle }), tips);
  if (state.filters.length) {
    const drops = el('ul', { class: 'drops' });
    let asked = Promise.resolve();  // one count at a time, for the reason given in search()
    for (const f of state.filters) {
      const label = filterLabel(f);
      const gives = el('span', { class: 'gives' });
      drops.append(el('li', { 'data-filter': f }, el('button', { type: 'button', class: 'drop', 'aria-label': t().remove(label),
        'data-focus': 'drop:' + f, onclick: () => { rememberFocus('#empty .drop'); removeFilter(f); } }, t().removeAction + ' ' + t().quote(label)), gives));
      const without = Object.assign({}, state, { filters: state.filters.filter((x) => x !== f) });
      const mine = requestNumber;
      asked = asked.then(() => (mine === requestNumber ? getJson('/api/search?' + apiSearchQuery(without, 0) + '&no_facets=1') : null))
        .then((answer) => {
          if (answer && mine === requestNumber && answer.status === 200) gives.textContent = t().removeGives(answer.body.total.value);
        }).catch(() => {});
    }
    tips.append(el('li', {}, t().tipFilters, drops));
  }
  const examples = el('ul', { class: 'examples' });
  for (const q of t().examples) {
    // The documents are French, so are the example queries (lang marks them for screen readers).
    examples.append(el('li', {}, el('a', { lang: 'fr', href: '?' + stateQuery(Object.assign({}, state, { q, filters: [], page: 1 })), text: q,
      onclick: (e) => { e.preventDefault(); go({ q, filters: [], page: 1, exact: false }); } })));
  }
  box.append(el('p', { text: t().examplesTitle }), examples);
}

function drawHits(r) {
  const list = $('hits');
  list.replaceChildren();
  list.start = r.offset + 1;
  for (const h of r.hits) {
    const f = h.fields || {};
    const link = el('a', { href: '?' + stateQuery(Object.assign({}, state, { doc: h.id })), class: 'hit-title', text: h.title || h.id,
      onclick: (e) => { e.preventDefault(); go({ doc: h.id }); } });
    const years = f.start_year ? (f.end_year && f.end_year !== f.start_year ? `${f.start_year}–${f.end_year}` : String(f.start_year)) : '';
    const meta = el('p', { class: 'meta' });
    const labels = h.labels || {};  // facet values as the facets name them, in the page's language
    for (const [key, value] of [['status', labels.status || f.status], ['project_type', labels.project_type || f.project_type],
      ['countries', labels.countries || f.countries], ['year', years], ['budget_usd', f.budget_usd],
      ['publisher_name', f.publisher_name]]) {
      const text = fieldText(key, value);
      if (text) meta.append(el('span', { class: 'field', 'data-field': key, title: t().field[key] || key, text }));
    }
    list.append(el('li', { class: 'hit' }, el('h3', {}, link), meta, el('p', { class: 'snippet' }, ...snippetNodes(h.snippet || []))));
  }
  drawPager(r);
}

// First, previous, a window of page numbers around the current one, next, last.
function drawPager(r) {
  const pager = $('pager');
  pager.replaceChildren();
  const pages = Math.max(1, Math.min(Math.ceil(r.total.value / state.size), Math.floor(MAX_OFFSET / state.size) + 1));
  $('page-size-box').hidden = r.total.value <= PAGE_SIZES[0];
  if (pages <= 1) return;
  const button = (id, text, page, label) => {
    const b = el('button', { type: 'button', id, text, 'data-focus': 'page:' + id, onclick: () => go({ page }) });
    if (label) b.setAttribute('aria-label', label);
    b.disabled = page < 1 || page > pages || page === state.page;
    return b;
  };
  const list = el('ul', { class: 'pages' });
  const from = Math.max(1, Math.min(state.page - 2, pages - 4)), to = Math.min(pages, from + 4);
  for (let n = from; n <= to; n++) {
    const b = el('button', { type: 'button', class: 'page-number', text: String(n), 'aria-label': t().pageN(n), 'data-focus': 'page:' + n,
      onclick: () => go({ page: n }) });
    if (n === state.page) b.setAttribute('aria-current', 'page');
    list.append(el('li', {}, b));
  }
  pager.append(button('first-page', t().first, 1), button('prev-page', t().previous, state.page - 1), list,
    button('next-page', t().next, state.page + 1), button('last-page', t().last, pages),
    el('span', { id: 'page-of', text: t().page(state.page, pages) }));
}
