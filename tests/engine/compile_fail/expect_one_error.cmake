# Builds TARGET in BUILD_DIR and passes when the build fails with exactly one
# compiler error whose text (with its instantiation context) matches EXPECT:
# a mismatched handler gets one readable message, not a page from <variant>.
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${TARGET}
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
string(REPLACE ";" "," flat "${output}")  # a list counts semicolons as separators
string(REGEX MATCHALL "[^\n]*error: [^\n]*" errors "${flat}")
list(LENGTH errors count)
if(result EQUAL 0)
  message(FATAL_ERROR "${TARGET} compiled, but it must not:\n${output}")
elseif(NOT output MATCHES "${EXPECT}")
  message(FATAL_ERROR "${TARGET} failed without the expected message (${EXPECT}):\n${output}")
elseif(NOT count EQUAL 1)
  message(FATAL_ERROR "${TARGET} gave ${count} compiler errors, expected one:\n${output}")
endif()
message(STATUS "${TARGET}: one error, as expected")
