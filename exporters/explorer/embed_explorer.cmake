# Build-time script (explorer.cmake runs it): fetches the graph-drawing library with `npm ci` into
# WORK_DIR and writes OUTPUT, a C++ source holding our page, script and style, the libraries'
# distributed bundles and licences, or the reason they are missing. Never fails the build for a
# missing npm or a failed fetch: the reason goes into the program, which reports it.
#   cmake -DSOURCE_DIR=exporters/explorer -DWORK_DIR=.. -DNPM=/usr/bin/npm -DOUTPUT=..cpp -P this
# NPM is the npm program, "" when none was found, or OFF when -DSOFTGRAPH_EXPLORER=OFF.
set(libraries "graphology;graphology/dist/graphology.umd.min.js;sigma;sigma/dist/sigma.min.js")
set(unavailable "")

function(bundle_paths out_var)
  set(paths "")
  foreach(i 1 3)
    list(GET libraries ${i} rel)
    list(APPEND paths "${WORK_DIR}/node_modules/${rel}")
  endforeach()
  set(${out_var} "${paths}" PARENT_SCOPE)
endfunction()

if(NPM STREQUAL "OFF")
  set(unavailable "softgraph was built with -DSOFTGRAPH_EXPLORER=OFF")
elseif(NPM STREQUAL "" OR NPM MATCHES "NOTFOUND$")
  set(unavailable "npm was not found when softgraph was built (install npm, e.g. Debian's "
                  "'npm' package, and rebuild)")
else()
  bundle_paths(bundles)
  set(fresh TRUE)
  foreach(f package.json package-lock.json)
    if(NOT EXISTS "${WORK_DIR}/${f}")
      set(fresh FALSE)
    else()
      file(SHA256 "${SOURCE_DIR}/${f}" want)
      file(SHA256 "${WORK_DIR}/${f}" have)
      if(NOT want STREQUAL have)
        set(fresh FALSE)
      endif()
    endif()
  endforeach()
  foreach(b IN LISTS bundles)
    if(NOT EXISTS "${b}")
      set(fresh FALSE)
    endif()
  endforeach()
  if(NOT fresh)  # npm ci only when the lock changed or the bundles are missing
    file(REMOVE_RECURSE "${WORK_DIR}")
    file(MAKE_DIRECTORY "${WORK_DIR}")
    file(COPY "${SOURCE_DIR}/package.json" "${SOURCE_DIR}/package-lock.json"
         DESTINATION "${WORK_DIR}")
    execute_process(
      COMMAND "${NPM}" ci --ignore-scripts --no-audit --no-fund --fetch-retries=1
              --fetch-timeout=30000
      WORKING_DIRECTORY "${WORK_DIR}"
      RESULT_VARIABLE rc
      OUTPUT_VARIABLE out
      ERROR_VARIABLE err
      TIMEOUT 600)
    if(NOT rc EQUAL 0)
      string(REGEX REPLACE "[\r\n]+" " " err "${err}")
      string(SUBSTRING "${err}" 0 300 err)
      set(unavailable "'npm ci' of exporters/explorer failed when softgraph was built "
                      "(${rc}): ${err}")
      file(REMOVE "${WORK_DIR}/package-lock.json")  # npm ci again next time
    endif()
  endif()
  if(unavailable STREQUAL "")
    foreach(b IN LISTS bundles)
      if(NOT EXISTS "${b}")
        set(unavailable "the npm package did not contain ${b}")
      else()
        # Inlined in a <script> element, a bundle must not contain what ends or escapes it.
        file(READ "${b}" text)
        string(TOLOWER "${text}" text)
        string(FIND "${text}" "</script" at1)
        string(FIND "${text}" "<!--" at2)
        if(NOT at1 EQUAL -1 OR NOT at2 EQUAL -1)
          set(unavailable "${b} contains '</script' or '<!--' and cannot be inlined")
        endif()
      endif()
    endforeach()
  endif()
endif()
string(JOIN "" unavailable ${unavailable})
if(NOT unavailable STREQUAL "")
  message(WARNING "Explorer (--format html) unavailable: ${unavailable}")
endif()

# name -> file, as byte arrays (any byte survives; no raw-string delimiter to collide with).
set(body "")
set(index 0)
function(embed name path)
  if(path STREQUAL "")
    set(size 0)
    set(bytes "")
  else()
    file(READ "${path}" hex HEX)
    string(LENGTH "${hex}" hex_len)
    math(EXPR size "${hex_len} / 2")
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  endif()
  string(APPEND body "const unsigned char k${name}[] = {${bytes} 0};\n"
         "constexpr std::size_t k${name}Size = ${size};\n")
  set(body "${body}" PARENT_SCOPE)
endfunction()

embed(Page "${SOURCE_DIR}/explorer.html")
embed(Script "${SOURCE_DIR}/explorer.js")
embed(Style "${SOURCE_DIR}/explorer.css")
set(notice "")
if(unavailable STREQUAL "")
  embed(Graphology "${WORK_DIR}/node_modules/graphology/dist/graphology.umd.min.js")
  embed(Sigma "${WORK_DIR}/node_modules/sigma/dist/sigma.min.js")
  foreach(pkg graphology sigma)
    file(READ "${WORK_DIR}/node_modules/${pkg}/package.json" meta)
    string(JSON version GET "${meta}" version)
    string(JSON license GET "${meta}" license)
    file(GLOB license_file "${WORK_DIR}/node_modules/${pkg}/LICENSE*")
    set(license_text "")
    if(license_file)
      list(GET license_file 0 license_file)
      file(READ "${license_file}" license_text)
    endif()
    string(APPEND notice "${pkg} ${version} (${license}, https://www.npmjs.com/package/${pkg})\n"
           "${license_text}\n")
  endforeach()
else()
  embed(Graphology "")
  embed(Sigma "")
endif()
file(WRITE "${OUTPUT}.notice" "${notice}")
embed(Notice "${OUTPUT}.notice")
file(WRITE "${OUTPUT}.reason" "${unavailable}")
embed(Reason "${OUTPUT}.reason")
file(REMOVE "${OUTPUT}.notice" "${OUTPUT}.reason")

file(WRITE "${OUTPUT}.tmp" "// Generated by exporters/explorer/embed_explorer.cmake; do not edit.
#include <cstddef>
#include <string_view>

#include \"explorer_assets.hpp\"

namespace softgraph {
namespace {
${body}
std::string_view view(const unsigned char* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}
}  // namespace

const ExplorerAssets& explorer_assets() {
  static const ExplorerAssets assets{
      view(kPage, kPageSize),          view(kScript, kScriptSize), view(kStyle, kStyleSize),
      view(kGraphology, kGraphologySize), view(kSigma, kSigmaSize), view(kNotice, kNoticeSize),
      view(kReason, kReasonSize)};
  return assets;
}

}  // namespace softgraph
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
# The build's stamp (explorer.cmake): missing after a failed npm ci, so the next build retries.
if(unavailable MATCHES "^'npm ci'")
  file(REMOVE "${WORK_DIR}/embedded.stamp")
else()
  file(MAKE_DIRECTORY "${WORK_DIR}")
  file(TOUCH "${WORK_DIR}/embedded.stamp")
endif()
