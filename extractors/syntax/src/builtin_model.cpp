// The shipped model (schemas/models/en_ewt.model), built into the library with the assembler's
// .incbin: megabytes as a hex array would take the compiler minutes. CMake passes the file's
// absolute path and makes this object depend on it, so a retrained model is picked up.
#include "model.hpp"
#include "softgraph/core/error.hpp"

#ifdef SOFTGRAPH_SYNTAX_MODEL_PATH
asm(".pushsection .rodata.softgraph_syntax_model, \"a\", @progbits\n"
    ".balign 16\n"
    ".hidden softgraph_syntax_model_begin\n"
    ".globl softgraph_syntax_model_begin\n"
    "softgraph_syntax_model_begin:\n"
    ".incbin \"" SOFTGRAPH_SYNTAX_MODEL_PATH
    "\"\n"
    ".hidden softgraph_syntax_model_end\n"
    ".globl softgraph_syntax_model_end\n"
    "softgraph_syntax_model_end:\n"
    ".popsection\n");
extern "C" const char softgraph_syntax_model_begin[];
extern "C" const char softgraph_syntax_model_end[];
#endif

namespace softgraph {

std::shared_ptr<const SyntaxModel> SyntaxModel::builtin() {
#ifdef SOFTGRAPH_SYNTAX_MODEL_PATH
  static const std::shared_ptr<const SyntaxModel> model =
      load(std::string_view(
               softgraph_syntax_model_begin,
               static_cast<std::size_t>(softgraph_syntax_model_end - softgraph_syntax_model_begin)),
           "built-in schemas/models/en_ewt.model");
  return model;
#else
  throw internal_error(
      "this build has no syntax model: schemas/models/en_ewt.model was missing at configure "
      "time (run scripts/train-parser.sh, then configure again)");
#endif
}

}  // namespace softgraph
