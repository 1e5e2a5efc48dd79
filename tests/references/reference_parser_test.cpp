// The bibliography-entry parser on entries written for these tests in each supported style.
#include "reference_parser.hpp"

#include <doctest/doctest.h>

using softgraph::refs::parse_reference;

TEST_CASE("parses an APA journal article with two authors, volume(issue), pages and DOI") {
  auto r = parse_reference(
      "Keohane, R. O., & Nye, J. S. (1998). Power and interdependence in the information age. "
      "*Foreign Affairs*, 77(5), 81-94. https://doi.org/10.2307/20049052");
  REQUIRE(r.authors.size() == 2);
  CHECK(r.authors[0].family == "Keohane");
  CHECK(r.authors[0].initials == "R. O.");
  CHECK(r.authors[1].family == "Nye");
  CHECK(r.authors[1].initials == "J. S.");
  CHECK(r.year == 1998);
  CHECK(r.title == "Power and interdependence in the information age");
  CHECK(r.venue == "Foreign Affairs");
  CHECK(r.volume == "77");
  CHECK(r.issue == "5");
  CHECK(r.pages == "81-94");
  CHECK(r.doi == "10.2307/20049052");
  CHECK(r.url.empty());
  CHECK(r.style == "apa");
  CHECK(r.language == "en");
}

TEST_CASE("parses an APA book: italic title, publisher, book type, year suffix") {
  auto r = parse_reference(
      "- Nye, J. S. (2004a). *Soft power: The means to success in world politics*. PublicAffairs.");
  REQUIRE(r.authors.size() == 1);
  CHECK(r.year == 2004);
  CHECK(r.year_suffix == "a");
  CHECK(r.title == "Soft power: The means to success in world politics");
  CHECK(r.publisher == "PublicAffairs");
  CHECK(r.type == "book");
  CHECK(r.text.rfind("Nye, J. S.", 0) == 0);  // the bullet is not part of the entry
}

TEST_CASE("parses a Chicago author-date article with given names and a given-first co-author") {
  auto r = parse_reference(
      "Cooley, Alexander, and Daniel H. Nexon. 2020. \xE2\x80\x9CHow Hegemony Ends.\xE2\x80\x9D "
      "*Foreign Affairs* 99 (4): 143\xE2\x80\x93"
      "56.");
  REQUIRE(r.authors.size() == 2);
  CHECK(r.authors[0].family == "Cooley");
  CHECK(r.authors[0].given == "Alexander");
  CHECK(r.authors[1].family == "Nexon");
  CHECK(r.authors[1].given == "Daniel H.");
  CHECK(r.authors[1].initials == "D. H.");
  CHECK(r.year == 2020);
  CHECK(r.title == "How Hegemony Ends");
  CHECK(r.venue == "Foreign Affairs");
  CHECK(r.volume == "99");
  CHECK(r.issue == "4");
  CHECK(r.pages == "143-56");
  CHECK(r.style == "chicago");
}

TEST_CASE("parses Harvard entries: quoted article title, pp. pages; place and publisher") {
  auto a = parse_reference(
      "Kassenova, N. (2009) 'China as an emerging donor in Tajikistan and Kyrgyzstan', "
      "Russie.Nei.Visions, 36, pp. 1\xE2\x80\x93"
      "25.");
  REQUIRE(a.authors.size() == 1);
  CHECK(a.authors[0].family == "Kassenova");
  CHECK(a.year == 2009);
  CHECK(a.title == "China as an emerging donor in Tajikistan and Kyrgyzstan");
  CHECK(a.venue == "Russie.Nei.Visions");
  CHECK(a.volume == "36");
  CHECK(a.pages == "1-25");
  CHECK(a.style == "harvard");

  auto b = parse_reference(
      "Laruelle, M. and Peyrouse, S. (2013) Globalizing Central Asia: geopolitics and the "
      "challenges of economic development. Armonk: M.E. Sharpe.");
  REQUIRE(b.authors.size() == 2);
  CHECK(b.authors[1].family == "Peyrouse");
  CHECK(b.title ==
        "Globalizing Central Asia: geopolitics and the challenges of economic development");
  CHECK(b.place == "Armonk");
  CHECK(b.publisher == "M.E. Sharpe");
  CHECK(b.type == "book");
}

TEST_CASE("parses GOST entries: article after //, book with place, Kazakh language") {
  auto a = parse_reference(
      "Сыроежкин К.Л. Казахстан и Китай: от торговли к партнерству // Казахстан в глобальных "
      "процессах. 2010. № 1. С. 42–58.");
  REQUIRE(a.authors.size() == 1);
  CHECK(a.authors[0].family == "Сыроежкин");
  CHECK(a.authors[0].initials == "К. Л.");
  CHECK(a.title == "Казахстан и Китай: от торговли к партнерству");
  CHECK(a.venue == "Казахстан в глобальных процессах");
  CHECK(a.year == 2010);
  CHECK(a.issue == "1");
  CHECK(a.pages == "42-58");
  CHECK(a.language == "ru");
  CHECK(a.style == "gost");

  auto b = parse_reference(
      "Иванов И.И., Петров П.П. Мягкая сила в Центральной Азии. М.: Наука, 2015. 240 с.");
  REQUIRE(b.authors.size() == 2);
  CHECK(b.authors[1].family == "Петров");
  CHECK(b.title == "Мягкая сила в Центральной Азии");
  CHECK(b.publisher == "Наука");
  CHECK(b.year == 2015);
  CHECK(b.type == "book");
  CHECK(b.pages.empty());  // "240 с." is a page count, not a range

  auto c = parse_reference(
      "Нұрсұлтанов Б.А. и др. Жұмсақ күш және Қазақстан // Хабаршы. 2019. Т. 3, № 2. С. 10–20.");
  CHECK(c.et_al);
  CHECK(c.language == "kk");
  CHECK(c.volume == "3");
  CHECK(c.issue == "2");
  CHECK(c.year == 2019);
}

TEST_CASE("parses numbered Vancouver and IEEE entries") {
  auto v = parse_reference(
      "1. Smith JA, Jones KB. Soft power in Central Asia. Asian Survey. 2015;55(3):512-30.");
  CHECK(v.number == 1);
  REQUIRE(v.authors.size() == 2);
  CHECK(v.authors[0].family == "Smith");
  CHECK(v.authors[0].initials == "J. A.");
  CHECK(v.authors[1].family == "Jones");
  CHECK(v.title == "Soft power in Central Asia");
  CHECK(v.venue == "Asian Survey");
  CHECK(v.year == 2015);
  CHECK(v.volume == "55");
  CHECK(v.issue == "3");
  CHECK(v.pages == "512-30");

  auto i = parse_reference(
      "[2] A. Cooley and J. Heathershaw, \xE2\x80\x9C"
      "Dictators without borders,\xE2\x80\x9D "
      "*Journal of Democracy*, vol. 28, no. 2, pp. 45–59, 2017.");
  CHECK(i.number == 2);
  REQUIRE(i.authors.size() == 2);
  CHECK(i.authors[0].family == "Cooley");
  CHECK(i.authors[1].family == "Heathershaw");
  CHECK(i.title == "Dictators without borders");
  CHECK(i.venue == "Journal of Democracy");
  CHECK(i.volume == "28");
  CHECK(i.issue == "2");
  CHECK(i.pages == "45-59");
  CHECK(i.year == 2017);
  CHECK(i.style == "ieee");
}

TEST_CASE("keeps the transliterated title, its bracketed translation and the genre apart") {
  auto r = parse_reference(
      "Ivanov, I. I., et al. (2012). Myagkaya sila Rossii [Russia's soft power] [Abstract of "
      "doctoral dissertation]. Moscow. <https://example.org/thesis.pdf>");
  CHECK(r.et_al);
  CHECK(r.title == "Myagkaya sila Rossii");
  CHECK(r.title_translation == "Russia's soft power");
  CHECK(r.genre == "Abstract of doctoral dissertation");
  CHECK(r.type == "thesis");
  CHECK(r.place == "Moscow");
  CHECK(r.url == "https://example.org/thesis.pdf");
}

TEST_CASE("survives entries it cannot understand") {
  for (const char* s : {"", "-", "(", "[1]", "Text without any year or author", "1999", "((((",
                        "Nye, J. (", "Smith, J. (2020). \xE2\x80\x9C", "*", "Иванов И.И. //"}) {
    auto r = parse_reference(s);
    CHECK(r.text.size() <= std::string(s).size());
  }
}
