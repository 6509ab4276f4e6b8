#include "html_hints.h"

#include <algorithm>
#include <array>

namespace fouille::corpus::detail {
namespace {

// Parts of class and id names that mark page furniture. A part matches
// anywhere in a class token ("site-footer", "menuPrincipal").
constexpr std::array<std::string_view, 70> kFurniture = {
    "a-lire",      "abonnement", "advert",          "agegate",      "alire",
    "ariane",      "author-bio", "bandeau",         "banner",       "bas-de-page",
    "breadcrumb",  "byline",     "caption",         "carousel",     "comment",
    "commentaire", "community",  "connexe",         "consent",      "cookie",
    "copyright",   "credit",     "disqus",          "dropdown",     "en-tete",
    "entete",      "footer",     "gallery",         "gdpr",         "lire-aussi",
    "masthead",    "menu",       "modal",           "most-read",    "navbar",
    "navigation",  "newsletter", "outbrain",        "outils",       "pager",
    "pagination",  "partage",    "partager",        "pied-de-page", "piedpage",
    "popular",     "popup",      "promo",           "publicite",    "rating",
    "recommend",   "related",    "reseaux",         "rss",          "screen-reader",
    "share",       "sharing",    "sidebar",         "signup",       "skip",
    "slideshow",   "social",     "sponsor",         "sr-only",      "subscribe",
    "taboola",     "toolbar",    "visually-hidden", "voir-aussi",   "widget"};

// Whole class tokens that mark furniture but are too short to search inside words.
constexpr std::array<std::string_view, 14> kFurnitureTokens = {"ad",      "ads",    "aside", "fil-d-ariane", "footer",
                                                               "header",  "hidden", "nav",   "pub",          "share",
                                                               "sidebar", "tags",   "tools", "topbar"};

// Parts that mark content.
constexpr std::array<std::string_view, 12> kContent = {"article", "body", "contenu", "content", "corps", "entry",
                                                       "main",    "post", "story",   "texte",   "text",  "blog"};

// Names sites give the box that holds the text itself.
constexpr std::array<std::string_view, 22> kContentNames = {
    "article-body",     "article__body",   "articlebody",   "article-content", "article__content", "article-text",
    "articletext",      "body-text",       "entry-content", "post-body",       "post-content",     "postbody",
    "story-body",       "storybody",       "story-content", "texte-article",   "contenu-article",  "article-corps",
    "field--name-body", "field-name-body", "post-entry",    "rich-text"};

template <std::size_t N>
bool any_part(std::string_view token, const std::array<std::string_view, N>& parts) {
  return std::any_of(parts.begin(), parts.end(),
                     [&](std::string_view p) { return token.find(p) != std::string_view::npos; });
}

template <typename Fn>
void for_each_token(std::string_view hints, Fn fn) {
  while (!hints.empty()) {
    const std::size_t start = hints.find_first_not_of(' ');
    if (start == std::string_view::npos) return;
    hints.remove_prefix(start);
    const std::size_t end = std::min(hints.find(' '), hints.size());
    fn(hints.substr(0, end));
    hints.remove_prefix(end);
  }
}

}  // namespace

int hint_weight(std::string_view hints) {
  bool furniture = false, content = false;
  for_each_token(hints, [&](std::string_view token) {
    // A post embedded in the text ("social-media-embed") is quoted, not furniture.
    if (token.find("embed") != std::string_view::npos) return;
    if (std::find(kFurnitureTokens.begin(), kFurnitureTokens.end(), token) != kFurnitureTokens.end() ||
        any_part(token, kFurniture) || token.starts_with("ad-") || token.starts_with("ads-") ||
        token.ends_with("-ad") || token.ends_with("-ads")) {
      furniture = true;
    } else if (any_part(token, kContent)) {
      content = true;
    }
  });
  if (furniture == content) return 0;
  return furniture ? -25 : 25;
}

bool boilerplate_tag(const HtmlNode& node) {
  static constexpr std::array<std::string_view, 5> kTags = {"aside", "dialog", "footer", "header", "nav"};
  static constexpr std::array<std::string_view, 9> kRoles = {
      "alertdialog", "banner", "complementary", "contentinfo", "dialog", "menu", "menubar", "navigation", "search"};
  return std::find(kTags.begin(), kTags.end(), node.tag) != kTags.end() ||
         std::find(kRoles.begin(), kRoles.end(), node.role) != kRoles.end();
}

bool content_by_name(const HtmlNode& node) {
  if (node.itemprop == "articlebody" || node.itemprop == "text") return true;
  bool named = false;
  for_each_token(node.hints, [&](std::string_view token) { named = named || any_part(token, kContentNames); });
  return named;
}

}  // namespace fouille::corpus::detail
