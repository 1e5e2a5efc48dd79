// Page furniture: sentences no relation is read from (citations, credits, mastheads,
// acknowledgements, disclaimers), and running prose that must stay. Sentences of our own.
#include "page_furniture.hpp"

#include <doctest/doctest.h>

using namespace softgraph;

namespace {
bool furniture(const char* text) {
  return furniture_text(text, RelationRules::builtin().furniture);
}
}  // namespace

TEST_CASE("citations, credits and names are furniture") {
  CHECK(furniture("Jane Roe, \u201cNorway Expands Aid to Chad,\u201d Harbor Times, 3 May 2016."));
  CHECK(furniture("\u201cChad Votes,\u2019\u201d Harbor Times (blog), June 3, 2016."));
  CHECK(furniture("Ministry report on aid (Oslo: Ministry of Foreign Affairs, 2014)."));
  CHECK(furniture("^ \"Japan and Fiji sign trade pact\". Harbor Times."));
  CHECK(furniture("12 See Roe (2001, 45); Doe (2003)."));
  CHECK(furniture("Photo: John Doe/Radio Kestrel/Getty Images"));
  CHECK(furniture("This work was supported by the Lumen Institute under grant 42."));
  CHECK(
      furniture("The views expressed are the author's and do not necessarily reflect those of "
                "the Ministry of Defence."));
  CHECK(furniture("New Zealand Ministry of Foreign Affairs and Trade."));
  CHECK(furniture("Harbor Fund Annual Report 2015, available from www.harborfund.example/report."));
}

TEST_CASE("prose stays, citations in it too") {
  CHECK_FALSE(furniture("Norway lends to Chad."));
  CHECK_FALSE(furniture("Japan built schools in Fiji (Roe 2010)."));
  CHECK_FALSE(
      furniture("Norway called its loans \u201ca gift to Chad,\u201d and analysts agreed "
                "in 2015."));
  CHECK_FALSE(furniture("Norway funds Radio Kestrel, which opened in 2014."));
  CHECK_FALSE(furniture("In 2014, Japan said the loans were \u201cgenerous.\u201d"));
}
