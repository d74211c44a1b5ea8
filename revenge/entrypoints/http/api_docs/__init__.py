"""/api/docs: Swagger UI served entirely by this server (no CDN), over the true document."""

from revenge.entrypoints.http.api_docs.plugins import docs_plugins

__all__ = ["docs_plugins"]
