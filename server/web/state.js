// The page's state and its URL: what is searched, filtered and shown lives
// in the query string (q, filter, sort, page, size, lang, doc, exact), so a
// URL can be shared and the Back button works. go() changes the state and
// redraws; the focus survives a redraw.
'use strict';

const PAGE_SIZES = [10, 20, 50];
const MAX_OFFSET = 10000;  // the API's cap on offset
const FACETS = ['region', 'project_type', 'status', 'countries', 'continent', 'coverage', 'year', 'budget_range', 'format',
  'sectors', 'sector_category', 'publisher'];
// The filter field of each facet, where it is not the facet's own key.
const FILTER_FIELD = {};
const SHOWN_VALUES = 12;
// Facets long enough to get a search box over their values.
const SEARCHABLE = new Set(['countries', 'sectors', 'publisher', 'project_type']);
// Fields narrowed by a range typed in two number inputs (the API's LOW..HIGH syntax).
const RANGES = { budget: { min: 0, max: 1e13 }, year: { min: 1900, max: 2100 } };

const $ = (id) => document.getElementById(id);
let state = readState();
let lastResult = null;
let world = null;
let requestNumber = 0;
const expanded = new Set();
const facetSearch = new Map();  // facet key -> the text typed in its search box
const labelCache = {};  // language -> {facet: {value: label}}, see facetLabels()

// ---- state <-> URL -------------------------------------------------------

function readState() {
  const p = new URLSearchParams(location.search);
  const page = parseInt(p.get('page') || '1', 10);
  const size = parseInt(p.get('size') || '10', 10);
  return {
    size: PAGE_SIZES.includes(size) ? size : 10,
    q: p.get('q') || '',
    filters: p.getAll('filter'),
    sort: p.get('sort') || 'relevance',
    page: Number.isFinite(page) && page > 0 ? page : 1,
    lang: p.get('lang') === 'en' ? 'en' : 'fr',
    doc: p.get('doc') || '',
    exact: p.get('exact') === '1',
  };
}

function stateQuery(s) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const f of s.filters) p.append('filter', f);
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.page > 1) p.set('page', String(s.page));
  if (s.size !== 10) p.set('size', String(s.size));
  if (s.lang !== 'fr') p.set('lang', s.lang);
  if (s.doc) p.set('doc', s.doc);
  if (s.exact) p.set('exact', '1');
  return p.toString();
}

// A new state: drawn, and written to the URL as a new history entry, or in
// place of the current one ('replace', used while typing).
function go(changes, how) {
  if (how === 'typing') focusAfter = null;  // the focus is in the box: leave it there
  else if (!focusAfter) rememberFocus();
  state = Object.assign({}, state, changes);
  const q = stateQuery(state);
  const url = q ? '?' + q : location.pathname;
  if (how === 'replace' || how === 'typing' || url === location.search || (!q && !location.search)) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  show(how === 'typing');
}

window.addEventListener('popstate', () => {
  clearTimeout(typingTimer);
  typingTimer = null;
  typingFrom = null;
  focusAfter = null;
  state = readState();
  show();
});

// Focus survives a redraw: the control used carries data-focus, and the
// control with the same data-focus after the redraw gets the focus back
// (else the fallback, e.g. the next chip when a chip was removed).
let focusAfter = null;
function rememberFocus(fallback) {
  const a = document.activeElement;
  const key = a && a.dataset ? a.dataset.focus : '';
  focusAfter = key ? { key, fallback: fallback || '' } : null;
}
function restoreFocus() {
  if (!focusAfter) return;
  const { key, fallback } = focusAfter;
  focusAfter = null;
  const node = document.querySelector(`[data-focus="${CSS.escape(key)}"]`) || (fallback && document.querySelector(fallback));
  if (node && !node.disabled) node.focus();
  else if (node || fallback) $('results').focus();
}
function removeFilter(f) { go({ filters: state.filters.filter((x) => x !== f), page: 1, doc: '' }); }
function toggle(facet, value) {
  rememberFocus();
  const f = filterValue(facet, value);
  const filters = state.filters.includes(f) ? state.filters.filter((x) => x !== f) : state.filters.concat([f]);
  go({ filters, page: 1, doc: '' });
}
