"""The registry as the rest of the app reads it: the per-process snapshot of units,
services and loket that submissions check against, which services a loket offers,
the officers' names as masking reads them, the public-cache scopes of registry
entries, and the registry API (open data)."""
