"""The package's version (pyproject.toml says the same): in the plan cache's key, `--version` and webhooks'
User-Agent."""

__version__ = "0.1.0"
