// The whole run, built once: inputs -> Documents -> extractions -> graph -> metrics and channels.
// `extract` is const and thread-safe, so one Pipeline serves every worker thread.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "softgraph/core/document.hpp"
#include "softgraph/core/extraction.hpp"
#include "softgraph/entities/lexicon.hpp"
#include "softgraph/graph/graph.hpp"
#include "softgraph/graph/graph_builder.hpp"
#include "softgraph/ingest/ingest.hpp"
#include "softgraph/relations/relation_extractor.hpp"

namespace softgraph {

class EntityRecognizer;
class EntityCatalog;

struct PipelineOptions {
  std::vector<std::string> lexicon_files;  // added to the built-in lexicons
  IngestOptions ingest;
  unsigned threads = 0;                   // 0 = all cores
  bool strict = false;                    // a bad document fails the run instead of being skipped
  bool progress = true;                   // a progress line on stderr when it is a terminal
  std::size_t max_evidence = 0;           // evidence kept per edge, 0 = all (GraphBuilderOptions)
  std::vector<std::string> metrics_skip;  // edge types left out of the metrics (e.g. MENTIONS)
  RelationOptions relations;  // other relation rules, or rules left out (--relation-rules ...)
};

class Pipeline {
 public:
  explicit Pipeline(PipelineOptions options);
  ~Pipeline();

  // Everything the extractors find in one document; mention ranges are raw file offsets.
  DocumentExtraction extract(const Document& doc) const;
  using ExtractionSink = std::function<void(DocumentExtraction&&)>;
  // Reads and extracts every input in parallel and hands each result to `sink` in input order,
  // holding only a few documents at a time. Bad documents are reported in `skipped` (or
  // rethrown under strict); an exception from the sink stops the run. Returns the count passed.
  std::size_t extract_stream(const std::vector<std::string>& paths, const ExtractionSink& sink,
                             std::vector<std::string>* skipped = nullptr) const;
  // The same, with `prepare` run on the worker that extracted each document (in parallel, e.g.
  // serialising it) and `sink` receiving what it made, in input order.
  std::size_t extract_stream_as(const std::vector<std::string>& paths,
                                const std::function<std::string(DocumentExtraction&&)>& prepare,
                                const std::function<void(std::string&&)>& sink,
                                std::vector<std::string>* skipped = nullptr) const;
  // The same, collected in a list (small inputs, tests).
  std::vector<DocumentExtraction> extract_all(const std::vector<std::string>& paths,
                                              std::vector<std::string>* skipped = nullptr) const;
  // A graph builder with this run's options; `finish` adds metrics and channel shares.
  GraphBuilder make_builder() const;
  Graph finish(GraphBuilder& builder) const;
  // Graph, metrics and channel shares from extractions.
  Graph build(const std::vector<DocumentExtraction>& extractions) const;

  const Lexicon& lexicon() const { return lexicon_; }
  // The lexicon's entities as extraction records name them (made on first use; thread-safe).
  const EntityCatalog& entity_catalog() const;
  const PipelineOptions& options() const { return options_; }

 private:
  template <typename Prepared>
  std::size_t run_stream(const std::vector<std::string>& paths,
                         const std::function<Prepared(DocumentExtraction&&)>& prepare,
                         const std::function<void(Prepared&&)>& sink,
                         std::vector<std::string>* skipped) const;
  PipelineOptions options_;
  Lexicon lexicon_;
  std::unique_ptr<EntityRecognizer> recognizer_;
  struct LazyCatalog;
  std::unique_ptr<LazyCatalog> catalog_;
};

// Expands files, directories (recursively, symlink loops detected), globs and "-" (paths on
// stdin) into a sorted, de-duplicated list of files. Hidden files and folders are skipped, and so
// is anything under a folder that is one of `excluded` (the run's own output). Throws
// Error(kBadInput) when nothing is left, or a glob matches nothing
// (cli/pipeline/src/input_files.cpp).
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs,
                                       const std::vector<std::string>& excluded = {});

// The input that stands for the embedded example brief (--example); no user path can equal it.
std::string default_input_path();
bool is_embedded_input(const std::string& path);

unsigned effective_threads(unsigned requested);

}  // namespace softgraph
