// The fouille search page: reads its state from the URL, asks /api/search,
// and draws results, facets, the year chart and the country map. Every piece
// of document text is set as text (textContent), never as HTML; snippets come
// as segments, the matched ones drawn in <mark> elements.
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
    activeFilters: 'Filtres actifs', clearAll: 'Tout effacer', remove: (what) => `Retirer le filtre ${what}`,
    facetSearch: (f) => `Chercher dans ${f}`, facetSearchPlaceholder: 'Filtrer…', noValue: 'Aucune valeur ne correspond.',
    rangeBudget: 'Budget (USD)', rangeYear: 'Années', from: 'De', to: 'à', apply: 'Appliquer',
    rangeNotNumber: (v) => `« ${v} » n'est pas un nombre entier positif.`,
    rangeOutside: (lo, hi) => `Saisir une valeur entre ${lo} et ${hi}.`,
    rangeOrder: 'Le minimum dépasse le maximum.', rangeBadInput: 'Saisir un nombre entier, en chiffres seulement.', rangeEmpty: 'Saisir au moins un minimum ou un maximum.',
    first: '« Première', last: 'Dernière »', pageN: (n) => `Page ${n}`, perPage: 'Résultats par page',
    range: (lo, hi) => (lo && hi ? `${lo} – ${hi}` : lo ? `≥ ${lo}` : `≤ ${hi}`), legend: 'Légende : projets par pays',
    loading: 'Recherche en cours…', showFilters: (n) => (n ? `Filtres (${n})` : 'Filtres'), hideFilters: 'Masquer les filtres',
    seeResults: 'Voir les résultats',
    tipsTitle: 'Quelques pistes :', colon: ' : ', quote: (s) => `« ${s} »`,
    tips: ['Vérifiez l\'orthographe des mots.', 'Essayez moins de mots, ou des mots plus généraux.'],
    tipFilters: 'Retirez un filtre :', removeGives: (n) => ` → ${n.toLocaleString('fr-FR')} projet${n > 1 ? 's' : ''}`,
    removeAction: 'Retirer', examplesTitle: 'Ou essayez :', examples: ['traite des êtres humains', 'migration de main-d\'œuvre', 'santé'],
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
      sectors: 'Secteurs (CAD)', sector_category: 'Catégories de secteur', related: 'Activités liées', format: 'Format' },
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
    activeFilters: 'Active filters', clearAll: 'Clear all', remove: (what) => `Remove the filter ${what}`,
    facetSearch: (f) => `Search in ${f}`, facetSearchPlaceholder: 'Filter…', noValue: 'No value matches.',
    rangeBudget: 'Budget (USD)', rangeYear: 'Years', from: 'From', to: 'to', apply: 'Apply',
    rangeNotNumber: (v) => `“${v}” is not a whole positive number.`,
    rangeOutside: (lo, hi) => `Type a value between ${lo} and ${hi}.`,
    rangeOrder: 'The minimum is above the maximum.', rangeBadInput: 'Type a whole number, in digits only.', rangeEmpty: 'Type at least a minimum or a maximum.',
    first: '« First', last: 'Last »', pageN: (n) => `Page ${n}`, perPage: 'Results per page',
    range: (lo, hi) => (lo && hi ? `${lo} – ${hi}` : lo ? `≥ ${lo}` : `≤ ${hi}`), legend: 'Key: projects per country',
    loading: 'Searching…', showFilters: (n) => (n ? `Filters (${n})` : 'Filters'), hideFilters: 'Hide filters',
    seeResults: 'See the results',
    tipsTitle: 'A few ideas:', colon: ': ', quote: (s) => `“${s}”`,
    tips: ['Check the spelling of the words.', 'Try fewer words, or more general ones.'],
    tipFilters: 'Remove a filter:', removeGives: (n) => ` → ${n.toLocaleString('en-GB')} project${n === 1 ? '' : 's'}`,
    removeAction: 'Remove', examplesTitle: 'Or try:', examples: ['traite des êtres humains', 'migration de main-d\'œuvre', 'santé'],
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
      sectors: 'Sectors (DAC)', sector_category: 'Sector categories', related: 'Linked activities', format: 'Format' },
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

// A snippet's segments as DOM nodes: text as text, matches in <mark>.
function snippetNodes(segments) {
  return segments.map((s) => (s.match ? el('mark', { text: s.text }) : document.createTextNode(s.text)));
}

function filterValue(facet, value) { return (FILTER_FIELD[facet] || facet) + ':' + value; }
function isChecked(facet, value) { return state.filters.includes(filterValue(facet, value)); }
// A filter string as [field, value]; the API reads both FIELD:VALUE and FIELD=VALUE.
function splitFilter(f) {
  const at = f.search(/[:=]/);
  return at < 0 ? [f, ''] : [f.slice(0, at), f.slice(at + 1)];
}
function isRange(value) { return value.includes('..'); }
// The facet a filter field belongs to (the field itself unless FILTER_FIELD says otherwise).
function facetOf(field) {
  for (const [facet, f] of Object.entries(FILTER_FIELD)) if (f === field) return facet;
  return field;
}
// Lower-cased, accents stripped: « Sénégal » is found by « sene ».
function fold(s) { return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
function valueLabel(facet, value) {
  if (facet === 'countries') return countryName(value);
  const known = ((lastResult && lastResult.facets[facet]) || []).find((v) => v.value === value);
  if (known) return known.label;
  // A value the current results no longer hold: named from every document's facets.
  const all = labelCache[state.lang];
  return (all && all[facet] && all[facet][value]) || value;
}
// A range filter's value for people: « 100 000 $US – 200 000 $US », « ≥ 2020 ».
function rangeLabel(field, value) {
  const [lo, hi] = value.split('..');
  const show = (n) => (n === '' ? '' : field === 'budget' ? money(Number(n)) : n);
  return t().range(show(lo), show(hi));
}
function fieldLabel(field) {
  if (field === 'budget') return t().rangeBudget;
  return t().facet[facetOf(field)] || t().field[field] || field;
}
function filterLabel(f) {
  const [field, value] = splitFilter(f);
  return `${fieldLabel(field)}${t().colon}${isRange(value) ? rangeLabel(field, value) : valueLabel(facetOf(field), value)}`;
}
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

function drawFacets(r) {
  const groups = $('facet-groups');
  groups.replaceChildren();
  for (const key of FACETS) {
    let values = (r.facets[key] || []).slice();
    // A ticked value stays listed even where nothing matches it now.
    for (const f of state.filters) {
      const [field, value] = splitFilter(f);
      if (isRange(value)) continue;  // a range shows as a chip and in its inputs
      if (field === (FILTER_FIELD[key] || key) && !values.some((v) => v.value === value)) values.push({ value, label: valueLabel(key, value), count: 0 });
    }
    if (!values.length) continue;
    const title = t().facet[key];
    const box = el('fieldset', { class: 'facet', 'data-facet': key }, el('legend', { text: title }));
    if (SEARCHABLE.has(key) && values.length > 5) {
      const search = el('input', { type: 'search', class: 'facet-search', 'aria-label': t().facetSearch(title), 'data-focus': 'search:' + key,
        placeholder: t().facetSearchPlaceholder, autocomplete: 'off', oninput: (e) => { facetSearch.set(key, e.target.value); showValues(box, key); } });
      search.value = facetSearch.get(key) || '';
      box.append(search);
    }
    values.forEach((v, i) => {
      const id = `f-${key}-${i}`;
      const input = el('input', { type: 'checkbox', id, 'data-value': v.value, 'data-focus': `facet:${key}:${v.value}`, onchange: () => toggle(key, v.value) });
      input.checked = isChecked(key, v.value);
      const label = key === 'countries' ? countryName(v.value) : v.label;
      box.append(el('div', { class: 'facet-value', 'data-label': fold(label) }, input,
        el('label', { for: id }, el('span', { class: 'label', text: label }), ' ', el('span', { class: 'count', text: String(v.count) }))));
    });
    box.append(el('p', { class: 'no-value note', text: t().noValue, hidden: '' }));
    if (values.length > SHOWN_VALUES) {
      const all = expanded.has(key);
      box.append(el('button', { type: 'button', class: 'more', 'aria-expanded': String(all), text: all ? t().less : t().more, 'data-focus': 'more:' + key,
        onclick: () => { rememberFocus(); expanded.has(key) ? expanded.delete(key) : expanded.add(key); drawFacets(lastResult); restoreFocus(); } }));
    }
    showValues(box, key);
    groups.append(box);
  }
  drawRanges();
  $('clear').hidden = state.filters.length === 0;
}

// Which of a facet's rows show: those matching its search box, else the
// first SHOWN_VALUES (all when expanded), ticked ones always.
function showValues(box, key) {
  const wanted = fold(facetSearch.get(key) || '').trim();
  let shown = 0;
  box.querySelectorAll('.facet-value').forEach((row, i) => {
    const ticked = row.querySelector('input').checked;
    const visible = wanted ? row.dataset.label.includes(wanted) : ticked || expanded.has(key) || i < SHOWN_VALUES;
    row.hidden = !visible;
    if (visible) shown++;
  });
  box.querySelector('.no-value').hidden = shown > 0;
  const more = box.querySelector('.more');
  if (more) more.hidden = Boolean(wanted);
}

// Two number inputs per range field; the filter is FIELD=LOW..HIGH, one per field.
function drawRanges() {
  const box = $('ranges');
  box.replaceChildren();
  for (const field of Object.keys(RANGES)) {
    const current = state.filters.find((f) => splitFilter(f)[0] === field && isRange(splitFilter(f)[1]));
    const [lo, hi] = current ? splitFilter(current)[1].split('..') : ['', ''];
    const title = field === 'budget' ? t().rangeBudget : t().rangeYear;
    const low = el('input', { type: 'number', id: `range-${field}-min`, inputmode: 'numeric', min: String(RANGES[field].min), step: '1',
      'aria-describedby': `range-${field}-error`, 'data-focus': `range:${field}:min` });
    const high = el('input', { type: 'number', id: `range-${field}-max`, inputmode: 'numeric', min: String(RANGES[field].min), step: '1',
      'aria-describedby': `range-${field}-error`, 'data-focus': `range:${field}:max` });
    low.value = lo;
    high.value = hi;
    const error = el('p', { class: 'range-error', id: `range-${field}-error`, role: 'alert' });
    const form = el('form', { class: 'range facet', 'data-range': field, novalidate: '' },
      el('fieldset', {}, el('legend', { text: title }),
        el('div', { class: 'range-inputs' },
          el('label', { for: low.id, text: t().from }), low, el('label', { for: high.id, text: t().to }), high,
          el('button', { type: 'submit', 'data-focus': `range:${field}:apply`, text: t().apply })),
        error));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const problem = applyRange(field, low.value.trim(), high.value.trim(), low, high);
      error.textContent = problem || '';
    });
    box.append(form);
  }
}

// Checks a typed range and applies it; returns why it cannot be, or ''.
function applyRange(field, lo, hi, low, high) {
  const { min, max } = RANGES[field];
  low.removeAttribute('aria-invalid');
  high.removeAttribute('aria-invalid');
  // An input type=number holding letters reports an empty value but a bad input.
  for (const input of [low, high]) {
    if (input.validity && input.validity.badInput) { input.setAttribute('aria-invalid', 'true'); return t().rangeBadInput; }
  }
  const others = state.filters.filter((f) => !(splitFilter(f)[0] === field && isRange(splitFilter(f)[1])));
  if (!lo && !hi) {
    if (others.length === state.filters.length) { low.setAttribute('aria-invalid', 'true'); return t().rangeEmpty; }
    go({ filters: others, page: 1 });
    return '';
  }
  for (const [text, input] of [[lo, low], [hi, high]]) {
    if (text && !/^\d+$/.test(text)) { input.setAttribute('aria-invalid', 'true'); return t().rangeNotNumber(text || input.value); }
    if (text && (Number(text) < min || Number(text) > max)) { input.setAttribute('aria-invalid', 'true'); return t().rangeOutside(min, max); }
  }
  if (lo && hi && Number(lo) > Number(hi)) { low.setAttribute('aria-invalid', 'true'); return t().rangeOrder; }
  go({ filters: others.concat([`${field}=${lo}..${hi}`]), page: 1, doc: '' });
  return '';
}

// Bars with the count above each (when they fit), a baseline, and year
// labels under the bars; each bar's title gives year and count on hover.
function drawYears(r) {
  const years = (r.facets.year || []).map((v) => ({ year: parseInt(v.value, 10), count: v.count, value: v.value }))
    .filter((v) => Number.isFinite(v.year)).sort((a, b) => a.year - b.year);
  const box = $('years-chart');
  box.replaceChildren();
  $('years-figure').hidden = years.length === 0;
  if (!years.length) return;
  const max = Math.max(...years.map((v) => v.count));
  const w = 16, gap = 4, h = 80, top = 12;
  const width = years.length * (w + gap);
  // A year label is about as wide as a bar and its gap: label every other one
  // at least, and at most about eight, so they never touch.
  const every = years.length <= 4 ? 1 : Math.max(2, Math.ceil(years.length / 8));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${top + h + 16}`, role: 'group', 'aria-label': t().perYear, class: 'bars' });
  chart.append(svg('line', { x1: 0, x2: width - gap, y1: top + h + 0.5, y2: top + h + 0.5, class: 'baseline' }));
  years.forEach((v, i) => {
    const bh = Math.max(1, Math.round((v.count / max) * h));
    const x = i * (w + gap);
    const name = `${v.year}${t().colon}${t().projects(v.count)}`;
    const bar = svg('rect', { x, y: top + h - bh, width: w, height: bh, tabindex: '0', role: 'button',
      class: isChecked('year', v.value) ? 'bar on' : 'bar', 'aria-label': name, 'data-year': v.value, 'data-count': String(v.count),
      'data-focus': 'year:' + v.value });
    bar.append(svg('title'));
    bar.firstChild.textContent = name;
    bar.addEventListener('click', () => toggle('year', v.value));
    bar.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle('year', v.value); } });
    chart.append(bar);
    if (years.length <= 24) {
      const count = svg('text', { x: x + w / 2, y: top + h - bh - 2, 'text-anchor': 'middle', class: 'count', 'aria-hidden': 'true' });
      count.textContent = String(v.count);
      chart.append(count);
    }
    const last = years.length - 1;
    if ((i % every === 0 && last - i >= every) || i === last) {
      const label = svg('text', { x: x + w / 2, y: top + h + 11, 'text-anchor': 'middle', class: 'axis', 'aria-hidden': 'true' });
      label.textContent = String(v.year);
      chart.append(label);
    }
  });
  box.append(chart);
}

// The shade of a country with n projects when the most has max: square-root
// scaled so a few big countries do not wash out the rest.
function shadeLevel(n, max) { return Math.ceil(Math.sqrt(n / max) * 5); }

// The legend of the map's shades: the counts each shade stands for.
function drawLegend(max) {
  const levels = [];
  for (let n = 1; n <= max; n++) {
    const k = shadeLevel(n, max);
    if (!levels[k]) levels[k] = { k, lo: n, hi: n };
    else levels[k].hi = n;
  }
  const list = el('ul', { id: 'map-legend', 'aria-label': t().legend });
  list.append(el('li', { 'data-level': '0', 'data-min': '0', 'data-max': '0' }, el('span', { class: 'swatch', 'aria-hidden': 'true' }), '0'));
  for (const l of levels.filter(Boolean)) {
    list.append(el('li', { 'data-level': String(l.k), 'data-min': String(l.lo), 'data-max': String(l.hi) },
      el('span', { class: `swatch level-${l.k}`, 'aria-hidden': 'true' }), l.lo === l.hi ? String(l.lo) : `${l.lo}–${l.hi}`));
  }
  return list;
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
      const level = shadeLevel(n, max);
      const name = `${countryName(code)}${t().colon}${t().projects(n)}`;
      path.setAttribute('class', `land level-${level}` + (isChecked('countries', code) ? ' on' : ''));
      path.setAttribute('tabindex', '0');
      path.setAttribute('data-focus', 'map:' + code);
      path.setAttribute('role', 'button');
      path.setAttribute('aria-label', name);
      path.setAttribute('data-count', String(n));
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
  $('map').replaceChildren(map, drawLegend(max));
}

// ---- loading -------------------------------------------------------------

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

// Fields never shown on a document page: the text itself, the server's file
// path, and how the reader understood the layout (a debugging aid).
const HIDDEN_FIELDS = new Set(['body', 'title', 'source', 'layout']);
// Fields whose values are facet values, shown by the facet's label in the page's language.
const LABELLED_FIELDS = ['status', 'region', 'project_type', 'coverage', 'continent', 'subregion', 'format'];

// {field: {value: label}} in the page's language, from the facets of an
// empty search (every document), asked once per language; {} on failure.
async function facetLabels() {
  if (labelCache[state.lang]) return labelCache[state.lang];
  const lang = state.lang;
  const names = {};
  try {
    const p = new URLSearchParams({ q: '', limit: '0', lang, facets: FACETS.concat(['subregion']).join(',') });
    const { status, body } = await getJson('/api/search?' + p.toString());
    if (status !== 200) return names;
    for (const [key, values] of Object.entries(body.facets || {})) {
      names[key] = Object.fromEntries(values.map((v) => [v.value, v.label]));
    }
    labelCache[lang] = names;
  } catch (e) {
    // The labels are a nicety: values show as stored.
  }
  return names;
}

// A document field as shown once: undefined to leave it out (hidden, or said
// by another field already), else the value, labelled where it can be.
function docValue(doc, key, names) {
  if (HIDDEN_FIELDS.has(key)) return undefined;
  if (key === 'id' && doc.project_id === doc.id) return undefined;
  // The amount in US dollars says it all unless the project counts in another currency.
  const usd = typeof doc.budget_usd === 'number';
  if (key === 'currency') return undefined;
  if (key === 'budget') {
    if (usd && (!doc.currency || doc.currency === 'USD' || doc.budget === doc.budget_usd)) return undefined;
    try {
      return new Intl.NumberFormat(state.lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: doc.currency || 'USD', maximumFractionDigits: 0 }).format(doc.budget);
    } catch (e) {
      return `${doc.budget} ${doc.currency || ''}`.trim();
    }
  }
  if (key === 'publisher' && doc.publisher_name) return undefined;
  if (key === 'publisher_name' && doc.publisher && doc.publisher !== doc.publisher_name) return `${doc.publisher_name} (${doc.publisher})`;
  if (LABELLED_FIELDS.includes(key) && names[key]) {
    const label = (v) => names[key][v] || v;
    return Array.isArray(doc[key]) ? doc[key].map(label) : label(doc[key]);
  }
  return doc[key];
}

async function showDocument(id) {
  const mine = ++requestNumber;
  const { status, body } = await getJson('/api/documents/' + encodeURIComponent(id));
  if (mine !== requestNumber) return;
  const fields = $('doc-fields');
  fields.replaceChildren();
  $('doc-body').replaceChildren();
  if (status !== 200) {
    $('doc-title').textContent = status === 404 ? t().notFound : t().error + t().colon + (body.error ? body.error.message : status);
  } else {
    const doc = body.document;
    $('doc-title').textContent = doc.title || doc.id;
    const names = await facetLabels();
    if (mine !== requestNumber) return;
    // Known fields in a reading order, then any other the document holds.
    const keys = Object.keys(t().field).filter((k) => k in doc).concat(Object.keys(doc).filter((k) => !(k in t().field)));
    const labels = body.labels || {};
    for (const key of keys) {
      const value = docValue(doc, key, names);
      if (value === undefined) continue;
      if (key === 'related' && Array.isArray(value)) {
        fields.append(el('dt', { text: t().field.related }), relatedList(value));
        continue;
      }
      // Coded values with their names: « 12220 Soins et services de santé de base ».
      const named = labels[key] && Array.isArray(value)
        ? value.map((c) => (labels[key][c] ? `${c} ${labels[key][c][state.lang]}` : c)).join(' ; ') : '';
      const text = named || (key === 'budget' ? value : fieldText(key, value));
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
    list.append(el('li', { 'data-relation': relation }, (t().relation[relation] || relation) + t().colon, link));
  }
  return el('dd', { 'data-field': 'related' }, list);
}

function show(typing) {
  translatePage();
  if (!typing) $('q').value = state.q;
  $('sort').value = state.sort;
  $('page-size').value = String(state.size);
  const doc = Boolean(state.doc);
  $('doc-view').hidden = !doc;
  $('results').hidden = doc;
  $('facets').hidden = doc;
  $('filters-toggle').hidden = doc;
  drawFiltersToggle();
  if (doc) showDocument(state.doc); else search();
}

// On a phone the facets are a panel opened above the results by a button.
function drawFiltersToggle() {
  const open = document.body.classList.contains('filters-open');
  $('filters-toggle').setAttribute('aria-expanded', String(open));
  $('filters-toggle').textContent = open ? t().hideFilters : t().showFilters(state.filters.length);
}

function openFilters(open) {
  document.body.classList.toggle('filters-open', open);
  drawFiltersToggle();
}

// Search as you type: the search runs 300 ms after the last key and the URL
// follows with replaceState; Enter writes one history entry (pushState) from
// the URL as it was before the typing started, so history is not flooded.
let typingTimer = null;
let typingFrom = null;

function onTyping() {
  if (typingFrom === null) typingFrom = location.search;
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    typingTimer = null;
    const q = $('q').value.trim();
    if (q !== state.q || state.doc) go({ q, page: 1, doc: '', exact: false }, 'typing');
  }, 300);
}

function onSubmit(e) {
  e.preventDefault();
  clearTimeout(typingTimer);
  typingTimer = null;
  if (typingFrom !== null) {
    history.replaceState(null, '', typingFrom || location.pathname);
    typingFrom = null;
  }
  go({ q: $('q').value.trim(), page: 1, doc: '', exact: false });
}

// « / » focuses the search box, unless a field is being typed in.
function onShortcut(e) {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
  const a = document.activeElement;
  const typing = a && (a.isContentEditable || /^(TEXTAREA|SELECT)$/.test(a.tagName)
    || (a.tagName === 'INPUT' && !/^(checkbox|radio|button|submit|reset)$/.test(a.type)));
  if (typing) return;
  e.preventDefault();
  $('q').focus();
  $('q').select();
}

document.addEventListener('DOMContentLoaded', () => {
  $('search-form').addEventListener('submit', onSubmit);
  $('q').addEventListener('input', onTyping);
  document.addEventListener('keydown', onShortcut);
  $('filters-toggle').addEventListener('click', () => openFilters(!document.body.classList.contains('filters-open')));
  $('filters-done').addEventListener('click', () => {
    openFilters(false);
    // The panel was long: bring the results' top into view, not just focus them.
    $('results').focus({ preventScroll: true });
    $('results').scrollIntoView({ block: 'start' });
  });
  $('sort').addEventListener('change', () => go({ sort: $('sort').value, page: 1 }));
  $('clear').addEventListener('click', () => go({ filters: [], page: 1 }));
  $('clear-all').addEventListener('click', () => { go({ filters: [], page: 1 }); $('q').focus(); });
  $('page-size').addEventListener('change', () => go({ size: parseInt($('page-size').value, 10), page: 1 }));
  $('lang').addEventListener('click', () => go({ lang: state.lang === 'fr' ? 'en' : 'fr' }));
  $('back').addEventListener('click', () => go({ doc: '' }));
  $('home').addEventListener('click', (e) => { e.preventDefault(); go({ q: '', filters: [], sort: 'relevance', page: 1, doc: '', exact: false }); });
  show();
});
