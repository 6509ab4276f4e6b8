// The fouille search page: reads its state from the URL, asks /api/search,
// and draws results, facets, the year chart and the country map. Every piece
// of document text is set as text (textContent), never as HTML; snippets come
// HTML-escaped from the server and only their <mark> tags become elements.
'use strict';

const PAGE_SIZE = 10;
const FACETS = ['region', 'project_type', 'status', 'countries', 'continent', 'coverage', 'year', 'budget_range', 'format',
  'sectors', 'sector_category', 'publisher'];
// The filter field of each facet, where it is not the facet's own key.
const FILTER_FIELD = {};
const SHOWN_VALUES = 12;

const TEXT = {
  fr: {
    title: 'fouille — projets', skip: 'Aller aux résultats', langDesc: 'Changer de langue', otherLang: 'English',
    searchLabel: 'Rechercher des projets', placeholder: 'ex. traite des êtres humains', search: 'Rechercher',
    sortLabel: 'Trier par', sortRelevance: 'pertinence', sortYearDesc: 'année (récentes d\'abord)',
    sortYear: 'année (anciennes d\'abord)', sortBudgetDesc: 'budget (plus élevé d\'abord)',
    sortBudget: 'budget (plus faible d\'abord)', filters: 'Filtres', clear: 'Effacer les filtres',
    perYear: 'Projets par année', perCountry: 'Projets par pays (cliquer pour filtrer)',
    backToResults: '← Retour aux résultats', text: 'Texte', similar: 'Projets similaires',
    results: (n, ms) => `${n.toLocaleString('fr-FR')} résultat${n > 1 ? 's' : ''} (${ms} ms)`,
    relaxed: (n) => `Peu de projets contiennent tous les mots (${n}) : ceux qui en contiennent une partie suivent.`,
    suggestion: 'Vouliez-vous dire', correctedTo: 'Résultats pour', searchInstead: 'rechercher plutôt', synonyms: (w, alts) => `« ${w} » cherché aussi comme ${alts}`,
    previous: '← Précédent', next: 'Suivant →', page: (p, n) => `Page ${p} sur ${n}`,
    more: 'Afficher tout', less: 'Afficher moins', noSimilar: 'Non disponible pour cette version.',
    noHits: 'Aucun projet ne correspond.', projects: (n) => `${n} projet${n > 1 ? 's' : ''}`,
    notFound: 'Document introuvable.', error: 'Erreur',
    facet: { region: 'Région', project_type: 'Type de projet', status: 'Statut', countries: 'Pays', continent: 'Continent',
      coverage: 'Couverture', year: 'Années', budget_range: 'Budget', format: 'Format', sectors: 'Secteur (CAD)',
      sector_category: 'Catégorie de secteur', publisher: 'Éditeur IATI' },
    field: { title: 'Titre', project_id: 'Projet', id: 'Identifiant', prima_id: 'Prima ID', status: 'Statut',
      project_type: 'Type de projet', region: 'Région', countries: 'Pays', continent: 'Continent', subregion: 'Sous-région',
      coverage: 'Couverture', start_year: 'Début', end_year: 'Fin', funding_year: 'Année de financement', year: 'Années',
      budget_usd: 'Budget (USD)', budget: 'Montant', currency: 'Devise', budget_range: 'Tranche de budget',
      implementer: 'Mis en œuvre par', client: 'Bailleur', publisher_name: 'Éditeur IATI', publisher: 'Identifiant de l\'éditeur',
      sectors: 'Secteurs (CAD)', sector_category: 'Catégories de secteur', related: 'Activités liées', source: 'Fichier',
      layout: 'Mise en page lue' },
    relation: { parent: 'Activité parente', child: 'Activité enfant', sibling: 'Activité sœur', cofunded: 'Cofinancement',
      thirdparty: 'Activité tierce' },
  },
  en: {
    title: 'fouille — projects', skip: 'Skip to results', langDesc: 'Change language', otherLang: 'Français',
    searchLabel: 'Search projects', placeholder: 'e.g. human trafficking', search: 'Search',
    sortLabel: 'Sort by', sortRelevance: 'relevance', sortYearDesc: 'year (newest first)', sortYear: 'year (oldest first)',
    sortBudgetDesc: 'budget (highest first)', sortBudget: 'budget (lowest first)', filters: 'Filters',
    clear: 'Clear filters', perYear: 'Projects per year', perCountry: 'Projects per country (click to filter)',
    backToResults: '← Back to results', text: 'Text', similar: 'Similar projects',
    results: (n, ms) => `${n.toLocaleString('en-GB')} result${n === 1 ? '' : 's'} (${ms} ms)`,
    relaxed: (n) => `Few projects hold every word (${n}): those holding some of them follow.`,
    suggestion: 'Did you mean', correctedTo: 'Results for', searchInstead: 'search instead for', synonyms: (w, alts) => `“${w}” also searched as ${alts}`,
    previous: '← Previous', next: 'Next →', page: (p, n) => `Page ${p} of ${n}`,
    more: 'Show all', less: 'Show fewer', noSimilar: 'Not available in this version.',
    noHits: 'No project matches.', projects: (n) => `${n} project${n === 1 ? '' : 's'}`,
    notFound: 'No such document.', error: 'Error',
    facet: { region: 'Region', project_type: 'Project type', status: 'Status', countries: 'Countries', continent: 'Continent',
      coverage: 'Coverage', year: 'Years', budget_range: 'Budget', format: 'Format', sectors: 'Sector (DAC)',
      sector_category: 'Sector category', publisher: 'IATI publisher' },
    field: { title: 'Title', project_id: 'Project', id: 'ID', prima_id: 'Prima ID', status: 'Status',
      project_type: 'Project type', region: 'Region', countries: 'Countries', continent: 'Continent', subregion: 'Subregion',
      coverage: 'Coverage', start_year: 'Start', end_year: 'End', funding_year: 'Funding year', year: 'Years',
      budget_usd: 'Budget (USD)', budget: 'Amount', currency: 'Currency', budget_range: 'Budget range',
      implementer: 'Implemented by', client: 'Donor', publisher_name: 'IATI publisher', publisher: 'Publisher identifier',
      sectors: 'Sectors (DAC)', sector_category: 'Sector categories', related: 'Linked activities', source: 'File',
      layout: 'Layout read' },
    relation: { parent: 'Parent activity', child: 'Child activity', sibling: 'Sibling activity', cofunded: 'Co-funded',
      thirdparty: 'Third-party activity' },
  },
};

const $ = (id) => document.getElementById(id);
let state = readState();
let lastResult = null;
let world = null;
let requestNumber = 0;
const expanded = new Set();

// ---- state <-> URL -------------------------------------------------------

function readState() {
  const p = new URLSearchParams(location.search);
  const page = parseInt(p.get('page') || '1', 10);
  return {
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
  if (s.lang !== 'fr') p.set('lang', s.lang);
  if (s.doc) p.set('doc', s.doc);
  if (s.exact) p.set('exact', '1');
  return p.toString();
}

function go(changes) {
  state = Object.assign({}, state, changes);
  const q = stateQuery(state);
  history.pushState(null, '', q ? '?' + q : '/');
  show();
}

window.addEventListener('popstate', () => { state = readState(); show(); });

// ---- helpers -------------------------------------------------------------

function t() { return TEXT[state.lang]; }

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

function countryName(code) {
  if (!/^[A-Z]{2}$/.test(code)) return code;  // already a name (a hit's labels)
  try {
    return new Intl.DisplayNames([state.lang], { type: 'region' }).of(code) || code;
  } catch (e) {
    return code;
  }
}

function money(n) {
  return new Intl.NumberFormat(state.lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(n);
}

// A server snippet (escaped text, matches in <mark>) as DOM nodes.
function snippetNodes(html) {
  const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const parts = html.split(/<\/?mark>/);
  return parts.map((part, i) => (i % 2 ? el('mark', { text: unescape(part) }) : document.createTextNode(unescape(part))));
}

function filterValue(facet, value) { return (FILTER_FIELD[facet] || facet) + ':' + value; }
function isChecked(facet, value) { return state.filters.includes(filterValue(facet, value)); }
function toggle(facet, value) {
  const f = filterValue(facet, value);
  const filters = state.filters.includes(f) ? state.filters.filter((x) => x !== f) : state.filters.concat([f]);
  go({ filters, page: 1, doc: '' });
}

function fieldText(key, v) {
  if (v === null || v === undefined || v === '') return '';
  if (key === 'countries') return (Array.isArray(v) ? v : [v]).map(countryName).join(', ');
  if (key === 'budget_usd' && typeof v === 'number') return money(v);
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}

// ---- drawing -------------------------------------------------------------

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
  $('error').textContent = message ? t().error + ' : ' + message : '';
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
    notes.append(el('p', { class: 'note', id: 'corrected' }, t().correctedTo + ' « ', el('strong', { text: r.corrected }), ' » — ' + t().searchInstead + ' « ', typed, ' »'));
  }
  if (r.suggestion) {
    const link = el('a', { href: '?' + stateQuery(Object.assign({}, state, { q: r.suggestion, page: 1 })), id: 'suggestion', text: r.suggestion,
      onclick: (e) => { e.preventDefault(); go({ q: r.suggestion, page: 1, exact: false }); } });
    notes.append(el('p', { class: 'note' }, t().suggestion + ' : ', link, ' ?'));
  }
  for (const s of r.synonyms || []) notes.append(el('p', { class: 'note', text: t().synonyms(s.words, s.alternatives.map((a) => '« ' + a + ' »').join(', ')) }));
  for (const n of r.notes || []) notes.append(el('p', { class: 'note', text: n }));
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
    list.append(el('li', { class: 'hit' }, el('h3', {}, link), meta, el('p', { class: 'snippet' }, ...snippetNodes(h.snippet || ''))));
  }
  const pager = $('pager');
  pager.replaceChildren();
  const pages = Math.max(1, Math.ceil(Math.min(r.total.value, 10000) / PAGE_SIZE));
  if (pages > 1) {
    const prev = el('button', { type: 'button', id: 'prev-page', text: t().previous, onclick: () => go({ page: state.page - 1 }) });
    const next = el('button', { type: 'button', id: 'next-page', text: t().next, onclick: () => go({ page: state.page + 1 }) });
    prev.disabled = state.page <= 1;
    next.disabled = state.page >= pages;
    pager.append(prev, el('span', { id: 'page-of', text: t().page(state.page, pages) }), next);
  }
}

function drawFacets(r) {
  const groups = $('facet-groups');
  groups.replaceChildren();
  for (const key of FACETS) {
    let values = (r.facets[key] || []).slice();
    // A ticked value stays listed even where nothing matches it now.
    for (const f of state.filters) {
      const [field, ...rest] = f.split(':');
      const value = rest.join(':');
      if (field === (FILTER_FIELD[key] || key) && !values.some((v) => v.value === value)) values.push({ value, label: value, count: 0 });
    }
    if (!values.length) continue;
    const title = t().facet[key];
    const box = el('fieldset', { class: 'facet', 'data-facet': key }, el('legend', { text: title }));
    const all = expanded.has(key);
    values.forEach((v, i) => {
      const id = `f-${key}-${i}`;
      const input = el('input', { type: 'checkbox', id, 'data-value': v.value, onchange: () => toggle(key, v.value) });
      input.checked = isChecked(key, v.value);
      const label = key === 'countries' ? countryName(v.value) : v.label;
      const row = el('div', { class: 'facet-value' }, input,
        el('label', { for: id }, el('span', { class: 'label', text: label }), ' ', el('span', { class: 'count', text: String(v.count) })));
      if (!all && i >= SHOWN_VALUES && !input.checked) row.hidden = true;
      box.append(row);
    });
    if (values.length > SHOWN_VALUES) {
      box.append(el('button', { type: 'button', class: 'more', 'aria-expanded': String(all), text: all ? t().less : t().more,
        onclick: () => { all ? expanded.delete(key) : expanded.add(key); drawFacets(lastResult); } }));
    }
    groups.append(box);
  }
  $('clear').hidden = state.filters.length === 0;
}

function drawYears(r) {
  const years = (r.facets.year || []).map((v) => ({ year: parseInt(v.value, 10), count: v.count, value: v.value }))
    .filter((v) => Number.isFinite(v.year)).sort((a, b) => a.year - b.year);
  const box = $('years-chart');
  box.replaceChildren();
  $('years-figure').hidden = years.length === 0;
  if (!years.length) return;
  const max = Math.max(...years.map((v) => v.count));
  const w = 16, gap = 4, h = 80;
  const chart = svg('svg', { viewBox: `0 0 ${years.length * (w + gap)} ${h + 16}`, role: 'group', 'aria-label': t().perYear, class: 'bars' });
  years.forEach((v, i) => {
    const bh = Math.max(1, Math.round((v.count / max) * h));
    const bar = svg('rect', { x: i * (w + gap), y: h - bh, width: w, height: bh, tabindex: '0', role: 'button',
      class: isChecked('year', v.value) ? 'bar on' : 'bar', 'aria-label': `${v.year} : ${t().projects(v.count)}`, 'data-year': v.value });
    bar.append(svg('title'));
    bar.firstChild.textContent = `${v.year} : ${t().projects(v.count)}`;
    bar.addEventListener('click', () => toggle('year', v.value));
    bar.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle('year', v.value); } });
    chart.append(bar);
    if (years.length <= 12 || i % Math.ceil(years.length / 8) === 0) {
      const label = svg('text', { x: i * (w + gap) + w / 2, y: h + 12, 'text-anchor': 'middle', class: 'axis' });
      label.textContent = String(v.year);
      chart.append(label);
    }
  });
  box.append(chart);
}

async function loadWorld() {
  if (world) return world;
  const res = await fetch('/world.json');
  world = await res.json();
  return world;
}

async function drawMap(r) {
  const counts = new Map((r.facets.countries || []).map((v) => [v.value, v.count]));
  $('map-figure').hidden = counts.size === 0;
  if (!counts.size) return;
  const shapes = await loadWorld();
  const max = Math.max(...counts.values());
  const map = svg('svg', { viewBox: shapes.viewBox, role: 'group', 'aria-label': t().perCountry, class: 'world' });
  for (const [code, d] of Object.entries(shapes.countries)) {
    const n = counts.get(code) || 0;
    const path = svg('path', { d, 'data-country': code });
    if (n > 0) {
      // Shades by count, square-root scaled so a few big countries do not wash out the rest.
      const level = Math.ceil(Math.sqrt(n / max) * 5);
      const name = `${countryName(code)} : ${t().projects(n)}`;
      path.setAttribute('class', `land level-${level}` + (isChecked('countries', code) ? ' on' : ''));
      path.setAttribute('tabindex', '0');
      path.setAttribute('role', 'button');
      path.setAttribute('aria-label', name);
      path.append(svg('title'));
      path.firstChild.textContent = name;
      path.addEventListener('click', () => toggle('countries', code));
      path.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle('countries', code); } });
    } else {
      path.setAttribute('class', 'land');
      path.setAttribute('aria-hidden', 'true');
    }
    map.append(path);
  }
  $('map').replaceChildren(map);
}

// ---- loading -------------------------------------------------------------

function apiSearchQuery() {
  const p = new URLSearchParams();
  p.set('q', state.q);
  for (const f of state.filters) p.append('filter', f);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  p.set('limit', String(PAGE_SIZE));
  p.set('offset', String((state.page - 1) * PAGE_SIZE));
  p.set('lang', state.lang);
  if (state.exact) p.set('exact', '1');
  return p.toString();
}

async function getJson(url) {
  const res = await fetch(url);
  const body = await res.json().catch(() => ({}));
  return { status: res.status, body };
}

async function search() {
  const mine = ++requestNumber;
  const { status, body } = await getJson('/api/search?' + apiSearchQuery());
  if (mine !== requestNumber) return;  // a newer search has been asked for
  if (status !== 200) {
    showError(body.error ? body.error.message : String(status));
    $('summary').textContent = '';
    return;
  }
  showError('');
  lastResult = body;
  drawSummary(body);
  drawHits(body);
  drawFacets(body);
  drawYears(body);
  await drawMap(body);
  document.body.dataset.ready = String(mine);
}

async function showDocument(id) {
  const mine = ++requestNumber;
  const { status, body } = await getJson('/api/documents/' + encodeURIComponent(id));
  if (mine !== requestNumber) return;
  const fields = $('doc-fields');
  fields.replaceChildren();
  $('doc-body').replaceChildren();
  if (status !== 200) {
    $('doc-title').textContent = status === 404 ? t().notFound : t().error + ' : ' + (body.error ? body.error.message : status);
  } else {
    const doc = body.document;
    $('doc-title').textContent = doc.title || doc.id;
    // Known fields in a reading order, then any other the document holds.
    const keys = Object.keys(t().field).filter((k) => k in doc).concat(Object.keys(doc).filter((k) => !(k in t().field)));
    const labels = body.labels || {};
    for (const key of keys) {
      const value = doc[key];
      if (key === 'body' || key === 'title') continue;
      if (key === 'related' && Array.isArray(value)) {
        fields.append(el('dt', { text: t().field.related }), relatedList(value));
        continue;
      }
      // Coded values with their names: « 12220 Soins et services de santé de base ».
      const named = labels[key] && Array.isArray(value)
        ? value.map((c) => (labels[key][c] ? `${c} ${labels[key][c][state.lang]}` : c)).join(' ; ') : '';
      const text = named || fieldText(key, value);
      if (text) fields.append(el('dt', { text: t().field[key] || key }), el('dd', { 'data-field': key, text }));
    }
    for (const para of String(doc.body || '').split(/\n\s*\n/)) {
      if (para.trim()) $('doc-body').append(el('p', { text: para }));
    }
  }
  const similar = await getJson('/api/similar/' + encodeURIComponent(id));
  if (mine !== requestNumber) return;
  const box = $('similar');
  box.replaceChildren();
  if (similar.status === 200 && Array.isArray(similar.body.hits)) {
    const list = el('ul');
    for (const h of similar.body.hits) {
      list.append(el('li', {}, el('a', { href: '?' + stateQuery(Object.assign({}, state, { doc: h.id })), text: h.title || h.id,
        onclick: (e) => { e.preventDefault(); go({ doc: h.id }); } })));
    }
    box.append(list);
  } else {
    box.append(el('p', { class: 'note', text: t().noSimilar }));
  }
  document.body.dataset.ready = 'doc-' + mine;
  $('doc-view').focus();
}

// Linked activities ("parent:ID"), each a link to its document.
function relatedList(values) {
  const list = el('ul', { class: 'related' });
  for (const v of values) {
    const at = v.indexOf(':');
    const relation = at > 0 ? v.slice(0, at) : '';
    const id = at > 0 ? v.slice(at + 1) : v;
    const link = el('a', { href: '?' + stateQuery(Object.assign({}, state, { doc: id })), text: id,
      onclick: (e) => { e.preventDefault(); go({ doc: id }); } });
    list.append(el('li', { 'data-relation': relation }, (t().relation[relation] || relation) + ' : ', link));
  }
  return el('dd', { 'data-field': 'related' }, list);
}

function show() {
  translatePage();
  $('q').value = state.q;
  $('sort').value = state.sort;
  const doc = Boolean(state.doc);
  $('doc-view').hidden = !doc;
  $('results').hidden = doc;
  $('facets').hidden = doc;
  if (doc) showDocument(state.doc); else search();
}

document.addEventListener('DOMContentLoaded', () => {
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    go({ q: $('q').value.trim(), page: 1, doc: '', exact: false });
  });
  $('sort').addEventListener('change', () => go({ sort: $('sort').value, page: 1 }));
  $('clear').addEventListener('click', () => go({ filters: [], page: 1 }));
  $('lang').addEventListener('click', () => go({ lang: state.lang === 'fr' ? 'en' : 'fr' }));
  $('back').addEventListener('click', () => go({ doc: '' }));
  $('home').addEventListener('click', (e) => { e.preventDefault(); go({ q: '', filters: [], sort: 'relevance', page: 1, doc: '', exact: false }); });
  show();
});
