// Writes the channel dominance report: an aligned table for terminals (labels through
// terminal_text: the table is read on a terminal), CSV and JSON.
#include "softgraph/export/channels_writer.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "json_out.hpp"
#include "softgraph/core/terminal_text.hpp"
#include "softgraph/export/escape.hpp"

namespace softgraph {

namespace {

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

// Display width in code points (labels are UTF-8; continuation bytes take no column).
std::size_t width(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string pad(const std::string& s, std::size_t w, bool right = false) {
  const std::size_t n = width(s);
  if (n >= w) return s;
  return right ? std::string(w - n, ' ') + s : s + std::string(w - n, ' ');
}

void table_rows(const std::vector<ActorShare>& actors, std::ostream& out) {
  const std::vector<std::string> head = {"rank",   "actor",     "share",
                                         "direct", "via inst.", "sentences"};
  std::vector<std::vector<std::string>> rows;
  for (const auto& a : actors)
    rows.push_back({std::to_string(a.rank), terminal_text(a.label), fixed(a.share * 100, 1) + " %",
                    fixed(a.direct, 2), fixed(a.via_institutions, 2), std::to_string(a.sentences)});
  std::vector<std::size_t> w(head.size());
  for (std::size_t c = 0; c < head.size(); ++c) {
    w[c] = width(head[c]);
    for (const auto& r : rows) w[c] = std::max(w[c], width(r[c]));
  }
  auto line = [&](const std::vector<std::string>& cells) {
    out << "  ";
    for (std::size_t c = 0; c < cells.size(); ++c)
      out << (c ? "  " : "") << pad(cells[c], w[c], c != 1);
    out << '\n';
  };
  line(head);
  for (const auto& r : rows) line(r);
}

void carriers(const ChannelEntry& c, std::ostream& out) {
  if (c.institutions.empty()) return;
  out << "  carried by: ";
  bool first = true;
  for (const auto& i : c.institutions) {
    out << (first ? "" : ", ") << terminal_text(i.label) << " (" << fixed(i.weight, 2);
    out << (i.owners.empty() ? ", no operator" : ", " + terminal_text(join(i.owners, "+"))) << ")";
    first = false;
  }
  out << '\n';
}

void csv_row(std::ostream& out, const ChannelEntry& c, const std::string& target, double hhi,
             const ActorShare& a) {
  auto num = [](double v) { return escape::number(v).value_or(""); };
  const std::vector<std::string> cells = {c.channel,
                                          c.instrument,
                                          target,
                                          std::to_string(a.rank),
                                          a.actor,
                                          a.label,
                                          num(a.share),
                                          num(a.raw),
                                          num(a.direct),
                                          num(a.via_institutions),
                                          std::to_string(a.sentences),
                                          num(hhi),
                                          join(a.institutions, ";"),
                                          join(a.evidence, ";")};
  for (std::size_t i = 0; i < cells.size(); ++i)
    out << (i ? "," : "") << escape::csv_field(cells[i]);
  out << "\r\n";
}

void json_actors(JsonOut& j, const std::vector<ActorShare>& actors) {
  j.begin_array();
  for (const auto& a : actors) {
    j.begin_object();
    j.field("rank", a.rank);
    j.field("actor", a.actor);
    j.field("label", a.label);
    j.field("share", a.share);
    j.field("raw", a.raw);
    j.field("direct", a.direct);
    j.field("via_institutions", a.via_institutions);
    j.field("institutions", a.institutions);
    j.field("evidence", a.evidence);
    j.field("sentences", a.sentences);
    j.end_object();
  }
  j.end_array();
}

void json_channel(JsonOut& j, const ChannelEntry& c) {
  j.begin_object();
  j.field("channel", c.channel);
  j.field("instrument", c.instrument);
  j.field("label", c.label);
  j.field("total", c.total);
  j.field("unattributed", c.unattributed);
  j.field("hhi", c.hhi);
  j.key("actors");
  json_actors(j, c.actors);
  j.key("institutions");
  j.begin_array();
  for (const auto& i : c.institutions) {
    j.begin_object();
    j.field("institution", i.institution);
    j.field("label", i.label);
    j.field("weight", i.weight);
    j.field("owners", i.owners);
    j.field("edge", i.edge);
    j.end_object();
  }
  j.end_array();
  j.key("by_target");
  j.begin_array();
  for (const auto& t : c.by_target) {
    j.begin_object();
    j.field("target", t.target);
    j.field("label", t.label);
    j.field("total", t.total);
    j.field("hhi", t.hhi);
    j.key("actors");
    json_actors(j, t.actors);
    j.end_object();
  }
  j.end_array();
  j.end_object();
}

}  // namespace

void write_channels_table(const ChannelReport& report, std::ostream& out, bool by_target) {
  bool first = true;
  for (const auto& c : report.channels) {
    out << (first ? "" : "\n") << terminal_text(c.channel);
    first = false;
    if (c.actors.empty()) {
      out << ": no actor\n";
      carriers(c, out);
      continue;
    }
    out << "  (HHI " << fixed(c.hhi, 3) << ", " << c.actors.size() << " actor"
        << (c.actors.size() == 1 ? "" : "s") << ")\n";
    carriers(c, out);
    table_rows(c.actors, out);
    if (!by_target) continue;
    for (const auto& t : c.by_target) {
      out << "  in " << terminal_text(t.label) << " (HHI " << fixed(t.hhi, 3) << ")\n";
      table_rows(t.actors, out);
    }
  }
}

void write_channels_csv(const ChannelReport& report, std::ostream& out) {
  out << "channel,instrument,target,rank,actor,label,share,raw,direct,via_institutions,sentences,"
         "hhi,institutions,evidence\r\n";
  for (const auto& c : report.channels) {
    for (const auto& a : c.actors) csv_row(out, c, "", c.hhi, a);
    for (const auto& t : c.by_target)
      for (const auto& a : t.actors) csv_row(out, c, t.target, t.hhi, a);
  }
}

void write_channels_json(const ChannelReport& report, std::ostream& out) {
  JsonOut j(out);
  j.begin_object();
  j.key("channels");
  j.begin_array();
  for (const auto& c : report.channels) json_channel(j, c);
  j.end_array();
  j.end_object();
  j.finish();
}

}  // namespace softgraph
