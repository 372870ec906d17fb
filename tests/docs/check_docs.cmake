# Keeps docs/ honest: every option an app accepts is in docs/command-line.md,
# every command the script parser accepts is in docs/scripts.md, no file under
# lib/ points at a DESIGN.md the repository does not have, and every relative
# link in README.md and docs/*.md leads to a file that exists.
#
#   cmake -DSOURCE_DIR=<repo> [-DAPP=<an imgr app>] -P check_docs.cmake
#
# The options come from two places, so neither can drift alone: what the app
# prints for --help, and the string literals of the command-line parser. The
# script commands come from the parser's keyword comparisons and from
# format_command's spellings. The check then proves it can fail: the same docs
# with one option taken out must be reported.
cmake_minimum_required(VERSION 3.20)
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "pass -DSOURCE_DIR=<the repository>")
endif()

set(problems "")
macro(problem text)
  list(APPEND problems "${text}")
endmacro()

# The items of `items` that `text` does not mention as `item` (a backtick, the
# item, then a space, backtick, '=' or '|'): a passing mention in prose is not documentation.
function(undocumented text items out)
  set(missing "")
  foreach(item IN LISTS items)
    if(NOT text MATCHES "`${item}[ `=|]")  # items are [a-z-] only: nothing to escape
      list(APPEND missing "${item}")
    endif()
  endforeach()
  set(${out} "${missing}" PARENT_SCOPE)
endfunction()

# Every distinct first capture of `regex` in `text`.
function(captures text regex out)
  string(REGEX MATCHALL "${regex}" matches "${text}")
  set(found "")
  foreach(match IN LISTS matches)
    string(REGEX REPLACE "${regex}" "\\1" item "${match}")
    list(APPEND found "${item}")
  endforeach()
  list(REMOVE_DUPLICATES found)
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

# --- command line ---------------------------------------------------------------
file(READ "${SOURCE_DIR}/lib/imgr/platform/command_line.cpp" parser_source)
captures("${parser_source}" "\"(--[a-z][a-z-]*)\"" flags)
if(NOT flags)
  problem("found no \"--option\" literal in lib/imgr/platform/command_line.cpp: the parser changed shape; update tests/docs/check_docs.cmake")
endif()
if(APP)
  execute_process(COMMAND "${APP}" --help RESULT_VARIABLE help_exit OUTPUT_VARIABLE help_text ERROR_VARIABLE help_error)
  if(NOT help_exit EQUAL 0)
    problem("${APP} --help exited with ${help_exit}: ${help_error}")
  endif()
  captures("${help_text}" "(--[a-z][a-z-]*)" help_flags)
  if(NOT help_flags)
    problem("${APP} --help listed no --option")
  endif()
  list(APPEND flags ${help_flags})
  list(REMOVE_DUPLICATES flags)
endif()
file(READ "${SOURCE_DIR}/docs/command-line.md" command_line_doc)
undocumented("${command_line_doc}" "${flags}" missing_flags)
foreach(flag IN LISTS missing_flags)
  problem("docs/command-line.md does not document `${flag}` (the app accepts it)")
endforeach()

# The check itself must be able to fail: without one option's mentions it has to notice.
list(GET flags 0 probe)
string(REPLACE "`${probe}" "`" doc_without_probe "${command_line_doc}")
undocumented("${doc_without_probe}" "${probe}" probe_missing)
if(NOT probe_missing STREQUAL probe)
  problem("self-check: docs/command-line.md without `${probe}` still passed; the check cannot fail")
endif()

# --- demo-script commands -------------------------------------------------------
file(READ "${SOURCE_DIR}/lib/imgr/driver/script.cpp" script_source)
captures("${script_source}" "word == \"([a-z]+)\"" parsed_commands)
captures("${script_source}" "return \"([a-z]+)[ \"]" formatted_commands)
set(commands ${parsed_commands} ${formatted_commands})
list(REMOVE_DUPLICATES commands)
if(NOT parsed_commands)
  problem("found no `word == \"command\"` in lib/imgr/driver/script.cpp: the parser changed shape; update tests/docs/check_docs.cmake")
endif()
file(READ "${SOURCE_DIR}/docs/scripts.md" scripts_doc)
undocumented("${scripts_doc}" "${commands}" missing_commands)
foreach(command IN LISTS missing_commands)
  problem("docs/scripts.md does not document the command `${command}` (the script parser accepts it)")
endforeach()

# --- no pointers to a DESIGN.md outside the repository ----------------------------
file(GLOB_RECURSE lib_files "${SOURCE_DIR}/lib/*.h" "${SOURCE_DIR}/lib/*.cpp")
foreach(path IN LISTS lib_files)
  file(STRINGS "${path}" citing REGEX "DESIGN\\.md")
  if(citing)
    file(RELATIVE_PATH relative "${SOURCE_DIR}" "${path}")
    problem("${relative} cites DESIGN.md, which is not in the repository: point it at docs/")
  endif()
endforeach()

# --- relative links lead somewhere ----------------------------------------------
file(GLOB doc_files "${SOURCE_DIR}/docs/*.md")
foreach(path IN LISTS doc_files ITEMS "${SOURCE_DIR}/README.md")
  file(READ "${path}" text)
  # Code is not a link, even where it looks like one: lambdas `[](double v)`.
  string(REGEX REPLACE "```[^`]*```" "" text "${text}")
  string(REGEX REPLACE "`[^`\n]*`" "" text "${text}")
  get_filename_component(folder "${path}" DIRECTORY)
  captures("${text}" "\\]\\(([^)#:]+)(#[^)]*)?\\)" targets)
  foreach(target IN LISTS targets)
    if(NOT EXISTS "${folder}/${target}")
      file(RELATIVE_PATH relative "${SOURCE_DIR}" "${path}")
      problem("${relative} links to ${target}, which does not exist")
    endif()
  endforeach()
endforeach()

if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "the docs are behind the code:\n  ${text}")
endif()
list(LENGTH flags flag_count)
list(LENGTH commands command_count)
message(STATUS "docs: ${flag_count} options and ${command_count} script commands documented")
