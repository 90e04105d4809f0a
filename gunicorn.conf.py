"""Production serving: `gunicorn -c gunicorn.conf.py` (docs/deployment.md). `make run` stays the embedded try-out.

The app is built once before the workers fork (`preload_app`): every worker shares the same configuration and
secret key, and a missing migration or an invalid rule file stops the server before it takes traffic. A database
connection opened while preloading must not be shared by the forked workers, so each worker drops the inherited
pool and opens its own.

Logs: one JSON object a line on stderr (docs/deployment.md, "Logs"), gunicorn's own lines included. The app
writes one line per request with its request id, so gunicorn's access log (which would print the query
string) is off.
"""

import multiprocessing
import os

bind = os.environ.get("BEVOEGD_BIND", "127.0.0.1:8000")  # behind a reverse proxy that terminates TLS
workers = int(os.environ.get("BEVOEGD_WORKERS", multiprocessing.cpu_count()))  # the rules engine holds the GIL
worker_class = "sync"
preload_app = True
wsgi_app = "app:create_app()"
timeout = 60
graceful_timeout = 30
max_requests = 5000  # recycle workers now and then (a long-lived process may keep fragmented memory)
max_requests_jitter = 500
accesslog = None  # the app's per-request line replaces it (app/logs_setup.py)
errorlog = "-"
os.environ.setdefault("BEVOEGD_LOG_FORMAT", "json")  # read by app/config.py when the app is preloaded below
# gunicorn's start-up and worker lines go through the app's formatter before the app exists; the app's
# handler replaces this one once it is loaded (same class, same format).
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"level": os.environ.get("BEVOEGD_LOG_LEVEL", "INFO").upper(), "handlers": ["stderr"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": [], "propagate": True},
        "gunicorn.access": {"level": "WARNING", "handlers": [], "propagate": False},
    },
    "handlers": {"stderr": {"class": "app.logs_setup.StderrHandler", "formatter": "structured"}},
    "formatters": {"structured": {"()": "app.logs_setup.formatter",
                                  "log_format": os.environ["BEVOEGD_LOG_FORMAT"]}},
}
forwarded_allow_ips = os.environ.get("BEVOEGD_FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_fork(server, worker):  # noqa: ANN001, ARG001 - gunicorn's hook signature
    """Each worker opens its own database connections; the parent's pooled ones stay with the parent."""
    app = server.app.wsgi()
    app.extensions["db_engine"].dispose(close=False)
