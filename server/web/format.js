// Small helpers shared by the drawing scripts: elements, the page's text,
// country names and amounts in the page's language, snippets, and the labels
// of filters and field values. Document text is set as text, never as HTML.
'use strict';

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
function fieldText(key, v) {
  if (v === null || v === undefined || v === '') return '';
  if (key === 'countries') return (Array.isArray(v) ? v : [v]).map(countryName).join(', ');
  if (key === 'budget_usd' && typeof v === 'number') return money(v);
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}
