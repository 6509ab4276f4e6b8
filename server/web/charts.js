// The year chart and the country map, drawn as SVG from the facets of a
// search; the map's shapes come from /world.json, fetched once.
'use strict';

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
