// Where bibliography entries begin inside one line of a reference list: a PDF reader that joins a
// column's lines gives a whole hanging-indent list as one paragraph, and an entry may wrap over
// lines of a text file. Starts are numbered labels in sequence ("[7]" after "[6]"), author-date
// openings after the end of the entry before ("... 415-19. Alesina, Alberto and David Dollar.
// 2000."), same-author dashes ("———. 1971.") and, in lists that have them, years standing for
// authors ("2022. NATO - Homepage.").
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace softgraph::refs {

class EntrySplitter {
 public:
  // Whether `line` opens an entry at its first byte (`paragraph`: it follows a blank line, where
  // names alone up to a full stop suffice; `open_before`: the entry open before it). Records the
  // label of a numbered list.
  bool opens(std::string_view line, bool paragraph, std::string_view open_before);
  // Byte offsets after the first where entries begin in `line`, in order. `open_before`: the
  // text of the entry open before `line` (its year tells whether a year may stand for authors).
  std::vector<std::size_t> inner_starts(std::string_view line, std::string_view open_before);
  bool numbered() const { return next_number_ > 0; }

 private:
  int next_number_ = 0;  // the label expected next in a numbered list, 0 if not numbered
};

}  // namespace softgraph::refs
