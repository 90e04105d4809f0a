"""Production serving: `gunicorn -c gunicorn.conf.py` (docs/deployment.md). `make run` stays the embedded try-out.

The app is built once before the workers fork (`preload_app`): every worker shares the same configuration and
secret key, and a missing migration or an invalid rule file stops the server before it takes traffic. A database
connection opened while preloading must not be shared by the forked workers, so each worker drops the inherited
pool and opens its own.
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
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("BEVOEGD_FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_fork(server, worker):  # noqa: ANN001, ARG001 - gunicorn's hook signature
    """Each worker opens its own database connections; the parent's pooled ones stay with the parent."""
    app = server.app.wsgi()
    app.extensions["db_engine"].dispose(close=False)
