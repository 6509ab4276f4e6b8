// The page of one document: its fields with labels in the page's language,
// its text, linked activities and similar projects.
'use strict';

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
