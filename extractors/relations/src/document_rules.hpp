// What a document as a whole tells the relation patterns: the state it is about, the state each
// section's heading names, and the relations the lexicon knows (an institution's owner, an
// organisation's members named beside it, the list under a "Membership" heading).
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "sentence_graph.hpp"
#include "softgraph/core/document.hpp"

namespace softgraph {

using FactsOf = std::function<const EntityFacts*(const Mention&)>;

class DocumentScope {
 public:
  // `titles`: phrases that, in a document's title or first sentence before a state's name, make
  // the document one on that state's foreign relations ("Foreign relations of Laos").
  // `captions`: first words of a short line that is a figure's caption or a note, no heading
  // ("Note: compiled by the authors").
  DocumentScope(const Document& doc, const std::vector<Mention>& mentions, FactsOf facts_of,
                const std::set<std::string, std::less<>>& titles,
                const std::set<std::string, std::less<>>& captions);
  // The state named far more often than any other (a text on one state's relations), or null.
  const EntityFacts* main_country() const { return main_; }
  // The state whose foreign relations the title says the document is about, or null.
  const EntityFacts* titled_country() const { return titled_; }
  // The place a text is about: its main country, or the region named far more often than any
  // other ("Central Asia" in a study of it), or null.
  const EntityFacts* focus_place() const { return focus_; }
  // The region named far more often than any other, or null.
  const EntityFacts* focus_region() const { return region_; }
  // The state the heading of `section` names, or the state a short heading line before
  // `paragraph` names ("Armenia" alone on a line, then text on Armenia), or null.
  const EntityFacts* section_country(int section, int paragraph) const;
  // Whether `section`'s heading announces a list of memberships.
  bool membership_section(int section) const;

 private:
  const EntityFacts* main_ = nullptr;
  const EntityFacts* titled_ = nullptr;
  const EntityFacts* focus_ = nullptr;
  const EntityFacts* region_ = nullptr;
  std::vector<const EntityFacts*> heading_state_;  // by section
  std::vector<char> membership_;                   // by section
  std::vector<const EntityFacts*> line_state_;     // by paragraph: the heading line's state
};

// Appends OPERATES from the lexicon's owners, DELIVERS from an institution's one channel in the
// lexicon (not where it is named only as a news source: `source_cues` end the words before such a
// name), MEMBER_OF from its member lists where a member is named in a sentence with its
// organisation, and MEMBER_OF for the document's state from the organisations listed under a
// membership heading. The first three read no sentence `furniture` marks (page_furniture.hpp).
// `main`: the state the text is about as a recipient (see DocumentScope::main_country), or null.
void add_lexicon_relations(const Document& doc, const std::vector<Mention>& mentions,
                           const FactsOf& facts_of, const DocumentScope& scope,
                           const EntityFacts* main,
                           const std::set<std::string, std::less<>>& source_cues,
                           const std::vector<char>& furniture, std::vector<Relation>& out);

}  // namespace softgraph
