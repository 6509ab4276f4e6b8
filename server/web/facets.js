// The facets: the value lists with their search boxes, the budget and year
// ranges, and on a phone the button that opens them as a panel.
'use strict';

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
