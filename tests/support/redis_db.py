"""A Redis database of the test server's own for one stack of processes."""

from __future__ import annotations

import itertools
from urllib.parse import urlsplit, urlunsplit

import redis

# Handed out in turn, so two stacks of one test session never share one (a random pick
# did: a stack then met the sign-in failures another had left for the same username).
_DATABASES = itertools.cycle(range(1, 16))


def private_redis(redis_url: str) -> str:
    """The same server, the next database number, emptied first: the stack's worker
    takes only its own jobs, and no throttle counter or message of an earlier stack
    (perhaps of an earlier run, naming a job this database lacks) is left in it."""
    url = urlunsplit(urlsplit(redis_url)._replace(path=f"/{next(_DATABASES)}"))
    client = redis.Redis.from_url(url)
    try:
        client.flushdb()
    finally:
        client.close()
    return url
