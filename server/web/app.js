// The fouille search page: reads its state from the URL, asks /api/search,
// and draws results, facets, the year chart and the country map. Every piece
// of document text is set as text (textContent), never as HTML; snippets come
// as segments, the matched ones drawn in <mark> elements.
//
// Plain scripts run in order (index.html lists them), sharing their
// top-level names: text.js, state.js, format.js, results.js, facets.js,
// charts.js, api.js, document.js, then this one, which draws the state and
// wires the controls.
'use strict';

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
