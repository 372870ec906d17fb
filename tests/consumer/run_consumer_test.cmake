# Installs the imgr build into a scratch prefix, builds the consumer project
# against it with find_package(imgr), and runs it for two frames.
file(REMOVE_RECURSE "${WORK_DIR}")
function(step)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "failed (${result}): ${ARGN}\n${out}")
  endif()
endfunction()
step(${CMAKE_COMMAND} --install "${IMGR_BUILD_DIR}" --prefix "${WORK_DIR}/prefix")
step(${CMAKE_COMMAND} -S "${CONSUMER_SOURCE_DIR}" -B "${WORK_DIR}/build"
     "-DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix" -DCMAKE_BUILD_TYPE=Release
     # the compiler imgr was built with: a sanitizer build's libraries need its runtime
     "-DCMAKE_CXX_COMPILER=${IMGR_CXX_COMPILER}")
step(${CMAKE_COMMAND} --build "${WORK_DIR}/build" -j 2)
step("${WORK_DIR}/build/consumer" --headless --frames 2)
message(STATUS "consumer built against ${WORK_DIR}/prefix and ran")
