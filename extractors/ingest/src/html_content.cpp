// Readability's algorithm over libxml2's tree (mozilla/readability, Readability.js): paragraphs
// score their ancestors by length and commas, class and id names weigh a container up or down,
// link density scales the score, the best container and its worthy siblings are the article, and
// inside it lists, tables, forms and divs that look like furniture (many links, few paragraphs,
// images without text, embeds) are cleaned out. When that finds too little text it tries again
// with fewer rules, as Readability does. Nothing is removed from the tree: dropped subtrees are
// marked, so the element paths of what is kept are those of the file.
#include "html_content.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "html_dom.hpp"
#include "html_hints.hpp"

namespace softgraph::ingest::html {
namespace {

struct Stats {
  double chars = 0, link_chars = 0, commas = 0, heading_chars = 0, textish_chars = 0, li_chars = 0;
  int p = 0, img = 0, li = 0, input = 0, embed = 0;
  int div_p = 0;  // divs without blocks: paragraphs once Readability has converted them
  void add(const Stats& o) {
    chars += o.chars, link_chars += o.link_chars, commas += o.commas;
    heading_chars += o.heading_chars, textish_chars += o.textish_chars, li_chars += o.li_chars;
    p += o.p, img += o.img, li += o.li, input += o.input, embed += o.embed, div_p += o.div_p;
  }
  void sub(const Stats& o) {
    chars -= o.chars, link_chars -= o.link_chars, commas -= o.commas;
    heading_chars -= o.heading_chars, textish_chars -= o.textish_chars, li_chars -= o.li_chars;
    p -= o.p, img -= o.img, li -= o.li, input -= o.input, embed -= o.embed, div_p -= o.div_p;
  }
};

struct Info {
  xmlNode* node = nullptr;
  int parent = -1;
  bool invisible = false;   // script, style, head ...: never text
  bool block_desc = false;  // has a descendant that keeps a div from being a paragraph
  bool in_table = false, in_code = false, in_figure = false;  // strict ancestors
  bool in_article = false;  // inside <article>, <main> or an element marked articleBody
  bool in_data_table = false, dead = false;  // set by clean()
  std::string match;                         // lower-case "class id" of an element
  Stats s;                                   // of the subtree, dropped parts left out
  bool dropped = false;
  bool candidate = false;
  double score = 0;
};

struct Flags {
  bool strip_unlikely = true, weight_classes = true, clean_conditionally = true;
};

class Scorer {
 public:
  explicit Scorer(xmlNode* body) : body_(body) { index(); }
  ~Scorer() {
    for (Info& i : info_) i.node->_private = nullptr;
  }

  // One attempt with `flags`: the article's roots and what is dropped inside them.
  MainContent run(Flags flags, std::string& byline) {
    flags_ = flags;
    for (Info& i : info_) i.dropped = false, i.candidate = false, i.score = 0;
    compute_stats();
    std::vector<int> paragraphs = first_pass(byline);
    MainContent mc;
    int top = pick_top(paragraphs);
    if (top < 0) return whole_body();
    std::vector<int> roots = with_siblings(top);
    for (int r : roots) clean(r);
    for (int r : roots) mc.roots.push_back(info_[r].node);
    collect_dropped(roots, mc);
    return mc;
  }

  MainContent whole_body() {
    MainContent mc;
    mc.roots.push_back(body_);
    mc.whole_page = true;
    for (Info& i : info_)
      if (i.node->type == XML_ELEMENT_NODE &&
          (is_hidden(i.node) || (name_is(i.node, "header") && !i.in_article)))
        mc.dropped.insert(i.node);
    return mc;
  }

  // Characters of text the attempt keeps.
  double kept_chars(const MainContent& mc) const {
    double n = 0;
    for (xmlNode* r : mc.roots) n += at(r).s.chars;
    return n;
  }

 private:
  Info& at(const xmlNode* n) { return info_[id(n)]; }
  const Info& at(const xmlNode* n) const { return info_[id(n)]; }
  static int id(const xmlNode* n) {
    return static_cast<int>(reinterpret_cast<std::intptr_t>(n->_private)) - 1;
  }

  void index() {
    std::vector<int> stack;  // indices of the open ancestors
    for (xmlNode* n = body_; n;) {
      Info i;
      i.node = n;
      while (!stack.empty() && info_[stack.back()].node != n->parent) stack.pop_back();
      i.parent = stack.empty() ? -1 : stack.back();
      bool parent_invisible = i.parent >= 0 && info_[i.parent].invisible;
      if (i.parent >= 0) {
        const Info& up = info_[i.parent];
        i.in_table = up.in_table || name_is(up.node, "table");
        i.in_code = up.in_code || name_is(up.node, "code");
        i.in_figure = up.in_figure || name_is(up.node, "figure");
        i.in_article =
            up.in_article || name_is(up.node, "article") || name_is(up.node, "main") ||
            (up.node->type == XML_ELEMENT_NODE && attr(up.node, "itemprop") == "articleBody");
      }
      if (n->type == XML_ELEMENT_NODE) {
        i.invisible = parent_invisible || name_in(n, kInvisible);
        i.match = lower(attr(n, "class") + " " + attr(n, "id"));
      } else {
        i.invisible = parent_invisible || n->type == XML_COMMENT_NODE;
      }
      n->_private = reinterpret_cast<void*>(static_cast<std::intptr_t>(info_.size() + 1));
      info_.push_back(std::move(i));
      stack.push_back(static_cast<int>(info_.size()) - 1);
      n = next_node(n, body_);
    }
    // Block descendants, bottom-up (children come after their parent in document order).
    for (int k = static_cast<int>(info_.size()) - 1; k > 0; --k) {
      const Info& i = info_[k];
      if (i.parent >= 0 && (i.block_desc || name_in(i.node, kDivToP)))
        info_[i.parent].block_desc = true;
    }
  }

  // Subtree statistics over what is not dropped, bottom-up.
  void compute_stats() {
    std::vector<char> in_link(info_.size(), 0);  // 0 no, 1 link, 2 in-page "#" link
    for (std::size_t k = 0; k < info_.size(); ++k) {
      Info& i = info_[k];
      i.s = Stats{};
      char parent_link = i.parent >= 0 ? in_link[i.parent] : 0;
      in_link[k] = parent_link;
      if (name_is(i.node, "a") && !parent_link)
        in_link[k] = attr(i.node, "href").starts_with("#") ? 2 : 1;
    }
    for (int k = static_cast<int>(info_.size()) - 1; k >= 0; --k) {
      Info& i = info_[k];
      if (i.dropped || i.invisible) continue;
      xmlNode* n = i.node;
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        text_stats(reinterpret_cast<const char*>(n->content), i.s.chars, i.s.commas);
        if (in_link[k]) i.s.link_chars = i.s.chars * (in_link[k] == 2 ? 0.3 : 1.0);
        // Phrasing text directly in a div with blocks becomes a paragraph in Readability.
        if (i.parent >= 0 && name_is(info_[i.parent].node, "div")) i.s.textish_chars = i.s.chars;
      } else if (n->type == XML_ELEMENT_NODE) {
        if (name_is(n, "p")) ++i.s.p;
        if (name_is(n, "img")) ++i.s.img;
        if (name_is(n, "li")) ++i.s.li;
        if (name_is(n, "input")) ++i.s.input;
        if (name_is(n, "object") || name_is(n, "embed") || name_is(n, "iframe")) ++i.s.embed;
        if (is_heading(n)) i.s.heading_chars = i.s.chars;
        if (name_is(n, "li")) i.s.li_chars = i.s.chars;
        if (name_in(n, kTextish)) i.s.textish_chars = i.s.chars;
      }
      if (name_is(n, "div") && !i.block_desc && i.s.chars > 0 && i.parent >= 0)
        ++info_[i.parent].s.div_p;
      if (i.parent >= 0) info_[i.parent].s.add(i.s);
    }
  }

  void drop(int k) {
    Info& i = info_[k];
    if (i.dropped) return;
    Stats gone = i.s;
    i.dropped = true;
    for (int a = i.parent; a >= 0; a = info_[a].parent) info_[a].s.sub(gone);
  }

  int class_weight(const Info& i) const {
    if (!flags_.weight_classes) return 0;
    int w = 0;
    std::string cls = lower(attr(i.node, "class")), id = lower(attr(i.node, "id"));
    for (const std::string* s : {&cls, &id}) {
      if (s->empty()) continue;
      if (negative(*s)) w -= 25;
      if (matches(*s, kPositive)) w += 25;
    }
    return w;
  }

  double link_density(const Info& i) const {
    return i.s.chars > 0 ? i.s.link_chars / i.s.chars : 0;
  }

  bool paragraph_like(const Info& i) const {
    return name_is(i.node, "p") || (name_is(i.node, "div") && !i.block_desc);
  }

  // Readability's first walk: drops hidden nodes, the byline and unlikely candidates; returns the
  // elements to score. (The headline stays: it is the article's first heading, and the title
  // is also kept as metadata.)
  std::vector<int> first_pass(std::string& byline) {
    std::vector<int> to_score;
    for (std::size_t k = 0; k < info_.size(); ++k) {
      Info& i = info_[k];
      if (i.node->type != XML_ELEMENT_NODE || i.invisible) continue;
      if (i.parent >= 0 && info_[i.parent].dropped) {
        i.dropped = true;  // inherit, without touching the ancestors' stats again
        continue;
      }
      if (i.dropped) continue;
      xmlNode* n = i.node;
      // Hidden, a dialog, or furniture by HTML's own semantics: a <header> is the page's unless
      // it opens an article (title, byline, lede).
      if (is_hidden(n) || (attr(n, "aria-modal") == "true" && attr(n, "role") == "dialog") ||
          name_in(n, {"nav", "footer", "aside", "form", "menu"}) ||
          (name_is(n, "header") && !i.in_article)) {
        drop(static_cast<int>(k));
        continue;
      }
      if (byline.empty() && is_byline(i)) {
        byline = inner_text(n);
        drop(static_cast<int>(k));
        continue;
      }
      // A photo's credit line ("Credit: agency"): short, named so by the page, beside a picture.
      if (i.match.find("credit") != std::string::npos && i.s.chars < 100 &&
          (i.in_figure || (i.parent >= 0 && info_[i.parent].s.img > 0))) {
        drop(static_cast<int>(k));
        continue;
      }
      if (flags_.strip_unlikely && n != body_ && !name_is(n, "a")) {
        bool unlikely =
            matches(i.match, kUnlikely) && !matches(i.match, kMaybe) && !i.in_table && !i.in_code;
        std::string role = attr(n, "role");
        for (const char* r : kUnlikelyRoles) unlikely |= role == r;
        if (unlikely) {
          drop(static_cast<int>(k));
          continue;
        }
      }
      if (name_in(n, {"section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"}) ||
          (name_is(n, "div") && !i.block_desc))
        to_score.push_back(static_cast<int>(k));
    }
    // Dropped flags were inherited above; recompute the statistics once from scratch.
    compute_stats();
    return to_score;
  }

  bool is_byline(const Info& i) const {
    std::string itemprop = attr(i.node, "itemprop");
    bool named = attr(i.node, "rel") == "author" || itemprop.find("author") != std::string::npos ||
                 matches(i.match, kByline);
    if (!named) return false;
    std::string t = inner_text(i.node);
    return !t.empty() && t.size() < 100;
  }

  void init_candidate(Info& c) {
    c.candidate = true;
    xmlNode* n = c.node;
    double s = 0;
    if (name_is(n, "div"))
      s = 5;
    else if (name_in(n, {"pre", "td", "blockquote"}))
      s = 3;
    else if (name_in(n, {"address", "ol", "ul", "dl", "dd", "dt", "li", "form"}))
      s = -3;
    else if (is_heading(n) || name_is(n, "th"))
      s = -5;
    c.score = s + class_weight(c);
  }

  void credit(int start, double chars, double commas) {
    if (chars < 25) return;
    double score = 1 + (commas + 1) + std::min(std::floor(chars / 100), 3.0);
    int level = 0;
    for (int a = start; a >= 0 && level < 5; a = info_[a].parent, ++level) {
      Info& c = info_[a];
      if (c.parent < 0 && c.node != body_) break;  // needs an element parent
      if (!c.candidate) {
        init_candidate(c);
        candidates_.push_back(a);
      }
      double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      c.score += score / divider;
    }
  }

  int pick_top(const std::vector<int>& to_score) {
    candidates_.clear();
    for (int k : to_score) {
      const Info& i = info_[k];
      if (i.dropped || i.parent < 0) continue;
      if (name_is(i.node, "div") && i.block_desc) continue;
      credit(i.parent, i.s.chars, i.s.commas);
    }
    // Phrasing runs in divs that hold blocks are paragraphs of their div (Readability wraps them).
    for (std::size_t k = 0; k < info_.size(); ++k) {
      const Info& d = info_[k];
      if (!name_is(d.node, "div") || !d.block_desc || d.dropped || d.invisible) continue;
      double chars = 0, commas = 0;
      auto flush = [&] {
        credit(static_cast<int>(k), chars, commas);
        chars = commas = 0;
      };
      for (xmlNode* c = d.node->children; c; c = c->next) {
        const Info& ci = at(c);
        bool phrasing = c->type == XML_TEXT_NODE ||
                        (c->type == XML_ELEMENT_NODE && name_in(c, kPhrasing) && !ci.block_desc);
        if (!phrasing) {
          flush();
          continue;
        }
        if (ci.dropped) continue;
        chars += ci.s.chars;
        commas += ci.s.commas;
      }
      flush();
    }
    if (candidates_.empty()) return -1;
    for (int c : candidates_) info_[c].score *= 1 - link_density(info_[c]);
    std::vector<int> order = candidates_;
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return info_[a].score > info_[b].score; });
    int top = order.front();
    if (info_[top].node == body_) return -1;
    // Several near-best candidates under one ancestor: the article is that ancestor.
    std::vector<int> close;
    for (std::size_t r = 1; r < std::min<std::size_t>(order.size(), 5); ++r)
      if (info_[order[r]].score / info_[top].score >= 0.75) close.push_back(order[r]);
    if (close.size() >= 3) {
      for (int a = info_[top].parent; a >= 0 && info_[a].node != body_; a = info_[a].parent) {
        int inside = 0;
        for (int c : close)
          for (int x = info_[c].parent; x >= 0; x = info_[x].parent)
            if (x == a) {
              ++inside;
              break;
            }
        if (inside >= 3) {
          top = a;
          break;
        }
      }
      if (!info_[top].candidate) init_candidate(info_[top]);
    }
    // A parent that scores better holds the article.
    double last = info_[top].score, threshold = last / 3;
    for (int a = info_[top].parent; a >= 0 && info_[a].node != body_; a = info_[a].parent) {
      if (!info_[a].candidate) continue;
      if (info_[a].score < threshold) break;
      if (info_[a].score > last) {
        top = a;
        break;
      }
      last = info_[a].score;
    }
    // An only child stands for its parent.
    for (int a = info_[top].parent; a >= 0 && info_[a].node != body_; a = info_[a].parent) {
      int children = 0;
      for (xmlNode* c = info_[a].node->children; c; c = c->next)
        children += c->type == XML_ELEMENT_NODE;
      if (children != 1) break;
      top = a;
    }
    // An article split into parts that share a class (a story body cut by an inline module): the
    // parts' common parent holds it, and the siblings step below takes the parts.
    if (int up = info_[top].parent; up >= 0 && info_[up].node != body_) {
      std::string cls = attr(info_[up].node, "class");
      bool split = false;
      for (xmlNode* c = info_[up].node->parent->children; c && !cls.empty(); c = c->next)
        split |= c != info_[up].node && c->type == XML_ELEMENT_NODE && at(c).candidate &&
                 !at(c).dropped && attr(c, "class") == cls;
      if (split) top = up;
    }
    if (!info_[top].candidate) init_candidate(info_[top]);
    return top;
  }

  std::vector<int> with_siblings(int top) {
    const Info& t = info_[top];
    std::vector<int> out;
    if (t.parent < 0) return {top};
    double threshold = std::max(10.0, t.score * 0.2);
    std::string top_class = attr(t.node, "class");
    for (xmlNode* c = info_[t.parent].node->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      int k = id(c);
      const Info& s = info_[k];
      if (s.dropped || s.invisible) continue;
      bool take = k == top;
      if (!take && s.candidate) {
        double bonus = !top_class.empty() && attr(c, "class") == top_class ? t.score * 0.2 : 0;
        take = s.score + bonus >= threshold;
      }
      if (!take && paragraph_like(s)) {
        double ld = link_density(s);
        std::string text = inner_text(c);
        double len = s.s.chars;
        if (len > 80 && ld < 0.25)
          take = true;
        else if (len > 0 && len < 80 && ld == 0 &&
                 (text.find(". ") != std::string::npos || text.ends_with('.')))
          take = true;
      }
      if (take) out.push_back(k);
    }
    return out;
  }

  // Readability's prepArticle: furniture inside the article.
  void clean(int root) {
    std::vector<int> inside;
    for (xmlNode* n = info_[root].node; n; n = next_node(n, info_[root].node))
      if (n->type == XML_ELEMENT_NODE) inside.push_back(id(n));
    // Dead: dropped or under a dropped element; one pre-order pass (deep pages stay linear).
    auto mark_dead = [&] {
      for (int k : inside)
        info_[k].dead = info_[k].dropped || (k != root && info_[info_[k].parent].dead);
    };
    mark_data_tables(inside);
    for (int k : inside) {
      Info& i = info_[k];
      i.in_data_table = k != root && (info_[i.parent].in_data_table ||
                                      data_tables_.count(info_[i.parent].node) > 0);
    }
    mark_dead();
    for (int k : inside) {
      if (k != root && info_[info_[k].parent].dead) info_[k].dead = true;
      if (info_[k].dead) continue;
      xmlNode* n = info_[k].node;
      // Sharing widgets, short enough not to be the article.
      if (k != root && share_widget(info_[k].match) && info_[k].s.chars < 500)
        drop(k);
      else if (name_in(n, {"object", "embed", "footer", "link", "aside", "iframe", "input",
                           "textarea", "select", "button", "fieldset"}))
        drop(k);
      else if ((name_is(n, "h1") || name_is(n, "h2")) && class_weight(info_[k]) < 0)
        drop(k);
      info_[k].dead = info_[k].dropped;
    }
    if (!flags_.clean_conditionally) return;
    // Reverse document order: inner furniture goes first, so an outer block is judged on what is
    // left of it (its statistics lose what is dropped).
    for (const char* tag : {"form", "table", "ul", "div"}) {
      mark_dead();
      for (auto it = inside.rbegin(); it != inside.rend(); ++it)
        if (name_is(info_[*it].node, tag) && !info_[*it].dead && *it != root && furniture(*it))
          drop(*it);
    }
  }

  void mark_data_tables(const std::vector<int>& inside) {
    for (int k : inside) {
      xmlNode* n = info_[k].node;
      if (!name_is(n, "table")) continue;
      bool data = false;
      if (attr(n, "role") == "presentation" || attr(n, "datatable") == "0") {
        data = false;
      } else if (!attr(n, "summary").empty()) {
        data = true;
      } else {
        int rows = 0, cols = 0;
        bool nested = false, head = false;
        for (xmlNode* d = n->children; d; d = next_node(d, n)) {
          if (name_in(d, {"caption", "thead", "tfoot", "th"})) head = true;
          if (name_is(d, "table")) nested = true;
          if (name_is(d, "tr")) {
            ++rows;
            int c = 0;
            for (xmlNode* td = d->children; td; td = td->next)
              if (name_is(td, "td") || name_is(td, "th")) {
                std::string span = attr(td, "colspan");
                c += span.empty() ? 1 : std::max(1, std::atoi(span.c_str()));
              }
            cols = std::max(cols, c);
          }
        }
        data = head || (!nested && (rows >= 10 || cols > 4 || rows * cols > 10));
      }
      if (data) data_tables_.insert(n);
    }
  }

  bool furniture(int k) {
    const Info& i = info_[k];
    xmlNode* n = i.node;
    if (data_tables_.count(n) || i.in_data_table || i.in_code || name_is(n, "code")) return false;
    bool is_list = name_is(n, "ul") || name_is(n, "ol");
    if (!is_list && i.s.chars > 0) is_list = i.s.li_chars / i.s.chars > 0.9;
    int weight = class_weight(i);
    if (weight < 0) return true;
    if (i.s.commas >= 10) return false;
    // An ad label or a loading notice alone (short: the text is only read then).
    std::string low = i.s.chars < 30 ? lower(inner_text(n)) : std::string();
    for (const char* w : {"ad", "advertising", "advertisement", "pub", "publicité", "werb",
                          "werbung", "广告", "реклама", "anuncio", "loading", "loading...",
                          "loading…", "chargement", "cargando", "загрузка", "正在加载"})
      if (low == w) return true;
    double p = i.s.p + i.s.div_p, img = i.s.img, li = i.s.li - 100.0;
    double len = i.s.chars, ld = link_density(i);
    double heading_density = len > 0 ? i.s.heading_chars / len : 0;
    double text_density = len > 0 ? i.s.textish_chars / len : 0;
    bool figure_child = i.in_figure;
    if (!figure_child && img > 1 && p / img < 0.5) return true;
    if (!is_list && li > p) return true;
    if (i.s.input > std::floor(p / 3)) return true;
    if (!is_list && !figure_child && heading_density < 0.9 && len < 25 && (img == 0 || img > 2) &&
        ld > 0)
      return true;
    if (!is_list && weight < 25 && ld > 0.2) return true;
    if (weight >= 25 && ld > 0.5) return true;
    if ((i.s.embed == 1 && len < 75) || i.s.embed > 1) return true;
    if (img == 0 && text_density == 0) return true;
    return false;
  }

  void collect_dropped(const std::vector<int>& roots, MainContent& mc) const {
    for (int r : roots)
      for (xmlNode* n = info_[r].node; n;) {
        bool gone = at(n).dropped;
        if (gone) mc.dropped.insert(n);
        n = next_node(n, info_[r].node, !gone);
      }
  }

  xmlNode* body_;
  Flags flags_;
  std::vector<Info> info_;
  std::vector<int> candidates_;
  std::unordered_set<const xmlNode*> data_tables_;
};

xmlNode* find_body(xmlDoc* doc) {
  xmlNode* root = xmlDocGetRootElement(doc);
  for (xmlNode* n = root; n; n = next_node(n, root))
    if (name_is(n, "body")) return n;
  return root;
}

}  // namespace

bool is_hidden(const xmlNode* n) {
  if (n->type != XML_ELEMENT_NODE) return false;
  if (has_attr(n, "hidden")) return true;
  if (attr(n, "aria-hidden") == "true" &&
      attr(n, "class").find("fallback-image") == std::string::npos)
    return true;
  std::string style = attr(n, "style");
  if (style.empty()) return false;
  std::string s;
  for (char c : lower(style))
    if (!is_space(c)) s += c;
  return s.find("display:none") != std::string::npos ||
         s.find("visibility:hidden") != std::string::npos;
}

MainContent find_main_content(xmlDoc* doc, std::string& byline_out) {
  xmlNode* body = find_body(doc);
  if (!body) return {};
  Scorer scorer(body);
  // Readability's retries: fewer rules each time until the article has 500 characters; else the
  // attempt that kept the most.
  const Flags attempts[] = {
      {true, true, true}, {false, true, true}, {false, false, true}, {false, false, false}};
  MainContent best;
  double best_chars = -1;
  std::string best_byline;
  for (const Flags& f : attempts) {
    std::string byline;
    MainContent mc = scorer.run(f, byline);
    double chars = scorer.kept_chars(mc);
    if (chars >= 500) {
      byline_out = byline;
      return mc;
    }
    if (chars > best_chars) {
      best = std::move(mc);
      best_chars = chars;
      best_byline = byline;
    }
  }
  if (best_chars <= 0) return scorer.whole_body();
  byline_out = best_byline;
  return best;
}

}  // namespace softgraph::ingest::html
