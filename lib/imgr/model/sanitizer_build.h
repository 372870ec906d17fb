// Whether this file is compiled under a sanitizer: GCC says so with
// __SANITIZE_ADDRESS__ and __SANITIZE_THREAD__, clang (which builds the test
// command's sanitizer stages) only through __has_feature.
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define IMGR_ADDRESS_SANITIZER 1
#endif
#if defined(__SANITIZE_THREAD__)
#define IMGR_THREAD_SANITIZER 1
#endif
#if defined(__has_feature)
#if __has_feature(address_sanitizer) && !defined(IMGR_ADDRESS_SANITIZER)
#define IMGR_ADDRESS_SANITIZER 1
#endif
#if __has_feature(thread_sanitizer) && !defined(IMGR_THREAD_SANITIZER)
#define IMGR_THREAD_SANITIZER 1
#endif
#endif
