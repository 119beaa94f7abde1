"""The HTTP API of ``chronicle serve`` (FastAPI): query, download, review and code events.

>>> from chronicle.api.app import ApiSettings, create_app
>>> app = create_app(ApiSettings(db="chronicle.duckdb"))      # read-only: no token
"""
