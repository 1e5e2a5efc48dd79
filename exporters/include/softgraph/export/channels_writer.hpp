// The channel dominance report as a terminal table, CSV and JSON (`softgraph channels`).
#pragma once

#include <ostream>

#include "softgraph/analysis/channels.hpp"

namespace softgraph {

// Per channel: a heading with the HHI and the carrying institutions, then one aligned row per
// actor (rank, label, share %, direct and via-institution weight, evidence sentences). Channels
// without actors say so in one line. `by_target` adds the per-target tables.
void write_channels_table(const ChannelReport& report, std::ostream& out, bool by_target = false);

// One row per (channel, target, actor); target is empty for the overall shares. Columns:
// channel,instrument,target,rank,actor,label,share,raw,direct,via_institutions,sentences,hhi,
// institutions,evidence (lists joined with ';'). Fields through escape::csv_field.
void write_channels_csv(const ChannelReport& report, std::ostream& out);

// {"channels": [{"channel", "instrument", "label", "total", "unattributed", "hhi", "actors":
// [...], "institutions": [...], "by_target": [...]}]}: keys in this fixed order, doubles shortest
// round-trip (std::to_chars), two-space indent, trailing newline.
void write_channels_json(const ChannelReport& report, std::ostream& out);

}  // namespace softgraph
