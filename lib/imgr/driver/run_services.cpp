#include "imgr/driver/run_services.h"

namespace imgr {
namespace {

// Filled before main() by static registration and only read afterwards.
std::vector<RunServiceFactory>& factories() {
    static std::vector<RunServiceFactory> registered;
    return registered;
}

}  // namespace

void register_run_service(RunServiceFactory factory) { factories().push_back(factory); }

std::vector<RunService> start_run_services(Engine& app) {
    std::vector<RunService> services;
    for (RunServiceFactory factory : factories()) services.push_back(factory(app));
    return services;
}

}  // namespace imgr
