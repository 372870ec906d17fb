#include "imgr/serve/listen_sockets.h"

#include <cerrno>
#include <cstring>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace imgr::serve {
namespace {
int listen_socket(const addrinfo& address, std::string& error) {
    const int fd = socket(address.ai_family, address.ai_socktype | SOCK_CLOEXEC, address.ai_protocol);
    if (fd < 0) {
        error = std::strerror(errno);
        return -1;
    }
    const int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (address.ai_family == AF_INET6) setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    if (bind(fd, address.ai_addr, address.ai_addrlen) != 0 || listen(fd, 32) != 0) {
        error = std::strerror(errno);
        close(fd);
        return -1;
    }
    return fd;
}
}  // namespace

ListenSockets listen_on(const std::string& host, int port, std::string& error) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    const std::string service = std::to_string(port);
    if (const int code = getaddrinfo(host.c_str(), service.c_str(), &hints, &found); code != 0) {
        error = "cannot resolve '" + host + "': " + gai_strerror(code);
        return {};
    }
    ListenSockets sockets;
    std::string why;
    for (addrinfo* address = found; address && sockets.second < 0; address = address->ai_next) {
        const int fd = listen_socket(*address, why);
        if (fd < 0) continue;
        (sockets.first < 0 ? sockets.first : sockets.second) = fd;
    }
    freeaddrinfo(found);
    error = sockets.open() ? "" : "cannot listen on " + host + ":" + service + ": " + why;
    return sockets;
}

ListenSockets listen_on_free_port(const std::string& host, int& port, int tries, std::string& error) {
    for (int i = 0; i < tries; ++i) {
        ListenSockets sockets = listen_on(host, port + i, error);
        if (sockets.open()) {
            port += i;
            return sockets;
        }
    }
    return {};
}

void close_sockets(ListenSockets& sockets) {
    if (sockets.first >= 0) close(sockets.first);
    if (sockets.second >= 0) close(sockets.second);
    sockets = {};
}

}  // namespace imgr::serve
