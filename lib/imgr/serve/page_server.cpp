#include "imgr/serve/page_server.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>

namespace imgr::serve {
namespace {

std::string content_type(const std::filesystem::path& file) {
    const std::string extension = file.extension().string();
    if (extension == ".html") return "text/html; charset=utf-8";
    if (extension == ".js") return "application/javascript";
    if (extension == ".css") return "text/css";
    if (extension == ".svg") return "image/svg+xml";
    if (extension == ".png") return "image/png";
    if (extension == ".ico") return "image/x-icon";
    if (extension == ".json") return "application/json";
    if (extension == ".oga" || extension == ".ogg") return "audio/ogg";
    if (extension == ".mp3") return "audio/mpeg";
    return "application/octet-stream";
}

bool send_all(int connection, const std::string& bytes) {
    for (size_t sent = 0; sent < bytes.size();) {
        const ssize_t n = send(connection, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return false;
        sent += (size_t)n;
    }
    return true;
}

}  // namespace

std::string requested_file(const std::string& request) {
    if (request.rfind("GET /", 0) != 0) return {};
    const auto end = request.find_first_of(" ?#", 4);
    if (end == std::string::npos) return {};
    std::string path = request.substr(5, end - 5);
    if (path.find("..") != std::string::npos || path.find('%') != std::string::npos || path.find('\\') != std::string::npos)
        return {};
    return path.empty() ? "index.html" : path;
}

PageServer::PageServer(ListenSockets sockets, std::filesystem::path folder)
    : sockets_(sockets), folder_(std::move(folder)) {
    if (pipe2(wake_pipe_, O_CLOEXEC) != 0) return;
    acceptor_ = std::thread([this] { accept_loop(); });
}

PageServer::~PageServer() {
    if (acceptor_.joinable()) {
        (void)!write(wake_pipe_[1], "x", 1);
        acceptor_.join();
    }
    {
        // A browser keeps idle connections open: they are woken now rather than at their time limit.
        std::lock_guard lock(open_mutex_);
        for (int connection : open_) shutdown(connection, SHUT_RDWR);
    }
    while (active_.load() > 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    for (int fd : wake_pipe_)
        if (fd >= 0) close(fd);
    close_sockets(sockets_);
}

void PageServer::accept_loop() {
    while (true) {
        pollfd fds[3] = {{wake_pipe_[0], POLLIN, 0}, {sockets_.first, POLLIN, 0}, {sockets_.second, POLLIN, 0}};
        if (poll(fds, 3, -1) < 0) {
            if (errno == EINTR) continue;
            return;
        }
        if (fds[0].revents) return;
        for (int i = 1; i < 3; ++i) {
            if (!(fds[i].revents & POLLIN)) continue;
            const int connection = accept4(fds[i].fd, nullptr, nullptr, SOCK_CLOEXEC);
            if (connection < 0) continue;
            if (active_.load() >= kMaxConnections) {  // a flood of connections costs no threads
                close(connection);
                continue;
            }
            ++active_;
            {
                std::lock_guard lock(open_mutex_);
                open_.insert(connection);
            }
            std::thread([this, connection] { answer(connection); }).detach();  // the destructor waits for active_
        }
    }
}

void PageServer::answer(int connection) {
    const timeval limit{10, 0};
    setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
    setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
    std::string request;
    char buffer[2048];
    while (request.find("\r\n\r\n") == std::string::npos && request.size() < 8192) {
        const ssize_t got = recv(connection, buffer, sizeof buffer, 0);
        if (got <= 0) break;
        request.append(buffer, (size_t)got);
    }
    const std::string file = requested_file(request.substr(0, request.find('\r')));
    std::ifstream in;
    std::error_code error;
    if (!file.empty() && std::filesystem::is_regular_file(folder_ / file, error)) in.open(folder_ / file, std::ios::binary);
    if (!in) {
        send_all(connection, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    } else {
        std::ostringstream body;
        body << in.rdbuf();
        const std::string bytes = body.str();
        send_all(connection, "HTTP/1.1 200 OK\r\nContent-Type: " + content_type(file) + "\r\nContent-Length: " +
                                 std::to_string(bytes.size()) + "\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n" +
                                 bytes);
    }
    shutdown(connection, SHUT_WR);
    {
        std::lock_guard lock(open_mutex_);
        open_.erase(connection);
        close(connection);
    }
    --active_;
}

}  // namespace imgr::serve
