#include "fouille/server/server.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <mutex>

#include <httplib.h>

#include "fouille/base/error.h"
#include "fouille/searcher/index.h"

#include "api.h"
#include "assets.h"
#include "session_pool.h"

namespace fouille::server {
namespace {

// Pages may load only their own embedded assets and call only this server.
const char* kSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

Params params_of(const httplib::Request& req) {
  Params params;
  for (const auto& [k, v] : req.params) params.emplace_back(k, v);
  return params;
}

void send(httplib::Response& res, const Response& r) {
  res.status = r.status;
  res.set_content(r.body, r.content_type.c_str());
}

// When the request started, for the access log: httplib calls the logger on
// the thread that handled the request.
thread_local std::chrono::steady_clock::time_point request_started;

// The language of a refusal outside the API's routes: the request's lang
// parameter when valid, else French (as the API's).
Lang lang_of(const httplib::Request& req) {
  const std::optional<Lang> lang = parse_lang(req.get_param_value("lang"));
  return lang ? *lang : Lang::kFr;
}

}  // namespace

struct Server::Impl {
  explicit Impl(Options o)
      : options(std::move(o)),
        pool(std::make_shared<searcher::Index>(options.db, static_cast<std::size_t>(options.set_cache_mb) << 20)),
        api(options, pool) {}

  Options options;
  SessionPool pool;
  Api api;
  httplib::Server http;
  std::mutex log_mutex;
  int port = -1;

  void routes();
  void log(const httplib::Request& req, const httplib::Response& res);
};

void Server::Impl::routes() {
  const int threads = options.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  // Small JSON answers: without this, delayed ACKs add 40 ms to each.
  http.set_tcp_nodelay(true);
  http.set_payload_max_length(options.max_request_bytes);
  // A kept-alive connection holds a pool thread while idle: not for long.
  http.set_keep_alive_max_count(1000);
  http.set_keep_alive_timeout(2);
  http.set_read_timeout(options.io_timeout_seconds, 0);
  http.set_write_timeout(options.io_timeout_seconds, 0);

  httplib::Headers headers = {{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}};
  if (!options.cors.empty()) {
    headers.emplace("Access-Control-Allow-Origin", options.cors);
    headers.emplace("Vary", "Origin");
  }
  http.set_default_headers(headers);

  http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_started = std::chrono::steady_clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http.Get(R"(/api/.*)", [this](const httplib::Request& req, httplib::Response& res) {
    send(res, api.get(req.path, params_of(req)));
    res.set_header("Cache-Control", "no-store");
  });
  http.Get(R"(/.*)", [](const httplib::Request& req, httplib::Response& res) {
    Asset asset = find_asset(req.path);
    if (!asset.content_type) {
      send(res, error_response(404, "not_found", render(Message{"request.no_page", {req.path}}, lang_of(req))));
      return;
    }
    res.set_content(std::string(asset.bytes), asset.content_type);
    res.set_header("Content-Security-Policy", kSecurityPolicy);
  });
  // Anything but GET (and HEAD, which httplib answers from GET) is refused.
  auto refuse = [](const httplib::Request& req, httplib::Response& res) {
    send(res, error_response(405, "method_not_allowed",
                             render(Message{"request.only_get", {req.method, req.path}}, lang_of(req))));
  };
  http.Post(R"(/.*)", refuse);
  http.Put(R"(/.*)", refuse);
  http.Delete(R"(/.*)", refuse);
  http.Patch(R"(/.*)", refuse);
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // an answer of ours
    Response r = error_response(res.status,
                                res.status == 413   ? "too_large"
                                : res.status == 414 ? "uri_too_long"
                                                    : "bad_request",
                                req.path.empty() ? text("request.malformed", lang_of(req))
                                                 : render(Message{"request.refused", {req.path}}, lang_of(req)));
    send(res, r);
  });
  http.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
    send(res, error_response(500, "internal", text("request.internal", lang_of(req))));
  });
  if (!options.quiet)
    http.set_logger([this](const httplib::Request& req, const httplib::Response& res) { log(req, res); });
}

void Server::Impl::log(const httplib::Request& req, const httplib::Response& res) {
  // A request refused before routing (a URL too long) was never timed.
  char line[64];
  if (request_started == std::chrono::steady_clock::time_point{}) {
    std::snprintf(line, sizeof line, " %d - ms\n", res.status);
  } else {
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - request_started).count();
    std::snprintf(line, sizeof line, " %d %.1f ms\n", res.status, ms);
  }
  request_started = {};
  std::lock_guard lock(log_mutex);
  std::ostream& out = options.log ? *options.log : std::cerr;
  out << req.method << ' ' << req.path << line << std::flush;
}

Server::Server(Options options) {
  if (options.db.empty()) throw UsageError(Message{"option.db_required", {}});
  if (options.threads < 1 || options.threads > 256) {
    throw UsageError(Message{"option.expected_range", {"--threads", std::to_string(options.threads), "1", "256"}});
  }
  if (options.port < 0 || options.port > 65535) {
    throw UsageError(Message{"option.expected_range", {"--port", std::to_string(options.port), "0", "65535"}});
  }
  if (!(options.search_seconds > 0 && options.search_seconds <= 60)) {
    throw UsageError(
        Message{"option.expected_positive", {"--search-seconds", std::to_string(options.search_seconds), "60"}});
  }
  if (options.set_cache_mb < 0 || options.set_cache_mb > 65536) {
    throw UsageError(
        Message{"option.expected_range", {"--set-cache-mb", std::to_string(options.set_cache_mb), "0", "65536"}});
  }
  if (options.cors.find_first_of("\r\n") != std::string::npos) throw UsageError(Message{"option.cors", {}});
  impl_ = std::make_unique<Impl>(std::move(options));
  impl_->routes();
  // SO_REUSEADDR only, not the library's default SO_REUSEPORT: with it a
  // second server on the same port started fine and the kernel then split
  // the requests between two databases. SO_REUSEADDR still lets a restarted
  // server bind while old connections linger in TIME_WAIT.
  impl_->http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
}

Server::~Server() = default;

int Server::bind() {
  const Options& o = impl_->options;
  int port =
      o.port == 0 ? impl_->http.bind_to_any_port(o.bind) : (impl_->http.bind_to_port(o.bind, o.port) ? o.port : -1);
  if (port < 0) {
    throw UsageError(Message{"serve.port_busy", {o.bind, std::to_string(o.port)}});
  }
  impl_->port = port;
  return port;
}

void Server::warm_up() {
  try {
    SessionPool::Lease session = impl_->pool.acquire();
    searcher::Request request;
    request.limit = 0;
    session->search(request);
  } catch (const Error&) {
    // Reported by the requests, with the status they deserve.
  }
}

void Server::run() { impl_->http.listen_after_bind(); }

void Server::stop() { impl_->http.stop(); }

}  // namespace fouille::server
