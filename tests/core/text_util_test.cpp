#include "softgraph/core/text_util.hpp"

#include <doctest/doctest.h>

#include <string>

#include "softgraph/core/offset_map.hpp"

using namespace softgraph;

TEST_CASE("sha256 matches the FIPS 180-2 test vectors at every padding length") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("ascii slugs are lower-case words joined by underscores") {
  CHECK(ascii_slug("Kazakh-American University (KAU)") == "kazakh_american_university_kau");
  CHECK(ascii_slug("  --  ") == "");
}

TEST_CASE("the offset map sends copied and rewritten runs back to the original bytes") {
  // raw: "ab-\n\ncd ef"  text: "abcd ef"
  OffsetMap m;
  m.add_copy(0, 2);            // "ab"
  m.add_replacement(0, 2, 5);  // "-\n\n" dropped
  m.add_copy(5, 5);            // "cd ef"
  CHECK(m.text_size() == 7);
  CHECK(m.to_raw_begin(0) == 0);
  CHECK(m.to_raw_end(4) == 7);    // "abcd" ends after raw "cd"
  CHECK(m.to_raw_begin(2) == 5);  // "cd" starts at raw 5
  CHECK(m.to_raw_begin(5) == 8);  // "ef"
  CHECK(m.to_raw_end(7) == 10);
}
