# The --format html explorer (included by exporters/CMakeLists.txt). At build time, `npm ci` of
# exporters/explorer/package-lock.json fetches sigma.js and graphology into the build folder, and
# embed_explorer.cmake embeds their distributed bundles with our page, script and style into
# explorer_assets.cpp. Without npm, or when npm ci fails, that file records why, `--format html`
# reports it at run time, and the rest of the build is unaffected. Nothing fetched is committed.
option(SOFTGRAPH_EXPLORER "Fetch sigma.js and graphology with npm at build time for --format html"
       ON)
set(SOFTGRAPH_NPM "OFF")  # embed_explorer.cmake: the explorer was turned off
if(SOFTGRAPH_EXPLORER)
  find_program(SOFTGRAPH_NPM_PROGRAM npm)
  if(SOFTGRAPH_NPM_PROGRAM)
    set(SOFTGRAPH_NPM ${SOFTGRAPH_NPM_PROGRAM})
  else()
    set(SOFTGRAPH_NPM "")
    message(WARNING "npm not found: `--format html` (the explorer) will be unavailable")
  endif()
endif()

set(explorer_src ${CMAKE_CURRENT_SOURCE_DIR}/explorer)
set(explorer_cpp ${CMAKE_CURRENT_BINARY_DIR}/explorer_assets.cpp)
# The stamp is removed when npm ci fails, so that the next build tries again.
add_custom_command(
  OUTPUT ${explorer_cpp} ${CMAKE_CURRENT_BINARY_DIR}/explorer-npm/embedded.stamp
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${explorer_src}
          -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/explorer-npm "-DNPM=${SOFTGRAPH_NPM}"
          -DOUTPUT=${explorer_cpp} -P ${explorer_src}/embed_explorer.cmake
  DEPENDS ${explorer_src}/package.json ${explorer_src}/package-lock.json
          ${explorer_src}/explorer.html ${explorer_src}/explorer.js ${explorer_src}/explorer.css
          ${explorer_src}/embed_explorer.cmake
  COMMENT "Explorer: npm ci (sigma.js, graphology) and embedding the page"
  VERBATIM)
target_sources(softgraph_exporters PRIVATE ${explorer_cpp})
target_include_directories(softgraph_exporters PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
