#include "fouille/testsupport/iati_generator.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <unistd.h>

#include <gtest/gtest.h>

#include "fouille/base/error.h"

namespace fouille::testsupport {
namespace {

namespace fs = std::filesystem;

using Doc = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

std::string generated(std::size_t activities, std::uint64_t seed, IatiStats* stats = nullptr) {
  IatiOptions o;
  o.activities = activities;
  o.seed = seed;
  std::ostringstream out;
  IatiStats s = generate_iati(o, out);
  if (stats) *stats = s;
  return out.str();
}

Doc parse(const std::string& xml) {
  return Doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "generated.xml", nullptr,
                           XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
             &xmlFreeDoc);
}

bool is(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

std::vector<xmlNode*> children(const xmlNode* parent, const char* name) {
  std::vector<xmlNode*> out;
  for (xmlNode* c = parent->children; c; c = c->next) {
    if (is(c, name)) out.push_back(c);
  }
  return out;
}

// An attribute's value, "" when absent; "lang" finds xml:lang.
std::string attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string out = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return out;
}

std::string text(const xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(n);
  std::string out = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return out;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The language of each narrative of `parent` (its own, else the activity's).
std::vector<std::string> narrative_languages(const xmlNode* parent, const std::string& activity_lang) {
  std::vector<std::string> out;
  for (xmlNode* n : children(parent, "narrative")) {
    std::string lang = attr(n, "lang");
    out.push_back(lower(lang.empty() ? activity_lang : lang));
  }
  return out;
}

TEST(IatiGeneratorTest, WritesWellFormedFilesOfTheActivitiesAsked) {
  struct Case {
    std::size_t activities;
    std::uint64_t seed;
  };
  const Case cases[] = {{0, 1}, {1, 42}, {2, 7}, {7, 42}, {250, 3}, {1000, 42}};
  for (const auto& c : cases) {
    SCOPED_TRACE(std::to_string(c.activities) + " activities, seed " + std::to_string(c.seed));
    IatiStats stats;
    std::string xml = generated(c.activities, c.seed, &stats);
    EXPECT_EQ(stats.activities, c.activities);
    EXPECT_EQ(stats.bytes, xml.size());
    Doc doc = parse(xml);
    ASSERT_TRUE(doc) << "not well-formed";
    xmlNode* root = xmlDocGetRootElement(doc.get());
    ASSERT_TRUE(is(root, "iati-activities"));
    EXPECT_EQ(attr(root, "version"), "2.03");
    EXPECT_FALSE(attr(root, "generated-datetime").empty());
    std::set<std::string> ids;
    std::size_t count = 0;
    for (xmlNode* a = root->children; a; a = a->next) {
      if (a->type != XML_ELEMENT_NODE) continue;
      EXPECT_TRUE(is(a, "iati-activity")) << a->name;
      ++count;
      auto id = children(a, "iati-identifier");
      ASSERT_EQ(id.size(), 1u);
      EXPECT_TRUE(ids.insert(text(id[0])).second) << "twice: " << text(id[0]);
    }
    EXPECT_EQ(count, c.activities);
  }
}

TEST(IatiGeneratorTest, SameSeedSameBytesOtherSeedOtherBytes) {
  struct Case {
    std::uint64_t seed_a, seed_b;
    std::size_t activities;
    bool same;
  };
  const Case cases[] = {{42, 42, 300, true}, {7, 7, 50, true}, {42, 43, 300, false}, {1, 2, 5, false}};
  for (const auto& c : cases) {
    SCOPED_TRACE("seeds " + std::to_string(c.seed_a) + " and " + std::to_string(c.seed_b));
    EXPECT_EQ(generated(c.activities, c.seed_a) == generated(c.activities, c.seed_b), c.same);
  }
}

TEST(IatiGeneratorTest, TheFileAndTheStreamHoldTheSameBytes) {
  IatiOptions o;
  o.activities = 40;
  fs::path file = fs::temp_directory_path() / ("fouille-iati-gen-" + std::to_string(::getpid()) + ".xml");
  IatiStats s = generate_iati(o, file);
  EXPECT_EQ(s.bytes, fs::file_size(file));
  std::ifstream in(file, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  EXPECT_EQ(bytes.str(), generated(40, o.seed));
  fs::remove(file);
}

TEST(IatiGeneratorTest, ASizeTargetEndsOnAWholeFamilyJustPastIt) {
  const std::uint64_t targets[] = {1, 50'000, 400'000};
  for (auto target : targets) {
    SCOPED_TRACE(target);
    IatiOptions o;
    o.target_bytes = target;
    o.activities = 1;  // ignored when a target is set
    std::ostringstream out;
    IatiStats s = generate_iati(o, out);
    EXPECT_GE(s.bytes, target);
    EXPECT_LT(s.bytes, target + 5 * 40'000) << "at most one family of at most five activities past the target";
    Doc doc = parse(out.str());
    ASSERT_TRUE(doc);
    EXPECT_EQ(children(xmlDocGetRootElement(doc.get()), "iati-activity").size(), s.activities);
  }
}

TEST(IatiGeneratorTest, AMissingWordListIsACorpusError) {
  IatiOptions o;
  o.wordlist = "/nonexistent/french";
  std::ostringstream out;
  EXPECT_THROW(generate_iati(o, out), CorpusError);
  EXPECT_TRUE(out.str().empty());
}

// Each activity on its own, then how often each trait of published files
// shows up over 2,000 activities.
TEST(IatiGeneratorTest, ActivitiesHaveTheShapeOfPublishedFiles) {
  std::string xml = generated(2000, 42);
  Doc doc = parse(xml);
  ASSERT_TRUE(doc);
  std::map<std::string, int> seen;
  std::set<std::string> sectors, countries, statuses, ids, related;
  for (xmlNode* a : children(xmlDocGetRootElement(doc.get()), "iati-activity")) {
    const std::string id = text(children(a, "iati-identifier")[0]);
    SCOPED_TRACE(id);
    ids.insert(id);
    const std::string lang = attr(a, "lang");
    EXPECT_FALSE(lang.empty());
    EXPECT_EQ(attr(a, "default-currency").size(), 3u);
    if (lang == "EN" || lang == "FR") ++seen["upper-case language"];

    auto reporting = children(a, "reporting-org");
    ASSERT_EQ(reporting.size(), 1u);
    EXPECT_EQ(id.rfind(attr(reporting[0], "ref") + "-", 0), 0u) << "the identifier starts with the publisher's ref";
    EXPECT_FALSE(attr(reporting[0], "type").empty());
    EXPECT_FALSE(children(reporting[0], "narrative").empty());

    auto title = children(a, "title");
    ASSERT_EQ(title.size(), 1u);
    auto title_langs = narrative_languages(title[0], lang);
    EXPECT_EQ(std::count(title_langs.begin(), title_langs.end(), "fr"), 1) << "one French title";
    if (std::count(title_langs.begin(), title_langs.end(), "en") == 1) ++seen["English title"];
    for (xmlNode* d : children(a, "description")) {
      for (xmlNode* n : children(d, "narrative")) EXPECT_GE(text(n).size(), 100u);
    }

    std::set<std::string> roles;
    for (xmlNode* o : children(a, "participating-org")) roles.insert(attr(o, "role"));
    for (const char* role : {"1", "4"}) EXPECT_TRUE(roles.count(role)) << "role " << role;
    for (const auto& role : roles) ++seen["role " + role];

    auto status = children(a, "activity-status");
    ASSERT_EQ(status.size(), 1u);
    statuses.insert(attr(status[0], "code"));
    for (xmlNode* d : children(a, "activity-date")) {
      ++seen["date type " + attr(d, "type")];
      EXPECT_EQ(attr(d, "iso-date").size(), 10u);
    }

    // Where: countries with shares, a region, or the transactions' countries.
    auto country = children(a, "recipient-country");
    auto region = children(a, "recipient-region");
    auto transactions = children(a, "transaction");
    int country_share = 0;
    for (xmlNode* c : country) {
      countries.insert(attr(c, "code"));
      country_share += attr(c, "percentage").empty() ? 100 : std::stoi(attr(c, "percentage"));
    }
    if (!country.empty()) {
      EXPECT_EQ(country_share, 100);
    }
    if (!region.empty()) ++seen["region"];
    if (country.empty() && region.empty()) {
      ++seen["countries on transactions"];
      ASSERT_FALSE(transactions.empty());
      for (xmlNode* t : transactions) {
        EXPECT_EQ(children(t, "recipient-country").size(), 1u);
        EXPECT_EQ(children(t, "sector").size(), 1u);
      }
    } else {
      int dac_share = 0;
      for (xmlNode* s : children(a, "sector")) {
        std::string vocabulary = attr(s, "vocabulary");
        if (vocabulary.empty()) ++seen["sector without vocabulary"];
        if (!vocabulary.empty() && vocabulary != "1") continue;
        EXPECT_EQ(attr(s, "code").size(), 5u);
        sectors.insert(attr(s, "code"));
        dac_share += attr(s, "percentage").empty() ? 100 : std::stoi(attr(s, "percentage"));
      }
      EXPECT_EQ(dac_share, 100);
    }

    // A revised budget follows an original one of the same period.
    std::string last_original;
    for (xmlNode* b : children(a, "budget")) {
      std::string start = attr(children(b, "period-start")[0], "iso-date");
      if (attr(b, "type") == "2") {
        EXPECT_EQ(start, last_original);
        ++seen["revised budget"];
      } else {
        last_original = start;
      }
    }
    if (!transactions.empty()) ++seen["transactions"];
    if (attr(a, "hierarchy") == "2") ++seen["child"];
    for (xmlNode* r : children(a, "related-activity")) {
      ++seen["related-activity type " + attr(r, "type")];
      related.insert(attr(r, "ref"));
    }
  }
  // Parent and child links point at activities of the file.
  for (const auto& ref : related) EXPECT_TRUE(ids.count(ref)) << ref;

  struct Share {
    const char* trait;
    int at_least;  // of 2,000 activities
  };
  const Share shares[] = {
      {"English title", 600},
      {"upper-case language", 50},
      {"role 1", 2000},
      {"role 2", 1200},
      {"role 3", 600},
      {"role 4", 2000},
      {"date type 1", 1600},
      {"date type 2", 1000},
      {"date type 3", 1400},
      {"date type 4", 300},
      {"region", 120},
      {"countries on transactions", 50},
      {"sector without vocabulary", 150},
      {"revised budget", 100},
      {"transactions", 1500},
      {"child", 60},
      {"related-activity type 1", 60},
      {"related-activity type 2", 30},
  };
  for (const auto& s : shares) EXPECT_GE(seen[s.trait], s.at_least) << s.trait;
  EXPECT_EQ(statuses, (std::set<std::string>{"1", "2", "3", "4", "5", "6"}));
  EXPECT_GE(sectors.size(), 20u);
  EXPECT_GE(countries.size(), 40u);
}

// The codes written are those of the official codelists, read from outside
// the project when they are there.
std::set<std::string> codelist(const std::string& name) {
  std::set<std::string> out;
  Doc doc(xmlReadFile((std::string(FOUILLE_IATI_CODELISTS) + "/" + name + ".xml").c_str(), nullptr,
                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
          &xmlFreeDoc);
  if (!doc) return out;
  std::vector<xmlNode*> stack = {xmlDocGetRootElement(doc.get())};
  while (!stack.empty()) {
    xmlNode* n = stack.back();
    stack.pop_back();
    if (is(n, "codelist-item") && attr(n, "status") != "withdrawn") {
      for (xmlNode* c : children(n, "code")) out.insert(text(c));
      continue;
    }
    for (xmlNode* c = n->children; c; c = c->next) {
      if (c->type == XML_ELEMENT_NODE) stack.push_back(c);
    }
  }
  return out;
}

TEST(IatiGeneratorTest, CodesComeFromTheOfficialCodelists) {
  if (!fs::exists(FOUILLE_IATI_CODELISTS)) GTEST_SKIP() << "no codelists at " << FOUILLE_IATI_CODELISTS;
  Doc doc = parse(generated(1500, 5));
  ASSERT_TRUE(doc);
  // element, attribute, codelist; only elements of vocabulary 1 (or none) for sectors and regions.
  struct Case {
    const char* element;
    const char* attribute;
    const char* list;
  };
  const Case cases[] = {
      {"sector", "code", "Sector"},
      {"recipient-region", "code", "Region"},
      {"recipient-country", "code", "Country"},
      {"activity-status", "code", "ActivityStatus"},
      {"activity-date", "type", "ActivityDateType"},
      {"participating-org", "role", "OrganisationRole"},
      {"participating-org", "type", "OrganisationType"},
      {"reporting-org", "type", "OrganisationType"},
      {"transaction-type", "code", "TransactionType"},
      {"budget", "type", "BudgetType"},
      {"related-activity", "type", "RelatedActivityType"},
      {"iati-activity", "default-currency", "Currency"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.element) + "/@" + c.attribute);
    std::set<std::string> official = codelist(c.list);
    ASSERT_FALSE(official.empty()) << c.list;
    std::size_t checked = 0;
    std::vector<xmlNode*> stack = {xmlDocGetRootElement(doc.get())};
    while (!stack.empty()) {
      xmlNode* n = stack.back();
      stack.pop_back();
      for (xmlNode* k = n->children; k; k = k->next) {
        if (k->type == XML_ELEMENT_NODE) stack.push_back(k);
      }
      if (!is(n, c.element)) continue;
      std::string vocabulary = attr(n, "vocabulary");
      std::string value = attr(n, c.attribute);
      if ((!vocabulary.empty() && vocabulary != "1") || value.empty()) continue;
      EXPECT_TRUE(official.count(value)) << value;
      ++checked;
    }
    EXPECT_GT(checked, 0u);
  }
}

}  // namespace
}  // namespace fouille::testsupport
