// The channel matrix figure and its CSV (channel_matrix.hpp). The figure is a Graphviz HTML-like
// table, so that SVG and PNG come from the same renderer as the diagrams, with real <text>.
#include "softgraph/export/channel_matrix.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "softgraph/analysis/channels.hpp"
#include "softgraph/analysis/dominance.hpp"
#include "softgraph/core/error.hpp"
#include "softgraph/export/escape.hpp"

namespace softgraph {
namespace {

// Soft to hard, the order Nye draws his spectrum from attraction to coercion.
int spectrum_order(const std::string& s) {
  static const std::vector<std::string> kOrder = {"attraction", "agenda_setting", "inducement",
                                                  "coercion"};
  auto it = std::find(kOrder.begin(), kOrder.end(), s);
  return static_cast<int>(it - kOrder.begin());
}

std::string attr_string(const NodeProps& n, const std::string& key) {
  auto it = n.attributes.find(key);
  if (it == n.attributes.end()) return "";
  const auto* s = std::get_if<std::string>(&it->second);
  return s ? *s : "";
}

std::string fixed(double x, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  return buf;
}

// White to ColorBrewer's darkest "Blues" (#08306b) as the share goes from 0 to 1.
std::string shade(double share) {
  const int from[3] = {0xff, 0xff, 0xff}, to[3] = {0x08, 0x30, 0x6b};
  char buf[8];
  int c[3];
  for (int i = 0; i < 3; ++i)
    c[i] = static_cast<int>(std::lround(from[i] + (to[i] - from[i]) * std::clamp(share, 0.0, 1.0)));
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c[0], c[1], c[2]);
  return buf;
}

std::string html(std::string_view s) { return escape::xml_text(s); }

// "Financial aid and loans" -> "Financial aid<BR/>and loans": headers two lines at most.
std::string wrap(const std::string& label) {
  if (label.size() <= 10) return html(label);
  std::size_t best = std::string::npos;
  for (std::size_t i = 0; i < label.size(); ++i)
    if (label[i] == ' ' &&
        (best == std::string::npos ||
         std::abs(static_cast<long>(i) - static_cast<long>(label.size() / 2)) <
             std::abs(static_cast<long>(best) - static_cast<long>(label.size() / 2))))
      best = i;
  if (best == std::string::npos) return html(label);
  return html(label.substr(0, best)) + "<BR/>" + html(label.substr(best + 1));
}

// One gvc context, never freed (see layout.cpp: freeing one breaks the next).
GVC_t* context() {
  static GVC_t* gvc = gvContext();
  return gvc;
}

}  // namespace

ChannelMatrix channel_matrix(const Graph& g) {
  const ChannelReport report = compute_channels(g);
  const std::vector<ActorDominance> ranking = rank_dominance(report);
  ChannelMatrix m;
  std::vector<const ChannelEntry*> entries;
  for (const auto& c : report.channels)
    if (!c.actors.empty() && c.total > 0) entries.push_back(&c);
  auto spectrum = [&](const ChannelEntry* c) {
    auto v = g.find(c->instrument);
    return v ? attr_string(g.node(*v), "spectrum") : std::string();
  };
  std::stable_sort(entries.begin(), entries.end(),
                   [&](const ChannelEntry* a, const ChannelEntry* b) {
                     return spectrum_order(spectrum(a)) < spectrum_order(spectrum(b));
                   });
  for (const ChannelEntry* c : entries) {
    ChannelMatrix::Column col{
        c->channel, c->label.empty() ? c->channel : c->label, spectrum(c), c->hhi, c->total, {}};
    for (const auto& a : c->actors)
      if (a.rank == 1) col.leaders.push_back(a.actor);
    m.columns.push_back(std::move(col));
  }
  for (const auto& d : ranking) {
    ChannelMatrix::Row row{d.actor, d.label, d.channels_led, d.score, {}, {}};
    for (const ChannelEntry* c : entries) {
      double share = -1;
      bool lead = false;
      for (const auto& a : c->actors)
        if (a.actor == d.actor) {
          share = a.share;
          lead = a.rank == 1;
        }
      row.share.push_back(share);
      row.leads.push_back(lead);
    }
    m.rows.push_back(std::move(row));
  }
  return m;
}

void write_channel_matrix_csv(const ChannelMatrix& m, std::ostream& out) {
  out << "actor,label";
  for (const auto& c : m.columns) out << "," << escape::csv_field(c.channel);
  out << ",channels_led,dominance\n";
  for (const auto& r : m.rows) {
    out << escape::csv_field(r.actor) << "," << escape::csv_field(r.label);
    for (double s : r.share) out << "," << (s < 0 ? std::string() : fixed(s, 4));
    out << "," << fixed(r.channels_led, 4) << "," << fixed(r.dominance, 4) << "\n";
  }
  out << "hhi,HHI";
  for (const auto& c : m.columns) out << "," << fixed(c.hhi, 4);
  out << ",,\nsentences,Evidence sentences";
  for (const auto& c : m.columns) out << "," << fixed(c.sentences, 2);
  out << ",,\nleader,Leader";
  for (const auto& c : m.columns) {
    std::string ids;
    for (const auto& l : c.leaders) ids += (ids.empty() ? "" : "|") + l;
    out << "," << escape::csv_field(ids);
  }
  out << ",,\n";
}

std::string channel_matrix_dot(const ChannelMatrix& m) {
  const std::string head = "BGCOLOR=\"#f0f0f0\"";
  std::string t =
      "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"5\" "
      "COLOR=\"#9e9e9e\">\n";
  const std::size_t span = m.columns.size() + 3;
  t += "<TR><TD COLSPAN=\"" + std::to_string(span) +
       "\" BORDER=\"0\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"16\"><B>Who dominates which channel"
       "</B></FONT><BR ALIGN=\"LEFT\"/><FONT POINT-SIZE=\"10\">Share of each channel's evidence "
       "sentences (each sentence once); channels from soft (attraction) to hard (coercion)"
       "</FONT><BR ALIGN=\"LEFT\"/></TD></TR>\n";
  // Spectrum groups over the channel columns.
  t += "<TR><TD BORDER=\"0\"></TD>";
  for (std::size_t i = 0; i < m.columns.size();) {
    std::size_t j = i;
    while (j < m.columns.size() && m.columns[j].spectrum == m.columns[i].spectrum) ++j;
    std::string name = m.columns[i].spectrum.empty() ? "other" : m.columns[i].spectrum;
    std::replace(name.begin(), name.end(), '_', ' ');
    t +=
        "<TD COLSPAN=\"" + std::to_string(j - i) + "\" " + head + "><I>" + html(name) + "</I></TD>";
    i = j;
  }
  t += "<TD BORDER=\"0\" COLSPAN=\"2\"></TD></TR>\n<TR><TD " + head + "><B>Actor</B></TD>";
  for (const auto& c : m.columns) t += "<TD " + head + "><B>" + wrap(c.label) + "</B></TD>";
  t += "<TD " + head + "><B>Channels<BR/>led</B></TD><TD " + head + "><B>Dominance</B></TD></TR>\n";
  for (const auto& r : m.rows) {
    t += "<TR><TD ALIGN=\"LEFT\">" + html(r.label) + "</TD>";
    for (std::size_t i = 0; i < m.columns.size(); ++i) {
      const double s = r.share[i];
      if (s < 0) {
        t += "<TD></TD>";
        continue;
      }
      const std::string text = (r.leads[i] ? "★ " : "") + fixed(100 * s, 0) + "%";
      const std::string colour = s > 0.5 ? "white" : "black";
      std::string cell = "<FONT COLOR=\"" + colour + "\">" + text + "</FONT>";
      if (r.leads[i]) cell = "<B>" + cell + "</B>";
      t += "<TD BGCOLOR=\"" + shade(s) + "\">" + cell + "</TD>";
    }
    t += "<TD>" + fixed(r.channels_led, r.channels_led == std::floor(r.channels_led) ? 0 : 2) +
         "</TD><TD>" + fixed(r.dominance, 2) + "</TD></TR>\n";
  }
  t += "<TR><TD ALIGN=\"LEFT\" " + head + "><B>HHI</B></TD>";
  for (const auto& c : m.columns) t += "<TD " + head + ">" + fixed(c.hhi, 2) + "</TD>";
  t += "<TD BORDER=\"0\" COLSPAN=\"2\"></TD></TR>\n<TR><TD ALIGN=\"LEFT\" " + head +
       "><B>Sentences</B></TD>";
  for (const auto& c : m.columns)
    t += "<TD " + head + ">" + fixed(c.sentences, c.sentences == std::floor(c.sentences) ? 0 : 1) +
         "</TD>";
  t += "<TD BORDER=\"0\" COLSPAN=\"2\"></TD></TR>\n";
  t += "<TR><TD COLSPAN=\"" + std::to_string(span) +
       "\" BORDER=\"0\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">★ leads the channel (every actor "
       "of a tie is marked). Darker: larger share. HHI = sum of squared shares (1: one actor; 1/k: "
       "k equal actors). Dominance = sum of shares + channels led (a shared lead split)."
       "</FONT></TD></TR>\n</TABLE>";
  return "digraph channel_matrix {\n  graph [fontname=\"DejaVu Sans\", pad=\"0.3\", "
         "bgcolor=\"white\"];\n  node [shape=plaintext, fontname=\"DejaVu Sans\", "
         "fontsize=\"11\"];\n  matrix [label=<\n" +
         t + "\n>];\n}\n";
}

std::string render_channel_matrix(const ChannelMatrix& m, const std::string& format) {
  const std::string dot = channel_matrix_dot(m);
  Agraph_t* g = agmemread(dot.c_str());
  if (!g) throw internal_error("the channel matrix's DOT does not parse");
  GVC_t* gvc = context();
  std::string out;
  const bool laid_out = gvLayout(gvc, g, "dot") == 0;
  char* data = nullptr;
  unsigned int length = 0;
  const bool ok = laid_out && gvRenderData(gvc, g, format.c_str(), &data, &length) == 0 && data;
  if (ok) out.assign(data, length);
  if (data) gvFreeRenderData(data);
  if (laid_out) gvFreeLayout(gvc, g);
  agclose(g);
  if (!ok)
    throw Error(ErrorCode::kOutput, "channel-matrix." + format, "",
                "Graphviz cannot render the channel matrix as " + format);
  return out;
}

void write_channel_matrix_files(const Graph& g, Sink& sink) {
  const ChannelMatrix m = channel_matrix(g);
  write_channel_matrix_csv(m, sink.open("channel-matrix.csv"));
  sink.open("channel-matrix.svg") << render_channel_matrix(m, "svg");
  sink.open("channel-matrix.png") << render_channel_matrix(m, "png");
}

}  // namespace softgraph
