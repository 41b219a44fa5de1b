"""The ground floor the apps stand on: request-edge checks, the JSON error shape,
the public page cache, the Redis client, the client address, language helpers,
exports and the submission counters.

It imports no app and not ``portal`` (the import-linter contracts in pyproject.toml
hold it to that), so every app may import it.
"""
