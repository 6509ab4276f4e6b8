#!/usr/bin/env python3
"""The search page in headless Chromium: search, facets, paging, the back
button, reload, a document, the language switch, the map, escaping, a phone
width. Starts its own fouille-serve on a free loopback port over a fresh
database and writes screenshots to --out.

  browser_test.py --serve build/server/fouille-serve --index build/indexer/fouille-index \
      --samples corpus/samples --samples tests/corpus --out build/screenshots
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

MARKUP_TITLE = "Sensibilisation <script>alert(1)</script> & <b>migration</b> sûre à Dakar"
MARKUP_DOC = MARKUP_TITLE + """

  • Statut du projet
    Actif
  • Projet ID
    CT.9901
  • IDF Region
    Afrique
  • Etat(s) membre(s) beneficiaires remplissant les conditions requises
    Sénégal
Des animateurs informent les jeunes de Dakar <img src=x onerror=alert(2)> sur les voies légales de migration.
"""


def start_server(args, db):
    # The server's own lines follow the environment's language: this test reads its English.
    proc = subprocess.Popen([args.serve, "--db", db, "--port", "0", "--quiet"],
                            stderr=subprocess.PIPE, text=True, env=dict(os.environ, LC_ALL="en_GB.UTF-8"))
    line = proc.stderr.readline()
    m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not m:
        proc.kill()
        sys.exit("fouille-serve did not start: " + line)
    return proc, f"http://127.0.0.1:{m.group(1)}/"


def browser(profile):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,1000", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


class Page:
    def __init__(self, driver, base):
        self.d = driver
        self.base = base

    def ready_mark(self):
        return self.d.execute_script("return document.body.dataset.ready || ''")

    def wait_change(self, before, what):
        try:
            WebDriverWait(self.d, 15).until(lambda d: self.ready_mark() not in ("", before))
        except TimeoutException:
            raise AssertionError(f"the page did not finish: {what}")

    def act(self, what, action):
        before = self.ready_mark()
        action()
        self.wait_change(before, what)

    def load(self, url):
        """Opens url afresh: the mark starts empty on a new document."""
        self.d.get(url)
        self.wait_change("", "load " + url)

    def find(self, css):
        return self.d.find_element(By.CSS_SELECTOR, css)

    def finds(self, css):
        return self.d.find_elements(By.CSS_SELECTOR, css)

    def total(self):
        m = re.match(r"([\d\s  ,.]+) (résultat|result)", self.find("#summary").text)
        assert m, "no result count in: " + self.find("#summary").text
        return int(re.sub(r"\D", "", m.group(1)))

    def facet_counts(self, facet):
        return {cb.get_attribute("data-value"): row.find_element(By.CSS_SELECTOR, ".count").text
                for row in self.finds(f'.facet[data-facet="{facet}"] .facet-value')
                for cb in row.find_elements(By.CSS_SELECTOR, "input")}

    def search(self, text):
        box = self.find("#q")
        box.clear()
        box.send_keys(text)
        self.act("search " + text, lambda: box.send_keys(Keys.ENTER))


def check(cond, message):
    if not cond:
        raise AssertionError(message)
    print("ok -", message)


def run(page, out, documents):
    d = page.d
    page.load(page.base)
    check(d.execute_script("return document.documentElement.lang") == "fr", "French by default")
    everything = page.total()
    check(everything == documents, f"an empty query lists every document ({everything} of {documents})")

    # A query, then a facet ticked and unticked.
    page.search("migration")
    hits = page.finds("#hits li")
    total = page.total()
    check(0 < total < everything and len(hits) == min(total, 10), f"'migration' finds {total} of {everything}")
    check(len(page.finds("#hits mark")) > 0, "snippets highlight the matches")
    check("q=migration" in d.current_url, "the URL holds the query")
    regions = page.facet_counts("region")
    check(len(regions) >= 2, f"the region facet lists values {regions}")
    value, count = next(iter(regions.items()))
    box = page.find(f'.facet[data-facet="region"] input[data-value="{value}"]')
    page.act("tick " + value, box.click)
    check(page.total() == int(count), f"ticking {value} leaves its {count} documents")
    check(page.find(f'.facet[data-facet="region"] input[data-value="{value}"]').is_selected(), "the box stays ticked")
    check("filter=region" in d.current_url, "the URL holds the filter")
    check(page.facet_counts("region") == regions, "region counts stay disjunctive")
    check(page.facet_counts("status") != {} , "other facets are counted within the filter")
    page.act("untick", page.find(f'.facet[data-facet="region"] input[data-value="{value}"]').click)
    check(page.total() == total, "unticking gives the query's total back")

    # Reload keeps the state; clear filters.
    page.act("tick again", page.find(f'.facet[data-facet="region"] input[data-value="{value}"]').click)
    page.act("reload", d.refresh)
    check(page.find("#q").get_attribute("value") == "migration" and page.total() == int(count), "reload keeps query and filter")
    page.act("clear filters", page.find("#clear").click)
    check(page.total() == total and "filter=" not in d.current_url, "« effacer les filtres » removes them")

    # Paging and the back button.
    page.search("")
    first_titles = [a.text for a in page.finds("#hits .hit-title")]
    page.act("next page", page.find("#next-page").click)
    second_titles = [a.text for a in page.finds("#hits .hit-title")]
    check(len(second_titles) == min(10, everything - 10) and not set(first_titles) & set(second_titles), "page 2 shows the next documents")
    check("page=2" in d.current_url, "the URL holds the page")
    page.act("back", d.back)
    check([a.text for a in page.finds("#hits .hit-title")] == first_titles, "the back button returns to page 1")

    # Sorting by budget, highest first.
    page.act("sort", lambda: Select(page.find("#sort")).select_by_value("-budget"))
    budgets = [float(re.sub(r"[^\d]", "", e.text) or 0) for e in page.finds('#hits .field[data-field="budget_usd"]')]
    check("sort=-budget" in d.current_url and len(budgets) > 2 and budgets == sorted(budgets, reverse=True),
          f"sorting by budget orders the hits {budgets}")
    page.act("sort back", lambda: Select(page.find("#sort")).select_by_value("relevance"))

    # A typo is corrected and the page says so; the words as typed are one click away.
    page.search("Tadjikstan")
    check("tadjikistan" in page.find("#corrected").text, "a correction is shown")
    page.act("search as typed", page.find("#search-as-typed").click)
    check("exact=1" in d.current_url and not page.finds("#corrected"), "the words as typed, on demand")
    check(page.find("#suggestion").text == "tadjikistan", "then offered as a suggestion")
    page.search("")
    check("exact=1" not in d.current_url, "a new search corrects again")

    # A long facet shows its first values, the rest on demand.
    rows = page.finds('.facet[data-facet="countries"] .facet-value')
    shown = [r for r in rows if r.is_displayed()]
    check(len(rows) > 12 and len(shown) == 12, f"the country facet shows 12 of its {len(rows)} values")
    page.find('.facet[data-facet="countries"] .more').click()
    shown = [r for r in page.finds('.facet[data-facet="countries"] .facet-value') if r.is_displayed()]
    check(len(shown) == len(rows), "« Afficher tout » shows the others")

    # A year bar and a map country filter.
    bars = page.finds("#years-chart rect.bar")
    check(len(bars) > 3, f"the year chart has {len(bars)} bars")
    countries = page.finds('#map path[role="button"]')
    check(len(countries) >= 3, f"the map shades {len(countries)} countries")
    code = countries[0].get_attribute("data-country")
    page.act("map click", countries[0].click)
    check(f"filter=countries%3A{code}" in d.current_url, f"clicking {code} on the map filters by it")
    check(page.find(f'.facet[data-facet="countries"] input[data-value="{code}"]').is_selected(), "and ticks its box")
    d.save_screenshot(os.path.join(out, "serve-map-filter.png"))
    page.act("clear", page.find("#clear").click)

    # Markup in a document's title is shown as text, never run.
    page.search("Dakar")
    title = page.find("#hits .hit-title")
    check(title.text == MARKUP_TITLE, "a title with <script> shows as text")
    check(len(d.find_elements(By.CSS_SELECTOR, "#hits script, #hits b, #hits img")) == 0, "no element made from document text")
    try:
        d.switch_to.alert
        raise AssertionError("a script from a document ran")
    except NoAlertPresentException:
        print("ok - no script from a document ran")

    # A document page.
    page.act("open document", title.click)
    check(not page.find("#doc-view").get_attribute("hidden"), "the document page shows")
    check(page.find("#doc-title").text == MARKUP_TITLE, "with the title as text")
    check(page.find('#doc-fields dd[data-field="countries"]').text == "Sénégal", "and its fields, countries by name")
    check("onerror" in page.find("#doc-body").text and not page.finds("#doc-body img"), "and its text, escaped")
    check(page.find("#similar").text != "", "« projets similaires » answers")
    d.save_screenshot(os.path.join(out, "serve-document.png"))
    page.act("back to results", d.back)
    check(page.find("#hits .hit-title").text == MARKUP_TITLE, "back returns to the results")

    # English, then keyboard only.
    page.act("English", page.find("#lang").click)
    check(d.execute_script("return document.documentElement.lang") == "en" and "result" in page.find("#summary").text,
          "English in one click")
    check("lang=en" in d.current_url, "the URL holds the language")
    page.search("traite")
    d.save_screenshot(os.path.join(out, "serve-page.png"))
    first = page.find('.facet input[type="checkbox"]')
    d.execute_script("arguments[0].focus()", first)
    page.act("tick with the keyboard", lambda: first.send_keys(Keys.SPACE))
    check("filter=" in d.current_url, "a facet box ticks from the keyboard")
    check(all(i.get_attribute("id") and page.finds(f'label[for="{i.get_attribute("id")}"]')
              for i in page.finds('.facet input[type="checkbox"]')), "every box has a label")

    # A phone-width window: no sideways scrolling.
    d.set_window_size(390, 844)
    time.sleep(0.3)
    width = d.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    check(width[0] <= width[1] + 1, f"readable at phone width (content {width[0]} px in {width[1]} px)")
    d.save_screenshot(os.path.join(out, "serve-phone.png"))


def api_total(base, *filters, q=""):
    query = urllib.parse.urlencode([("q", q), ("limit", "1"), ("no_facets", "1")] + [("filter", f) for f in filters])
    with urllib.request.urlopen(base + "api/search?" + query) as r:
        return json.load(r)["total"]["value"]


def shown(page, css):
    return [e for e in page.finds(css) if e.is_displayed()]


def type_into(el, text):
    el.clear()
    el.send_keys(text)


def run_chips(page, out):
    """Active filters as removable chips, and « tout effacer » only when needed."""
    d = page.d
    d.set_window_size(1280, 1000)
    page.load(page.base)
    check(not page.find("#active").is_displayed() and not page.find("#clear-all").is_displayed(),
          "no chip and no « tout effacer » while nothing is set")
    region = page.find('.facet[data-facet="region"] input')
    value, label = region.get_attribute("data-value"), page.find('.facet[data-facet="region"] .label').text
    page.act("tick region", region.click)
    status = page.find('.facet[data-facet="status"] input')
    page.act("tick status", status.click)
    chips = page.finds("#chips .chip")
    check(len(chips) == 2 and chips[0].text.startswith(f"Région : {label}"), f"one chip per filter, facet and value named: {[c.text for c in chips]}")
    check(page.find("#clear-all").is_displayed(), "« tout effacer » shows once something is set")
    d.save_screenshot(os.path.join(out, "serve-chips.png"))
    remove = page.find("#chips .chip-remove")
    check(label in remove.get_attribute("aria-label"), "the × says which filter it removes")
    d.execute_script("arguments[0].focus()", remove)
    page.act("remove a chip with the keyboard", lambda: d.switch_to.active_element.send_keys(Keys.ENTER))
    check(len(page.finds("#chips .chip")) == 1 and "filter=region" not in d.current_url, "Enter on × removes that filter only")
    check(d.execute_script("return document.activeElement.closest('#active') !== null"), "the focus stays among the chips")
    page.act("clear all", page.find("#clear-all").click)
    check("filter=" not in d.current_url and not page.find("#active").is_displayed(), "« tout effacer » removes every filter and hides")


def run_facet_search(page, out):
    """A search box inside long facets, and show more / less."""
    d = page.d
    page.load(page.base)
    rows = '.facet[data-facet="countries"] .facet-value'
    everything = len(page.finds(rows))
    box = page.find('.facet[data-facet="countries"] .facet-search')
    check(box.get_attribute("aria-label") == "Chercher dans Pays", "the country facet has a labelled search box")
    type_into(box, "sene")
    names = [r.text for r in shown(page, rows)]
    check(len(names) >= 1 and all("sénégal" in n.lower() or "sene" in n.lower() for n in names),
          f"typing « sene » keeps {names} (accents ignored)")
    type_into(box, "zzzz")
    check(not shown(page, rows) and page.find('.facet[data-facet="countries"] .no-value').is_displayed(),
          "a search matching nothing says so")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.BACKSPACE)
    type_into(box, "ma")
    found = [r.text for r in shown(page, rows)]
    check(2 <= len(found) < everything, f"« ma » narrows {everything} countries to {len(found)}")
    d.save_screenshot(os.path.join(out, "serve-facet-search.png"))
    # The box keeps its text through a redraw (ticking one of the values found).
    first = shown(page, rows)[0].find_element(By.CSS_SELECTOR, "input")
    page.act("tick a found country", first.click)
    check(page.find('.facet[data-facet="countries"] .facet-search').get_attribute("value") == "ma"
          and len(shown(page, rows)) < everything, "the search survives ticking a value")
    page.act("untick", page.find('.facet[data-facet="countries"] input:checked').click)
    box = page.find('.facet[data-facet="countries"] .facet-search')
    type_into(box, "x")
    box.send_keys(Keys.BACKSPACE)
    check(len(shown(page, rows)) == 12, "an empty search box shows the first 12 again")
    more = page.find('.facet[data-facet="countries"] .more')
    more.click()
    check(len(shown(page, rows)) == everything and page.find('.facet[data-facet="countries"] .more').get_attribute("aria-expanded") == "true",
          "« afficher tout » shows every country")
    page.find('.facet[data-facet="countries"] .more').click()
    check(len(shown(page, rows)) == 12, "« afficher moins » goes back to 12")


def run_ranges(page, out):
    """Budget and year ranges typed in number inputs, as FIELD=LOW..HIGH filters."""
    d = page.d
    page.load(page.base)
    type_into(page.find("#range-budget-min"), "100000")
    type_into(page.find("#range-budget-max"), "200000")
    page.act("apply budget range", lambda: page.find("#range-budget-max").send_keys(Keys.ENTER))
    expected = api_total(page.base, "budget=100000..200000")
    check("filter=budget%3D100000..200000" in d.current_url and page.total() == expected,
          f"a budget range filters ({expected} documents)")
    chip = page.find("#chips .chip").text
    check(chip.startswith("Budget (USD) : 100") and "200" in chip, f"and shows as a chip: {chip}")
    check(page.find("#range-budget-min").get_attribute("value") == "100000", "the inputs keep the range")
    type_into(page.find("#range-year-min"), "2024")
    type_into(page.find("#range-year-max"), "2020")
    before = d.current_url
    page.find('form[data-range="year"] button[type="submit"]').click()
    error = page.find("#range-year-error").text
    check("minimum" in error and d.current_url == before and page.find("#range-year-min").get_attribute("aria-invalid") == "true",
          f"a reversed range is refused and says why: « {error} »")
    type_into(page.find("#range-year-min"), "e")
    type_into(page.find("#range-year-max"), "")
    page.find('form[data-range="year"] button[type="submit"]').click()
    error = page.find("#range-year-error").text
    check("chiffres" in error and d.current_url == before, f"letters are refused: « {error} »")
    type_into(page.find("#range-year-min"), "1800")
    type_into(page.find("#range-year-max"), "")
    page.find('form[data-range="year"] button[type="submit"]').click()
    error = page.find("#range-year-error").text
    check("1900" in error and d.current_url == before, f"a year out of bounds is refused: « {error} »")
    d.save_screenshot(os.path.join(out, "serve-range-error.png"))
    type_into(page.find("#range-year-min"), "2020")
    page.act("apply year range", lambda: page.find('form[data-range="year"] button[type="submit"]').click())
    expected = api_total(page.base, "budget=100000..200000", "year=2020..")
    check("year%3D2020.." in d.current_url and page.total() == expected and len(page.finds("#chips .chip")) == 2,
          f"an open year range adds to the budget one ({expected} documents)")
    check(not [e for e in page.finds('.facet[data-facet="year"] input') if ".." in e.get_attribute("data-value")],
          "a range is not listed as a year value")
    d.save_screenshot(os.path.join(out, "serve-ranges.png"))


def run_pager(page, out, documents):
    """Numbered pages, first and last, aria-current, hits per page in the URL."""
    d = page.d
    page.load(page.base)
    pages = -(-documents // 10)
    current = page.find('#pager [aria-current="page"]')
    check(current.text == "1" and len(page.finds("#pager .page-number")) == min(5, pages), "page numbers, the first one current")
    page.act("page 3", lambda: [b for b in page.finds("#pager .page-number") if b.text == "3"][0].click())
    check("page=3" in d.current_url and page.find('#pager [aria-current="page"]').text == "3", "a page number goes there")
    page.act("last page", page.find("#last-page").click)
    check(f"page={pages}" in d.current_url and not page.find("#next-page").is_enabled() and len(page.finds("#hits li")) == documents - 10 * (pages - 1),
          f"« dernière » goes to page {pages}")
    d.save_screenshot(os.path.join(out, "serve-pager.png"))
    page.act("first page", page.find("#first-page").click)
    check("page=" not in d.current_url and not page.find("#prev-page").is_enabled(), "« première » comes back")
    page.act("20 per page", lambda: Select(page.find("#page-size")).select_by_value("20"))
    check("size=20" in d.current_url and len(page.finds("#hits li")) == min(20, documents), "20 hits per page, in the URL")
    page.act("reload", d.refresh)
    check(Select(page.find("#page-size")).first_selected_option.text == "20" and len(page.finds("#hits li")) == min(20, documents),
          "reload keeps the page size")


SLOW_SEARCHES = """
window.__searches = 0;
const plain = window.fetch;
window.fetch = (url, options) => {
  if (!String(url).includes('/api/search')) return plain(url, options);
  window.__searches++;
  return new Promise((done) => setTimeout(done, arguments[0])).then(() => plain(url, options));
};
"""


def run_loading_and_typing(page, out):
    """A busy, dimmed results area while a search runs; search as you type."""
    d = page.d
    page.load(page.base)
    d.execute_script(SLOW_SEARCHES, 1500)
    before = page.ready_mark()
    page.find('.facet[data-facet="status"] input').click()
    time.sleep(0.3)
    busy = d.execute_script("return [document.getElementById('results').getAttribute('aria-busy'),"
                            " getComputedStyle(document.getElementById('hits')).opacity]")
    check(busy[0] == "true" and float(busy[1]) < 1 and page.find("#loading").is_displayed(),
          f"while a search runs the results are busy, dimmed and say so ({busy})")
    seen = d.execute_script("const r = document.getElementById('loading').getBoundingClientRect();"
                            " return r.top >= 0 && r.bottom <= window.innerHeight;")
    check(seen, "the indicator is on screen even with the page scrolled to a facet")
    d.save_screenshot(os.path.join(out, "serve-loading.png"))
    page.wait_change(before, "slow search")
    check(page.find("#results").get_attribute("aria-busy") == "false" and not page.find("#loading").is_displayed(),
          "and no longer once it has answered")

    page.load(page.base)
    d.execute_script(SLOW_SEARCHES, 0)
    length = d.execute_script("return history.length")
    before = page.ready_mark()
    page.find("#q").send_keys("migration")
    page.wait_change(before, "search as you type")
    time.sleep(0.5)
    searches = d.execute_script("return window.__searches")
    check("q=migration" in d.current_url and page.total() == api_total(page.base, q="migration"),
          "typing searches without Enter, and the URL follows")
    check(1 <= searches <= 2, f"at most two searches for nine keys typed quickly, not one per key ({searches})")
    check(d.execute_script("return history.length") == length, "typing adds no history entry")
    page.act("Enter", lambda: page.find("#q").send_keys(Keys.ENTER))
    check(d.execute_script("return history.length") == length + 1 and "q=migration" in d.current_url,
          "Enter adds one history entry")
    page.act("back", d.back)
    check("q=" not in d.current_url and page.find("#q").get_attribute("value") == "", "back returns to before the typing")


def run_empty(page, out):
    """Nothing found: tips, filters to drop with what they give, example queries."""
    d = page.d
    region = "Afrique de l'Ouest et du Centre"
    query = urllib.parse.urlencode([("q", "tadjikistan"), ("filter", "region:" + region), ("filter", "status:Actif")])
    page.load(page.base + "?" + query)
    check(page.total() == 0 if re.match(r"\d", page.find("#summary").text) else page.find("#empty").is_displayed(),
          "a search that finds nothing shows the empty state")
    check(len(page.finds("#empty .tips > li")) >= 3, "with tips")
    drops = page.finds("#empty .drop")
    check(len(drops) == 2 and region in drops[0].text, f"each filter as a removal: {[x.text for x in drops]}")
    gives = api_total(page.base, "status:Actif", q="tadjikistan")
    WebDriverWait(d, 5).until(lambda _: page.find("#empty .drops li .gives").text != "")
    check(page.find("#empty .drops li .gives").text.endswith(f"{gives} projet" + ("s" if gives > 1 else "")),
          f"with what dropping it gives ({page.find('#empty .drops li .gives').text})")
    examples = page.finds("#empty .examples a")
    check(len(examples) == 3, "and three example queries")
    d.save_screenshot(os.path.join(out, "serve-empty.png"))
    page.act("drop the region", drops[0].click)
    check("filter=region" not in d.current_url and page.total() == gives, "one click drops that filter")
    page.load(page.base + "?" + query)
    page.act("an example", page.finds("#empty .examples a")[0].click)
    check(page.total() > 0 and "filter=" not in d.current_url, "an example query finds projects")


def run_keyboard(page, out):
    """Focus stays on the control used; « / » goes to the search box."""
    d = page.d
    page.load(page.base)
    box = page.find('.facet[data-facet="status"] input')
    value = box.get_attribute("data-value")
    d.execute_script("arguments[0].focus()", box)
    page.act("tick with Space", lambda: d.switch_to.active_element.send_keys(Keys.SPACE))
    active = d.switch_to.active_element
    check(active.get_attribute("data-value") == value and active.is_selected(), "the ticked box keeps the focus after the redraw")
    page.act("untick with Space", lambda: d.switch_to.active_element.send_keys(Keys.SPACE))
    check(d.switch_to.active_element.get_attribute("data-value") == value, "and after unticking")
    page.act("page 2 by keyboard", lambda: (d.execute_script("arguments[0].focus()", page.find("#next-page")),
                                            d.switch_to.active_element.send_keys(Keys.ENTER)))
    check(d.switch_to.active_element.get_attribute("id") == "next-page", "the pager button keeps the focus")
    d.execute_script("document.activeElement.blur()")
    webdriver.ActionChains(d).send_keys("/").perform()
    check(d.switch_to.active_element.get_attribute("id") == "q" and page.find("#q").get_attribute("value") == "",
          "« / » focuses the search box")
    search = page.find('.facet[data-facet="countries"] .facet-search')
    search.send_keys("a/")
    check(d.switch_to.active_element == search and search.get_attribute("value") == "a/", "« / » types as usual in a field")


def run_phone(page, out):
    """At 390 px a « Filtres » button opens the facets above the results."""
    d = page.d
    check(not page.find("#filters-toggle").is_displayed(), "no « Filtres » button on a wide screen")
    d.set_window_size(390, 844)
    page.load(page.base + "?q=migration")
    toggle = page.find("#filters-toggle")
    check(toggle.is_displayed() and toggle.location["y"] < 300 and toggle.get_attribute("aria-expanded") == "false",
          f"a « Filtres » button near the top ({toggle.location['y']} px)")
    check(not page.find("#facets").is_displayed(), "the facets start closed")
    d.execute_script("arguments[0].focus()", toggle)
    d.switch_to.active_element.send_keys(Keys.ENTER)
    facets, results = page.find("#facets"), page.find("#results")
    check(facets.is_displayed() and toggle.get_attribute("aria-expanded") == "true" and facets.location["y"] < results.location["y"]
          and facets.location["y"] < 400, f"open, the facets come above the results ({facets.location['y']} px)")
    d.save_screenshot(os.path.join(out, "serve-phone-drawer.png"))
    page.act("tick in the drawer", page.find('.facet[data-facet="region"] input').click)
    check(page.find("#facets").is_displayed() and page.find("#filters-toggle").get_attribute("aria-expanded") == "true",
          "the panel stays open after a tick")
    d.execute_script("arguments[0].scrollIntoView()", page.find("#filters-done"))
    page.find("#filters-done").click()
    check(not page.find("#facets").is_displayed() and d.switch_to.active_element.get_attribute("id") == "results",
          "« voir les résultats » closes it and moves to the results")
    check(page.find("#filters-toggle").text == "Filtres (1)", "the closed button counts the active filters")
    top = d.execute_script("return document.getElementById('results').getBoundingClientRect().top")
    check(-2 <= top <= 100, f"and the results start at the top of the screen ({top} px)")
    width = d.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    check(width[0] <= width[1] + 1, f"no sideways scrolling ({width[0]} px in {width[1]} px)")
    d.save_screenshot(os.path.join(out, "serve-phone-results.png"))
    d.set_window_size(1280, 1000)


def run_charts(page, out):
    """The year chart's axis and counts; the map's legend."""
    d = page.d
    page.load(page.base)
    bars = page.finds("#years-chart rect.bar")
    counts = page.finds("#years-chart text.count")
    check(len(counts) == len(bars) and [c.text for c in counts] == [b.get_attribute("data-count") for b in bars],
          "each bar has its count above it")
    check(all(b.get_attribute("data-count") in b.find_element(By.TAG_NAME, "title").get_attribute("textContent") for b in bars),
          "and in its title, shown on hover")
    labels = page.finds("#years-chart text.axis")
    base = float(page.find("#years-chart line.baseline").get_attribute("y1"))
    years = [b.get_attribute("data-year") for b in bars]
    check(len(labels) >= 2 and all(float(t.get_attribute("y")) > base and t.text in years for t in labels)
          and labels[0].text == years[0] and labels[-1].text == years[-1],
          f"years under the baseline, first and last included ({[t.text for t in labels]})")
    for url in (page.base, page.base + "?filter=region%3AAsie+et+Oc%C3%A9anie"):  # many years, then about eight
        page.load(url)
        boxes = d.execute_script("return Array.from(document.querySelectorAll('#years-chart text.axis'))"
                                 ".map((t) => { const b = t.getBBox(); return [b.x, b.x + b.width]; })")
        check(len(boxes) >= 2 and all(boxes[i][1] < boxes[i + 1][0] for i in range(len(boxes) - 1)),
              f"the {len(boxes)} year labels do not touch")
    page.load(page.base)
    legend = page.finds("#map-legend li")
    ranges = [(int(li.get_attribute("data-level")), int(li.get_attribute("data-min")), int(li.get_attribute("data-max"))) for li in legend]
    top = max(int(p.get_attribute("data-count")) for p in page.finds('#map path[role="button"]'))
    check(len(ranges) >= 3 and ranges[0][1:] == (0, 0) and ranges[1][1] == 1 and ranges[-1][2] == top
          and all(ranges[i][1] == ranges[i - 1][2] + 1 for i in range(1, len(ranges))),
          f"the map legend covers 0 to {top} without a gap: {ranges}")
    by_level = {k: (lo, hi) for k, lo, hi in ranges}
    wrong = [p.get_attribute("data-country") for p in page.finds('#map path[role="button"]')
             if not (lambda k, n: k in by_level and by_level[k][0] <= n <= by_level[k][1])(
                 int(re.search(r"level-(\d)", p.get_attribute("class")).group(1)), int(p.get_attribute("data-count")))]
    check(not wrong, f"every shaded country's count is in its shade's legend range {wrong}")
    figure = page.find("#charts")
    d.execute_script("arguments[0].scrollIntoView()", figure)
    figure.screenshot(os.path.join(out, "serve-charts.png"))


FRENCH_UI = ["Filtres", "Effacer", "Retirer", "Aucun", "Appliquer", "pistes", "résultat", "Précédent", "Suivant",
             "Première", "Dernière", "Afficher", "Années", "Région", "Pays", " : "]


def run_english(page, out):
    """The English page's own words are English (values from documents aside)."""
    d = page.d
    region = "Afrique de l'Ouest et du Centre"
    query = urllib.parse.urlencode([("q", "tadjikistan"), ("filter", "region:" + region), ("filter", "budget=100000..200000"), ("lang", "en")])
    page.load(page.base + "?" + query)
    WebDriverWait(d, 5).until(lambda _: page.find("#empty .drops li .gives").text != "")
    chips = [c.text.replace("\n×", "") for c in page.finds("#chips .chip")]
    check(chips[0] == "Region: West and Central Africa" and chips[1].startswith("Budget (USD): US$100,000"),
          f"chips in English, a value no longer matched named too: {chips}")
    ui = " ".join(e.text for e in page.finds("#search-form, #active, #empty, #facets legend, #facets button, #ranges, #pager"))
    check(not [w for w in FRENCH_UI if w in ui], f"no French word in the English controls: {[w for w in FRENCH_UI if w in ui]}")
    d.save_screenshot(os.path.join(out, "serve-empty-en.png"))
    page.load(page.base + "?lang=en")
    ui = " ".join(e.text for e in page.finds("#search-form, #facets legend, #facets button, #ranges, #pager, #summary, #charts figcaption"))
    check(not [w for w in FRENCH_UI if w in ui], f"nor on the results page: {[w for w in FRENCH_UI if w in ui]}")
    box = page.find('.facet[data-facet="status"] input')
    d.execute_script("arguments[0].focus()", box)
    webdriver.ActionChains(d).send_keys("/").perform()
    check(d.switch_to.active_element.get_attribute("id") == "q", "« / » from a check box goes to the search box")


def doc_fields(page):
    return {dd.get_attribute("data-field"): dd.text for dd in page.finds("#doc-fields dd")}


def run_document(page, out):
    """A document page: each field once, in the page's language, no path, similar projects first."""
    d = page.d
    page.load(page.base + "?doc=CT.1172&lang=en")
    fields = doc_fields(page)
    check("source" not in fields and "layout" not in fields and "/tmp" not in page.find("#doc-fields").text,
          f"no file path and no layout word ({sorted(fields)})")
    check("id" not in fields and list(fields.values()).count("CT.1172") == 1, "the ID once")
    budget = [k for k in fields if k.startswith("budget") or k == "currency"]
    check(budget == ["budget_usd"] and "200" in fields["budget_usd"], f"the budget once: {budget} {fields.get('budget_usd')}")
    check(fields.get("status") == "Active" and fields.get("region") == "Asia and Oceania" and fields.get("project_type") == "Counter Trafficking"
          and fields.get("subregion") == "Central Asia" and fields.get("continent") == "Asia",
          f"values in English: {fields.get('status')}, {fields.get('region')}, {fields.get('project_type')}, {fields.get('subregion')}")
    labels = [dt.text for dt in page.finds("#doc-fields dt")]
    check(len(labels) == len(set(labels)) and not set(labels) & set(fields), f"no field label twice, none a raw key {labels}")
    side, text = page.find("#similar-title"), page.find("#doc-body")
    check(page.finds("#similar li") and side.location["y"] < text.location["y"] and side.location["x"] > text.location["x"] + 200,
          "similar projects beside the text")
    d.save_screenshot(os.path.join(out, "serve-document-en.png"))
    page.load(page.base + "?doc=CT.1172")
    fields = doc_fields(page)
    check(fields.get("status") == "Actif" and fields.get("region") == "Asie et Océanie", "and in French on the French page")
    page.load(page.base + "?doc=XM-DAC-47066-SAHEL-RR-2021&lang=en")
    fields = doc_fields(page)
    check(fields.get("budget", "").startswith("€") and "currency" not in fields and "publisher" not in fields
          and "XM-DAC-47066" in fields.get("publisher_name", ""),
          f"another currency once, the publisher once: {fields.get('budget')} / {fields.get('publisher_name')}")
    check(re.match(r"\d{5} \S", fields.get("sectors", "")), f"sectors by code and name: {fields.get('sectors')}")
    d.set_window_size(390, 844)
    page.load(page.base + "?doc=CT.1172&lang=en")
    side, text = page.find("#similar-title"), page.find("#doc-body")
    check(side.location["y"] < text.location["y"], "on a phone, similar projects before the text")
    d.save_screenshot(os.path.join(out, "serve-document-phone.png"))
    d.set_window_size(1280, 1000)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--serve", required=True)
    ap.add_argument("--index", required=True)
    ap.add_argument("--samples", action="append", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="fouille-browser-")
    server = driver = None
    try:
        inputs = []
        for i, folder in enumerate(args.samples):
            inputs.append(os.path.join(work, f"in{i}"))
            shutil.copytree(folder, inputs[-1])
        with open(os.path.join(work, "in0", "markup.txt"), "w", encoding="utf-8") as f:
            f.write(MARKUP_DOC)
        db = os.path.join(work, "db")
        subprocess.run([args.index, "--db", db, *inputs], check=True, stdout=subprocess.DEVNULL)
        server, base = start_server(args, db)
        driver = browser(os.path.join(work, "profile"))
        with urllib.request.urlopen(base + "api/health") as r:
            documents = json.load(r)["documents"]
        page = Page(driver, base)
        run(page, args.out, documents)
        run_chips(page, args.out)
        run_facet_search(page, args.out)
        run_ranges(page, args.out)
        run_pager(page, args.out, documents)
        run_loading_and_typing(page, args.out)
        run_empty(page, args.out)
        run_keyboard(page, args.out)
        run_phone(page, args.out)
        run_charts(page, args.out)
        run_document(page, args.out)
        run_english(page, args.out)
        # SIGTERM stops the server cleanly: exit code 0 and a last word.
        server.terminate()
        code = server.wait(timeout=10)
        last = server.stderr.read()
        server = None
        check(code == 0 and "stopping (SIGTERM)" in last, f"SIGTERM stops fouille-serve cleanly (exit {code})")
        print("browser test passed; screenshots in", args.out)
        return 0
    except AssertionError as e:
        print("FAILED:", e, file=sys.stderr)
        if driver:
            driver.save_screenshot(os.path.join(args.out, "serve-failure.png"))
        return 1
    finally:
        if driver:
            driver.quit()
        if server:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
