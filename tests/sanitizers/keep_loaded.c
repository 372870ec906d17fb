// Preloaded into every process of the ASan test run (scripts/test.sh): a
// dlclose() that leaves the library loaded. Mesa unloads its GL driver
// (swrast_dri.so) when the X display closes, before LeakSanitizer checks at
// exit; what the driver still holds then shows as "<unknown module>", which
// no suppression can name, and may even be attributed to an unrelated
// library mapped at the same address later. Kept loaded, the driver's memory
// is reachable or named, so lsan.supp can stay narrow. imgr itself never
// calls dlclose().
int dlclose(void* handle) {
    (void)handle;
    return 0;
}
