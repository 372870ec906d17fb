// stb_image compiled into the image fuzz target, instrumented for coverage
// and ASan; it takes the place of Debian's libstb.so for that binary only.
// Same header (libstb-dev), so the same decoder code the library runs.
#define STB_IMAGE_IMPLEMENTATION
#include <stb_image.h>
