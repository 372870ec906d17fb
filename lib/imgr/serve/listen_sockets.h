// Listening TCP sockets opened by imgr, not by libvncserver: its own listening
// reports no error (a port in use leaves it silently deaf) and aborts when one
// of its IPv6 sockets cannot be made. Here a failure is a message.
#pragma once
#include <string>

namespace imgr::serve {

struct ListenSockets {
    int first = -1, second = -1;  // e.g. 127.0.0.1 and ::1 for "localhost"; -1 when absent
    bool open() const { return first >= 0; }
};

// Listens on every address `host` names (at most two), on `port`. Empty error on success.
ListenSockets listen_on(const std::string& host, int port, std::string& error);
// The first free port from `port` up to port + tries - 1; error names the last failure.
ListenSockets listen_on_free_port(const std::string& host, int& port, int tries, std::string& error);
void close_sockets(ListenSockets& sockets);

}  // namespace imgr::serve
