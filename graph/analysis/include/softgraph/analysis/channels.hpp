// Channel dominance: for each instrument channel, each actor's share of it (own use plus what its
// institutions deliver), the rank, the concentration (HHI), the carrying institutions and the
// evidence; overall and per target country.
#pragma once

#include <string>
#include <vector>

#include "softgraph/graph/graph.hpp"

namespace softgraph {

// Rules (the README repeats them):
// - A channel is an Instrument node; its name is attributes.channel (the codebook id) or else the
//   id after "instrument/".
// - An actor's raw score in a channel counts each distinct evidence sentence once: 1 for a
//   sentence of its USES_INSTRUMENT edge to the instrument; for a sentence only on the DELIVERS
//   edges of institutions it OPERATES, 1 / (the number of actors operating the institution), the
//   largest such part when several of its institutions deliver in it. A sentence naming the actor
//   and three of its institutions counts once. Weight an edge has beyond the sentences its
//   evidence lists (--max-evidence, given weights) counts as further sentences of that edge.
//   An "actor" is any node with such edges (a TargetCountry with the actor role too).
// - share = raw / sum of raws in the channel (shares sum to 1); DELIVERS weight of institutions
//   nobody operates is reported as `unattributed` and is in no share.
// - rank: by share, descending; equal raw scores share a rank (1, 2, 2, 4); ties are listed by
//   actor id. HHI = sum of squared shares (1/k for k equal actors, 1 for a monopoly, 0 when the
//   channel has no actor).
// - evidence: the ids of the USES_INSTRUMENT, OPERATES and DELIVERS edges behind the share, and
//   the number of distinct evidence sentences on them.
// - By target: a target is whatever receives TARGETS, whatever its type (a state that acts
//   elsewhere too). A sentence counts for the targets that the TARGETS edges of the actor (or of
//   the delivering institution) resting on the same sentence name; a sentence that names none
//   counts for the regions the institution, or else the actor, targets. Sentences an edge's
//   evidence does not list count for all the institution's targets, or else the actor's. Each
//   (channel, target) is normalised on its own.
struct ActorShare {
  std::string actor;  // node id
  std::string label;
  double direct = 0;            // USES_INSTRUMENT weight
  double via_institutions = 0;  // split DELIVERS weights
  double raw = 0;               // direct + via_institutions
  double share = 0;             // raw / channel total
  int rank = 0;
  std::vector<std::string> institutions;  // institutions counted for it, by id
  std::vector<std::string> evidence;      // edge ids, sorted
  int sentences = 0;                      // distinct (document, sentence) behind the edges
};

struct CarryingInstitution {
  std::string institution;  // node id
  std::string label;
  double weight = 0;                // DELIVERS weight
  std::vector<std::string> owners;  // operating actors, by id
  std::string edge;                 // the DELIVERS edge id
};

struct TargetBreakdown {
  std::string target;  // node id of the TargetCountry or Region
  std::string label;
  double total = 0;
  double hhi = 0;
  std::vector<ActorShare> actors;  // ranked within this target
};

struct ChannelEntry {
  std::string channel;     // codebook id, e.g. "education"
  std::string instrument;  // node id, e.g. "instrument/education"
  std::string label;
  double total = 0;         // sum of the actors' raw scores
  double unattributed = 0;  // DELIVERS weight of institutions nobody operates
  double hhi = 0;
  std::vector<ActorShare> actors;                     // by rank
  std::vector<CarryingInstitution> institutions;      // by weight, then id
  std::vector<TargetBreakdown> by_target;             // by target id
  double find_share(const std::string& actor) const;  // 0 when the actor has none
};

struct ChannelReport {
  std::vector<ChannelEntry> channels;  // by channel name
  const ChannelEntry* find(const std::string& channel) const;
};

// details false gives the shares alone (what annotate_channels needs): no per-target breakdown,
// no institutions, evidence ids or sentence counts per actor, which on a large graph are most of
// the report's memory.
ChannelReport compute_channels(const Graph& g, bool details = true);

// Writes the shares into node attributes so every export carries them: each actor with a share
// gets "channel_share_<channel>" (double), "dominance" and "channels_led" (dominance.hpp); each
// instrument gets "hhi" (double) and, when it has actors, "dominant_actor" (the id of the first
// actor in rank order).
void annotate_channels(Graph& g, const ChannelReport& report);

}  // namespace softgraph
