// Turning the phone server off closes every connection, keep-alive ones too (docs/phones.md):
// cpp-httplib's stop() closes the listening socket, but a worker thread may sit on an idle
// keep-alive connection until its timeout and then answer one more request. This shuts such
// connections down from the outside, so their workers see the end at once.
#pragma once

namespace atelier::net {

// Shuts down, both ways, every connected TCP socket of this process whose local port is port
// (the server's accepted connections). Call after the server stopped listening.
// Returns how many it shut down.
int ShutDownConnectionsOnPort(int port);

}  // namespace atelier::net
