# What a unity build of the library layers (IMGR_UNITY_BUILD, see the top-level
# CMakeLists.txt) needs beyond turning it on.

# Three view files define IMGUI_DEFINE_MATH_OPERATORS before including imgui.h; in a
# unity file another file may include imgui.h first, so the whole view layer gets it
# (defined empty, as the files define it, so their own #define repeats it harmlessly).
foreach(target imgr_view imgr_media_view)
  if(TARGET ${target})
    target_compile_definitions(${target} PRIVATE IMGUI_DEFINE_MATH_OPERATORS=)
  endif()
endforeach()

# Files whose file-local helpers share a name with another file's of the same layer
# (each view component has its own `state_of` and `em`; script.cpp its own `quoted`):
# compiled alone.
set(imgr_unity_alone
  imgr/view/components/chatbot_view.cpp
  imgr/view/components/gallery_view.cpp
  imgr/view/components/image_slider_view.cpp
  imgr/driver/script.cpp)
list(TRANSFORM imgr_unity_alone PREPEND "${PROJECT_SOURCE_DIR}/lib/")
set_property(SOURCE ${imgr_unity_alone} DIRECTORY "${PROJECT_SOURCE_DIR}/lib"
             PROPERTY SKIP_UNITY_BUILD_INCLUSION ON)
