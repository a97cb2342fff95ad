"""Waiting in tests for something to happen, instead of sleeping a fixed time and hoping."""

import time


def wait_until(predicate, timeout: float = 5.0, message: str = "", interval: float = 0.005):
    """Poll predicate() until it returns something true, and return that; fail after `timeout` seconds.

    message says what was awaited, for the failure: "timed out after 5s waiting for <message>".
    """
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result:
            return result
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {message or predicate}")
        time.sleep(interval)
